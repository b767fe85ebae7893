//! "Totals cover": the switch between "This page" and "All loaded runs"
//! (offered once "Load all runs" has loaded them).

use crate::core::messages::M;
use crate::load::state::Scope;
use crate::view::el::{button, h, El};
use crate::view::table::use_table;

/// The two scope buttons, the chosen one pressed.
pub fn scope_switch() -> El {
    let t = use_table();
    let state = t.state;
    let has_all = move || state.all.with(Option::is_some);
    let pressed = move |scope: Scope| move || Some((state.scope.get() == scope).to_string());
    h("div")
        .class("cu-segmented")
        .attr("role", "group")
        .attr("aria-label", &t.say(M::totalsCover))
        .child(
            button("", &t.say(M::thisPage))
                .dyn_attr("aria-pressed", pressed(Scope::Page))
                .on("click", move |_| t.set_scope(Scope::Page)),
        )
        .child(
            button("", &t.say(M::allLoadedRuns))
                .dyn_attr("aria-pressed", pressed(Scope::All))
                .flag("disabled", move || !has_all())
                .dyn_attr("title", move || {
                    Some(if has_all() {
                        String::new()
                    } else {
                        t.say(M::useLoadAllFirst)
                    })
                })
                .on("click", move |_| t.set_scope(Scope::All)),
        )
}
