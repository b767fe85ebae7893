//! "Search runs": typed text applied after a short pause (debounced).

use crate::core::messages::M;
use std::time::Duration;

use leptos::prelude::*;

use crate::view::el::{h, target_value, El};

use crate::load::reactive::{Derived, Sig, Stored};
use crate::view::table::use_table;

/// Delay between the last keystroke in "Search runs" and filtering.
pub const SEARCH_DEBOUNCE_MS: u64 = 200;

/// The search input.
pub fn search_field() -> El {
    let t = use_table();
    let state = t.state;
    let id = format!("{}-search", t.uid());
    let text = Sig::new(state.filters.with_untracked(|f| f.search.clone()));
    let pending = Stored::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
        pending.try_set_value(None);
    };
    let on_input = move |ev: web_sys::Event| {
        let typed = target_value(&ev);
        text.set(typed.clone());
        cancel();
        let handle = set_timeout_with_handle(
            move || {
                pending.try_set_value(None);
                t.update_filters(|f| f.search = typed);
            },
            Duration::from_millis(SEARCH_DEBOUNCE_MS),
        )
        .ok();
        pending.set_value(handle);
    };
    on_cleanup(cancel);
    // Filters can also change from outside (URL, Back/Forward, Clear): keep
    // the input in step with the applied value (without clobbering typing).
    let applied = Derived::new(move || state.filters.with(|f| f.search.clone()));
    crate::load::effect::effect(move |_| {
        let applied = applied.get();
        if pending.get_value().is_none() || text.get_untracked() == applied {
            text.set(applied);
        }
    });
    // "Clear filters" drops what is being typed too.
    crate::load::effect::effect(move |first| {
        t.cleared.track();
        if !first {
            cancel();
            text.set(String::new());
        }
    });
    h("div")
        .class("cu-field cu-grow")
        .child(h("label").attr("for", &id).text(&t.say(M::searchRuns)))
        .child(
            h("input")
                .attr("id", &id)
                .attr("type", "search")
                .attr("placeholder", &t.say(M::searchPlaceholder))
                .attr("autocomplete", "off")
                .prop("value", move || text.get().into())
                .on("input", on_input),
        )
}
