//! Page navigation: rows per page, Previous/Next, and where we are.

use leptos::prelude::*;

use crate::state::Scope;
use crate::table::use_table;

/// Page sizes offered in "Rows per page".
pub const PAGE_SIZES: [u32; 3] = [20, 50, 100];

/// The status line for the server page scope: `loading` is the requested
/// (offset, limit) while a page other than the one shown loads; `shown` is
/// the (offset, runs) of the page on screen.
pub fn page_status(
    loading: Option<(u64, u64)>,
    shown: Option<(u64, u64)>,
    count: impl Fn(u64) -> String,
) -> String {
    match (loading, shown) {
        (Some((offset, limit)), _) => format!(
            "Loading runs {}–{}…",
            count(offset.saturating_add(1)),
            count(offset.saturating_add(limit))
        ),
        (None, Some((_, 0))) => "No runs on this page".to_owned(),
        (None, Some((first, n))) => format!(
            "Runs {}–{}",
            count(first.saturating_add(1)),
            count(first.saturating_add(n))
        ),
        (None, None) => String::new(),
    }
}

/// The status line when paging through the loaded runs (client-side).
pub fn all_status(
    view_offset: u64,
    limit: u64,
    total: u64,
    count: impl Fn(u64) -> String,
) -> String {
    if total == 0 {
        return "No loaded runs match".to_owned();
    }
    let first = view_offset.min(total);
    let last = first.saturating_add(limit).min(total);
    format!(
        "Runs {}–{} of {} loaded",
        count(first + 1),
        count(last),
        count(total)
    )
}

/// "Rows per page", "Previous page", "Next page" and a status line. In the
/// "This page" scope they move through the server's pages; in "All loaded
/// runs" through the loaded runs, without a request.
#[component]
pub fn Pager() -> impl IntoView {
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
    let on_size = move |ev: leptos::ev::Event| {
        if let Ok(size) = event_target_value(&ev).parse::<u32>() {
            t.set_page_size(size);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::step;

    fn count(n: u64) -> String {
        n.to_string()
    }

    #[test]
    fn paging_arithmetic_and_status_lines() {
        assert_eq!(step(40, 20, true), 60);
        assert_eq!(step(10, 20, false), 0);
        assert_eq!(step(u64::MAX - 5, 20, true), u64::MAX);
        assert_eq!(page_status(None, Some((20, 20)), count), "Runs 21–40");
        assert_eq!(
            page_status(None, Some((20, 0)), count),
            "No runs on this page"
        );
        assert_eq!(
            page_status(Some((40, 20)), Some((20, 20)), count),
            "Loading runs 41–60…"
        );
        assert_eq!(page_status(None, None, count), "");
        assert_eq!(
            all_status(20, 20, 1_500, count),
            "Runs 21–40 of 1500 loaded"
        );
        assert_eq!(
            all_status(1_490, 20, 1_500, count),
            "Runs 1491–1500 of 1500 loaded"
        );
        assert_eq!(all_status(0, 20, 0, count), "No loaded runs match");
    }
}
