#![cfg(target_arch = "wasm32")]
//! The charts as a user meets them, in a real browser against the demo API:
//! their names, their figures (checked against independent sums of the API's
//! data), clicks, the keyboard, "Show as table" and `charts: false`.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)] // test code: not shipped

mod common;

use std::collections::BTreeMap;

use common::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn loaded(root: &Element) {
    wait_for("first page with charts", 10_000, || {
        (run_rows(root).len() == 20
            && one(root, "table[aria-busy=true]").is_none()
            && one(root, ".cu-bars svg[role=img]").is_some())
        .then_some(())
    })
    .await;
}

fn bar_hits(root: &Element) -> Vec<HtmlElement> {
    all(root, ".cu-bar-hit")
        .into_iter()
        .map(|b| b.unchecked_into())
        .collect()
}

fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn active_element() -> Option<Element> {
    document().active_element()
}

fn chart_figure(root: &Element, heading_starts: &str) -> Element {
    all(root, "figure.cu-chart")
        .into_iter()
        .find(|f| {
            one(f, "h3")
                .map(|h| accessible_text(&h))
                .is_some_and(|t| t.starts_with(heading_starts))
        })
        .unwrap_or_else(|| panic!("no chart headed {heading_starts}"))
}

/// CU per workflow of a page, summed here from the API's JSON.
fn sums_by_workflow(items: &[serde_json::Value]) -> BTreeMap<String, i128> {
    let mut m = BTreeMap::new();
    for i in items {
        *m.entry(i["workflowId"].as_str().unwrap().to_owned())
            .or_default() += api_units(&i["totalCu"]);
    }
    m
}

#[wasm_bindgen_test]
async fn bar_chart_names_its_main_fact_and_its_bars_match_the_api() {
    let (root, _h) = mount_org("acme", json!({}));
    loaded(&root).await;
    let page = fetch_page("acme", 20, 0).await;
    let items = page["data"]["items"].as_array().unwrap().clone();
    let sums = sums_by_workflow(&items);
    let total: i128 = sums.values().sum();
    let (top_wf, top_cu) = sums
        .iter()
        .max_by_key(|(wf, cu)| (**cu, std::cmp::Reverse((*wf).clone())))
        .unwrap();
    let name = one(&root, ".cu-bars svg[role=img]")
        .unwrap()
        .get_attribute("aria-label")
        .unwrap();
    // Shares add up to 100.0 %: the largest-remainder method over every
    // workflow (ordered as the table: most CU first, then by id), worked
    // out here from the API's figures.
    let mut order: Vec<(&String, &i128)> = sums.iter().collect();
    order.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut tenths: Vec<i128> = order.iter().map(|(_, cu)| **cu * 1_000 / total).collect();
    let mut rems: Vec<i128> = order.iter().map(|(_, cu)| **cu * 1_000 % total).collect();
    for _ in 0..(1_000 - tenths.iter().sum::<i128>()) {
        let i = (0..rems.len()).fold(0, |best, i| if rems[i] > rems[best] { i } else { best });
        tenths[i] += 1;
        rems[i] = -1;
    }
    assert_eq!(order[0].0, top_wf);
    let _ = top_cu;
    let share_tenths = tenths[0];
    let expected_start = format!(
        "CU by workflow: {top_wf} {}.{} %",
        share_tenths / 10,
        share_tenths % 10
    );
    assert!(
        name.starts_with(&expected_start),
        "{name} / {expected_start}"
    );
    // One bar per workflow (at most 10 + Other); each bar's figure is the
    // API's sum for its workflow.
    let hits = bar_hits(&root);
    assert_eq!(hits.len(), sums.len().min(10));
    for hit in &hits {
        let label = accessible_text(hit);
        let (wf, rest) = label.split_once(": ").unwrap();
        let cu = units(rest.split(" CU").next().unwrap());
        assert_eq!(Some(&cu), sums.get(wf), "bar {label}");
    }
}

#[wasm_bindgen_test]
async fn clicking_a_bar_filters_to_its_workflow_and_again_clears_it() {
    let (root, _h) = mount_org("acme", json!({}));
    loaded(&root).await;
    let second = bar_hits(&root)[1].clone();
    let wf = accessible_text(&second)
        .split(": ")
        .next()
        .unwrap()
        .to_owned();
    second.click();
    let select = labelled(&root, "Workflow").unwrap();
    wait_for("workflow filter set", 5_000, || {
        (select.unchecked_ref::<web_sys::HtmlSelectElement>().value() == wf).then_some(())
    })
    .await;
    let rows = run_rows(&root);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| cells(r)[1] == wf));
    assert!(accessible_text(&one(&root, ".cu-coverage").unwrap()).contains("(1 filter active)"));
    // The one remaining bar is pressed; clicking it again clears the filter.
    let hits = bar_hits(&root);
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    hits[0].click();
    wait_for("filter cleared", 5_000, || {
        (select
            .unchecked_ref::<web_sys::HtmlSelectElement>()
            .value()
            .is_empty())
        .then_some(())
    })
    .await;
    assert!(bar_hits(&root).len() > 1);
}

#[wasm_bindgen_test]
async fn arrow_keys_move_focus_between_bars_with_one_tab_stop() {
    let (root, _h) = mount_org("acme", json!({}));
    loaded(&root).await;
    let hits = bar_hits(&root);
    let tab_stops = |hits: &[HtmlElement]| {
        hits.iter()
            .filter(|h| h.get_attribute("tabindex").as_deref() == Some("0"))
            .count()
    };
    assert_eq!(tab_stops(&hits), 1);
    hits[0].focus().unwrap();
    key(&hits[0], "ArrowDown");
    assert_eq!(
        active_element().as_ref(),
        Some(hits[1].unchecked_ref::<Element>())
    );
    key(&hits[1], "End");
    let last = hits.last().unwrap();
    assert_eq!(
        active_element().as_ref(),
        Some(last.unchecked_ref::<Element>())
    );
    key(last, "Home");
    assert_eq!(
        active_element().as_ref(),
        Some(hits[0].unchecked_ref::<Element>())
    );
    key(&hits[0], "ArrowUp");
    assert_eq!(
        active_element().as_ref(),
        Some(hits[0].unchecked_ref::<Element>())
    );
    // Focus moved the tab stop with it.
    key(&hits[0], "ArrowDown");
    sleep(30).await;
    assert_eq!(hits[1].get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(tab_stops(&bar_hits(&root)), 1);
    // The last bar holds the Tab stop; filtering leaves one bar, which gets it.
    key(&hits[1], "End");
    sleep(30).await;
    assert_eq!(
        bar_hits(&root)
            .last()
            .unwrap()
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    bar_hits(&root)[0].click();
    wait_for("one bar", 5_000, || {
        (bar_hits(&root).len() == 1).then_some(())
    })
    .await;
    sleep(50).await;
    assert_eq!(tab_stops(&bar_hits(&root)), 1);
}

#[wasm_bindgen_test]
async fn day_chart_shows_a_days_breakdown_by_keyboard_and_escape_hides_it() {
    // Days follow the billing time zone (UTC unless set); `timeZone` alone
    // only changes how dates and times are shown.
    let (shown_only, _h0) = mount_org("acme", json!({ "timeZone": "Asia/Tokyo" }));
    loaded(&shown_only).await;
    assert_eq!(
        accessible_text(&one(&chart_figure(&shown_only, "CU per day"), "h3").unwrap()),
        "CU per day (UTC)"
    );
    let (root, _h) = mount_org(
        "acme",
        json!({ "timeZone": "Asia/Tokyo", "billingTimeZone": "Asia/Tokyo" }),
    );
    loaded(&root).await;
    let fig = chart_figure(&root, "CU per day");
    assert_eq!(
        accessible_text(&one(&fig, "h3").unwrap()),
        "CU per day (Asia/Tokyo)"
    );
    let svg = one(&fig, "svg[role=img]").unwrap();
    assert!(svg
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("CU per day (Asia/Tokyo): "));
    let slider = one(&fig, "[role=slider]").unwrap();
    let detail = || accessible_text(&one(&fig, ".cu-day-detail").unwrap());
    let hint = detail();
    slider.unchecked_ref::<HtmlElement>().focus().unwrap();
    key(&slider, "End");
    let shown = wait_for("day detail", 3_000, || {
        Some(detail()).filter(|d| *d != hint)
    })
    .await;
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some(shown.as_str())
    );
    // The day's total is the sum of the page's runs started that day in Tokyo.
    let (day, rest) = shown.split_once(": ").unwrap();
    let page = fetch_page("acme", 20, 0).await;
    let expected: i128 = page["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| {
            let ms = js_sys::Date::parse(i["startedAt"].as_str().unwrap()) + 9.0 * 3_600_000.0;
            let tokyo_day = js_sys::Date::new(&ms.into())
                .to_iso_string()
                .as_string()
                .unwrap()[..10]
                .to_owned();
            // The screen's date style: "Nov 28, 2026".
            cu_cost_table::core::period::medium_date(
                &tokyo_day,
                &cu_cost_table::core::format::Formatter::plain(None),
            ) == day
        })
        .map(|i| api_units(&i["totalCu"]))
        .sum();
    assert_eq!(
        units(rest.split(" CU").next().unwrap()),
        expected,
        "{shown}"
    );
    assert_eq!(
        slider.get_attribute("aria-valuenow"),
        slider.get_attribute("aria-valuemax")
    );
    key(&slider, "Escape");
    wait_for("detail hidden", 3_000, || (detail() == hint).then_some(())).await;
    assert!(one(&fig, ".cu-day-hl").is_none());
}

#[wasm_bindgen_test]
async fn show_as_table_swaps_each_picture_for_its_figures() {
    let (root, _h) = mount_org("acme", json!({}));
    loaded(&root).await;
    let bars = chart_figure(&root, "CU by workflow");
    let toggle = button(&bars, "Show as table").unwrap();
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    toggle.click();
    let t = wait_for("bar figures table", 3_000, || {
        table(&bars, "CU by workflow (chart figures)")
    })
    .await;
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert!(one(&bars, "svg").is_none());
    let page = fetch_page("acme", 20, 0).await;
    let sums = sums_by_workflow(page["data"]["items"].as_array().unwrap());
    let shown: i128 = all(&t, "tbody tr")
        .iter()
        .map(|r| units(&cells(r)[2]))
        .sum();
    assert_eq!(shown, sums.values().sum::<i128>());

    let days = chart_figure(&root, "CU per day");
    button(&days, "Show as table").unwrap().click();
    let t = wait_for("day figures table", 3_000, || {
        table(&days, "CU per day (chart figures)")
    })
    .await;
    let rows = all(&t, "tbody tr");
    let runs: i128 = rows.iter().map(|r| units(&cells(r)[1]) / 10_000).sum();
    assert_eq!(runs, 20);
    let cu: i128 = rows.iter().map(|r| units(&cells(r)[2])).sum();
    assert_eq!(cu, sums.values().sum::<i128>());
    button(&days, "Show as table").unwrap().click();
    wait_for("picture back", 3_000, || one(&days, "svg[role=img]")).await;
}

#[wasm_bindgen_test]
async fn charts_follow_the_all_loaded_scope() {
    let (root, _h) = mount_org("acme", json!({}));
    loaded(&root).await;
    load_all(&root, 20_000, |t| t == "Loaded all 1,500 runs.").await;
    let days = chart_figure(&root, "CU per day");
    button(&days, "Show as table").unwrap().click();
    let t = wait_for("day figures table", 3_000, || {
        table(&days, "CU per day (chart figures)")
    })
    .await;
    let rows = all(&t, "tbody tr");
    assert!(rows.len() > 1, "1,500 runs span several days");
    let runs: i128 = rows.iter().map(|r| units(&cells(r)[1]) / 10_000).sum();
    assert_eq!(runs, 1_500);
    let total_row = table(&root, "CU by workflow")
        .and_then(|t| one(&t, "tfoot tr"))
        .unwrap();
    let cu: i128 = rows.iter().map(|r| units(&cells(r)[2])).sum();
    assert_eq!(cu, units(&cells(&total_row)[2]));
    let name = one(&root, ".cu-bars svg[role=img]")
        .unwrap()
        .get_attribute("aria-label")
        .unwrap();
    assert!(name.contains("more workflows"), "{name}");
}

#[wasm_bindgen_test]
async fn charts_false_leaves_them_out() {
    let (root, _h) = mount_org("acme", json!({ "charts": false }));
    wait_for("rows", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    assert!(one(&root, ".cu-chart").is_none());
    assert!(one(&root, "[role=img]").is_none());
    assert!(
        table(&root, "CU by workflow").is_some(),
        "the subtotals table stays"
    );
}

#[wasm_bindgen_test]
async fn bars_grouped_by_trigger_filter_by_trigger() {
    let (root, _h) = mount_org("acme", json!({ "groupBy": "trigger" }));
    loaded(&root).await;
    let group = wait_for("the bars", 5_000, || one(&root, ".cu-bar-hits")).await;
    // The group and the pressed state follow the grouping, not the workflow filter.
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Filter by trigger")
    );
    assert!(bar_hits(&root)
        .iter()
        .all(|b| b.get_attribute("aria-pressed").as_deref() == Some("false")));
    let first = bar_hits(&root)[0].clone();
    let label = first.query_selector(".cu-bar-label").unwrap().unwrap();
    let shown = label.text_content().unwrap_or_default();
    first.click();
    let select = labelled(&root, "Trigger").unwrap();
    wait_for("trigger filter set", 5_000, || {
        (!select
            .unchecked_ref::<web_sys::HtmlSelectElement>()
            .value()
            .starts_with('*'))
        .then_some(())
    })
    .await;
    let hits = wait_for("one bar", 5_000, || {
        let h = bar_hits(&root);
        (h.len() == 1).then_some(h)
    })
    .await;
    assert_eq!(
        hits[0].get_attribute("aria-pressed").as_deref(),
        Some("true"),
        "{shown}"
    );
}

/// The focused element, if any (not `<body>`).
fn focused() -> Option<Element> {
    web_sys::window()?
        .document()?
        .active_element()
        .filter(|e| e.tag_name() != "BODY")
}

#[wasm_bindgen_test]
async fn focus_stays_on_the_same_bar_and_row_when_the_lists_change() {
    let (root, _h) = mount_org("acme", json!({}));
    loaded(&root).await;
    // Enter (a click) on the second bar: the bars become one, and the focus
    // is on it, not lost to <body>.
    let second = bar_hits(&root)[1].clone();
    let key = second.get_attribute("data-key").unwrap();
    second.focus().unwrap();
    second.click();
    wait_for("one bar", 5_000, || {
        (bar_hits(&root).len() == 1).then_some(())
    })
    .await;
    let now = focused().expect("the focus is lost");
    assert_eq!(now.get_attribute("data-key").as_deref(), Some(key.as_str()));
    assert!(now.class_list().contains("cu-bar-hit"));
    // Again: the filter clears, the bars come back, the focus stays on it.
    let bar: HtmlElement = now.unchecked_into();
    bar.click();
    wait_for("all bars", 5_000, || {
        (bar_hits(&root).len() > 1).then_some(())
    })
    .await;
    let now = focused().expect("the focus is lost");
    assert_eq!(now.get_attribute("data-key").as_deref(), Some(key.as_str()));

    // The third subtotal row's name: its row stays focused when the table
    // shows only it.
    let t = table(&root, "CU by workflow").unwrap();
    let row = all(&t, "tbody tr")[2].clone();
    let key = row.get_attribute("data-key").unwrap();
    let name: HtmlElement = one(&row, "th button").unwrap().unchecked_into();
    name.focus().unwrap();
    name.click();
    wait_for("one row", 5_000, || {
        (all(&table(&root, "CU by workflow").unwrap(), "tbody tr").len() == 1).then_some(())
    })
    .await;
    let now = focused().expect("the focus is lost");
    assert_eq!(now.tag_name(), "BUTTON");
    assert_eq!(
        now.closest("tr")
            .unwrap()
            .unwrap()
            .get_attribute("data-key")
            .as_deref(),
        Some(key.as_str())
    );
    let now: HtmlElement = focused().unwrap().unchecked_into();
    now.click();
    wait_for("all rows", 5_000, || {
        (all(&table(&root, "CU by workflow").unwrap(), "tbody tr").len() > 1).then_some(())
    })
    .await;

    // A sort moves the rows; the focused row's button keeps the focus.
    let t = table(&root, "CU by workflow").unwrap();
    let row = all(&t, "tbody tr")[0].clone();
    let key = row.get_attribute("data-key").unwrap();
    let bar_before = bar_hits(&root)
        .into_iter()
        .find(|b| b.get_attribute("data-key").as_deref() == Some(key.as_str()))
        .expect("the top group has a bar");
    let name: HtmlElement = one(&row, "th button").unwrap().unchecked_into();
    name.focus().unwrap();
    let sort: HtmlElement = all(&t, "thead th button")
        .into_iter()
        .find(|b| accessible_text(b).starts_with("Workflow"))
        .unwrap()
        .unchecked_into();
    sort.click();
    wait_for("rows sorted by name", 5_000, || {
        let rows = all(&table(&root, "CU by workflow").unwrap(), "tbody tr");
        (rows[0].get_attribute("data-key").as_deref() != Some(key.as_str())).then_some(())
    })
    .await;
    let now = focused().expect("the focus is lost");
    assert_eq!(
        now.closest("tr")
            .unwrap()
            .unwrap()
            .get_attribute("data-key")
            .as_deref(),
        Some(key.as_str())
    );
    // Keyed lists: the row and the bar of that group are the same nodes,
    // moved, and the focus is on the very button it was on.
    assert!(
        now.is_same_node(Some(name.as_ref())),
        "the focused button was rebuilt"
    );
    let moved = one(
        &table(&root, "CU by workflow").unwrap(),
        &format!("tbody tr[data-key=\"{key}\"]"),
    )
    .unwrap();
    assert!(moved.is_same_node(Some(&row)), "the row was rebuilt");
    let bar_now = bar_hits(&root)
        .into_iter()
        .find(|b| b.get_attribute("data-key").as_deref() == Some(key.as_str()))
        .unwrap();
    assert!(
        bar_now.is_same_node(Some(bar_before.as_ref())),
        "the bar was rebuilt"
    );
    assert_ne!(
        bar_hits(&root)[0].get_attribute("data-key").as_deref(),
        Some(key.as_str()),
        "the bars moved with the sort"
    );
}
