//! The bars of "CU by workflow" (or trigger, or status): an SVG with one bar
//! per row and, laid over it, a button per group (its name and figures as
//! HTML, so long names end in an ellipsis), pressed while the runs are
//! filtered to it, in a group named "Filter by workflow" (or trigger, or
//! status). One Tab stop; arrow keys move between the bars.

use wasm_bindgen::JsCast;

use super::chart_keys::{roving_key, take_tab_stop};
use crate::core::charts::{fraction, group_chart_name, Bar};
use crate::core::subtotals::plural_group;
use crate::load::reactive::Derived;
use crate::load::state::Shared;
use crate::view::el::{h, svg, El, Els};
use crate::view::table::use_table;

/// Height of one bar row, in CSS pixels (the SVG and the hit buttons share it).
const ROW: usize = 34;

/// The bars, built again as a whole when the data change (the caller's part
/// reads them): plain elements with no bindings of their own, so the focus
/// position is kept in the DOM, not in a signal. A
/// bar's accessible name is its visible text ("billing-sync: 1.0000 CU ·
/// 42.0 %"); its title says what a click does.
/// `bars`: the top workflows and "Other", in the subtotals' order.
pub fn group_bars_view(bars: Derived<Shared<Vec<Bar>>>) -> Els {
    let t = use_table();
    let (subtotals, fmt) = (t.subtotals, t.fmt());
    let name_fmt = fmt.clone();
    let name = move || {
        let group = t.state.group.get();
        subtotals.with(|s| group_chart_name(s, &name_fmt, group, &|k| t.label(group, k)))
    };
    let toggle_filter = move |key: String| t.toggle_group(&key);
    let picture_fmt = fmt;
    {
        let bars = bars.get();
        if bars.is_empty() {
            return vec![h("p").class("cu-empty").text("No runs in scope.")];
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
                let rect = |class: &str, width: &str| {
                    svg("rect")
                        .class(class)
                        .attr("x", "0")
                        .attr("y", &y)
                        .attr("width", width)
                        .attr("height", "10")
                        .attr("rx", "2")
                };
                svg("g")
                    .class(&format!("cu-c{}", b.colour))
                    .child(rect("cu-bar-track", "100%"))
                    .child(rect(
                        "cu-fill",
                        &format!("{}%", crate::core::charts::fixed(width, 2)),
                    ))
            })
            .collect();
        let text = |b: &Bar| {
            let label = match b.key {
                Some(_) => b.label().to_owned(),
                None => format!(
                    "Other ({} {})",
                    b.workflows,
                    plural_group(t.state.group.get_untracked(), b.workflows)
                ),
            };
            let value = format!("{} CU · {}", fmt.cu_total(b.cu), fmt.share(b.share));
            move |el: El| {
                el.child(h("span").class("cu-bar-label").text(&label))
                    .child(h("span").class("cu-sr-only").text(": "))
                    .child(h("span").class("cu-bar-value").text(&value))
            }
        };
        let hits = bars
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let wf = b.key.clone()?;
                // Pressed while the runs are filtered to this group.
                let pressed = t.is_filtered_to(&wf).to_string();
                let tabindex = if i == 0 { "0" } else { "-1" };
                Some(
                    h("button")
                        .attr("type", "button")
                        .class("cu-bar-hit")
                        // Keyed: the focus stays on this group's bar when
                        // the bars are drawn again (`el`'s parts).
                        .attr("data-key", &wf)
                        .attr("style", &format!("top:{}px;height:{ROW}px", i * ROW))
                        .attr("aria-pressed", &pressed)
                        .attr("title", &format!("Show only runs of {}", b.label()))
                        .attr("tabindex", tabindex)
                        .on("focus", move |ev| {
                            if let Some(ev) = ev.dyn_ref() {
                                take_tab_stop(ev);
                            }
                        })
                        .on("keydown", move |ev| {
                            if let Some(ev) = ev.dyn_ref() {
                                roving_key(ev);
                            }
                        })
                        .on("click", move |_| toggle_filter(wf.clone()))
                        .with(text(b)),
                )
            })
            .collect();
        let other = bars
            .iter()
            .enumerate()
            .find(|(_, b)| b.key.is_none())
            .map(|(i, b)| {
                h("div")
                    .class("cu-bar-hit cu-bar-other")
                    .attr("style", &format!("top:{}px;height:{ROW}px", i * ROW))
                    .with(text(b))
            });
        vec![h("div")
            .class("cu-bars")
            .attr("style", &format!("height:{height}px"))
            .child(
                svg("svg")
                    .attr("role", "img")
                    .attr("aria-label", &name())
                    .attr("width", "100%")
                    .attr("height", &height.to_string())
                    .class("cu-bars-svg")
                    .children(shapes),
            )
            .child(
                h("div")
                    .class("cu-bar-hits")
                    .attr("role", "group")
                    .attr(
                        "aria-label",
                        &format!("Filter by {}", t.state.group.get_untracked().key()),
                    )
                    .children(hits),
            )
            .child_opt(other)]
    }
}
