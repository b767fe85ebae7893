//! The ledger's sentences: the balance and its runway, the month's ledger
//! figures and its reconciliation with the runs. Pure functions of plain
//! data; words from the catalog, numbers formatted by the [`Formatter`].

use crate::core::cu::{CuTotal, PricePerCu};
use crate::core::format::Formatter;
use crate::core::ledger::{
    Balance, Causes, DailyRate, EndBalance, Figures, MonthSummary, Runway, Threshold,
};
use crate::core::messages::M;
use crate::core::period::{short_date, ymd, Day};

/// "12,345.6789 CU ($24.69)": CU and, when priced, its cost.
fn cu_and_cost(cu: CuTotal, price: Option<PricePerCu>, f: &Formatter) -> String {
    let text = format!("{} CU", f.cu_total(cu));
    match price {
        Some(p) => format!("{text} ({})", f.money(p.cost_of(cu))),
        None => text,
    }
}

/// "Balance 12,345.6789 CU ($24.69) · minimum 3,808.5505 CU".
pub fn balance_line(b: &Balance, price: Option<PricePerCu>, f: &Formatter) -> String {
    f.tf(
        M::ledgerBalance,
        &[
            ("balance", &cu_and_cost(b.balance, price, f)),
            ("minimum", &format!("{} CU", f.cu_total(b.min_threshold))),
        ],
    )
}

/// A day of the runway: "Dec 14 (UTC)".
fn day(d: Day, today: Day, f: &Formatter) -> String {
    format!("{} (UTC)", short_date(d, ymd(today).0, f))
}

/// "At the last 30 days' rate (1,610.4000 CU a day) the balance falls
/// below the minimum on Dec 14 (UTC) and runs out on Dec 16 (UTC)." and
/// its other forms; `None` while below the minimum (the warning says it).
pub fn runway_line(r: &Runway, rate: DailyRate, today: Day, f: &Formatter) -> String {
    let per_day = format!("{} CU", f.cu_total(rate.per_day()));
    let days = rate.days.to_string();
    let lead = f.tf(M::runwayRate, &[("days", &days), ("rate", &per_day)]);
    let text = match (r.below_minimum, r.runs_out) {
        (_, Threshold::Never) => f.t(M::runwayNever),
        (Threshold::On(b), Threshold::On(o)) => f.tf(
            M::runwayBoth,
            &[("below", &day(b, today, f)), ("out", &day(o, today, f))],
        ),
        (_, Threshold::On(o)) => f.tf(M::runwayOut, &[("out", &day(o, today, f))]),
        (_, Threshold::Already) => f.t(M::runwayEmpty),
    };
    f.tf(M::runwayLine, &[("lead", &lead), ("text", &text)])
}

/// "The balance is below the minimum, by 4,834.5525 CU."
pub fn below_minimum(b: &Balance, f: &Formatter) -> String {
    let by = CuTotal(b.min_threshold.0.saturating_sub(b.balance.0));
    f.tf(
        M::ledgerBelowMinimum,
        &[("by", &format!("{} CU", f.cu_total(by)))],
    )
}

/// How the runway is reckoned (its description).
pub fn runway_method(days: u32, f: &Formatter) -> String {
    f.tn(M::runwayMethod, u64::from(days), &[])
}

/// "November 2026 in the usage ledger: deposited 42,000.0000 CU, granted
/// 2,000.0000 CU, used 18,870.9740 CU; balance at the month's end
/// 43,808.8708 CU (so far)."
pub fn month_line(s: &MonthSummary, name: &str, f: &Formatter) -> String {
    let cu = |c: CuTotal| format!("{} CU", f.cu_total(c));
    let head = f.tf(
        M::ledgerMonth,
        &[
            ("month", name),
            ("deposited", &cu(s.deposited)),
            ("granted", &cu(s.granted)),
            ("used", &cu(s.used)),
        ],
    );
    match s.end_balance {
        Some(EndBalance::SoFar(b)) => {
            f.tf(M::ledgerMonthSoFar, &[("head", &head), ("balance", &cu(b))])
        }
        Some(EndBalance::Closed(b)) => f.tf(
            M::ledgerMonthClosed,
            &[("head", &head), ("balance", &cu(b))],
        ),
        None => f.tf(M::budgetDone, &[("head", &head)]),
    }
}

/// The difference as the runs see it: runs − ledger, signed ("−5.7784").
pub fn difference(fig: &Figures, f: &Formatter) -> String {
    f.signed_cu(-fig.difference)
}

/// The difference's share of the ledger figure: "0.012 %" (thousandths).
pub fn difference_percent(fig: &Figures, f: &Formatter) -> String {
    match fig.percent {
        None => "—".to_owned(),
        Some(t) => {
            let t = -t;
            let a = t.unsigned_abs();
            let sign = crate::core::format::sign(t);
            format!("{sign}{}{}{:03} %", a / 1000, f.decimal_sep(), a % 1000)
        }
    }
}

/// "Runs: 48,314.2216 CU · Ledger: 48,320.0000 CU used · Difference
/// −5.7784 CU (−0.012 %)".
pub fn recon_line(fig: &Figures, f: &Formatter) -> String {
    f.tf(
        M::reconLine,
        &[
            ("runs", &f.cu_total(fig.runs_cu)),
            ("ledger", &f.cu_total(fig.ledger_cu)),
            ("difference", &difference(fig, f)),
            ("percent", &difference_percent(fig, f)),
        ],
    )
}

/// What may explain a day's difference, or that nothing the runs show
/// does ("—" when the day matches).
pub fn causes(fig: &Figures, f: &Formatter) -> String {
    if fig.matches() {
        return "—".to_owned();
    }
    let c: &Causes = &fig.causes;
    let mut out = Vec::new();
    if c.in_progress > 0 {
        out.push(f.tn(M::causeInProgress, c.in_progress as u64, &[]));
    }
    let crossing = c.crossing_out + c.crossing_in;
    if crossing > 0 {
        out.push(f.tn(M::causeCrossing, crossing as u64, &[]));
    }
    if c.without_cu > 0 {
        out.push(f.tn(M::causeWithoutCu, c.without_cu as u64, &[]));
    }
    if c.not_loaded {
        out.push(f.t(M::causeNotLoaded));
    }
    if out.is_empty() {
        return f.t(M::causeNone);
    }
    out.join(&f.t(M::printListSep))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ledger::{runway, DailyRate};

    fn en() -> Formatter {
        Formatter::plain(None)
    }

    #[test]
    fn the_runway_says_both_days() {
        // The example: 1,610.4 CU a day over 30 days.
        let b = Balance {
            balance: CuTotal::from_decimal("12345.6789").unwrap(),
            min_threshold: CuTotal::from_decimal("3808.5505").unwrap(),
        };
        let rate = DailyRate {
            cu: CuTotal::from_decimal("48312").unwrap(),
            days: 30,
        };
        let today = crate::core::period::parse("2026-12-06").unwrap();
        let r = runway(b.balance, b.min_threshold, rate, today);
        assert_eq!(
            runway_line(&r, rate, today, &en()),
            "At the last 30 days' rate (1,610.4000 CU a day, from the usage ledger) the balance falls below the minimum on Dec 11 (UTC) and runs out on Dec 13 (UTC)."
        );
        assert_eq!(
            balance_line(&b, None, &en()),
            "Balance 12,345.6789 CU · minimum 3,808.5505 CU"
        );
    }

    #[test]
    fn a_difference_reads_as_the_runs_see_it() {
        let fig = Figures {
            runs_cu: CuTotal::from_decimal("48314.2216").unwrap(),
            ledger_cu: CuTotal::from_decimal("48320").unwrap(),
            difference: 57_784,
            percent: Some(12),
            ..Default::default()
        };
        assert_eq!(
            recon_line(&fig, &en()),
            "Runs: 48,314.2216 CU · Ledger: 48,320.0000 CU used · Difference −5.7784 CU (−0.012 %)"
        );
        assert_eq!(causes(&fig, &en()), "No cause the runs show");
    }
}
