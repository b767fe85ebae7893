//! The plot of "CU per day": the stacked paths, the highlighted day, the
//! axes, the legend, and the keyboard/pointer control over the days.

use wasm_bindgen::JsCast;

use super::chart_keys::day_key;
use super::daily_legend::{budget_lines, daily_legend};
use crate::core::charts::{budget_note, daily_chart_name, day_detail, stack_paths, Daily};
use crate::core::cu::CuTotal;
use crate::load::reactive::{Derived, Sig};
use crate::load::state::Shared;
use crate::view::dom::append_svg;
use crate::view::el::{h, nothing, svg, El};

/// Height of the plot, in CSS pixels.
const HEIGHT: usize = 140;

/// The stacked plot of `chart`; `active` is the day picked (hover or keys);
/// `budget` the monthly budget (`budgetCu`), drawn while a month is chosen.
pub fn daily_plot(
    chart: Derived<Shared<Daily>>,
    active: Sig<Option<usize>>,
    budget: Option<CuTotal>,
) -> El {
    let t = crate::view::table::use_table();
    let period = t.period;
    let budget = move || budget.filter(|_| period.with(|p| p.is_some_and(|p| p.preset.is_month())));
    let name = move || {
        let f = t.fmt();
        chart.with(|d| {
            let name = daily_chart_name(d, f.zone(), &f);
            match budget() {
                Some(b) => format!("{name}; {}", budget_note(d, b, &f)),
                None => name,
            }
        })
    };
    let value_text = move || {
        chart.with(|d| {
            let i = active.get().unwrap_or(d.days.len().saturating_sub(1));
            day_detail(d, i, &t.fmt())
        })
    };
    let on_key = move |ev: web_sys::Event| {
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let len = chart.with_untracked(|d| d.days.len());
        if let Some(next) = day_key(ev, active.get_untracked(), len) {
            ev.prevent_default();
            active.set(next);
        }
    };
    let on_pointer = move |ev: web_sys::Event| {
        let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let len = chart.with_untracked(|d| d.days.len());
        let width = f64::from(el.client_width().max(1));
        let x = f64::from(ev.offset_x()).clamp(0.0, width - 1.0);
        if len > 0 {
            active.set(Some(((x / width) * len as f64) as usize));
        }
    };

    // The plot's frame, the highlight and the keyboard control are built once;
    // only closures that return plain views re-run on data changes (reactive
    // closures nested in re-rendered views would pile up per re-render).
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
    // Two labelled axes: the bars' (left, CU per bucket) and, with a
    // budget, the cumulative line's and the budget's (right, 0 to its top).
    let max_label = move || {
        chart.with(|d| format!("{} CU per {}", t.fmt().cu_total(d.max), d.granularity.key()))
    };
    let budget_top = budget;
    let cumulative_label = move || {
        budget_top()
            .map(|b| {
                let top = chart.with(|d| crate::core::charts::cumulative_top(d, b));
                format!("{} CU cumulative", t.fmt().cu_total(top))
            })
            .unwrap_or_default()
    };
    let budget_mark = budget;
    let budget_label = move || {
        let Some(b) = budget_mark() else {
            return Vec::new();
        };
        let y = chart.with(|d| crate::core::charts::cumulative_line(d, b).1);
        // Above its line, or below it when the line is near the top.
        let class = if y < 12.0 {
            "cu-budget-label cu-below"
        } else {
            "cu-budget-label"
        };
        vec![h("span")
            .class(class)
            .attr("aria-hidden", "true")
            .style("top", &format!("{}%", crate::core::charts::fixed(y, 1)))
            .text(&format!("Budget {} CU", t.fmt().cu_setting(b)))]
    };
    let end_label = move |last: bool| {
        chart.with(|d| {
            let day = if last { d.days.last() } else { d.days.first() };
            day.map(|x| crate::core::charts::axis_label(&x.day, d.granularity))
                .unwrap_or_default()
        })
    };
    let first_day = move || end_label(false);
    let last_day = move || end_label(true);
    let height = HEIGHT.to_string();
    h("div")
        .class("cu-days")
        .child(
            h("p")
                .class("cu-axis cu-axis-y")
                .child(h("span").dyn_text(max_label))
                .child(h("span").class("cu-axis-right").dyn_text(cumulative_label)),
        )
        .child(
            h("div")
                .class("cu-days-plot")
                .style("height", &format!("{HEIGHT}px"))
                .child(
                    svg("svg")
                        .attr("role", "img")
                        .dyn_attr("aria-label", move || Some(name()))
                        .class("cu-days-svg")
                        .attr("width", "100%")
                        .attr("height", &height)
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
                        .child(budget_lines(chart, budget)),
                )
                .dyn_part(budget_label)
                .child(
                    h("div")
                        .class("cu-day-hits")
                        .attr("tabindex", "0")
                        .attr("role", "slider")
                        .attr("aria-label", "Day")
                        .attr("aria-valuemin", "1")
                        .dyn_attr("aria-valuemax", move || Some(days_len().to_string()))
                        .dyn_attr("aria-valuenow", move || {
                            Some(
                                (active.get().unwrap_or(days_len().saturating_sub(1)) + 1)
                                    .to_string(),
                            )
                        })
                        .dyn_attr("aria-valuetext", move || Some(value_text()))
                        .on("keydown", on_key)
                        .on("mousemove", on_pointer)
                        .on("click", on_pointer)
                        .on("mouseleave", move |_| active.set(None))
                        .on("blur", move |_| active.set(None)),
                ),
        )
        .child(
            h("p")
                .class("cu-axis cu-axis-x")
                .child(h("span").dyn_text(first_day))
                .child(h("span").dyn_text(last_day)),
        )
        .child(daily_legend(chart, budget))
}
