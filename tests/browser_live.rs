#![cfg(target_arch = "wasm32")]
//! "Load all runs" on a live or imperfect server, in a real browser through
//! the exported `mount` against the demo API's fault orgs: runs that arrive
//! while the walk reads are counted once (`live*`), a server applying a
//! smaller limit still yields every run (`cap-limit`), and servers that
//! ignore `offset` or send an empty page with `hasMore` stop the walk with
//! their message (`same-page`, `empty-more`).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)] // test code: not shipped

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
    let outcome = load_all(&root, 30_000, |t| t.starts_with("Loaded all")).await;
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
    load_all(&root, 30_000, |t| t == "Loaded all 1,500 runs.").await;
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
    let outcome = load_all(&root, 30_000, |t| t.starts_with("The server returned")).await;
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
    let outcome = load_all(&root, 30_000, |t| t.starts_with("The server returned")).await;
    assert!(
        outcome.starts_with("The server returned an empty page at offset ")
            && outcome.ends_with(" but said more runs exist; loading stopped with 100 runs kept."),
        "{outcome}"
    );
    assert_eq!(total_row(&root).0, 100);
    assert!(button(&root, "Continue loading").is_none());
}

/// `cu-runs:load` details dispatched on `root`, as JSON.
fn record_loads(root: &Element) -> std::rc::Rc<std::cell::RefCell<Vec<serde_json::Value>>> {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let text = js_sys::JSON::stringify(&e.detail())
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            sink.borrow_mut()
                .push(serde_json::from_str(&text).unwrap_or_default());
        });
    root.add_event_listener_with_callback("cu-runs:load", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

async fn refresh_note(root: &Element) -> String {
    wait_for("refresh note", 20_000, || {
        one(root, ".cu-refresh-note")
            .map(|o| accessible_text(&o))
            .filter(|t| !t.is_empty())
    })
    .await
}

/// Parses "12 new runs, 3 finished since …" into (12, 3).
fn note_counts(note: &str) -> (u64, u64) {
    let num = |s: &str| s.replace(',', "").parse::<u64>().unwrap();
    let (head, _) = note.split_once(" since ").unwrap();
    let mut added = 0;
    let mut finished = 0;
    for part in head.split(", ") {
        let n = num(part.split(' ').next().unwrap());
        if part.contains("new run") {
            added = n;
        } else if part.ends_with("finished") {
            finished = n;
        }
    }
    (added, finished)
}

/// At `maxRuns` on a live list: the walk's outcome says how many runs the
/// cap's positions held (arrivals moved the list down), and a Refresh says
/// which oldest runs gave way to the cap, so a total that falls is
/// explained.
#[wasm_bindgen_test]
async fn at_the_cap_a_live_list_says_what_the_cap_held_and_let_go() {
    let (root, _h) = mount_org("live-capped", json!({ "maxRuns": 200 }));
    first_page(&root).await;
    let walked = load_all(&root, 30_000, |t| t.starts_with("Stopped at the cap")).await;
    let (kept, _) = total_row(&root);
    assert!(kept < 200, "arrivals moved the list: {kept} runs kept");
    assert_eq!(
        walked,
        format!(
            "Stopped at the cap of 200 runs with {kept} runs loaded: runs that arrived \
             while loading moved the list down; more runs exist."
        )
    );
    // Each Refresh adds what arrived; once the runs held pass the cap, the
    // oldest give way and the note says how many. How many arrive between
    // two reads depends on the requests sent meanwhile, so Refresh until
    // they do (a few times at most), checking every note's arithmetic.
    let loads = record_loads(&root);
    let mut held = kept;
    for attempt in 1..=5 {
        // A Refresh ends with its load event (its note may read as the last).
        let seen = loads.borrow().len();
        button(&root, "Refresh").unwrap().click();
        wait_for("the refresh's load event", 20_000, || {
            loads.borrow()[seen..]
                .iter()
                .any(|e| e.get("added").is_some())
                .then_some(())
        })
        .await;
        let note = refresh_note(&root).await;
        let (added, _) = note_counts(&note);
        let want = (held + added).min(200);
        let what = format!("refresh {attempt}: {want} runs held after \"{note}\"");
        wait_for(&what, 5_000, || (total_row(&root).0 == want).then_some(())).await;
        if held + added <= 200 {
            assert!(!note.contains("gave way"), "refresh {attempt}: {note}");
            held = want;
            continue;
        }
        let gave_way = held + added - 200;
        let sentence = if gave_way == 1 {
            " The oldest run gave way to the cap of 200 runs.".to_owned()
        } else {
            format!(" The {gave_way} oldest runs gave way to the cap of 200 runs.")
        };
        assert!(note.ends_with(&sentence), "refresh {attempt}: {note}");
        return;
    }
    panic!("five refreshes never passed the cap of 200 runs");
}

#[wasm_bindgen_test]
async fn refresh_after_load_all_adds_new_runs_and_updates_finished_ones() {
    let org = "live-refresh";
    let (root, _h) = mount_org(org, json!({}));
    let loads = record_loads(&root);
    first_page(&root).await;
    let walked = load_all(&root, 30_000, |t| t.starts_with("Loaded all")).await;
    // Three runs arrive before every request: some did while the walk read.
    assert!(
        walked.contains("; at least ")
            && walked.contains("more arrived while loading (Refresh adds them)."),
        "{walked}"
    );
    let (before, _) = total_row(&root);
    let as_of = accessible_text(&one(&root, ".cu-asof").unwrap());
    // A date, a time and the zone (the tests mount in UTC).
    assert!(
        as_of.starts_with("As of ") && as_of.contains(", 20") && as_of.ends_with(" (UTC)"),
        "{as_of}"
    );
    button(&root, "Refresh").unwrap().click();
    let note = refresh_note(&root).await;
    let (added, finished) = note_counts(&note);
    // The walk's first page held three runs still going; they finished.
    assert!(added > 0 && finished >= 3, "{note}");
    assert!(note.contains(" since "), "{note}");
    // Each run once, with its latest copy, across the walk and the refresh.
    let mut latest: HashMap<String, i128> = HashMap::new();
    for reply in common::served_for(org)
        .await
        .iter()
        .filter(|r| r["limit"] == 100)
    {
        for item in reply["items"].as_array().unwrap() {
            latest.insert(
                item["runId"].as_str().unwrap().to_owned(),
                api_units(&item["totalCu"]),
            );
        }
    }
    let (runs, cu) = total_row(&root);
    assert_eq!(runs, before + added, "{note}");
    // The refresh added the runs that arrived: the outcome says all, no more.
    let digits = runs.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let outcome = accessible_text(&one(&root, ".cu-outcome").unwrap());
    assert_eq!(outcome, format!("Loaded all {grouped} runs."), "{walked}");
    assert_eq!(runs as usize, latest.len());
    assert_eq!(cu, latest.values().sum::<i128>());
    let last = loads.borrow().last().cloned().unwrap();
    assert_eq!(last["scope"], "all");
    assert_eq!(last["runs"], runs);
    assert_eq!(last["added"], added);
    assert!(last["updated"].as_u64().unwrap() >= finished);
}

#[wasm_bindgen_test]
async fn refresh_in_page_scope_reloads_the_page_and_says_what_changed() {
    let org = "live-page";
    let (root, _h) = mount_org(org, json!({}));
    first_page(&root).await;
    let first = cells(&run_rows(&root)[0])[0].clone();
    button(&root, "Refresh").unwrap().click();
    let note = refresh_note(&root).await;
    // Three runs arrived; the three that were going and the demo's two
    // oldest in-progress runs finished.
    assert!(note.starts_with("3 new runs, 5 finished since "), "{note}");
    let rows = run_rows(&root);
    assert_eq!(rows.len(), 20);
    assert_eq!(
        cells(&rows[3])[0],
        first,
        "the old head moved down three rows"
    );
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        "Totals cover 20 runs on this page."
    );
}
