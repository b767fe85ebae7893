//! `demo-api`: serves the runs endpoint and the demo pages on 127.0.0.1.

use std::net::SocketAddr;
use std::path::PathBuf;

use demo_api::{data::parse_utc, router, Options};

const HELP: &str = "demo-api: a local CU runs API with realistic data

USAGE: demo-api [OPTIONS]
  --host ADDR        address to bind (default 127.0.0.1)
  --port N           port (default 8080; 0 picks a free one)
  --runs N           runs per organization (default 1500)
  --seed N           data seed (default 42)
  --now RFC3339      newest run time, e.g. 2026-11-28T12:00:00Z (default: now)
  --latency-ms N     added latency per API request (default 0)
  --token TOKEN      accept only this bearer token (default: any non-empty)
  --dist DIR         directory served at / (default dist)
  --root DIR         directory holding pkg/ and examples/ (default .)

Fault organizations: fault-500, fault-html (HTML 502), fault-code (200 with an
error code), fault-badjson, fault-shape (items not an array), fault-slow (2 s),
fault-slow20 (1.5 s when limit=20), fault-flaky (every other request fails),
fault-page2 (pages after the first fail), fault-429 (Retry-After: 1),
fault-401, empty, hostile (markup, bidi, huge ids, invalid CU values).
GET /__demo/requests?org=ID lists recent requests of an org (tests).";

fn parse_args() -> Result<(SocketAddr, Options), String> {
    let mut options = Options::default();
    let mut host = "127.0.0.1".to_owned();
    let mut port: u16 = 8080;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            println!("{HELP}");
            std::process::exit(0);
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
            "--runs" => options.runs = number("--runs")?,
            "--seed" => options.seed = number("--seed")?,
            "--latency-ms" => options.latency_ms = number("--latency-ms")?,
            "--now" => {
                options.now_ms = parse_utc(&value).ok_or_else(|| {
                    format!("--now must look like 2026-11-28T12:00:00Z, got {value:?}")
                })?
            }
            "--token" => options.token = Some(value.clone()),
            "--dist" => options.dist_dir = PathBuf::from(&value),
            "--root" => options.root_dir = PathBuf::from(&value),
            other => return Err(format!("unknown option {other} (see --help)")),
        }
    }
    let addr: SocketAddr = format!("{host}:{port}")
        .parse()
        .map_err(|_| format!("bad --host/--port: {host}:{port}"))?;
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
        "demo-api listening on http://{local}/ ({} runs per org)",
        options.runs
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
