//! What the runs table says when it has no rows: still loading, could not
//! load, no runs at all, or none matching the filters.

use leptos::prelude::*;

use crate::state::Scope;
use crate::table::use_table;

/// The runs table's empty row content.
#[component]
pub fn EmptyState() -> impl IntoView {
    let t = use_table();
    let (state, scope_set) = (t.state, t.scope_set);
    move || {
        let first_load = state.page.with(Option::is_none);
        let loaded_none = scope_set.with(|s| s.as_ref().is_some_and(|l| l.set.is_empty()));
        if first_load {
            if state.error.with(Option::is_some) {
                view! { <p class="cu-empty">"No runs could be loaded."</p> }.into_any()
            } else {
                view! { <p class="cu-empty cu-placeholder">"Loading runs…"</p> }.into_any()
            }
        } else if loaded_none {
            let text = if state.scope.get() == Scope::Page && state.offset.get() > 0 {
                "No runs on this page."
            } else {
                "No runs yet."
            };
            view! { <p class="cu-empty">{text}</p> }.into_any()
        } else {
            view! {
                <p class="cu-empty">"No runs match these filters."</p>
                <button type="button" class="cu-btn" on:click=move |_| t.clear_filters()>"Clear all filters"</button>
            }
            .into_any()
        }
    }
}
