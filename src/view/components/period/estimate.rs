//! The period-end estimate, labelled "estimate", its method as its
//! description: in CU and money, and against the month's budget. Only for a
//! calendar period (today, this month, this quarter) that includes now and
//! is fully loaded: a rolling window has no end to project to.

use crate::view::el::{h, El};

use crate::core::cu::CuTotal;
use crate::core::finance::{estimate, estimate_method, estimate_range, estimate_vs_budget};
use crate::core::period::{
    period_name, projection, projection_range, short_date, whole_percent, ymd, Cover, Preset,
};
use crate::view::table::use_table;

/// The estimate line and its method, in `parent`.
pub fn estimate_view(parent: El) -> El {
    let t = use_table();
    let (period, subtotals) = (t.period, t.subtotals);
    let fmt = t.fmt();
    let method_id = format!("{}-estimate-method", t.uid());
    let estimate_line = move || {
        let view = period.get()?;
        let now = view.cover;
        let calendar = matches!(
            view.preset,
            Preset::Today | Preset::ThisMonth | Preset::ThisQuarter
        );
        if now != Cover::Full || !calendar {
            return None;
        }
        let total = subtotals.with(|s| s.total.cu);
        let p = projection(total, view.period, view.today, view.into_today)?;
        let year = ymd(view.today).0;
        let name = period_name(view.preset, view.period, view.today);
        let (price, budget_cu) =
            t.with_config(|c| (c.price.as_ref().map(|p| p.per_cu), c.budget_cu));
        let money = |cu: CuTotal| price.map(|p| p.cost_of(cu)).unwrap_or_default();
        let mut text = estimate(
            name.trim_start_matches("in "),
            &super::figure(t, p, money(p)),
            &format!("{} ({})", short_date(view.period.to, year), t.fmt().zone()),
        );
        // The range from the daily spread of the runs the total covers.
        let by_day = t.by_day.get();
        if let Some((low, high)) =
            projection_range(&by_day, total, view.period, view.today, view.into_today)
        {
            text.push(' ');
            text.push_str(&estimate_range(
                &super::figure(t, low, money(low)),
                &super::figure(t, high, money(high)),
            ));
        }
        // Against the budget only for all runs: the budget is the
        // organization's (the budget line speaks for a filtered selection).
        let all_runs = t.filter_count() == 0;
        if let Some(budget) = budget_cu.filter(|_| view.preset.is_month() && all_runs) {
            // "About": the estimate to the whole CU.
            let over = (p > budget).then(|| {
                let by = CuTotal((p.0 - budget.0 + 5_000) / 10_000 * 10_000);
                let cu = format!("{} CU", fmt.cu_setting(by));
                match price {
                    Some(_) => format!("{cu} ({})", fmt.money(money(by))),
                    None => cu,
                }
            });
            text.push(' ');
            text.push_str(&estimate_vs_budget(
                whole_percent(p, budget),
                &format!("{} CU", fmt.cu_setting(budget)),
                over.as_deref(),
            ));
        }
        let method = estimate_method(
            &format!(
                "{} ({})",
                short_date(view.period.from, year),
                t.fmt().zone()
            ),
            view.period.days(),
        );
        Some(vec![
            h("p")
                .class("cu-estimate")
                .attr("aria-describedby", &method_id)
                .child(h("span").class("cu-tag").text("estimate"))
                .text(" ")
                .text(&text),
            h("p")
                .class("cu-note cu-method")
                .attr("id", &method_id)
                .text(&method),
        ])
    };
    parent.dyn_part(move || estimate_line().unwrap_or_default())
}
