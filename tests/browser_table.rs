#![cfg(target_arch = "wasm32")]
//! The cost table as a user meets it, in a real browser against the demo API:
//! mounted through the exported `mount`, driven with clicks, typing and the
//! keyboard modifiers, asserting on visible text and ARIA.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)] // test code: not shipped

mod common;

use std::collections::BTreeMap;

use common::*;
use cu_cost_table::mount;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn rows_loaded(root: &Element, n: usize) -> Vec<Element> {
    wait_for(&format!("{n} run rows"), 10_000, || {
        let rows = run_rows(root);
        (rows.len() == n
            && root
                .query_selector("table[aria-busy=true]")
                .unwrap()
                .is_none())
        .then_some(rows)
    })
    .await
}

fn first_run_id(root: &Element) -> String {
    cells(&run_rows(root)[0])[0].clone()
}

fn disabled(b: &HtmlElement) -> bool {
    b.has_attribute("disabled")
}

#[wasm_bindgen_test]
async fn paging_forward_and_back_shows_the_requested_offsets() {
    let (root, _h) = mount_org("acme", json!({}));
    rows_loaded(&root, 20).await;
    let page1 = fetch_page("acme", 20, 0).await;
    let page2 = fetch_page("acme", 20, 20).await;
    assert_eq!(pager_status(&root), "Runs 1–20");
    assert_eq!(
        first_run_id(&root),
        page1["data"]["items"][0]["runId"].as_str().unwrap()
    );
    let prev = button(&root, "Previous page").unwrap();
    assert!(disabled(&prev), "Previous page is disabled at offset 0");

    button(&root, "Next page").unwrap().click();
    wait_for("page 2", 10_000, || {
        (pager_status(&root) == "Runs 21–40").then_some(())
    })
    .await;
    rows_loaded(&root, 20).await;
    assert_eq!(
        first_run_id(&root),
        page2["data"]["items"][0]["runId"].as_str().unwrap()
    );
    assert!(!disabled(&button(&root, "Previous page").unwrap()));

    button(&root, "Previous page").unwrap().click();
    wait_for("back to page 1", 10_000, || {
        (pager_status(&root) == "Runs 1–20").then_some(())
    })
    .await;
    assert_eq!(
        first_run_id(&root),
        page1["data"]["items"][0]["runId"].as_str().unwrap()
    );
}

#[wasm_bindgen_test]
async fn next_is_disabled_on_the_last_page() {
    // 1,500 runs: offset 1,480 is the last page of 20.
    let (root, _h) = mount_org("acme", json!({ "pageSize": 100 }));
    rows_loaded(&root, 100).await;
    for _ in 0..14 {
        button(&root, "Next page").unwrap().click();
        sleep(5).await;
    }
    wait_for("runs 1,401–1,500", 15_000, || {
        (pager_status(&root) == "Runs 1,401–1,500").then_some(())
    })
    .await;
    wait_for("Next disabled", 5_000, || {
        disabled(&button(&root, "Next page").unwrap()).then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn page_size_change_keeps_the_first_visible_run() {
    let (root, _h) = mount_org("acme", json!({}));
    rows_loaded(&root, 20).await;
    for expected in ["Runs 21–40", "Runs 41–60", "Runs 61–80"] {
        button(&root, "Next page").unwrap().click();
        wait_for(expected, 10_000, || {
            (pager_status(&root) == expected).then_some(())
        })
        .await;
    }
    let select = labelled(&root, "Rows per page").unwrap();
    select_value(&select, "50");
    // Offset 60 rounded down to a multiple of 50: the run at 61 stays visible.
    wait_for("runs 51–100", 10_000, || {
        (pager_status(&root) == "Runs 51–100").then_some(())
    })
    .await;
    rows_loaded(&root, 50).await;
    let expected = fetch_page("acme", 50, 50).await;
    assert_eq!(
        first_run_id(&root),
        expected["data"]["items"][0]["runId"].as_str().unwrap()
    );
}

/// Per-workflow sums of a JSON page, computed here independently.
fn independent_sums(items: &[serde_json::Value]) -> BTreeMap<String, (usize, i128)> {
    let mut sums = BTreeMap::new();
    for it in items {
        let e = sums
            .entry(it["workflowId"].as_str().unwrap().to_owned())
            .or_insert((0, 0));
        e.0 += 1;
        e.1 += api_units(&it["totalCu"]);
    }
    sums
}

fn shown_subtotals(root: &Element) -> (BTreeMap<String, (usize, i128)>, Vec<String>) {
    let t = table(root, "CU by workflow").unwrap();
    let mut shown = BTreeMap::new();
    for row in all(&t, "tbody tr") {
        let c = cells(&row);
        shown.insert(
            c[0].clone(),
            (c[1].replace(',', "").parse().unwrap(), units(&c[2])),
        );
    }
    let total = cells(&one(&t, "tfoot tr").unwrap());
    (shown, total)
}

#[wasm_bindgen_test]
async fn subtotals_equal_independent_sums_of_the_page() {
    let (root, _h) = mount_org("acme", json!({}));
    rows_loaded(&root, 20).await;
    let page = fetch_page("acme", 20, 0).await;
    let items = page["data"]["items"].as_array().unwrap();
    let expected = independent_sums(items);
    let (shown, total) = shown_subtotals(&root);
    assert_eq!(shown, expected);
    assert_eq!(total[0], "Total");
    assert_eq!(total[1], "20");
    assert_eq!(
        units(&total[2]),
        items.iter().map(|i| api_units(&i["totalCu"])).sum::<i128>()
    );
    let coverage = accessible_text(&one(&root, ".cu-coverage").unwrap());
    assert_eq!(coverage, "Totals cover 20 runs on this page.");
    // Runs in progress are labelled partial.
    assert!(accessible_text(&run_rows(&root)[0]).contains("so far"));
}

/// acme mounted with 100 runs a page, its first page on screen, and that
/// page's runs as the API sent them.
async fn acme_first_hundred() -> (
    HtmlElement,
    cu_cost_table::MountHandle,
    Vec<serde_json::Value>,
) {
    let (root, handle) = mount_org("acme", json!({ "pageSize": 100 }));
    rows_loaded(&root, 100).await;
    let page = fetch_page("acme", 100, 0).await;
    let items = page["data"]["items"].as_array().unwrap().clone();
    (root, handle, items)
}

#[wasm_bindgen_test]
async fn filters_narrow_rows_counts_and_totals_without_refetching() {
    let (root, _h, items) = acme_first_hundred().await;
    let status_before = pager_status(&root);

    // Workflow select.
    let wf = items[0]["workflowId"].as_str().unwrap().to_owned();
    let of_wf: Vec<_> = items
        .iter()
        .filter(|i| i["workflowId"] == wf.as_str())
        .cloned()
        .collect();
    select_value(&labelled(&root, "Workflow").unwrap(), &wf);
    let rows = wait_for("workflow filter", 5_000, || {
        let r = run_rows(&root);
        (r.len() == of_wf.len()).then_some(r)
    })
    .await;
    assert!(rows.iter().all(|r| cells(r)[1] == wf));
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        format!(
            "Totals cover {} of 100 runs on this page (1 filter active).",
            of_wf.len()
        )
    );
    let (shown, _) = shown_subtotals(&root);
    assert_eq!(shown, independent_sums(&of_wf));
    assert_eq!(pager_status(&root), status_before, "filters never refetch");

    // Status counts reflect the workflow filter; checking one narrows further.
    let failed_box = all(&root, "fieldset label")
        .into_iter()
        .find(|l| accessible_text(l).starts_with("Failed"))
        .unwrap();
    let n_failed = of_wf.iter().filter(|i| i["status"] == "failure").count();
    assert_eq!(accessible_text(&failed_box), format!("Failed ({n_failed})"));
    one(&failed_box, "input")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for("status filter", 5_000, || {
        (run_rows(&root).len() == n_failed).then_some(())
    })
    .await;
    if n_failed == 0 {
        wait_for("empty filter state", 5_000, || {
            button(&root, "Clear all filters")
        })
        .await;
    }

    // Clear filters brings everything back.
    button(&root, "Clear filters").unwrap().click();
    rows_loaded(&root, 100).await;
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        "Totals cover 100 runs on this page."
    );

    // Text search (debounced) over run, workflow and trigger.
    let search = labelled(&root, "Search runs").unwrap();
    type_into(&search, "zzz-no-such-run");
    wait_for("no match state", 5_000, || {
        button(&root, "Clear all filters")
    })
    .await;
    assert!(accessible_text(&root).contains("No runs match these filters."));
    button(&root, "Clear all filters").unwrap().click();
    rows_loaded(&root, 100).await;
    let run_id = items[7]["runId"].as_str().unwrap();
    type_into(
        &labelled(&root, "Search runs").unwrap(),
        &run_id.to_uppercase(),
    );
    let rows = wait_for("search hit", 5_000, || {
        let r = run_rows(&root);
        (r.len() == 1).then_some(r)
    })
    .await;
    assert_eq!(cells(&rows[0])[0], run_id);

    // Minimum CU.
    button(&root, "Clear filters").unwrap().click();
    rows_loaded(&root, 100).await;
    let min = 50.0;
    let n_big = items
        .iter()
        .filter(|i| i["totalCu"].as_f64().unwrap() >= min)
        .count();
    type_into(&labelled(&root, "Minimum CU").unwrap(), "50");
    wait_for("minimum CU filter", 5_000, || {
        (run_rows(&root).len() == n_big).then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn sorting_by_click_and_shift_click() {
    let (root, _h) = mount_org("acme", json!({ "pageSize": 50 }));
    rows_loaded(&root, 50).await;
    let header = |name: &str| {
        let t = table(&root, "Workflow runs").unwrap();
        all(&t, "thead th")
            .into_iter()
            .find(|th| accessible_text(th) == name)
            .unwrap()
    };
    let cu_values = || {
        run_rows(&root)
            .iter()
            .map(|r| units(&cells(r)[7]))
            .collect::<Vec<_>>()
    };

    one(&header("CU"), "button")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for("sorted by CU", 5_000, || {
        (header("CU").get_attribute("aria-sort").as_deref() == Some("descending")).then_some(())
    })
    .await;
    let v = cu_values();
    assert!(v.windows(2).all(|w| w[0] >= w[1]), "descending: {v:?}");
    assert_eq!(
        header("Run").get_attribute("aria-sort").as_deref(),
        Some("none")
    );

    one(&header("CU"), "button")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for("ascending", 5_000, || {
        (header("CU").get_attribute("aria-sort").as_deref() == Some("ascending")).then_some(())
    })
    .await;
    let v = cu_values();
    assert!(v.windows(2).all(|w| w[0] <= w[1]), "ascending: {v:?}");

    // Workflow first, then Shift+click CU as a second key.
    one(&header("Workflow"), "button")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for("by workflow", 5_000, || {
        (header("Workflow").get_attribute("aria-sort").as_deref() == Some("ascending"))
            .then_some(())
    })
    .await;
    shift_click(&one(&header("CU"), "button").unwrap());
    wait_for("two keys", 5_000, || {
        let rows = run_rows(&root);
        let pairs: Vec<(String, i128)> = rows
            .iter()
            .map(|r| (cells(r)[1].clone(), units(&cells(r)[7])))
            .collect();
        pairs
            .windows(2)
            .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 >= w[1].1))
            .then_some(())
    })
    .await;
    assert_eq!(
        header("Workflow").get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
}

#[wasm_bindgen_test]
async fn load_all_reaches_every_run_and_totals_cover_them() {
    let (root, _h) = mount_org("acme", json!({}));
    rows_loaded(&root, 20).await;
    load_all(&root, 20_000, |t| t == "Loaded all 1,500 runs.").await;
    let all_button = button(&root, "All loaded runs").unwrap();
    assert_eq!(
        all_button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        "Totals cover all 1,500 loaded runs."
    );
    let (_, total) = shown_subtotals(&root);
    assert_eq!(total[1], "1,500");
    // Independent total over every page.
    let mut sum = 0i128;
    for offset in (0..1_500).step_by(100) {
        let page = fetch_page("acme", 100, offset).await;
        sum += page["data"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| api_units(&i["totalCu"]))
            .sum::<i128>();
    }
    assert_eq!(units(&total[2]), sum);
    // The table pages client-side: one page of rows in the DOM.
    assert_eq!(run_rows(&root).len(), 20);
    assert_eq!(pager_status(&root), "Runs 1–20 of 1,500 loaded");
    button(&root, "Next page").unwrap().click();
    wait_for("client page 2", 5_000, || {
        (pager_status(&root) == "Runs 21–40 of 1,500 loaded").then_some(())
    })
    .await;
    // Back to the server page scope.
    button(&root, "This page").unwrap().click();
    wait_for("page scope", 5_000, || {
        (accessible_text(&one(&root, ".cu-coverage").unwrap())
            == "Totals cover 20 runs on this page.")
            .then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn load_all_shows_progress_and_cancel_stops_it() {
    // fault-slow answers after 2 s: the walk is visibly in progress.
    let (root, _h) = mount_org("fault-slow", json!({}));
    rows_loaded(&root, 20).await;
    button(&root, "Load all runs").unwrap().click();
    let bar = wait_for("progress bar", 3_000, || one(&root, "[role=progressbar]")).await;
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("0"));
    button(&root, "Cancel").unwrap().click();
    outcome_when(&root, 5_000, |t| t == "Loading was cancelled after 0 runs.").await;
    assert!(one(&root, "[role=progressbar]").is_none());
    assert!(button(&root, "Load all runs").is_some());
    // Cancelled before its first run: the page's runs stay in view (not an
    // empty "All loaded runs").
    assert_eq!(run_rows(&root).len(), 20);
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        "Totals cover 20 runs on this page."
    );
    assert_eq!(
        button(&root, "This page")
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    // Nothing was loaded: "All loaded runs" stays as it was before the walk.
    assert!(button(&root, "All loaded runs")
        .unwrap()
        .has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn load_all_progress_counts_up_as_pages_arrive() {
    // fault-slow answers each request after 2 s, four in flight: the count
    // shown moves with each wave of pages (it is shown at most every
    // 200 ms, so a wave 2 s after the last one shows), and the last page
    // shows the whole count, though it comes within 200 ms of the others
    // of its wave.
    let (root, _h) = mount_org("fault-slow", json!({}));
    rows_loaded(&root, 20).await;
    js_sys::Function::new_with_args(
        "el",
        "el.__counts = [];
         new MutationObserver((ms) => { for (const m of ms) if (m.target.classList.contains('cu-progress')) el.__counts.push(m.target.getAttribute('aria-valuenow')); })
           .observe(el, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });",
    )
    .call1(&JsValue::NULL, &root)
    .unwrap();
    button(&root, "Load all runs").unwrap().click();
    let shown = |root: &HtmlElement| -> Option<(u64, String)> {
        let bar = one(root, "[role=progressbar]")?;
        let n = bar.get_attribute("aria-valuenow")?.parse().ok()?;
        Some((n, bar.get_attribute("aria-valuetext")?))
    };
    let (first, text) = wait_for("the first wave shown", 8_000, || {
        shown(&root).filter(|(n, _)| *n > 0)
    })
    .await;
    assert!(first <= 400, "{first}");
    assert_eq!(text, format!("{} runs loaded…", en_count(first as usize)));
    let (second, _) = wait_for("the second wave shown", 8_000, || {
        shown(&root).filter(|(n, _)| *n > first)
    })
    .await;
    assert!(second <= 1_500, "{second}");
    outcome_when(&root, 15_000, |t| t.starts_with("Loaded all")).await;
    let counts: Vec<u64> =
        js_sys::Array::from(&js_sys::Reflect::get(&root, &"__counts".into()).unwrap())
            .iter()
            .filter_map(|v| v.as_string()?.parse().ok())
            .collect();
    assert!(counts.windows(2).all(|w| w[0] < w[1]), "{counts:?}");
    assert_eq!(counts.last(), Some(&1_500), "{counts:?}");
    // Fewer counts than pages: at most one a wave here.
    assert!(counts.len() < 15, "{counts:?}");
}

#[wasm_bindgen_test]
async fn a_narrow_component_draws_its_first_rows_once_in_their_narrow_form() {
    // 900 px is below the width where the details move under the run id
    // (1,340 px): the first page is drawn once, already in that form, not
    // wide and then again once the root's own width is known; also in an
    // inline host (as `<cu-runs-table>` is unless styled), which has no
    // width of its own.
    install_styles();
    for inline in [false, true] {
        let root = container();
        root.style().set_property("width", "900px").unwrap();
        let host: HtmlElement = if inline {
            let span: HtmlElement = document().create_element("span").unwrap().unchecked_into();
            root.append_child(&span).unwrap();
            span
        } else {
            root.clone()
        };
        js_sys::Function::new_with_args(
            "el",
            "el.__rowsAdded = 0;
             new MutationObserver((ms) => { for (const m of ms) for (const n of m.addedNodes)
               if (n.nodeName === 'TR' && !n.classList.contains('cu-empty-row') && m.target.closest('table.cu-runs')) el.__rowsAdded++;
             }).observe(el, { subtree: true, childList: true });",
        )
        .call1(&JsValue::NULL, &root)
        .unwrap();
        let h = mount_org_into(&host, "demo-org", json!({}));
        let rows = rows_loaded(&root, 20).await;
        // Past the frames where the root is laid out and its width observed.
        sleep(500).await;
        let added = js_sys::Reflect::get(&root, &"__rowsAdded".into())
            .unwrap()
            .as_f64();
        assert_eq!(added, Some(20.0), "run rows added (inline host: {inline})");
        assert!(
            rows[0].query_selector(".cu-more").unwrap().is_some(),
            "details under the run id"
        );
        drop(h);
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn empty_org_says_no_runs_yet() {
    let (root, _h) = mount_org("empty", json!({}));
    wait_for("empty state", 10_000, || {
        accessible_text(&root)
            .contains("No runs yet.")
            .then_some(())
    })
    .await;
    assert!(disabled(&button(&root, "Next page").unwrap()));
}

#[wasm_bindgen_test]
async fn server_error_shows_status_message_details_request_id_and_retry() {
    let (root, _h) = mount_org("fault-500", json!({}));
    let alert = wait_for("alert", 10_000, || one(&root, "[role=alert]")).await;
    let text = accessible_text(&alert);
    assert!(text.contains("HTTP 500"), "{text}");
    assert!(text.contains("internal error"), "{text}");
    assert!(text.contains("simulated fault"), "{text}");
    let request_id = accessible_text(&one(&alert, "code").unwrap());
    assert!(request_id.starts_with("req_"));
    assert!(!text.contains("test-token"));
    button(&root, "Retry").unwrap().click();
    wait_for("a new request id", 10_000, || {
        one(&root, "[role=alert] code")
            .map(|c| accessible_text(&c))
            .filter(|id| *id != request_id)
    })
    .await;
}

/// An API that cannot be reached is said once, by the runs' error box:
/// the ledger's failure (the same address) waits until the runs load.
#[wasm_bindgen_test]
async fn an_unreachable_api_is_said_once() {
    let (root, _h) = mount_org("acme", json!({ "apiBase": "http://127.0.0.1:9/" }));
    wait_for("the error", 15_000, || one(&root, ".cu-error[role=alert]")).await;
    // The ledger's requests fail about as fast; give them time to.
    sleep(1_000).await;
    let text = accessible_text(&root);
    assert!(!text.contains("usage ledger could not be read"), "{text}");
    assert_eq!(all(&root, "[role=alert]").len(), 1, "{text}");
}

#[wasm_bindgen_test]
async fn export_csv_downloads_the_filtered_runs() {
    // Capture the Blob the component hands to the browser.
    let _ = js_sys::eval("window.__cuBlobs = []; URL.createObjectURL = (b) => { window.__cuBlobs.push(b); return 'blob:captured'; }; URL.revokeObjectURL = () => {};");
    let (root, _h) = mount_org("acme", json!({ "pricePerCu": 0.002, "currency": "USD" }));
    rows_loaded(&root, 20).await;
    let page = fetch_page("acme", 20, 0).await;
    let wf = page["data"]["items"][0]["workflowId"]
        .as_str()
        .unwrap()
        .to_owned();
    select_value(&labelled(&root, "Workflow").unwrap(), &wf);
    let n = page["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["workflowId"] == wf.as_str())
        .count();
    wait_for("filtered", 5_000, || {
        (run_rows(&root).len() == n).then_some(())
    })
    .await;
    button(&root, "Export CSV").unwrap().click();
    let blobs = js_sys::eval("window.__cuBlobs").unwrap();
    let blob: web_sys::Blob = js_sys::Reflect::get(&blobs, &JsValue::from(0))
        .unwrap()
        .unchecked_into();
    // Read the bytes: Blob.text() would strip the BOM we want to see.
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .unwrap();
    let text = String::from_utf8(js_sys::Uint8Array::new(&buffer).to_vec()).unwrap();
    assert!(text.starts_with("\u{feff}Run ID,Workflow,Status,Status code,Trigger,Trigger code,Started,Finished,Duration (s),CU,CU partial,Cost (USD),Period from,Period to,Time zone,Price per CU,Currency\r\n"));
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), n + 1);
    assert!(lines[1..].iter().all(|l| l.contains(&format!("\"{wf}\""))));
    assert!(!text.contains("test-token"));
}

#[wasm_bindgen_test]
async fn unmount_removes_the_table() {
    let (root, mut handle) = mount_org("acme", json!({}));
    rows_loaded(&root, 20).await;
    handle.unmount();
    assert_eq!(root.child_element_count(), 0);
    handle.unmount();
}

fn mount_error(opts: serde_json::Value) -> String {
    mount_error_js(options(opts))
}

fn mount_error_js(opts: JsValue) -> String {
    let root = container();
    match mount(root.clone().into(), opts) {
        Ok(_) => panic!("mount should have failed"),
        Err(e) => {
            assert_eq!(root.child_element_count(), 0, "nothing is mounted");
            let v: JsValue = e.into();
            js_sys::Reflect::get(&v, &"message".into())
                .unwrap()
                .as_string()
                .unwrap()
        }
    }
}

#[wasm_bindgen_test]
fn bad_options_throw_a_message_naming_the_option() {
    assert_eq!(
        mount_error(json!({ "apiBase": demo_api(), "token": "t" })),
        "orgId is required"
    );
    assert_eq!(
        mount_error(json!({ "orgId": "x", "token": "t" })),
        "apiBase is required"
    );
    assert_eq!(
        mount_error(json!({ "apiBase": demo_api(), "orgId": "x" })),
        "token or getToken is required"
    );
    assert!(mount_error(
        json!({ "apiBase": demo_api(), "orgId": "x", "token": "t", "pageSize": 500 })
    )
    .starts_with("pageSize must be between 1 and 100"));
}

/// NaN and ±Infinity (which JSON has no words for) are refused by name,
/// never read as "not set" and replaced by the default.
#[wasm_bindgen_test]
fn nan_and_infinity_are_refused_not_taken_for_unset() {
    for (key, value) in [
        ("pageSize", f64::NAN),
        ("maxRuns", f64::INFINITY),
        ("budgetCu", f64::NEG_INFINITY),
        ("refreshSeconds", f64::NAN),
    ] {
        let opts = options(json!({ "apiBase": demo_api(), "orgId": "x", "token": "t" }));
        js_sys::Reflect::set(&opts, &key.into(), &value.into()).unwrap();
        assert_eq!(
            mount_error_js(opts),
            format!("{key} must be a finite number, not NaN or Infinity")
        );
    }
}

/// Options that would serialize as other options (a `toJSON` method) are
/// refused: the token is read from the object, so its `apiBase` must be the
/// one validated.
#[wasm_bindgen_test]
fn options_with_a_to_json_method_are_refused() {
    let opts = options(json!({ "apiBase": demo_api(), "orgId": "x", "token": "test-token" }));
    let to_json =
        js_sys::Function::new_no_args("return { apiBase: 'https://evil.example', orgId: 'x' };");
    js_sys::Reflect::set(&opts, &"toJSON".into(), &to_json).unwrap();
    assert_eq!(
        mount_error_js(opts),
        "options must be a plain object, without a toJSON method"
    );
}

#[wasm_bindgen_test]
async fn trigger_and_date_filters() {
    let (root, _h, items) = acme_first_hundred().await;
    let trigger = items[3]["triggerSource"].as_str().unwrap().to_owned();
    let n = items
        .iter()
        .filter(|i| i["triggerSource"] == trigger.as_str())
        .count();
    select_value(&labelled(&root, "Trigger").unwrap(), &format!("={trigger}"));
    wait_for("trigger filter", 5_000, || {
        (run_rows(&root).len() == n).then_some(())
    })
    .await;
    button(&root, "Clear filters").unwrap().click();
    rows_loaded(&root, 100).await;

    // From/To are days in the billing time zone (UTC here).
    let day = items[50]["startedAt"].as_str().unwrap()[..10].to_owned();
    let on_day = items
        .iter()
        .filter(|i| i["startedAt"].as_str().unwrap().starts_with(&day))
        .count();
    type_into(&labelled(&root, "From").unwrap(), &day);
    type_into(&labelled(&root, "To").unwrap(), &day);
    let rows = wait_for("one day", 5_000, || {
        let r = run_rows(&root);
        (r.len() == on_day).then_some(r)
    })
    .await;
    assert!(on_day > 0);
    assert_eq!(rows.len(), on_day);
    let chips = accessible_text(&one(&root, ".cu-active").unwrap());
    // The screen's one date style: "From: Nov 28, 2026".
    let shown = cu_cost_table::core::period::medium_date(
        &day,
        &cu_cost_table::core::format::Formatter::plain(None),
    );
    assert!(!shown.contains('-'), "{shown}");
    assert!(
        chips.contains(&format!("From: {shown}")) && chips.contains(&format!("To: {shown}")),
        "{chips}"
    );
}

#[wasm_bindgen_test]
async fn load_all_stops_at_the_from_date() {
    let (root, _h) = mount_org("acme", json!({}));
    rows_loaded(&root, 20).await;
    // Three days back: the walk stops once a whole page is older.
    let from_ms = js_sys::Date::now() as i64 - 3 * 86_400_000;
    let from = cu_cost_table::core::time::utc_date(from_ms);
    type_into(&labelled(&root, "From").unwrap(), &from);
    let outcome = load_all(&root, 20_000, |t| t.contains("before the From date")).await;
    // One date style on screen: "Dec 3", not the ISO day.
    let day = cu_cost_table::core::period::parse(&from).unwrap();
    let short = cu_cost_table::core::period::short_date(
        day,
        cu_cost_table::core::period::ymd(day).0,
        &cu_cost_table::core::format::Formatter::plain(None),
    );
    assert!(
        outcome.ends_with(&format!(
            "back to {short} (UTC); older runs are before the From date and were not loaded."
        )),
        "{outcome}"
    );
    let loaded: u64 = outcome
        .trim_start_matches("Loaded ")
        .split(' ')
        .next()
        .unwrap()
        .replace(',', "")
        .parse()
        .unwrap();
    assert!((100..1_500).contains(&loaded), "{loaded}");
    let coverage = accessible_text(&one(&root, ".cu-coverage").unwrap());
    assert!(
        coverage.contains("loaded runs (1 filter active)"),
        "{coverage}"
    );
}

#[wasm_bindgen_test]
async fn embedded_instances_never_touch_the_url_or_history() {
    let window = web_sys::window().unwrap();
    let (search, length) = (
        window.location().search().unwrap(),
        window.history().unwrap().length().unwrap(),
    );
    let (root, _h) = mount_org("acme", json!({}));
    rows_loaded(&root, 20).await;
    button(&root, "Next page").unwrap().click();
    wait_for("page 2", 10_000, || {
        (pager_status(&root) == "Runs 21–40").then_some(())
    })
    .await;
    select_value(&labelled(&root, "Workflow").unwrap(), "billing-sync");
    sleep(50).await;
    assert_eq!(window.location().search().unwrap(), search);
    assert_eq!(window.history().unwrap().length().unwrap(), length);
}

#[wasm_bindgen_test]
async fn two_instances_are_independent() {
    let (a, _ha) = mount_org("acme", json!({}));
    let (b, _hb) = mount_org("globex", json!({ "pageSize": 50 }));
    rows_loaded(&a, 20).await;
    rows_loaded(&b, 50).await;
    assert_ne!(first_run_id(&a), first_run_id(&b));
    button(&a, "Next page").unwrap().click();
    wait_for("a on page 2", 10_000, || {
        (pager_status(&a) == "Runs 21–40").then_some(())
    })
    .await;
    assert_eq!(pager_status(&b), "Runs 1–50");
    // Ids are unique per instance, so each label points at its own control.
    assert_ne!(
        labelled(&a, "Workflow").unwrap().id(),
        labelled(&b, "Workflow").unwrap().id()
    );
}

#[wasm_bindgen_test]
async fn load_all_honours_the_cap_and_says_so() {
    let (root, _h) = mount_org("acme", json!({ "maxRuns": 250 }));
    rows_loaded(&root, 20).await;
    button(&root, "Load all runs").unwrap().click();
    wait_for("cap message", 20_000, || {
        one(&root, ".cu-outcome")
            .map(|o| accessible_text(&o))
            .filter(|t| t == "Stopped at the cap of 250 runs; more runs exist.")
    })
    .await;
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        "Totals cover all 250 loaded runs."
    );
}

#[wasm_bindgen_test]
async fn a_slow_first_page_shows_the_loading_state_soon() {
    // fault-slow answers after 2 s: the table is in the element at once but
    // kept out of layout briefly, then shown with its loading state well
    // before the answer.
    let (root, _h) = mount_org("fault-slow", json!({}));
    let section = || {
        one(&root, ".cu-root")
            .unwrap()
            .unchecked_into::<HtmlElement>()
    };
    assert_eq!(section().offset_height(), 0, "not laid out during mount");
    wait_for("the table on screen, before the answer", 1_000, || {
        (section().offset_height() > 0).then_some(())
    })
    .await;
    assert!(one(&root, "table[aria-busy=true]").is_some());
    assert!(accessible_text(&root).contains("Loading runs…"));
    // The tables are busy, not the whole component: its live status lines
    // ("Loading runs…", "Retrying…") are announced meanwhile.
    assert_eq!(section().get_attribute("aria-busy"), None);
    rows_loaded(&root, 20).await;
}

/// The Workflow select's options count each workflow's runs under the other
/// filters: the chosen option at once, the others by the next task, or as
/// soon as the select gets the focus (a keyboard or screen-reader user).
#[wasm_bindgen_test]
async fn workflow_options_count_runs_under_the_other_filters() {
    let (root, _h, items) = acme_first_hundred().await;
    let select = labelled(&root, "Workflow").unwrap();
    // "All workflows (n)", then "workflow (n)" for each workflow with runs,
    // by id.
    let expected = |status: Option<&str>| -> Vec<String> {
        let kept: Vec<&serde_json::Value> = items
            .iter()
            .filter(|i| status.is_none_or(|s| i["status"] == s))
            .collect();
        let order: std::collections::BTreeSet<String> = items
            .iter()
            .map(|i| i["workflowId"].as_str().unwrap().to_owned())
            .collect();
        let mut out = vec![format!("All workflows ({})", en_count(kept.len()))];
        for wf in order {
            let n = kept
                .iter()
                .filter(|i| i["workflowId"] == wf.as_str())
                .count();
            if n > 0 {
                out.push(format!("{wf} ({})", en_count(n)));
            }
        }
        out
    };
    let texts = || -> Vec<String> {
        all(&select, "option")
            .iter()
            .map(|o| o.text_content().unwrap_or_default())
            .collect()
    };
    assert_eq!(texts(), expected(None));
    let n_ok = items.iter().filter(|i| i["status"] == "success").count();
    status_checkbox(&root, "Succeeded").click();
    // Microtasks only: the table's effects run, the task after them not.
    for _ in 0..20 {
        let _ =
            wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
    }
    assert_eq!(run_rows(&root).len(), n_ok, "the rows follow at once");
    // The chosen option (what the closed select shows) is already right;
    // the others wait for the next task...
    assert_eq!(texts()[0], expected(Some("success"))[0]);
    assert_ne!(texts(), expected(Some("success")));
    // ... or for the focus, which brings every count up to date at once.
    fire(&select, "focus");
    assert_eq!(texts(), expected(Some("success")));
    // And without focus, the next task does.
    status_checkbox(&root, "Succeeded").click();
    wait_for("status filter off", 5_000, || {
        (run_rows(&root).len() == 100).then_some(())
    })
    .await;
    sleep(50).await;
    assert_eq!(texts(), expected(None));
    // A status that some workflows have no runs of: their options leave
    // the list by the next task, or at once on a pointer.
    let rare = ["cancelled", "waiting", "running", "failure"]
        .into_iter()
        .filter(|s| items.iter().any(|i| i["status"] == *s))
        .min_by_key(|s| items.iter().filter(|i| i["status"] == *s).count())
        .unwrap();
    assert!(
        expected(Some(rare)).len() < expected(None).len(),
        "the fixture has workflows without a {rare} run"
    );
    let rare_label = match rare {
        "cancelled" => "Cancelled",
        "waiting" => "Waiting",
        "running" => "Running",
        _ => "Failed",
    };
    status_checkbox(&root, rare_label).click();
    for _ in 0..20 {
        let _ =
            wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
    }
    assert_eq!(
        texts()[0],
        expected(Some(rare))[0],
        "the chosen option at once"
    );
    assert_ne!(
        texts(),
        expected(Some(rare)),
        "the list waits for the next task"
    );
    fire(&select, "pointerdown");
    assert_eq!(
        texts(),
        expected(Some(rare)),
        "a pointer brings the list up to date"
    );
    // Back to every status: the workflows come back by the next task.
    status_checkbox(&root, rare_label).click();
    wait_for("status filter off", 5_000, || {
        (run_rows(&root).len() == 100).then_some(())
    })
    .await;
    sleep(50).await;
    assert_eq!(texts(), expected(None));
    assert_no_page_errors();
}

/// The status checkboxes' counts, by label ("Failed" → 12), as shown.
fn status_counts(root: &Element) -> BTreeMap<String, usize> {
    all(root, "fieldset label")
        .iter()
        .filter_map(|l| {
            let text = accessible_text(l);
            let (label, count) = text.rsplit_once(" (")?;
            let n = count.trim_end_matches(')').replace(',', "").parse().ok()?;
            Some((label.trim().to_owned(), n))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn ticking_statuses_keeps_every_count_right_as_other_filters_change() {
    // A status ticked reuses the status counts of the pass before it only
    // while every other filter holds: each step here is checked against the
    // page's runs counted afresh.
    let (root, _h, items) = acme_first_hundred().await;
    let label = |status: &str| {
        match status {
            "success" => "Succeeded",
            "failure" => "Failed",
            "running" => "Running",
            "cancelled" => "Cancelled",
            "waiting" => "Waiting",
            "partial" => "Partial",
            other => other,
        }
        .to_owned()
    };
    // Counts per status under the workflow filter; rows under both.
    let expected = |wf: Option<&str>, statuses: &[&str]| {
        let mut counts: BTreeMap<String, usize> =
            status_counts(&root).into_keys().map(|k| (k, 0)).collect();
        let mut rows = 0;
        for i in &items {
            if wf.is_some_and(|w| i["workflowId"] != w) {
                continue;
            }
            let st = i["status"].as_str().unwrap();
            *counts.entry(label(st)).or_default() += 1;
            if statuses.is_empty() || statuses.contains(&st) {
                rows += 1;
            }
        }
        (counts, rows)
    };
    let check =
        |what: &'static str, wf: Option<&'static str>, statuses: &'static [&'static str]| {
            let root = root.clone();
            let (counts, rows) = expected(wf, statuses);
            async move {
                wait_for(what, 5_000, || {
                    (run_rows(&root).len() == rows && status_counts(&root) == counts).then_some(())
                })
                .await;
            }
        };
    let failed_wf = items
        .iter()
        .find(|i| i["status"] == "failure")
        .map(|i| i["workflowId"].as_str().unwrap().to_owned())
        .expect("acme's first page has a failed run");
    let wf: &'static str = Box::leak(failed_wf.into_boxed_str());
    check("all statuses", None, &[]).await;
    status_checkbox(&root, "Failed").click();
    check("Failed", None, &["failure"]).await;
    select_value(&labelled(&root, "Workflow").unwrap(), wf);
    check("Failed in one workflow", Some(wf), &["failure"]).await;
    status_checkbox(&root, "Succeeded").click();
    check(
        "Failed and Succeeded in one workflow",
        Some(wf),
        &["failure", "success"],
    )
    .await;
    status_checkbox(&root, "Failed").click();
    check("Succeeded in one workflow", Some(wf), &["success"]).await;
    select_value(&labelled(&root, "Workflow").unwrap(), "");
    check("Succeeded", None, &["success"]).await;
    status_checkbox(&root, "Succeeded").click();
    check("all statuses again", None, &[]).await;
    assert_no_page_errors();
}

#[wasm_bindgen_test]
async fn load_all_under_filters_set_before_it_totals_and_counts_the_runs_they_keep() {
    // The walk's end makes the table's filter pass ahead, under the filters
    // set before it: a status ticked and the subtotals grouped by trigger.
    // The totals, the rows and the status counts are those of every run,
    // counted here afresh.
    let (root, _h) = mount_org("acme", json!({}));
    rows_loaded(&root, 20).await;
    status_checkbox(&root, "Failed").click();
    select_value(&labelled(&root, "Group by").unwrap(), "trigger");
    load_all(&root, 20_000, |t| t == "Loaded all 1,500 runs.").await;
    let mut items = Vec::new();
    for offset in (0..1_500).step_by(100) {
        let page = fetch_page("acme", 100, offset).await;
        items.extend(page["data"]["items"].as_array().unwrap().clone());
    }
    let failed: Vec<&serde_json::Value> =
        items.iter().filter(|i| i["status"] == "failure").collect();
    let sum: i128 = failed.iter().map(|i| api_units(&i["totalCu"])).sum();
    let t = wait_for("the trigger subtotals", 5_000, || {
        table(&root, "CU by trigger")
    })
    .await;
    let total = cells(&one(&t, "tfoot tr").unwrap());
    assert_eq!(total[1], en_count(failed.len()));
    assert_eq!(units(&total[2]), sum);
    let counts = status_counts(&root);
    let n = |s: &str| items.iter().filter(|i| i["status"] == s).count();
    assert_eq!(counts.get("Failed"), Some(&n("failure")));
    assert_eq!(counts.get("Succeeded"), Some(&n("success")));
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        format!(
            "Totals cover {} of 1,500 loaded runs (1 filter active).",
            en_count(failed.len())
        )
    );
    assert_no_page_errors();
}
