//! What the runs table says when it has no rows: still loading, could not
//! load, no runs at all, or none matching the filters.

use crate::core::messages::M;
use crate::view::el::{button, h, El};

use crate::load::state::Scope;
use crate::view::table::use_table;

/// The runs table's empty row content, in `parent`.
pub fn empty_state(parent: El) -> El {
    let t = use_table();
    let (state, scope_set) = (t.state, t.scope_set);
    parent.dyn_part(move || {
        let first_load = state.page.with(Option::is_none);
        let loaded_none = scope_set.with(|s| s.as_ref().is_some_and(|l| l.set.is_empty()));
        if first_load {
            if state.error.with(Option::is_some) {
                vec![h("p").class("cu-empty").text(&t.say(M::emptyFailed))]
            } else {
                vec![h("p")
                    .class("cu-empty cu-placeholder")
                    .text(&t.say(M::emptyLoading))]
            }
        } else if loaded_none {
            let text = if state.scope.get() == Scope::Page && state.offset.get() > 0 {
                M::emptyPage
            } else {
                M::emptyYet
            };
            vec![h("p").class("cu-empty").text(&t.say(text))]
        } else {
            vec![
                h("p").class("cu-empty").text(&t.say(M::emptyFiltered)),
                button("cu-btn", &t.say(M::clearAllFilters))
                    .on("click", move |_| t.clear_filters()),
            ]
        }
    })
}
