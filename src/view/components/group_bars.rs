//! The bars of "CU by workflow" (or trigger, or status): an SVG with one bar
//! per row and, laid over it, a button per group (its name and figures as
//! HTML, so long names end in an ellipsis), pressed while the runs are
//! filtered to it, in a group named "Filter by workflow" (or trigger, or
//! status). One Tab stop; arrow keys move between the bars.

use wasm_bindgen::JsCast;

use super::chart_keys::{one_tab_stop, roving_key, take_tab_stop};
use crate::core::charts::{fraction, group_chart_name, Bar};
use crate::core::messages::M;
use crate::core::subtotals::group_count;
use crate::load::reactive::Derived;
use crate::load::state::Shared;
use crate::view::el::{fingerprint, h, svg, El, Els, Item};
use crate::view::table::{use_table, Table};

/// Height of one bar row, in CSS pixels (the SVG and the hit buttons share it).
const ROW: usize = 34;

/// The bars: the picture is drawn again when the data change; the buttons
/// over it are a keyed list (a group's button stays the same node while its
/// figures do, moves when the order changes, and keeps the focus). A bar's
/// accessible name is its visible text ("billing-sync: 1.0000 CU ·
/// 42.0 %"); its title says what a click does; it is pressed while the runs
/// are filtered to its group. `bars`: the top groups and "Other", in the
/// subtotals' order, never empty (the caller says "No runs in scope.").
pub fn group_bars_view(bars: Derived<Shared<Vec<Bar>>>) -> Els {
    let t = use_table();
    let (subtotals, fmt) = (t.subtotals, t.fmt());
    let name = move || {
        let group = t.state.group.get();
        subtotals.with(|s| group_chart_name(s, &fmt, group, &|k| t.label(group, k)))
    };
    let height = move || bars.with(|b| b.len() * ROW);
    let group_name = move || {
        let f = t.fmt();
        Some(f.tf(M::filterBy, &[("by", &t.state.group.get().noun(&f))]))
    };
    vec![h("div")
        .class("cu-bars")
        .dyn_style("height", move || format!("{}px", height()))
        .child(
            svg("svg")
                .attr("role", "img")
                .dyn_attr("aria-label", move || Some(name()))
                .attr("width", "100%")
                .dyn_attr("height", move || Some(height().to_string()))
                .class("cu-bars-svg")
                .dyn_part(move || bars.with(|b| bar_shapes(b))),
        )
        .child(
            h("div")
                .class("cu-bar-hits")
                .attr("role", "group")
                .dyn_attr("aria-label", group_name)
                .keyed(move || bars.with(|b| bar_items(t, b)), one_tab_stop),
        )
        .dyn_part(move || bars.with(|b| other_bar(t, b)))]
}

/// The SVG shapes: per bar, its track and its fill.
fn bar_shapes(bars: &[Bar]) -> Els {
    let max = bars.iter().map(|b| b.cu).max().unwrap_or_default();
    bars.iter()
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
        .collect()
}

/// A bar's label and figures: what it shows and its accessible name.
fn bar_text(t: Table, b: &Bar) -> (String, String) {
    let fmt = t.fmt();
    let label = match b.key {
        Some(_) => b.label(&fmt),
        None => {
            let count = group_count(t.state.group.get_untracked(), b.workflows, &fmt);
            fmt.tf(M::otherGroups, &[("count", &count)])
        }
    };
    let value = format!("{} CU · {}", fmt.cu_total(b.cu), fmt.share(b.share));
    (label, value)
}

/// Appends a bar's label and figures to `el`.
fn with_text(el: El, (label, value): &(String, String)) -> El {
    el.child(h("span").class("cu-bar-label").text(label))
        .child(h("span").class("cu-sr-only").text(": "))
        .child(h("span").class("cu-bar-value").text(value))
}

/// The buttons of the groups' bars, keyed by group.
fn bar_items(t: Table, bars: &[Bar]) -> Vec<Item> {
    bars.iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let key = b.key.clone()?;
            let text = bar_text(t, b);
            let f = t.fmt();
            let title = f.tf(M::showOnly, &[("name", &b.label(&f))]);
            let first = i == 0;
            // Pressed while the runs are filtered to this group.
            let pressed = t.is_filtered_to(&key);
            Some(Item {
                same: fingerprint(&(&text, &title, pressed)),
                key: key.clone(),
                build: Box::new(move |_| bar_button(t, key, &text, &title, first, pressed)),
                shape: None,
                frame: None,
            })
        })
        .collect()
}

/// One group's button: one Tab stop among them (arrow keys move), pressed
/// while the runs are filtered to the group; a click toggles that filter.
fn bar_button(
    t: Table,
    key: String,
    text: &(String, String),
    title: &str,
    first: bool,
    pressed: bool,
) -> El {
    let el = h("button")
        .attr("type", "button")
        .class("cu-bar-hit")
        .attr("data-key", &key)
        .attr("aria-pressed", if pressed { "true" } else { "false" })
        .attr("title", title)
        .attr("tabindex", if first { "0" } else { "-1" })
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
        .on("click", move |_| t.toggle_group(&key));
    with_text(el, text)
}

/// "Other": the groups past the top ones, one row at the bottom, not a
/// filter.
fn other_bar(t: Table, bars: &[Bar]) -> Els {
    bars.iter()
        .find(|b| b.key.is_none())
        .map(|b| with_text(h("div").class("cu-bar-hit cu-bar-other"), &bar_text(t, b)))
        .into_iter()
        .collect()
}
