//! The network seam: [`RunsSource`] is what the loaders in `load/` load
//! runs (and the ledger: balance and monthly usage) through;
//! [`HttpRunsSource`] is the real implementation over gloo-net. Tests can
//! implement the trait with fixtures.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use gloo_net::http::Request;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, RequestCredentials, RequestRedirect};

use super::error::ApiError;
use super::error::MAX_BODY_BYTES;
use super::ledger::{decode_balance_reply, decode_usage_reply, Balance, Usage, YearMonth};
use super::models::{decode_runs_reply, RunsPage};
use super::request::{balance_url, runs_url, usage_query, usage_url, PageRequest};

/// A page of runs, or why there is none.
pub type PageFuture = Pin<Box<dyn Future<Output = Result<RunsPage, ApiError>>>>;

/// The balance, or why there is none.
pub type BalanceFuture = Pin<Box<dyn Future<Output = Result<Balance, ApiError>>>>;

/// A month's usage, or why there is none.
pub type UsageFuture = Pin<Box<dyn Future<Output = Result<Usage, ApiError>>>>;

/// Where runs and the ledger come from. Implemented over HTTP by
/// [`HttpRunsSource`].
pub trait RunsSource {
    /// Loads one page. Aborting `abort` ends the request with
    /// [`ApiError::Aborted`].
    fn fetch_page(&self, page: PageRequest, abort: AbortController) -> PageFuture;

    /// Loads the organization's balance and minimum, as
    /// [`RunsSource::fetch_page`] loads a page (the same address, token,
    /// timeout and abort). A source without a ledger (a 404 or 403 from
    /// it) answers [`ApiError::Unavailable`].
    fn fetch_balance(&self, abort: AbortController) -> BalanceFuture;

    /// Loads `month`'s usage, as [`RunsSource::fetch_balance`].
    fn fetch_usage(&self, month: YearMonth, abort: AbortController) -> UsageFuture;
}

/// Where the bearer token comes from.
#[derive(Clone)]
pub enum TokenSource {
    /// A fixed token.
    Static(String),
    /// A JavaScript function returning a token or a promise of one, called
    /// before every request so tokens can rotate.
    Getter(js_sys::Function),
}

impl std::fmt::Debug for TokenSource {
    // The token itself is a secret: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenSource::Static(_) => f.write_str("TokenSource::Static(<redacted>)"),
            TokenSource::Getter(_) => f.write_str("TokenSource::Getter(<function>)"),
        }
    }
}

impl TokenSource {
    /// The token for one request. A getter runs under the request's own
    /// controller: the timeout and an abort end the wait for it.
    async fn token(
        &self,
        signal: &web_sys::AbortSignal,
        timed_out: &Cell<bool>,
        timeout_ms: u32,
    ) -> Result<String, ApiError> {
        match self {
            TokenSource::Static(token) => Ok(token.clone()),
            TokenSource::Getter(getter) => {
                let value = getter
                    .call0(&JsValue::NULL)
                    .map_err(|_| token_error("getToken threw an error."))?;
                let value = if value.has_type::<js_sys::Promise>() {
                    let promise = value.unchecked_into::<js_sys::Promise>();
                    let result =
                        wasm_bindgen_futures::JsFuture::from(race_abort(&promise, signal)).await;
                    if signal.aborted() {
                        return Err(if timed_out.get() {
                            token_error(&format!(
                                "getToken did not answer within {} second{}.",
                                super::error::seconds(timeout_ms),
                                if timeout_ms == 1000 { "" } else { "s" }
                            ))
                        } else {
                            ApiError::Aborted
                        });
                    }
                    result.map_err(|_| {
                        token_error("the promise returned by getToken was rejected.")
                    })?
                } else {
                    value
                };
                let token = value
                    .as_string()
                    .filter(|t| !t.is_empty())
                    .ok_or_else(|| token_error("getToken did not return a non-empty string."))?;
                // A header the browser would refuse (a pasted zero-width
                // space, a line break) is said here, not thrown by fetch.
                super::request::check_token(&token).map_err(|problem| {
                    token_error(&format!("the token returned by getToken {problem}."))
                })?;
                Ok(token)
            }
        }
    }
}

/// A promise settled by `promise`, or rejected when `signal` aborts.
fn race_abort(promise: &js_sys::Promise, signal: &web_sys::AbortSignal) -> js_sys::Promise {
    let signal = signal.clone();
    let aborted = js_sys::Promise::new(&mut |_, reject| {
        if signal.aborted() {
            let _ = reject.call0(&JsValue::NULL);
        } else {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let _ = signal.add_event_listener_with_callback_and_add_event_listener_options(
                "abort", &reject, &options,
            );
        }
    });
    let race = js_sys::Array::of2(promise, &aborted);
    js_sys::Promise::race(&race)
}

fn token_error(problem: &str) -> ApiError {
    ApiError::Token {
        cause: problem.to_owned(),
    }
}

/// Settings of the HTTP source.
#[derive(Clone, Debug)]
pub struct HttpConfig {
    /// API base URL (absolute, or a same-origin path).
    pub api_base: String,
    /// Organization id (encoded as one path segment).
    pub org_id: String,
    /// Bearer token source.
    pub token: TokenSource,
    /// Fetch credentials mode.
    pub credentials: RequestCredentials,
    /// Per-request timeout in milliseconds.
    pub timeout_ms: u32,
}

/// Loads runs from `GET {apiBase}/v1/organizations/{orgId}/cu/runs`.
#[derive(Clone, Debug)]
pub struct HttpRunsSource {
    config: Rc<HttpConfig>,
}

impl HttpRunsSource {
    /// A source for the given settings.
    pub fn new(config: HttpConfig) -> HttpRunsSource {
        HttpRunsSource {
            config: Rc::new(config),
        }
    }
}

/// Aborts the controller after `ms` unless dropped first.
struct TimeoutGuard {
    handle: i32,
    _closure: Closure<dyn FnMut()>,
}

impl TimeoutGuard {
    fn start(ms: u32, controller: &AbortController, fired: Rc<Cell<bool>>) -> Option<TimeoutGuard> {
        let controller = controller.clone();
        let closure = Closure::<dyn FnMut()>::new(move || {
            fired.set(true);
            controller.abort();
        });
        let handle = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                ms.min(i32::MAX as u32) as i32,
            )
            .ok()?;
        Some(TimeoutGuard {
            handle,
            _closure: closure,
        })
    }
}

impl Drop for TimeoutGuard {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}

fn is_abort(err: &gloo_net::Error) -> bool {
    match err {
        gloo_net::Error::JsError(js) => js.name == "AbortError",
        _ => false,
    }
}

/// What the browser said about a failed request (e.g. "TypeError: Failed
/// to fetch"); it never includes request headers, so never the token.
/// Matched here rather than through the error's `Display`, which would link
/// serde_json's error texts into the wasm for a variant a text body never
/// produces.
fn network_cause(err: gloo_net::Error) -> String {
    match err {
        gloo_net::Error::JsError(js) => js.to_string(),
        gloo_net::Error::GlooError(text) => text,
        #[allow(unreachable_patterns)]
        _ => "the response could not be read".to_owned(),
    }
}

/// Forwards an abort of the caller's controller to this request's own
/// controller (which the timeout may also abort), until dropped.
struct AbortLink {
    signal: web_sys::AbortSignal,
    closure: Closure<dyn FnMut()>,
}

impl AbortLink {
    fn new(outer: &AbortController, inner: &AbortController) -> AbortLink {
        let inner = inner.clone();
        let closure = Closure::<dyn FnMut()>::new(move || inner.abort());
        let signal = outer.signal();
        let _ = signal.add_event_listener_with_callback("abort", closure.as_ref().unchecked_ref());
        AbortLink { signal, closure }
    }
}

impl Drop for AbortLink {
    fn drop(&mut self) {
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.closure.as_ref().unchecked_ref());
    }
}

/// The response body as text, read chunk by chunk and given up (the
/// stream cancelled) past [`MAX_BODY_BYTES`]: a server that sends 64 MB
/// cannot make the page hold it. A `Content-Length` over the cap is refused
/// before anything is read.
async fn read_capped(response: &web_sys::Response) -> Result<String, ApiError> {
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Err(ApiError::TooLarge);
    }
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader =
        body.get_reader()
            .dyn_into()
            .map_err(|_| ApiError::Network {
                cause: "the response could not be read".into(),
            })?;
    let mut bytes: Vec<u8> = Vec::with_capacity(declared.unwrap_or(0) as usize);
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|e| ApiError::Network {
                cause: e.dyn_ref::<js_sys::Error>().map_or_else(
                    || "the response could not be read".into(),
                    |e| e.to_string().into(),
                ),
            })?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        let value =
            js_sys::Reflect::get(&chunk, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
        let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() else {
            break;
        };
        if bytes.len() + array.length() as usize > MAX_BODY_BYTES {
            let _ = reader.cancel();
            return Err(ApiError::TooLarge);
        }
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
    }
    // As `Response.text()`: UTF-8, a leading byte order mark dropped.
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    Ok(String::from_utf8_lossy(text).into_owned())
}

/// Parses a `Retry-After` header given in seconds (HTTP dates are ignored).
pub fn parse_retry_after(value: Option<String>) -> Option<u32> {
    value?.trim().parse::<u32>().ok()
}

impl RunsSource for HttpRunsSource {
    fn fetch_page(&self, page: PageRequest, abort: AbortController) -> PageFuture {
        let config = self.config.clone();
        let url = runs_url(&config.api_base, &config.org_id);
        Box::pin(async move {
            get(config, url, page.query().to_vec(), abort)
                .await?
                .decode(|status, body| decode_runs_reply(status, body, page))
        })
    }

    fn fetch_balance(&self, abort: AbortController) -> BalanceFuture {
        let config = self.config.clone();
        let url = balance_url(&config.api_base, &config.org_id);
        Box::pin(async move {
            get(config, url, Vec::new(), abort)
                .await?
                .decode(decode_balance_reply)
        })
    }

    fn fetch_usage(&self, month: YearMonth, abort: AbortController) -> UsageFuture {
        let config = self.config.clone();
        let url = usage_url(&config.api_base, &config.org_id);
        Box::pin(async move {
            get(config, url, usage_query(month).to_vec(), abort)
                .await?
                .decode(|status, body| decode_usage_reply(status, body, month))
        })
    }
}

/// An HTTP answer read whole, before decoding.
struct Answer {
    status: u16,
    body: String,
    /// Seconds from a `Retry-After` header.
    retry_after: Option<u32>,
    /// The token sent, to take out of whatever the server says.
    secret: String,
}

impl Answer {
    /// The answer decoded by `decode` (status and body text to the value
    /// or an error); an error comes back with the `Retry-After` seconds
    /// and without the token ([`ApiError::redacted`]): what the server
    /// says goes to the screen and to events, never with the token in it,
    /// however it was echoed.
    fn decode<T>(
        self,
        decode: impl FnOnce(u16, &str) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let Answer {
            status,
            body,
            retry_after,
            secret,
        } = self;
        decode(status, &body).map_err(|err| {
            match err {
                ApiError::Http {
                    status,
                    message,
                    details,
                    request_id,
                    ..
                } => ApiError::Http {
                    status,
                    message,
                    details,
                    request_id,
                    retry_after_s: retry_after,
                },
                other => other,
            }
            .redacted(&secret)
        })
    }
}

/// One GET of `url` with `query`: the request every endpoint makes (one
/// copy in the wasm, whatever the endpoint). The caller's `abort` and the
/// timeout end it; the token (from `getToken`, within the timeout) goes
/// only in the `Authorization` header, a redirect is not followed, and the
/// body is read up to [`MAX_BODY_BYTES`]. [`Answer::decode`] reads it.
async fn get(
    config: Rc<HttpConfig>,
    url: String,
    query: Vec<(&'static str, String)>,
    abort: AbortController,
) -> Result<Answer, ApiError> {
    if abort.signal().aborted() {
        return Err(ApiError::Aborted);
    }
    // This request's own controller: the caller's abort (superseded,
    // unmounted) and the timeout both end it, and the timeout never
    // poisons the caller's controller for a retry.
    let own = AbortController::new().map_err(|_| ApiError::Network {
        cause: "AbortController unavailable".into(),
    })?;
    let _link = AbortLink::new(&abort, &own);
    let timed_out = Rc::new(Cell::new(false));
    let _timer = TimeoutGuard::start(config.timeout_ms, &own, timed_out.clone());
    let signal = own.signal();
    // getToken runs inside the timeout and the abort.
    let token = config
        .token
        .token(&signal, &timed_out, config.timeout_ms)
        .await?;
    let map_err = |err: gloo_net::Error| {
        if timed_out.get() {
            ApiError::Timeout {
                timeout_ms: config.timeout_ms,
            }
        } else if is_abort(&err) {
            ApiError::Aborted
        } else {
            ApiError::Network {
                cause: network_cause(err),
            }
        }
    };
    // A GET carries no body, hence no Content-Type (the reference's
    // curl sends `-d '{}'`, which fetch would reject).
    let response = Request::get(&url)
        .query(query)
        .header("Accept", "application/json")
        .header("Authorization", &format!("Bearer {token}"))
        .credentials(config.credentials)
        // The token never follows a redirect to another address: a
        // redirect comes back unopened and is said as such.
        .redirect(RequestRedirect::Manual)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(map_err)?;
    if response.type_() == web_sys::ResponseType::Opaqueredirect {
        return Err(ApiError::Redirected);
    }
    let status = response.status();
    let retry_after = parse_retry_after(response.headers().get("retry-after"));
    let raw: web_sys::Response = response.into();
    let body = read_capped(&raw).await.map_err(|err| match err {
        ApiError::Network { .. } if timed_out.get() => ApiError::Timeout {
            timeout_ms: config.timeout_ms,
        },
        ApiError::Network { .. } if signal.aborted() => ApiError::Aborted,
        other => other,
    })?;
    Ok(Answer {
        status,
        body,
        retry_after,
        secret: token,
    })
}
