#![cfg(target_arch = "wasm32")]
//! Reliability and hostile data, in a real browser against the demo API's
//! fault orgs: stale answers dropped, retries with backoff (and never for
//! 4xx), timeouts, broken bodies, and strings that try to run code.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)] // test code: not shipped

mod common;

use std::collections::HashMap;

use common::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn alert_text(root: &Element, timeout_ms: i32) -> String {
    wait_for("an error alert", timeout_ms, || {
        one(root, "[role=alert]").map(|a| accessible_text(&a))
    })
    .await
}

#[wasm_bindgen_test]
async fn a_superseded_slow_answer_never_replaces_the_latest() {
    // limit=20 answers after 1.5 s; limit=50 at once. Ask for 20, then 50.
    let (root, _h) = mount_org("fault-slow20", json!({}));
    // The table shows (loading) well before the slow answer.
    let size = wait_for("the table", 1_000, || labelled(&root, "Rows per page")).await;
    select_value(&size, "50");
    wait_for("the fast answer", 5_000, || {
        (run_rows(&root).len() == 50).then_some(())
    })
    .await;
    sleep(2_000).await;
    assert_eq!(
        run_rows(&root).len(),
        50,
        "the slow first answer was dropped"
    );
    assert_eq!(pager_status(&root), "Runs 1–50");
}

#[wasm_bindgen_test]
async fn flaky_server_is_retried_to_success() {
    let before = requests_for("fault-flaky").await.len();
    let (root, _h) = mount_org("fault-flaky", json!({}));
    wait_for("rows", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    assert!(one(&root, "[role=alert]").is_none());
    let made = requests_for("fault-flaky").await.len() - before;
    assert!((1..=2).contains(&made), "{made} requests");
}

#[wasm_bindgen_test]
async fn retries_are_visible_and_exhaustion_keeps_the_rows() {
    let before = requests_for("fault-page2")
        .await
        .into_iter()
        .filter(|r| r["query"] == "limit=20&offset=20")
        .count();
    let (root, _h) = mount_org("fault-page2", json!({}));
    wait_for("page 1", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    let first = cells(&run_rows(&root)[0])[0].clone();
    button(&root, "Next page").unwrap().click();
    wait_for("retrying", 5_000, || {
        one(&root, ".cu-retrying")
            .map(|r| accessible_text(&r))
            .filter(|t| t == "Retrying (2/3)…")
    })
    .await;
    let text = alert_text(&root, 10_000).await;
    assert!(text.contains("HTTP 500"), "{text}");
    assert!(
        text.contains("The runs below are from the last successful load."),
        "{text}"
    );
    assert_eq!(run_rows(&root).len(), 20);
    assert_eq!(cells(&run_rows(&root)[0])[0], first);
    assert!(button(&root, "Retry").is_some());
    let page2 = requests_for("fault-page2")
        .await
        .into_iter()
        .filter(|r| r["query"] == "limit=20&offset=20")
        .count();
    assert_eq!(page2 - before, 3, "three attempts");
}

#[wasm_bindgen_test]
async fn rate_limits_honour_retry_after_and_401_is_never_retried() {
    let before_429 = requests_for("fault-429").await.len();
    let before_401 = requests_for("fault-401").await.len();
    let started = js_sys::Date::now();
    let (a, _ha) = mount_org("fault-429", json!({}));
    let (b, _hb) = mount_org("fault-401", json!({}));
    let text = alert_text(&b, 5_000).await;
    assert!(
        text.contains("HTTP 401") && text.contains("token expired"),
        "{text}"
    );
    let text = alert_text(&a, 10_000).await;
    assert!(text.contains("HTTP 429"), "{text}");
    assert!(
        js_sys::Date::now() - started >= 2_000.0,
        "two waits of at least Retry-After: 1 s"
    );
    assert_eq!(requests_for("fault-429").await.len() - before_429, 3);
    assert_eq!(requests_for("fault-401").await.len() - before_401, 1);
}

#[wasm_bindgen_test]
async fn timeout_is_reported_as_a_timeout() {
    let (root, _h) = mount_org("fault-slow", json!({ "timeoutMs": 300 }));
    let text = alert_text(&root, 10_000).await;
    assert!(text.contains("did not answer within 0.3 s."), "{text}");
}

#[wasm_bindgen_test]
async fn broken_bodies_give_clear_errors() {
    let cases = [
        ("fault-html", "HTTP 502 with a response that is not JSON"),
        (
            "fault-code",
            "The API reported an error (code 5001): organization is suspended",
        ),
        ("fault-badjson", "HTTP 200 with a response that is not JSON"),
        (
            "fault-shape",
            "data.items should be an array but is an object",
        ),
    ];
    let roots: Vec<_> = cases
        .iter()
        .map(|(org, _)| mount_org(org, json!({})))
        .collect();
    for ((org, expected), (root, _)) in cases.iter().zip(&roots) {
        let text = alert_text(root, 10_000).await;
        assert!(text.contains(expected), "{org}: {text}");
        assert!(!text.contains("test-token"));
    }
}

#[wasm_bindgen_test]
async fn hostile_strings_render_as_text_and_invalid_cu_stays_out_of_totals() {
    install_styles();
    let (root, _h) = mount_org("hostile", json!({}));
    wait_for("rows", 10_000, || {
        (run_rows(&root).len() == 12).then_some(())
    })
    .await;
    sleep(100).await;
    let flag = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__cuHostile".into()).unwrap();
    assert!(flag.is_undefined(), "no payload ran");
    assert!(
        all(&root, "img, script, b, i").is_empty(),
        "no markup from the data became elements"
    );
    let text = accessible_text(&root);
    assert!(
        text.contains("<img src=x onerror="),
        "markup is shown as text"
    );
    assert!(text.contains("<script>window.__cuHostile=1</script>"));
    assert!(
        !text.contains("NaN") && !text.contains("Infinity"),
        "no NaN/Infinity on screen"
    );
    assert!(
        text.contains("5 runs without a valid CU value are not in the totals."),
        "{text}"
    );
    // Totals cover only the valid values: 1.25 + 0.1 * (5 + 7 + 8 + 9 + 10 + 11) = 6.25.
    let total = cells(&one(&table(&root, "CU by workflow").unwrap(), "tfoot tr").unwrap());
    assert_eq!(total[2], "6.2500");
    // The 10 KB id is truncated on screen, complete in its tooltip.
    let long = all(&root, ".cu-id .cu-trunc")
        .into_iter()
        .find(|e| e.get_attribute("title").is_some_and(|t| t.len() >= 10_240))
        .unwrap();
    let width = long.unchecked_ref::<HtmlElement>().offset_width();
    assert!(width < 400, "truncated to {width}px");
    // Unparsable dates are shown raw.
    assert!(text.contains("not a date <i>"));
}

#[wasm_bindgen_test]
async fn load_all_keeps_what_it_loaded_and_offers_to_continue() {
    // Pages after the first fail even after retries.
    let (root, _h) = mount_org("fault-page2", json!({}));
    wait_for("page 1", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    let outcome = load_all(&root, 15_000, |t| t.starts_with("Loading stopped")).await;
    assert!(
        outcome.starts_with("Loading stopped after 100 runs (kept):")
            && outcome.contains("HTTP 500"),
        "{outcome}"
    );
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        "Totals cover all 100 loaded runs."
    );
    // The pages after the first (asked with a few runs of overlap) were
    // each retried before the walk gave up.
    let recent = requests_for("fault-page2").await;
    let tries = recent
        .iter()
        .filter(|r| {
            r["query"]
                .as_str()
                .is_some_and(|q| q.starts_with("limit=100&") && q != "limit=100&offset=0")
        })
        .fold(HashMap::<String, usize>::new(), |mut m, r| {
            *m.entry(r["query"].to_string()).or_default() += 1;
            m
        });
    assert!(
        !tries.is_empty() && tries.values().all(|&n| n >= 3),
        "each failed page was retried: {tries:?}"
    );
    let before = requests_for("fault-page2").await.len();
    button(&root, "Continue loading").unwrap().click();
    wait_for("running again", 5_000, || one(&root, "[role=progressbar]")).await;
    wait_for("stopped again", 15_000, || {
        one(&root, ".cu-outcome")
            .map(|o| accessible_text(&o))
            .filter(|t| t.starts_with("Loading stopped after 100 runs"))
    })
    .await;
    let again: Vec<_> = requests_for("fault-page2")
        .await
        .into_iter()
        .skip(before)
        .collect();
    assert!(
        !again.is_empty() && again.iter().all(|r| r["query"] != "limit=100&offset=0"),
        "continues from offset 100: {again:?}"
    );
}

#[wasm_bindgen_test]
async fn an_unmounted_host_is_forgotten_by_the_panic_message() {
    // Remounting (as the custom element does on every attribute change)
    // must not grow the list of hosts, and a panic after an unmount must
    // not empty an element the table has left (the page may use it again).
    let before = cu_cost_table::mount::mounted_hosts();
    let mut former = Vec::new();
    for _ in 0..3 {
        let (root, mut handle) = mount_org("demo-org", json!({}));
        assert_eq!(cu_cost_table::mount::mounted_hosts(), before + 1);
        handle.unmount();
        former.push(root);
    }
    assert_eq!(cu_cost_table::mount::mounted_hosts(), before);
    for host in &former {
        host.set_text_content(Some("the host page's own content"));
    }
    let (live, _handle) = mount_org("demo-org", json!({}));
    cu_cost_table::mount::show_internal_error();
    for host in &former {
        assert_eq!(
            host.text_content().as_deref(),
            Some("the host page's own content")
        );
    }
    let alert = one(&live, "[role=alert]").expect("the mounted table shows the error");
    assert!(accessible_text(&alert).contains("internal error"));
}
