//! The monthly budget: "62 % of the 80,000 CU budget used; at this rate the
//! budget runs out on Nov 26."

use crate::view::el::{h, El};

use crate::core::cu::CuTotal;
use crate::core::filter::Filters;
use crate::core::finance::{budget_line, budget_line_for_selection};
use crate::core::period::{budget, days_of, short_date, whole_percent, ymd, Cover};
use crate::core::subtotals::{filter_and_sum, GroupBy};
use crate::view::table::use_table;

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
        let year = ymd(view.today).0;
        let budget_text = format!("{} CU", fmt.cu_setting(budget_cu));
        let zone = t.fmt().zone().to_owned();
        let day = |d| format!("{} ({zone})", short_date(d, year, &fmt));
        let open = view.period.contains(view.today);
        let spent = subtotals.with(|s| s.total.cu);
        if t.filter_count() > 0 {
            // The budget is the organization's: its status comes from every
            // run of the period, whatever the filters select.
            let (from, to) = view.period.keys();
            let period_only = Filters {
                from: Some(from),
                to: Some(to),
                until_ms: view.cut_ms,
                ..Filters::default()
            };
            let by_day = t.scope_set.with(|s| {
                s.as_ref()
                    .map(|l| {
                        let names = Default::default();
                        let all = filter_and_sum(
                            &l.set,
                            &period_only,
                            &names,
                            None,
                            GroupBy::Workflow,
                            None,
                        );
                        days_of(&l.set, &all.day_cu)
                    })
                    .unwrap_or_default()
            });
            let mut org = CuTotal::default();
            for (_, cu) in &by_day {
                org.add_total(*cu);
            }
            let state = budget(&by_day, budget_cu, view.period, view.today, view.into_today);
            return Some(budget_line_for_selection(
                whole_percent(spent, budget_cu),
                whole_percent(org, budget_cu),
                &budget_text,
                state,
                &day,
                open,
                &fmt,
            ));
        }
        let by_day = t.by_day.get();
        let state = budget(&by_day, budget_cu, view.period, view.today, view.into_today);
        Some(budget_line(
            whole_percent(spent, budget_cu),
            &budget_text,
            state,
            &day,
            open,
            &fmt,
        ))
    };
    h("p")
        .class("cu-budget")
        .dyn_text(move || budget_text().unwrap_or_default())
}
