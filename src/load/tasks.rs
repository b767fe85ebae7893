//! The browser-side helpers every driver uses: abort controllers, waits
//! that an abort cuts short, yielding to the next task, starting a task at
//! once, and one page request retried on transient failures.

use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::retry::{delay_ms, MAX_ATTEMPTS};
use crate::api::{ApiError, PageRequest, RunsPage, RunsSource};

/// A new abort controller (none only where the browser has no `AbortController`).
pub fn new_controller() -> Option<AbortController> {
    AbortController::new().ok()
}

/// Waits `ms`, or less if `controller` is aborted first. No Rust callback
/// runs after an abort: the timer only resolves a promise.
pub async fn sleep_unless_aborted(ms: u32, controller: &AbortController) {
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
pub async fn next_task() {
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
) -> Result<RunsPage, ApiError> {
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

/// Runs `task` up to its first wait now, then on the task queue: a request
/// in it goes out during the current (synchronous) call instead of after it
/// (`spawn_local` alone first polls a task once the current call returns).
pub fn spawn_now(task: impl std::future::Future<Output = ()> + 'static) {
    let mut task = Box::pin(task);
    let mut now = std::task::Context::from_waker(std::task::Waker::noop());
    // Every future here keeps the waker of its latest poll (the `Future`
    // contract), so the queue's first poll takes over from this one.
    if task.as_mut().poll(&mut now).is_pending() {
        spawn_local(task);
    }
}
