//! The status line shown while a failed page request is tried again:
//! "Retrying (2/3)…" (empty otherwise).

use crate::core::messages::M;
use crate::view::el::{h, El};
use crate::view::table::use_table;

/// The retry status line.
pub fn retrying() -> El {
    let t = use_table();
    let state = t.state;
    h("p")
        .class("cu-retrying")
        .attr("role", "status")
        .dyn_text(move || {
            state
                .retrying
                .get()
                .map(|(attempt, of)| {
                    let (attempt, of) = (attempt.to_string(), of.to_string());
                    t.fmt()
                        .tf(M::retrying, &[("attempt", &attempt), ("of", &of)])
                })
                .unwrap_or_default()
        })
}
