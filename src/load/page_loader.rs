//! The current page: loaded by an effect on the page request (offset,
//! limit, reload), one request at a time. Stale answers are dropped and the
//! superseded request aborted; the last good page stays on screen while the
//! next one loads or fails; "Retrying (2/3)…" shows between attempts. An
//! effect, not a `LocalResource`: its async machinery costs 13 KB gzip
//! (docs/decisions/0001-size-driven-design.md).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::AbortController;

use crate::api::json::Value;
use crate::api::{ApiError, PageRequest};
use crate::load::env::Env;
use crate::load::state::{keep_finished, page_data, Shared, TableState};
use crate::load::tasks::{fetch_with_retry, new_controller, spawn_now};

/// Fetches the page named by `limit`/`offset` whenever they (or `reload`)
/// change. Only the answer to the latest request is ever applied; the
/// previous request is aborted when a new one starts, and on unmount.
pub fn install_page_loader(state: TableState, env: Rc<Env>) {
    let inflight: Rc<RefCell<Option<AbortController>>> = Rc::default();
    let generation = Rc::new(Cell::new(0u64));
    {
        let (inflight, env) = (inflight.clone(), env.clone());
        crate::load::reactive::on_cleanup_local(move || {
            if let Some(c) = inflight.borrow_mut().take() {
                c.abort();
            }
            env.stop_all();
        });
    }
    let start = move |request: PageRequest| {
        if let Some(previous) = inflight.borrow_mut().take() {
            previous.abort();
        }
        let Some(controller) = new_controller() else {
            return;
        };
        generation.set(generation.get() + 1);
        let mine = generation.get();
        state.loading.set(true);
        *inflight.borrow_mut() = Some(controller.clone());
        let (generation, inflight, env) = (generation.clone(), inflight.clone(), env.clone());
        spawn_now(async move {
            let result = {
                let gen = generation.clone();
                fetch_with_retry(env.source.as_ref(), request, &controller, move |r| {
                    if gen.get() == mine {
                        state.retrying.try_set(r);
                    }
                })
                .await
            };
            if generation.get() != mine {
                return; // superseded: a newer request owns the state
            }
            inflight.borrow_mut().take();
            match result {
                Ok(mut page) => {
                    // A run shown finished (on the page before, or in a
                    // load) never goes back to in progress.
                    for held in state.held_sets() {
                        keep_finished(&mut page.items, &held.set);
                    }
                    let page_held = state.page.try_get_untracked().flatten();
                    let data = page_data(page, request, page_held.as_deref(), |ms| {
                        env.fmt.day_key(ms)
                    });
                    let detail = Value::object([
                        ("scope", "page".into()),
                        ("runs", data.loaded.set.len().into()),
                        ("offset", request.offset.into()),
                        ("limit", u64::from(request.limit).into()),
                        ("hasMore", data.has_more.into()),
                    ]);
                    state.page.try_set(Some(Shared::new(data)));
                    state.page_as_of.try_set(Some(js_sys::Date::now()));
                    state.refresh_note.try_set(None);
                    state.error.try_set(None);
                    env.host.emit("cu-runs:load", detail);
                }
                Err(ApiError::Aborted) => return,
                Err(err) => {
                    env.host.emit_error(&err, "page");
                    state.error.try_set(Some(err));
                }
            }
            state.loading.try_set(false);
            env.host.reveal();
        });
    };
    // The first page is requested now, while the views are still being
    // built, not when the effect first runs (after the whole mount).
    let first = PageRequest::new(state.limit.get_untracked(), state.offset.get_untracked());
    start(first);
    crate::load::effect::effect(move |first_run| {
        let request = PageRequest::new(state.limit.get(), state.offset.get());
        state.reload.track();
        if first_run && request == first {
            return; // the first run only subscribes: that page is already on its way
        }
        start(request);
    });
}
