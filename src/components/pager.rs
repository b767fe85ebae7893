//! Page navigation: rows per page, Previous/Next, and where we are.

use leptos::prelude::*;

use std::sync::Arc;

use crate::format::Formatter;
use crate::state::{Scope, Shared, TableState};

/// Page sizes offered in "Rows per page".
pub const PAGE_SIZES: [u32; 3] = [20, 50, 100];

/// "Rows per page", "Previous page", "Next page" and a status line. In the
/// "This page" scope they move through the server's pages; in "All loaded
/// runs" through the loaded runs, without a request.
#[component]
pub fn Pager(
    /// The instance state.
    state: TableState,
    /// Indices of the filtered runs in scope (for client-side paging).
    filtered: Memo<Shared<Vec<usize>>>,
    /// Locale formatting.
    fmt: Arc<Formatter>,
    /// Prefix for element ids (unique per instance).
    uid: String,
) -> impl IntoView {
    let size_id = format!("{uid}-page-size");
    let count = move |n: u64| fmt.count(n);
    let page_len = move || state.page.with(|p| p.as_ref().map(|p| p.loaded.set.len()));
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
    let go = move |forward: bool| {
        let step = state.limit.get_untracked();
        match state.scope.get_untracked() {
            Scope::Page => state.offset.update(|o| {
                *o = if forward {
                    *o + u64::from(step)
                } else {
                    o.saturating_sub(u64::from(step))
                }
            }),
            Scope::All => state.view_offset.update(|o| {
                *o = if forward {
                    *o + step as usize
                } else {
                    o.saturating_sub(step as usize)
                }
            }),
        }
    };
    let status = move || match state.scope.get() {
        Scope::Page => {
            let offset = state.offset.get();
            match (page_len(), state.loading.get()) {
                (_, true)
                    if state
                        .page
                        .with(|p| p.as_ref().is_none_or(|p| p.offset != offset)) =>
                {
                    format!(
                        "Loading runs {}–{}…",
                        count(offset + 1),
                        count(offset + u64::from(state.limit.get()))
                    )
                }
                (Some(0), _) => "No runs on this page".to_owned(),
                (Some(n), _) => {
                    let first = state.page.with(|p| p.as_ref().map_or(0, |p| p.offset));
                    format!("Runs {}–{}", count(first + 1), count(first + n as u64))
                }
                (None, _) => String::new(),
            }
        }
        Scope::All => {
            let total = filtered.with(|f| f.len());
            let first = state.view_offset.get().min(total);
            let last = (first + state.limit.get() as usize).min(total);
            if total == 0 {
                "No loaded runs match".to_owned()
            } else {
                format!(
                    "Runs {}–{} of {} loaded",
                    count(first as u64 + 1),
                    count(last as u64),
                    count(total as u64)
                )
            }
        }
    };
    let on_size = move |ev: leptos::ev::Event| {
        if let Ok(size) = event_target_value(&ev).parse::<u32>() {
            state.set_page_size(size);
        }
    };
    let sizes = move || {
        let current = state.limit.get();
        let mut sizes = PAGE_SIZES.to_vec();
        if !sizes.contains(&current) {
            sizes.push(current);
            sizes.sort_unstable();
        }
        sizes
            .into_iter()
            .map(|s| view! { <option value=s.to_string() selected=s == current>{s}</option> })
            .collect_view()
    };
    view! {
        <div class="cu-pager">
            <div class="cu-field cu-inline">
                <label for=size_id.clone()>"Rows per page"</label>
                <select id=size_id on:change=on_size>{sizes}</select>
            </div>
            <div class="cu-pager-nav">
                <button type="button" class="cu-btn" disabled=prev_disabled on:click=move |_| go(false)>
                    <span aria-hidden="true">"‹ "</span>"Previous page"
                </button>
                <span class="cu-pager-status" role="status" aria-live="polite">{status}</span>
                <button type="button" class="cu-btn" disabled=next_disabled on:click=move |_| go(true)>
                    "Next page"<span aria-hidden="true">" ›"</span>
                </button>
            </div>
        </div>
    }
}
