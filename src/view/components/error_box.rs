//! The error state of a page request: what happened, what the server said,
//! and a way to try again. The data already on screen stays there.

use crate::core::messages::M;
use crate::view::el::{button, h, nothing, El};
use crate::view::table::use_table;

/// Shows in `parent` the last page request's error (role=alert) with a
/// "Retry" button.
pub fn error_box(parent: El) -> El {
    let t = use_table();
    let state = t.state;
    parent.dyn_part(move || {
        let Some(err) = state.error.get() else {
            return nothing();
        };
        let status = err
            .status()
            .map(|s| h("li").text(&t.fmt().tf(M::httpStatus, &[("status", &s.to_string())])));
        let request_id = err.request_id().map(|id| {
            let lead = format!("{} ", t.say(M::requestIdLabel));
            h("li").text(&lead).child(h("code").text(id))
        });
        let details = err.details();
        let details = (!details.is_empty()).then(|| {
            let list = h("ul")
                .class("cu-error-details")
                .attr("aria-label", &t.say(M::details));
            details
                .iter()
                .fold(list, |list, d| list.child(h("li").text(d)))
        });
        let keeps_data = state
            .page
            .with_untracked(Option::is_some)
            .then(|| h("p").class("cu-muted").text(&t.say(M::keptData)));
        vec![h("div")
            .class("cu-error")
            .attr("role", "alert")
            .child(h("p").class("cu-error-title").text(&err.describe(&t.fmt())))
            .child(
                h("ul")
                    .class("cu-error-facts")
                    .child_opt(status)
                    .child_opt(request_id),
            )
            .child_opt(details)
            .child_opt(keeps_data)
            .child(button("cu-btn", &t.say(M::retry)).on("click", move |_| t.retry()))]
    })
}
