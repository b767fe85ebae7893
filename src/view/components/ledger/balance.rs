//! "Balance 12,345.6789 CU ($24.69) · minimum 3,808.5505 CU", the runway at
//! the last 30 days' rate (its method as its description), and a warning
//! (role=status, said once) while the balance is below the minimum.

use crate::core::ledger::{balance_at_start_of_today, daily_rate, runway, utc_day, RateWindow};
use crate::core::ledger_text::{balance_line, below_minimum, runway_line, runway_method};
use crate::core::messages::M;
use crate::view::el::{h, El, Els};
use crate::view::table::{use_table, Table};

/// The balance and runway lines (tracked), empty while there is no balance.
fn lines(t: Table, method_id: &str) -> Els {
    let data = t.state.ledger.get();
    if data.hidden {
        return Vec::new();
    }
    let f = t.fmt();
    let mut out = Vec::new();
    // While the runs' own error shows (the same unreachable API, most
    // often), the ledger's waits: one problem said at a time.
    if let Some(err) = data
        .error
        .as_ref()
        .filter(|_| t.state.error.with(Option::is_none))
    {
        let text = f.tf(M::ledgerError, &[("error", &err.describe(&f))]);
        out.push(h("p").class("cu-note cu-warn").text(&text));
    }
    let Some(b) = data.balance else {
        return out;
    };
    let price = t.with_config(crate::load::config::Config::per_cu);
    out.push(
        h("p")
            .class("cu-balance")
            .text(&balance_line(&b, price, &f)),
    );
    let now = t
        .with_config(|c| c.now_ms)
        .unwrap_or_else(|| js_sys::Date::now() as i64);
    let today = utc_day(now);
    let by_day: Vec<_> = data
        .months
        .iter()
        .flat_map(|u| u.daily.iter().map(|d| (d.date, d.used)))
        .collect();
    // The 30 days before today, once the ledger holds their months.
    let from = crate::core::ledger::YearMonth::of_day(RateWindow::Month.first_day(today));
    if data.month(from).is_none() {
        return out;
    }
    let rate = daily_rate(&by_day, today, RateWindow::Month);
    // From the balance as it stood at the start of today, as the method says.
    let start = balance_at_start_of_today(
        b.balance,
        data.month(crate::core::ledger::YearMonth::of_day(today)),
        today,
    );
    let r = runway(start, b.min_threshold, rate, today);
    out.push(
        h("p")
            .class("cu-runway")
            .attr("aria-describedby", method_id)
            .text(&runway_line(&r, rate, today, &f)),
    );
    out.push(
        h("p")
            .class("cu-note cu-method")
            .attr("id", method_id)
            .text(&runway_method(rate.days, &f)),
    );
    out
}

/// The warning while the balance is below the minimum (tracked; empty
/// otherwise).
fn warning(t: Table) -> String {
    t.state.ledger.with(|d| match d.balance {
        Some(b) if !d.hidden && b.balance < b.min_threshold => below_minimum(&b, &t.fmt()),
        _ => String::new(),
    })
}

/// The balance and its runway, and the warning in a status region of its
/// own (its text changes only when the warning does: said once).
pub fn balance_lines() -> El {
    let t = use_table();
    super::want_months(t);
    let method_id = format!("{}-runway-method", t.uid());
    h("div")
        .class("cu-ledger")
        .dyn_part(move || lines(t, &method_id))
        .child(
            h("p")
                .class("cu-note cu-warn cu-low-balance")
                .attr("role", "status")
                .dyn_text(move || warning(t)),
        )
}
