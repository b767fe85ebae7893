//! The monthly budget: "62 % of the 80,000 CU budget used; at this rate the
//! budget runs out on Nov 26."

use crate::el::{h, El};

use crate::finance::budget_line;
use crate::period::{budget, cu_by_day, short_date, whole_percent, ymd, Cover};
use crate::table::use_table;

/// The budget line (a month chosen, `budgetCu` set, the month loaded).
pub fn budget_line_view() -> El {
    let t = use_table();
    let (period, subtotals) = (t.period, t.subtotals);
    let fmt = t.fmt();
    let budget_cu = t.with_config(|c| c.budget_cu);
    let budget_text = move || {
        let budget_cu = budget_cu?;
        let view = period.get()?;
        if !view.preset.is_month() || view.cover != Cover::Full {
            return None;
        }
        let by_day = t.scope_set.with(|s| {
            t.filtered
                .with(|f| s.as_ref().map(|l| cu_by_day(&l.set, f)).unwrap_or_default())
        });
        let spent = subtotals.with(|s| s.total.cu);
        let state = budget(&by_day, budget_cu, view.period, view.today, view.into_today);
        let year = ymd(view.today).0;
        Some(budget_line(
            whole_percent(spent, budget_cu),
            &format!("{} CU", fmt.cu_setting(budget_cu)),
            state,
            &|d| short_date(d, year),
            view.period.contains(view.today),
        ))
    };
    h("p")
        .class("cu-budget")
        .dyn_text(move || budget_text().unwrap_or_default())
}
