//! One sortable column header for both tables: a button inside the `th`,
//! `aria-sort` on the header, an arrow (and key number) beside the label.

use wasm_bindgen::JsCast;

use crate::view::el::{h, El};

/// What a [`sort_header`] shows and does.
pub struct SortHeader {
    /// The column's name.
    pub label: String,
    /// Extra classes of the cell.
    pub class: String,
    /// Right-aligned (a numeric column).
    pub numeric: bool,
    /// The button's tooltip.
    pub title: Option<String>,
}

/// A column header whose button sorts by it: `aria-sort()` on the cell,
/// `indicator()` (▲, ▼ or ↕) beside the name, and `on_sort(shift held)` on
/// a click, after which the table's sort status says what it did
/// ([`Table::say_sorted`](crate::view::table::Table::say_sorted)).
pub fn sort_header(
    h_: SortHeader,
    aria_sort: Box<dyn Fn() -> &'static str>,
    indicator: Box<dyn Fn() -> String>,
    on_sort: Box<dyn Fn(bool)>,
) -> El {
    let t = crate::view::table::use_table();
    let label = h_.label.clone();
    let indicator: std::rc::Rc<dyn Fn() -> String> = std::rc::Rc::from(indicator);
    let arrow = indicator.clone();
    let class = if h_.numeric {
        format!("{} cu-num", h_.class).trim_start().to_owned()
    } else {
        h_.class
    };
    h("th")
        .attr("scope", "col")
        .dyn_attr("aria-sort", move || Some(aria_sort().to_owned()))
        .class(&class)
        .child(
            h("button")
                .attr("type", "button")
                .class("cu-sort")
                .attr_opt("title", h_.title.as_deref())
                .on("click", move |ev| {
                    let shift = ev
                        .dyn_ref::<web_sys::MouseEvent>()
                        .is_some_and(|m| m.shift_key());
                    on_sort(shift);
                    // The direction the indicator shows now, and the key's
                    // number after it when sorting by several (a further
                    // key has no `aria-sort`, only its arrow and number).
                    let shown = leptos::prelude::untrack(|| arrow());
                    let mut chars = shown.chars();
                    let now = match chars.next() {
                        Some('▼') => Some(true),
                        Some('▲') => Some(false),
                        _ => None,
                    };
                    let further = chars.as_str().parse::<u32>().is_ok_and(|n| n > 1);
                    t.say_sorted(&label, now, further);
                })
                .text(&h_.label)
                .child(
                    h("span")
                        .class("cu-sort-ind")
                        .attr("aria-hidden", "true")
                        .dyn_text(move || indicator()),
                ),
        )
}
