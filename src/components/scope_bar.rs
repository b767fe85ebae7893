//! Scope switch ("This page" / "All loaded runs"), "Load all runs" with its
//! progress bar and "Cancel", and how the last walk ended.

use leptos::prelude::*;

use super::load_progress::{LoadProgress, ProgressAnnouncer};
use super::show_when::ShowWhen;
use crate::state::Scope;
use crate::table::use_table;
use crate::walk::outcome_text;

/// The scope controls and "Load all runs".
#[component]
pub fn ScopeBar() -> impl IntoView {
    let t = use_table();
    let state = t.state;
    let max_runs = t.with_config(|c| c.max_runs);
    let running = move || state.load_all.with(|l| l.running);
    let has_all = move || state.all.with(Option::is_some);
    let has_data = move || match state.scope.get() {
        Scope::Page => state.page.with(Option::is_some),
        Scope::All => has_all(),
    };
    let fmt = t.fmt();
    let outcome_fmt = fmt.clone();
    let as_of = move || {
        let ms = match state.scope.get() {
            Scope::Page => state.page_as_of.get(),
            Scope::All => state.all_as_of.get(),
        }?;
        Some(format!("As of {}", fmt.time_of_day(ms as i64)))
    };
    view! {
        <div class="cu-scope">
            <div class="cu-segmented" role="group" aria-label="Totals cover">
                <button
                    type="button"
                    aria-pressed=move || (state.scope.get() == Scope::Page).to_string()
                    on:click=move |_| t.set_scope(Scope::Page)
                >
                    "This page"
                </button>
                <button
                    type="button"
                    aria-pressed=move || (state.scope.get() == Scope::All).to_string()
                    disabled=move || !has_all()
                    title=move || if has_all() { "" } else { "Use Load all runs first" }
                    on:click=move |_| t.set_scope(Scope::All)
                >
                    "All loaded runs"
                </button>
            </div>
            <ShowWhen when=running fallback=move || view! {
                <button
                    type="button"
                    class="cu-btn"
                    title=format!("Fetch every run (up to {max_runs}) so totals cover them all")
                    on:click=move |_| t.load_all()
                >
                    "Load all runs"
                </button>
                <ShowWhen when=move || state.load_all.with(|l| l.resumable)>
                    <button type="button" class="cu-btn cu-ghost" on:click=move |_| t.continue_loading()>
                        "Continue loading"
                    </button>
                </ShowWhen>
                <ShowWhen when=has_data>
                    <button
                        type="button"
                        class="cu-btn cu-ghost"
                        title="Fetch runs that are new or finished since the data was fetched"
                        on:click=move |_| t.refresh()
                    >
                        "Refresh"
                    </button>
                </ShowWhen>
            }>
                <LoadProgress />
            </ShowWhen>
            <span class="cu-muted cu-asof">
                {move || if state.refreshing.get() { Some("Refreshing…".to_owned()) } else { as_of() }}
            </span>
            <ProgressAnnouncer />
            <p class="cu-outcome" role="status">
                {move || state.load_all.with(|l| {
                    let outcome = l.outcome.as_ref().filter(|_| !l.running)?;
                    Some(outcome_text(outcome, l.loaded, max_runs, |n| outcome_fmt.count(n)))
                })}
            </p>
            <p class="cu-refresh-note" role="status">{move || state.refresh_note.get()}</p>
        </div>
    }
}
