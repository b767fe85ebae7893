//! Helpers for browser tests: a demo API address, DOM queries by what a user
//! sees (accessible text, roles), real events, and waiting on the DOM.
#![allow(dead_code)]

pub mod fixture;

use std::future::Future;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// The demo API started by scripts/test.sh (compile-time env `CU_DEMO_API`).
pub fn demo_api() -> &'static str {
    option_env!("CU_DEMO_API").unwrap_or("http://127.0.0.1:8080")
}

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls `probe` until it returns `Some`, for at most `timeout_ms`. Fails
/// the test when the page has had an uncaught error or unhandled rejection
/// (see [`install_error_guard`]), before each poll and once it resolves.
pub async fn wait_for<T>(what: &str, timeout_ms: i32, mut probe: impl FnMut() -> Option<T>) -> T {
    let mut waited = 0;
    loop {
        assert_no_page_errors();
        if let Some(v) = probe() {
            return v;
        }
        if waited >= timeout_ms {
            panic!("timed out after {timeout_ms} ms waiting for: {what}");
        }
        sleep(20).await;
        waited += 20;
    }
}

/// The page-wide record of uncaught errors and unhandled rejections.
const PAGE_ERRORS: &str = "__cuTestPageErrors";

/// Installs (once per page) a `window` `error` and `unhandledrejection`
/// listener, and a wrapper of `console.error`, that record each as a line. Every setup helper calls it
/// ([`container`], and so `mount_org` and the fixture mounts); the wait
/// helpers fail the test when anything was recorded ([`assert_no_page_errors`]).
/// wasm-bindgen-test itself only sees a test's own future: an error thrown
/// by a timer, an event handler or a promise nobody awaits would pass
/// unnoticed without it.
///
/// One `error` event is not an error thrown by a script and is not recorded:
/// "ResizeObserver loop completed with undelivered notifications" (an event
/// with no error object), which the browser dispatches when a ResizeObserver
/// callback changes the observed element's size again within the same
/// frame; the notification is delivered in the next frame (the component's
/// width observer, `src/view/components/width.rs`, does this when `narrow` flips).
pub fn install_error_guard() {
    let window = web_sys::window().unwrap();
    if js_sys::Reflect::has(&window, &PAGE_ERRORS.into()).unwrap_or(false) {
        return;
    }
    js_sys::Function::new_no_args(
        "const errors = [];
         Object.defineProperty(window, '__cuTestPageErrors', { value: errors });
         const text = (x) => (x && x.stack) ? String(x.stack) : String(x);
         window.addEventListener('error', (e) => {
           if (e.error == null && /^ResizeObserver loop /.test(e.message)) return;
           errors.push('uncaught error: ' + (e.error != null ? text(e.error) : e.message));
         });
         window.addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + text(e.reason)));
         const log = console.error;
         console.error = function (...args) {
           errors.push('console error: ' + args.map(text).join(' '));
           return log.apply(this, args);
         };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

/// Takes (and clears) what the guard recorded: each uncaught error,
/// unhandled rejection or `console.error` call since the last call, as a line.
pub fn take_page_errors() -> Vec<String> {
    let window = web_sys::window().unwrap();
    let Ok(errors) = js_sys::Reflect::get(&window, &PAGE_ERRORS.into()) else {
        return Vec::new();
    };
    let Some(errors) = errors.dyn_ref::<js_sys::Array>() else {
        return Vec::new();
    };
    let taken: Vec<String> = errors.iter().filter_map(|e| e.as_string()).collect();
    errors.set_length(0);
    taken
}

/// Panics when the page has had an uncaught error, an unhandled rejection
/// or a console error since the last check (the record is cleared, so the next test starts
/// clean).
pub fn assert_no_page_errors() {
    let errors = take_page_errors();
    if !errors.is_empty() {
        panic!(
            "the page had {} uncaught error(s) or unhandled rejection(s):\n  {}",
            errors.len(),
            errors.join("\n  ")
        );
    }
}

/// Awaits a JS promise-returning future helper.
pub async fn js_await<F: Future<Output = Result<JsValue, JsValue>>>(f: F) -> JsValue {
    f.await.unwrap()
}

/// A fresh, attached container for one test. Installs the page's error
/// guard and fails when an earlier test on this page left an uncaught error
/// behind after its last wait.
pub fn container() -> HtmlElement {
    install_error_guard();
    assert_no_page_errors();
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// `mount` options as a plain JS object.
pub fn options(json: serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&json.to_string()).unwrap()
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn one(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

/// Text as a screen reader would read it: `aria-hidden` parts left out,
/// whitespace collapsed.
pub fn accessible_text(node: &web_sys::Node) -> String {
    fn walk(node: &web_sys::Node, out: &mut String) {
        if let Some(el) = node.dyn_ref::<Element>() {
            if el.get_attribute("aria-hidden").as_deref() == Some("true") {
                return;
            }
        }
        if node.node_type() == web_sys::Node::TEXT_NODE {
            out.push_str(&node.text_content().unwrap_or_default());
        }
        let children = node.child_nodes();
        for i in 0..children.length() {
            if let Some(c) = children.item(i) {
                walk(&c, out);
            }
        }
    }
    let mut out = String::new();
    walk(node, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The button whose accessible name is exactly `name`.
pub fn button(root: &Element, name: &str) -> Option<HtmlElement> {
    all(root, "button")
        .into_iter()
        .find(|b| accessible_text(b) == name)
        .map(|b| b.unchecked_into())
}

/// The status checkbox whose label starts with `status` ("Succeeded"…).
pub fn status_checkbox(root: &Element, status: &str) -> HtmlElement {
    let label = all(root, "fieldset label")
        .into_iter()
        .find(|l| accessible_text(l).starts_with(status))
        .unwrap_or_else(|| panic!("no {status} checkbox"));
    one(&label, "input")
        .expect("a checkbox in the label")
        .unchecked_into::<HtmlElement>()
}

/// The form control whose `<label>` reads exactly `label`.
pub fn labelled(root: &Element, label: &str) -> Option<Element> {
    let l = all(root, "label")
        .into_iter()
        .find(|l| accessible_text(l) == label)?;
    match l.get_attribute("for") {
        Some(id) => document().get_element_by_id(&id),
        None => l.query_selector("input, select").ok().flatten(),
    }
}

/// Chooses the option of a select whose value is `value` and fires `change`.
pub fn select_value(select: &Element, value: &str) {
    let select: &HtmlSelectElement = select.unchecked_ref();
    // A user reaches an option through the select's focus (keyboard) or a
    // pointer, which bring a list still waiting for its task up to date.
    fire(select, "focus");
    select.set_value(value);
    assert_eq!(select.value(), value, "the select lists {value:?}");
    fire(select, "change");
}

/// Types `text` into an input (sets the value and fires `input` and `change`).
pub fn type_into(input: &Element, text: &str) {
    let input: &HtmlInputElement = input.unchecked_ref();
    input.set_value(text);
    fire(input, "input");
    fire(input, "change");
}

pub fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// A click with Shift held.
pub fn shift_click(el: &Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_shift_key(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// The table with this caption.
pub fn table(root: &Element, caption: &str) -> Option<Element> {
    all(root, "table").into_iter().find(|t| {
        t.query_selector("caption")
            .ok()
            .flatten()
            .map(|c| accessible_text(&c))
            .as_deref()
            == Some(caption)
    })
}

/// Body rows of the runs table that show a run (not the empty-state row).
pub fn run_rows(root: &Element) -> Vec<Element> {
    table(root, "Workflow runs")
        .map(|t| all(&t, "tbody tr:not(.cu-empty-row)"))
        .unwrap_or_default()
}

/// Cell texts of a row: each cell's own value, without the details lines a
/// narrow component adds under the run id (`.cu-more`, checked by the e2e
/// narrow-layout test with the real stylesheet).
pub fn cells(row: &Element) -> Vec<String> {
    all(row, "th, td")
        .iter()
        .map(|c| {
            let copy: Element = c.clone_node_with_deep(true).unwrap().unchecked_into();
            for more in all(&copy, ".cu-more") {
                more.remove();
            }
            accessible_text(&copy)
        })
        .collect()
}

/// The text of the pager's status line.
pub fn pager_status(root: &Element) -> String {
    one(root, ".cu-pager [role=status]")
        .map(|s| accessible_text(&s))
        .unwrap_or_default()
}

/// A count as the component shows it in en-US: `8,214`.
pub fn en_count(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A figure as shown ("1,234.5000") in ten-thousandths.
pub fn units(text: &str) -> i128 {
    let t: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    let frac = format!("{frac:0<4}");
    int.parse::<i128>().unwrap_or(0) * 10_000 + frac[..4].parse::<i128>().unwrap()
}

/// A JSON number from the API in ten-thousandths (independent of the crate).
pub fn api_units(v: &serde_json::Value) -> i128 {
    (v.as_f64().unwrap() * 10_000.0).round() as i128
}

/// GETs `url` from the demo API as JSON, with a test token for the API's
/// own endpoints (`token`) or without one for its test aids (`/__demo/…`: a
/// plain GET, so the browser sends no CORS preflight for them).
async fn get_json(url: &str, token: bool) -> serde_json::Value {
    let mut request = gloo_net::http::Request::get(url);
    if token {
        request = request.header("Authorization", "Bearer test-token");
    }
    let text = request
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {url}: {e}"))
        .text()
        .await
        .unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("GET {url}: not JSON ({e}): {text}"))
}

/// GETs a page straight from the demo API (independently of the component).
pub async fn fetch_page(org: &str, limit: u32, offset: u64) -> serde_json::Value {
    get_json(
        &format!(
            "{}/v1/organizations/{org}/cu/runs?limit={limit}&offset={offset}",
            demo_api()
        ),
        true,
    )
    .await
}

/// The demo API's record of an org's recent requests (`query`, and
/// `hasToken`: whether one was sent; the token itself is not kept).
pub async fn requests_for(org: &str) -> Vec<serde_json::Value> {
    get_json(&format!("{}/__demo/requests?org={org}", demo_api()), false)
        .await
        .as_array()
        .unwrap()
        .clone()
}

/// What the demo API's `live*` org sent, reply by reply (test aid).
pub async fn served_for(org: &str) -> Vec<serde_json::Value> {
    get_json(&format!("{}/__demo/served?org={org}", demo_api()), false)
        .await
        .as_array()
        .unwrap()
        .clone()
}

/// The outcome line once it says what `done` accepts (waits up to `ms`).
pub async fn outcome_when(root: &Element, ms: i32, done: impl Fn(&str) -> bool) -> String {
    wait_for("the load-all outcome", ms, || {
        one(root, ".cu-outcome")
            .map(|o| accessible_text(&o))
            .filter(|t| done(t))
    })
    .await
}

/// Clicks "Load all runs" and waits for the outcome line `done` accepts.
pub async fn load_all(root: &Element, ms: i32, done: impl Fn(&str) -> bool) -> String {
    button(root, "Load all runs").unwrap().click();
    outcome_when(root, ms, done).await
}

/// Mounts a table for `org` through the exported `mount` (en-US, UTC), with
/// `extra` options merged in.
pub fn mount_org(org: &str, extra: serde_json::Value) -> (HtmlElement, cu_cost_table::MountHandle) {
    let root = container();
    let handle = mount_org_into(&root, org, extra);
    (root, handle)
}

/// Mounts a table for `org` into `host` (an element the test placed), as
/// [`mount_org`] does.
pub fn mount_org_into(
    host: &HtmlElement,
    org: &str,
    extra: serde_json::Value,
) -> cu_cost_table::MountHandle {
    let mut opts = serde_json::json!({ "apiBase": demo_api(), "orgId": org, "token": "test-token", "locale": "en-US", "timeZone": "UTC" });
    for (k, v) in extra.as_object().unwrap() {
        opts[k] = v.clone();
    }
    cu_cost_table::mount(host.clone().into(), options(opts))
        .unwrap_or_else(|_| panic!("mount failed"))
}

/// Adds the component's stylesheet to the test page (once), for layout checks.
pub fn install_styles() {
    let doc = document();
    if doc.get_element_by_id("cu-test-styles").is_some() {
        return;
    }
    let style = doc.create_element("style").unwrap();
    style.set_id("cu-test-styles");
    style.set_text_content(Some(include_str!("../../style/main.css")));
    doc.head().unwrap().append_child(&style).unwrap();
}

/// The error guard's own test (it runs in every browser-test binary, so each
/// page's guard is proven to fire): a real uncaught error from a timer and a
/// real unhandled rejection are recorded, and what the wait helpers check
/// finds them.
#[wasm_bindgen_test::wasm_bindgen_test]
async fn error_guard_records_uncaught_errors_and_unhandled_rejections() {
    install_error_guard();
    assert_no_page_errors();
    js_sys::Function::new_no_args(
        "setTimeout(() => { throw new Error('thrown on purpose by the guard self-test'); });
         Promise.reject(new Error('rejected on purpose by the guard self-test'));
         console.error('logged on purpose by the guard self-test');",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    sleep(50).await;
    let errors = take_page_errors();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors.iter().any(|e| e.starts_with("console error: ")
            && e.contains("logged on purpose by the guard self-test")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("uncaught error: ")
            && e.contains("thrown on purpose by the guard self-test")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("unhandled rejection: ")
            && e.contains("rejected on purpose by the guard self-test")),
        "{errors:?}"
    );
    // Taken: the next check passes again.
    assert_no_page_errors();
}
