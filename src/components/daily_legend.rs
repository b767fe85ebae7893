//! The day chart's legend (its series top to bottom, and the cumulative
//! line and the budget when drawn) and those two lines themselves. Both are
//! drawn whole from the chart's data, as plain DOM (`crate::dom`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::{cumulative_line, Daily};
use crate::cu::CuTotal;
use crate::dom::{append_svg, append_swatch_item, draw_into, Host};
use crate::format::Formatter;
use crate::state::Shared;

/// The legend of the day chart.
#[component]
pub fn DailyLegend(
    chart: Memo<Shared<Daily>>,
    fmt: StoredValue<Arc<Formatter>>,
    /// The budget line's budget, while drawn.
    budget: impl Fn() -> Option<CuTotal> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let list = Host::new();
    draw_into(list, move |ul| {
        chart.with(|d| {
            for s in d.series.iter().rev() {
                append_swatch_item(ul, "li", &format!("cu-c{}", s.colour), s.label());
            }
        });
        if let Some(b) = budget() {
            let text = fmt.with_value(|f| format!("Budget ({} CU)", f.cu_setting(b)));
            append_swatch_item(ul, "li", "cu-swatch-cumulative", "Cumulative CU (own axis)");
            append_swatch_item(ul, "li", "cu-swatch-budget", &text);
        }
    });
    view! { <ul class="cu-legend" aria-label="Series, top to bottom" node_ref=list></ul> }
}

/// The cumulative CU line and the budget line, on their own axis (inside the
/// plot's SVG), while a budget is drawn.
#[component]
pub fn BudgetLines(
    chart: Memo<Shared<Daily>>,
    budget: impl Fn() -> Option<CuTotal> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let group = Host::new();
    draw_into(group, move |g| {
        let Some(b) = budget() else {
            return;
        };
        let (points, y) = chart.with(|d| cumulative_line(d, b));
        let width = chart.with(|d| d.days.len()).to_string();
        let y = crate::charts::fixed(y, 3);
        append_svg(g, "polyline", "cu-cumulative", &[("points", &points)]);
        let line = [("x1", "0"), ("y1", &y), ("x2", &width), ("y2", &y)];
        append_svg(g, "line", "cu-budget-line", &line);
    });
    view! { <g node_ref=group></g> }
}
