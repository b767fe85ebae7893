//! A local implementation of the runs endpoint (see `shared/API.md`) with
//! realistic, deterministic data, fault organizations for tests and demos,
//! and static file serving so the demo is one origin.

pub mod data;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::ServeDir;

use data::{hash_str, mix, Dataset};

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

struct AppState {
    options: Options,
    flaky_counters: Mutex<HashMap<String, u64>>,
    /// Runs that arrived at the head of each `live*` org so far.
    live_arrivals: Mutex<HashMap<String, u64>>,
    /// What each `live*` org's replies held, in the order they were made
    /// (`GET /__demo/served?org=ID`), so tests can sum what was sent.
    served: Mutex<HashMap<String, Vec<Value>>>,
    /// The most recent API requests, for tests (`GET /__demo/requests`).
    recent: Mutex<std::collections::VecDeque<Value>>,
    boot_nonce: u64,
}

/// How many recent requests `GET /__demo/requests` remembers.
pub const RECENT_REQUESTS: usize = 200;

/// Builds the router: the API, CORS, and static files.
pub fn router(options: Options) -> Router {
    let state = Arc::new(AppState {
        boot_nonce: mix(now_ms() as u64 ^ u64::from(std::process::id())),
        options: options.clone(),
        flaky_counters: Mutex::new(HashMap::new()),
        live_arrivals: Mutex::new(HashMap::new()),
        served: Mutex::new(HashMap::new()),
        recent: Mutex::new(std::collections::VecDeque::new()),
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
        .route("/__demo/requests", get(recent_handler))
        .route("/__demo/served", get(served_handler))
        .with_state(state)
        .layer(cors);
    // No SPA fallback: the page has no client-side routes, and an unknown
    // path (such as an unencoded `/` in an org id) must stay a 404.
    let dist = ServeDir::new(&options.dist_dir);
    api.nest_service("/pkg", ServeDir::new(options.root_dir.join("pkg")))
        .nest_service(
            "/examples",
            ServeDir::new(options.root_dir.join("examples")),
        )
        .nest_service("/bench", ServeDir::new(options.root_dir.join("bench")))
        .fallback_service(dist)
}

impl AppState {
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

/// `GET /__demo/requests?org=ID`: the recent runs requests for that org
/// (oldest first) with the bearer token each carried, so tests can check
/// token rotation and which pages were asked for. A test aid of the demo
/// server only; a real API has no such endpoint.
async fn recent_handler(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Response {
    let org = org_param(query.as_deref());
    let recent = state.recent.lock().unwrap_or_else(|e| e.into_inner());
    let items: Vec<&Value> = recent.iter().filter(|r| r["org"] == org.as_str()).collect();
    json_response(StatusCode::OK, "", json!(items))
}

/// `GET /__demo/served?org=ID`: for a `live*` org, every reply it made
/// (oldest first) as `{offset, items: [{runId, totalCu, status}]}`. A test
/// aid of the demo server only.
async fn served_handler(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Response {
    let org = org_param(query.as_deref());
    let served = state.served.lock().unwrap_or_else(|e| e.into_inner());
    json_response(
        StatusCode::OK,
        "",
        json!(served.get(&org).cloned().unwrap_or_default()),
    )
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
    {
        let mut recent = state.recent.lock().unwrap_or_else(|e| e.into_inner());
        if recent.len() >= RECENT_REQUESTS {
            recent.pop_front();
        }
        recent.push_back(json!({
            "org": org_id,
            "query": query.clone().unwrap_or_default(),
            "token": bearer(&headers),
            "requestId": request_id,
        }));
    }
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
                let mut counters = state.flaky_counters.lock().unwrap_or_else(|e| e.into_inner());
                let c = counters.entry(org_id.clone()).or_insert(0);
                *c += 1;
                *c
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
        _ => {}
    }
    let dataset = Dataset {
        runs,
        seed: opts.seed ^ hash_str(&org_id),
        now_ms: opts.now_ms,
    };
    // Fault organizations that behave like a live or imperfect server.
    let (mut limit, mut offset) = (limit, offset);
    let asked_offset = offset;
    let mut arrivals = 0;
    if org_id.starts_with("live") {
        // Three new runs arrive at the head before every request.
        let mut live = state
            .live_arrivals
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let k = live.entry(org_id.clone()).or_insert(0);
        *k += LIVE_ARRIVALS_PER_REQUEST;
        arrivals = *k;
    }
    match org_id.as_str() {
        "cap-limit" => limit = limit.min(CAP_LIMIT),
        "same-page" => offset = 0,
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
            if p < arrivals {
                data::live_run(arrivals - 1 - p, arrivals, opts.now_ms)
            } else {
                let mut run = dataset.run(p - arrivals);
                if arrivals > 0 {
                    data::finish_live_run(&mut run, p - arrivals, arrivals);
                }
                run
            }
        })
        .collect();
    if org_id.starts_with("live") {
        let summary: Vec<Value> = items
            .iter()
            .map(|r| json!({ "runId": r["runId"], "totalCu": r["totalCu"], "status": r["status"] }))
            .collect();
        let mut served = state.served.lock().unwrap_or_else(|e| e.into_inner());
        served
            .entry(org_id.clone())
            .or_default()
            .push(json!({ "offset": asked_offset, "limit": limit, "items": summary }));
    }
    json_response(
        StatusCode::OK,
        &request_id,
        json!({
            "code": 0,
            "message": "successfully",
            "requestId": request_id,
            "data": { "hasMore": end < total, "limit": limit, "offset": offset, "items": items }
        }),
    )
}

/// New runs that arrive at the head of a `live*` org before each request.
pub const LIVE_ARRIVALS_PER_REQUEST: u64 = 3;

/// The most runs the `cap-limit` org returns per page, whatever is asked.
pub const CAP_LIMIT: u64 = 50;
