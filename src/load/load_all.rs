//! "Load all runs": the pure walk of [`crate::load::walk`] driven with up
//! to four requests in flight, until the end of the list, the cap, the
//! From date, "Cancel" or an error; then the runs it kept are shown.

use std::rc::Rc;

use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::json::Value;
use crate::api::{ApiError, PageRequest, Run, MAX_LIMIT};
use crate::core::format::Formatter;
use crate::core::subtotals::filter_and_sum;
use crate::load::drive::Drive;
use crate::load::env::{Env, ReadyPass};
use crate::load::state::{keep_finished_in, LoadAll, Loaded, Scope, Shared, TableState};
use crate::load::tasks::{fetch_with_retry, new_controller, next_task};
use crate::load::walk::{Ask, Outcome, Walk, WalkEnd};

/// Requests in flight during "Load all runs".
pub const LOAD_ALL_CONCURRENCY: usize = 4;

/// Starts walking every page (at most four requests in flight) until the
/// walk reaches the end of the list, the cap is reached, the From filter
/// makes older pages useless, the user cancels, a request fails, or the
/// server misbehaves (see [`crate::load::walk`]).
pub fn start_load_all(state: TableState, env: Rc<Env>, from_day: Option<String>) {
    let walk = Walk::new(MAX_LIMIT, env.config.max_runs);
    start_drive(state, env, walk, from_day);
}

/// Continues a walk that stopped on an error, keeping what it had: the
/// failed pages are asked again.
pub fn continue_load_all(state: TableState, env: Rc<Env>, from_day: Option<String>) {
    let Some(walk) = env.resume.borrow_mut().take() else {
        start_load_all(state, env, from_day);
        return;
    };
    start_drive(state, env, walk, from_day);
}

/// Starts driving `walk`; pages wholly older than `from_day` (the From
/// filter, or the start of the period and its comparison) end it.
fn start_drive(state: TableState, env: Rc<Env>, walk: Walk, from_day: Option<String>) {
    cancel_load_all(&env);
    env.resume.borrow_mut().take();
    let loaded = walk.distinct();
    let drive = Rc::new(Drive::new(walk, from_day));
    *env.walk.borrow_mut() = Some(drive.clone());
    state.load_all.set(LoadAll {
        running: true,
        loaded,
        ..LoadAll::default()
    });
    pump(&drive, state, &env);
}

/// Stops the walk in progress, keeping what was loaded.
pub fn cancel_load_all(env: &Env) {
    env.cancel_walk();
}

/// Asks for pages until four are in flight or the walk has nothing more to
/// ask; finishes the walk when nothing is in flight any more.
fn pump(drive: &Rc<Drive>, state: TableState, env: &Rc<Env>) {
    if drive.done.get() {
        return;
    }
    let stopping = drive.cancelled.get()
        || drive.error.borrow().is_some()
        || drive.stopped_by_date.get()
        || !env.is_current(drive);
    let mut asks = Vec::new();
    let in_flight = {
        let mut guard = drive.walk.borrow_mut();
        let Some(walk) = guard.as_mut() else {
            return;
        };
        if !stopping {
            while walk.in_flight() < LOAD_ALL_CONCURRENCY {
                match walk.next_ask() {
                    Some(ask) => asks.push(ask),
                    None => break,
                }
            }
        }
        walk.in_flight()
    };
    if in_flight == 0 {
        drive.done.set(true);
        finish(drive, state, env);
        return;
    }
    for ask in asks {
        let Some(controller) = new_controller() else {
            if let Some(walk) = drive.walk.borrow_mut().as_mut() {
                walk.fail(ask);
            }
            continue;
        };
        drive
            .controllers
            .borrow_mut()
            .push((ask, controller.clone()));
        spawn_local(fetch_one(
            drive.clone(),
            ask,
            controller,
            state,
            env.clone(),
        ));
    }
}

async fn fetch_one(
    drive: Rc<Drive>,
    ask: Ask,
    controller: AbortController,
    state: TableState,
    env: Rc<Env>,
) {
    // A failed page is retried like any request before the walk gives up.
    let request = PageRequest::new(ask.limit, ask.offset);
    let result = fetch_with_retry(env.source.as_ref(), request, &controller, |_| {}).await;
    drive.controllers.borrow_mut().retain(|(a, _)| *a != ask);
    let current = env.is_current(&drive);
    let mut finished = false;
    if let Some(walk) = drive.walk.borrow_mut().as_mut() {
        match result {
            Ok(page) => {
                let older = drive
                    .from_day
                    .as_ref()
                    .is_some_and(|from| page_before_day(&page.items, from, &env.fmt));
                let joined = walk.receive(ask, page);
                if joined && older && current {
                    drive.stopped_by_date.set(true);
                }
                finished = walk.complete();
                // The count shown moves at most every
                // PROGRESS_SHOWN_EVERY_MS, and at once when the last page
                // is in (the runs are then put in order and shown, tasks
                // later, by `finish`).
                if current
                    && !drive.cancelled.get()
                    && (finished || drive.show_progress_at(js_sys::Date::now()))
                {
                    let loaded = walk.distinct();
                    state.load_all.try_update(|l| l.loaded = loaded);
                }
            }
            Err(err) => {
                walk.fail(ask);
                // Stop asking for new pages, but let the requests in flight
                // finish: they extend what can be kept.
                if !matches!(err, ApiError::Aborted)
                    && drive.error.borrow().is_none()
                    && !drive.cancelled.get()
                {
                    *drive.error.borrow_mut() = Some(err);
                }
            }
        }
    }
    if finished || drive.stopped_by_date.get() {
        // The end is known: the pages still in flight cannot add to it.
        drive.abort_in_flight();
    }
    pump(&drive, state, &env);
}

/// Every run of a newest-first page started before `from` (a day key).
fn page_before_day(items: &[Run], from: &str, fmt: &Formatter) -> bool {
    let newest_first = items.windows(2).all(|w| w[0].started_ms >= w[1].started_ms);
    newest_first
        && !items.is_empty()
        && items.iter().all(|r| {
            r.started_ms
                .is_some_and(|ms| fmt.day_key(ms).as_str() < from)
        })
}

/// Ends a walk: its runs' list order (this task), the runs put in it a
/// column a task, their days (a task), the table's filter pass over them (a
/// task, [`pass_ahead`]), then the table shows them (a task of its own,
/// where every other derived figure is recomputed): at a million runs no
/// task of these is much over 50 ms, where one task of them all was 200.
/// A walk started meanwhile wins: this one's runs are not shown.
fn finish(drive: &Rc<Drive>, state: TableState, env: &Rc<Env>) {
    if !env.is_current(drive) {
        return;
    }
    env.walk.borrow_mut().take();
    let Some(walk) = drive.walk.borrow_mut().take() else {
        return;
    };
    let error = drive.error.borrow().clone();
    let end = walk.end();
    let outcome = if let Some(err) = &error {
        Outcome::Failed(err.to_string())
    } else if let WalkEnd::Complete { .. } = end {
        Outcome::Walk(end)
    } else if drive.cancelled.get() {
        Outcome::Cancelled
    } else if drive.stopped_by_date.get() {
        let day = drive.from_day.clone().unwrap_or_default();
        // Not the From date: the start of the period's comparison.
        let from = state.filters.with_untracked(|f| f.from.clone());
        let comparison = from.as_deref() != Some(day.as_str());
        Outcome::ByDate(day, comparison, env.fmt.zone().to_owned())
    } else {
        Outcome::Walk(end)
    };
    let complete = matches!(outcome, Outcome::Walk(WalkEnd::Complete { .. }));
    let resumable = error.is_some();
    let arrived = match end {
        WalkEnd::Complete { arrived } => arrived,
        _ => 0,
    };
    // A complete walk keeps every distinct run (moved, not copied); any
    // other end keeps the connected stretch, and a failed walk stays
    // available to "Continue loading".
    let (mut set, order) = if complete {
        walk.into_parts()
    } else {
        let kept = walk.kept_runs();
        if resumable {
            *env.resume.borrow_mut() = Some(walk);
        }
        (kept, Vec::new())
    };
    let env = env.clone();
    spawn_local(async move {
        if complete {
            next_task().await;
            let cycles = crate::core::store::cycles_of(&order);
            let mut step = 0;
            loop {
                next_task().await;
                if !set.gather_step(&order, &cycles, step) {
                    break;
                }
                step += 1;
            }
        }
        drop(order);
        next_task().await;
        // A run the page or an earlier load showed finished stays finished
        // (the walk's copy may be a stale late reply).
        for held in state.held_sets() {
            keep_finished_in(&mut set, &held.set);
        }
        set.compute_days(|ms| env.fmt.day_key(ms));
        next_task().await;
        // The table's filter pass over them, made here in a task of its
        // own (at a million runs it was half of the task showing them).
        let loaded = Loaded::new(set);
        pass_ahead(state, &env, &loaded);
        next_task().await;
        if env.walk.borrow().is_some() {
            env.ready_pass.borrow_mut().take();
            return;
        }
        show_walk(
            state, &env, loaded, outcome, error, resumable, complete, arrived,
        );
    });
}

/// The filter pass of `loaded` under the filters and grouping now, for the
/// table to take when it shows them ([`Env::ready_pass`]). With an open
/// period cut at a fixed `now`, the table's filters differ and it makes
/// its own. Nothing once the table is unmounted (its signals are gone) or
/// another walk has started.
fn pass_ahead(state: TableState, env: &Env, loaded: &Loaded) {
    if env.walk.borrow().is_some() {
        return;
    }
    let (Some(filters), Some(group)) = (
        state.filters.try_get_untracked(),
        state.group.try_get_untracked(),
    ) else {
        return;
    };
    let per_cu = env.config.per_cu();
    let result = filter_and_sum(
        &loaded.set,
        &filters,
        &env.config.workflow_names,
        per_cu,
        group,
        None,
    );
    *env.ready_pass.borrow_mut() = Some(ReadyPass {
        serial: loaded.serial,
        filters,
        group,
        result,
    });
}

/// Shows the runs a walk ended with, and how it ended.
#[allow(clippy::too_many_arguments)]
fn show_walk(
    state: TableState,
    env: &Env,
    loaded: Loaded,
    outcome: Outcome,
    error: Option<ApiError>,
    resumable: bool,
    complete: bool,
    arrived: u64,
) {
    let count = loaded.set.len() as u64;
    if let Some(err) = &error {
        env.host.emit_error(err, "load-all");
    }
    env.host.emit(
        "cu-runs:load",
        Value::object([
            ("scope", "all".into()),
            ("runs", count.into()),
            ("complete", complete.into()),
            ("arrived", arrived.into()),
        ]),
    );
    // A walk that ended before its first run (cancelled, or failed) leaves
    // the runs and the scope as they were: "All loaded runs" would show
    // none of them.
    if count > 0 || complete {
        state.all.try_set(Some(Shared::new(loaded)));
        state.view_offset.try_set(0);
        state.scope.try_set(Scope::All);
        state.all_as_of.try_set(Some(js_sys::Date::now()));
    }
    state.refresh_note.try_set(None);
    state.load_all.try_set(LoadAll {
        running: false,
        loaded: count,
        outcome: Some(outcome),
        error,
        resumable,
        complete,
    });
}
