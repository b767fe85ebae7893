#![cfg(target_arch = "wasm32")]
//! Periods as finance meets them, through `mount()` against the demo API
//! (started with `--now 2026-11-28T12:00:00Z`; the component's `now` is
//! fixed too, so every period is deterministic): each preset's From/To and
//! totals, the Previous/Change figures, the budget sentence and the
//! cumulative line, Group by, granularity, workflow names, and the period
//! coverage messages. Every expected figure is summed here from the API's
//! own JSON, independently of the crate.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)] // test code: not shipped

mod common;

use std::collections::BTreeMap;

use common::*;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The component's "now": six hours after the demo data's newest run.
const NOW: &str = "2026-11-28T18:00:00Z";

/// Every run of an org, straight from the API (newest first).
async fn all_runs(org: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut offset = 0;
    loop {
        let page = fetch_page(org, 100, offset).await;
        let items = page["data"]["items"].as_array().unwrap().clone();
        offset += items.len() as u64;
        out.extend(items);
        if !page["data"]["hasMore"].as_bool().unwrap() {
            return out;
        }
    }
}

/// The UTC day (`YYYY-MM-DD`) a run started (the tests mount in UTC).
fn day(run: &Value) -> String {
    run["startedAt"].as_str().unwrap()[..10].to_owned()
}

/// CU of the runs started within `from..=to`, per `key` (and the total
/// under ""), in ten-thousandths.
fn sums(runs: &[Value], from: &str, to: &str, key: &str) -> BTreeMap<String, i128> {
    let mut out = BTreeMap::new();
    for r in runs {
        let d = day(r);
        if d.as_str() < from || d.as_str() > to || !r["totalCu"].is_number() {
            continue;
        }
        let k = r[key].as_str().unwrap_or("").to_owned();
        *out.entry(k).or_insert(0) += api_units(&r["totalCu"]);
        *out.entry(String::new()).or_insert(0) += api_units(&r["totalCu"]);
    }
    out
}

fn count_in(runs: &[Value], from: &str, to: &str) -> usize {
    runs.iter()
        .filter(|r| (from..=to).contains(&day(r).as_str()))
        .count()
}

fn input_value(root: &Element, label: &str) -> String {
    labelled(root, label)
        .unwrap_or_else(|| panic!("no {label} field"))
        .unchecked_into::<HtmlInputElement>()
        .value()
}

fn period_select(root: &Element) -> Element {
    labelled(root, "Period").expect("a Period select")
}

fn text_of(root: &Element, selector: &str) -> String {
    one(root, selector)
        .map(|e| accessible_text(&e))
        .unwrap_or_default()
}

/// The subtotals table (whatever its grouping) and its rows by name.
fn subtotal_rows(root: &Element, caption: &str) -> BTreeMap<String, Vec<String>> {
    let t = table(root, caption).unwrap_or_else(|| panic!("no table {caption}"));
    all(&t, "tbody tr, tfoot tr")
        .iter()
        .map(|r| {
            let c = cells(r);
            (c[0].clone(), c)
        })
        .collect()
}

/// The column index of a header in a table.
fn column(root: &Element, caption: &str, header: &str) -> usize {
    let t = table(root, caption).unwrap();
    all(&t, "thead th")
        .iter()
        .position(|h| accessible_text(h).trim_end_matches(['↕', '▲', '▼']).trim() == header)
        .unwrap_or_else(|| panic!("no {header} column"))
}

/// Chooses a preset, loads what it needs, and waits for the coverage line.
async fn choose_and_load(root: &Element, preset: &str) {
    select_value(&period_select(root), preset);
    sleep(50).await;
    if let Some(b) = all(root, "button")
        .into_iter()
        .find(|b| accessible_text(b).starts_with("Load runs back to"))
    {
        b.unchecked_into::<web_sys::HtmlElement>().click();
    }
    wait_for("the period and its comparison fully loaded", 15_000, || {
        let line = text_of(root, ".cu-period-cover");
        let offered = all(root, "button")
            .iter()
            .any(|b| accessible_text(b).starts_with("Load runs back to"));
        (line.contains(": all ")
            && !line.contains("comparison needs")
            && !offered
            && button(root, "Cancel").is_none()
            && !text_of(root, ".cu-headline").is_empty())
        .then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn presets_fill_from_and_to_and_totals_match_the_api() {
    let org = "periods-presets";
    let runs = all_runs(org).await;
    let (root, _h) = mount_org(org, json!({ "now": NOW, "maxRuns": 100000 }));
    wait_for("first page", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    // A custom period has nothing to compare with: the box is disabled and
    // unchecked until a preset is chosen, then checked (the default) again.
    let compare = || -> HtmlInputElement {
        labelled(&root, "Compare with previous period")
            .unwrap()
            .unchecked_into()
    };
    assert!(compare().disabled() && !compare().checked());
    for (preset, from, to) in [
        ("today", "2026-11-28", "2026-11-28"),
        ("last-7-days", "2026-11-22", "2026-11-28"),
        ("last-30-days", "2026-10-30", "2026-11-28"),
        ("this-month", "2026-11-01", "2026-11-30"),
        ("last-month", "2026-10-01", "2026-10-31"),
        ("this-quarter", "2026-10-01", "2026-12-31"),
    ] {
        choose_and_load(&root, preset).await;
        assert!(!compare().disabled() && compare().checked(), "{preset}");
        assert_eq!(input_value(&root, "From"), from, "{preset}");
        assert_eq!(input_value(&root, "To"), to, "{preset}");
        let want = sums(&runs, from, to, "workflowId");
        let rows = subtotal_rows(&root, "CU by workflow");
        let cu = column(&root, "CU by workflow", "Total CU");
        assert_eq!(units(&rows["Total"][cu]), want[""], "{preset} total");
        for (wf, sum) in want.iter().filter(|(k, _)| !k.is_empty()) {
            assert_eq!(units(&rows[wf][cu]), *sum, "{preset} {wf}");
        }
        let n = count_in(&runs, from, to);
        let label = text_of(&root, ".cu-period-cover");
        assert!(
            label.contains(&format!("all {} runs since", en_count(n))),
            "{preset}: {label}"
        );
    }
    // Typing a day makes the period Custom; the period lines go.
    type_into(&labelled(&root, "From").unwrap(), "2026-11-02");
    sleep(50).await;
    let select: web_sys::HtmlSelectElement = period_select(&root).unchecked_into();
    assert_eq!(select.value(), "custom");
    assert_eq!(text_of(&root, ".cu-headline"), "");
    assert!(compare().disabled() && !compare().checked());
}

#[wasm_bindgen_test]
async fn previous_and_change_match_independent_sums() {
    let org = "periods-compare";
    let runs = all_runs(org).await;
    let (root, _h) = mount_org(
        org,
        json!({ "now": NOW, "maxRuns": 100000, "period": "this-month" }),
    );
    choose_and_load(&root, "this-month").await;
    let now = sums(&runs, "2026-11-01", "2026-11-30", "workflowId");
    // This month so far (Nov 1 to Nov 28 18:00) is compared with the same
    // part of October: Oct 1 to Oct 28 18:00 UTC, not all of October.
    let until = js_sys::Date::parse("2026-10-28T18:00:00Z");
    let same_part: Vec<Value> = runs
        .iter()
        .filter(|r| js_sys::Date::parse(r["startedAt"].as_str().unwrap()) < until)
        .cloned()
        .collect();
    let before = sums(&same_part, "2026-10-01", "2026-10-31", "workflowId");
    assert_ne!(
        before[""],
        sums(&runs, "2026-10-01", "2026-10-31", "workflowId")[""],
        "the data has October runs after the 28th, 18:00"
    );
    let caption = "CU by workflow";
    let rows = subtotal_rows(&root, caption);
    let (cu, prev, change) = (
        column(&root, caption, "Total CU"),
        column(&root, caption, "Previous"),
        column(&root, caption, "Change"),
    );
    for (name, row) in &rows {
        let key = if name == "Total" { "" } else { name.as_str() };
        let (n, b) = (now.get(key).copied().unwrap_or(0), before.get(key).copied());
        assert_eq!(units(&row[cu]), n, "{name} now");
        match b {
            Some(b) => {
                assert_eq!(units(&row[prev]), b, "{name} previous");
                let sign = if n < b { -1 } else { 1 };
                let (amount, _) = row[change].split_once(" (").unwrap_or((&row[change], ""));
                assert_eq!(
                    sign * units(amount),
                    n - b,
                    "{name} change: {}",
                    row[change]
                );
                if b != 0 {
                    // Tenths of a percent, rounded half away from zero.
                    let d = (n - b) * 1000;
                    let tenths = if d >= 0 {
                        (d + b / 2) / b
                    } else {
                        -((-d + b / 2) / b)
                    };
                    let want = format!(
                        "{}{}.{} %",
                        match tenths.signum() {
                            1 => "+",
                            -1 => "−",
                            _ => "",
                        },
                        tenths.abs() / 10,
                        tenths.abs() % 10
                    );
                    assert!(
                        row[change].contains(&want),
                        "{name}: {} vs {want}",
                        row[change]
                    );
                }
            }
            None => assert_eq!(row[change], "new", "{name}"),
        }
    }
    let headline = text_of(&root, ".cu-headline");
    assert!(headline.contains(" CU this month (UTC), "), "{headline}");
    assert!(
        headline.contains(" vs Oct 1 – Oct 28, 18:00 ("),
        "{headline}"
    );
    // Sorting by Change puts the largest increase first.
    button(&table(&root, caption).unwrap(), "Change")
        .unwrap()
        .click();
    sleep(50).await;
    let t = table(&root, caption).unwrap();
    let first = cells(&all(&t, "tbody tr")[0]);
    let diffs: Vec<i128> = now
        .iter()
        .filter(|(k, _)| !k.is_empty())
        .map(|(k, n)| n - before.get(k).copied().unwrap_or(0))
        .collect();
    let top = diffs.iter().max().unwrap();
    let (amount, _) = first[change]
        .split_once(" (")
        .unwrap_or((&first[change], ""));
    assert!(
        first[change] == "new" || units(amount) == top.abs(),
        "{first:?}"
    );
    // Turning the comparison off removes the columns.
    let compare = labelled(&root, "Compare with previous period").unwrap();
    compare.unchecked_ref::<HtmlInputElement>().click();
    sleep(50).await;
    let t = table(&root, caption).unwrap();
    assert!(!accessible_text(&t).contains("Previous"));
    assert!(text_of(&root, ".cu-headline").ends_with(" CU this month (UTC)."));
}

#[wasm_bindgen_test]
async fn budget_sentence_and_cumulative_line() {
    let org = "periods-budget";
    let runs = all_runs(org).await;
    let spent = sums(&runs, "2026-11-01", "2026-11-30", "workflowId")[""];
    // Half the month's spend: it ran out on the day the running sum of the
    // month's days reached it.
    let half = spent / 2;
    let mut per_day: BTreeMap<String, i128> = BTreeMap::new();
    for r in &runs {
        if day(r).starts_with("2026-11") && r["totalCu"].is_number() {
            *per_day.entry(day(r)).or_insert(0) += api_units(&r["totalCu"]);
        }
    }
    let mut run = 0;
    let crossed = per_day
        .iter()
        .find(|(_, c)| {
            run += **c;
            run >= half
        })
        .map(|(d, _)| d.clone())
        .unwrap();
    let budget = |units: i128| json!(units as f64 / 10_000.0);
    let (root, _h) = mount_org(
        org,
        json!({ "now": NOW, "maxRuns": 100000, "period": "this-month", "budgetCu": budget(half) }),
    );
    choose_and_load(&root, "this-month").await;
    let line = text_of(&root, ".cu-budget");
    let nov = |d: &str| format!("Nov {}", d[8..].trim_start_matches('0'));
    assert!(
        line.starts_with(&format!("{} % of the ", (spent * 100 + half / 2) / half)),
        "{line}"
    );
    assert!(
        line.ends_with(&format!("the budget ran out on {} (UTC).", nov(&crossed))),
        "{line}"
    );
    let svg = one(&root, "svg.cu-days-svg").unwrap();
    assert!(one(&svg, "polyline.cu-cumulative").is_some());
    assert!(one(&svg, "line.cu-budget-line").is_some());
    let name = svg.get_attribute("aria-label").unwrap();
    assert!(
        name.contains("cumulative CU reaches the ")
            && name.ends_with(&format!(
                "budget on {}",
                cu_cost_table::core::period::medium_date(
                    &crossed,
                    &cu_cost_table::core::format::Formatter::plain(None)
                )
            )),
        "{name}"
    );

    // 5 % above the spend: at the rate so far (27.75 days since Nov 1),
    // it runs out 1.05 × 27.75 = 29.14 days in, on Nov 30.
    let (root, _h) = mount_org(
        org,
        json!({ "now": NOW, "maxRuns": 100000, "period": "this-month", "budgetCu": budget(spent * 105 / 100) }),
    );
    choose_and_load(&root, "this-month").await;
    let line = text_of(&root, ".cu-budget");
    assert!(line.starts_with("95 % of the "), "{line}");
    assert!(
        line.ends_with("at this rate the budget runs out on Nov 30 (UTC)."),
        "{line}"
    );
    let name = one(&root, "svg.cu-days-svg")
        .unwrap()
        .get_attribute("aria-label")
        .unwrap();
    assert!(name.contains("stays below the"), "{name}");
    // The estimate: the total so far × 30 / 27.75 days.
    let estimate = text_of(&root, ".cu-estimate");
    let want = (spent * 30 * 4 + 111 / 2) / 111;
    let figure = estimate
        .split(": ")
        .nth(1)
        .unwrap()
        .split(" CU")
        .next()
        .unwrap();
    assert!((units(figure) - want).abs() <= 1, "{estimate} vs {want}");
    // The range: the spend so far plus the 2.25 days left at the lowest and
    // at the highest whole day so far (Nov 1–27).
    let whole: Vec<i128> = (1..=27)
        .map(|d| {
            per_day
                .get(&format!("2026-11-{d:02}"))
                .copied()
                .unwrap_or(0)
        })
        .collect();
    let at = |per: i128| en_cu(spent + (per * 9 + 2) / 4);
    let range = format!(
        "Between {} CU and {} CU at the lowest and highest daily use so far.",
        at(*whole.iter().min().unwrap()),
        at(*whole.iter().max().unwrap())
    );
    assert!(estimate.contains(&range), "{estimate} / {range}");
    // Against the budget (1.05 × the spend so far): over by the estimate's excess.
    let budget_units = spent * 105 / 100;
    let percent = (want * 100 + budget_units / 2) / budget_units;
    let over = (want - budget_units + 5_000) / 10_000;
    assert!(
        estimate.ends_with(&format!(
            "That is {percent} % of the {} CU budget: over by about {} CU.",
            text_of(&root, ".cu-budget")
                .split(" of the ")
                .nth(1)
                .unwrap()
                .split(" CU")
                .next()
                .unwrap(),
            en_count(over as usize)
        )),
        "{estimate}"
    );

    // Not a month: no budget line; a rolling window has no estimate.
    select_value(&period_select(&root), "last-7-days");
    sleep(50).await;
    assert_eq!(text_of(&root, ".cu-budget"), "");
    assert_eq!(text_of(&root, ".cu-estimate"), "");
    assert!(one(&root, "polyline.cu-cumulative").is_none());
}

fn mount_error(opts: Value) -> String {
    let root = container();
    match cu_cost_table::mount(root.clone().into(), options(opts)) {
        Ok(_) => panic!("mount should have failed"),
        Err(e) => {
            assert_eq!(root.child_element_count(), 0, "nothing is mounted");
            let v: wasm_bindgen::JsValue = e.into();
            js_sys::Reflect::get(&v, &"message".into())
                .unwrap()
                .as_string()
                .unwrap()
        }
    }
}

#[wasm_bindgen_test]
fn bad_period_options_are_errors_naming_the_option() {
    let base = |extra: Value| {
        let mut o = json!({ "apiBase": demo_api(), "orgId": "x", "token": "t" });
        for (k, v) in extra.as_object().unwrap() {
            o[k] = v.clone();
        }
        o
    };
    for bad in [json!(-5), json!(0), json!("lots"), json!(1e15)] {
        assert_eq!(
            mount_error(base(json!({ "budgetCu": bad }))),
            "budgetCu must be a positive number of CU per month, at most 1000000000000"
        );
    }
    assert_eq!(
        mount_error(base(json!({ "budgetPeriod": "year" }))),
        "budgetPeriod must be \"month\""
    );
    assert!(mount_error(base(json!({ "period": "fortnight" })))
        .starts_with("period must be one of \"today\""));
    assert_eq!(
        mount_error(base(json!({ "weekStartsOn": 8 }))),
        "weekStartsOn must be between 1 and 7 (a whole number)"
    );
    assert_eq!(
        mount_error(base(json!({ "workflowNames": ["a"] }))),
        "workflowNames must be an object mapping workflow ids to names (strings)"
    );
    assert_eq!(
        mount_error(base(json!({ "now": "yesterday" }))),
        "now must be an RFC 3339 timestamp such as 2026-11-28T12:00:00Z"
    );
}

#[wasm_bindgen_test]
async fn group_by_trigger_and_status_follow_the_api() {
    let org = "periods-group";
    let runs = all_runs(org).await;
    let (root, _h) = mount_org(org, json!({ "now": NOW, "maxRuns": 100000 }));
    wait_for("first page", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    load_all(&root, 15_000, |t| t.starts_with("Loaded all")).await;
    let group = labelled(&root, "Group by").expect("a Group by select");
    select_value(&group, "trigger");
    sleep(50).await;
    let want = sums(&runs, "0000", "9999", "triggerSource");
    let rows = subtotal_rows(&root, "CU by trigger");
    let cu = column(&root, "CU by trigger", "Total CU");
    assert_eq!(rows.len(), want.len(), "{rows:?}");
    assert_eq!(units(&rows["Total"][cu]), want[""]);
    // Rows read as trigger labels; the sums match per raw trigger.
    assert_eq!(units(&rows["Cron job"][cu]), want["cronjob"]);
    assert!(
        accessible_text(&one(&root, "figure.cu-chart h3").unwrap()).starts_with("CU by trigger")
    );
    select_value(&group, "status");
    sleep(50).await;
    let want = sums(&runs, "0000", "9999", "status");
    let rows = subtotal_rows(&root, "CU by status");
    assert_eq!(units(&rows["Succeeded"][cu]), want["success"]);
    assert_eq!(units(&rows["Total"][cu]), want[""]);
    // A status row filters the runs to it.
    let failed = all(&table(&root, "CU by status").unwrap(), "tbody th button")
        .into_iter()
        .find(|b| accessible_text(b) == "Failed")
        .unwrap();
    failed.unchecked_into::<web_sys::HtmlElement>().click();
    sleep(50).await;
    assert!(run_rows(&root).iter().all(|r| cells(r)[2] == "Failed"));
    select_value(&group, "workflow");
    sleep(50).await;
    assert!(table(&root, "CU by workflow").is_some());
}

#[wasm_bindgen_test]
async fn granularity_buckets_weeks_and_months() {
    let org = "periods-weeks";
    let runs = all_runs(org).await;
    let (root, _h) = mount_org(
        org,
        json!({ "now": NOW, "maxRuns": 100000, "weekStartsOn": 1 }),
    );
    wait_for("first page", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    load_all(&root, 15_000, |t| t.starts_with("Loaded all")).await;
    let gran = labelled(&root, "Granularity").expect("a Granularity select");
    select_value(&gran, "week");
    sleep(50).await;
    let figure = all(&root, "figure.cu-chart")
        .into_iter()
        .find(|f| accessible_text(&one(f, "h3").unwrap()).starts_with("CU per week"))
        .expect("CU per week");
    let name = one(&figure, "svg")
        .unwrap()
        .get_attribute("aria-label")
        .unwrap();
    // 2026-11-23 is a Monday: the last bucket is the week of Nov 23.
    assert!(name.contains("to week of Nov 23, 2026"), "{name}");
    // Show as table: each week's CU against an independent sum.
    button(&figure, "Show as table").unwrap().click();
    sleep(50).await;
    let monday = |d: &str| {
        let ms = js_sys::Date::parse(&format!("{d}T00:00:00Z"));
        let wd = js_sys::Date::new(&ms.into()).get_utc_day(); // 0 = Sunday
        let back = (wd + 6) % 7;
        let start = js_sys::Date::new(&(ms - f64::from(back) * 86_400_000.0).into());
        start.to_iso_string().as_string().unwrap()[..10].to_owned()
    };
    let mut weeks: BTreeMap<String, i128> = BTreeMap::new();
    for r in &runs {
        if r["totalCu"].is_number() {
            let label = cu_cost_table::core::charts::bucket_label(
                &monday(&day(r)),
                cu_cost_table::core::period::Granularity::Week,
                &cu_cost_table::core::format::Formatter::plain(None),
            );
            *weeks.entry(label).or_insert(0) += api_units(&r["totalCu"]);
        }
    }
    let rows = all(&figure, "tbody tr");
    assert!(!rows.is_empty());
    for r in rows {
        let c = cells(&r);
        let week = c[0].clone();
        assert_eq!(
            units(&c[2]),
            weeks.get(&week).copied().unwrap_or(0),
            "{c:?}"
        );
    }
    select_value(&gran, "month");
    sleep(50).await;
    assert!(all(&root, "figure.cu-chart h3")
        .iter()
        .any(|h| accessible_text(h).starts_with("CU per month")));
}

#[wasm_bindgen_test]
async fn workflow_names_are_text_everywhere_and_searchable() {
    let org = "periods-names";
    let name = "<b>Invoices</b> & \"Co\"";
    let (root, _h) = mount_org(
        org,
        json!({ "now": NOW, "workflowNames": { "invoice-reconcile": name } }),
    );
    wait_for("first page", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    // Subtotals: the name as text (no <b> element), the id on hover.
    let t = table(&root, "CU by workflow").unwrap();
    let b = all(&t, "tbody th button")
        .into_iter()
        .find(|b| accessible_text(b) == name)
        .expect("the named row");
    assert!(one(&b, "b").is_none(), "markup in a name must stay text");
    assert!(b
        .get_attribute("title")
        .unwrap()
        .contains("invoice-reconcile"));
    // Runs table: the name, with the id as title.
    let cell = all(
        &table(&root, "Workflow runs").unwrap(),
        "td.cu-col-workflow span",
    )
    .into_iter()
    .find(|s| s.get_attribute("title").as_deref() == Some("invoice-reconcile"))
    .expect("a run of invoice-reconcile on the first page");
    assert_eq!(accessible_text(&cell), name);
    assert!(one(&root, "td b, th b, option b, li b").is_none());
    // The day chart's legend (plain DOM) names the series as text too.
    assert!(text_of(&root, ".cu-legend").contains(name));
    // The Workflow select shows the name; the chip too.
    // (as the select shows it once it has the focus: its options are
    // listed by the task after the first rows, or at the focus)
    let select = labelled(&root, "Workflow").unwrap();
    fire(&select, "focus");
    assert!(accessible_text(&select).contains("<b>Invoices</b>"));
    select_value(&select, "invoice-reconcile");
    sleep(50).await;
    assert!(text_of(&root, ".cu-chips").contains(&format!("Workflow: {name}")));
    // Search matches the name as well as the id.
    button(&root, "Clear filters").unwrap().click();
    type_into(&labelled(&root, "Search runs").unwrap(), "invoices");
    wait_for("search applied", 3_000, || {
        let rows = run_rows(&root);
        (!rows.is_empty() && rows.iter().all(|r| cells(r)[1] == name)).then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_chosen_period_loads_itself_and_never_shows_a_partial_total() {
    let org = "periods-cover";
    let runs = all_runs(org).await;
    // Bounded by maxRuns: the walk stops at the cap, before Nov 1. Without
    // the ledger (which would give the month's figure at once).
    let (root, _h) = mount_org(org, json!({ "now": NOW, "maxRuns": 100, "ledger": false }));
    wait_for("first page", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    // The page scope never shows a period headline.
    assert_eq!(text_of(&root, ".cu-headline"), "");
    select_value(&period_select(&root), "this-month");
    let outcome = outcome_when(&root, 15_000, |o| o.starts_with("Stopped at the cap")).await;
    assert_eq!(outcome, "Stopped at the cap of 100 runs; more runs exist.");
    let oldest = runs[..100].iter().map(day).min().unwrap();
    let back = format!("Nov {}", oldest[8..].trim_start_matches('0'));
    let line = text_of(&root, ".cu-period-cover");
    assert!(
        line.starts_with(&format!(
            "Runs back to {back} loaded; the period starts Nov 1 (UTC)."
        )),
        "{line}"
    );
    // No total pretends to cover the month: the headline says what is missing.
    assert_eq!(
        text_of(&root, ".cu-headline"),
        format!(
            "November (UTC) is not fully loaded (runs back to {back}); its total shows once it is."
        )
    );
    assert_eq!(text_of(&root, ".cu-estimate"), "");

    // Without a cap in the way, choosing the period loads it by itself,
    // back to the comparison's start, and then shows its total.
    let (root, _h) = mount_org(org, json!({ "now": NOW, "maxRuns": 100000 }));
    wait_for("first page", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    select_value(&period_select(&root), "this-month");
    wait_for("the month loaded by itself", 15_000, || {
        text_of(&root, ".cu-period-cover")
            .starts_with("This month: all ")
            .then_some(())
    })
    .await;
    let n = count_in(&runs, "2026-11-01", "2026-11-30");
    let line = text_of(&root, ".cu-period-cover");
    assert!(
        line.starts_with(&format!(
            "This month: all {} runs since Nov 1 (UTC) loaded.",
            en_count(n)
        )),
        "{line}"
    );
    let head = text_of(&root, ".cu-headline");
    assert!(head.contains(" CU this month"), "{head}");
    assert!(
        all(&root, "button")
            .iter()
            .all(|b| !accessible_text(b).starts_with("Load runs back to")),
        "nothing left to offer"
    );
}

/// A first page that fails loads nothing: the period line says nothing
/// (it said "This page is not the newest, so the period is not covered"
/// and offered to load runs back to the period's start).
#[wasm_bindgen_test]
async fn a_failed_first_page_is_not_taken_for_a_later_page() {
    let (root, _h) = mount_org("fault-500", json!({ "now": NOW, "period": "this-month" }));
    wait_for("the error", 10_000, || one(&root, ".cu-error[role=alert]")).await;
    assert_eq!(text_of(&root, ".cu-period-cover"), "");
    assert!(
        all(&root, "button")
            .iter()
            .all(|b| !accessible_text(b).starts_with("Load runs back to")),
        "nothing to offer"
    );
}

#[wasm_bindgen_test]
async fn weeks_start_on_the_locales_first_day_by_default() {
    // Where the browser knows a locale's week (Intl.Locale getWeekInfo or
    // weekInfo), en-US weeks start on Sunday and en-GB weeks on Monday;
    // elsewhere both start on Monday.
    let locale = js_sys::Reflect::get(&js_sys::global(), &"Intl".into())
        .and_then(|intl| js_sys::Reflect::get(&intl, &"Locale".into()))
        .unwrap();
    let proto = js_sys::Reflect::get(&locale, &"prototype".into()).unwrap();
    let knows = js_sys::Reflect::has(&proto, &"getWeekInfo".into()).unwrap()
        || js_sys::Reflect::has(&proto, &"weekInfo".into()).unwrap();
    for (loc, want) in [
        (
            "en-US",
            if knows {
                "week of Nov 22, 2026"
            } else {
                "week of Nov 23, 2026"
            },
        ),
        ("en-GB", "week of Nov 23, 2026"),
    ] {
        let (root, _h) = mount_org(
            "periods-locale-weeks",
            json!({ "now": NOW, "locale": loc, "granularity": "week" }),
        );
        let name = wait_for("the weekly chart", 10_000, || {
            one(&root, "svg.cu-days-svg").and_then(|s| s.get_attribute("aria-label"))
        })
        .await;
        assert!(name.contains(want), "{loc}: {name}");
    }
}

#[wasm_bindgen_test]
async fn the_budget_lines_are_svg() {
    let (root, _h) = mount_org(
        "periods-svg",
        json!({ "now": NOW, "maxRuns": 100000, "period": "this-month", "budgetCu": 5000 }),
    );
    choose_and_load(&root, "this-month").await;
    for sel in ["polyline.cu-cumulative", "line.cu-budget-line"] {
        let el = one(&root, sel).unwrap_or_else(|| panic!("no {sel}"));
        assert_eq!(
            el.namespace_uri().as_deref(),
            Some("http://www.w3.org/2000/svg"),
            "{sel} is drawn"
        );
    }
    // One labelled axis for the cumulative line and the budget (right), apart
    // from the bars' (left): its top is the larger of the month's total and
    // the budget, and the budget line says what it is.
    let runs = all_runs("periods-svg").await;
    let spent = sums(&runs, "2026-11-01", "2026-11-30", "workflowId")[""];
    let top = spent.max(5_000 * 10_000);
    assert_eq!(
        text_of(&root, ".cu-axis-right"),
        format!("{} CU cumulative", en_cu(top))
    );
    assert!(text_of(&root, ".cu-axis-y").contains(" CU per day"));
    // (Hidden from assistive technology: the chart's name says it.)
    let label = one(&root, ".cu-budget-label").expect("a budget label");
    assert_eq!(label.text_content().as_deref(), Some("Budget 5,000 CU"));
    assert!(text_of(&root, ".cu-legend").contains("Cumulative CU (right axis)"));
}

#[wasm_bindgen_test]
async fn a_period_is_not_a_filter_and_clear_filters_keeps_it() {
    let (root, _h) = mount_org(
        "periods-not-a-filter",
        json!({ "now": NOW, "period": "this-month" }),
    );
    wait_for("first page", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    // The period narrows the runs and the coverage line says so, but it is
    // not counted (or listed) as a filter.
    assert!(
        one(&root, ".cu-active").is_none(),
        "no filter chips for a period"
    );
    let coverage = text_of(&root, ".cu-coverage");
    assert!(coverage.contains("(This month)"), "{coverage}");
    assert!(!coverage.contains("filter"), "{coverage}");
    type_into(&labelled(&root, "Minimum CU").unwrap(), "1");
    wait_for("one filter", 3_000, || {
        text_of(&root, ".cu-coverage")
            .contains("(This month; 1 filter active)")
            .then_some(())
    })
    .await;
    assert!(text_of(&root, ".cu-active").starts_with("1 filter active:"));
    // "Clear filters" clears the filter and leaves the period and its days.
    button(&root, "Clear filters").unwrap().click();
    wait_for("cleared", 3_000, || {
        one(&root, ".cu-active").is_none().then_some(())
    })
    .await;
    let select: web_sys::HtmlSelectElement = period_select(&root).dyn_into().unwrap();
    assert_eq!(select.value(), "this-month");
    let from: HtmlInputElement = labelled(&root, "From").unwrap().dyn_into().unwrap();
    assert_eq!(from.value(), "2026-11-01");
    assert!(text_of(&root, ".cu-coverage").contains("(This month)"));
}

#[wasm_bindgen_test]
async fn a_filtered_budget_line_speaks_for_the_organization() {
    let org = "periods-budget-scope";
    let runs = all_runs(org).await;
    let month = sums(&runs, "2026-11-01", "2026-11-30", "workflowId");
    let spent = month[""];
    // A budget twice the month's spend: the organization has used 50 %.
    let budget = spent * 2;
    let (root, _h) = mount_org(
        org,
        json!({ "now": NOW, "maxRuns": 100000, "period": "this-month", "budgetCu": budget as f64 / 10_000.0 }),
    );
    choose_and_load(&root, "this-month").await;
    let org_line = text_of(&root, ".cu-budget");
    assert!(org_line.starts_with("50 % of the "), "{org_line}");
    // One workflow selected: its share of the organization's budget first,
    // then the organization's own status, unchanged by the filter.
    let (wf, wf_cu) = month
        .iter()
        .filter(|(k, _)| !k.is_empty())
        .max_by_key(|(_, cu)| **cu)
        .unwrap();
    select_value(&labelled(&root, "Workflow").unwrap(), wf);
    let line = wait_for("the selection's budget line", 5_000, || {
        Some(text_of(&root, ".cu-budget")).filter(|l| l.starts_with("The selected runs used"))
    })
    .await;
    let share = (wf_cu * 100 + budget / 2) / budget;
    assert!(
        line.starts_with(&format!(
            "The selected runs used {share} % of the organization's "
        )),
        "{line}"
    );
    assert!(line.contains("; the organization has used 50 %"), "{line}");
    // What follows is the organization's status, as it read unfiltered.
    let (_, org_rest) = org_line.split_once("; ").unwrap();
    assert!(
        line.ends_with(org_rest.trim_start_matches("at this rate ")),
        "{line} / {org_line}"
    );
}

/// Ten-thousandths as the en-US screen shows CU: `12,345.6789`.
fn en_cu(units: i128) -> String {
    format!(
        "{}.{:04}",
        en_count((units / 10_000) as usize),
        units % 10_000
    )
}

#[wasm_bindgen_test]
async fn an_open_period_as_of_a_fixed_now_covers_the_runs_before_it() {
    // The demo's runs go on to Nov 28; as of Nov 20 10:00, "This month" is
    // Nov 1 to that instant, as its comparison is Oct 1 to Oct 20 10:00.
    let org = "periods-cut";
    let runs = all_runs(org).await;
    let now = js_sys::Date::parse("2026-11-20T10:00:00Z");
    let start = js_sys::Date::parse("2026-11-01T00:00:00Z");
    let before: Vec<&Value> = runs
        .iter()
        .filter(|r| {
            let t = js_sys::Date::parse(r["startedAt"].as_str().unwrap());
            t >= start && t < now
        })
        .collect();
    let want: i128 = before
        .iter()
        .filter(|r| r["totalCu"].is_number())
        .map(|r| api_units(&r["totalCu"]))
        .sum();
    assert!(before.len() < count_in(&runs, "2026-11-01", "2026-11-30"));
    let (root, _h) = mount_org(
        org,
        json!({ "now": "2026-11-20T10:00:00Z", "maxRuns": 100000, "period": "this-month" }),
    );
    choose_and_load(&root, "this-month").await;
    let rows = subtotal_rows(&root, "CU by workflow");
    let cu = column(&root, "CU by workflow", "Total CU");
    let n = column(&root, "CU by workflow", "Runs");
    assert_eq!(units(&rows["Total"][cu]), want);
    assert_eq!(rows["Total"][n], en_count(before.len()));
    let headline = text_of(&root, ".cu-headline");
    assert!(
        headline.starts_with(&format!("{} CU this month (UTC), ", en_cu(want))),
        "{headline}"
    );
    assert!(
        headline.contains(" vs Oct 1 – Oct 20, 10:00 ("),
        "{headline}"
    );
}

/// A subtotal row whose figures change is written in place (the same
/// node, its button and focus kept), and reads exactly as a row built
/// afresh: each cell, the share bar, the cost and the comparison cells.
#[wasm_bindgen_test]
async fn subtotal_rows_updated_in_place_read_as_rows_built_afresh() {
    let org = "periods-compare";
    let (root, _h) = mount_org(
        org,
        json!({ "now": NOW, "maxRuns": 100000, "period": "this-month",
                "pricePerCu": 0.002, "currency": "USD" }),
    );
    choose_and_load(&root, "this-month").await;
    let caption = "CU by workflow";
    let body = || one(&table(&root, caption).unwrap(), "tbody").unwrap();
    let mark = JsValue::from_str("__cuMark");
    let marked = |tr: &Element| js_sys::Reflect::get(tr, &mark).unwrap().as_string();
    let before: BTreeMap<String, String> = all(&body(), "tr")
        .iter()
        .map(|tr| {
            let key = tr.get_attribute("data-key").unwrap();
            js_sys::Reflect::set(tr, &mark, &JsValue::from_str(&key)).unwrap();
            (key, tr.inner_html())
        })
        .collect();
    assert!(before.len() > 3, "{before:?}");
    // The focus on the first row's button, where a keyboard user would be.
    let first = all(&body(), "tr")[0].clone();
    let focused = one(&first, "button")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    focused.focus().unwrap();
    status_checkbox(&root, "Succeeded").click();
    let html = || body().inner_html();
    let start = html();
    wait_for("the subtotals follow the status", 5_000, || {
        let now = html();
        (now != start
            || all(&body(), "tr").iter().any(|tr| {
                before.get(&tr.get_attribute("data-key").unwrap()) != Some(&tr.inner_html())
            }))
        .then_some(())
    })
    .await;
    sleep(50).await;
    let rows = all(&body(), "tr");
    let patched: Vec<&Element> = rows
        .iter()
        .filter(|tr| {
            let key = tr.get_attribute("data-key").unwrap();
            marked(tr).as_deref() == Some(key.as_str()) && before[&key] != tr.inner_html()
        })
        .collect();
    assert!(!patched.is_empty(), "some rows changed figures in place");
    if marked(&first).is_some() && first.is_connected() {
        let active = document().active_element().unwrap();
        assert!(
            active.is_same_node(Some(&focused)),
            "the focus stays on its button"
        );
    }
    let rows_html = || -> Vec<String> {
        all(&body(), "tr")
            .iter()
            .map(|tr| tr.outer_html())
            .collect()
    };
    let in_place = rows_html();
    // Grouped by trigger and back: every row of the body built afresh.
    let group = labelled(&root, "Group by").expect("a Group by select");
    select_value(&group, "trigger");
    sleep(50).await;
    select_value(&group, "workflow");
    sleep(50).await;
    assert!(all(&body(), "tr").iter().all(|tr| marked(tr).is_none()));
    let built = rows_html();
    assert_eq!(built.len(), in_place.len());
    for (patched, built) in in_place.iter().zip(&built) {
        assert_eq!(patched, built, "a row patched in place vs built afresh");
    }
    assert_no_page_errors();
}

/// A group new to the subtotals takes the row of a group that left (the
/// same node, renamed in place): it reads exactly as a row built afresh
/// (key, title, label, colours, figures), and its button filters to the
/// new group, not the old one.
#[wasm_bindgen_test]
async fn a_subtotal_row_renamed_in_place_reads_and_acts_as_its_new_group() {
    let org = "periods-compare";
    let (root, _h) = mount_org(
        org,
        json!({ "now": NOW, "maxRuns": 100000, "period": "this-month" }),
    );
    choose_and_load(&root, "this-month").await;
    let caption = "CU by workflow";
    let body = || one(&table(&root, caption).unwrap(), "tbody").unwrap();
    let workflow = labelled(&root, "Workflow").expect("a Workflow select");
    let keys: Vec<String> = all(&body(), "tr")
        .iter()
        .map(|tr| tr.get_attribute("data-key").unwrap())
        .collect();
    assert!(keys.len() >= 2, "{keys:?}");
    let (a, b) = (&keys[0], &keys[1]);
    select_value(&workflow, a);
    sleep(50).await;
    let rows = all(&body(), "tr");
    assert_eq!(rows.len(), 1, "one workflow, one row");
    let row = rows[0].clone();
    assert_eq!(row.get_attribute("data-key").as_deref(), Some(a.as_str()));
    select_value(&workflow, b);
    sleep(50).await;
    let rows = all(&body(), "tr");
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].is_same_node(Some(&row)),
        "the row is renamed, not built again"
    );
    assert_eq!(row.get_attribute("data-key").as_deref(), Some(b.as_str()));
    let renamed = row.outer_html();
    assert!(
        !renamed.contains(a.as_str()),
        "nothing of {a} is left: {renamed}"
    );
    // Grouped by trigger and back: the row built afresh.
    let group = labelled(&root, "Group by").expect("a Group by select");
    select_value(&group, "trigger");
    sleep(50).await;
    select_value(&group, "workflow");
    sleep(50).await;
    let rows = all(&body(), "tr");
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].is_same_node(Some(&row)));
    assert_eq!(
        renamed,
        rows[0].outer_html(),
        "renamed in place vs built afresh"
    );
    // Renamed again, then its button: the filter to the new group is
    // cleared (a click on the old group's name would have chosen it).
    select_value(&workflow, a);
    sleep(50).await;
    let row = all(&body(), "tr")[0].clone();
    select_value(&workflow, b);
    sleep(50).await;
    assert!(all(&body(), "tr")[0].is_same_node(Some(&row)));
    one(&row, "button")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    sleep(50).await;
    let value = workflow
        .unchecked_ref::<web_sys::HtmlSelectElement>()
        .value();
    assert_eq!(value, "", "the row's button cleared the filter to {b}");
    assert_eq!(all(&body(), "tr").len(), keys.len());
    assert_no_page_errors();
}

/// The demo's list, read to its end, begins with its oldest run (Sep 27 or
/// so): a period before that day is not the list's to total or compare, as
/// the runs before it may have aged out of the API's retention.
#[wasm_bindgen_test]
async fn a_comparison_names_the_days_the_runs_list_holds() {
    let org = "periods-begins";
    let runs = all_runs(org).await;
    let first = runs.iter().map(day).min().unwrap();
    assert!(
        first.as_str() > "2026-09-01" && first.as_str() < "2026-09-30",
        "the data begins inside September: {first}"
    );
    let d: u32 = first[8..].parse().unwrap();
    let begins = format!("The runs list begins Sep {d} (UTC); earlier runs are not in it (the organization's first, or past the API's retention).");

    // October against September: the comparison is with the September
    // days the list holds, named as such; its figure is theirs.
    let (root, mut h) = mount_org(
        org,
        json!({ "now": NOW, "maxRuns": 100000, "period": "last-month" }),
    );
    choose_and_load(&root, "last-month").await;
    let october = sums(&runs, "2026-10-01", "2026-10-31", "workflowId")[""];
    let september = sums(&runs, &first, "2026-09-30", "workflowId")[""];
    let headline = text_of(&root, ".cu-headline");
    assert!(
        headline.starts_with(&format!("{} CU in October (UTC), ", en_cu(october))),
        "{headline}"
    );
    assert!(
        headline.ends_with(&format!(" vs Sep {d} – Sep 30 ({} CU).", en_cu(september))),
        "{headline}"
    );
    let line = text_of(&root, ".cu-period-cover");
    assert!(line.ends_with(&begins), "{line}");

    // This month against October: the list holds both, and says nothing more.
    choose_and_load(&root, "this-month").await;
    let line = text_of(&root, ".cu-period-cover");
    assert!(!line.contains("runs list begins"), "{line}");
    assert!(text_of(&root, ".cu-headline").contains(" vs Oct 1 – Oct 28, 18:00 ("));
    h.unmount();

    // As of Oct 15, this month is compared with Sep 1 to Sep 15, 12:00:
    // the list holds none of those days, so there is no comparison, and
    // the workflows' Previous cells say so rather than "new".
    let (root, mut h) = mount_org(
        org,
        json!({ "now": "2026-10-15T12:00:00Z", "maxRuns": 100000, "period": "this-month" }),
    );
    choose_and_load(&root, "this-month").await;
    let so_far = started_before(&runs, "2026-10-15T12:00:00Z");
    let total = sums(&so_far, "2026-10-01", "2026-10-15", "workflowId")[""];
    let headline = text_of(&root, ".cu-headline");
    assert_eq!(
        headline,
        format!(
            "{} CU this month (UTC); the runs list begins Sep {d}, after Sep 1 – Sep 15, 12:00: no comparison.",
            en_cu(total)
        )
    );
    let line = text_of(&root, ".cu-period-cover");
    assert!(line.ends_with(&begins), "{line}");
    let caption = "CU by workflow";
    let change = column(&root, caption, "Change");
    for (name, row) in subtotal_rows(&root, caption) {
        assert_eq!(row[change], "—", "{name}: {row:?}");
    }
    h.unmount();

    // As of Sep 29, this month's total is of the days the list holds.
    let (root, _h) = mount_org(
        org,
        json!({ "now": "2026-09-29T12:00:00Z", "maxRuns": 100000, "period": "this-month" }),
    );
    choose_and_load(&root, "this-month").await;
    let so_far = started_before(&runs, "2026-09-29T12:00:00Z");
    let total = sums(&so_far, "2026-09-01", "2026-09-30", "workflowId")[""];
    let headline = text_of(&root, ".cu-headline");
    assert!(
        headline.starts_with(&format!(
            "{} CU in Sep {d} – Sep 29 (UTC); the runs list begins Sep {d}, after ",
            en_cu(total)
        )),
        "{headline}"
    );
    // The days before the list are unknown: no estimate projected from them.
    assert!(one(&root, ".cu-estimate").is_none());
    // The same org as of Oct 29 has its whole month in the list: an estimate.
    let (root, _h) = mount_org(
        org,
        json!({ "now": "2026-10-29T12:00:00Z", "maxRuns": 100000, "period": "this-month" }),
    );
    choose_and_load(&root, "this-month").await;
    assert!(one(&root, ".cu-estimate").is_some());

    // Today, a day after the list's first run and a minute before its time
    // of day: yesterday up to that time ends before the first run, so
    // there is nothing to compare (not "none in …", not "new").
    let first_ms = runs
        .iter()
        .map(|r| js_sys::Date::parse(r["startedAt"].as_str().unwrap()))
        .fold(f64::MAX, f64::min);
    let now = js_sys::Date::new(&(first_ms + 86_400_000.0 - 60_000.0).into());
    let now = String::from(now.to_iso_string());
    let (root, _h) = mount_org(
        org,
        json!({ "now": now, "maxRuns": 100000, "period": "today" }),
    );
    choose_and_load(&root, "today").await;
    let headline = text_of(&root, ".cu-headline");
    assert!(
        headline.contains(&format!("; the runs list begins Sep {d}, after Sep {d}, "))
            && headline.ends_with(": no comparison."),
        "{headline}"
    );
    let change = column(&root, "CU by workflow", "Change");
    for (name, row) in subtotal_rows(&root, "CU by workflow") {
        assert_eq!(row[change], "—", "{name}: {row:?}");
    }
}

/// The runs started before `instant`.
fn started_before(runs: &[Value], instant: &str) -> Vec<Value> {
    let until = js_sys::Date::parse(instant);
    runs.iter()
        .filter(|r| js_sys::Date::parse(r["startedAt"].as_str().unwrap()) < until)
        .cloned()
        .collect()
}

/// CU of the runs started in `[from, to)` (instants), in ten-thousandths.
fn sum_between(runs: &[Value], from: &str, to: &str) -> i128 {
    let (from, to) = (js_sys::Date::parse(from), js_sys::Date::parse(to));
    runs.iter()
        .filter(|r| {
            let t = js_sys::Date::parse(r["startedAt"].as_str().unwrap());
            t >= from && t < to && r["totalCu"].is_number()
        })
        .map(|r| api_units(&r["totalCu"]))
        .sum()
}

/// Days the clocks change: the comparison's label names the clock time its
/// figure ends at (the same time elapsed since midnight as today), and the
/// estimate counts a day's 25 hours.
#[wasm_bindgen_test]
async fn days_the_clocks_change_are_labelled_and_projected_as_the_clock_runs() {
    let org = "periods-dst";
    let runs = all_runs(org).await;

    // Berlin, Oct 26 11:00 CET: 11 hours since midnight. Oct 25 had 25
    // hours (02:00–03:00 twice), so its first 11 hours end at 10:00 CET.
    let (root, mut h) = mount_org(
        org,
        json!({ "now": "2026-10-26T10:00:00Z", "maxRuns": 100000, "period": "today",
                "billingTimeZone": "Europe/Berlin" }),
    );
    choose_and_load(&root, "today").await;
    let before = sum_between(&runs, "2026-10-24T22:00:00Z", "2026-10-25T09:00:00Z");
    assert_ne!(
        before,
        sum_between(&runs, "2026-10-24T22:00:00Z", "2026-10-25T10:00:00Z"),
        "the data has runs between 10:00 and 11:00 CET on Oct 25"
    );
    let headline = text_of(&root, ".cu-headline");
    assert!(
        headline.ends_with(&format!(" vs Oct 25, 10:00 ({} CU).", en_cu(before))),
        "{headline}"
    );
    h.unmount();

    // New York, Nov 1 07:00 EST: 8 hours since midnight EDT, of a day of
    // 25. The estimate is the CU so far × 25 / 8, rounded half up.
    let (root, _h) = mount_org(
        org,
        json!({ "now": "2026-11-01T12:00:00Z", "maxRuns": 100000, "period": "today",
                "billingTimeZone": "America/New_York" }),
    );
    choose_and_load(&root, "today").await;
    let so_far = sum_between(&runs, "2026-11-01T04:00:00Z", "2026-11-01T12:00:00Z");
    let want = (so_far * 25 * 2 + 8) / 16;
    let estimate = text_of(&root, ".cu-estimate");
    assert!(
        estimate.contains(&format!("Projected for today: {} CU by Nov 1", en_cu(want))),
        "{estimate} (so far {})",
        en_cu(so_far)
    );
}

/// The usage ledger's months and days are UTC's: under another billing
/// zone its figures are named "(UTC)", never by the billing zone.
#[wasm_bindgen_test]
async fn ledger_figures_under_another_billing_zone_are_named_utc() {
    let (root, _h) = mount_org(
        "periods-ledger-zone",
        json!({ "now": NOW, "maxRuns": 300, "period": "this-month",
                "billingTimeZone": "America/New_York" }),
    );
    let headline = wait_for("the ledger's headline", 15_000, || {
        let h = text_of(&root, ".cu-headline");
        h.contains("(from the usage ledger)").then_some(h)
    })
    .await;
    assert!(
        headline.contains(" CU in November (UTC) (from the usage ledger)"),
        "{headline}"
    );
    assert!(!headline.contains("America/New_York"), "{headline}");
    let heading = wait_for("the day chart's heading", 15_000, || {
        all(&root, "h3")
            .into_iter()
            .map(|h| accessible_text(&h))
            .find(|h| h.contains("from the usage ledger"))
    })
    .await;
    assert!(
        heading.contains("(UTC)") && !heading.contains("America/New_York"),
        "{heading}"
    );
    let text = accessible_text(&root);
    assert!(
        text.contains("November 2026 (UTC) in the usage ledger"),
        "{text}"
    );
    // The chart's name says so too.
    let name = all(&root, "[role=img]")
        .into_iter()
        .filter_map(|e| e.get_attribute("aria-label"))
        .find(|n| n.starts_with("CU per day"))
        .expect("the day chart's name");
    assert!(name.starts_with("CU per day (UTC)"), "{name}");
}

/// A zone is named as configured, not by an old alias `Intl` may resolve
/// it to (`Asia/Kolkata`, not `Asia/Calcutta`).
#[wasm_bindgen_test]
async fn zones_are_named_as_configured() {
    let (root, _h) = mount_org(
        "periods-kolkata",
        json!({ "now": NOW, "maxRuns": 100000, "period": "today",
                "billingTimeZone": "Asia/Kolkata", "timeZone": "Asia/Kolkata" }),
    );
    choose_and_load(&root, "today").await;
    let text = accessible_text(&root);
    assert!(text.contains("Times in Asia/Kolkata"), "{text}");
    assert!(text_of(&root, ".cu-headline").contains(" today (Asia/Kolkata)"));
    assert!(!text.contains("Calcutta"), "{text}");
}

/// A walk stopped at `maxRuns` is not offered again as "Load runs back
/// to …": it would stop at the cap at once.
#[wasm_bindgen_test]
async fn at_the_cap_loading_back_is_not_offered() {
    let (root, _h) = mount_org(
        "periods-cap",
        json!({ "now": NOW, "maxRuns": 300, "period": "this-month" }),
    );
    wait_for("the cap's outcome", 15_000, || {
        accessible_text(&root)
            .contains("Stopped at the cap of 300 runs")
            .then_some(())
    })
    .await;
    sleep(100).await;
    let offered = all(&root, "button")
        .iter()
        .any(|b| accessible_text(b).starts_with("Load runs back to"));
    assert!(!offered, "{}", text_of(&root, ".cu-period-cover"));
}
