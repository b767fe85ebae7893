#![cfg(target_arch = "wasm32")]
//! "Load all runs" on a live or imperfect server, in a real browser through
//! the exported `mount` against the demo API's fault orgs: runs that arrive
//! while the walk reads are counted once (`live*`), a server applying a
//! smaller limit still yields every run (`cap-limit`), and servers that
//! ignore `offset` or send an empty page with `hasMore` stop the walk with
//! their message (`same-page`, `empty-more`).

mod common;

use std::collections::HashMap;

use common::*;
use serde_json::json;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

async fn first_page(root: &Element) {
    wait_for("first page", 10_000, || {
        (run_rows(root).len() == 20
            && root
                .query_selector("table[aria-busy=true]")
                .unwrap()
                .is_none())
        .then_some(())
    })
    .await;
}

async fn load_all(root: &Element, done: impl Fn(&str) -> bool) -> String {
    button(root, "Load all runs").unwrap().click();
    wait_for("load all to end", 30_000, || {
        one(root, ".cu-outcome")
            .map(|o| accessible_text(&o))
            .filter(|t| done(t))
    })
    .await
}

/// The subtotals table's Total row: (runs, CU in ten-thousandths).
fn total_row(root: &Element) -> (u64, i128) {
    let t = table(root, "CU by workflow").unwrap();
    let c = cells(&one(&t, "tfoot tr").unwrap());
    (c[1].replace(',', "").parse().unwrap(), units(&c[2]))
}

#[wasm_bindgen_test]
async fn live_org_totals_count_each_run_once() {
    let org = "live-browser";
    let (root, _h) = mount_org(org, json!({}));
    first_page(&root).await;
    let outcome = load_all(&root, |t| t.starts_with("Loaded all")).await;
    // What the server sent to the walk (limit-100 pages; the first page of
    // the table asked for 20), each run once with its latest copy.
    let served = common::served_for(org).await;
    let mut latest: HashMap<String, i128> = HashMap::new();
    let mut copies = 0;
    for reply in served.iter().filter(|r| r["limit"] == 100) {
        for item in reply["items"].as_array().unwrap() {
            copies += 1;
            latest.insert(
                item["runId"].as_str().unwrap().to_owned(),
                api_units(&item["totalCu"]),
            );
        }
    }
    assert!(
        copies > latest.len(),
        "the walk saw runs twice ({copies} copies of {} runs)",
        latest.len()
    );
    let want: i128 = latest.values().sum();
    let (runs, cu) = total_row(&root);
    assert_eq!(runs as usize, latest.len(), "{outcome}");
    assert_eq!(cu, want);
    let n = latest.len();
    let shown = format!("Loaded all {},{:03} runs", n / 1_000, n % 1_000);
    assert!(outcome.starts_with(&shown), "{outcome} vs {shown}");
    // Every base run of the org is there (1,500 at the start).
    assert!(n >= 1_500, "{n}");
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        format!(
            "Totals cover all {} loaded runs.",
            &shown["Loaded all ".len()..shown.len() - " runs".len()]
        )
    );
}

#[wasm_bindgen_test]
async fn a_server_applying_a_smaller_limit_still_yields_every_run() {
    let (root, _h) = mount_org("cap-limit", json!({}));
    first_page(&root).await;
    load_all(&root, |t| t == "Loaded all 1,500 runs.").await;
    let mut want = 0i128;
    for offset in (0..1_500).step_by(50) {
        let page = fetch_page("cap-limit", 50, offset).await;
        want += page["data"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| api_units(&i["totalCu"]))
            .sum::<i128>();
    }
    assert_eq!(total_row(&root), (1_500, want));
}

#[wasm_bindgen_test]
async fn a_server_ignoring_offset_stops_with_its_message() {
    let (root, _h) = mount_org("same-page", json!({}));
    first_page(&root).await;
    let before = requests_for("same-page").await.len();
    let outcome = load_all(&root, |t| t.starts_with("The server returned")).await;
    assert!(
        outcome.starts_with("The server returned the same runs for offset ")
            && outcome.ends_with(" as for offset 0; loading stopped with 100 runs kept."),
        "{outcome}"
    );
    assert_eq!(total_row(&root).0, 100);
    let asked = requests_for("same-page").await.len() - before;
    assert!(asked <= 8, "no loop to the cap: {asked} requests");
}

#[wasm_bindgen_test]
async fn an_empty_page_with_more_stops_with_its_message() {
    let (root, _h) = mount_org("empty-more", json!({}));
    first_page(&root).await;
    let outcome = load_all(&root, |t| t.starts_with("The server returned")).await;
    assert!(
        outcome.starts_with("The server returned an empty page at offset ")
            && outcome.ends_with(" but said more runs exist; loading stopped with 100 runs kept."),
        "{outcome}"
    );
    assert_eq!(total_row(&root).0, 100);
    assert!(button(&root, "Continue loading").is_none());
}
