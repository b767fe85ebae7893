//! Page navigation: rows per page (`page_size`), Previous/Next, and where we
//! are.

use super::page_size::page_size_field;
use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::sentences::{all_status, page_status};
use crate::load::reactive::Derived;
use crate::load::state::{Scope, Shared, TableState};
use crate::view::el::{h, El};
use crate::view::table::{use_table, Table};

/// "Previous page", disabled on the first page.
fn previous_button(t: Table) -> El {
    let state = t.state;
    let disabled = move || match state.scope.get() {
        Scope::Page => t.page_offset() == 0,
        Scope::All => state.view_offset.get() == 0,
    };
    h("button")
        .attr("type", "button")
        .class("cu-btn")
        .flag("disabled", disabled)
        .on("click", move |_| t.turn_page(false))
        .child(h("span").attr("aria-hidden", "true").text("‹ "))
        .text(&t.say(M::previousPage))
}

/// "Next page", disabled on the last page (of `filtered`, in "All loaded
/// runs") and on an empty one.
fn next_button(t: Table, filtered: Derived<Shared<Vec<usize>>>) -> El {
    let state = t.state;
    let disabled = move || match state.scope.get() {
        // Disabled only when the page on screen is the requested one and the
        // server said it is the last, or sent no runs (an empty page that
        // says more exist has no next page to reach: its offset would only
        // grow over more empty pages). Paging ahead while a page loads is
        // fine (stale answers are dropped).
        Scope::Page => state.page.with(|p| {
            p.as_ref().is_none_or(|p| {
                p.offset == state.offset.get() && (!p.has_more || p.loaded.set.is_empty())
            })
        }),
        Scope::All => {
            state.view_offset.get() + state.limit.get() as usize >= filtered.with(|f| f.len())
        }
    };
    h("button")
        .attr("type", "button")
        .class("cu-btn")
        .flag("disabled", disabled)
        .on("click", move |_| t.turn_page(true))
        .text(&t.say(M::nextPage))
        .child(h("span").attr("aria-hidden", "true").text(" ›"))
}

/// Where we are, or which page is loading (tracked).
fn status(state: TableState, filtered: Derived<Shared<Vec<usize>>>, fmt: &Formatter) -> String {
    match state.scope.get() {
        Scope::Page => {
            let offset = state.offset.get();
            let shown = state
                .page
                .with(|p| p.as_ref().map(|p| (p.applied, p.loaded.set.len() as u64)));
            let asked = state.page.with(|p| p.as_ref().map(|p| p.offset));
            let waiting = state.loading.get() && asked.is_none_or(|o| o != offset);
            page_status(
                waiting.then_some((offset, u64::from(state.limit.get()))),
                shown,
                fmt,
            )
        }
        Scope::All => all_status(
            state.view_offset.get() as u64,
            u64::from(state.limit.get()),
            filtered.with(|f| f.len()) as u64,
            fmt,
        ),
    }
}

/// "Rows per page", "Previous page", "Next page" and a status line. In the
/// "This page" scope they move through the server's pages; in "All loaded
/// runs" through the loaded runs, without a request.
pub fn pager() -> El {
    let t = use_table();
    let (state, filtered, fmt) = (t.state, t.filtered, t.fmt());
    h("div").class("cu-pager").child(page_size_field()).child(
        h("div")
            .class("cu-pager-nav")
            .child(previous_button(t))
            .child(
                // Quiet while a period's figures are coming (as the
                // coverage line and the headline are): said with them.
                h("span")
                    .class("cu-pager-status")
                    .attr("role", "status")
                    .dyn_attr("aria-live", move || {
                        Some(super::period::live(t.coming.get()))
                    })
                    .dyn_text(move || status(state, filtered, &fmt)),
            )
            .child(next_button(t, filtered)),
    )
}
