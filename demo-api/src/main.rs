//! `demo-api`: serves the runs endpoint, its ledger siblings and the demo
//! pages on 127.0.0.1.

use std::net::SocketAddr;
use std::path::PathBuf;

use demo_api::data::{parse_rfc3339, Ids, Timestamps, MAX_RUNS, MAX_WORKFLOWS, NAMED_WORKFLOWS};
use demo_api::{router, Options};

const HELP: &str = "demo-api: a local CU runs API with realistic data

Endpoints (Bearer token, the same envelope, errors and CORS):
  GET /v1/organizations/{orgId}/cu/runs?limit=&offset=
  GET /v1/organizations/{orgId}/cu             {balance, minThreshold}
  GET /v1/organizations/{orgId}/cu/usage?yearMonth=YYYY-MM (required)
                     {yearMonth, summary {deposited, granted, used}, daily}
The ledger is derived from the same runs (same --seed, --runs, --now,
--workflows; never the id or timestamp style): a run's CU counts on the UTC
day(s) it ran, split across midnight by elapsed time, a run still going up
to --now.

USAGE: demo-api [OPTIONS]   (a value after its flag: --port 9000 or --port=9000)
  --host ADDR        address or name to bind (default 127.0.0.1)
  --port N           port (default 8080; 0 picks a free one)
  --runs N           runs per organization (default 1500, at most 10^12)
  --seed N           data seed (default 42)
  --now RFC3339      newest run time, e.g. 2026-11-28T12:00:00Z or
                     2026-11-28T13:00:00+01:00, 1970 to 9999 (default: now)
  --latency-ms N     added latency per API request (default 0)
  --token TOKEN      accept only this bearer token (default: any non-empty)
  --dist DIR         directory served at / (default dist)
  --root DIR         directory holding pkg/, examples/ and bench/ (default .)
  --test-aids        serve the test aids under /__demo/ (no value; default off)
  --timestamps MODE  how startedAt/finishedAt are written (default seconds);
                     the same instants in every mode, only the text differs:
                       seconds  2026-11-28T10:15:00Z (as Go's time.RFC3339:
                                no fraction; instants truncated to seconds)
                       millis   2026-11-28T10:15:00.123Z (the original form)
                       micros   2026-11-28T10:15:00.123456Z
                       nanos    2026-11-28T10:15:00.123456789Z
                       offset   2026-11-28T15:45:00.123+05:30 (even runs) and
                                2026-11-28T02:15:00.123-08:00 (odd runs)
                     (micros/nanos: the milliseconds, then digits derived
                     from the run; the hostile org's times never change)
  --ids MODE         short (default): run_5c696ef7000001, billing-sync;
                     uuid: run and workflow ids as UUID v4 strings, derived
                     from the seed, org and index (a workflow keeps its UUID)
  --workflows N      distinct workflows per organization, 1..=1000000
                     (default 12: the named ones, the original data; more
                     adds generated ones such as wf-0421-nightly-report,
                     the same in every org, each as frequent as the rarest
                     named one; fewer keeps the first N named ones)

Fault organizations: fault-500, fault-html (HTML 502), fault-code (200 with an
error code), fault-badjson, fault-shape (items not an array), fault-slow (2 s),
fault-slow20 (1.5 s when limit=20), fault-flaky (every other request fails),
fault-page2 (pages after the first fail), fault-429 (Retry-After: 1),
fault-401, fault-redirect (307 to the org \"redirected\"), empty, hostile
(markup, bidi, huge ids, invalid CU values).
Imperfect servers: live and live-... (3 new runs at the head per request;
their ledger covers the runs they started with, not the arrivals),
cap-limit (at most 50 a page), same-page (ignores offset, says 0),
empty-more (empty pages with hasMore after the first),
echo-offset (ignores offset, serves from 0, but echoes the asked offset),
no-offset (correct pages without data.offset),
ignore-limit (5000 runs a page whatever limit; at least 12000 runs; data.limit
echoes the asked limit),
huge-body (a 200 JSON reply of exactly 64 MiB: a page padded by a huge string;
the same whatever limit and offset),
echo-auth (500 whose message and details repeat the Authorization header),
late-copy (the newest 5 runs are finishing: requests 1, 3, 5... of this org,
counted at any offset, that ask for offset 0 answer after 600 ms with them running and a quarter of their
final CU; every other request answers at once with them succeeded and their
final CU; so a page request then a refresh sees the stale copy arrive last).
Ledger organizations: ledger-drift (its ledger differs from its runs on the
3rd (+1.2345 CU) and the 10th (-0.5 CU) of the month of --now, or of the
month before until the 11th), ledger-none (ledger 404), ledger-403 (ledger
403: no billing scope), low-balance (balance below minThreshold, 3 days of
its recent use), huge-month (50,000,000 runs; a ledger by formula that does
not reconcile with them). The fault organizations fail the ledger as they
fail the runs (fault-flaky counts its ledger requests apart).

Test aids (only with --test-aids; they answer cross-origin only to loopback
http origins, never *): GET /__demo/requests?org=ID lists an org's recent
requests as {org, query, hasToken, requestId} (no token is recorded);
GET /__demo/served?org=ID what a live... or late-copy org replied;
GET /__demo/ledger-requests?org=ID its ledger requests as {org, endpoint,
query, hasToken, requestId} (apart from the runs requests).
State is kept for at most 256 orgs (least recently used forgotten first) and
2000 replies per org.";

fn parse_args() -> Result<(SocketAddr, Options), String> {
    let mut options = Options::default();
    let mut host = "127.0.0.1".to_owned();
    let mut port: u16 = 8080;
    // `--flag=value` is read as `--flag value`.
    let mut args = std::env::args()
        .skip(1)
        .flat_map(|arg| match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") && flag != "--test-aids" => {
                vec![flag.to_owned(), value.to_owned()]
            }
            _ => vec![arg],
        });
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            println!("{HELP}");
            std::process::exit(0);
        }
        // Flags without a value.
        if flag == "--test-aids" {
            options.test_aids = true;
            continue;
        }
        if flag.starts_with("--test-aids=") {
            return Err("--test-aids takes no value (write --test-aids alone)".into());
        }
        const TAKES_A_VALUE: [&str; 12] = [
            "--host",
            "--port",
            "--runs",
            "--seed",
            "--latency-ms",
            "--now",
            "--token",
            "--dist",
            "--root",
            "--timestamps",
            "--ids",
            "--workflows",
        ];
        if !TAKES_A_VALUE.contains(&flag.as_str()) {
            return Err(format!("unknown option {flag} (see --help)"));
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |what: &str| {
            value
                .parse::<u64>()
                .map_err(|_| format!("{what} must be a non-negative integer, got {value:?}"))
        };
        match flag.as_str() {
            "--host" => host = value.clone(),
            "--port" => {
                port = u16::try_from(number("--port")?)
                    .map_err(|_| "--port must be at most 65535".to_owned())?
            }
            "--runs" => {
                options.runs = Some(number("--runs")?)
                    .filter(|n| *n <= MAX_RUNS)
                    .ok_or_else(|| format!("--runs must be at most {MAX_RUNS}, got {value:?}"))?
            }
            "--seed" => options.seed = number("--seed")?,
            "--latency-ms" => options.latency_ms = number("--latency-ms")?,
            "--now" => {
                options.now_ms = parse_rfc3339(&value).ok_or_else(|| {
                    format!(
                        "--now must be an RFC 3339 time from 1970 to 9999, such as \
                         2026-11-28T12:00:00Z or 2026-11-28T13:00:00+01:00, got {value:?}"
                    )
                })?
            }
            "--token" => {
                if value.trim().is_empty() {
                    return Err(
                        "--token must not be empty (leave it out to accept any token)".into(),
                    );
                }
                options.token = Some(value.clone())
            }
            "--dist" => options.dist_dir = PathBuf::from(&value),
            "--root" => options.root_dir = PathBuf::from(&value),
            "--timestamps" => {
                options.timestamps = Timestamps::parse(&value).ok_or_else(|| {
                    format!(
                        "--timestamps must be one of {}, got {value:?}",
                        Timestamps::NAMES.join(", ")
                    )
                })?
            }
            "--ids" => {
                options.ids = Ids::parse(&value)
                    .ok_or_else(|| format!("--ids must be short or uuid, got {value:?}"))?
            }
            "--workflows" => {
                options.workflows = value
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (1..=MAX_WORKFLOWS).contains(n))
                    .ok_or_else(|| {
                        format!(
                            "--workflows must be a whole number from 1 to {MAX_WORKFLOWS} \
                             (default {NAMED_WORKFLOWS}), got {value:?}"
                        )
                    })?
            }
            other => return Err(format!("unknown option {other} (see --help)")),
        }
    }
    // An address or a name (`localhost`), as the system resolves it.
    let addr: SocketAddr = std::net::ToSocketAddrs::to_socket_addrs(&(host.as_str(), port))
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| format!("bad --host/--port: {host}:{port}"))?;
    Ok((addr, options))
}

#[tokio::main]
async fn main() {
    let (addr, options) = match parse_args() {
        Ok(v) => v,
        Err(e) => {
            eprintln!("demo-api: {e}");
            std::process::exit(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("demo-api: cannot listen on {addr}: {e}");
            std::process::exit(1);
        }
    };
    let local = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    println!(
        "demo-api listening on http://{local}/ ({} runs per org{})",
        options.runs,
        if options.test_aids {
            ", test aids on"
        } else {
            ""
        }
    );
    let app = router(options);
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    {
        eprintln!("demo-api: {e}");
        std::process::exit(1);
    }
}
