//! The demo API's HTTP contract, over real HTTP on an ephemeral port.

use std::net::SocketAddr;

use demo_api::{router, Options};
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
            ("Access-Control-Request-Headers", "authorization"),
        ],
    )
    .await;
    assert!(r.status == 200 || r.status == 204, "{}", r.status);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase()
        .contains("authorization"));
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
async fn recent_requests_record_tokens_and_queries_per_org() {
    let addr = start(fixed_options()).await;
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
    request(addr, "GET", "/v1/organizations/other/cu/runs", &[AUTH]).await;
    let v = request(addr, "GET", "/__demo/requests?org=a%2Fb", &[])
        .await
        .json();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["token"], "tok-1");
    assert_eq!(items[1]["token"], "tok-2");
    assert_eq!(items[1]["query"], "limit=5&offset=15");
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
    let addr = start(fixed_options()).await;
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
