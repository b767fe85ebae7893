//! The demo API's HTTP contract, over real HTTP on an ephemeral port.

use std::net::SocketAddr;

use demo_api::{app, router, Options};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn start(options: Options) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router(options)).await.unwrap() });
    addr
}

fn fixed_options() -> Options {
    Options {
        runs: 45,
        seed: 7,
        now_ms: 1_795_000_000_000,
        ..Options::default()
    }
}

/// [`fixed_options`] with the test aids on (`--test-aids`).
fn aids_options() -> Options {
    Options {
        test_aids: true,
        ..fixed_options()
    }
}

/// A minimal HTTP/1.1 exchange, so the test sees exactly what a browser would.
async fn request(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)]) -> Reply {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let body = if headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v == "chunked")
    {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Reply {
        status,
        headers,
        body,
    }
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        body = &rest[n + 2..];
    }
    out
}

const AUTH: (&str, &str) = ("Authorization", "Bearer demo-token");

#[tokio::test]
async fn defaults_are_limit_20_offset_0() {
    let addr = start(fixed_options()).await;
    let r = request(addr, "GET", "/v1/organizations/acme/cu/runs", &[AUTH]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let v = r.json();
    assert_eq!(v["code"], 0);
    assert_eq!(v["message"], "successfully");
    assert!(v["requestId"].as_str().unwrap().starts_with("req_"));
    assert_eq!(v["data"]["limit"], 20);
    assert_eq!(v["data"]["offset"], 0);
    assert_eq!(v["data"]["hasMore"], true);
    let items = v["data"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 20);
    for item in items {
        for key in [
            "runId",
            "workflowId",
            "status",
            "startedAt",
            "finishedAt",
            "totalCu",
            "triggerSource",
        ] {
            assert!(item.get(key).is_some(), "{key} missing in {item}");
        }
        let cu = item["totalCu"].as_f64().unwrap();
        assert!(
            cu >= 0.0 && (cu * 10_000.0 - (cu * 10_000.0).round()).abs() < 1e-6,
            "at most 4 decimals: {cu}"
        );
    }
}

#[tokio::test]
async fn has_more_turns_false_on_the_last_page_and_pages_do_not_overlap() {
    let addr = start(fixed_options()).await;
    let mut ids = std::collections::HashSet::new();
    let mut offset = 0;
    loop {
        let v = request(
            addr,
            "GET",
            &format!("/v1/organizations/acme/cu/runs?limit=20&offset={offset}"),
            &[AUTH],
        )
        .await
        .json();
        let items = v["data"]["items"].as_array().unwrap().clone();
        for item in &items {
            assert!(
                ids.insert(item["runId"].as_str().unwrap().to_owned()),
                "duplicate run id"
            );
        }
        offset += items.len();
        if !v["data"]["hasMore"].as_bool().unwrap() {
            assert_eq!(items.len(), 5, "45 runs: the third page has 5");
            break;
        }
    }
    assert_eq!(ids.len(), 45);
    let past = request(
        addr,
        "GET",
        "/v1/organizations/acme/cu/runs?offset=1000",
        &[AUTH],
    )
    .await
    .json();
    assert_eq!(past["data"]["items"].as_array().unwrap().len(), 0);
    assert_eq!(past["data"]["hasMore"], false);
}

#[tokio::test]
async fn data_is_deterministic_and_differs_per_org() {
    let a = start(fixed_options()).await;
    let b = start(fixed_options()).await;
    let path = "/v1/organizations/acme/cu/runs?limit=5";
    let ra = request(a, "GET", path, &[AUTH]).await.json();
    let rb = request(b, "GET", path, &[AUTH]).await.json();
    assert_eq!(ra["data"]["items"], rb["data"]["items"]);
    assert_ne!(ra["requestId"], rb["requestId"]);
    let other = request(
        a,
        "GET",
        "/v1/organizations/globex/cu/runs?limit=5",
        &[AUTH],
    )
    .await
    .json();
    assert_ne!(ra["data"]["items"], other["data"]["items"]);
}

#[tokio::test]
async fn request_ids_are_unique() {
    let addr = start(fixed_options()).await;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..20 {
        let v = request(
            addr,
            "GET",
            "/v1/organizations/acme/cu/runs?limit=1",
            &[AUTH],
        )
        .await
        .json();
        assert!(seen.insert(v["requestId"].as_str().unwrap().to_owned()));
    }
}

#[tokio::test]
async fn bad_parameters_are_400_with_details() {
    let addr = start(fixed_options()).await;
    for (query, needle) in [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=abc", "limit"),
        ("limit=2.5", "limit"),
        ("offset=-1", "offset"),
        ("offset=x", "offset"),
    ] {
        let r = request(
            addr,
            "GET",
            &format!("/v1/organizations/acme/cu/runs?{query}"),
            &[AUTH],
        )
        .await;
        assert_eq!(r.status, 400, "{query}");
        let v = r.json();
        assert_eq!(v["code"], 400);
        assert_eq!(v["message"], "invalid parameters");
        let details = v["details"].as_array().unwrap();
        assert!(
            details.iter().any(|d| d.as_str().unwrap().contains(needle)),
            "{query}: {details:?}"
        );
        assert!(v["requestId"].as_str().unwrap().starts_with("req_"));
    }
    let both = request(
        addr,
        "GET",
        "/v1/organizations/acme/cu/runs?limit=0&offset=-5",
        &[AUTH],
    )
    .await
    .json();
    assert_eq!(both["details"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn missing_or_non_bearer_authorization_is_401() {
    let addr = start(fixed_options()).await;
    for headers in [
        vec![],
        vec![("Authorization", "Basic dXNlcjpwYXNz")],
        vec![("Authorization", "Bearer ")],
    ] {
        let r = request(addr, "GET", "/v1/organizations/acme/cu/runs", &headers).await;
        assert_eq!(r.status, 401);
        assert_eq!(r.json()["code"], 401);
    }
    let strict = start(Options {
        token: Some("s3cret".into()),
        ..fixed_options()
    })
    .await;
    assert_eq!(
        request(strict, "GET", "/v1/organizations/acme/cu/runs", &[AUTH])
            .await
            .status,
        401
    );
    assert_eq!(
        request(
            strict,
            "GET",
            "/v1/organizations/acme/cu/runs",
            &[("Authorization", "Bearer s3cret")]
        )
        .await
        .status,
        200
    );
}

#[tokio::test]
async fn cors_preflight_allows_authorization_from_any_origin() {
    let addr = start(fixed_options()).await;
    let r = request(
        addr,
        "OPTIONS",
        "/v1/organizations/acme/cu/runs",
        &[
            ("Origin", "http://127.0.0.1:9999"),
            ("Access-Control-Request-Method", "GET"),
            // A header a portal adds (a trace id) is allowed too.
            ("Access-Control-Request-Headers", "authorization,x-trace-id"),
        ],
    )
    .await;
    assert!(r.status == 200 || r.status == 204, "{}", r.status);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let allowed = r
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed.contains("authorization") && allowed.contains("x-trace-id"),
        "{allowed}"
    );
    assert!(r
        .header("access-control-allow-methods")
        .unwrap()
        .contains("GET"));
    let get = request(
        addr,
        "GET",
        "/v1/organizations/acme/cu/runs?limit=1",
        &[AUTH, ("Origin", "http://127.0.0.1:9999")],
    )
    .await;
    assert_eq!(get.header("access-control-allow-origin"), Some("*"));
}

#[tokio::test]
async fn org_id_with_reserved_characters_is_one_segment() {
    let addr = start(fixed_options()).await;
    let plain = request(
        addr,
        "GET",
        "/v1/organizations/a%2Fb%3Fc%23d%2E%2E/cu/runs?limit=2",
        &[AUTH],
    )
    .await;
    assert_eq!(plain.status, 200);
    let direct = start(fixed_options()).await;
    // The decoded id "a/b?c#d.." seeds the data: same id, same runs.
    let again = request(
        direct,
        "GET",
        "/v1/organizations/a%2Fb%3Fc%23d%2E%2E/cu/runs?limit=2",
        &[AUTH],
    )
    .await;
    assert_eq!(plain.json()["data"]["items"], again.json()["data"]["items"]);
    let split = request(addr, "GET", "/v1/organizations/a/b/cu/runs", &[AUTH]).await;
    assert_eq!(
        split.status, 404,
        "an unencoded slash must not reach the endpoint"
    );
}

#[tokio::test]
async fn fault_orgs_fail_the_documented_ways() {
    let addr = start(fixed_options()).await;
    let r = request(addr, "GET", "/v1/organizations/fault-500/cu/runs", &[AUTH]).await;
    assert_eq!(r.status, 500);
    assert!(!r.json()["details"].as_array().unwrap().is_empty());

    let r = request(addr, "GET", "/v1/organizations/fault-html/cu/runs", &[AUTH]).await;
    assert_eq!(r.status, 502);
    assert!(r.body.starts_with("<html>"));

    let r = request(addr, "GET", "/v1/organizations/fault-code/cu/runs", &[AUTH]).await;
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_ne!(v["code"], 0);
    assert!(v.get("data").is_none());

    let r = request(
        addr,
        "GET",
        "/v1/organizations/fault-badjson/cu/runs",
        &[AUTH],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(serde_json::from_str::<Value>(&r.body).is_err());

    let statuses: Vec<u16> =
        futures_statuses(addr, "/v1/organizations/fault-flaky/cu/runs", 4).await;
    assert_eq!(statuses, vec![500, 200, 500, 200]);

    let r = request(addr, "GET", "/v1/organizations/empty/cu/runs", &[AUTH])
        .await
        .json();
    assert_eq!(r["data"]["items"].as_array().unwrap().len(), 0);
    assert_eq!(r["data"]["hasMore"], false);

    let started = std::time::Instant::now();
    let r = request(
        addr,
        "GET",
        "/v1/organizations/fault-slow/cu/runs?limit=1",
        &[AUTH],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(started.elapsed() >= std::time::Duration::from_millis(1_900));
}

async fn futures_statuses(addr: SocketAddr, path: &str, n: usize) -> Vec<u16> {
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(request(addr, "GET", path, &[AUTH]).await.status);
    }
    out
}

#[tokio::test]
async fn serves_a_million_runs_without_generating_them_up_front() {
    let addr = start(Options {
        runs: 1_000_000,
        ..fixed_options()
    })
    .await;
    let v = request(
        addr,
        "GET",
        "/v1/organizations/acme/cu/runs?limit=100&offset=999950",
        &[AUTH],
    )
    .await
    .json();
    assert_eq!(v["data"]["items"].as_array().unwrap().len(), 50);
    assert_eq!(v["data"]["hasMore"], false);
}

#[tokio::test]
async fn recent_requests_record_queries_and_whether_a_token_came_never_the_token() {
    let addr = start(aids_options()).await;
    request(
        addr,
        "GET",
        "/v1/organizations/a%2Fb/cu/runs?limit=5&offset=10",
        &[("Authorization", "Bearer tok-1")],
    )
    .await;
    request(
        addr,
        "GET",
        "/v1/organizations/a%2Fb/cu/runs?limit=5&offset=15",
        &[("Authorization", "Bearer tok-2")],
    )
    .await;
    request(addr, "GET", "/v1/organizations/a%2Fb/cu/runs?limit=1", &[]).await;
    request(addr, "GET", "/v1/organizations/other/cu/runs", &[AUTH]).await;
    let r = request(addr, "GET", "/__demo/requests?org=a%2Fb", &[]).await;
    assert!(!r.body.contains("tok-"), "a token was recorded: {}", r.body);
    let v = r.json();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 3);
    for item in items {
        let mut keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["hasToken", "org", "query", "requestId"], "{item}");
        assert_eq!(item["org"], "a/b");
        assert!(item["requestId"].as_str().unwrap().starts_with("req_"));
    }
    assert_eq!(items[0]["hasToken"], true);
    assert_eq!(items[1]["hasToken"], true);
    assert_eq!(items[1]["query"], "limit=5&offset=15");
    assert_eq!(items[2]["hasToken"], false);
    assert_eq!(items[2]["query"], "limit=1");
}

#[tokio::test]
async fn test_aids_exist_only_with_the_flag() {
    let plain = start(fixed_options()).await;
    request(plain, "GET", "/v1/organizations/live-x/cu/runs", &[AUTH]).await;
    for path in [
        "/__demo/requests?org=live-x",
        "/__demo/served?org=live-x",
        "/__demo/anything",
    ] {
        let r = request(plain, "GET", path, &[("Origin", "http://127.0.0.1:1234")]).await;
        assert_eq!(r.status, 404, "{path} without --test-aids");
        assert_eq!(r.header("access-control-allow-origin"), None, "{path}");
    }
    let aids = start(aids_options()).await;
    request(aids, "GET", "/v1/organizations/live-x/cu/runs", &[AUTH]).await;
    let r = request(aids, "GET", "/__demo/requests?org=live-x", &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    let r = request(aids, "GET", "/__demo/served?org=live-x", &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert_eq!(request(aids, "GET", "/__demo/other", &[]).await.status, 404);
}

#[tokio::test]
async fn test_aids_answer_cross_origin_only_to_loopback_origins() {
    let addr = start(aids_options()).await;
    for path in ["/__demo/requests?org=acme", "/__demo/served?org=acme"] {
        for origin in [
            "https://evil.example",
            "http://evil.example",
            "null",
            "https://127.0.0.1:1234",
            "http://127.0.0.1.evil.example:1234",
            "http://localhost.evil.example",
            "http://127.0.0.1:1234@evil.example",
            "http://127.0.0.1:1234/path",
            "http://127.0.0.2:1234",
        ] {
            let r = request(addr, "GET", path, &[("Origin", origin)]).await;
            assert_eq!(r.status, 200);
            assert_eq!(
                r.header("access-control-allow-origin"),
                None,
                "{path} {origin}"
            );
            let pre = request(
                addr,
                "OPTIONS",
                path,
                &[("Origin", origin), ("Access-Control-Request-Method", "GET")],
            )
            .await;
            assert_eq!(
                pre.header("access-control-allow-origin"),
                None,
                "preflight {path} {origin}"
            );
        }
        for origin in [
            "http://127.0.0.1:1234",
            "http://localhost:8080",
            "http://[::1]:9",
            "http://127.0.0.1",
        ] {
            let r = request(addr, "GET", path, &[("Origin", origin)]).await;
            assert_eq!(r.status, 200);
            assert_eq!(
                r.header("access-control-allow-origin"),
                Some(origin),
                "{path}"
            );
            assert!(r
                .header("vary")
                .unwrap_or("")
                .to_ascii_lowercase()
                .contains("origin"));
        }
    }
    // The API itself keeps its CORS for any origin.
    let api = request(
        addr,
        "GET",
        "/v1/organizations/acme/cu/runs?limit=1",
        &[AUTH, ("Origin", "https://evil.example")],
    )
    .await;
    assert_eq!(api.header("access-control-allow-origin"), Some("*"));
}

#[test]
fn loopback_origins() {
    use demo_api::is_loopback_origin as lo;
    assert!(lo("http://127.0.0.1:1234") && lo("http://localhost:1") && lo("http://[::1]:65535"));
    assert!(!lo("http://127.0.0.1:0") && !lo("http://127.0.0.1:65536") && !lo("http://127.0.0.1:"));
    assert!(!lo("http://[::1].evil") && !lo("HTTP://127.0.0.1:1") && !lo("http://localhost:1 "));
}

#[tokio::test]
async fn per_org_state_is_bounded() {
    let (router, handle) = app(aids_options());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    for i in 0..1_000 {
        let org = format!("live-x{i}");
        page(addr, &org, 1, 0).await;
        assert!(handle.tracked_orgs() <= demo_api::MAX_TRACKED_ORGS, "{i}");
    }
    assert_eq!(handle.tracked_orgs(), demo_api::MAX_TRACKED_ORGS);
    // The least recently used orgs were forgotten; the newest are kept.
    let oldest = request(addr, "GET", "/__demo/served?org=live-x0", &[])
        .await
        .json();
    assert_eq!(oldest.as_array().unwrap().len(), 0);
    let newest = request(addr, "GET", "/__demo/served?org=live-x999", &[])
        .await
        .json();
    assert_eq!(newest.as_array().unwrap().len(), 1);
    // Reading the test aids creates no state.
    request(addr, "GET", "/__demo/served?org=live-unseen", &[]).await;
    assert_eq!(handle.tracked_orgs(), demo_api::MAX_TRACKED_ORGS);
    // fault-flaky is tracked (and bounded) the same way.
    page_status(addr, "fault-flaky").await;
    assert_eq!(handle.tracked_orgs(), demo_api::MAX_TRACKED_ORGS);
    // An org's served list keeps its last MAX_SERVED_REPLIES replies.
    let extra = 10;
    for i in 0..demo_api::MAX_SERVED_REPLIES + extra {
        page(addr, "live-long", 1, i as u64).await;
    }
    let served = request(addr, "GET", "/__demo/served?org=live-long", &[])
        .await
        .json();
    let served = served.as_array().unwrap();
    assert_eq!(served.len(), demo_api::MAX_SERVED_REPLIES);
    assert_eq!(served[0]["offset"], extra);
    assert_eq!(
        served.last().unwrap()["offset"],
        demo_api::MAX_SERVED_REPLIES + extra - 1
    );
}

async fn page_status(addr: SocketAddr, org: &str) -> u16 {
    request(
        addr,
        "GET",
        &format!("/v1/organizations/{org}/cu/runs"),
        &[AUTH],
    )
    .await
    .status
}

#[test]
fn percent_decoding() {
    assert_eq!(demo_api::percent_decode("a%2Fb%3Fc+d%"), "a/b?c d%");
}

#[tokio::test]
async fn more_fault_orgs_and_the_hostile_org() {
    let addr = start(fixed_options()).await;
    let r = request(addr, "GET", "/v1/organizations/fault-429/cu/runs", &[AUTH]).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(
        request(addr, "GET", "/v1/organizations/fault-401/cu/runs", &[AUTH])
            .await
            .status,
        401
    );
    assert_eq!(
        request(
            addr,
            "GET",
            "/v1/organizations/fault-page2/cu/runs?offset=0",
            &[AUTH]
        )
        .await
        .status,
        200
    );
    assert_eq!(
        request(
            addr,
            "GET",
            "/v1/organizations/fault-page2/cu/runs?offset=20",
            &[AUTH]
        )
        .await
        .status,
        500
    );
    let shape = request(
        addr,
        "GET",
        "/v1/organizations/fault-shape/cu/runs",
        &[AUTH],
    )
    .await
    .json();
    assert!(shape["data"]["items"].is_object());
    let hostile = request(
        addr,
        "GET",
        "/v1/organizations/hostile/cu/runs?limit=100",
        &[AUTH],
    )
    .await
    .json();
    let items = hostile["data"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 12);
    assert!(items
        .iter()
        .any(|i| i["runId"].as_str().unwrap().contains("<img")));
    assert!(items
        .iter()
        .any(|i| i["runId"].as_str().unwrap().len() >= 10_240));
    assert!(items.iter().any(|i| i.get("totalCu").is_none()));
    assert!(items.iter().any(|i| i["totalCu"].is_null()));
    assert!(items
        .iter()
        .any(|i| i["workflowId"].as_str().unwrap().len() == 2_000));
}

async fn page(addr: SocketAddr, org: &str, limit: u64, offset: u64) -> Value {
    let r = request(
        addr,
        "GET",
        &format!("/v1/organizations/{org}/cu/runs?limit={limit}&offset={offset}"),
        &[AUTH],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()["data"].clone()
}

fn ids(data: &Value) -> Vec<String> {
    data["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["runId"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn live_org_grows_at_the_head_between_requests_and_records_what_it_served() {
    let addr = start(aids_options()).await;
    let first = page(addr, "live-contract", 10, 0).await;
    let second = page(addr, "live-contract", 10, 0).await;
    let (a, b) = (ids(&first), ids(&second));
    // Three new runs at the head per request: the old head moved down three.
    assert_eq!(&b[3..], &a[..7]);
    assert!(b[..3].iter().all(|id| id.starts_with("run_live")));
    assert_eq!(second["items"][0]["status"], "running");
    assert_eq!(second["items"][0]["finishedAt"], "");
    // Runs that were going finish (with more CU) once six runs arrived.
    let base0 = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| !r["runId"].as_str().unwrap().starts_with("run_live"))
        .unwrap()
        .clone();
    assert!(["running", "waiting"].contains(&base0["status"].as_str().unwrap()));
    let again = second["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["runId"] == base0["runId"])
        .unwrap();
    assert_eq!(again["status"], "success");
    assert_ne!(again["finishedAt"], "");
    assert!(again["totalCu"].as_f64().unwrap() > base0["totalCu"].as_f64().unwrap());
    // Newest first, and the list is 45 + 6 long now... so 51 with the next 3.
    let tail = page(addr, "live-contract", 100, 0).await;
    assert_eq!(tail["items"].as_array().unwrap().len(), 45 + 9);
    assert_eq!(tail["hasMore"], false);
    // Other live orgs have their own counters.
    let other = page(addr, "live-other", 100, 0).await;
    assert_eq!(other["items"].as_array().unwrap().len(), 45 + 3);
    let served = request(addr, "GET", "/__demo/served?org=live-contract", &[])
        .await
        .json();
    let served = served.as_array().unwrap();
    assert_eq!(served.len(), 3);
    assert_eq!(served[2]["items"].as_array().unwrap().len(), 54);
    assert_eq!(served[0]["items"][0]["runId"], first["items"][0]["runId"]);
    assert_eq!(
        served[0]["items"][0]["totalCu"],
        first["items"][0]["totalCu"]
    );
}

#[tokio::test]
async fn cap_limit_same_page_and_empty_more_orgs_misbehave_as_documented() {
    let addr = start(fixed_options()).await;
    // cap-limit applies at most 50 whatever is asked, and says so.
    let options = Options {
        runs: 120,
        ..fixed_options()
    };
    let addr120 = start(options).await;
    let capped = page(addr120, "cap-limit", 100, 0).await;
    assert_eq!(capped["limit"], 50);
    assert_eq!(capped["items"].as_array().unwrap().len(), 50);
    assert_eq!(capped["hasMore"], true);
    let next = page(addr120, "cap-limit", 100, 50).await;
    assert_eq!(next["offset"], 50);
    assert_eq!(
        ids(&next)[0],
        ids(&page(addr120, "cap-limit", 1, 50).await)[0]
    );
    // same-page ignores offset: the same runs, and the offset it applied.
    let p0 = page(addr, "same-page", 10, 0).await;
    let p3 = page(addr, "same-page", 10, 30).await;
    assert_eq!(ids(&p0), ids(&p3));
    assert_eq!(p3["offset"], 0);
    // empty-more: the first page, then empty pages that say more exist.
    let first = page(addr, "empty-more", 10, 0).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 10);
    let empty = page(addr, "empty-more", 10, 10).await;
    assert_eq!(empty["items"].as_array().unwrap().len(), 0);
    assert_eq!(empty["hasMore"], true);
}

#[tokio::test]
async fn fault_redirect_sends_the_client_elsewhere() {
    let addr = start(fixed_options()).await;
    let r = request(
        addr,
        "GET",
        "/v1/organizations/fault-redirect/cu/runs?limit=5&offset=0",
        &[AUTH],
    )
    .await;
    assert_eq!(r.status, 307);
    assert_eq!(
        r.header("location"),
        Some("/v1/organizations/redirected/cu/runs?limit=5&offset=0")
    );
}

#[tokio::test]
async fn echo_offset_serves_from_zero_but_echoes_the_asked_offset() {
    let addr = start(fixed_options()).await;
    let p0 = page(addr, "echo-offset", 10, 0).await;
    let p20 = page(addr, "echo-offset", 10, 20).await;
    assert_eq!(ids(&p0), ids(&p20), "the same runs whatever the offset");
    assert_eq!(p0["offset"], 0);
    assert_eq!(p20["offset"], 20, "the asked offset, not the applied one");
    assert_eq!(p20["limit"], 10);
    assert_eq!(p20["hasMore"], true);
    assert_eq!(ids(&p20).len(), 10);
}

#[tokio::test]
async fn no_offset_pages_correctly_without_data_offset() {
    let addr = start(fixed_options()).await;
    let mut seen = std::collections::HashSet::new();
    let mut offset = 0;
    loop {
        let p = page(addr, "no-offset", 20, offset).await;
        assert!(p.get("offset").is_none(), "data.offset must be absent: {p}");
        assert_eq!(p["limit"], 20);
        for id in ids(&p) {
            assert!(seen.insert(id), "pages overlap");
        }
        offset += p["items"].as_array().unwrap().len() as u64;
        if p["hasMore"] == false {
            break;
        }
    }
    assert_eq!(seen.len(), 45);
}

#[tokio::test]
async fn ignore_limit_returns_5000_runs_whatever_limit_is_asked() {
    let addr = start(fixed_options()).await;
    let first = page(addr, "ignore-limit", 20, 0).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 5_000);
    assert_eq!(first["limit"], 20, "data.limit echoes the asked limit");
    assert_eq!(first["offset"], 0);
    assert_eq!(first["hasMore"], true);
    let next = page(addr, "ignore-limit", 1, 5_000).await;
    assert_eq!(next["items"].as_array().unwrap().len(), 5_000);
    assert_eq!(next["limit"], 1);
    assert_eq!(next["offset"], 5_000);
    assert_eq!(next["hasMore"], true);
    let a: std::collections::HashSet<String> = ids(&first).into_iter().collect();
    assert!(
        ids(&next).iter().all(|id| !a.contains(id)),
        "contiguous pages do not overlap"
    );
    // At least 12,000 runs whatever --runs says (45 here).
    let last = page(addr, "ignore-limit", 100, 10_000).await;
    assert_eq!(last["items"].as_array().unwrap().len(), 2_000);
    assert_eq!(last["hasMore"], false);
    let exact = page(addr, "ignore-limit", 100, 7_000).await;
    assert_eq!(exact["items"].as_array().unwrap().len(), 5_000);
    assert_eq!(exact["hasMore"], false);
}

#[tokio::test]
async fn huge_body_is_a_64_mib_json_page() {
    let addr = start(fixed_options()).await;
    for _ in 0..2 {
        let r = request(addr, "GET", "/v1/organizations/huge-body/cu/runs", &[AUTH]).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(
            r.header("content-length"),
            Some(demo_api::HUGE_BODY_BYTES.to_string().as_str())
        );
        assert!(r.header("x-request-id").unwrap().starts_with("req_"));
        assert_eq!(r.body.len(), 64 * 1024 * 1024);
        let v = r.json();
        assert_eq!(v["code"], 0);
        assert!(v["padding"].as_str().unwrap().len() > 60 * 1024 * 1024);
        assert_eq!(v["data"]["items"].as_array().unwrap().len(), 20);
    }
    // Without a token it is the usual 401.
    let r = request(addr, "GET", "/v1/organizations/huge-body/cu/runs", &[]).await;
    assert_eq!(r.status, 401);
}

#[tokio::test]
async fn echo_auth_repeats_the_authorization_header_in_its_error() {
    let addr = start(fixed_options()).await;
    let r = request(
        addr,
        "GET",
        "/v1/organizations/echo-auth/cu/runs",
        &[("Authorization", "Bearer sekrit-123")],
    )
    .await;
    assert_eq!(r.status, 500);
    let v = r.json();
    assert_eq!(v["code"], 500);
    assert_eq!(
        v["message"],
        "upstream rejected Authorization: Bearer sekrit-123"
    );
    let details = v["details"].as_array().unwrap();
    assert!(details.iter().any(|d| d
        .as_str()
        .unwrap()
        .contains("Authorization: Bearer sekrit-123")));
    assert!(v["requestId"].as_str().unwrap().starts_with("req_"));
}

#[tokio::test]
async fn late_copy_answers_an_earlier_request_last_with_stale_copies() {
    use std::time::{Duration, Instant};
    let addr = start(aids_options()).await;
    let t0 = Instant::now();
    // Request 1 (odd, offset 0): held 600 ms, the newest 5 still running.
    let first = tokio::spawn(async move {
        let p = page(addr, "late-copy", 10, 0).await;
        (p, Instant::now())
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    // Request 2 (even): at once, the newest 5 finished with more CU.
    let second = page(addr, "late-copy", 10, 0).await;
    let second_at = Instant::now();
    let (first, first_at) = first.await.unwrap();
    assert!(first_at > second_at, "the earlier request answers last");
    assert!(first_at - t0 >= Duration::from_millis(demo_api::LATE_COPY_DELAY_MS));
    assert_eq!(ids(&first), ids(&second));
    for i in 0..10 {
        let (old, new) = (&first["items"][i], &second["items"][i]);
        if i < 5 {
            assert_eq!(old["status"], "running", "{i}");
            assert_eq!(old["finishedAt"], "");
            assert_eq!(new["status"], "success", "{i}");
            assert_ne!(new["finishedAt"], "");
            assert!(new["totalCu"].as_f64().unwrap() > old["totalCu"].as_f64().unwrap());
        } else {
            assert_eq!(old, new, "{i}: only the newest 5 change");
        }
    }
    // Request 3 (odd, offset 0): stale again and late; 4 (even): at once.
    let started = Instant::now();
    let third = page(addr, "late-copy", 10, 0).await;
    assert!(started.elapsed() >= Duration::from_millis(demo_api::LATE_COPY_DELAY_MS));
    assert_eq!(third["items"], first["items"]);
    let fourth = page(addr, "late-copy", 10, 0).await;
    assert_eq!(fourth["items"], second["items"]);
    // Request 5 is odd but not at offset 0: at once, final copies.
    let started = Instant::now();
    let fifth = page(addr, "late-copy", 3, 2).await;
    assert!(started.elapsed() < Duration::from_millis(demo_api::LATE_COPY_DELAY_MS));
    assert_eq!(fifth["items"][0], second["items"][2]);
    // What was served, in the order it was sent.
    let served = request(addr, "GET", "/__demo/served?org=late-copy", &[])
        .await
        .json();
    let order: Vec<u64> = served
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["request"].as_u64().unwrap())
        .collect();
    assert_eq!(order, [2, 1, 3, 4, 5]);
}

// --- Shapes real servers send: --timestamps, --ids, --workflows ---

use demo_api::data::{Ids, Timestamps};

/// Every item of `org`'s first `n` runs (pages of 100).
async fn all_items(addr: SocketAddr, org: &str, n: u64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut offset = 0;
    while offset < n {
        let p = page(addr, org, 100.min(n - offset), offset).await;
        let items = p["items"].as_array().unwrap();
        if items.is_empty() {
            break;
        }
        offset += items.len() as u64;
        out.extend(items.iter().cloned());
    }
    out
}

/// `text` with every ASCII digit written as `9`, for shape checks:
/// `2026-11-28T10:15:00Z` has the shape `9999-99-99T99:99:99Z`.
fn shape(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect()
}

/// The shape each `--timestamps` mode writes (for `offset`, with the offsets
/// it uses).
fn expected_shapes(mode: Timestamps) -> &'static [&'static str] {
    match mode {
        Timestamps::Seconds => &["9999-99-99T99:99:99Z"],
        Timestamps::Millis => &["9999-99-99T99:99:99.999Z"],
        Timestamps::Micros => &["9999-99-99T99:99:99.999999Z"],
        Timestamps::Nanos => &["9999-99-99T99:99:99.999999999Z"],
        Timestamps::Offset => &[
            "9999-99-99T99:99:99.999+99:99",
            "9999-99-99T99:99:99.999-99:99",
        ],
    }
}

const MODES: [Timestamps; 5] = [
    Timestamps::Seconds,
    Timestamps::Millis,
    Timestamps::Micros,
    Timestamps::Nanos,
    Timestamps::Offset,
];

/// Parses an RFC 3339 date-time (`Z` or a numeric offset, any number of
/// fraction digits) to nanoseconds since the epoch; written here, not
/// taken from the server's code, so the test checks the server.
fn instant_nanos(text: &str) -> i128 {
    let bad = || -> String { format!("not an RFC 3339 date-time: {text:?}") };
    let num = |s: &str| s.parse::<i128>().unwrap_or_else(|_| panic!("{}", bad()));
    let (date, rest) = text.split_once('T').unwrap_or_else(|| panic!("{}", bad()));
    let (body, offset_minutes) = if let Some(b) = rest.strip_suffix('Z') {
        (b, 0)
    } else {
        let at = rest
            .rfind(['+', '-'])
            .unwrap_or_else(|| panic!("{}", bad()));
        let (b, off) = rest.split_at(at);
        let (h, m) = off[1..]
            .split_once(':')
            .unwrap_or_else(|| panic!("{}", bad()));
        let minutes = num(h) * 60 + num(m);
        (
            b,
            if off.starts_with('-') {
                -minutes
            } else {
                minutes
            },
        )
    };
    let (hms, frac) = body.split_once('.').unwrap_or((body, ""));
    assert!(
        frac.len() <= 9 && frac.bytes().all(|b| b.is_ascii_digit()),
        "{text}"
    );
    let frac_nanos = if frac.is_empty() {
        0
    } else {
        num(&format!("{frac:0<9}"))
    };
    let d: Vec<i128> = date.split('-').map(num).collect();
    let t: Vec<i128> = hms.split(':').map(num).collect();
    assert!(d.len() == 3 && t.len() == 3, "{text}");
    // Days from the civil date (proleptic Gregorian).
    let (y, m) = if d[1] <= 2 {
        (d[0] - 1, d[1] + 9)
    } else {
        (d[0], d[1] - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d[2] - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    let seconds = days * 86_400 + t[0] * 3_600 + t[1] * 60 + t[2] - offset_minutes * 60;
    seconds * 1_000_000_000 + frac_nanos
}

#[test]
fn the_test_parser_reads_offsets_and_fractions() {
    let z = instant_nanos("2026-11-28T10:15:00.123Z");
    assert_eq!(z, 1_795_860_900_123_000_000);
    assert_eq!(instant_nanos("2026-11-28T15:45:00.123+05:30"), z);
    assert_eq!(instant_nanos("2026-11-28T02:15:00.123-08:00"), z);
    assert_eq!(instant_nanos("2026-11-28T10:15:00.123456789Z"), z + 456_789);
    assert_eq!(instant_nanos("2026-11-28T10:15:00Z"), z - 123_000_000);
}

fn options_with(timestamps: Timestamps) -> Options {
    Options {
        timestamps,
        ..fixed_options()
    }
}

#[tokio::test]
async fn the_default_timestamps_are_rfc3339_seconds_as_go_sends_them() {
    assert_eq!(Options::default().timestamps, Timestamps::Seconds);
    let addr = start(fixed_options()).await;
    let p = page(addr, "acme", 45, 0).await;
    for item in p["items"].as_array().unwrap() {
        assert_eq!(
            shape(item["startedAt"].as_str().unwrap()),
            "9999-99-99T99:99:99Z"
        );
    }
}

#[tokio::test]
async fn each_timestamp_mode_writes_its_shape() {
    for mode in MODES {
        let addr = start(options_with(mode)).await;
        let items = all_items(addr, "acme", 45).await;
        assert_eq!(items.len(), 45);
        let mut offsets = std::collections::HashSet::new();
        for item in &items {
            let started = item["startedAt"].as_str().unwrap();
            assert!(
                expected_shapes(mode).contains(&shape(started).as_str()),
                "{mode:?}: startedAt {started:?}"
            );
            let finished = item["finishedAt"].as_str().unwrap();
            if ["running", "waiting"].contains(&item["status"].as_str().unwrap()) {
                assert_eq!(finished, "", "{mode:?}: a run going has no finishedAt");
            } else {
                assert!(
                    expected_shapes(mode).contains(&shape(finished).as_str()),
                    "{mode:?}: finishedAt {finished:?}"
                );
            }
            if mode == Timestamps::Offset {
                let offset = &started[started.len() - 6..];
                assert!(!offset.ends_with("00:00"), "a non-UTC offset: {started}");
                offsets.insert(offset.to_owned());
                if !finished.is_empty() {
                    assert!(finished.ends_with(offset), "one offset per run: {item}");
                }
            }
        }
        if mode == Timestamps::Offset {
            let mut offsets: Vec<_> = offsets.into_iter().collect();
            offsets.sort();
            assert_eq!(offsets, ["+05:30", "-08:00"], "alternating per run");
        }
    }
}

#[tokio::test]
async fn every_timestamp_mode_describes_the_same_instants_and_changes_nothing_else() {
    let mut replies = Vec::new();
    for mode in MODES {
        let addr = start(options_with(mode)).await;
        // A normal org, a live one (runs arriving and finishing) and
        // late-copy (runs finishing), read the same way in each mode.
        let mut items = all_items(addr, "acme", 45).await;
        for org in ["live-t", "live-t", "late-copy", "late-copy"] {
            items.extend(
                page(addr, org, 10, 0).await["items"]
                    .as_array()
                    .unwrap()
                    .clone(),
            );
        }
        replies.push((mode, items));
    }
    let millis = replies[1].1.clone();
    assert_eq!(replies[1].0, Timestamps::Millis);
    for (mode, items) in &replies {
        assert_eq!(items.len(), millis.len());
        for (item, reference) in items.iter().zip(&millis) {
            for key in ["runId", "workflowId", "status", "totalCu", "triggerSource"] {
                assert_eq!(item[key], reference[key], "{mode:?}: {key} changed");
            }
            let mut at = [0i128; 2];
            for (n, key) in ["startedAt", "finishedAt"].into_iter().enumerate() {
                let (text, ms_text) = (
                    item[key].as_str().unwrap(),
                    reference[key].as_str().unwrap(),
                );
                assert_eq!(text.is_empty(), ms_text.is_empty(), "{mode:?} {key}");
                if text.is_empty() {
                    continue;
                }
                let (nanos, ms_nanos) = (instant_nanos(text), instant_nanos(ms_text));
                at[n] = nanos;
                match mode {
                    // Truncated to the second.
                    Timestamps::Seconds => {
                        assert_eq!(
                            nanos,
                            ms_nanos.div_euclid(1_000_000_000) * 1_000_000_000,
                            "{text} vs {ms_text}"
                        )
                    }
                    // The same millisecond; micros/nanos add digits below it.
                    _ => assert_eq!(
                        nanos.div_euclid(1_000_000),
                        ms_nanos / 1_000_000,
                        "{text} vs {ms_text}"
                    ),
                }
            }
            if at[1] != 0 {
                assert!(
                    at[1] >= at[0],
                    "{mode:?}: finished before it started: {item}"
                );
            }
        }
    }
    // micros is nanos cut to the microsecond: the same instant, less precise.
    let (micros, nanos) = (&replies[2].1, &replies[3].1);
    for (a, b) in micros.iter().zip(nanos) {
        let (a, b) = (
            a["startedAt"].as_str().unwrap(),
            b["startedAt"].as_str().unwrap(),
        );
        assert_eq!(
            instant_nanos(a),
            instant_nanos(b) / 1_000 * 1_000,
            "{a} vs {b}"
        );
    }
    // The digits below the millisecond vary (not all zero).
    assert!(nanos
        .iter()
        .any(|i| !i["startedAt"].as_str().unwrap().ends_with("000000Z")));
}

/// Whether `text` is a UUID v4: 8-4-4-4-12 lowercase hex, version nibble 4,
/// variant bits 10 (the fourth group starts with 8, 9, a or b).
fn is_uuid_v4(text: &str) -> bool {
    let b = text.as_bytes();
    text.len() == 36
        && b.iter().enumerate().all(|(i, &c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == b'-'
            } else {
                c.is_ascii_digit() || (b'a'..=b'f').contains(&c)
            }
        })
        && b[14] == b'4'
        && b"89ab".contains(&b[19])
}

#[test]
fn the_uuid_check_rejects_near_misses() {
    assert!(is_uuid_v4("3f1c2b4a-9d8e-4f7a-b6c5-0123456789ab"));
    for bad in [
        "3f1c2b4a-9d8e-3f7a-b6c5-0123456789ab", // version 3
        "3f1c2b4a-9d8e-4f7a-c6c5-0123456789ab", // variant 110
        "3F1C2B4A-9D8E-4F7A-B6C5-0123456789AB", // upper case
        "3f1c2b4a9d8e4f7ab6c50123456789ab",     // no dashes
        "run_71513573000000",
    ] {
        assert!(!is_uuid_v4(bad), "{bad}");
    }
}

#[tokio::test]
async fn uuid_ids_are_v4_unique_stable_and_one_per_workflow() {
    let uuid_options = || Options {
        ids: Ids::Uuid,
        runs: 1_500,
        ..fixed_options()
    };
    let addr = start(uuid_options()).await;
    let other = start(uuid_options()).await;
    let short = start(Options {
        runs: 1_500,
        ..fixed_options()
    })
    .await;
    let first = page(addr, "acme", 100, 0).await;
    let items = first["items"].as_array().unwrap();
    let mut run_ids = std::collections::HashSet::new();
    for item in items {
        let (run, wf) = (
            item["runId"].as_str().unwrap(),
            item["workflowId"].as_str().unwrap(),
        );
        assert!(is_uuid_v4(run), "runId {run:?}");
        assert!(is_uuid_v4(wf), "workflowId {wf:?}");
        assert!(run_ids.insert(run.to_owned()), "duplicate runId {run}");
    }
    // Stable: the same page again, and from another server.
    assert_eq!(page(addr, "acme", 100, 0).await["items"], first["items"]);
    assert_eq!(page(other, "acme", 100, 0).await["items"], first["items"]);
    // Unique over all the org's runs; one UUID per workflow and the other
    // way round; everything else as with short ids.
    let all = all_items(addr, "acme", 1_500).await;
    let all_short = all_items(short, "acme", 1_500).await;
    assert_eq!(all.len(), 1_500);
    let unique: std::collections::HashSet<&str> =
        all.iter().map(|i| i["runId"].as_str().unwrap()).collect();
    assert_eq!(unique.len(), 1_500);
    let mut by_name = std::collections::HashMap::new();
    let mut by_uuid = std::collections::HashMap::new();
    for (u, s) in all.iter().zip(&all_short) {
        let (uw, sw) = (
            u["workflowId"].as_str().unwrap(),
            s["workflowId"].as_str().unwrap(),
        );
        assert_eq!(*by_name.entry(sw).or_insert(uw), uw, "{sw} has two UUIDs");
        assert_eq!(
            *by_uuid.entry(uw).or_insert(sw),
            sw,
            "{uw} names two workflows"
        );
        for key in [
            "status",
            "startedAt",
            "finishedAt",
            "totalCu",
            "triggerSource",
        ] {
            assert_eq!(u[key], s[key], "{key} changed with --ids uuid");
        }
    }
    assert_eq!(by_name.len(), 12);
    // Another org has its own UUIDs.
    let globex = page(addr, "globex", 100, 0).await;
    assert!(globex["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| !by_uuid.contains_key(i["workflowId"].as_str().unwrap())));
    // Runs arriving at a live org have UUIDs too.
    page(addr, "live-u", 1, 0).await;
    let live = page(addr, "live-u", 20, 0).await;
    let live_ids = ids(&live);
    assert!(live_ids.iter().all(|id| is_uuid_v4(id)), "{live_ids:?}");
    let distinct: std::collections::HashSet<&String> = live_ids.iter().collect();
    assert_eq!(distinct.len(), live_ids.len());
}

/// The named workflows: the demo's data with `--workflows 12` (the default).
const NAMED: [&str; 12] = [
    "billing-sync",
    "invoice-reconcile",
    "crm-contacts-import",
    "slack-alerts",
    "daily-report-email",
    "token-price-watch",
    "wallet-activity-monitor",
    "gmail-triage",
    "onchain-indexer",
    "support-ticket-router",
    "erc20-payouts",
    "data-warehouse-export",
];

#[tokio::test]
async fn the_default_workflows_are_the_original_data() {
    assert_eq!(Options::default().workflows, 12);
    let addr = start(Options {
        workflows: 12,
        timestamps: Timestamps::Millis,
        ..fixed_options()
    })
    .await;
    let items = all_items(addr, "acme", 45).await;
    // Runs as the demo sent them before these flags (runs 45, seed 7,
    // now 2026-11-18T11:06:40Z, org acme): ids, times, CU, workflows.
    let expected = [
        (
            0,
            r#"{"finishedAt":"","runId":"run_71513573000000","startedAt":"2026-11-18T01:41:52.012Z","status":"running","totalCu":2.1714,"triggerSource":"gmail-new-email-received","workflowId":"gmail-triage"}"#,
        ),
        (
            2,
            r#"{"finishedAt":"2026-11-15T01:20:37.993Z","runId":"run_813ba40e000002","startedAt":"2026-11-15T01:20:28.832Z","status":"failure","totalCu":0.5793,"triggerSource":"gmail-new-email-received","workflowId":"gmail-triage"}"#,
        ),
        (
            44,
            r#"{"finishedAt":"2026-09-18T16:34:29.199Z","runId":"run_ee92b3ca00002c","startedAt":"2026-09-18T16:34:26.046Z","status":"success","totalCu":1.3816,"triggerSource":"slack-mentions","workflowId":"slack-alerts"}"#,
        ),
    ];
    for (i, json) in expected {
        assert_eq!(
            items[i],
            serde_json::from_str::<Value>(json).unwrap(),
            "run {i}"
        );
    }
    let big = start(Options {
        runs: 1_500,
        ..fixed_options()
    })
    .await;
    let mut seen: Vec<String> = all_items(big, "acme", 1_500)
        .await
        .iter()
        .map(|i| i["workflowId"].as_str().unwrap().to_owned())
        .collect();
    seen.sort();
    seen.dedup();
    let mut named = NAMED.map(str::to_owned).to_vec();
    named.sort();
    assert_eq!(seen, named, "exactly the named workflows");
}

#[tokio::test]
async fn many_workflows_give_many_distinct_ids() {
    let addr = start(Options {
        runs: 5_000,
        workflows: 2_000,
        ..fixed_options()
    })
    .await;
    let items = all_items(addr, "acme", 5_000).await;
    assert_eq!(items.len(), 5_000);
    let mut distinct = std::collections::HashSet::new();
    for item in &items {
        let wf = item["workflowId"].as_str().unwrap();
        if !NAMED.contains(&wf) {
            // wf-0421-nightly-report: a number within 1..=2000, two words.
            let parts: Vec<&str> = wf.splitn(4, '-').collect();
            assert!(parts.len() == 4 && parts[0] == "wf", "{wf}");
            let n: u64 = parts[1].parse().unwrap_or_else(|_| panic!("{wf}"));
            assert!(parts[1].len() >= 4 && (13..=2_000).contains(&n), "{wf}");
            assert!(parts[2].bytes().all(|b| b.is_ascii_lowercase()), "{wf}");
        }
        distinct.insert(wf.to_owned());
    }
    assert!(
        distinct.len() > 1_500,
        "{} distinct workflows",
        distinct.len()
    );
    assert!(distinct.len() <= 2_000);
    // A workflow's name is the same in every org and on every request.
    let again = all_items(addr, "acme", 200).await;
    assert_eq!(&again[..], &items[..200]);
    let globex = all_items(addr, "globex", 5_000).await;
    let names_of = |items: &[Value]| -> std::collections::HashMap<String, String> {
        items
            .iter()
            .filter_map(|i| {
                let wf = i["workflowId"].as_str().unwrap();
                let (number, _) = wf.strip_prefix("wf-")?.split_once('-')?;
                Some((number.to_owned(), wf.to_owned()))
            })
            .collect()
    };
    let (a, g) = (names_of(&items), names_of(&globex));
    assert!(a.iter().filter(|(n, wf)| g.get(*n) == Some(wf)).count() > 1_000);
    assert!(a
        .iter()
        .all(|(n, wf)| g.get(n).is_none_or(|other| other == wf)));
    // One workflow: every run is in it.
    let one = start(Options {
        workflows: 1,
        ..fixed_options()
    })
    .await;
    let items = all_items(one, "acme", 45).await;
    assert!(items.iter().all(|i| i["workflowId"] == "billing-sync"));
}

#[test]
fn the_binary_refuses_bad_values_of_the_new_flags() {
    let bin = env!("CARGO_BIN_EXE_demo-api");
    for (args, needle) in [
        (
            ["--workflows", "0"],
            "--workflows must be a whole number from 1 to 1000000",
        ),
        (
            ["--workflows", "many"],
            "--workflows must be a whole number from 1 to 1000000",
        ),
        (
            ["--workflows", "1000001"],
            "--workflows must be a whole number from 1 to 1000000",
        ),
        (
            ["--timestamps", "rfc"],
            "--timestamps must be one of seconds, millis, micros, nanos, offset",
        ),
        (["--ids", "ulid"], "--ids must be short or uuid"),
    ] {
        let out = std::process::Command::new(bin).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
    let help = std::process::Command::new(bin)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in ["--timestamps MODE", "--ids MODE", "--workflows N"] {
        assert!(help.contains(flag), "--help lacks {flag}");
    }
}

/// `--flag=value` is read as `--flag value`, and `--host` takes a name:
/// the binary started with `--host=localhost --port=0 --runs=7` serves 7
/// runs on the address it prints.
#[test]
fn the_binary_reads_flag_equals_value() {
    let (line, reply) = binary_exchange(
        &["--host=localhost", "--port=0", "--runs=7", "--token=t=1"],
        "/v1/organizations/acme/cu/runs?limit=100",
        "t=1",
    );
    assert!(line.contains("(7 runs per org"), "{line}");
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    let body: Value = serde_json::from_str(reply.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(body["data"]["items"].as_array().unwrap().len(), 7);
}

/// The binary started with `args` (stopped again when done, also when the
/// test fails): the line it printed and its raw reply to one GET of `path`
/// with `token`, sent to the address that line names.
fn binary_exchange(args: &[&str], path: &str, token: &str) -> (String, String) {
    use std::io::{BufRead, BufReader, Read, Write};
    struct Server(std::process::Child);
    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut server = Server(
        std::process::Command::new(env!("CARGO_BIN_EXE_demo-api"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("{args:?}: no address in {line:?}"));
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    (line, reply)
}

/// Static files go out gzip-compressed to a browser that accepts it (as a
/// production server sends them); API answers are never compressed.
#[tokio::test]
async fn static_files_are_gzipped_when_accepted_and_api_answers_are_not() {
    let root = std::env::temp_dir().join(format!("demo-static-{}", std::process::id()));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg").join("big.js"), "let x = 1;\n".repeat(500)).unwrap();
    let addr = start(Options {
        root_dir: root.clone(),
        ..fixed_options()
    })
    .await;
    let gz = request(addr, "GET", "/pkg/big.js", &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(gz.status, 200);
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    let plain = request(addr, "GET", "/pkg/big.js", &[]).await;
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.body.len(), 5_500);
    // Text files say they are UTF-8 (a page without <meta charset> reads
    // "Läufe" as written); JSON answers are left as they are.
    std::fs::write(root.join("pkg").join("page.html"), "<p>Läufe</p>").unwrap();
    std::fs::write(root.join("pkg").join("s.css"), "p{}").unwrap();
    std::fs::write(root.join("pkg").join("index.d.ts"), "export {};").unwrap();
    for (path, ct) in [
        ("/pkg/page.html", "text/html; charset=utf-8"),
        ("/pkg/s.css", "text/css; charset=utf-8"),
        ("/pkg/index.d.ts", "text/plain; charset=utf-8"),
    ] {
        let r = request(addr, "GET", path, &[]).await;
        assert_eq!(r.header("content-type"), Some(ct), "{path}");
    }
    let js = request(addr, "GET", "/pkg/big.js", &[]).await;
    assert!(
        js.header("content-type")
            .is_some_and(|c| c.ends_with("; charset=utf-8")),
        "{:?}",
        js.header("content-type")
    );
    let api = request(
        addr,
        "GET",
        "/v1/organizations/acme/cu/runs?limit=5",
        &[AUTH, ("Accept-Encoding", "gzip")],
    )
    .await;
    assert_eq!(api.status, 200);
    assert_eq!(api.header("content-encoding"), None);
    let _ = std::fs::remove_dir_all(root);
}

// ---------------------------------------------------------------------------
// The ledger: `GET .../cu` and `GET .../cu/usage?yearMonth=YYYY-MM`.

use std::collections::BTreeMap;

const DAY_MS: i64 = 86_400_000;

/// The options of the ledger tests: enough runs that some cross midnight,
/// `now` = 2026-11-18T11:06:40Z, and millisecond timestamps so the oracle
/// sees the exact instants the server split by.
fn ledger_options() -> Options {
    Options {
        runs: 4_000,
        timestamps: Timestamps::Millis,
        ..fixed_options()
    }
}

/// A CU number in exact 1/10,000 units (checked to be finite, >= 0 and to
/// have at most 4 fraction digits).
fn cu(v: &Value) -> i64 {
    let x = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!(x.is_finite() && x >= 0.0, "{v}");
    let scaled = x * 10_000.0;
    assert!(
        (scaled - scaled.round()).abs() < 1e-3,
        "more than 4 fraction digits: {v}"
    );
    scaled.round() as i64
}

/// Every number in a JSON text is written plainly: an optional minus,
/// digits, and at most 4 fraction digits (no exponent).
fn assert_plain_numbers(body: &str) {
    let bytes = body.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'-' | b'0'..=b'9' if !in_string => {
                let start = i;
                while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']') {
                    i += 1;
                }
                let token = &body[start..i];
                let digits = token.strip_prefix('-').unwrap_or(token);
                let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
                assert!(
                    !whole.is_empty()
                        && whole.bytes().all(|b| b.is_ascii_digit())
                        && frac.len() <= 4
                        && frac.bytes().all(|b| b.is_ascii_digit())
                        && (!digits.contains('.') || !frac.is_empty()),
                    "not a plain number with <= 4 fraction digits: {token:?}"
                );
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// `GET .../cu/usage?yearMonth=...`: the reply (checked to be 200 with the
/// runs' envelope and plain numbers).
async fn usage(addr: SocketAddr, org: &str, year_month: &str) -> Value {
    let r = request(
        addr,
        "GET",
        &format!("/v1/organizations/{org}/cu/usage?yearMonth={year_month}"),
        &[AUTH],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_plain_numbers(&r.body);
    let v = r.json();
    assert_eq!(v["code"], 0);
    assert_eq!(v["message"], "successfully");
    assert!(v["requestId"].as_str().unwrap().starts_with("req_"));
    assert_eq!(r.header("x-request-id"), v["requestId"].as_str());
    assert_eq!(v["data"]["yearMonth"], year_month);
    v["data"].clone()
}

/// `GET .../cu`: `(balance, minThreshold)` in units.
async fn balance(addr: SocketAddr, org: &str) -> (i64, i64) {
    let r = request(addr, "GET", &format!("/v1/organizations/{org}/cu"), &[AUTH]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_plain_numbers(&r.body);
    let v = r.json();
    assert_eq!(v["code"], 0);
    (cu(&v["data"]["balance"]), cu(&v["data"]["minThreshold"]))
}

/// The day number of `YYYY-MM-DD`.
fn day_of(date: &str) -> i64 {
    (instant_nanos(&format!("{date}T00:00:00Z")) / 1_000_000 / i128::from(DAY_MS)) as i64
}

/// The oracle: every run's CU (in units) on the UTC days it ran, read from
/// the runs endpoint's items, split by walking its midnights: each day but
/// the last gets floor(cu * ms that day / total ms), the last the rest; a
/// run without `finishedAt` runs until `now_ms`. Also how many runs crossed
/// midnight and how many were still going.
fn runs_by_day(items: &[Value], now_ms: i64) -> (BTreeMap<i64, i64>, usize, usize) {
    let mut days = BTreeMap::new();
    let (mut crossing, mut going) = (0, 0);
    for item in items {
        let units = i128::from(cu(&item["totalCu"]));
        let ms = |text: &str| (instant_nanos(text) / 1_000_000) as i64;
        let start = ms(item["startedAt"].as_str().unwrap());
        let end = match item["finishedAt"].as_str().unwrap_or("") {
            "" => {
                going += 1;
                now_ms
            }
            text => ms(text),
        };
        // (day, ms of the run in it)
        let mut pieces = Vec::new();
        let mut t = start;
        while t < end {
            let midnight = (t.div_euclid(DAY_MS) + 1) * DAY_MS;
            let stop = midnight.min(end);
            pieces.push((t.div_euclid(DAY_MS), stop - t));
            t = stop;
        }
        if pieces.is_empty() {
            pieces.push((start.div_euclid(DAY_MS), 0));
        }
        if pieces.len() > 1 {
            crossing += 1;
        }
        let total = i128::from(end - start);
        let mut given = 0;
        for (n, &(day, in_day)) in pieces.iter().enumerate() {
            let part = if n + 1 == pieces.len() {
                units - given
            } else {
                units * i128::from(in_day) / total
            };
            given += part;
            *days.entry(day).or_insert(0) += part as i64;
        }
    }
    (days, crossing, going)
}

/// The ledger's `used` by day over `months`, checking on the way that
/// every month is consistent: the summary's `used` is the sum of its days,
/// each day's breakdown sums to its `used`, counts are integers, lines are
/// sorted by CU descending, the days are the month's in order.
async fn ledger_by_day(addr: SocketAddr, org: &str, months: &[&str]) -> BTreeMap<i64, i64> {
    let mut out = BTreeMap::new();
    for month in months {
        let data = usage(addr, org, month).await;
        let daily = data["daily"].as_array().unwrap();
        let mut sum = 0;
        for (n, day) in daily.iter().enumerate() {
            let date = day["date"].as_str().unwrap();
            assert_eq!(date, format!("{month}-{:02}", n + 1));
            let used = cu(&day["used"]);
            let lines = day["breakdown"].as_array().unwrap();
            let mut line_sum = 0;
            let mut last_cu = i64::MAX;
            for line in lines {
                let kind = line["type"].as_str().unwrap();
                assert!(
                    ["trigger", "builtIn", "dynamic", "logic"].contains(&kind),
                    "{line}"
                );
                assert!(!line["nodeType"].as_str().unwrap().is_empty());
                assert!(line["count"].is_u64(), "count not an integer: {line}");
                let c = cu(&line["cu"]);
                assert!(c <= last_cu, "not sorted by cu: {date}");
                last_cu = c;
                line_sum += c;
            }
            assert_eq!(line_sum, used, "{org} {date}: breakdown sum");
            sum += used;
            out.insert(day_of(date), used);
        }
        assert_eq!(cu(&data["summary"]["used"]), sum, "{org} {month}: summary");
    }
    out
}

const LEDGER_MONTHS: [&str; 5] = ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12"];

#[tokio::test]
async fn ledger_usage_matches_the_runs_day_by_day_to_the_last_digit() {
    let opts = ledger_options();
    let now = opts.now_ms;
    let addr = start(opts).await;
    let items = all_items(addr, "acme", 4_000).await;
    assert_eq!(items.len(), 4_000);
    let (want, crossing, going) = runs_by_day(&items, now);
    assert!(crossing >= 1, "no run crosses midnight");
    assert!(going >= 1, "no run is still going");
    let got = ledger_by_day(addr, "acme", &LEDGER_MONTHS).await;
    // Every day of every month listed, up to today (the 18th of November).
    assert_eq!(got.len(), 31 + 30 + 31 + 18);
    assert_eq!(*got.keys().last().unwrap(), now.div_euclid(DAY_MS));
    for (day, units) in &want {
        assert_eq!(got.get(day), Some(units), "day {day}");
    }
    for (day, units) in &got {
        assert_eq!(*units, want.get(day).copied().unwrap_or(0), "day {day}");
    }
    // The month before the first run: every day, all zero, nothing
    // deposited or granted; the month after now: no days, all zero.
    for month in ["2026-08", "2026-12", "2027-01"] {
        let data = usage(addr, "acme", month).await;
        for key in ["deposited", "granted", "used"] {
            assert_eq!(cu(&data["summary"][key]), 0, "{month} {key}");
        }
        let days = data["daily"].as_array().unwrap();
        assert_eq!(days.len(), if month == "2026-08" { 31 } else { 0 });
        assert!(days
            .iter()
            .all(|d| cu(&d["used"]) == 0 && d["breakdown"].as_array().unwrap().is_empty()));
    }
    // A run's trigger names its trigger node.
    let nov = usage(addr, "acme", "2026-11").await;
    let triggers: std::collections::HashSet<&str> = nov["daily"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["breakdown"].as_array().unwrap())
        .filter(|l| l["type"] == "trigger")
        .map(|l| l["nodeType"].as_str().unwrap())
        .collect();
    assert!(triggers.contains("cronjob") && triggers.contains("webhook"));
}

#[tokio::test]
async fn the_ledger_is_the_same_whatever_the_id_and_timestamp_styles() {
    let base = start(ledger_options()).await;
    let want = usage(base, "acme", "2026-11").await;
    let want_balance = balance(base, "acme").await;
    for (timestamps, ids) in [
        (Timestamps::Seconds, Ids::Short),
        (Timestamps::Offset, Ids::Uuid),
    ] {
        let addr = start(Options {
            timestamps,
            ids,
            ..ledger_options()
        })
        .await;
        assert_eq!(usage(addr, "acme", "2026-11").await, want);
        assert_eq!(balance(addr, "acme").await, want_balance);
    }
}

#[tokio::test]
async fn the_balance_is_deposits_and_grants_minus_use() {
    let addr = start(ledger_options()).await;
    for org in ["acme", "globex", "ledger-drift", "low-balance", "empty"] {
        let (bal, min) = balance(addr, org).await;
        let mut sum = 0;
        for month in 1..=12 {
            let data = usage(addr, org, &format!("2026-{month:02}")).await;
            sum += cu(&data["summary"]["deposited"]) + cu(&data["summary"]["granted"])
                - cu(&data["summary"]["used"]);
        }
        assert_eq!(bal, sum, "{org}");
        assert!(min > 0, "{org}");
        if org != "low-balance" {
            assert!(bal > min, "{org}: {bal} <= {min}");
        }
    }
    // Deposits come on some months only; grants every month of the account.
    let sep = usage(addr, "acme", "2026-09").await;
    let oct = usage(addr, "acme", "2026-10").await;
    assert!(cu(&sep["summary"]["deposited"]) > 0);
    assert_eq!(cu(&oct["summary"]["deposited"]), 0);
    assert!(cu(&oct["summary"]["granted"]) > 0);
}

#[tokio::test]
async fn ledger_drift_differs_from_its_runs_on_exactly_two_known_days() {
    let opts = ledger_options();
    let now = opts.now_ms;
    let addr = start(opts).await;
    let items = all_items(addr, "ledger-drift", 4_000).await;
    let (want, _, _) = runs_by_day(&items, now);
    let got = ledger_by_day(addr, "ledger-drift", &LEDGER_MONTHS).await;
    let mut diffs = BTreeMap::new();
    for (day, units) in &got {
        let d = units - want.get(day).copied().unwrap_or(0);
        if d != 0 {
            diffs.insert(*day, d);
        }
    }
    let days = demo_api::ledger_drift_days(now);
    // 2026-11-03 and 2026-11-10 (now is the 18th).
    assert_eq!(days, [day_of("2026-11-03"), day_of("2026-11-10")]);
    let expected: BTreeMap<i64, i64> = days.into_iter().zip(demo_api::LEDGER_DRIFT_UNITS).collect();
    assert_eq!(diffs, expected);
    assert_eq!(demo_api::LEDGER_DRIFT_UNITS, [12_345, -5_000]);
    // Before the 11th the drift is in the month before.
    let nov_5 = instant_nanos("2026-11-05T08:00:00Z") / 1_000_000;
    assert_eq!(
        demo_api::ledger_drift_days(nov_5 as i64),
        [day_of("2026-10-03"), day_of("2026-10-10")]
    );
}

#[tokio::test]
async fn ledger_none_is_404_and_ledger_403_is_403_while_their_runs_work() {
    let addr = start(ledger_options()).await;
    for (org, status) in [("ledger-none", 404), ("ledger-403", 403)] {
        for path in ["cu", "cu/usage?yearMonth=2026-11"] {
            let r = request(
                addr,
                "GET",
                &format!("/v1/organizations/{org}/{path}"),
                &[AUTH],
            )
            .await;
            assert_eq!(r.status, status, "{org} {path}");
            let v = r.json();
            assert_eq!(v["code"], status);
            assert!(!v["message"].as_str().unwrap().is_empty());
            assert!(!v["details"].as_array().unwrap().is_empty());
            assert!(v["requestId"].as_str().unwrap().starts_with("req_"));
            assert!(v.get("data").is_none());
        }
        assert_eq!(
            page(addr, org, 20, 0).await["items"]
                .as_array()
                .unwrap()
                .len(),
            20
        );
    }
}

#[tokio::test]
async fn low_balance_is_below_its_minimum_with_a_few_days_of_runway() {
    let opts = ledger_options();
    let today = opts.now_ms.div_euclid(DAY_MS);
    let addr = start(opts).await;
    let (bal, min) = balance(addr, "low-balance").await;
    assert!(bal > 0 && bal < min, "{bal} {min}");
    let by_day = ledger_by_day(addr, "low-balance", &["2026-11"]).await;
    let week: i64 = (today - 7..today).map(|d| by_day[&d]).sum();
    let runway_days = bal as f64 / (week as f64 / 7.0);
    assert!((2.5..=3.5).contains(&runway_days), "{runway_days}");
    assert_eq!(demo_api::LOW_BALANCE_RUNWAY_DAYS, 3);
}

#[tokio::test]
async fn huge_month_has_50_million_runs_and_answers_its_ledger_at_once() {
    let addr = start(ledger_options()).await;
    assert_eq!(demo_api::HUGE_MONTH_RUNS, 50_000_000);
    let last = page(addr, "huge-month", 100, 49_999_999).await;
    assert_eq!(last["items"].as_array().unwrap().len(), 1);
    assert_eq!(last["hasMore"], false);
    let before = page(addr, "huge-month", 100, 49_999_899).await;
    assert_eq!(before["items"].as_array().unwrap().len(), 100);
    assert_eq!(before["hasMore"], true);
    let past = page(addr, "huge-month", 100, 50_000_000).await;
    assert_eq!(past["items"].as_array().unwrap().len(), 0);
    assert_eq!(past["hasMore"], false);
    let started = std::time::Instant::now();
    let by_day = ledger_by_day(addr, "huge-month", &["2026-10", "2026-11"]).await;
    let (bal, min) = balance(addr, "huge-month").await;
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(by_day.len(), 31 + 18);
    // About 800,000 runs a day at about 22 CU each.
    assert!(
        by_day.values().all(|&u| u > 1_000_000 * 10_000),
        "{by_day:?}"
    );
    assert!(bal > min && min > 0);
    let nov = usage(addr, "huge-month", "2026-11").await;
    let triggers: u64 = nov["daily"][0]["breakdown"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["type"] == "trigger")
        .map(|l| l["count"].as_u64().unwrap())
        .sum();
    assert!((700_000..=900_000).contains(&triggers), "{triggers}");
}

#[tokio::test]
async fn usage_needs_a_well_formed_year_month() {
    let addr = start(ledger_options()).await;
    for query in [
        "",
        "?",
        "?yearMonth=",
        "?yearMonth=2026-13",
        "?yearMonth=2026-1",
        "?yearMonth=2026-00",
        "?yearMonth=26-11",
        "?yearMonth=2026-11-01",
        "?yearMonth=2026%2F11",
        "?month=2026-11",
    ] {
        let r = request(
            addr,
            "GET",
            &format!("/v1/organizations/acme/cu/usage{query}"),
            &[AUTH],
        )
        .await;
        assert_eq!(r.status, 400, "{query}");
        let v = r.json();
        assert_eq!(v["code"], 400);
        assert_eq!(v["message"], "invalid parameters");
        let details = v["details"].as_array().unwrap();
        assert!(
            details
                .iter()
                .any(|d| d.as_str().unwrap().contains("yearMonth")),
            "{query}: {details:?}"
        );
        assert!(v["requestId"].as_str().unwrap().starts_with("req_"));
    }
    // Percent-encoded and with other parameters it is still read.
    for query in ["yearMonth=2026%2D11", "limit=5&yearMonth=2026-11"] {
        let r = request(
            addr,
            "GET",
            &format!("/v1/organizations/acme/cu/usage?{query}"),
            &[AUTH],
        )
        .await;
        assert_eq!(r.status, 200, "{query}");
        assert_eq!(r.json()["data"]["yearMonth"], "2026-11");
    }
    // The balance takes no parameters.
    assert_eq!(
        request(addr, "GET", "/v1/organizations/acme/cu?x=1", &[AUTH])
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn the_ledger_refuses_a_missing_token_exactly_as_the_runs_do() {
    let addr = start(ledger_options()).await;
    let paths = [
        "/v1/organizations/acme/cu/runs",
        "/v1/organizations/acme/cu",
        "/v1/organizations/acme/cu/usage?yearMonth=2026-11",
    ];
    for headers in [
        vec![],
        vec![("Authorization", "Basic dXNlcjpwYXNz")],
        vec![("Authorization", "Bearer ")],
    ] {
        let replies: Vec<Value> = futures_json(addr, &paths, &headers).await;
        for v in &replies {
            assert_eq!(v["code"], 401);
            assert_eq!(v["message"], replies[0]["message"]);
            assert_eq!(v["details"], replies[0]["details"]);
        }
    }
    // A bad yearMonth without a token is a 401, as the runs check the token first.
    let r = request(
        addr,
        "GET",
        "/v1/organizations/acme/cu/usage?yearMonth=x",
        &[],
    )
    .await;
    assert_eq!(r.status, 401);
    let strict = start(Options {
        token: Some("s3cret".into()),
        ..ledger_options()
    })
    .await;
    for path in &paths[1..] {
        let wrong = request(strict, "GET", path, &[AUTH]).await;
        assert_eq!(wrong.status, 401);
        assert_eq!(wrong.json()["message"], "invalid token");
        let right = request(strict, "GET", path, &[("Authorization", "Bearer s3cret")]).await;
        assert_eq!(right.status, 200);
    }
}

/// The JSON replies to `paths` (in order) with `headers`, each checked 401.
async fn futures_json(addr: SocketAddr, paths: &[&str], headers: &[(&str, &str)]) -> Vec<Value> {
    let mut out = Vec::new();
    for path in paths {
        let r = request(addr, "GET", path, headers).await;
        assert_eq!(r.status, 401, "{path}");
        out.push(r.json());
    }
    out
}

#[tokio::test]
async fn the_ledger_answers_cross_origin_as_the_runs_do() {
    let addr = start(ledger_options()).await;
    let preflight = |path: &'static str| async move {
        request(
            addr,
            "OPTIONS",
            path,
            &[
                ("Origin", "http://127.0.0.1:9999"),
                ("Access-Control-Request-Method", "GET"),
                ("Access-Control-Request-Headers", "authorization"),
            ],
        )
        .await
    };
    let runs = preflight("/v1/organizations/acme/cu/runs").await;
    let cors = |r: &Reply| -> Vec<Option<String>> {
        [
            "access-control-allow-origin",
            "access-control-allow-methods",
            "access-control-allow-headers",
            "access-control-max-age",
            "access-control-expose-headers",
        ]
        .iter()
        .map(|h| r.header(h).map(str::to_owned))
        .collect()
    };
    for path in [
        "/v1/organizations/acme/cu",
        "/v1/organizations/acme/cu/usage?yearMonth=2026-11",
    ] {
        let r = preflight(path).await;
        assert_eq!(r.status, runs.status, "{path}");
        assert_eq!(cors(&r), cors(&runs), "{path}");
        assert_eq!(r.header("access-control-allow-origin"), Some("*"));
        let get = request(
            addr,
            "GET",
            path,
            &[AUTH, ("Origin", "http://127.0.0.1:9999")],
        )
        .await;
        let runs_get = request(
            addr,
            "GET",
            "/v1/organizations/acme/cu/runs?limit=1",
            &[AUTH, ("Origin", "http://127.0.0.1:9999")],
        )
        .await;
        assert_eq!(get.header("access-control-allow-origin"), Some("*"));
        assert_eq!(cors(&get), cors(&runs_get), "{path}");
    }
}

#[tokio::test]
async fn ledger_fault_orgs_fail_as_their_runs_do() {
    let addr = start(ledger_options()).await;
    for path in ["cu", "cu/usage?yearMonth=2026-11"] {
        let at = |org: &str| format!("/v1/organizations/{org}/{path}");
        let r = request(addr, "GET", &at("fault-500"), &[AUTH]).await;
        assert_eq!(r.status, 500);
        assert!(!r.json()["details"].as_array().unwrap().is_empty());
        let r = request(addr, "GET", &at("fault-html"), &[AUTH]).await;
        assert_eq!(r.status, 502);
        assert!(r.body.starts_with("<html>"));
        let v = request(addr, "GET", &at("fault-code"), &[AUTH])
            .await
            .json();
        assert_ne!(v["code"], 0);
        assert!(v.get("data").is_none());
        let r = request(addr, "GET", &at("fault-badjson"), &[AUTH]).await;
        assert!(serde_json::from_str::<Value>(&r.body).is_err());
        let r = request(addr, "GET", &at("fault-429"), &[AUTH]).await;
        assert_eq!((r.status, r.header("retry-after")), (429, Some("1")));
        assert_eq!(
            request(addr, "GET", &at("fault-401"), &[AUTH]).await.status,
            401
        );
        let r = request(addr, "GET", &at("fault-redirect"), &[AUTH]).await;
        assert_eq!(r.status, 307);
        assert!(r
            .header("location")
            .unwrap()
            .starts_with("/v1/organizations/redirected/cu"));
        let v = request(addr, "GET", &at("fault-shape"), &[AUTH])
            .await
            .json();
        assert_eq!(v["code"], 0);
        let r = request(
            addr,
            "GET",
            &at("echo-auth"),
            &[("Authorization", "Bearer leaked-secret")],
        )
        .await;
        assert_eq!(r.status, 500);
        assert!(r.body.contains("leaked-secret"));
    }
    // fault-flaky: every other ledger request fails, counted apart from
    // its runs requests (whose own pattern is unchanged).
    assert_eq!(page_status(addr, "fault-flaky").await, 500);
    let statuses = futures_statuses(
        addr,
        "/v1/organizations/fault-flaky/cu/usage?yearMonth=2026-11",
        4,
    )
    .await;
    assert_eq!(statuses, vec![500, 200, 500, 200]);
    assert_eq!(page_status(addr, "fault-flaky").await, 200);
}

#[tokio::test]
async fn the_hostile_ledger_counts_only_runs_with_valid_cu_and_start() {
    let now = instant_nanos("2026-11-28T12:00:00Z") / 1_000_000;
    let addr = start(Options {
        now_ms: now as i64,
        ..ledger_options()
    })
    .await;
    let data = usage(addr, "hostile", "2026-11").await;
    // Valid: #4 1.25, #5 0.5, #8..#11 0.8, 0.9, 1.0, 1.1 (null, negative,
    // string, "Infinity", missing CU and a bad start are left out).
    assert_eq!(cu(&data["summary"]["used"]), 55_500);
    assert!(data["daily"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["breakdown"].as_array().unwrap())
        .any(|l| l["nodeType"].as_str().unwrap().contains("javascript:")));
}

#[tokio::test]
async fn ledger_requests_are_logged_apart_from_runs_requests_and_state_is_bounded() {
    let (router, handle) = app(Options {
        test_aids: true,
        ..fixed_options()
    });
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    request(addr, "GET", "/v1/organizations/acme/cu", &[AUTH]).await;
    request(
        addr,
        "GET",
        "/v1/organizations/acme/cu/usage?yearMonth=2026-11",
        &[],
    )
    .await;
    let runs_log = request(addr, "GET", "/__demo/requests?org=acme", &[])
        .await
        .json();
    assert_eq!(runs_log.as_array().unwrap().len(), 0);
    let log = request(addr, "GET", "/__demo/ledger-requests?org=acme", &[])
        .await
        .json();
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["endpoint"], "balance");
    assert_eq!(log[0]["hasToken"], true);
    assert_eq!(log[1]["endpoint"], "usage");
    assert_eq!(log[1]["query"], "yearMonth=2026-11");
    assert_eq!(log[1]["hasToken"], false);
    assert!(!log.iter().any(|r| r.to_string().contains("demo-token")));
    // Without the flag the log does not exist.
    let plain = start(fixed_options()).await;
    assert_eq!(
        request(plain, "GET", "/__demo/ledger-requests?org=acme", &[])
            .await
            .status,
        404
    );
    // Every org's ledger is kept with its state: bounded.
    for i in 0..300 {
        balance(addr, &format!("ledger-org-{i}")).await;
        assert!(handle.tracked_orgs() <= demo_api::MAX_TRACKED_ORGS);
    }
    assert_eq!(handle.tracked_orgs(), demo_api::MAX_TRACKED_ORGS);
}

/// The binary refuses what it cannot serve, with a sentence and exit 2
/// (never a panic): an impossible or malformed `--now`, an empty token that
/// no request could match, a `--runs` near the `u64` end, `--test-aids=1`.
#[test]
fn the_binary_refuses_bad_now_token_runs_and_a_valued_flag() {
    let bin = env!("CARGO_BIN_EXE_demo-api");
    let now = "--now must be an RFC 3339 time from 1970 to 9999";
    for (args, needle) in [
        (vec!["--now", "2026-11-28T12:00:00.\u{e9}\u{e9}Z"], now),
        (vec!["--now", "2026-13-45T99:99:99Z"], now),
        (vec!["--now", "2026-02-30T00:00:00Z"], now),
        (vec!["--now", "99999999999999-01-01T00:00:00Z"], now),
        (vec!["--now", "0000-01-01T00:00:00Z"], now),
        (vec!["--now=2026-11-28T12:00:00.-5Z"], now),
        (vec!["--token="], "--token must not be empty"),
        (vec!["--token", " "], "--token must not be empty"),
        (
            vec!["--runs", "18446744073709551615"],
            "--runs must be at most 1000000000000",
        ),
        (vec!["--test-aids=1"], "--test-aids takes no value"),
    ] {
        let out = std::process::Command::new(bin)
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// `--now` with an offset or in lower case is the same instant as its `Z`
/// form: the newest run of the binary started with `--now` at 13:00+01:00
/// is the one a `Z` server started at 12:00Z serves.
#[test]
fn the_binary_takes_now_with_an_offset() {
    let newest: Vec<Value> = [
        "2026-11-28T12:00:00Z",
        "2026-11-28T13:00:00+01:00",
        "2026-11-28t12:00:00z",
    ]
    .into_iter()
    .map(|now| {
        let now = format!("--now={now}");
        let (_, reply) = binary_exchange(
            &["--port=0", "--runs=3", "--timestamps=millis", &now],
            "/v1/organizations/acme/cu/runs?limit=3",
            "t",
        );
        let body: Value = serde_json::from_str(reply.split("\r\n\r\n").nth(1).unwrap()).unwrap();
        body["data"]["items"].clone()
    })
    .collect();
    assert!(newest[0].as_array().is_some_and(|a| a.len() == 3));
    assert_eq!(newest[0], newest[1]);
    assert_eq!(newest[0], newest[2]);
}

/// Any other path under `/v1/` is the API's JSON 404 (405 for a method it
/// does not take), with CORS, so a page on another origin reads it instead
/// of "Failed to fetch"; its preflight passes.
#[tokio::test]
async fn unknown_api_paths_answer_json_with_cors() {
    let addr = start(fixed_options()).await;
    let origin = ("Origin", "http://127.0.0.1:9999");
    for path in [
        "/v1/organizations/acme/cu/runz",
        "/v1/organizations/a/b/cu/runs",
        "/v1/organizations",
        "/v1",
    ] {
        let r = request(addr, "GET", path, &[AUTH, origin]).await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.json()["code"], 404, "{path}");
        assert!(r.json()["requestId"]
            .as_str()
            .is_some_and(|id| !id.is_empty()));
        assert_eq!(r.header("access-control-allow-origin"), Some("*"), "{path}");
        let pre = request(
            addr,
            "OPTIONS",
            path,
            &[
                origin,
                ("Access-Control-Request-Method", "GET"),
                ("Access-Control-Request-Headers", "authorization"),
            ],
        )
        .await;
        assert!(
            pre.status == 200 || pre.status == 204,
            "{path}: {}",
            pre.status
        );
        assert_eq!(
            pre.header("access-control-allow-origin"),
            Some("*"),
            "{path}"
        );
    }
    let post = request(
        addr,
        "POST",
        "/v1/organizations/acme/cu/runz",
        &[AUTH, origin],
    )
    .await;
    assert_eq!(post.status, 405);
    assert_eq!(post.json()["code"], 405);
    assert_eq!(post.header("access-control-allow-origin"), Some("*"));
}

/// The scheme is `Bearer` in any case (RFC 7235), and every 401 says which
/// scheme it wants in `WWW-Authenticate`.
#[tokio::test]
async fn bearer_in_any_case_and_401_names_its_scheme() {
    let addr = start(fixed_options()).await;
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let value = format!("{scheme} demo-token");
        let r = request(
            addr,
            "GET",
            "/v1/organizations/acme/cu/runs?limit=1",
            &[("Authorization", value.as_str())],
        )
        .await;
        assert_eq!(r.status, 200, "{scheme}");
    }
    let strict = start(Options {
        token: Some("s3cret".into()),
        ..fixed_options()
    })
    .await;
    for (at, path, headers) in [
        (addr, "/v1/organizations/acme/cu/runs", vec![]),
        (
            addr,
            "/v1/organizations/acme/cu",
            vec![("Authorization", "Basic dXNlcjpwYXNz")],
        ),
        (addr, "/v1/organizations/fault-401/cu/runs", vec![AUTH]),
        (strict, "/v1/organizations/acme/cu/runs", vec![AUTH]),
    ] {
        let r = request(at, "GET", path, &headers).await;
        assert_eq!(r.status, 401, "{path}");
        assert!(
            r.header("www-authenticate")
                .is_some_and(|v| v.starts_with("Bearer ")),
            "{path}: {:?}",
            r.header("www-authenticate")
        );
    }
}

/// An org id that is empty or not UTF-8 once decoded is the API's JSON 400,
/// after the token check (a request without a token is a 401 first).
#[tokio::test]
async fn empty_or_undecodable_org_ids_are_json_400_after_the_token() {
    let addr = start(fixed_options()).await;
    for path in [
        "/v1/organizations/%FF/cu/runs",
        "/v1/organizations//cu/runs",
        "/v1/organizations/%FF/cu",
        "/v1/organizations//cu",
        "/v1/organizations/%FF/cu/usage?yearMonth=2026-11",
        "/v1/organizations//cu/usage?yearMonth=2026-11",
    ] {
        assert_eq!(request(addr, "GET", path, &[]).await.status, 401, "{path}");
        let r = request(addr, "GET", path, &[AUTH]).await;
        assert_eq!(r.status, 400, "{path}");
        assert_eq!(r.json()["code"], 400, "{path}");
        assert!(
            r.json()["details"][0].as_str().unwrap().contains("orgId"),
            "{path}"
        );
    }
}

/// `live` and `live-…` are live; an org that merely starts with "live"
/// (`lively`) is an ordinary one.
#[tokio::test]
async fn only_live_and_live_dash_orgs_have_arrivals() {
    let addr = start(fixed_options()).await;
    for (org, grows) in [
        ("live", true),
        ("live-x", true),
        ("lively", false),
        ("livestock", false),
    ] {
        let first = page(addr, org, 1, 0).await["items"][0]["runId"].clone();
        let again = page(addr, org, 1, 0).await["items"][0]["runId"].clone();
        assert_eq!(first != again, grows, "{org}: {first} then {again}");
    }
}

/// `limit` and `offset` are form-decoded, as `yearMonth` is: `%35` is 5;
/// `+5` is " 5", not a number.
#[tokio::test]
async fn limit_and_offset_are_form_decoded() {
    let addr = start(fixed_options()).await;
    let get = |q: &'static str| async move {
        request(
            addr,
            "GET",
            &format!("/v1/organizations/acme/cu/runs?{q}"),
            &[AUTH],
        )
        .await
    };
    let encoded = get("limit=%35&offset=%31%30").await.json();
    let plain = get("limit=5&offset=10").await.json();
    assert_eq!(encoded["data"]["items"], plain["data"]["items"]);
    assert_eq!(encoded["data"]["items"].as_array().unwrap().len(), 5);
    assert_eq!(get("%6Cimit=5").await.json()["data"]["limit"], 5);
    assert_eq!(get("limit=+5").await.status, 400);
    // A long bad value is repeated cut to 40 characters.
    let long = get("limit=12345678901234567890123456789012345678901234567890&offset=x").await;
    assert_eq!(long.status, 400);
    assert_eq!(
        long.json()["details"],
        serde_json::json!([
            "limit must be an integer between 1 and 100 (got \"1234567890123456789012345678901234567890…\")",
            "offset must be an integer >= 0 (got \"x\")"
        ])
    );
}

/// Without the test aids, the whole `/__demo` space is 404 for every method;
/// `fault-redirect` without a query sends no dangling `?`.
#[tokio::test]
async fn demo_space_is_404_for_every_method_and_redirects_are_clean() {
    let addr = start(fixed_options()).await;
    for method in ["GET", "POST", "PUT", "DELETE"] {
        for path in ["/__demo", "/__demo/requests", "/__demo/x/y"] {
            assert_eq!(
                request(addr, method, path, &[]).await.status,
                404,
                "{method} {path}"
            );
        }
    }
    let r = request(
        addr,
        "GET",
        "/v1/organizations/fault-redirect/cu/runs",
        &[AUTH],
    )
    .await;
    assert_eq!(r.status, 307);
    assert_eq!(
        r.header("location"),
        Some("/v1/organizations/redirected/cu/runs")
    );
}
