//! A local implementation of the runs endpoint (see `docs/API.md`) with
//! realistic, deterministic data, fault organizations for tests and demos,
//! and static file serving so the demo is one origin.
//!
//! Test aids (`GET /__demo/requests`, `GET /__demo/served`) exist only with
//! [`Options::test_aids`] (`--test-aids`): they record no tokens and answer
//! cross-origin only to loopback `http://` origins. Every per-organization
//! state is bounded ([`MAX_TRACKED_ORGS`], [`MAX_SERVED_REPLIES`]).
//!
//! The shapes real servers send: [`Options::timestamps`] (`--timestamps`,
//! default RFC 3339 without a fraction, as a Go server sends),
//! [`Options::ids`] (`--ids uuid`) and [`Options::workflows`]
//! (`--workflows N`). The first two change only the text of times and ids
//! (the runs, their CU, statuses and instants, stay the same); the third
//! changes which workflow a run belongs to, except at the default 12.
//!
//! The ledger (`GET .../cu` and `GET .../cu/usage?yearMonth=YYYY-MM`, see
//! [`ledger`]) is derived from the same runs, to the last digit: each org's
//! ledger is computed once, on its first ledger request, and kept with the
//! org's state. Ledger organizations: `ledger-drift` (two days that differ
//! from the runs by [`LEDGER_DRIFT_UNITS`], see [`ledger_drift_days`]),
//! `ledger-none` (404), `ledger-403` (403), `low-balance` (balance below the
//! minimum) and `huge-month` ([`HUGE_MONTH_RUNS`] runs, a ledger by formula).

pub mod data;
pub mod ledger;

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use std::borrow::Cow;

use serde_json::{json, Value};
use tower_http::cors::{AllowOrigin, Any, CorsLayer};
use tower_http::services::ServeDir;

use data::{hash_str, mix, parse_rfc3339, Dataset, Ids, Timestamps};
use ledger::{Account, Usage, UsageBuilder, DAY_MS};

/// Server settings (see `--help`).
#[derive(Clone, Debug)]
pub struct Options {
    /// Runs per organization.
    pub runs: u64,
    /// Data seed.
    pub seed: u64,
    /// The newest start time, epoch ms.
    pub now_ms: i64,
    /// Added latency per API request.
    pub latency_ms: u64,
    /// When set, the only accepted bearer token.
    pub token: Option<String>,
    /// Directory served at `/` (the Trunk `dist/`).
    pub dist_dir: PathBuf,
    /// Repository root: `/pkg`, `/examples` and `/bench` are served from below it.
    pub root_dir: PathBuf,
    /// Serve the test aids `GET /__demo/requests` and `GET /__demo/served`
    /// (`--test-aids`). Without it they answer 404 and nothing is recorded.
    pub test_aids: bool,
    /// How `startedAt`/`finishedAt` are written (`--timestamps`; default
    /// `seconds`, as a Go server sends them). Only the text changes.
    pub timestamps: Timestamps,
    /// How run and workflow ids look (`--ids`; default `short`).
    pub ids: Ids,
    /// Distinct workflows per organization (`--workflows`; default
    /// [`data::NAMED_WORKFLOWS`], the original data).
    pub workflows: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runs: 1_500,
            seed: 42,
            now_ms: now_ms(),
            latency_ms: 0,
            token: None,
            dist_dir: PathBuf::from("dist"),
            root_dir: PathBuf::from("."),
            test_aids: false,
            timestamps: Timestamps::default(),
            ids: Ids::default(),
            workflows: data::NAMED_WORKFLOWS,
        }
    }
}

impl Options {
    /// The data set of organization `org` with `runs` runs.
    fn dataset(&self, org: &str, runs: u64) -> Dataset {
        Dataset {
            runs,
            seed: self.seed ^ hash_str(org),
            now_ms: self.now_ms,
            workflows: self.workflows,
            ids: self.ids,
        }
    }
}

/// The current time in epoch milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// How many recent requests `GET /__demo/requests` remembers.
pub const RECENT_REQUESTS: usize = 200;

/// The most organizations whose state is kept (flaky counters, live
/// arrivals, served replies, `late-copy` counters). Beyond it the least
/// recently used organization is forgotten (a `live*` org then starts over).
pub const MAX_TRACKED_ORGS: usize = 256;

/// The most replies `GET /__demo/served` keeps per organization (the last ones).
pub const MAX_SERVED_REPLIES: usize = 2_000;

/// New runs that arrive at the head of a `live*` org before each request.
pub const LIVE_ARRIVALS_PER_REQUEST: u64 = 3;

/// The most runs the `cap-limit` org returns per page, whatever is asked.
pub const CAP_LIMIT: u64 = 50;

/// How many runs the `ignore-limit` org returns per page, whatever is asked.
pub const IGNORE_LIMIT_ITEMS: u64 = 5_000;

/// The fewest runs the `ignore-limit` org has, whatever `--runs` says.
pub const IGNORE_LIMIT_MIN_RUNS: u64 = 12_000;

/// The exact size in bytes of the `huge-body` org's reply (64 MiB).
pub const HUGE_BODY_BYTES: usize = 64 << 20;

/// How long the `late-copy` org holds its stale replies, in milliseconds.
pub const LATE_COPY_DELAY_MS: u64 = 600;

/// The days of the month (UTC) on which the `ledger-drift` org's ledger
/// differs from its runs (see [`ledger_drift_days`] for which month).
pub const LEDGER_DRIFT_DAYS: [i64; 2] = [3, 10];

/// How much the `ledger-drift` org's ledger `used` differs from its runs on
/// [`LEDGER_DRIFT_DAYS`], in CU units (1/10,000 CU): +1.2345 CU on the
/// first, -0.5 CU on the second (ledger minus runs). A loss never takes a
/// day below zero (with the default 1,500 runs every day has far more).
pub const LEDGER_DRIFT_UNITS: [i64; 2] = [12_345, -5_000];

/// How many days of its recent daily rate the `low-balance` org's balance
/// lasts (the rate: the use of the 7 full UTC days before today, / 7).
pub const LOW_BALANCE_RUNWAY_DAYS: i64 = 3;

/// How many runs the `huge-month` org has, whatever `--runs` says (over the
/// usual two-month span, each a pure function of its index: no memory).
/// The runs endpoint sends no total count (see `docs/API.md`): the last
/// run is at offset `HUGE_MONTH_RUNS - 1`. Its ledger is computed by a
/// formula ([`ledger::huge_month_usage`]), not from its runs, and does not
/// reconcile with them.
pub const HUGE_MONTH_RUNS: u64 = 50_000_000;

/// The day numbers (days since 1970-01-01, UTC) on which the `ledger-drift`
/// org's ledger differs from its runs: [`LEDGER_DRIFT_DAYS`] of the month
/// of `now`, when both are before today (today is the 11th or later);
/// otherwise of the month before.
pub fn ledger_drift_days(now_ms: i64) -> [i64; 2] {
    let today = now_ms.div_euclid(DAY_MS);
    let (y, m, d) = data::civil_date(today);
    let mut month = ledger::month_number(y, m);
    if d <= LEDGER_DRIFT_DAYS[1] {
        month -= 1;
    }
    let first = ledger::month_first_day(month);
    LEDGER_DRIFT_DAYS.map(|day| first + day - 1)
}

/// How many runs organization `org` has when `--runs` says `runs`.
pub fn org_runs(org: &str, runs: u64) -> u64 {
    match org {
        "empty" => 0,
        "ignore-limit" => runs.max(IGNORE_LIMIT_MIN_RUNS),
        "huge-month" => HUGE_MONTH_RUNS,
        _ => runs,
    }
}

/// What the server remembers about one organization. Only organizations
/// that need it get an entry (`fault-flaky`, `live*`, `late-copy`, and any
/// org whose ledger was asked for).
#[derive(Default)]
struct OrgState {
    /// Requests seen by `fault-flaky`.
    flaky: u64,
    /// Ledger requests seen by `fault-flaky` (apart from its runs requests).
    ledger_flaky: u64,
    /// The org's ledger, computed on its first ledger request.
    ledger: Arc<OnceLock<Arc<OrgLedger>>>,
    /// Runs that arrived at the head of a `live*` org so far.
    live_arrivals: u64,
    /// Requests seen by `late-copy`.
    late_copy: u64,
    /// What the org's replies held, in the order they were made (the last
    /// [`MAX_SERVED_REPLIES`]; recorded only with test aids on).
    served: VecDeque<Value>,
    /// When the entry was last used (least recently used goes first).
    last_used: u64,
}

/// Per-organization state, keyed by a name the client chooses: at most
/// [`MAX_TRACKED_ORGS`] entries, the least recently used evicted first.
#[derive(Default)]
struct OrgTable {
    orgs: HashMap<String, OrgState>,
    tick: u64,
}

impl OrgTable {
    /// The org's state, created if it is not tracked yet (forgetting the
    /// least recently used org when the table is full).
    fn entry(&mut self, org: &str) -> &mut OrgState {
        self.tick += 1;
        if !self.orgs.contains_key(org) {
            while self.orgs.len() >= MAX_TRACKED_ORGS {
                let Some(oldest) = self
                    .orgs
                    .iter()
                    .min_by_key(|(_, s)| s.last_used)
                    .map(|(k, _)| k.clone())
                else {
                    break;
                };
                self.orgs.remove(&oldest);
            }
        }
        let state = self.orgs.entry(org.to_owned()).or_default();
        state.last_used = self.tick;
        state
    }
}

struct AppState {
    options: Options,
    /// Every per-organization state (bounded).
    orgs: Mutex<OrgTable>,
    /// The most recent API requests, for tests (`GET /__demo/requests`);
    /// recorded only with test aids on.
    recent: Mutex<VecDeque<Value>>,
    /// The most recent ledger requests (`GET /__demo/ledger-requests`),
    /// apart from the runs requests; only with test aids on.
    recent_ledger: Mutex<VecDeque<Value>>,
    /// The `huge-body` reply, built on first use and shared by every reply.
    huge_body: OnceLock<Bytes>,
    boot_nonce: u64,
}

/// A handle on a router's state, for tests.
#[derive(Clone)]
pub struct DemoHandle(Arc<AppState>);

impl DemoHandle {
    /// How many organizations have state now (at most [`MAX_TRACKED_ORGS`]).
    pub fn tracked_orgs(&self) -> usize {
        self.0.orgs().orgs.len()
    }
}

impl std::fmt::Debug for DemoHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoHandle")
            .field("tracked_orgs", &self.tracked_orgs())
            .finish()
    }
}

/// Builds the router: the API, CORS, static files and, with
/// [`Options::test_aids`], the test aids.
pub fn router(options: Options) -> Router {
    app(options).0
}

/// [`router`], and a handle on its state (for tests).
pub fn app(options: Options) -> (Router, DemoHandle) {
    let state = Arc::new(AppState {
        boot_nonce: mix(now_ms() as u64 ^ u64::from(std::process::id())),
        options: options.clone(),
        orgs: Mutex::new(OrgTable::default()),
        recent: Mutex::new(VecDeque::new()),
        recent_ledger: Mutex::new(VecDeque::new()),
        huge_body: OnceLock::new(),
    });
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::OPTIONS])
        // Whatever headers a portal adds (a trace id, say), as the
        // preflight asks; `*` would not cover `Authorization`.
        .allow_headers(tower_http::cors::AllowHeaders::mirror_request())
        .expose_headers([
            header::RETRY_AFTER,
            header::HeaderName::from_static("x-request-id"),
        ])
        .max_age(Duration::from_secs(600));
    let api = Router::new()
        .route("/v1/organizations/{org_id}/cu/runs", get(runs_handler))
        .route("/v1/organizations/{org_id}/cu", get(balance_handler))
        .route("/v1/organizations/{org_id}/cu/usage", get(usage_handler))
        .route("/healthz", get(|| async { "ok" }))
        // Any other path under /v1 is the API's too: a JSON 404 with CORS,
        // so a client on another origin can tell it from a network failure.
        .route("/v1", any(api_not_found))
        .route("/v1/{*rest}", any(api_not_found))
        .with_state(state.clone())
        .layer(cors);
    // The test aids never answer `*`: only a loopback `http://` origin (the
    // page of the wasm browser tests) is reflected; any other gets no CORS.
    let aids = if options.test_aids {
        let loopback_only = CorsLayer::new()
            .allow_origin(AllowOrigin::predicate(|origin, _| {
                origin.to_str().is_ok_and(is_loopback_origin)
            }))
            .allow_methods([Method::GET]);
        Router::new()
            .route("/__demo/requests", get(recent_handler))
            .route("/__demo/served", get(served_handler))
            .route("/__demo/ledger-requests", get(ledger_requests_handler))
            .with_state(state.clone())
            .layer(loopback_only)
    } else {
        Router::new()
    };
    // The whole `/__demo` space is the server's own: with or without test
    // aids, anything else below it is a plain 404 (never a static file).
    let aids = aids
        .route("/__demo", any(not_found))
        .route("/__demo/{*rest}", any(not_found));
    // No SPA fallback: the page has no client-side routes, and an unknown
    // path (such as an unencoded `/` in an org id) must stay a 404.
    // Static files go out gzip-compressed when the browser accepts it, as a
    // production server sends them (the cold-start benchmark depends on it);
    // API answers stay as they are.
    let files =
        |dir: PathBuf| tower_http::compression::Compression::new(ServeDir::new(dir)).gzip(true);
    let router = api
        .merge(aids)
        .nest_service("/pkg", files(options.root_dir.join("pkg")))
        .nest_service("/examples", files(options.root_dir.join("examples")))
        .nest_service("/bench", files(options.root_dir.join("bench")))
        .fallback_service(files(options.dist_dir.clone()))
        .layer(axum::middleware::from_fn(utf8_text));
    (router, DemoHandle(state))
}

/// Every text file the demo serves is UTF-8, and its content type says so:
/// a page without `<meta charset>` (a README snippet pasted as it is) then
/// reads "Läufe", not "LÃ¤ufe" (the browser's default is windows-1252).
/// TypeScript declarations (`pkg/*.d.ts`) are text, not the MPEG transport
/// stream their extension guesses.
async fn utf8_text(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = req.uri().path();
    let typescript = path.ends_with(".ts") || path.ends_with(".tsx");
    let mut res = next.run(req).await;
    if typescript && res.status().is_success() {
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("text/plain; charset=utf-8"),
        );
    }
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .filter(|ct| {
            (ct.starts_with("text/") || ct.starts_with("application/javascript"))
                && !ct.to_ascii_lowercase().contains("charset")
        })
        .map(str::to_owned);
    if let Some(ct) = plain {
        if let Ok(v) = header::HeaderValue::from_str(&format!("{ct}; charset=utf-8")) {
            res.headers_mut().insert(header::CONTENT_TYPE, v);
        }
    }
    res
}

async fn not_found() -> StatusCode {
    StatusCode::NOT_FOUND
}

/// An API path that names no endpoint (or a method the endpoint does not
/// take): the API's JSON error, 404 or 405.
async fn api_not_found(State(state): State<Arc<AppState>>, method: Method) -> Response {
    let request_id = state.request_id();
    if method == Method::GET || method == Method::HEAD {
        error_response(
            StatusCode::NOT_FOUND,
            &request_id,
            "not found",
            vec!["the endpoints are /v1/organizations/{orgId}/cu/runs, /cu and /cu/usage".into()],
        )
    } else {
        error_response(
            StatusCode::METHOD_NOT_ALLOWED,
            &request_id,
            "method not allowed",
            vec!["the API answers GET only".into()],
        )
    }
}

/// Whether `origin` is a loopback `http://` origin: `http://127.0.0.1`,
/// `http://localhost` or `http://[::1]`, with or without a port, and
/// nothing else (no other scheme or host, no path, no user info).
pub fn is_loopback_origin(origin: &str) -> bool {
    let Some(rest) = origin.strip_prefix("http://") else {
        return false;
    };
    let (host, port) = match rest.strip_prefix("[::1]") {
        Some(after) => ("[::1]", after),
        None => rest.split_at(rest.find(':').unwrap_or(rest.len())),
    };
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|digits| {
            (1..=5).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && digits
                    .parse::<u32>()
                    .is_ok_and(|n| (1..=65_535).contains(&n))
        });
    port_ok && matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

impl AppState {
    fn orgs(&self) -> MutexGuard<'_, OrgTable> {
        self.orgs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records what a reply held (a test aid: only with test aids on),
    /// keeping the org's last [`MAX_SERVED_REPLIES`].
    fn record_served(&self, org: &str, reply: Value) {
        if !self.options.test_aids {
            return;
        }
        let mut orgs = self.orgs();
        let served = &mut orgs.entry(org).served;
        while served.len() >= MAX_SERVED_REPLIES {
            served.pop_front();
        }
        served.push_back(reply);
    }

    /// Records a runs request (a test aid: only with test aids on). Never
    /// the token: only whether a Bearer token came with it.
    fn record_request(&self, org: &str, query: Option<&str>, has_token: bool, request_id: &str) {
        if !self.options.test_aids {
            return;
        }
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        while recent.len() >= RECENT_REQUESTS {
            recent.pop_front();
        }
        recent.push_back(json!({
            "org": org,
            "query": query.unwrap_or_default(),
            "hasToken": has_token,
            "requestId": request_id,
        }));
    }

    /// The `huge-body` reply: [`HUGE_BODY_BYTES`] of valid JSON, a page
    /// envelope whose `padding` string (before `data`) fills it up.
    fn huge_body(&self) -> Bytes {
        self.huge_body
            .get_or_init(|| {
                let opts = &self.options;
                let dataset = opts.dataset("huge-body", opts.runs);
                let items: Vec<Value> = (0..opts.runs.min(20))
                    .map(|i| dataset.run(i).to_json(opts.timestamps))
                    .collect();
                let data =
                    json!({ "hasMore": opts.runs > 20, "limit": 20, "offset": 0, "items": items });
                let prefix =
                    r#"{"code":0,"message":"successfully","requestId":"req_hugebody","padding":""#;
                let suffix = format!(r#"","data":{data}}}"#);
                let mut body = Vec::with_capacity(HUGE_BODY_BYTES);
                body.extend_from_slice(prefix.as_bytes());
                body.resize(HUGE_BODY_BYTES - suffix.len(), b'x');
                body.extend_from_slice(suffix.as_bytes());
                Bytes::from(body)
            })
            .clone()
    }

    fn request_id(&self) -> String {
        // Process-wide, so two servers in one process never repeat an id.
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        format!("req_{:012x}", mix(self.boot_nonce ^ n) & 0xffff_ffff_ffff)
    }
}

fn json_response(status: StatusCode, request_id: &str, body: Value) -> Response {
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

fn error_response(
    status: StatusCode,
    request_id: &str,
    message: &str,
    details: Vec<String>,
) -> Response {
    json_response(
        status,
        request_id,
        json!({ "code": status.as_u16(), "message": message, "details": details, "requestId": request_id }),
    )
}

/// The `{orgId}` of a request's path, decoded; `None` when it is empty or
/// not UTF-8 once decoded (answered by [`bad_org`], after the token check).
fn org_id(path: Result<Path<String>, PathRejection>) -> Option<String> {
    path.ok().map(|Path(id)| id).filter(|id| !id.is_empty())
}

fn bad_org(request_id: &str) -> Response {
    error_response(
        StatusCode::BAD_REQUEST,
        request_id,
        "invalid parameters",
        vec!["orgId must be a non-empty UTF-8 path segment".into()],
    )
}

/// A query value as an error repeats it: its first 40 characters, then
/// "…" (a value can be as long as the request line).
fn quoted(value: &str) -> String {
    match value.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_owned(),
    }
}

/// Parses `limit` and `offset` per the contract, collecting every problem.
pub fn parse_query(raw: Option<&str>) -> Result<(u64, u64), Vec<String>> {
    let (mut limit, mut offset) = (20u64, 0u64);
    let mut problems = Vec::new();
    for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        // Form-decoded, as the usage query's `yearMonth` (`%35` is 5, `+5`
        // is " 5", not a number).
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (percent_decode(key), percent_decode(value));
        match key.as_str() {
            "limit" => match value.parse::<i64>() {
                Ok(v) if (1..=100).contains(&v) => limit = v as u64,
                _ => problems.push(format!(
                    "limit must be an integer between 1 and 100 (got \"{}\")",
                    quoted(&value)
                )),
            },
            "offset" => match value.parse::<i64>() {
                Ok(v) if v >= 0 => offset = v as u64,
                _ => problems.push(format!(
                    "offset must be an integer >= 0 (got \"{}\")",
                    quoted(&value)
                )),
            },
            _ => {}
        }
    }
    if problems.is_empty() {
        Ok((limit, offset))
    } else {
        Err(problems)
    }
}

/// The `fault-html` org's 502 page, as an nginx proxy sends it.
const BAD_GATEWAY_HTML: &str = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

/// The 401 reply when the request's Bearer token is missing, malformed or
/// (with `--token`) not the expected one; `None` when it may go on.
fn check_auth(headers: &HeaderMap, opts: &Options, request_id: &str) -> Option<Response> {
    match (bearer(headers), &opts.token) {
        (None, _) => Some(unauthorized(
            request_id,
            "missing or malformed Authorization header",
            vec!["send Authorization: Bearer <token>".into()],
            "Bearer realm=\"demo-api\"",
        )),
        (Some(given), Some(expected)) if given != expected => Some(unauthorized(
            request_id,
            "invalid token",
            vec![],
            "Bearer realm=\"demo-api\", error=\"invalid_token\"",
        )),
        _ => None,
    }
}

/// The token of an `Authorization: Bearer <token>` header (the scheme in
/// any case, as RFC 7235 has it).
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let scheme = value.get(..7)?;
    let token = value[7..].trim();
    (scheme.eq_ignore_ascii_case("bearer ") && !token.is_empty()).then_some(token)
}

/// A 401 reply says which scheme it wants (RFC 7235), and for a token it
/// refused, why (RFC 6750).
fn unauthorized(
    request_id: &str,
    message: &str,
    details: Vec<String>,
    challenge: &'static str,
) -> Response {
    let mut response = error_response(StatusCode::UNAUTHORIZED, request_id, message, details);
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static(challenge),
    );
    response
}

/// The `org` query parameter of a test-aid endpoint, decoded.
fn org_param(query: Option<&str>) -> String {
    query
        .unwrap_or("")
        .split('&')
        .find_map(|p| p.strip_prefix("org="))
        .map(percent_decode)
        .unwrap_or_default()
}

/// `GET /__demo/requests?org=ID` (test aids only): the recent runs
/// requests for that org, oldest first, as
/// `{org, query, hasToken, requestId}` (never the token itself), so tests
/// can check which pages were asked for. A real API has no such endpoint.
async fn recent_handler(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Response {
    let org = org_param(query.as_deref());
    let recent = state.recent.lock().unwrap_or_else(|e| e.into_inner());
    let items: Vec<&Value> = recent.iter().filter(|r| r["org"] == org.as_str()).collect();
    json_response(StatusCode::OK, "", json!(items))
}

/// `GET /__demo/served?org=ID` (test aids only): for a `live*` or the
/// `late-copy` org, the replies it made (oldest first, the last
/// [`MAX_SERVED_REPLIES`]) as `{offset, limit, items: [{runId, totalCu,
/// status}]}` (`late-copy` adds `request`, its 1-based request number).
async fn served_handler(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Response {
    let org = org_param(query.as_deref());
    let served: Vec<Value> = state
        .orgs()
        .orgs
        .get(&org)
        .map(|s| s.served.iter().cloned().collect())
        .unwrap_or_default();
    json_response(StatusCode::OK, "", json!(served))
}

/// Decodes `%XX` escapes (and `+` as space) of a query value.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
                continue;
            }
            (b'+', _) => out.push(b' '),
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn runs_handler(
    State(state): State<Arc<AppState>>,
    org: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let request_id = state.request_id();
    let org_id = org_id(org);
    state.record_request(
        org_id.as_deref().unwrap_or(""),
        query.as_deref(),
        bearer(&headers).is_some(),
        &request_id,
    );
    let opts = &state.options;
    if opts.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(opts.latency_ms)).await;
    }
    if let Some(refused) = check_auth(&headers, opts, &request_id) {
        return refused;
    }
    let Some(org_id) = org_id else {
        return bad_org(&request_id);
    };
    let (limit, offset) = match parse_query(query.as_deref()) {
        Ok(v) => v,
        Err(details) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                &request_id,
                "invalid parameters",
                details,
            )
        }
    };
    let runs = org_runs(&org_id, opts.runs);
    match org_id.as_str() {
        "fault-500" => {
            return error_response(StatusCode::INTERNAL_SERVER_ERROR, &request_id, "internal error", vec!["simulated fault: the runs store is unavailable".into()])
        }
        "fault-html" => {
            return (StatusCode::BAD_GATEWAY, [(header::CONTENT_TYPE, "text/html")], "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>").into_response()
        }
        "fault-code" => {
            return json_response(StatusCode::OK, &request_id, json!({ "code": 5001, "message": "organization is suspended", "requestId": request_id }))
        }
        "fault-badjson" => {
            return (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], format!("{{\"code\":0,\"requestId\":\"{request_id}\",\"data\":{{\"hasMore\":tru")).into_response()
        }
        "fault-slow" => tokio::time::sleep(Duration::from_secs(2)).await,
        "fault-flaky" => {
            let n = {
                let mut orgs = state.orgs();
                let counter = &mut orgs.entry(&org_id).flaky;
                *counter += 1;
                *counter
            };
            if n % 2 == 1 {
                return error_response(StatusCode::INTERNAL_SERVER_ERROR, &request_id, "internal error", vec!["simulated flaky fault (every other request fails)".into()]);
            }
        }
        "fault-page2" if offset > 0 => {
            return error_response(StatusCode::INTERNAL_SERVER_ERROR, &request_id, "internal error", vec!["simulated fault: pages after the first fail".into()])
        }
        "fault-429" => {
            let mut response = error_response(StatusCode::TOO_MANY_REQUESTS, &request_id, "rate limited", vec!["retry after 1 second".into()]);
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return response;
        }
        "fault-redirect" => {
            // Sends the client elsewhere (a token must never follow).
            let target = match query.as_deref() {
                Some(q) if !q.is_empty() => format!("/v1/organizations/redirected/cu/runs?{q}"),
                _ => "/v1/organizations/redirected/cu/runs".to_owned(),
            };
            let mut response = StatusCode::TEMPORARY_REDIRECT.into_response();
            if let Ok(v) = HeaderValue::from_str(&target) {
                response.headers_mut().insert(header::LOCATION, v);
            }
            return response;
        }
        "fault-401" => return unauthorized(&request_id, "token expired", vec![], "Bearer realm=\"demo-api\", error=\"invalid_token\""),
        "fault-slow20" if limit == 20 => tokio::time::sleep(Duration::from_millis(1_500)).await,
        "fault-shape" => {
            return json_response(StatusCode::OK, &request_id, json!({ "code": 0, "message": "successfully", "requestId": request_id, "data": { "hasMore": false, "items": { "0": {} } } }))
        }
        "hostile" => {
            let end = offset.saturating_add(limit).min(data::HOSTILE_RUNS);
            let items: Vec<Value> = (offset.min(end)..end).map(data::hostile_run).collect();
            return json_response(
                StatusCode::OK,
                &request_id,
                json!({ "code": 0, "message": "successfully", "requestId": request_id, "data": { "hasMore": end < data::HOSTILE_RUNS, "limit": limit, "offset": offset, "items": items } }),
            );
        }
        "echo-auth" => {
            // Hostile on purpose: the error repeats the credentials it got,
            // so a client must redact them before showing or logging it.
            let authorization = headers
                .get(header::AUTHORIZATION)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .unwrap_or_default();
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                &request_id,
                &format!("upstream rejected Authorization: {authorization}"),
                vec![
                    format!("the upstream saw Authorization: {authorization}"),
                    "simulated hostile fault: this error repeats the request's credentials".into(),
                ],
            );
        }
        "huge-body" => {
            let mut response = (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                Body::from(state.huge_body()),
            )
                .into_response();
            if let Ok(v) = HeaderValue::from_str(&request_id) {
                response.headers_mut().insert("x-request-id", v);
            }
            return response;
        }
        _ => {}
    }
    let dataset = opts.dataset(&org_id, runs);
    // Fault organizations that behave like a live or imperfect server.
    let (asked_limit, asked_offset) = (limit, offset);
    let (mut limit, mut offset) = (limit, offset);
    let mut arrivals = 0;
    let live = org_id == "live" || org_id.starts_with("live-");
    if live {
        // Three new runs arrive at the head before every request.
        let mut orgs = state.orgs();
        let org = orgs.entry(&org_id);
        org.live_arrivals += LIVE_ARRIVALS_PER_REQUEST;
        arrivals = org.live_arrivals;
    }
    // `late-copy`: odd-numbered requests at offset 0 answer late, with the
    // newest runs as they were (running); every other request at once,
    // with them finished.
    let late_copy = (org_id == "late-copy").then(|| {
        let mut orgs = state.orgs();
        let counter = &mut orgs.entry(&org_id).late_copy;
        *counter += 1;
        *counter
    });
    let stale = late_copy.is_some_and(|n| n % 2 == 1 && asked_offset == 0);
    match org_id.as_str() {
        "cap-limit" => limit = limit.min(CAP_LIMIT),
        "same-page" | "echo-offset" => offset = 0,
        "ignore-limit" => limit = IGNORE_LIMIT_ITEMS,
        "empty-more" if offset > 0 => {
            return json_response(
                StatusCode::OK,
                &request_id,
                json!({ "code": 0, "message": "successfully", "requestId": request_id, "data": { "hasMore": true, "limit": limit, "offset": offset, "items": [] } }),
            );
        }
        _ => {}
    }
    let total = runs.saturating_add(arrivals);
    let end = offset.saturating_add(limit).min(total);
    let items: Vec<Value> = (offset.min(total)..end)
        .map(|p| {
            let run = if p < arrivals {
                dataset.live_run(arrivals - 1 - p, arrivals)
            } else {
                let mut run = dataset.run(p - arrivals);
                if arrivals > 0 {
                    data::finish_live_run(&mut run, p - arrivals, arrivals);
                }
                if late_copy.is_some() && p < data::LATE_COPY_FINISHING {
                    data::late_copy_run(&mut run, stale, opts.now_ms);
                }
                run
            };
            run.to_json(opts.timestamps)
        })
        .collect();
    if stale {
        // The snapshot was taken on arrival; it is sent late.
        tokio::time::sleep(Duration::from_millis(LATE_COPY_DELAY_MS)).await;
    }
    if live || late_copy.is_some() {
        let summary: Vec<Value> = items
            .iter()
            .map(|r| json!({ "runId": r["runId"], "totalCu": r["totalCu"], "status": r["status"] }))
            .collect();
        let mut reply = json!({ "offset": asked_offset, "limit": limit, "items": summary });
        if let Some(n) = late_copy {
            reply["request"] = json!(n);
        }
        state.record_served(&org_id, reply);
    }
    let mut page =
        json!({ "hasMore": end < total, "limit": limit, "offset": offset, "items": items });
    match org_id.as_str() {
        "echo-offset" => page["offset"] = json!(asked_offset),
        "ignore-limit" => page["limit"] = json!(asked_limit),
        "no-offset" => {
            page.as_object_mut().map(|o| o.remove("offset"));
        }
        _ => {}
    }
    json_response(
        StatusCode::OK,
        &request_id,
        json!({
            "code": 0,
            "message": "successfully",
            "requestId": request_id,
            "data": page
        }),
    )
}

/// An organization's ledger: its use day by day and its account, computed
/// once (see [`ledger`]).
#[derive(Debug)]
pub struct OrgLedger {
    /// Use by UTC day.
    pub usage: Usage,
    /// Deposits, grants and minimum.
    pub account: Account,
    /// Units used up to and including today.
    pub used: i64,
    /// Today's day number (of `now`).
    pub today: i64,
}

impl OrgLedger {
    /// The ledger of organization `org` under `opts`: a pure function of
    /// them (the seed, `--runs`, `--now`, `--workflows`; never the id or
    /// timestamp styles).
    pub fn compute(opts: &Options, org: &str) -> OrgLedger {
        let now = opts.now_ms;
        let today = now.div_euclid(DAY_MS);
        let mut usage = match org {
            "huge-month" => ledger::huge_month_usage(opts.seed ^ hash_str(org), now),
            "hostile" => hostile_usage(now),
            _ => runs_usage(opts, org),
        };
        if org == "ledger-drift" {
            for (day, delta) in ledger_drift_days(now).into_iter().zip(LEDGER_DRIFT_UNITS) {
                usage.drift(day, delta);
            }
        }
        let used = usage.used_between(i64::MIN, today);
        let org_hash = mix(opts.seed ^ hash_str(org));
        let account = if org == "low-balance" {
            let recent_daily = usage.used_between(today - 7, today - 1) / 7;
            Account::low_balance(org_hash, now, used, recent_daily)
        } else {
            Account::normal(org_hash, now, used)
        };
        OrgLedger {
            usage,
            account,
            used,
            today,
        }
    }

    /// The balance now (units).
    pub fn balance(&self) -> i64 {
        self.account.balance(self.used)
    }

    /// The `data` of `GET .../cu` as JSON text.
    pub fn balance_json(&self) -> String {
        format!(
            r#"{{"balance":{},"minThreshold":{}}}"#,
            ledger::format_units(self.balance()),
            ledger::format_units(self.account.min_threshold)
        )
    }

    /// The `data` of `GET .../cu/usage?yearMonth=YYYY-MM` as JSON text:
    /// every day of the month up to today (none for a month after today's).
    pub fn usage_json(&self, year: i64, month: i64) -> String {
        let m = ledger::month_number(year, month);
        let first = ledger::month_first_day(m);
        let last = (ledger::month_first_day(m + 1) - 1).min(self.today);
        let mut used = 0;
        let mut daily = Vec::new();
        let empty = ledger::Day::default();
        for day in first..=last {
            let d = self.usage.days.get(&day).unwrap_or(&empty);
            used += d.used;
            let breakdown: Vec<String> = d
                .breakdown
                .iter()
                .map(|e| {
                    format!(
                        r#"{{"type":{},"nodeType":{},"count":{},"cu":{}}}"#,
                        json_string(e.kind),
                        json_string(&e.node_type),
                        e.count,
                        ledger::format_units(e.cu)
                    )
                })
                .collect();
            daily.push(format!(
                r#"{{"date":"{}","used":{},"breakdown":[{}]}}"#,
                ledger::date_text(day),
                ledger::format_units(d.used),
                breakdown.join(",")
            ));
        }
        format!(
            r#"{{"yearMonth":"{year:04}-{month:02}","summary":{{"deposited":{},"granted":{},"used":{}}},"daily":[{}]}}"#,
            ledger::format_units(self.account.deposited(m)),
            ledger::format_units(self.account.granted(m)),
            ledger::format_units(used),
            daily.join(",")
        )
    }
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    Value::from(text).to_string()
}

/// The use of an org's runs (the ones the runs endpoint serves; a `live*`
/// org's base runs, without the arrivals; the `late-copy` org's final
/// copies). Iterates every run once.
fn runs_usage(opts: &Options, org: &str) -> Usage {
    let runs = org_runs(org, opts.runs);
    let dataset = opts.dataset(org, runs);
    let mut builder = UsageBuilder::default();
    for i in 0..runs {
        let mut run = dataset.run(i);
        if org == "late-copy" && i < data::LATE_COPY_FINISHING {
            data::late_copy_run(&mut run, false, opts.now_ms);
        }
        let Some(units) = ledger::cu_units(run.total_cu) else {
            continue;
        };
        let end = run.finished_ms.unwrap_or(opts.now_ms);
        let nodes = ledger::WORKFLOW_NODES[dataset.workflow_model(i)];
        builder.add_run(
            run.started_ms,
            end,
            units,
            Cow::Borrowed(run.trigger),
            nodes,
        );
    }
    builder.finish()
}

/// The use of the `hostile` org's runs: those with a valid CU value and
/// start time, each still going (no `finishedAt`), so counted up to `now`;
/// the trigger node is named by its (hostile) `triggerSource`.
fn hostile_usage(now_ms: i64) -> Usage {
    let mut builder = UsageBuilder::default();
    for i in 0..data::HOSTILE_RUNS {
        let run = data::hostile_run(i);
        let units = run
            .get("totalCu")
            .and_then(Value::as_f64)
            .and_then(ledger::cu_units);
        let start = run["startedAt"].as_str().and_then(parse_rfc3339);
        let (Some(units), Some(start)) = (units, start) else {
            continue;
        };
        let end = run["finishedAt"]
            .as_str()
            .and_then(parse_rfc3339)
            .unwrap_or(now_ms);
        let trigger = Cow::Owned(run["triggerSource"].as_str().unwrap_or("").to_owned());
        builder.add_run(start, end, units, trigger, ledger::HOSTILE_NODES);
    }
    builder.finish()
}

impl AppState {
    /// Records a ledger request (a test aid: only with test aids on), apart
    /// from the runs requests. Never the token.
    fn record_ledger_request(
        &self,
        org: &str,
        endpoint: &str,
        query: Option<&str>,
        has_token: bool,
        request_id: &str,
    ) {
        if !self.options.test_aids {
            return;
        }
        let mut recent = self.recent_ledger.lock().unwrap_or_else(|e| e.into_inner());
        while recent.len() >= RECENT_REQUESTS {
            recent.pop_front();
        }
        recent.push_back(json!({
            "org": org,
            "endpoint": endpoint,
            "query": query.unwrap_or_default(),
            "hasToken": has_token,
            "requestId": request_id,
        }));
    }

    /// The org's ledger, computed on first use (off the async workers) and
    /// kept with the org's state.
    async fn ledger(self: &Arc<Self>, org: &str) -> Option<Arc<OrgLedger>> {
        let cell = self.orgs().entry(org).ledger.clone();
        if let Some(done) = cell.get() {
            return Some(done.clone());
        }
        let state = self.clone();
        let org = org.to_owned();
        tokio::task::spawn_blocking(move || {
            cell.get_or_init(|| Arc::new(OrgLedger::compute(&state.options, &org)))
                .clone()
        })
        .await
        .ok()
    }
}

/// Which ledger endpoint a request is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LedgerEndpoint {
    /// `GET .../cu`
    Balance,
    /// `GET .../cu/usage?yearMonth=YYYY-MM`
    Usage,
}

/// `GET /v1/organizations/{orgId}/cu`: `{balance, minThreshold}`.
async fn balance_handler(
    State(state): State<Arc<AppState>>,
    org: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    ledger_reply(state, org_id(org), query, headers, LedgerEndpoint::Balance).await
}

/// `GET /v1/organizations/{orgId}/cu/usage?yearMonth=YYYY-MM`.
async fn usage_handler(
    State(state): State<Arc<AppState>>,
    org: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    ledger_reply(state, org_id(org), query, headers, LedgerEndpoint::Usage).await
}

/// Parses the usage query: `yearMonth` (required, `YYYY-MM`; the last one
/// counts if repeated). Other parameters are ignored, as the runs endpoint
/// ignores them.
pub fn parse_usage_query(raw: Option<&str>) -> Result<(i64, i64), Vec<String>> {
    let mut value = None;
    for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (key, v) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "yearMonth" {
            value = Some(percent_decode(v));
        }
    }
    match value {
        None => Err(vec!["yearMonth is required (YYYY-MM, e.g. 2026-11)".into()]),
        Some(v) => ledger::parse_year_month(&v).ok_or_else(|| {
            vec![format!(
                "yearMonth must be YYYY-MM with a month from 01 to 12 (got \"{}\")",
                quoted(&v)
            )]
        }),
    }
}

/// A 200 reply whose `data` is the JSON text `data`.
fn ledger_ok(request_id: &str, data: &str) -> Response {
    let body = format!(
        r#"{{"code":0,"message":"successfully","requestId":{},"data":{data}}}"#,
        json_string(request_id)
    );
    let mut response = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

/// Both ledger endpoints: the runs endpoint's auth, envelope, errors and
/// fault organizations (checked in the same order: token, parameters,
/// organization), then the org's ledger.
async fn ledger_reply(
    state: Arc<AppState>,
    org_id: Option<String>,
    query: Option<String>,
    headers: HeaderMap,
    endpoint: LedgerEndpoint,
) -> Response {
    let request_id = state.request_id();
    let name = match endpoint {
        LedgerEndpoint::Balance => "balance",
        LedgerEndpoint::Usage => "usage",
    };
    state.record_ledger_request(
        org_id.as_deref().unwrap_or(""),
        name,
        query.as_deref(),
        bearer(&headers).is_some(),
        &request_id,
    );
    let opts = &state.options;
    if opts.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(opts.latency_ms)).await;
    }
    if let Some(refused) = check_auth(&headers, opts, &request_id) {
        return refused;
    }
    let Some(org_id) = org_id else {
        return bad_org(&request_id);
    };
    let year_month = match endpoint {
        LedgerEndpoint::Balance => None,
        LedgerEndpoint::Usage => match parse_usage_query(query.as_deref()) {
            Ok(v) => Some(v),
            Err(details) => {
                return error_response(
                    StatusCode::BAD_REQUEST,
                    &request_id,
                    "invalid parameters",
                    details,
                )
            }
        },
    };
    match org_id.as_str() {
        "ledger-none" => {
            return error_response(
                StatusCode::NOT_FOUND,
                &request_id,
                "not found",
                vec!["this deployment has no ledger endpoints".into()],
            )
        }
        "ledger-403" => {
            return error_response(
                StatusCode::FORBIDDEN,
                &request_id,
                "forbidden",
                vec!["the token lacks the billing scope".into()],
            )
        }
        "fault-500" => {
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                &request_id,
                "internal error",
                vec!["simulated fault: the ledger is unavailable".into()],
            )
        }
        "fault-html" => {
            return (
                StatusCode::BAD_GATEWAY,
                [(header::CONTENT_TYPE, "text/html")],
                BAD_GATEWAY_HTML,
            )
                .into_response()
        }
        "fault-code" => {
            return json_response(
                StatusCode::OK,
                &request_id,
                json!({ "code": 5001, "message": "organization is suspended", "requestId": request_id }),
            )
        }
        "fault-badjson" => {
            return (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                format!("{{\"code\":0,\"requestId\":\"{request_id}\",\"data\":{{\"balance\":12"),
            )
                .into_response()
        }
        "fault-slow" => tokio::time::sleep(Duration::from_secs(2)).await,
        "fault-flaky" => {
            let n = {
                let mut orgs = state.orgs();
                let counter = &mut orgs.entry(&org_id).ledger_flaky;
                *counter += 1;
                *counter
            };
            if n % 2 == 1 {
                return error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    &request_id,
                    "internal error",
                    vec!["simulated flaky fault (every other ledger request fails)".into()],
                );
            }
        }
        "fault-429" => {
            let mut response = error_response(
                StatusCode::TOO_MANY_REQUESTS,
                &request_id,
                "rate limited",
                vec!["retry after 1 second".into()],
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return response;
        }
        "fault-redirect" => {
            let path = match endpoint {
                LedgerEndpoint::Balance => "/v1/organizations/redirected/cu".to_owned(),
                LedgerEndpoint::Usage => format!(
                    "/v1/organizations/redirected/cu/usage?{}",
                    query.as_deref().unwrap_or("")
                ),
            };
            let mut response = StatusCode::TEMPORARY_REDIRECT.into_response();
            if let Ok(v) = HeaderValue::from_str(&path) {
                response.headers_mut().insert(header::LOCATION, v);
            }
            return response;
        }
        "fault-401" => {
            return error_response(
                StatusCode::UNAUTHORIZED,
                &request_id,
                "token expired",
                vec![],
            )
        }
        "fault-shape" => {
            let data = match endpoint {
                LedgerEndpoint::Balance => json!({ "balance": "lots", "minThreshold": null }),
                LedgerEndpoint::Usage => {
                    json!({ "yearMonth": 202611, "summary": [], "daily": { "0": {} } })
                }
            };
            return json_response(
                StatusCode::OK,
                &request_id,
                json!({ "code": 0, "message": "successfully", "requestId": request_id, "data": data }),
            );
        }
        "echo-auth" => {
            let authorization = headers
                .get(header::AUTHORIZATION)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .unwrap_or_default();
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                &request_id,
                &format!("upstream rejected Authorization: {authorization}"),
                vec![
                    format!("the upstream saw Authorization: {authorization}"),
                    "simulated hostile fault: this error repeats the request's credentials".into(),
                ],
            );
        }
        _ => {}
    }
    let Some(ledger) = state.ledger(&org_id).await else {
        return error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            &request_id,
            "internal error",
            vec!["the ledger could not be computed".into()],
        );
    };
    let data = match year_month {
        None => ledger.balance_json(),
        Some((year, month)) => ledger.usage_json(year, month),
    };
    ledger_ok(&request_id, &data)
}

/// `GET /__demo/ledger-requests?org=ID` (test aids only): the recent ledger
/// requests for that org, oldest first, as `{org, endpoint, query,
/// hasToken, requestId}` (`endpoint`: `balance` or `usage`; never the
/// token). `GET /__demo/requests` lists only the runs requests.
async fn ledger_requests_handler(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
) -> Response {
    let org = org_param(query.as_deref());
    let recent = state
        .recent_ledger
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let items: Vec<&Value> = recent.iter().filter(|r| r["org"] == org.as_str()).collect();
    json_response(StatusCode::OK, "", json!(items))
}
