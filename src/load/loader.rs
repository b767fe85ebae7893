//! Loading runs: the current page (one request at a time, stale answers
//! dropped and superseded requests aborted), "Load all runs" (the pure walk
//! of [`crate::load::walk`] driven with up to four requests in flight) and
//! "Refresh" (the pure merge of [`crate::load::refresh`]).
//!
//! The current page is loaded by an effect, not a `LocalResource` (its
//! async machinery costs 13 KB gzip; docs/decisions/0001-size-driven-design.md). It
//! keeps the last good page on screen while the next one loads or fails,
//! shows "Retrying (2/3)…" between attempts, aborts the superseded request,
//! and emits `cu-runs:*` events.

use crate::api::json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::task::spawn_local;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

use crate::api::retry::{delay_ms, MAX_ATTEMPTS};
use crate::api::{ApiError, PageRequest, Run, RunsSource, MAX_LIMIT};
use crate::core::filter::RunSet;
use crate::core::format::Formatter;
use crate::load::config::Config;
use crate::load::state::{page_data, LoadAll, Loaded, Scope, Shared, TableState};
use crate::load::walk::{Ask, Outcome, WalkEnd};

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
    walk: RefCell<Option<Rc<Drive>>>,
    /// A walk that stopped on an error, for "Continue loading".
    resume: RefCell<Option<crate::load::walk::Walk>>,
    /// The refresh in flight, if any (aborted on unmount).
    refresh: RefCell<Option<AbortController>>,
    /// The element the table is mounted in: `cu-runs:*` events go there.
    host: RefCell<Option<web_sys::HtmlElement>>,
    /// Until [`Env::reveal`]: the component's root, kept out of layout.
    held: RefCell<Option<web_sys::HtmlElement>>,
    /// Whether [`Env::reveal`] was called.
    revealed: Cell<bool>,
}

impl Env {
    /// Bundles the non-reactive parts of an instance.
    pub fn new(config: Config, source: Rc<dyn RunsSource>, fmt: Formatter) -> Env {
        Env {
            config,
            source,
            fmt,
            walk: RefCell::new(None),
            resume: RefCell::new(None),
            refresh: RefCell::new(None),
            host: RefCell::new(None),
            held: RefCell::new(None),
            revealed: Cell::new(false),
        }
    }

    /// Keeps the just-built `root` out of layout (`display: none`) until
    /// [`Env::reveal`], unless that already happened: the browser then lays
    /// out and paints the page once, with its first runs, instead of once
    /// empty and again with them. Its elements are in the host all along.
    pub fn hold(&self, root: web_sys::HtmlElement) {
        if self.revealed.get() {
            return;
        }
        let _ = root.style().set_property("display", "none");
        *self.held.borrow_mut() = Some(root);
    }

    /// Shows the held root: when the first page or its error is shown, or
    /// after [`REVEAL_AFTER_MS`] if the API is slower (its loading state
    /// shows then). Later calls do nothing.
    pub fn reveal(&self) {
        self.revealed.set(true);
        if let Some(root) = self.held.borrow_mut().take() {
            let _ = root.style().remove_property("display");
            if root.get_attribute("style").as_deref() == Some("") {
                let _ = root.remove_attribute("style");
            }
        }
    }

    /// Sets the element that receives the `cu-runs:load` / `cu-runs:error` events.
    pub fn set_host(&self, host: web_sys::HtmlElement) {
        *self.host.borrow_mut() = Some(host);
    }

    /// Forgets the host: after `unmount()` no `cu-runs:*` event is sent.
    pub fn clear_host(&self) {
        self.host.borrow_mut().take();
    }

    /// Dispatches a bubbling `CustomEvent` named `name` with a JSON `detail`
    /// on the host element. Details never contain the token.
    pub fn emit(&self, name: &str, detail: Value) {
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
            Value::object([
                ("status", err.status().into()),
                ("message", err.to_string().into()),
                ("details", err.details().to_vec().into()),
                ("requestId", err.request_id().into()),
                ("during", context.into()),
            ]),
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

/// Resolves in a later task (a zero timer): what follows the `await` is not
/// part of the task that awaited it, so the page can paint in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::window() {
        Some(w) => {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
        None => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Loads a page, retrying transient failures (see [`crate::api::retry`]).
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
        // Whatever the source, a page never holds more runs than asked.
        let result = source
            .fetch_page(request, controller.clone())
            .await
            .map(|page| page.fit(request));
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
        let (inflight, env) = (inflight.clone(), env.clone());
        crate::load::reactive::on_cleanup_local(move || {
            env.clear_host();
            if let Some(c) = inflight.borrow_mut().take() {
                c.abort();
            }
            if let Some(c) = env.refresh.borrow_mut().take() {
                c.abort();
            }
            cancel_load_all(&env);
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
                Ok(page) => {
                    let data = page_data(page, request.offset, |ms| env.fmt.day_key(ms));
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
                    env.emit("cu-runs:load", detail);
                }
                Err(ApiError::Aborted) => return,
                Err(err) => {
                    env.emit_error(&err, "page");
                    state.error.try_set(Some(err));
                }
            }
            state.loading.try_set(false);
            env.reveal();
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

/// Runs `task` up to its first wait now, then on the task queue: a request
/// in it goes out during the current (synchronous) call instead of after it
/// (`spawn_local` alone first polls a task once the current call returns).
fn spawn_now(task: impl std::future::Future<Output = ()> + 'static) {
    let mut task = Box::pin(task);
    let mut now = std::task::Context::from_waker(std::task::Waker::noop());
    // Every future here keeps the waker of its latest poll (the `Future`
    // contract), so the queue's first poll takes over from this one.
    if task.as_mut().poll(&mut now).is_pending() {
        spawn_local(task);
    }
}

/// One "Load all runs" walk as driven here: the pure [`crate::load::walk::Walk`]
/// (which page next, what a reply proves) plus what is about the browser:
/// abort controllers, the error that stopped it, "Cancel", the From date.
struct Drive {
    walk: RefCell<Option<crate::load::walk::Walk>>,
    controllers: RefCell<Vec<(Ask, AbortController)>>,
    cancelled: Cell<bool>,
    error: RefCell<Option<ApiError>>,
    stopped_by_date: Cell<bool>,
    from_day: Option<String>,
    done: Cell<bool>,
}

/// How long a slow first page may keep the table hidden before it shows its
/// loading state.
pub const REVEAL_AFTER_MS: u64 = 120;

/// Requests in flight during "Load all runs".
pub const LOAD_ALL_CONCURRENCY: usize = 4;

/// Starts walking every page (at most four requests in flight) until the
/// walk reaches the end of the list, the cap is reached, the From filter
/// makes older pages useless, the user cancels, a request fails, or the
/// server misbehaves (see [`crate::load::walk`]).
pub fn start_load_all(state: TableState, env: Rc<Env>, from_day: Option<String>) {
    let walk = crate::load::walk::Walk::new(MAX_LIMIT, env.config.max_runs);
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
fn start_drive(
    state: TableState,
    env: Rc<Env>,
    walk: crate::load::walk::Walk,
    from_day: Option<String>,
) {
    cancel_load_all(&env);
    env.resume.borrow_mut().take();
    let loaded = walk.distinct();
    let drive = Rc::new(Drive {
        walk: RefCell::new(Some(walk)),
        controllers: RefCell::default(),
        cancelled: Cell::new(false),
        error: RefCell::new(None),
        stopped_by_date: Cell::new(false),
        from_day,
        done: Cell::new(false),
    });
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
    if let Some(drive) = env.walk.borrow().as_ref() {
        drive.cancelled.set(true);
        for (_, c) in drive.controllers.borrow().iter() {
            c.abort();
        }
    }
}

fn is_current(drive: &Rc<Drive>, env: &Env) -> bool {
    env.walk
        .borrow()
        .as_ref()
        .is_some_and(|w| Rc::ptr_eq(w, drive))
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
        || !is_current(drive, env);
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
    let current = is_current(&drive, &env);
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
                if current && !drive.cancelled.get() {
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
        for (_, c) in drive.controllers.borrow().iter() {
            c.abort();
        }
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

/// Ends a walk: its runs in list order (this task), then, in the next task,
/// the table shows them (every derived figure is recomputed there): two
/// tasks of about 50 ms at a million runs instead of one of over 100.
fn finish(drive: &Rc<Drive>, state: TableState, env: &Rc<Env>) {
    if !is_current(drive, env) {
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
    let mut set = if complete {
        walk.into_runs()
    } else {
        let kept = walk.kept_runs();
        if resumable {
            *env.resume.borrow_mut() = Some(walk);
        }
        kept
    };
    set.compute_days(|ms| env.fmt.day_key(ms));
    let env = env.clone();
    spawn_local(async move {
        next_task().await;
        show_walk(
            state, &env, set, outcome, error, resumable, complete, arrived,
        );
    });
}

/// Shows the runs a walk ended with, and how it ended.
#[allow(clippy::too_many_arguments)]
fn show_walk(
    state: TableState,
    env: &Env,
    set: RunSet,
    outcome: Outcome,
    error: Option<ApiError>,
    resumable: bool,
    complete: bool,
    arrived: u64,
) {
    let count = set.len() as u64;
    if let Some(err) = &error {
        env.emit_error(err, "load-all");
    }
    env.emit(
        "cu-runs:load",
        Value::object([
            ("scope", "all".into()),
            ("runs", count.into()),
            ("complete", complete.into()),
            ("arrived", arrived.into()),
        ]),
    );
    state.all.try_set(Some(Shared::new(Loaded::new(set))));
    state.view_offset.try_set(0);
    state.scope.try_set(Scope::All);
    state.all_as_of.try_set(Some(js_sys::Date::now()));
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

/// "Refresh": in the page scope, the current page again; with all loaded
/// runs, new runs from the head until nothing new is left (see
/// [`crate::load::refresh`]), merged into what is loaded. Never two at once, never
/// during a walk; says what changed and emits `cu-runs:load`.
pub fn refresh(state: TableState, env: Rc<Env>) {
    if state.refreshing.get_untracked() || state.load_all.with_untracked(|l| l.running) {
        return;
    }
    let Some(controller) = new_controller() else {
        return;
    };
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
            Ok(Some(note)) => {
                state.refresh_note.try_set(Some(note));
            }
            Ok(None) => {}
            Err(err) => {
                env.emit_error(&err, "refresh");
                state
                    .refresh_note
                    .try_set(Some(format!("Refresh failed: {err}")));
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
        state.refresh_note.set(Some(
            "Refresh cancelled; the runs on screen are unchanged.".to_owned(),
        ));
    }
}

fn since_text(env: &Env, as_of: Option<f64>) -> String {
    as_of.map_or_else(
        || "the last load".to_owned(),
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
) -> Result<Option<String>, ApiError> {
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
    let index = crate::core::store::IdIndex::of(held);
    for item in &mut page.items {
        if let Some(i) = index.find(held, &item.run_id) {
            if crate::load::refresh::finished_then_stale(held.status(i as usize), item) {
                *item = held.run(i as usize);
            }
        }
    }
    let mut merge =
        crate::load::refresh::Refresh::new(held, request.limit, u64::from(request.limit));
    merge.receive(held, page.clone());
    let (_, changes) = merge.finish(held);
    let since = since_text(env, state.page_as_of.get_untracked());
    let data = page_data(page, request.offset, |ms| env.fmt.day_key(ms));
    let runs = data.loaded.set.len();
    state.page.try_set(Some(Shared::new(data)));
    state.page_as_of.try_set(Some(js_sys::Date::now()));
    state.error.try_set(None);
    env.emit(
        "cu-runs:load",
        Value::object([
            ("scope", "page".into()),
            ("runs", runs.into()),
            ("added", changes.added.into()),
            ("updated", changes.updated.into()),
        ]),
    );
    Ok(Some(crate::load::refresh::changes_text(
        changes,
        &since,
        |n| env.fmt.count(n),
    )))
}

async fn refresh_all(
    state: TableState,
    env: &Env,
    controller: &AbortController,
) -> Result<Option<String>, ApiError> {
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
    let (mut set, changes) = merge.finish(held);
    let since = since_text(env, state.all_as_of.get_untracked());
    let count = set.len();
    set.compute_days(|ms| env.fmt.day_key(ms));
    state.all.try_set(Some(Shared::new(Loaded::new(set))));
    state.all_as_of.try_set(Some(js_sys::Date::now()));
    state.load_all.try_update(|l| l.loaded = count as u64);
    env.emit(
        "cu-runs:load",
        Value::object([
            ("scope", "all".into()),
            ("runs", count.into()),
            ("added", changes.added.into()),
            ("updated", changes.updated.into()),
        ]),
    );
    Ok(Some(crate::load::refresh::changes_text(
        changes,
        &since,
        |n| env.fmt.count(n),
    )))
}

/// With `refreshSeconds`, refreshes on a timer while the tab is visible
/// (and on becoming visible when a refresh is due), never two at once;
/// stopped on unmount.
pub fn install_auto_refresh(state: TableState, env: Rc<Env>) {
    let Some(seconds) = env.config.refresh_seconds else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let every_ms = f64::from(seconds) * 1_000.0;
    let due = move || {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| !d.hidden());
        let has_data = match state.scope.get_untracked() {
            Scope::Page => state.page.with_untracked(Option::is_some),
            Scope::All => state.all.with_untracked(Option::is_some),
        };
        visible && has_data
    };
    let tick_env = env.clone();
    let tick = Closure::<dyn FnMut()>::new(move || {
        if due() {
            refresh(state, tick_env.clone());
        }
    });
    let visible_env = env.clone();
    let on_visible = Closure::<dyn FnMut()>::new(move || {
        let last = match state.scope.get_untracked() {
            Scope::Page => state.page_as_of.get_untracked(),
            Scope::All => state.all_as_of.get_untracked(),
        };
        if due() && last.is_none_or(|t| js_sys::Date::now() - t >= every_ms) {
            refresh(state, visible_env.clone());
        }
    });
    let handle = window
        .set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            (every_ms as i32).max(1),
        )
        .ok();
    let document = window.document();
    if let Some(d) = &document {
        let _ = d.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    // The interval's closure lives as long as the instance: it is moved
    // into the cleanup, which clears the interval before dropping it.
    crate::load::reactive::on_cleanup_local(move || {
        if let (Some(w), Some(h)) = (web_sys::window(), handle) {
            w.clear_interval_with_handle(h);
        }
        drop(tick);
        if let Some(d) = &document {
            let _ = d.remove_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
        }
    });
}
