#![cfg(target_arch = "wasm32")]
//! The HTTP client in a real browser against the demo API: a real gloo-net
//! fetch, and each failure mode mapped to the error a user can act on.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)] // test code: not shipped

mod common;

use common::demo_api;
use cu_cost_table::api::{
    ApiError, HttpConfig, HttpRunsSource, PageRequest, RunStatus, RunsSource, TokenSource,
};
use wasm_bindgen_test::*;
use web_sys::{AbortController, RequestCredentials};

wasm_bindgen_test_configure!(run_in_browser);

fn source(base: &str, org: &str, timeout_ms: u32) -> HttpRunsSource {
    HttpRunsSource::new(HttpConfig {
        api_base: base.to_owned(),
        org_id: org.to_owned(),
        token: TokenSource::Static("test-token".to_owned()),
        credentials: RequestCredentials::Omit,
        timeout_ms,
    })
}

async fn fetch(
    org: &str,
    limit: u32,
    offset: u64,
) -> Result<cu_cost_table::api::RunsPage, ApiError> {
    source(demo_api(), org, 10_000)
        .fetch_page(
            PageRequest::new(limit, offset),
            AbortController::new().unwrap(),
        )
        .await
}

#[wasm_bindgen_test]
async fn fetches_a_page_from_the_demo_api() {
    let page = fetch("acme", 20, 0).await.unwrap();
    assert_eq!(page.items.len(), 20);
    assert!(page.has_more);
    assert_eq!((page.limit, page.offset), (20, 0));
    assert!(page.request_id.unwrap().starts_with("req_"));
    assert!(page.items.iter().all(|r| r.started_ms.is_some()));
    // The two newest demo runs are in progress.
    assert!(page.items[0].status.in_progress());
    assert_eq!(page.items[1].status, RunStatus::Waiting);
    assert_eq!(page.items[1].finished_at(), None);
    let next = fetch("acme", 20, 20).await.unwrap();
    assert_eq!(next.offset, 20);
    assert_ne!(next.items[0].run_id, page.items[0].run_id);
}

#[wasm_bindgen_test]
async fn base_with_trailing_slash_and_org_with_reserved_characters() {
    let page = source(&format!("{}/", demo_api()), "a/b?c#d", 10_000)
        .fetch_page(PageRequest::new(5, 0), AbortController::new().unwrap())
        .await
        .unwrap();
    assert_eq!(page.items.len(), 5);
}

#[wasm_bindgen_test]
async fn server_error_keeps_message_details_and_request_id() {
    match fetch("fault-500", 20, 0).await {
        Err(ApiError::Http {
            status: 500,
            message,
            details,
            request_id,
            ..
        }) => {
            assert_eq!(message.as_deref(), Some("internal error"));
            assert!(details[0].contains("simulated fault"));
            assert!(request_id.unwrap().starts_with("req_"));
        }
        other => panic!("expected HTTP 500, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn html_502_and_bad_json_are_not_json() {
    assert_eq!(
        fetch("fault-html", 20, 0).await.unwrap_err(),
        ApiError::NotJson { status: 502 }
    );
    assert_eq!(
        fetch("fault-badjson", 20, 0).await.unwrap_err(),
        ApiError::NotJson { status: 200 }
    );
}

#[wasm_bindgen_test]
async fn code_error_on_200_is_reported() {
    match fetch("fault-code", 20, 0).await {
        Err(ApiError::ApiCode { code, message, .. }) => {
            assert_eq!(code, 5001);
            assert_eq!(message.as_deref(), Some("organization is suspended"));
        }
        other => panic!("expected a code error, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn slow_answer_is_a_timeout() {
    let err = source(demo_api(), "fault-slow", 300)
        .fetch_page(PageRequest::new(5, 0), AbortController::new().unwrap())
        .await
        .unwrap_err();
    assert_eq!(err, ApiError::Timeout { timeout_ms: 300 });
}

#[wasm_bindgen_test]
async fn abort_is_reported_as_aborted() {
    let controller = AbortController::new().unwrap();
    let pending = source(demo_api(), "fault-slow", 10_000)
        .fetch_page(PageRequest::new(5, 0), controller.clone());
    controller.abort();
    assert_eq!(pending.await.unwrap_err(), ApiError::Aborted);
}

#[wasm_bindgen_test]
async fn unreachable_server_is_a_network_error_without_the_token() {
    let err = source("http://127.0.0.1:9", "acme", 10_000)
        .fetch_page(PageRequest::new(5, 0), AbortController::new().unwrap())
        .await
        .unwrap_err();
    assert!(matches!(err, ApiError::Network { .. }), "{err:?}");
    assert!(!format!("{err} {err:?}").contains("test-token"));
}
