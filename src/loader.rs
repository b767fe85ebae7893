//! Loading runs: the current page (one request at a time, stale answers
//! dropped and superseded requests aborted) and "Load all runs" (a page walk
//! with up to four requests in flight).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::{ApiError, PageRequest, Run, RunsSource, MAX_LIMIT};
use crate::config::Config;
use crate::filter::RunSet;
use crate::format::Formatter;
use crate::retry::{delay_ms, MAX_ATTEMPTS};
use crate::state::{page_data, LoadAll, Loaded, Scope, Shared, TableState};

/// What one instance needs that is not reactive state: settings, the
/// network seam, and locale formatting.
pub struct Env {
    /// Validated settings.
    pub config: Config,
    /// Where runs come from.
    pub source: Rc<dyn RunsSource>,
    /// Locale formatting.
    pub fmt: Formatter,
    /// Walk in progress, if any (so "Cancel" and unmount can stop it).
    walk: RefCell<Option<Rc<Walk>>>,
    /// The element the table is mounted in: `cu-runs:*` events go there.
    host: RefCell<Option<web_sys::HtmlElement>>,
}

impl Env {
    /// Bundles the non-reactive parts of an instance.
    pub fn new(config: Config, source: Rc<dyn RunsSource>, fmt: Formatter) -> Env {
        Env {
            config,
            source,
            fmt,
            walk: RefCell::new(None),
            host: RefCell::new(None),
        }
    }

    /// Sets the element that receives the `cu-runs:load` / `cu-runs:error` events.
    pub fn set_host(&self, host: web_sys::HtmlElement) {
        *self.host.borrow_mut() = Some(host);
    }

    /// Dispatches a bubbling `CustomEvent` named `name` with a JSON `detail`
    /// on the host element. Details never contain the token.
    pub fn emit(&self, name: &str, detail: serde_json::Value) {
        let Some(host) = self.host.borrow().clone() else {
            return;
        };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        // Plain JS objects (not Maps) so hosts read `e.detail.status` directly.
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(detail) = serde::Serialize::serialize(&detail, &serializer) {
            init.set_detail(&detail);
        }
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&event);
        }
    }

    fn emit_error(&self, err: &ApiError, context: &str) {
        self.emit(
            "cu-runs:error",
            serde_json::json!({
                "status": err.status(),
                "message": err.to_string(),
                "details": err.details(),
                "requestId": err.request_id(),
                "during": context,
            }),
        );
    }
}

fn new_controller() -> Option<AbortController> {
    AbortController::new().ok()
}

/// Waits `ms`, or less if `controller` is aborted first. No Rust callback
/// runs after an abort: the timer only resolves a promise.
async fn sleep_unless_aborted(ms: u32, controller: &AbortController) {
    let signal = controller.signal();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
        let _ = signal.add_event_listener_with_callback("abort", &resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Loads a page, retrying transient failures (see [`crate::retry`]).
/// `on_retry(Some((attempt, of)))` is called before each new attempt and
/// `on_retry(None)` when done.
pub async fn fetch_with_retry(
    source: &dyn RunsSource,
    request: PageRequest,
    controller: &AbortController,
    on_retry: impl Fn(Option<(u32, u32)>),
) -> Result<crate::api::RunsPage, ApiError> {
    let mut attempt = 1;
    loop {
        let result = source.fetch_page(request, controller.clone()).await;
        match result {
            Err(err)
                if err.is_transient()
                    && attempt < MAX_ATTEMPTS
                    && !controller.signal().aborted() =>
            {
                let wait = delay_ms(attempt, err.retry_after_s(), js_sys::Math::random());
                attempt += 1;
                on_retry(Some((attempt, MAX_ATTEMPTS)));
                sleep_unless_aborted(wait, controller).await;
                if controller.signal().aborted() {
                    on_retry(None);
                    return Err(ApiError::Aborted);
                }
            }
            other => {
                on_retry(None);
                return other;
            }
        }
    }
}

/// Fetches the page named by `limit`/`offset` whenever they (or `reload`)
/// change. Only the answer to the latest request is ever applied; the
/// previous request is aborted when a new one starts, and on unmount.
pub fn install_page_loader(state: TableState, env: Rc<Env>) {
    let inflight: Rc<RefCell<Option<AbortController>>> = Rc::default();
    let generation = Rc::new(Cell::new(0u64));
    {
        // on_cleanup wants Send; this wasm build is single-threaded.
        let guard = send_wrapper::SendWrapper::new((inflight.clone(), env.clone()));
        on_cleanup(move || {
            let (inflight, env) = &*guard;
            if let Some(c) = inflight.borrow_mut().take() {
                c.abort();
            }
            cancel_load_all(env);
        });
    }
    Effect::new(move |_| {
        let request = PageRequest::new(state.limit.get(), state.offset.get());
        state.reload.track();
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
        spawn_local(async move {
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
                Ok(page) => {
                    let data = page_data(page, request.offset, |ms| env.fmt.day_key(ms));
                    let detail = serde_json::json!({
                        "scope": "page",
                        "runs": data.loaded.set.len(),
                        "offset": request.offset,
                        "limit": request.limit,
                        "hasMore": data.has_more,
                    });
                    state.page.try_set(Some(Shared::new(data)));
                    state.error.try_set(None);
                    env.emit("cu-runs:load", detail);
                }
                Err(ApiError::Aborted) => return,
                Err(err) => {
                    env.emit_error(&err, "page");
                    state.error.try_set(Some(err));
                }
            }
            state.loading.try_set(false);
        });
    });
}

/// Shared state of one "Load all runs" walk.
struct Walk {
    controllers: RefCell<Vec<AbortController>>,
    cancelled: Cell<bool>,
    pages: RefCell<BTreeMap<u64, Vec<Run>>>,
    next_offset: Cell<u64>,
    /// First offset known to be past the end.
    end: Cell<u64>,
    loaded: Cell<u64>,
    error: RefCell<Option<ApiError>>,
    workers_left: Cell<usize>,
    stopped_by_date: Cell<bool>,
    from_day: Option<String>,
    cap: u64,
}

/// Requests in flight during "Load all runs".
pub const LOAD_ALL_CONCURRENCY: usize = 4;

/// Starts walking every page (limit 100 from offset 0, at most four in
/// flight) until a page says `hasMore: false`, the cap is reached, the From
/// filter makes older pages useless, the user cancels, or a request fails.
pub fn start_load_all(state: TableState, env: Rc<Env>) {
    start_walk(state, env, Vec::new());
}

/// Continues a walk that stopped on an error, keeping the runs loaded so far.
pub fn continue_load_all(state: TableState, env: Rc<Env>) {
    let loaded = state
        .all
        .with_untracked(|a| a.as_ref().map(|l| l.set.runs.clone()).unwrap_or_default());
    start_walk(state, env, loaded);
}

fn start_walk(state: TableState, env: Rc<Env>, already: Vec<Run>) {
    cancel_load_all(&env);
    let from_day = state.filters.with_untracked(|f| f.from.clone());
    let walk = Rc::new(Walk {
        controllers: RefCell::default(),
        cancelled: Cell::new(false),
        pages: RefCell::default(),
        next_offset: Cell::new(already.len() as u64),
        end: Cell::new(u64::MAX),
        loaded: Cell::new(already.len() as u64),
        error: RefCell::new(None),
        workers_left: Cell::new(LOAD_ALL_CONCURRENCY),
        stopped_by_date: Cell::new(false),
        from_day,
        cap: env.config.max_runs,
    });
    if !already.is_empty() {
        walk.pages.borrow_mut().insert(0, already);
    }
    *env.walk.borrow_mut() = Some(walk.clone());
    state.load_all.set(LoadAll {
        running: true,
        loaded: walk.loaded.get(),
        ..LoadAll::default()
    });
    for _ in 0..LOAD_ALL_CONCURRENCY {
        spawn_local(worker(walk.clone(), state, env.clone()));
    }
}

/// Stops the walk in progress, keeping what was loaded.
pub fn cancel_load_all(env: &Env) {
    if let Some(walk) = env.walk.borrow().as_ref() {
        walk.cancelled.set(true);
        for c in walk.controllers.borrow().iter() {
            c.abort();
        }
    }
}

async fn worker(walk: Rc<Walk>, state: TableState, env: Rc<Env>) {
    loop {
        if walk.cancelled.get() || walk.error.borrow().is_some() {
            break;
        }
        let offset = walk.next_offset.get();
        if offset >= walk.end.get() || offset >= walk.cap {
            break;
        }
        let limit = (walk.cap - offset).min(u64::from(MAX_LIMIT)) as u32;
        walk.next_offset.set(offset + u64::from(limit));
        let Some(controller) = new_controller() else {
            break;
        };
        walk.controllers.borrow_mut().push(controller.clone());
        // A failed page is retried like any request before the walk gives up.
        let request = PageRequest::new(limit, offset);
        let result = fetch_with_retry(env.source.as_ref(), request, &controller, |_| {}).await;
        match result {
            Ok(page) => {
                let n = page.items.len() as u64;
                if !page.has_more || n < u64::from(limit) {
                    walk.end.set(walk.end.get().min(offset + n));
                }
                if let Some(from) = &walk.from_day {
                    let newest_first = page
                        .items
                        .windows(2)
                        .all(|w| w[0].started_ms >= w[1].started_ms);
                    let all_older = n > 0
                        && page.items.iter().all(|r| {
                            r.started_ms
                                .is_some_and(|ms| env.fmt.day_key(ms).as_str() < from.as_str())
                        });
                    if newest_first && all_older && offset + n < walk.end.get() {
                        walk.end.set(offset + n);
                        walk.stopped_by_date.set(true);
                    }
                }
                walk.loaded.set(walk.loaded.get() + n);
                walk.pages.borrow_mut().insert(offset, page.items);
                let loaded = walk.loaded.get();
                state.load_all.try_update(|l| l.loaded = loaded);
            }
            Err(ApiError::Aborted) => break,
            Err(err) => {
                // Stop taking new pages, but let the requests in flight finish:
                // earlier pages among them extend what can be kept.
                if walk.error.borrow().is_none() && !walk.cancelled.get() {
                    *walk.error.borrow_mut() = Some(err);
                }
                break;
            }
        }
    }
    walk.workers_left.set(walk.workers_left.get() - 1);
    if walk.workers_left.get() == 0 {
        finish(&walk, state, &env);
    }
}

fn finish(walk: &Walk, state: TableState, env: &Env) {
    let is_current = env
        .walk
        .borrow()
        .as_ref()
        .is_some_and(|w| std::ptr::eq(Rc::as_ptr(w), walk));
    if !is_current {
        return;
    }
    env.walk.borrow_mut().take();
    // Keep the contiguous prefix: a gap (a failed or cancelled page) would
    // make "all loaded runs" lie about what it covers.
    // Sized once and filled page by page, each page freed as it is moved:
    // no doubling copies of 100,000 runs (wasm memory never shrinks, so its
    // peak is what a load costs).
    let pages = std::mem::take(&mut *walk.pages.borrow_mut());
    let mut runs = Vec::with_capacity(pages.values().map(Vec::len).sum());
    let mut expected = 0u64;
    for (offset, items) in pages {
        if offset != expected || offset >= walk.end.get() {
            break;
        }
        expected = offset + items.len() as u64;
        runs.extend(items);
    }
    let count = runs.len() as u64;
    let fmt = &env.fmt;
    let more_exist = walk.end.get() == u64::MAX;
    let error = walk.error.borrow().clone();
    let outcome = if let Some(err) = &error {
        format!(
            "Loading stopped after {} runs (kept): {err}",
            fmt.count(count)
        )
    } else if walk.cancelled.get() {
        format!("Loading was cancelled after {} runs.", fmt.count(count))
    } else if walk.stopped_by_date.get() {
        format!(
            "Loaded {} runs back to {}; older runs are before the From date and were not loaded.",
            fmt.count(count),
            walk.from_day.as_deref().unwrap_or("")
        )
    } else if more_exist && count >= walk.cap {
        format!(
            "Stopped at the cap of {} runs; more runs exist.",
            fmt.count(walk.cap)
        )
    } else {
        format!("Loaded all {} runs.", fmt.count(count))
    };
    if let Some(err) = &error {
        env.emit_error(err, "load-all");
    }
    env.emit("cu-runs:load", serde_json::json!({ "scope": "all", "runs": count, "complete": !more_exist && error.is_none() && !walk.cancelled.get() }));
    let set = RunSet::new(runs, |ms| fmt.day_key(ms));
    state.all.try_set(Some(Shared::new(Loaded::new(set))));
    state.view_offset.try_set(0);
    state.scope.try_set(Scope::All);
    let resumable = error.is_some();
    state.load_all.try_set(LoadAll {
        running: false,
        loaded: count,
        outcome: Some(outcome),
        error,
        resumable,
    });
}
