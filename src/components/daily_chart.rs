//! "CU per day": the daily CU of the runs in scope, stacked by the top five
//! workflows plus "Other", in the component's time zone. One path per series
//! (tens of shapes at any N). Hovering a day, or moving along the days with
//! the arrow keys, shows its total and breakdown; Escape hides it.

use leptos::prelude::*;

use super::chart_head::ChartHead;
use super::daily_figures::DailyFigures;
use wasm_bindgen::JsCast;

use super::chart_keys::step;
use crate::charts::{daily, daily_chart_name, day_detail, stack_paths, Daily};
use crate::state::Shared;
use crate::table::use_table;

/// Height of the plot, in CSS pixels.
const HEIGHT: usize = 140;

/// The stacked day chart.
#[component]
pub fn DailyChart() -> impl IntoView {
    let t = use_table();
    // The top workflows of the subtotals give the series.
    let (scope_set, filtered, subtotals, fmt, uid) =
        (t.scope_set, t.filtered, t.subtotals, t.fmt(), t.uid());
    let as_table = RwSignal::new(false);
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    let chart: Memo<Shared<Daily>> = Memo::new(move |_| {
        scope_set.with(|s| {
            filtered.with(|f| {
                subtotals.with(|st| {
                    Shared::new(s.as_ref().map(|l| daily(&l.set, f, st)).unwrap_or_default())
                })
            })
        })
    });
    // A new data set starts with no day picked.
    Effect::new(move |_| {
        chart.track();
        active.set(None);
    });
    let zone = fmt.zone().to_owned();
    let heading_id = format!("{uid}-days-title");
    // Every closure below captures only `Copy` handles, so the nested `Show`s
    // can rebuild their children without cloning.
    let fmt = StoredValue::new(fmt);
    let zone_store = StoredValue::new(zone.clone());

    let name = move || {
        chart.with(|d| fmt.with_value(|f| zone_store.with_value(|z| daily_chart_name(d, z, f))))
    };
    let detail = move || {
        let i = active.get()?;
        Some(chart.with(|d| fmt.with_value(|f| day_detail(d, i, f))))
    };
    let value_text = move || {
        chart.with(|d| {
            let i = active.get().unwrap_or(d.days.len().saturating_sub(1));
            fmt.with_value(|f| day_detail(d, i, f))
        })
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let len = chart.with_untracked(|d| d.days.len());
        if ev.key() == "Escape" {
            if active.get_untracked().is_some() {
                ev.prevent_default();
                active.set(None);
            }
            return;
        }
        let at = active.get_untracked().unwrap_or(len.saturating_sub(1));
        if let Some(next) = step(&ev.key(), at, len) {
            ev.prevent_default();
            active.set(Some(next));
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
    let has_days = move || chart.with(|d| !d.days.is_empty());
    let days_len = move || chart.with(|d| d.days.len());
    let paths = move || {
        let d = chart.get();
        stack_paths(&d)
            .into_iter()
            .zip(d.series.iter())
            .map(|(path, s)| view! { <path class=format!("cu-c{}", s.colour) d=path></path> })
            .collect_view()
    };
    let highlight = move || {
        active.get().map(|i| {
            view! { <rect class="cu-day-hl" x=i.to_string() y="0" width="1" height="100"></rect> }
        })
    };
    let legend = move || {
        chart.with(|d| {
            d.series
                .iter()
                .rev()
                .map(|s| {
                    view! {
                        <li><span class=format!("cu-swatch cu-c{}", s.colour) aria-hidden="true"></span>{s.label().to_owned()}</li>
                    }
                })
                .collect_view()
        })
    };
    let max_label = move || chart.with(|d| format!("{} CU", fmt.with_value(|f| f.cu_total(d.max))));
    let first_day =
        move || chart.with(|d| d.days.first().map(|x| x.day.clone()).unwrap_or_default());
    let last_day = move || chart.with(|d| d.days.last().map(|x| x.day.clone()).unwrap_or_default());
    let table = move || view! { <DailyFigures chart /> };
    let notes = move || {
        chart.with(|d| {
            let parts = fmt.with_value(|f| {
                crate::sentences::day_chart_notes(
                    d.undated as u64,
                    d.earlier as u64,
                    crate::charts::MAX_DAYS,
                    |n| f.count(n),
                )
            });
            (!parts.is_empty()).then(|| view! { <p class="cu-note">{parts.join(" ")}</p> })
        })
    };
    let heading_ref = heading_id.clone();
    view! {
        <figure class="cu-chart" aria-labelledby=heading_id>
            <ChartHead heading_id=heading_ref as_table>
                "CU per day " <span class="cu-muted">{format!("({zone})")}</span>
            </ChartHead>
            <Show when=move || !as_table.get() fallback=table>
            <Show when=has_days fallback=|| view! { <p class="cu-empty">"No dated runs in scope."</p> }>
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
                            {paths}
                            {highlight}
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
                    <ul class="cu-legend" aria-label="Series, top to bottom">{legend}</ul>
                </div>
            </Show>
                <p class="cu-day-detail">
                    {move || detail().unwrap_or_else(|| "Point at a day, or focus the chart and use the arrow keys, for its breakdown.".to_owned())}
                </p>
            </Show>
            {notes}
        </figure>
    }
}
