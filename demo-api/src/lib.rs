//! A local implementation of the runs endpoint (see `shared/API.md`) with
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

pub mod data;

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use tower_http::cors::{AllowOrigin, Any, CorsLayer};
use tower_http::services::ServeDir;

use data::{hash_str, mix, Dataset, Ids, Timestamps};

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

/// What the server remembers about one organization. Only organizations
/// that need it get an entry (`fault-flaky`, `live*`, `late-copy`).
#[derive(Default)]
struct OrgState {
    /// Requests seen by `fault-flaky`.
    flaky: u64,
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
        huge_body: OnceLock::new(),
    });
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::OPTIONS])
        .allow_headers([header::AUTHORIZATION, header::ACCEPT, header::CONTENT_TYPE])
        .expose_headers([
            header::RETRY_AFTER,
            header::HeaderName::from_static("x-request-id"),
        ])
        .max_age(Duration::from_secs(600));
    let api = Router::new()
        .route("/v1/organizations/{org_id}/cu/runs", get(runs_handler))
        .route("/healthz", get(|| async { "ok" }))
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
            .with_state(state.clone())
            .layer(loopback_only)
    } else {
        Router::new()
    };
    // The whole `/__demo` space is the server's own: with or without test
    // aids, anything else below it is a plain 404 (never a static file).
    let aids = aids
        .route("/__demo", get(not_found))
        .route("/__demo/{*rest}", get(not_found));
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
        .fallback_service(files(options.dist_dir.clone()));
    (router, DemoHandle(state))
}

async fn not_found() -> StatusCode {
    StatusCode::NOT_FOUND
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

/// Parses `limit` and `offset` per the contract, collecting every problem.
pub fn parse_query(raw: Option<&str>) -> Result<(u64, u64), Vec<String>> {
    let (mut limit, mut offset) = (20u64, 0u64);
    let mut problems = Vec::new();
    for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "limit" => match value.parse::<i64>() {
                Ok(v) if (1..=100).contains(&v) => limit = v as u64,
                _ => problems.push(format!(
                    "limit must be an integer between 1 and 100 (got \"{value}\")"
                )),
            },
            "offset" => match value.parse::<i64>() {
                Ok(v) if v >= 0 => offset = v as u64,
                _ => problems.push(format!("offset must be an integer >= 0 (got \"{value}\")")),
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

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let token = value.strip_prefix("Bearer ")?.trim();
    (!token.is_empty()).then_some(token)
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
    Path(org_id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let request_id = state.request_id();
    state.record_request(
        &org_id,
        query.as_deref(),
        bearer(&headers).is_some(),
        &request_id,
    );
    let opts = &state.options;
    if opts.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(opts.latency_ms)).await;
    }
    match (bearer(&headers), &opts.token) {
        (None, _) => {
            return error_response(
                StatusCode::UNAUTHORIZED,
                &request_id,
                "missing or malformed Authorization header",
                vec!["send Authorization: Bearer <token>".into()],
            )
        }
        (Some(given), Some(expected)) if given != expected => {
            return error_response(
                StatusCode::UNAUTHORIZED,
                &request_id,
                "invalid token",
                vec![],
            )
        }
        _ => {}
    }
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
    let mut runs = opts.runs;
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
        "empty" => runs = 0,
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
            let target = format!(
                "/v1/organizations/redirected/cu/runs?{}",
                query.as_deref().unwrap_or("")
            );
            let mut response = StatusCode::TEMPORARY_REDIRECT.into_response();
            if let Ok(v) = HeaderValue::from_str(&target) {
                response.headers_mut().insert(header::LOCATION, v);
            }
            return response;
        }
        "fault-401" => return error_response(StatusCode::UNAUTHORIZED, &request_id, "token expired", vec![]),
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
        "ignore-limit" => runs = runs.max(IGNORE_LIMIT_MIN_RUNS),
        _ => {}
    }
    let dataset = opts.dataset(&org_id, runs);
    // Fault organizations that behave like a live or imperfect server.
    let (asked_limit, asked_offset) = (limit, offset);
    let (mut limit, mut offset) = (limit, offset);
    let mut arrivals = 0;
    let live = org_id.starts_with("live");
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
    let total = runs + arrivals;
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
