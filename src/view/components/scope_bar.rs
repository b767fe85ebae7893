//! The scope bar: the scope switch (`scope_switch`), "Load all runs"
//! (`load_all_button`) or, while it runs, its progress bar and "Cancel"
//! (`load_progress`), "Continue loading", "Refresh" and "Cancel refresh",
//! when the data was fetched, how the last walk ended and what the last
//! refresh changed.

use super::load_all_button::load_all_button;
use super::load_progress::{load_progress, progress_announcer};
use super::scope_switch::scope_switch;
use crate::core::messages::M;
use crate::load::state::Scope;
use crate::load::walk::outcome_text;
use crate::view::el::{button, h, nothing, El};
use crate::view::table::{use_table, Table};

/// When the runs in scope were fetched, with the date and the zone (a
/// printout or a screenshot is read later): "Nov 28, 2026, 6:00 PM (UTC)"
/// (tracked).
pub fn as_of(t: Table) -> Option<String> {
    let state = t.state;
    let ms = match state.scope.get() {
        Scope::Page => state.page_as_of.get(),
        Scope::All => state.all_as_of.get(),
    }?;
    let fmt = t.fmt();
    Some(format!(
        "{} ({})",
        fmt.date_time(ms as i64),
        fmt.display_zone()
    ))
}

/// "Continue loading", "Refresh" and "Cancel refresh", in `parent`, each
/// while it applies.
fn walk_buttons(parent: El) -> El {
    let t = use_table();
    let state = t.state;
    let running = move || state.load_all.with(|l| l.running);
    let has_data = move || match state.scope.get() {
        Scope::Page => state.page.with(Option::is_some),
        Scope::All => state.all.with(Option::is_some),
    };
    parent
        .show(
            move || !running() && state.load_all.with(|l| l.resumable),
            move || {
                vec![button("cu-btn cu-ghost", &t.say(M::continueLoading))
                    .on("click", move |_| t.continue_loading())]
            },
            nothing,
        )
        .show(
            move || !running() && has_data(),
            move || {
                vec![button("cu-btn cu-ghost", &t.say(M::refresh))
                    .attr("title", &t.say(M::refreshTitle))
                    .on("click", move |_| t.refresh())]
            },
            nothing,
        )
        .show(
            move || state.refreshing.get(),
            move || {
                vec![button("cu-btn cu-ghost", &t.say(M::cancelRefresh))
                    .on("click", move |_| t.cancel_refresh())]
            },
            nothing,
        )
}

/// "As of …", or "Refreshing…" while a refresh runs.
fn as_of_line(t: Table) -> El {
    let state = t.state;
    h("span").class("cu-muted cu-asof").dyn_text(move || {
        if state.refreshing.get() {
            t.say(M::refreshing)
        } else {
            as_of(t)
                .map(|at| t.fmt().tf(M::asOf, &[("time", &at)]))
                .unwrap_or_default()
        }
    })
}

/// How the last walk ended (once it has), `max_runs` its bound.
fn outcome_line(t: Table, max_runs: u64) -> El {
    let (state, fmt) = (t.state, t.fmt());
    h("p")
        .class("cu-outcome")
        .attr("role", "status")
        .dyn_text(move || {
            state.load_all.with(|l| {
                l.outcome
                    .as_ref()
                    .filter(|_| !l.running)
                    .map(|outcome| outcome_text(outcome, l.loaded, max_runs, &fmt))
                    .unwrap_or_default()
            })
        })
}

/// The scope controls and "Load all runs".
pub fn scope_bar() -> El {
    let t = use_table();
    let state = t.state;
    let max_runs = t.with_config(|c| c.max_runs);
    let running = move || state.load_all.with(|l| l.running);
    h("div")
        .class("cu-scope")
        .child(scope_switch())
        .show(running, load_progress, load_all_button)
        .with(walk_buttons)
        .child(as_of_line(t))
        .child(progress_announcer())
        .child(outcome_line(t, max_runs))
        // What a refresh found, said when the user asked for it or it found
        // something: a timer's "No new runs" is only shown ("aria-live: off").
        // The same sentence said again ends in a no-break space every other
        // time: a change the region announces.
        .child(
            h("p")
                .class("cu-refresh-note")
                .attr("role", "status")
                .dyn_attr("aria-live", move || {
                    let said = state
                        .refresh_note
                        .with(|n| n.as_ref().is_some_and(|n| n.announce));
                    Some(if said { "polite" } else { "off" }.to_owned())
                })
                .dyn_text(move || {
                    state.refresh_note.with(|n| {
                        n.as_ref()
                            .map(|n| {
                                let again = if n.said % 2 == 1 { "\u{a0}" } else { "" };
                                format!("{}{again}", n.text)
                            })
                            .unwrap_or_default()
                    })
                }),
        )
}
