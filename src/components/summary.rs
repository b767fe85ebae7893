//! Which runs the totals cover, and notes on runs in progress or without a
//! valid CU value (sentences from `crate::sentences`).

use leptos::prelude::*;

use crate::filter::Filters;
use crate::sentences::{coverage, invalid_note, partial_note};
use crate::state::Scope;
use crate::table::use_table;

/// The coverage line and its notes.
#[component]
pub fn Summary() -> impl IntoView {
    let t = use_table();
    let (state, scope_set, filtered, subtotals) = (t.state, t.scope_set, t.filtered, t.subtotals);
    let fmt = t.fmt();
    let line_fmt = fmt.clone();
    let line = move || {
        let total = scope_set.with(|s| s.as_ref().map(|l| l.set.len()))?;
        let shown = filtered.with(|f| f.len());
        let active = state.filters.with(Filters::active_count);
        Some(coverage(
            state.scope.get() == Scope::All,
            shown as u64,
            total as u64,
            active,
            |n| line_fmt.count(n),
        ))
    };
    let notes = move || {
        let s = subtotals.get();
        let count = |n: u64| fmt.count(n);
        let invalid = s.total.invalid_runs() as u64;
        let partial = s.total.in_progress as u64;
        (
            (invalid > 0)
                .then(|| view! { <p class="cu-note cu-warn">{invalid_note(invalid, count)}</p> }),
            (partial > 0).then(|| view! { <p class="cu-note">{partial_note(partial, count)}</p> }),
        )
    };
    view! {
        <div class="cu-summary">
            <p class="cu-coverage" aria-live="polite">{line}</p>
            {notes}
        </div>
    }
}
