//! The plot of "CU per day": the stacked paths, the highlighted day and the
//! budget's label, between the axes' labels (`daily_axes`), under the
//! slider that picks a day (`day_slider`), above the legend.

use super::daily_axes::{x_axis, y_axis};
use super::daily_legend::{budget_lines, daily_legend};
use super::day_slider::day_slider;
use crate::core::charts::{
    budget_note, cumulative_line, daily_chart_name, fixed, stack_paths, Daily,
};
use crate::core::cu::CuTotal;
use crate::core::messages::M;
use crate::load::reactive::{Derived, Sig};
use crate::load::state::Shared;
use crate::view::dom::append_svg;
use crate::view::el::{h, nothing, svg, El, Els};
use crate::view::table::{use_table, Table};

/// Height of the plot, in CSS pixels.
const HEIGHT: usize = 140;

/// The stacked plot of `chart`; `active` is the day picked (hover or keys);
/// `budget` the monthly budget (`budgetCu`), drawn while a month is chosen.
pub fn daily_plot(
    chart: Derived<Shared<Daily>>,
    active: Sig<Option<usize>>,
    budget: Option<CuTotal>,
) -> El {
    let t = use_table();
    let period = t.period;
    let budget = move || budget.filter(|_| period.with(|p| p.is_some_and(|p| p.preset.is_month())));
    // The plot's frame, the highlight and the keyboard control are built once;
    // only closures that return plain views re-run on data changes (reactive
    // closures nested in re-rendered views would pile up per re-render).
    h("div")
        .class("cu-days")
        .child(y_axis(chart, budget))
        .child(
            h("div")
                .class("cu-days-plot")
                .style("height", &format!("{HEIGHT}px"))
                .child(plot_svg(t, chart, active, budget))
                .dyn_part(move || budget_label(t, chart, budget()))
                .child(day_slider(chart, active)),
        )
        .child(x_axis(chart))
        .child(daily_legend(chart, budget))
}

/// The SVG: the stacked paths, the base line, the picked day's highlight
/// and, while `budget()` is drawn, the cumulative and budget lines; named
/// for screen readers by what it shows.
fn plot_svg(
    t: Table,
    chart: Derived<Shared<Daily>>,
    active: Sig<Option<usize>>,
    budget: impl Fn() -> Option<CuTotal> + Copy + 'static,
) -> El {
    let name = move || {
        let f = t.fmt();
        chart.with(|d| {
            // The usage ledger's days are UTC's.
            let zone = if d.from_ledger { "UTC" } else { f.zone() };
            let name = daily_chart_name(d, zone, &f);
            match budget() {
                Some(b) => f.tf(
                    M::withBudget,
                    &[("name", &name), ("budget", &budget_note(d, b, &f))],
                ),
                None => name,
            }
        })
    };
    let days_len = move || chart.with(|d| d.days.len());
    // The stacked paths, one per series: plain SVG, redrawn with the data.
    let marks = svg("g").draw(move |g| {
        let d = chart.get();
        for (path, s) in stack_paths(&d).iter().zip(d.series.iter()) {
            append_svg(g, "path", &format!("cu-c{}", s.colour), &[("d", path)]);
        }
    });
    let highlight = move || {
        vec![svg("rect")
            .class("cu-day-hl")
            .dyn_attr("x", move || active.get().map(|i| i.to_string()))
            .attr("y", "0")
            .attr("width", "1")
            .attr("height", "100")]
    };
    svg("svg")
        .attr("role", "img")
        .dyn_attr("aria-label", move || Some(name()))
        .class("cu-days-svg")
        .attr("width", "100%")
        .attr("height", &HEIGHT.to_string())
        .dyn_attr("viewBox", move || Some(format!("0 0 {} 100", days_len())))
        .attr("preserveAspectRatio", "none")
        .child(
            svg("line")
                .class("cu-axis-line")
                .attr("x1", "0")
                .attr("y1", "100")
                .dyn_attr("x2", move || Some(days_len().to_string()))
                .attr("y2", "100"),
        )
        .child(marks)
        .show(move || active.with(Option::is_some), highlight, nothing)
        .child(budget_lines(chart, budget))
}

/// "Budget 30,000 CU" by the budget line, while `budget` is drawn.
fn budget_label(t: Table, chart: Derived<Shared<Daily>>, budget: Option<CuTotal>) -> Els {
    let Some(b) = budget else {
        return Vec::new();
    };
    let y = chart.with(|d| cumulative_line(d, b).1);
    // Above its line, or below it when the line is near the top.
    let class = if y < 12.0 {
        "cu-budget-label cu-below"
    } else {
        "cu-budget-label"
    };
    vec![h("span")
        .class(class)
        .attr("aria-hidden", "true")
        .style("top", &format!("{}%", fixed(y, 1)))
        .text(
            &t.fmt()
                .tf(M::budgetLabel, &[("cu", &t.fmt().cu_setting(b))]),
        )]
}
