//! The status line shown while a failed page request is tried again:
//! "Retrying (2/3)…" (empty otherwise).

use crate::view::el::{h, El};
use crate::view::table::use_table;

/// The retry status line.
pub fn retrying() -> El {
    let state = use_table().state;
    h("p")
        .class("cu-retrying")
        .attr("role", "status")
        .dyn_text(move || {
            state
                .retrying
                .get()
                .map(|(attempt, of)| format!("Retrying ({attempt}/{of})…"))
                .unwrap_or_default()
        })
}
