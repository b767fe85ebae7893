//! A screen-reader-only live region for a line shown elsewhere, so the
//! shown line can change freely (a figure still loading, a total that
//! passes through "0 of 20" while a period's walk is due) while the region
//! says only the settled text.

use crate::load::reactive::Sig;
use crate::view::el::{h, El};

/// A polite live region (`role=status`, visually hidden, class
/// `cu-said` and `class`) saying what `text` returns: `None` holds what
/// it said last; the same text again is not said again.
pub fn announcer(class: &str, text: Box<dyn Fn() -> Option<String>>) -> El {
    let said = Sig::new(String::new());
    crate::load::effect::effect(move |_| {
        if let Some(now) = text() {
            if said.with_untracked(|s| *s != now) {
                said.set(now);
            }
        }
    });
    h("p")
        .class(&format!("cu-sr-only cu-said {class}"))
        .attr("role", "status")
        .dyn_text(move || said.get())
}
