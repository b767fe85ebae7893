//! The day chart's legend (its series top to bottom, and the cumulative
//! line and the budget when drawn) and those two lines themselves.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::{cumulative_line, Daily};
use crate::cu::CuTotal;
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
    let legend = move || {
        let series = chart.with(|d| {
            d.series
                .iter()
                .rev()
                .map(|s| {
                    view! {
                        <li><span class=format!("cu-swatch cu-c{}", s.colour) aria-hidden="true"></span>{s.label().to_owned()}</li>
                    }
                })
                .collect_view()
        });
        let lines = budget().map(|b| {
            let text = fmt.with_value(|f| format!("Budget ({} CU)", f.cu_setting(b)));
            view! {
                <li><span class="cu-swatch cu-swatch-cumulative" aria-hidden="true"></span>"Cumulative CU (own axis)"</li>
                <li><span class="cu-swatch cu-swatch-budget" aria-hidden="true"></span>{text}</li>
            }
        });
        (series, lines)
    };
    view! { <ul class="cu-legend" aria-label="Series, top to bottom">{legend}</ul> }
}

/// The cumulative CU line and the budget line, on their own axis (inside the
/// plot's SVG), while a budget is drawn.
#[component]
pub fn BudgetLines(
    chart: Memo<Shared<Daily>>,
    budget: impl Fn() -> Option<CuTotal> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    move || {
        let b = budget()?;
        let (points, y) = chart.with(|d| cumulative_line(d, b));
        let width = chart.with(|d| d.days.len()).to_string();
        let y = crate::charts::fixed(y, 3);
        Some(view! {
            <polyline class="cu-cumulative" points=points></polyline>
            <line class="cu-budget-line" x1="0" y1=y.clone() x2=width y2=y></line>
        })
    }
}
