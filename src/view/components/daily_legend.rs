//! The day chart's legend (its series top to bottom, and the cumulative
//! line and the budget when drawn) and those two lines themselves. Both are
//! drawn whole from the chart's data, as plain DOM (`crate::view::dom`).

use crate::core::charts::{cumulative_line, Daily};
use crate::core::cu::CuTotal;
use crate::core::messages::M;
use crate::load::reactive::Derived;
use crate::load::state::Shared;
use crate::view::dom::{append_svg, append_swatch_item};
use crate::view::el::{h, svg, El};

/// The legend of the day chart; `budget()` is the budget line's budget, while drawn.
pub fn daily_legend(
    chart: Derived<Shared<Daily>>,
    budget: impl Fn() -> Option<CuTotal> + 'static,
) -> El {
    let t = crate::view::table::use_table();
    let draw = move |ul: &web_sys::Element| {
        chart.with(|d| {
            for s in d.series.iter().rev() {
                append_swatch_item(ul, "li", &format!("cu-c{}", s.colour), &s.label(&t.fmt()));
            }
        });
        if let Some(b) = budget() {
            let text = t.fmt().tf(M::budgetKey, &[("cu", &t.fmt().cu_setting(b))]);
            append_swatch_item(ul, "li", "cu-swatch-cumulative", &t.say(M::cumulativeKey));
            append_swatch_item(ul, "li", "cu-swatch-budget", &text);
        }
    };
    h("ul")
        .class("cu-legend")
        .attr("aria-label", &t.say(M::seriesKey))
        .draw(draw)
}

/// The cumulative CU line and the budget line, on the cumulative (right)
/// axis (inside the plot's SVG), while a budget is drawn.
pub fn budget_lines(
    chart: Derived<Shared<Daily>>,
    budget: impl Fn() -> Option<CuTotal> + 'static,
) -> El {
    svg("g").draw(move |g| {
        let Some(b) = budget() else {
            return;
        };
        let (points, y) = chart.with(|d| cumulative_line(d, b));
        let width = chart.with(|d| d.days.len()).to_string();
        let y = crate::core::charts::fixed(y, 3);
        append_svg(g, "polyline", "cu-cumulative", &[("points", &points)]);
        let line = [("x1", "0"), ("y1", &y), ("x2", &width), ("y2", &y)];
        append_svg(g, "line", "cu-budget-line", &line);
    })
}
