//! The "Columns" menu: a button that opens a group of checkboxes, one per
//! column of the runs table (the last shown column cannot be hidden).

use crate::core::messages::M;
use wasm_bindgen::JsCast;

use crate::core::columns::available;
use crate::load::reactive::Sig;
use crate::view::el::{checkbox, h, El};
use crate::view::table::use_table;

/// The "Columns" button and its checkboxes.
pub fn columns_menu() -> El {
    let t = use_table();
    let state = t.state;
    let has_price = t.with_config(|c| c.price.is_some());
    let open = Sig::new(false);
    let panel_id = format!("{}-columns", t.uid());
    let boxes = available(has_price)
        .into_iter()
        .map(|c| {
            let checked = move || state.columns.with(|cols| cols.contains(&c));
            let only = move || {
                state
                    .columns
                    .with(|cols| cols.len() == 1 && cols.contains(&c))
            };
            h("label")
                .class("cu-check")
                .child(
                    checkbox(checked)
                        .flag("disabled", only)
                        .on("change", move |_| t.toggle_column(c)),
                )
                .text(&c.label(&t.fmt()))
                // Named "Workflow column", not "Workflow": the filter
                // select already has that name.
                .child(h("span").class("cu-sr-only").text(&t.say(M::columnSr)))
        })
        .collect::<Vec<_>>();
    let button = h("button")
        .attr("type", "button")
        .class("cu-btn cu-ghost")
        .dyn_attr("aria-expanded", move || Some(open.get().to_string()))
        .attr("aria-controls", &panel_id)
        .on("click", move |_| open.update(|o| *o = !*o))
        .text(&t.say(M::columns));
    let focus_button = button.element().clone();
    let close = move || {
        open.set(false);
        let _ = focus_button.unchecked_ref::<web_sys::HtmlElement>().focus();
    };
    let menu = h("div").class("cu-columns");
    // Whether an event's node is outside the menu (the button and panel).
    let outside = {
        let menu = menu.element().clone();
        move |node: Option<web_sys::EventTarget>| {
            node.and_then(|n| n.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|n| !menu.contains(Some(&n)))
        }
    };
    let outside_too = outside.clone();
    // A click or tap outside closes it, leaving the focus where it went.
    crate::view::el::on_page("pointerdown", move |ev| {
        if open.get_untracked() && outside_too(ev.target()) {
            open.set(false);
        }
    });
    menu.on("focusout", move |ev| {
        // Tabbing out of it closes it (a click outside is the page's).
        let to = ev
            .dyn_ref::<web_sys::FocusEvent>()
            .and_then(|f| f.related_target());
        if open.get_untracked() && outside(to) {
            open.set(false);
        }
    })
    .on("keydown", move |ev| {
        let escape = ev
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|k| k.key() == "Escape");
        if escape && open.get_untracked() {
            ev.prevent_default();
            close();
        }
    })
    .child(button)
    .child(
        h("div")
            .attr("id", &panel_id)
            .class("cu-columns-panel")
            .attr("role", "group")
            .attr("aria-label", &t.say(M::columns))
            .flag("hidden", move || !open.get())
            .children(boxes),
    )
}
