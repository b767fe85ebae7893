#![cfg(target_arch = "wasm32")]
//! Component behaviour over a fixture `RunsSource` (no network): sentences
//! with one run, exact totals over hand-made data, sorting, and the pager,
//! where HTTP is not the point.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)] // test code: not shipped

mod common;

use common::fixture::{mount_fixture, FixtureSource};
use common::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn item(
    id: &str,
    workflow: &str,
    status: &str,
    cu: serde_json::Value,
    started: &str,
) -> serde_json::Value {
    let finished = if status == "running" { "" } else { started };
    json!({ "runId": id, "workflowId": workflow, "status": status, "startedAt": started,
            "finishedAt": finished, "totalCu": cu, "triggerSource": "manual" })
}

#[wasm_bindgen_test]
async fn one_run_reads_in_the_singular() {
    let source = FixtureSource::from_items(json!([item(
        "r1",
        "wf-a",
        "running",
        json!(0.5),
        "2026-11-28T10:00:00Z"
    )]));
    let (root, _h) = mount_fixture(source, json!({}));
    wait_for("one row", 5_000, || {
        (run_rows(&root).len() == 1).then_some(())
    })
    .await;
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        "Totals cover 1 run on this page."
    );
    assert!(
        accessible_text(&root).contains("1 run is still in progress: its CU so far is included.")
    );
}

#[wasm_bindgen_test]
async fn totals_are_exact_over_hand_made_decimals() {
    // 0.1 + 0.2 in floats is 0.30000000000000004; the totals stay exact.
    let source = FixtureSource::from_items(json!([
        item("r1", "wf-a", "success", json!(0.1), "2026-11-28T10:00:00Z"),
        item("r2", "wf-a", "success", json!(0.2), "2026-11-28T09:00:00Z"),
        item(
            "r3",
            "wf-b",
            "failure",
            json!(1234.5678),
            "2026-11-28T08:00:00Z"
        ),
        item("r4", "wf-b", "success", json!(null), "2026-11-28T07:00:00Z"),
    ]));
    let (root, _h) = mount_fixture(source, json!({ "pricePerCu": 0.002, "currency": "USD" }));
    wait_for("four rows", 5_000, || {
        (run_rows(&root).len() == 4).then_some(())
    })
    .await;
    let t = table(&root, "CU by workflow").unwrap();
    let total = cells(&one(&t, "tfoot tr").unwrap());
    assert_eq!(total[1], "4");
    assert_eq!(total[2], "1,234.8678");
    let rows: Vec<Vec<String>> = all(&t, "tbody tr").iter().map(cells).collect();
    let wf_a = rows.iter().find(|r| r[0].contains("wf-a")).unwrap();
    assert_eq!(wf_a[2], "0.3000");
    assert!(accessible_text(&root).contains("1 run without a valid CU value is not in the totals."));
    // Money is CU × price, exact, rounded only for display to the
    // currency's cents: 1,234.8678 CU × 0.002 = $2.4697356 → $2.47.
    assert_eq!(total.last().unwrap(), "$2.47");
}

#[wasm_bindgen_test]
async fn money_decimals_shows_more_digits_of_the_same_exact_cost() {
    let source = FixtureSource::from_items(json!([
        item(
            "r1",
            "wf-a",
            "success",
            json!(0.0867),
            "2026-11-28T10:00:00Z"
        ),
        item(
            "r2",
            "wf-a",
            "success",
            json!(1234.7811),
            "2026-11-28T09:00:00Z"
        ),
    ]));
    let (root, _h) = mount_fixture(
        source,
        json!({ "pricePerCu": 0.002, "currency": "USD", "moneyDecimals": 4 }),
    );
    wait_for("two rows", 5_000, || {
        (run_rows(&root).len() == 2).then_some(())
    })
    .await;
    let t = table(&root, "CU by workflow").unwrap();
    let total = cells(&one(&t, "tfoot tr").unwrap());
    assert_eq!(total[2], "1,234.8678");
    // Not the sum of per-run costs rounded first ($0.0002 + $2.4696).
    assert_eq!(total.last().unwrap(), "$2.4697");
    let costs: Vec<String> = run_rows(&root)
        .iter()
        .map(|r| cells(r).last().unwrap().clone())
        .collect();
    assert!(costs.contains(&"$0.0002".to_owned()), "{costs:?}");
}

#[wasm_bindgen_test]
async fn the_pager_walks_fixture_pages_without_a_network() {
    let items: Vec<serde_json::Value> = (0..45)
        .map(|i| {
            item(
                &format!("r{i:02}"),
                "wf",
                "success",
                json!(1),
                "2026-11-28T10:00:00Z",
            )
        })
        .collect();
    let source = FixtureSource::from_items(json!(items));
    let asked = source.asked.clone();
    let (root, _h) = mount_fixture(source, json!({}));
    wait_for("page 1", 5_000, || {
        (pager_status(&root) == "Runs 1–20").then_some(())
    })
    .await;
    button(&root, "Next page").unwrap().click();
    wait_for("page 2", 5_000, || {
        (pager_status(&root) == "Runs 21–40").then_some(())
    })
    .await;
    button(&root, "Next page").unwrap().click();
    wait_for("page 3", 5_000, || {
        (pager_status(&root) == "Runs 41–45").then_some(())
    })
    .await;
    assert_eq!(cells(&run_rows(&root)[0])[0], "r40");
    assert!(button(&root, "Next page")
        .unwrap()
        .has_attribute("disabled"));
    assert_eq!(asked.get(), 3);
}

#[wasm_bindgen_test]
async fn a_run_sent_twice_in_one_page_is_counted_once() {
    // The server repeats r1 (it finished meanwhile, with more CU).
    let source = FixtureSource::from_items(json!([
        item("r1", "wf-a", "running", json!(1.5), "2026-11-28T10:00:00Z"),
        item("r2", "wf-a", "success", json!(2), "2026-11-28T09:00:00Z"),
        item("r1", "wf-a", "success", json!(4.25), "2026-11-28T10:00:00Z"),
    ]));
    let (root, _h) = mount_fixture(source, json!({}));
    wait_for("two rows", 5_000, || {
        (run_rows(&root).len() == 2).then_some(())
    })
    .await;
    let t = table(&root, "CU by workflow").unwrap();
    let total = cells(&one(&t, "tfoot tr").unwrap());
    assert_eq!((total[1].as_str(), total[2].as_str()), ("2", "6.2500"));
    assert_eq!(
        accessible_text(&one(&root, ".cu-coverage").unwrap()),
        "Totals cover 2 runs on this page."
    );
}

/// A name with a right-to-left override cannot reorder what follows it in
/// an option or a chip: it is isolated there (CSS cannot reach either).
#[wasm_bindgen_test]
async fn bidi_names_are_isolated_in_options_and_chips() {
    let name = "abc\u{202E}gpj.exe";
    let source = FixtureSource::from_items(json!([
        item("r1", name, "success", json!(1), "2026-11-28T10:00:00Z"),
        item("r2", "billing", "success", json!(2), "2026-11-28T09:00:00Z"),
    ]));
    let (root, _h) = mount_fixture(source, json!({}));
    wait_for("two rows", 5_000, || {
        (run_rows(&root).len() == 2).then_some(())
    })
    .await;
    let select = labelled(&root, "Workflow").unwrap();
    // Its options' texts are written when it takes the focus.
    select
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    let texts = wait_for("the workflow options", 5_000, || {
        let texts: Vec<String> = all(&select, "option")
            .iter()
            .map(|o| o.text_content().unwrap_or_default())
            .collect();
        (texts.len() == 3 && texts.iter().all(|t| !t.is_empty())).then_some(texts)
    })
    .await;
    assert!(
        texts.contains(&format!("\u{2068}{name}\u{2069} (1)")),
        "{texts:?}"
    );
    assert!(texts.contains(&"billing (1)".to_owned()), "{texts:?}");
    type_into(&labelled(&root, "Search runs").unwrap(), "\u{202E}abc");
    wait_for("the search chip", 5_000, || {
        accessible_text(&root)
            .contains("Search: “\u{2068}\u{202E}abc\u{2069}”")
            .then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn search_ignores_case_beyond_ascii() {
    // Non-ASCII text is lowered by the browser (`toLowerCase`), ASCII in
    // Rust: both must find a run however its id or workflow is typed.
    let source = FixtureSource::from_items(json!([
        item(
            "RUN-ÄÖÜ-1",
            "überweisung",
            "success",
            json!(1),
            "2026-11-28T10:00:00Z"
        ),
        item(
            "run-2",
            "ΟΔΟΣ-sync",
            "success",
            json!(2),
            "2026-11-28T09:00:00Z"
        ),
        item(
            "run-3",
            "billing",
            "success",
            json!(3),
            "2026-11-28T08:00:00Z"
        ),
    ]));
    let (root, _h) = mount_fixture(source, json!({}));
    wait_for("three rows", 5_000, || {
        (run_rows(&root).len() == 3).then_some(())
    })
    .await;
    for (typed, expected) in [
        ("run-äöü", "RUN-ÄÖÜ-1"),
        ("ÜBERWEISUNG", "RUN-ÄÖÜ-1"),
        ("οδος", "run-2"),
        ("ΟΔΟΣ-SYNC", "run-2"),
    ] {
        type_into(&labelled(&root, "Search runs").unwrap(), typed);
        let rows = wait_for(typed, 5_000, || {
            let r = run_rows(&root);
            (r.len() == 1 && cells(&r[0])[0] == expected).then_some(r)
        })
        .await;
        assert_eq!(rows.len(), 1, "{typed}");
    }
    // The same lowering as Rust's, where the browser does it.
    for s in ["ÄÖÜ Straße", "ΟΔΟΣ", "İstanbul", "ǅungla", "Ⅻ"] {
        assert_eq!(cu_cost_table::core::text::lower(s), s.to_lowercase(), "{s}");
    }
}

#[wasm_bindgen_test]
async fn the_table_appears_with_its_first_runs() {
    // The page is kept out of layout until its first page is shown: at no
    // point is the table on screen without its runs (one layout and paint).
    let mut source = FixtureSource::from_items(json!([
        item("r1", "wf-a", "success", json!(1), "2026-11-28T10:00:00Z"),
        item("r2", "wf-b", "success", json!(2), "2026-11-28T09:00:00Z"),
    ]));
    source.delay_ms = 40;
    let seen: std::rc::Rc<std::cell::RefCell<Vec<(bool, usize)>>> = Default::default();
    let root = container();
    let (record, probe) = (seen.clone(), root.clone());
    let observer = web_sys::MutationObserver::new(
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if let Some(r) = one(&probe, ".cu-root") {
                let shown = r.unchecked_into::<web_sys::HtmlElement>().offset_height() > 0;
                record.borrow_mut().push((shown, run_rows(&probe).len()));
            }
        })
        .into_js_value()
        .unchecked_ref(),
    )
    .unwrap();
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_attributes(true);
    observer.observe_with_options(&root, &init).unwrap();
    let _h = common::fixture::mount_fixture_in(root.clone(), source, json!({}));
    let shown = |r: &web_sys::Element| {
        r.clone()
            .unchecked_into::<web_sys::HtmlElement>()
            .offset_height()
            > 0
    };
    assert!(
        !shown(&one(&root, ".cu-root").unwrap()),
        "hidden while the first page loads"
    );
    wait_for("two rows on screen", 5_000, || {
        (run_rows(&root).len() == 2 && shown(&one(&root, ".cu-root").unwrap())).then_some(())
    })
    .await;
    sleep(0).await;
    observer.disconnect();
    let seen = seen.borrow();
    assert!(
        seen.iter().all(|&(shown, rows)| !shown || rows == 2),
        "on screen only with its runs: {seen:?}"
    );
}

/// The builder's tag and attribute names are JavaScript strings made once
/// per literal (`view::names`): a name is known by where its bytes start
/// and how many there are, so two names that start at the same byte (one
/// literal and a prefix of it) stay two names, and a name used again is
/// still that name.
#[wasm_bindgen_test]
fn element_and_attribute_names_stay_distinct_when_made_once() {
    use cu_cost_table::view::el::h;

    let long: &'static str = "aria-labelledby";
    let prefix: &'static str = &long[..10]; // "aria-label", at the same address
    let built = h("section")
        .attr(prefix, "short")
        .attr(long, "long")
        .child(h("span").attr(prefix, "again").text("a"))
        .child(h("td"))
        .into_element();
    assert_eq!(built.tag_name(), "SECTION");
    assert_eq!(built.get_attribute("aria-label").as_deref(), Some("short"));
    assert_eq!(
        built.get_attribute("aria-labelledby").as_deref(),
        Some("long")
    );
    let children = built.children();
    let span = children.item(0).expect("the span");
    assert_eq!(span.tag_name(), "SPAN");
    assert_eq!(span.get_attribute("aria-label").as_deref(), Some("again"));
    assert_eq!(span.text_content().as_deref(), Some("a"));
    assert_eq!(children.item(1).expect("the cell").tag_name(), "TD");
}

/// `El::show` (the view layer's `<Show>`): its part is built when the
/// condition turns true, not again while it stays true (a change that
/// leaves it true rebuilds nothing, and its own bindings follow the signal
/// in place), and gives way to the other part when it turns false. The
/// part's bindings end with it: once taken away, it no longer follows the
/// signal.
#[wasm_bindgen_test]
async fn el_show_rebuilds_only_when_its_condition_turns() {
    use cu_cost_table::view::el::h;
    use leptos::prelude::*;
    use std::cell::Cell;
    use std::rc::Rc;

    let _ = any_spawner::Executor::init_wasm_bindgen();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let n = RwSignal::new(0);
    let built = Rc::new(Cell::new(0));
    let count = built.clone();
    let owner = Owner::new();
    let shown = owner.with(|| {
        h("div")
            .show(
                move || n.get() > 0,
                move || {
                    count.set(count.get() + 1);
                    vec![h("b").dyn_text(move || n.get().to_string())]
                },
                || vec![h("em").text("none")],
            )
            .into_element()
    });
    host.append_child(&shown).unwrap();
    assert_eq!(host.text_content().unwrap(), "none");
    assert_eq!(built.get(), 0);
    n.set(1);
    sleep(20).await;
    let b = one(&host, "b").expect("children shown");
    assert_eq!(b.text_content().unwrap(), "1");
    assert_eq!(built.get(), 1);
    n.set(2);
    sleep(20).await;
    let again = one(&host, "b").unwrap();
    assert_eq!(again.text_content().unwrap(), "2");
    assert!(
        again.is_same_node(Some(&b)),
        "the same element, updated in place"
    );
    assert_eq!(built.get(), 1, "children not rebuilt");
    n.set(0);
    sleep(20).await;
    assert!(one(&host, "b").is_none());
    assert_eq!(host.text_content().unwrap(), "none");
    n.set(5);
    sleep(20).await;
    assert_eq!(
        b.text_content().unwrap(),
        "2",
        "a taken-away part no longer follows"
    );
    owner.cleanup();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_table_of_thousands_of_groups_shows_its_first_rows_and_all_on_request() {
    // 150 workflows, one run each of i/10 CU: with all runs loaded the table
    // shows the first 100 in its order, says so, and its Total row covers
    // all 150.
    let items: Vec<serde_json::Value> = (1..=150)
        .map(|i| {
            item(
                &format!("r{i}"),
                &format!("wf-{i:03}"),
                "success",
                json!(f64::from(i) / 10.0),
                "2026-11-28T10:00:00Z",
            )
        })
        .collect();
    let source = FixtureSource::from_items(json!(items));
    let (root, _h) = mount_fixture(source, json!({ "pageSize": 100 }));
    wait_for("first page", 5_000, || {
        (run_rows(&root).len() == 100).then_some(())
    })
    .await;
    button(&root, "Load all runs").unwrap().click();
    wait_for("all loaded", 10_000, || {
        one(&root, ".cu-outcome")
            .map(|o| accessible_text(&o))
            .filter(|t| t.starts_with("Loaded all 150 runs"))
    })
    .await;
    let t = table(&root, "CU by workflow").unwrap();
    let rows = wait_for("the first rows", 5_000, || {
        let rows = all(
            &table(&root, "CU by workflow").unwrap(),
            "tbody tr[data-key]",
        );
        (rows.len() == 100).then_some(rows)
    })
    .await;
    let cut = one(&t, "tr.cu-rows-cut").expect("the cut is said");
    assert!(
        accessible_text(&cut).starts_with(
            "The first 100 of 150 workflows in this order; the Total row covers all of them."
        ),
        "{}",
        accessible_text(&cut)
    );
    // Largest first.
    assert_eq!(rows[0].get_attribute("data-key").as_deref(), Some("wf-150"));
    let total = cells(&one(&t, "tfoot tr").unwrap());
    // Σ i/10 for i in 1..=150 = 1132.5: every run, not the rows shown.
    assert!(total.iter().any(|c| c == "1,132.5000"), "{total:?}");
    button(&root, "Show all 150 workflows").unwrap().click();
    wait_for("all rows", 5_000, || {
        let n = all(
            &table(&root, "CU by workflow").unwrap(),
            "tbody tr[data-key]",
        )
        .len();
        (n == 150).then_some(())
    })
    .await;
    assert!(one(&table(&root, "CU by workflow").unwrap(), "tr.cu-rows-cut").is_none());
}
