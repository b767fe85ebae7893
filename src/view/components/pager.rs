//! Page navigation: rows per page, Previous/Next, and where we are.

use crate::core::sentences::{all_status, page_status};
use crate::load::state::Scope;
use crate::view::el::{h, target_value, El};
use crate::view::table::use_table;

/// Page sizes offered in "Rows per page".
pub const PAGE_SIZES: [u32; 3] = [20, 50, 100];

/// "Rows per page", "Previous page", "Next page" and a status line. In the
/// "This page" scope they move through the server's pages; in "All loaded
/// runs" through the loaded runs, without a request.
pub fn pager() -> El {
    let t = use_table();
    let (state, filtered, fmt) = (t.state, t.filtered, t.fmt());
    let size_id = format!("{}-page-size", t.uid());
    let count = move |n: u64| fmt.count(n);
    let prev_disabled = move || match state.scope.get() {
        Scope::Page => state.offset.get() == 0,
        Scope::All => state.view_offset.get() == 0,
    };
    let next_disabled = move || match state.scope.get() {
        // Disabled only when the page on screen is the requested one and the
        // server said it is the last: paging ahead while a page loads is fine
        // (stale answers are dropped).
        Scope::Page => state.page.with(|p| {
            p.as_ref()
                .is_none_or(|p| p.offset == state.offset.get() && !p.has_more)
        }),
        Scope::All => {
            state.view_offset.get() + state.limit.get() as usize >= filtered.with(|f| f.len())
        }
    };
    let go = move |forward: bool| t.turn_page(forward);
    let status = move || match state.scope.get() {
        Scope::Page => {
            let offset = state.offset.get();
            let shown = state
                .page
                .with(|p| p.as_ref().map(|p| (p.offset, p.loaded.set.len() as u64)));
            let waiting = state.loading.get() && shown.is_none_or(|(o, _)| o != offset);
            page_status(
                waiting.then_some((offset, u64::from(state.limit.get()))),
                shown,
                &count,
            )
        }
        Scope::All => all_status(
            state.view_offset.get() as u64,
            u64::from(state.limit.get()),
            filtered.with(|f| f.len()) as u64,
            &count,
        ),
    };
    let on_size = move |ev: web_sys::Event| {
        if let Ok(size) = target_value(&ev).parse::<u32>() {
            t.set_page_size(size);
        }
    };
    let sizes = move || {
        let current = state.limit.get();
        let mut sizes = PAGE_SIZES.to_vec();
        if !sizes.contains(&current) {
            let at = sizes.partition_point(|&s| s < current);
            sizes.insert(at, current);
        }
        sizes
            .into_iter()
            .map(|s| {
                let text = s.to_string();
                let option = h("option").attr("value", &text).text(&text);
                if s == current {
                    option.attr("selected", "")
                } else {
                    option
                }
            })
            .collect()
    };
    let nav = |label: &str, back: bool| {
        let b = h("button").attr("type", "button").class("cu-btn");
        let arrow = h("span").attr("aria-hidden", "true");
        if back {
            b.flag("disabled", prev_disabled)
                .on("click", move |_| go(false))
                .child(arrow.text("‹ "))
                .text(label)
        } else {
            b.flag("disabled", next_disabled)
                .on("click", move |_| go(true))
                .text(label)
                .child(arrow.text(" ›"))
        }
    };
    h("div")
        .class("cu-pager")
        .child(
            h("div")
                .class("cu-field cu-inline")
                .child(h("label").attr("for", &size_id).text("Rows per page"))
                .child(
                    h("select")
                        .attr("id", &size_id)
                        .on("change", on_size)
                        .dyn_part(sizes),
                ),
        )
        .child(
            h("div")
                .class("cu-pager-nav")
                .child(nav("Previous page", true))
                .child(
                    h("span")
                        .class("cu-pager-status")
                        .attr("role", "status")
                        .attr("aria-live", "polite")
                        .dyn_text(status),
                )
                .child(nav("Next page", false)),
        )
}
