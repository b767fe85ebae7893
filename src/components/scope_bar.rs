//! Scope switch ("This page" / "All loaded runs"), "Load all runs" with its
//! progress bar and "Cancel", and how the last walk ended.

use leptos::prelude::*;

use crate::state::Scope;
use crate::table::use_table;

/// How often load-all progress is announced to screen readers.
pub const PROGRESS_EVERY_MS: f64 = 5_000.0;

/// Whether a progress announcement is due `now`, the last one made at `last`.
pub fn progress_due(last: f64, now: f64) -> bool {
    now - last >= PROGRESS_EVERY_MS
}

/// The scope controls and "Load all runs".
#[component]
pub fn ScopeBar() -> impl IntoView {
    let t = use_table();
    let (state, fmt) = (t.state, t.fmt());
    let max_runs = t.with_config(|c| c.max_runs);
    let running = move || state.load_all.with(|l| l.running);
    let has_all = move || state.all.with(Option::is_some);
    let set_scope = move |scope: Scope| t.set_scope(scope);
    // Screen readers hear the walk start, its progress at most every
    // PROGRESS_EVERY_MS, and how it ended (the outcome line below) — not
    // every page.
    let announce = RwSignal::new(String::new());
    let last_announced: StoredValue<Option<f64>> = StoredValue::new(None);
    let announce_fmt = fmt.clone();
    Effect::new(move |_| {
        let (running, loaded) = state.load_all.with(|l| (l.running, l.loaded));
        if !running {
            last_announced.set_value(None);
            announce.set(String::new());
            return;
        }
        let now = js_sys::Date::now();
        match last_announced.get_value() {
            None => {
                last_announced.set_value(Some(now));
                announce.set("Loading all runs…".to_owned());
            }
            Some(last) if progress_due(last, now) => {
                last_announced.set_value(Some(now));
                announce.set(format!("{} runs loaded…", announce_fmt.count(loaded)));
            }
            Some(_) => {}
        }
    });
    let progress_fmt = fmt.clone();
    let progress_text = move || {
        format!(
            "{} runs loaded…",
            progress_fmt.count(state.load_all.with(|l| l.loaded))
        )
    };
    let has_data = move || match state.scope.get() {
        Scope::Page => state.page.with(Option::is_some),
        Scope::All => has_all(),
    };
    let as_of_fmt = fmt.clone();
    let as_of = move || {
        let ms = match state.scope.get() {
            Scope::Page => state.page_as_of.get(),
            Scope::All => state.all_as_of.get(),
        }?;
        Some(format!("As of {}", as_of_fmt.time_of_day(ms as i64)))
    };
    view! {
        <div class="cu-scope">
            <div class="cu-segmented" role="group" aria-label="Totals cover">
                <button
                    type="button"
                    aria-pressed=move || (state.scope.get() == Scope::Page).to_string()
                    on:click=move |_| set_scope(Scope::Page)
                >
                    "This page"
                </button>
                <button
                    type="button"
                    aria-pressed=move || (state.scope.get() == Scope::All).to_string()
                    disabled=move || !has_all()
                    title=move || if has_all() { "" } else { "Use Load all runs first" }
                    on:click=move |_| set_scope(Scope::All)
                >
                    "All loaded runs"
                </button>
            </div>
            <Show
                when=running
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="cu-btn"
                            title=format!("Fetch every run (up to {max_runs}) so totals cover them all")
                            on:click=move |_| t.load_all()
                        >
                            "Load all runs"
                        </button>
                        <Show when=move || state.load_all.with(|l| l.resumable)>
                            <button
                                type="button"
                                class="cu-btn cu-ghost"
                                on:click=move |_| t.continue_loading()
                            >
                                "Continue loading"
                            </button>
                        </Show>
                        <Show when=has_data>
                            <button
                                type="button"
                                class="cu-btn cu-ghost"
                                title="Fetch runs that are new or finished since the data was fetched"
                                on:click=move |_| t.refresh()
                            >
                                "Refresh"
                            </button>
                        </Show>
                    }
                }
            >
                <div
                    class="cu-progress"
                    role="progressbar"
                    aria-label="Loading all runs"
                    aria-valuemin="0"
                    aria-valuemax=max_runs.to_string()
                    aria-valuenow=move || state.load_all.with(|l| l.loaded).to_string()
                    aria-valuetext=progress_text.clone()
                >
                    <span class="cu-progress-bar"></span>
                </div>
                <span class="cu-muted">{progress_text.clone()}</span>
                <button type="button" class="cu-btn" on:click=move |_| t.cancel_loading()>
                    "Cancel"
                </button>
            </Show>
            <span class="cu-muted cu-asof">
                {move || if state.refreshing.get() { Some("Refreshing…".to_owned()) } else { as_of() }}
            </span>
            <p class="cu-sr-only" role="status">{move || announce.get()}</p>
            <p class="cu-outcome" role="status">
                {move || state.load_all.with(|l| if l.running { None } else { l.outcome.clone() })}
            </p>
            <p class="cu-refresh-note" role="status">{move || state.refresh_note.get()}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_announced_every_five_seconds_at_most() {
        assert!(!progress_due(1_000.0, 1_000.0));
        assert!(!progress_due(1_000.0, 5_999.0));
        assert!(progress_due(1_000.0, 6_000.0));
    }
}
