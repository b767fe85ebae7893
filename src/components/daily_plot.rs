//! The plot of "CU per day": the stacked paths, the highlighted day, the
//! axes, the legend, and the keyboard/pointer control over the days.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::chart_keys::day_key;
use super::daily_legend::{BudgetLines, DailyLegend};
use crate::charts::{budget_note, daily_chart_name, day_detail, stack_paths, Daily};
use crate::cu::CuTotal;
use crate::dom::{append_svg, draw_into, Host};
use crate::format::Formatter;
use crate::state::Shared;

/// Height of the plot, in CSS pixels.
const HEIGHT: usize = 140;

/// The stacked plot of `chart`; `active` is the day picked (hover or keys).
#[component]
pub fn DailyPlot(
    chart: Memo<Shared<Daily>>,
    active: RwSignal<Option<usize>>,
    fmt: StoredValue<Arc<Formatter>>,
    zone: StoredValue<String>,
    /// The monthly budget (`budgetCu`), drawn while a month is chosen.
    budget: Option<CuTotal>,
) -> impl IntoView {
    let period = crate::table::use_table().period;
    let budget = move || budget.filter(|_| period.with(|p| p.is_some_and(|p| p.preset.is_month())));
    let zone_store = zone;
    let name = move || {
        chart.with(|d| {
            fmt.with_value(|f| {
                let name = zone_store.with_value(|z| daily_chart_name(d, z, f));
                match budget() {
                    Some(b) => format!("{name}; {}", budget_note(d, b, f)),
                    None => name,
                }
            })
        })
    };
    let value_text = move || {
        chart.with(|d| {
            let i = active.get().unwrap_or(d.days.len().saturating_sub(1));
            fmt.with_value(|f| day_detail(d, i, f))
        })
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let len = chart.with_untracked(|d| d.days.len());
        if let Some(next) = day_key(&ev, active.get_untracked(), len) {
            ev.prevent_default();
            active.set(next);
        }
    };
    let on_pointer = move |ev: web_sys::MouseEvent| {
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
    let marks = Host::new();
    draw_into(marks, move |g| {
        let d = chart.get();
        for (path, s) in stack_paths(&d).iter().zip(d.series.iter()) {
            append_svg(g, "path", &format!("cu-c{}", s.colour), &[("d", path)]);
        }
    });
    let highlight = move || {
        active.get().map(|i| {
            view! { <rect class="cu-day-hl" x=i.to_string() y="0" width="1" height="100"></rect> }
        })
    };
    let max_label = move || chart.with(|d| format!("{} CU", fmt.with_value(|f| f.cu_total(d.max))));
    let first_day =
        move || chart.with(|d| d.days.first().map(|x| x.day.clone()).unwrap_or_default());
    let last_day = move || chart.with(|d| d.days.last().map(|x| x.day.clone()).unwrap_or_default());
    view! {
                <div class="cu-days">
            <p class="cu-axis cu-axis-y">{max_label}</p>
            <div class="cu-days-plot" style=format!("height:{HEIGHT}px")>
                <svg
                    role="img"
                    aria-label=name
                    class="cu-days-svg"
                    width="100%"
                    height=HEIGHT.to_string()
                    viewBox=move || format!("0 0 {} 100", days_len())
                    preserveAspectRatio="none"
                >
                    <line class="cu-axis-line" x1="0" y1="100" x2=move || days_len().to_string() y2="100"></line>
                    <g node_ref=marks></g>
                    {highlight}
                <BudgetLines chart budget />
                </svg>
                <div
                    class="cu-day-hits"
                    tabindex="0"
                    role="slider"
                    aria-label="Day"
                    aria-valuemin="1"
                    aria-valuemax=move || days_len().to_string()
                    aria-valuenow=move || (active.get().unwrap_or(days_len().saturating_sub(1)) + 1).to_string()
                    aria-valuetext=value_text
                    on:keydown=on_key
                    on:mousemove=on_pointer
                    on:click=on_pointer
                    on:mouseleave=move |_| active.set(None)
                    on:blur=move |_| active.set(None)
                ></div>
            </div>
            <p class="cu-axis cu-axis-x"><span>{first_day}</span><span>{last_day}</span></p>
            <DailyLegend chart fmt budget />
        </div>
    }
}
