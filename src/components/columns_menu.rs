//! The "Columns" menu: a button that opens a group of checkboxes, one per
//! column of the runs table (the last shown column cannot be hidden).

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::columns::available;
use crate::dom::Host;
use crate::table::use_table;

/// The "Columns" button and its checkboxes.
#[component]
pub fn ColumnsMenu() -> impl IntoView {
    let t = use_table();
    let state = t.state;
    let has_price = t.with_config(|c| c.price.is_some());
    let open = RwSignal::new(false);
    let button = Host::new();
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
            view! {
                <label class="cu-check">
                    <input
                        type="checkbox"
                        prop:checked=checked
                        disabled=only
                        on:change=move |_| t.toggle_column(c)
                    />
                    {c.label()}
                    // Named "Workflow column", not "Workflow": the filter
                    // select already has that name.
                    <span class="cu-sr-only">" column"</span>
                </label>
            }
        })
        .collect_view();
    let close = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    };
    view! {
        <div
            class="cu-columns"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.prevent_default();
                    close();
                }
            }
        >
            <button
                type="button"
                class="cu-btn cu-ghost"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Columns"
            </button>
            <div id=panel_id class="cu-columns-panel" role="group" aria-label="Columns" hidden=move || !open.get()>
                {boxes}
            </div>
        </div>
    }
}
