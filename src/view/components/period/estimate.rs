//! The period-end estimate, labelled "estimate", its method as its
//! description: in CU and money, and against the month's budget. Only for a
//! calendar period (today, this month, this quarter) that includes now and
//! is fully loaded: a rolling window has no end to project to.

use crate::core::messages::M;
use crate::view::el::{h, El, Els};

use crate::core::cu::{CuTotal, Money, PricePerCu};
use crate::core::finance::{estimate, estimate_method, estimate_range, estimate_vs_budget};
use crate::core::format::Formatter;
use crate::core::period::{
    period_name, projection, projection_range, short_date, whole_percent, ymd, Cover, Held, Preset,
};
use crate::view::table::{use_table, PeriodView, Table};

/// The cost of `cu` at `price` (nothing without a price).
fn money(price: Option<PricePerCu>, cu: CuTotal) -> Money {
    price.map(|p| p.cost_of(cu)).unwrap_or_default()
}

/// The estimate's range, from the daily spread of the runs the period's
/// `total` covers (tracked).
fn range_text(
    t: Table,
    view: &PeriodView,
    total: CuTotal,
    price: Option<PricePerCu>,
) -> Option<String> {
    let by_day = t.by_day.get();
    let (low, high) = projection_range(&by_day, total, view.period, view.today, view.span?)?;
    Some(estimate_range(
        &super::figure(t, low, money(price, low)),
        &super::figure(t, high, money(price, high)),
        &t.fmt(),
    ))
}

/// The estimate `p` against the month's budget (tracked). Only for all
/// runs: the budget is the organization's (the budget line speaks for a
/// filtered selection).
fn budget_text(
    t: Table,
    fmt: &Formatter,
    view: &PeriodView,
    p: CuTotal,
    price: Option<PricePerCu>,
    budget_cu: Option<CuTotal>,
) -> Option<String> {
    let all_runs = t.filter_count() == 0;
    let budget = budget_cu.filter(|_| view.preset.is_month() && all_runs)?;
    // "About": the estimate to the whole CU.
    let over = (p > budget).then(|| {
        let by = CuTotal((p.0 - budget.0 + 5_000) / 10_000 * 10_000);
        let cu = format!("{} CU", fmt.cu_setting(by));
        match price {
            Some(_) => format!("{cu} ({})", fmt.money(money(price, by))),
            None => cu,
        }
    });
    Some(estimate_vs_budget(
        whole_percent(p, budget),
        &format!("{} CU", fmt.cu_setting(budget)),
        over.as_deref(),
        fmt,
    ))
}

/// The estimate line and its method (`method_id`), while the period has an
/// estimate (tracked).
fn estimate_lines(t: Table, fmt: &Formatter, method_id: &str) -> Option<Els> {
    let view = t.period.get()?;
    let now = view.cover;
    let calendar = matches!(
        view.preset,
        Preset::Today | Preset::ThisMonth | Preset::ThisQuarter
    );
    // Days before the runs list begins are unknown: nothing to project from.
    if now != Cover::Full || !calendar || view.held() != Held::All {
        return None;
    }
    let total = t.subtotals.with(|s| s.total.cu);
    let p = projection(total, view.span?);
    let year = ymd(view.today).0;
    let name = period_name(view.preset, view.period, view.today, fmt);
    let (price, budget_cu) = t.with_config(|c| (c.per_cu(), c.budget_cu));
    let mut text = estimate(
        &name,
        &super::figure(t, p, money(price, p)),
        &format!("{} ({})", short_date(view.period.to, year, fmt), fmt.zone()),
        fmt,
    );
    if let Some(range) = range_text(t, &view, total, price) {
        text.push(' ');
        text.push_str(&range);
    }
    if let Some(versus) = budget_text(t, fmt, &view, p, price, budget_cu) {
        text.push(' ');
        text.push_str(&versus);
    }
    let method = estimate_method(
        &format!(
            "{} ({})",
            short_date(view.period.from, year, fmt),
            fmt.zone()
        ),
        view.period.days(),
        fmt,
    );
    Some(vec![
        h("p")
            .class("cu-estimate")
            .attr("aria-describedby", method_id)
            .child(h("span").class("cu-tag").text(&fmt.t(M::estimateTag)))
            .text(" ")
            .text(&text),
        h("p")
            .class("cu-note cu-method")
            .attr("id", method_id)
            .text(&method),
    ])
}

/// The estimate line and its method, in `parent`.
pub fn estimate_view(parent: El) -> El {
    let t = use_table();
    let fmt = t.fmt();
    let method_id = format!("{}-estimate-method", t.uid());
    parent.dyn_part(move || estimate_lines(t, &fmt, &method_id).unwrap_or_default())
}
