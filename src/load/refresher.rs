//! "Refresh": in the page scope, the current page again; with all loaded
//! runs, new runs from the head until nothing new is left (the pure merge
//! of [`crate::load::refresh`]), merged into what is loaded. Never two at
//! once, never during a walk; says what changed and emits `cu-runs:load`.
//! A timer's refresh that found nothing new shows its note without
//! announcing it ([`crate::load::state::RefreshNote`]).

use std::rc::Rc;

use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::json::Value;
use crate::api::{ApiError, PageRequest, MAX_LIMIT};
use crate::core::messages::M;
use crate::load::env::Env;
use crate::load::state::{page_data, Loaded, Scope, Shared, TableState};
use crate::load::tasks::{fetch_with_retry, new_controller};

/// "Refresh": in the page scope, the current page again; with all loaded
/// runs, new runs from the head until nothing new is left (see
/// [`crate::load::refresh`]), merged into what is loaded. Never two at once, never
/// during a walk; says what changed and emits `cu-runs:load`. `asked`:
/// the user pressed Refresh (its note is always announced), not the
/// `refreshSeconds` timer (announced only when it found something).
pub fn refresh(state: TableState, env: Rc<Env>, asked: bool) {
    if state.refreshing.get_untracked() || state.load_all.with_untracked(|l| l.running) {
        return;
    }
    let Some(controller) = new_controller() else {
        return;
    };
    // The balance and the month in progress are refreshed with the runs.
    crate::load::ledger::refresh(state, env.clone(), crate::load::ledger::this_month(&env));
    *env.refresh.borrow_mut() = Some(controller.clone());
    state.refreshing.set(true);
    let scope = state.scope.get_untracked();
    spawn_local(async move {
        let result = match scope {
            Scope::Page => refresh_page(state, &env, &controller).await,
            Scope::All => refresh_all(state, &env, &controller).await,
        };
        if controller.signal().aborted() {
            return; // unmounted: nothing more to say
        }
        env.refresh.borrow_mut().take();
        match result {
            Ok(Some((text, news))) => {
                state.refresh_says(text, asked || news);
            }
            Ok(None) => {}
            Err(err) => {
                env.host.emit_error(&err, "refresh");
                state.refresh_says(
                    env.fmt
                        .tf(M::refreshFailed, &[("error", &err.describe(&env.fmt))]),
                    true,
                );
            }
        }
        state.refreshing.try_set(false);
    });
}

/// "Cancel refresh": stops the refresh in flight; the runs on screen stay
/// as they were (nothing of a refresh is applied before its end).
pub fn cancel_refresh(state: TableState, env: &Env) {
    if let Some(c) = env.refresh.borrow_mut().take() {
        c.abort();
        state.refreshing.set(false);
        state.refresh_says(env.fmt.t(M::refreshCancelled), true);
    }
}

fn since_text(env: &Env, as_of: Option<f64>) -> String {
    as_of.map_or_else(
        || env.fmt.t(M::sinceLastLoad),
        |ms| {
            format!(
                "{} ({})",
                env.fmt.time_of_day(ms as i64),
                env.fmt.display_zone()
            )
        },
    )
}

async fn refresh_page(
    state: TableState,
    env: &Env,
    controller: &AbortController,
) -> Result<Option<(String, bool)>, ApiError> {
    let Some(old) = state.page.get_untracked() else {
        return Ok(None);
    };
    let request = PageRequest::new(state.limit.get_untracked(), state.offset.get_untracked());
    let mut page = fetch_with_retry(env.source.as_ref(), request, controller, |_| {}).await?;
    // Something else replaced the page meanwhile (paging): that is newer.
    if state.page.with_untracked(|p| p.as_ref() != Some(&old)) {
        return Ok(None);
    }
    let held = &old.loaded.set;
    // A stale reply never turns a run on screen that finished back into
    // one in progress: the finished copy stays.
    crate::load::state::keep_finished(&mut page.items, held);
    let mut merge =
        crate::load::refresh::Refresh::new(held, request.limit, u64::from(request.limit));
    merge.receive(held, page.clone());
    let (_, changes) = merge.finish(held);
    let since = since_text(env, state.page_as_of.get_untracked());
    let data = page_data(page, request, Some(&old), |ms| env.fmt.day_key(ms));
    let runs = data.loaded.set.len();
    state.page.try_set(Some(Shared::new(data)));
    state.page_as_of.try_set(Some(js_sys::Date::now()));
    state.error.try_set(None);
    env.host.emit(
        "cu-runs:load",
        Value::object([
            ("scope", "page".into()),
            ("runs", runs.into()),
            ("added", changes.added.into()),
            ("updated", changes.updated.into()),
        ]),
    );
    Ok(Some((
        crate::load::refresh::changes_text(changes, &since, 0, 0, &env.fmt),
        crate::load::refresh::found_news(changes, 0),
    )))
}

async fn refresh_all(
    state: TableState,
    env: &Env,
    controller: &AbortController,
) -> Result<Option<(String, bool)>, ApiError> {
    let Some(old) = state.all.get_untracked() else {
        return Ok(None);
    };
    let held = &old.set;
    let mut merge = crate::load::refresh::Refresh::new(held, MAX_LIMIT, env.config.max_runs);
    while let Some(ask) = merge.next_ask() {
        let request = PageRequest::new(ask.limit, ask.offset);
        let page = fetch_with_retry(env.source.as_ref(), request, controller, |_| {}).await?;
        merge.receive(held, page);
    }
    // A walk replaced the loaded runs meanwhile: that is newer.
    if state.all.with_untracked(|a| a.as_ref() != Some(&old)) {
        return Ok(None);
    }
    let capped = merge.capped();
    let (mut set, changes) = merge.finish(held);
    let since = since_text(env, state.all_as_of.get_untracked());
    let count = set.len();
    let left_out = crate::load::refresh::runs_left_out(capped, held.len(), changes, count);
    let gave_way = crate::load::refresh::gave_way(held.len(), changes, count);
    set.compute_days(|ms| env.fmt.day_key(ms));
    state.all.try_set(Some(Shared::new(Loaded::new(set))));
    state.all_as_of.try_set(Some(js_sys::Date::now()));
    state.load_all.try_update(|l| {
        l.loaded = count as u64;
        l.outcome = crate::load::refresh::refreshed_outcome(l.outcome.take(), left_out);
        l.complete &= !left_out;
    });
    env.host.emit(
        "cu-runs:load",
        Value::object([
            ("scope", "all".into()),
            ("runs", count.into()),
            ("added", changes.added.into()),
            ("updated", changes.updated.into()),
        ]),
    );
    // The oldest runs held that the cap let go, said with the changes.
    Ok(Some((
        crate::load::refresh::changes_text(
            changes,
            &since,
            gave_way,
            env.config.max_runs,
            &env.fmt,
        ),
        crate::load::refresh::found_news(changes, gave_way),
    )))
}
