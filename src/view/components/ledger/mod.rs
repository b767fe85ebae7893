//! The ledger beside the runs (`crate::load::ledger`): the balance, its
//! runway and a warning below the minimum ([`balance`]), and for a month
//! the ledger's figures and the reconciliation with the runs
//! ([`reconciliation`]). Nothing shows while the ledger is hidden (`ledger:
//! false`, or none on this deployment).

mod balance;
mod node_types;
mod recon_table;
mod reconciliation;

pub use balance::balance_lines;
pub use node_types::node_types_table;
pub use reconciliation::reconciliation_view;

use crate::core::ledger::YearMonth;
use crate::view::table::{PeriodView, Table};

/// The UTC month a period is, when it is one calendar month.
pub fn month_of(view: &PeriodView) -> Option<YearMonth> {
    let month = YearMonth::of_day(view.period.from);
    (month.period() == view.period).then_some(month)
}

/// Today in UTC (the ledger's days): the `now` option's, or the clock's.
pub fn ledger_today(t: crate::view::table::Table) -> crate::core::period::Day {
    let now = t
        .with_config(|c| c.now_ms)
        .unwrap_or_else(|| js_sys::Date::now() as i64);
    crate::core::ledger::utc_day(now)
}

/// Why a ledger month is not shown when it has use after today (see
/// `Usage::used_after`), or `None` when it can be.
pub fn after_now(
    t: crate::view::table::Table,
    usage: &crate::core::ledger::Usage,
) -> Option<String> {
    let today = ledger_today(t);
    if !usage.used_after(today) {
        return None;
    }
    let f = t.fmt();
    let year = crate::core::period::ymd(today).0;
    Some(f.tf(
        crate::core::messages::M::ledgerAfterNow,
        &[
            ("day", &crate::core::period::short_date(today, year, &f)),
            ("month", &ledger_month_name(usage.year_month, &f)),
        ],
    ))
}

/// A month of the usage ledger by name, "November 2026", with "(UTC)"
/// after it when the billing time zone is another: the ledger's months and
/// days are UTC's, not the zone's the period is counted in.
pub fn ledger_month_name(month: YearMonth, f: &crate::core::format::Formatter) -> String {
    let name = crate::core::period::month_label(&month.key(), f);
    if f.zone() == "UTC" {
        name
    } else {
        let utc = f.tf(crate::core::messages::M::zoneParens, &[("zone", "UTC")]);
        format!("{name} {utc}")
    }
}

/// Asks for the months the view needs: this month and the one before (the
/// runway's 30 days), and a chosen month and the one before (its
/// comparison). Runs whenever the period changes.
pub fn want_months(t: Table) {
    crate::load::effect::effect(move |_| {
        let env = t.env();
        let now = crate::load::ledger::this_month(&env);
        let mut months = vec![now];
        months.extend(now.offset(-1));
        if let Some(m) = t.period.with(|v| v.as_ref().and_then(month_of)) {
            months.push(m);
            months.extend(m.offset(-1));
        }
        crate::load::ledger::want(t.state, env, &months, false);
    });
}
