//! The bars of "CU by workflow": an SVG with one bar per row and, laid over
//! it, a button per workflow (its name and figures as HTML, so long names end
//! in an ellipsis). One Tab stop; arrow keys move between the bars.

use leptos::prelude::*;

use super::chart_keys::{roving_key, take_tab_stop};
use crate::charts::{fraction, workflow_chart_name, Bar};
use crate::state::Shared;
use crate::subtotals::plural_group;
use crate::table::use_table;

/// Height of one bar row, in CSS pixels (the SVG and the hit buttons share it).
const ROW: usize = 34;

/// The bars, re-rendered as a whole when the data change. The views returned
/// hold no reactive closures of their own (those would pile up per
/// re-render), so the focus position is kept in the DOM, not in a signal. A
/// bar's accessible name is its visible text ("billing-sync: 1.0000 CU ·
/// 42.0 %"); its title says what a click does.
#[component]
pub fn WorkflowBars(
    /// The bars (top workflows and "Other"), in the subtotals' order.
    bars: Memo<Shared<Vec<Bar>>>,
) -> impl IntoView {
    let t = use_table();
    let (state, subtotals, fmt) = (t.state, t.subtotals, t.fmt());
    let name_fmt = fmt.clone();
    let name = move || {
        let group = t.state.group.get();
        subtotals.with(|s| workflow_chart_name(s, &name_fmt, group, &|k| t.label(group, k)))
    };
    let toggle_filter = move |key: String| t.toggle_group(&key);
    let picture_fmt = fmt;
    move || {
        let bars = bars.get();
        let total = subtotals.with(|s| s.total.cu);
        let filtered_to = state.filters.with(|f| f.workflow.clone());
        if bars.is_empty() {
            return view! { <p class="cu-empty">"No runs in scope."</p> }.into_any();
        }
        let fmt = picture_fmt.clone();
        let max = bars.iter().map(|b| b.cu).max().unwrap_or_default();
        let height = bars.len() * ROW;
        // The SVG draws the bars; names and figures are HTML laid over their
        // rows (so long names end in an ellipsis instead of overlapping).
        let shapes = bars
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let y = (i * ROW + 19).to_string();
                let width = fraction(b.cu, max) * 100.0;
                view! {
                    <g class=format!("cu-c{}", b.colour)>
                        <rect class="cu-bar-track" x="0" y=y.clone() width="100%" height="10" rx="2"></rect>
                        <rect class="cu-fill" x="0" y=y width=format!("{}%", crate::charts::fixed(width, 2)) height="10" rx="2"></rect>
                    </g>
                }
            })
            .collect_view();
        let text = |b: &Bar| {
            let label = match b.key {
                Some(_) => b.label().to_owned(),
                None => format!(
                    "Other ({} {})",
                    b.workflows,
                    plural_group(t.state.group.get_untracked(), b.workflows)
                ),
            };
            let value = format!("{} CU · {}", fmt.cu_total(b.cu), fmt.percent(b.cu, total));
            view! {
                <span class="cu-bar-label">{label}</span>
                <span class="cu-sr-only">": "</span>
                <span class="cu-bar-value">{value}</span>
            }
        };
        let hits = bars
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let wf = b.key.clone()?;
                let pressed = (filtered_to.as_deref() == Some(wf.as_str())).to_string();
                let tabindex = if i == 0 { "0" } else { "-1" };
                Some(view! {
                    <button
                        type="button"
                        class="cu-bar-hit"
                        style=format!("top:{}px;height:{ROW}px", i * ROW)
                        aria-pressed=pressed
                        title=format!("Show only runs of {}", b.label())
                        tabindex=tabindex
                        on:focus=move |ev| { take_tab_stop(&ev); }
                        on:keydown=move |ev| { roving_key(&ev); }
                        on:click=move |_| toggle_filter(wf.clone())
                    >
                        {text(b)}
                    </button>
                })
            })
            .collect_view();
        let other = bars.iter().enumerate().find(|(_, b)| b.key.is_none()).map(|(i, b)| {
            view! {
                <div class="cu-bar-hit cu-bar-other" style=format!("top:{}px;height:{ROW}px", i * ROW)>
                    {text(b)}
                </div>
            }
        });
        view! {
            <div class="cu-bars" style=format!("height:{height}px")>
                <svg
                    role="img"
                    aria-label=name()
                    width="100%"
                    height=height.to_string()
                    class="cu-bars-svg"
                >
                    {shapes}
                </svg>
                <div class="cu-bar-hits" role="group" aria-label="Filter by workflow">{hits}</div>
                {other}
            </div>
        }
        .into_any()
    }
}
