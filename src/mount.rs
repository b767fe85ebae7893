//! The JavaScript API: `mount(element, options)` returning a handle with
//! `unmount()`, and the standalone page's auto-mount from a JSON config block.

use std::cell::RefCell;
use std::rc::Rc;

use crate::api::json::Value;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, RequestCredentials};

use crate::api::{HttpConfig, HttpRunsSource, TokenSource};
use crate::core::format::Formatter;
use crate::load::config::{Config, Credentials};
use crate::load::env::Env;
use crate::view::components::cost_table;

#[wasm_bindgen(typescript_custom_section)]
const TS_API: &'static str = r#"
/** Options of `mount`. Only `apiBase`, `orgId` and a token are required. */
export interface MountOptions {
  /** API base URL: absolute http(s) URL without user info, or a same-origin path such as "/api". */
  apiBase: string;
  /** Organization whose runs are shown. */
  orgId: string;
  /** Bearer token. Never put in a URL, the DOM, logs or exports. */
  token?: string;
  /** Called before every request (tokens can rotate); may return a Promise. */
  getToken?: () => string | Promise<string>;
  /** Rows per page, 1..=100 (default 20). Every number option may also be its text ("20"), as an attribute gives it. */
  pageSize?: number | string;
  /** Price of one CU; with `currency`, adds cost columns. A number or its decimal text ("0.0025"), read exactly to the billionth. */
  pricePerCu?: number | string;
  /** ISO 4217 currency code, e.g. "USD". */
  currency?: string;
  /** BCP 47 locale for numbers and dates (default: the browser's). */
  locale?: string;
  /** IANA time zone dates and times are shown in (default: the browser's); days and periods are counted in `billingTimeZone`. */
  timeZone?: string;
  /** Heading above the table (default "CU costs"). */
  title?: string;
  /** Keep paging and filters in the page URL (default false). */
  syncUrl?: boolean;
  /** Show the "CU by workflow" and "CU per day" charts (default true). */
  charts?: boolean;
  /** End the subtotals CSV with its Total row, marked "Total" in the Row column (default true). */
  csvTotalRow?: boolean;
  /** fetch credentials mode (default "omit"). */
  credentials?: "omit" | "same-origin" | "include";
  /** Cap for "Load all runs" (default 100000). */
  maxRuns?: number | string;
  /** Per-request timeout in milliseconds (default 15000). */
  timeoutMs?: number | string;
  /** Refresh every this many seconds while the tab is visible (>= 15; default off). */
  refreshSeconds?: number | string;
  /** Columns of the runs table, in order (default: all). */
  columns?: Array<"run" | "workflow" | "status" | "trigger" | "started" | "finished" | "duration" | "cu" | "cost">;
  /** Period preset at start, filling From/To (default "custom": no dates). */
  period?: "today" | "last-7-days" | "last-30-days" | "this-month" | "last-month" | "this-quarter" | "custom";
  /** First day of the week, 1 = Monday … 7 = Sunday (default: the locale's, else Monday). */
  weekStartsOn?: number | string;
  /** CU budget per month: the budget sentence and the cumulative line of the time chart. A number or its decimal text, read exactly. */
  budgetCu?: number | string;
  /** IANA time zone days, periods, the day chart and budgets are counted in (default "UTC", as the usage ledger bills). `timeZone` only sets how dates and times are shown. */
  billingTimeZone?: string;
  /** Decimals money is shown with, 0..=9 (default: the currency's own, e.g. 2 for USD). Costs are exact (CU × price); only the display rounds. */
  moneyDecimals?: number | string;
  /** What budgetCu is per (only "month" for now; the default). */
  budgetPeriod?: "month";
  /** Subtotals grouping at start (default "workflow"). */
  groupBy?: "workflow" | "trigger" | "status";
  /** Time chart buckets at start (default "day"). */
  granularity?: "day" | "week" | "month";
  /** Display names of workflow ids, shown as text wherever a workflow appears (ids stay on hover and in CSV). */
  workflowNames?: Record<string, string>;
  /** The instant periods are computed from, RFC 3339 (default: the browser's clock). */
  now?: string;
  /** The UI's words: any subset of the message catalog by key (the rest stays English), e.g. the German catalog `cu-cost-table/locales/de.js`. Checked at mount: an unknown key, a missing or unknown placeholder, or markup is an error. */
  messages?: Messages;
  /** The usage ledger (`/cu` and `/cu/usage`): "auto" (default) asks once and hides every ledger element quietly on a 404 or 403; true says when it is missing; false never asks. */
  ledger?: "auto" | boolean;
}

/** Message texts by key; a plural message may give one text per plural category of the locale (`Intl.PluralRules`), `other` required. Text only: never markup. */
export type Messages = Record<string, string | { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string }>;

/**
 * Mounts the CU cost table into `element`. Throws an Error naming the option
 * and the rule when an option is invalid; nothing is mounted then.
 */
export function mount(element: HTMLElement, options: MountOptions): MountHandle;
"#;

/// A mounted table. `unmount()` removes its DOM and stops its requests.
#[wasm_bindgen]
pub struct MountHandle {
    inner: Option<Slot>,
}

/// Where a mounted table lives: its handle holds it, and [`ROOTS`] can
/// reach it (weakly) to unmount it when its element is mounted into
/// again. Empty once unmounted.
type Slot = Rc<RefCell<Option<Mounted>>>;

/// Unmounts the table in `slot`, if it still holds one; `true` if it did.
fn unmount_slot(slot: &Slot) -> bool {
    // Taken out first: dropping it edits ROOTS and the DOM.
    let mounted = slot.borrow_mut().take();
    let was = mounted.is_some();
    drop(mounted);
    was
}

/// Only `unmount()` removes a table: if JavaScript drops or garbage-collects
/// the handle without calling it, the table stays mounted (as a page that
/// calls `mount(...)` and ignores the result expects).
impl Drop for MountHandle {
    fn drop(&mut self) {
        if let Some(handle) = self.inner.take() {
            std::mem::forget(handle);
        }
    }
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the table, aborts requests in flight and disposes its state.
    /// Calling it again does nothing.
    pub fn unmount(&mut self) {
        if let Some(slot) = self.inner.take() {
            unmount_slot(&slot);
        }
    }
}

fn token_source(options: &JsValue) -> Result<TokenSource, String> {
    let get = |key: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let getter = get("getToken");
    if !getter.is_undefined() && !getter.is_null() {
        return getter
            .dyn_into::<js_sys::Function>()
            .map(TokenSource::Getter)
            .map_err(|_| "getToken must be a function".to_owned());
    }
    match get("token") {
        t if t.is_undefined() || t.is_null() => Err("token or getToken is required".to_owned()),
        t => match t.as_string() {
            Some(s) if !s.trim().is_empty() => crate::api::check_token(&s)
                .map(|()| TokenSource::Static(s))
                .map_err(|problem| format!("token {problem}")),
            Some(_) => Err("token must not be empty".to_owned()),
            None => Err("token must be a string".to_owned()),
        },
    }
}

fn options_json(options: &JsValue) -> Result<Value, String> {
    if !options.is_object() || options.is_function() {
        return Err("options must be an object".to_owned());
    }
    // A toJSON method would have JSON.stringify validate other options than
    // the object's own, while the token is read from the object: its apiBase
    // would not be the one the token goes to.
    if js_sys::Reflect::get(options, &"toJSON".into()).is_ok_and(|f| f.is_function()) {
        return Err("options must be a plain object, without a toJSON method".to_owned());
    }
    // JSON.stringify drops functions (getToken), which are read separately.
    let text = js_sys::JSON::stringify(options)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or("options must be a plain object")?;
    let value =
        crate::api::json::parse(&text).map_err(|_| "options must be a plain object".to_owned())?;
    // It also writes NaN and ±Infinity as null, which reads as "not set":
    // a `pageSize: NaN` would mount with the default without a word.
    if let Value::Object(obj) = &value {
        for (key, v) in obj.iter() {
            if matches!(v, Value::Null)
                && js_sys::Reflect::get(options, &key.into()).is_ok_and(|v| v.as_f64().is_some())
            {
                return Err(format!(
                    "{key} must be a finite number, not NaN or Infinity"
                ));
            }
        }
    }
    Ok(value)
}

/// The formatter of an instance: its locale, the zone it shows times in,
/// the billing zone it counts days in, its currency and money decimals, its
/// words. An error names an option the browser's `Intl` does not know (an
/// unknown zone would otherwise move every day filter and period boundary
/// to UTC without a word).
pub fn formatter(config: &Config) -> Result<Formatter, String> {
    Ok(Formatter::new(
        config.locale.as_deref(),
        config.time_zone.as_deref(),
        &config.billing_time_zone,
        config.price.as_ref().map(|p| p.currency.clone()),
    )?
    .with_money_decimals(config.money_decimals)
    .with_words(config.messages.clone()))
}

/// A same-origin path (`/api`) as a URL on the page's own origin: `fetch`
/// would resolve it against the document's base URL, which a `<base
/// href>` in the portal's markup can point at another origin (and the
/// token with it). An absolute URL, or a page without an origin of its
/// own (`null`), is left as it is.
fn page_origin_path(api_base: &str) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok());
    match origin {
        Some(o) if api_base.starts_with('/') && o.starts_with("http") => format!("{o}{api_base}"),
        _ => api_base.to_owned(),
    }
}

/// Builds an instance's environment from validated settings, a token and
/// its [`formatter`].
pub fn make_env(config: Config, token: TokenSource, fmt: Formatter) -> Env {
    let credentials = match config.credentials {
        Credentials::Omit => RequestCredentials::Omit,
        Credentials::SameOrigin => RequestCredentials::SameOrigin,
        Credentials::Include => RequestCredentials::Include,
    };
    let source = HttpRunsSource::new(HttpConfig {
        api_base: page_origin_path(&config.api_base),
        org_id: config.org_id.clone(),
        token,
        credentials,
        timeout_ms: config.timeout_ms,
    });
    Env::new(config, Rc::new(source), fmt)
}

/// Mounts a table for `env` into `element`.
pub fn mount_env(element: HtmlElement, env: Env) -> MountHandle {
    // The panic message, in the instance's words (said after a panic,
    // when no formatter may be reached).
    let stopped = env.fmt.t(crate::core::messages::M::internalError);
    // One table per element: a second mount into it (a portal re-rendering
    // without unmounting) replaces the first, whose requests and timers
    // stop, instead of stacking a second table with other options under it.
    let earlier: Vec<Slot> = ROOTS.with(|r| {
        r.borrow()
            .hosts
            .iter()
            .filter(|h| h.host.is_same_node(Some(&element)))
            .filter_map(|h| h.slot.upgrade())
            .collect()
    });
    let replaced = earlier.iter().filter(|slot| unmount_slot(slot)).count();
    if replaced > 0 {
        web_sys::console::warn_1(
            &"cu-cost-table: mount() into an element that already held a table: that table was unmounted and replaced (call unmount() on its handle before mounting again)."
                .into(),
        );
    }
    let slot: Slot = Rc::new(RefCell::new(None));
    let key = ROOTS.with(|r| {
        let mut roots = r.borrow_mut();
        roots.next += 1;
        let key = roots.next;
        roots.hosts.push(Host {
            key,
            host: element.clone(),
            stopped,
            slot: Rc::downgrade(&slot),
        });
        key
    });
    env.host.set_host(element.clone());
    let env = Rc::new(env);
    let later = env.clone();
    // What `leptos::mount::mount_to` does, for a root that is plain DOM:
    // the executor that runs effects, and an owner that ends them.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let root = owner.with(|| cost_table(env).into_element());
    element.append_with_node_1(&root).unwrap_throw();
    // Out of layout until its first page (or error) is shown, or for at most
    // `REVEAL_AFTER_MS` with a slow API (`Host::hold`).
    if let Ok(root) = root.clone().dyn_into::<HtmlElement>() {
        later.host.hold(root);
    }
    set_timeout(
        move || later.host.reveal(),
        std::time::Duration::from_millis(crate::load::host::REVEAL_AFTER_MS),
    );
    *slot.borrow_mut() = Some(Mounted { owner, root, key });
    MountHandle { inner: Some(slot) }
}

/// A mounted table: its root element and the owner of its state.
struct Mounted {
    owner: Owner,
    root: web_sys::Element,
    /// Its entry in [`ROOTS`], removed on unmount.
    key: u64,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // No longer a host for the panic message: a panic after unmount
        // leaves this element (and whatever the page put in it) alone.
        ROOTS.with(|r| r.borrow_mut().hosts.retain(|h| h.key != self.key));
        // The DOM first, so no listener fires while the state is disposed.
        self.root.remove();
        self.owner.cleanup();
    }
}

/// Says in the console which keys of the options are no option (a typo
/// would otherwise be ignored without a word); key names only.
fn warn_unknown(keys: &[String]) {
    for warning in crate::load::config::unknown_options(keys.iter().map(String::as_str)) {
        web_sys::console::warn_1(&warning.into());
    }
}

/// The options object's own keys, also those JSON leaves out (a function
/// such as a mistyped `gettoken`, or `undefined`).
fn own_keys(options: &JsValue) -> Vec<String> {
    options
        .dyn_ref::<js_sys::Object>()
        .map(|o| {
            js_sys::Object::keys(o)
                .iter()
                .filter_map(|k| k.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// A JSON object's keys.
fn json_keys(value: &Value) -> Vec<String> {
    match value {
        Value::Object(obj) => obj.iter().map(|(k, _)| k.clone()).collect(),
        _ => Vec::new(),
    }
}

/// Mounts the CU cost table into `element` (see `MountOptions`).
#[wasm_bindgen(skip_typescript)]
pub fn mount(element: JsValue, options: JsValue) -> Result<MountHandle, JsError> {
    install_panic_hook();
    let element: HtmlElement = element
        .dyn_into()
        .map_err(|_| JsError::new("element must be an HTML element"))?;
    let json = options_json(&options).map_err(|e| JsError::new(&e))?;
    let config = Config::from_json(&json).map_err(|e| JsError::new(&e))?;
    warn_unknown(&own_keys(&options));
    let token = token_source(&options).map_err(|e| JsError::new(&e))?;
    let fmt = formatter(&config).map_err(|e| JsError::new(&e))?;
    Ok(mount_env(element, make_env(config, token, fmt)))
}

/// The elements holding a mounted table, each under its mount's key.
#[derive(Default)]
struct Hosts {
    next: u64,
    hosts: Vec<Host>,
}

/// An element holding a mounted table.
struct Host {
    /// Its mount's key.
    key: u64,
    /// The element `mount` was given.
    host: HtmlElement,
    /// The panic message, in the table's words.
    stopped: String,
    /// The table, to unmount it when the element is mounted into again.
    slot: std::rc::Weak<RefCell<Option<Mounted>>>,
}

thread_local! {
    /// Elements holding a mounted table, for the panic message.
    static ROOTS: RefCell<Hosts> = RefCell::new(Hosts::default());
    static STANDALONE: RefCell<Option<MountHandle>> = const { RefCell::new(None) };
}

/// How many tables are mounted on the page (what a panic would replace).
#[doc(hidden)]
pub fn mounted_hosts() -> usize {
    ROOTS.with(|r| r.borrow().hosts.len())
}

/// Logs panics to the console and shows an error box in every mounted table
/// instead of leaving a dead page.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show_internal_error();
        }));
    });
}

/// Replaces every mounted table on the page with an error box (role=alert).
/// The panic hook calls this, so a bug shows a message, not a dead page.
pub fn show_internal_error() {
    ROOTS.with(|roots| {
        let hosts: Vec<(HtmlElement, String)> = roots
            .borrow()
            .hosts
            .iter()
            .map(|h| (h.host.clone(), h.stopped.clone()))
            .collect();
        for (root, text) in hosts.iter().filter(|(r, _)| r.is_connected()) {
            show_fatal(root, text);
        }
    });
}

fn show_fatal(root: &HtmlElement, message: &str) {
    let Some(document) = root.owner_document() else {
        return;
    };
    if let Ok(el) = document.create_element("div") {
        el.set_class_name("cu-root cu-fatal");
        let _ = el.set_attribute("role", "alert");
        el.set_text_content(Some(message));
        root.set_text_content(None);
        let _ = root.append_child(&el);
    }
}

/// The standalone page: mounts into the element named by the
/// `<script type="application/json" id="cu-cost-table-config">` block, if
/// the page has one. Runs at start-up only in the standalone build (feature
/// `standalone`, which Trunk enables): the package a portal imports never
/// mounts by itself, whatever its page holds.
#[cfg_attr(feature = "standalone", wasm_bindgen(start))]
pub fn start() {
    install_panic_hook();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(block) = document.get_element_by_id("cu-cost-table-config") else {
        return;
    };
    let text = block.text_content().unwrap_or_default();
    // The block holds the token: take it out of the DOM once read.
    block.remove();
    let parsed: Result<Value, String> =
        crate::api::json::parse_or_position(&text).map_err(|(line, column)| {
            format!("the config block is not valid JSON (at line {line} column {column})")
        });
    let target_id = match parsed.as_ref().ok().and_then(|v| v.get("target")) {
        None | Some(Value::Null) => Ok("app".to_owned()),
        Some(Value::String(id)) => Ok(id.clone()),
        Some(_) => {
            Err("the config block's \"target\" must be a string (an element's id)".to_owned())
        }
    };
    let target = target_id.and_then(|id| {
        document
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .ok_or(format!(
                "no element with id {id:?} to mount into (the config block's \"target\")"
            ))
    });
    let target = match target {
        Ok(target) => target,
        Err(problem) => {
            // Said on the page too (at the top of its body), not only in the
            // console: the page's "Loading…" would otherwise stay for good.
            web_sys::console::error_1(&format!("cu-cost-table: {problem}").into());
            if let Some(body) = document.body() {
                let alert = document
                    .create_element("div")
                    .ok()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                if let Some(alert) = alert {
                    show_fatal(
                        &alert,
                        &format!("The CU cost table could not start: {problem}."),
                    );
                    let _ = body.prepend_with_node_1(&alert);
                }
            }
            return;
        }
    };
    let result = parsed.and_then(|v| {
        let config = Config::from_json(&v)?;
        warn_unknown(&json_keys(&v));
        let fmt = formatter(&config)?;
        let token = match v.get("token") {
            Some(Value::String(t)) if !t.is_empty() => t,
            None | Some(Value::Null | Value::String(_)) => return Err("token is required".into()),
            Some(_) => return Err("token must be a string".into()),
        };
        crate::api::check_token(token).map_err(|problem| format!("token {problem}"))?;
        Ok(make_env(config, TokenSource::Static(token.to_owned()), fmt))
    });
    match result {
        Ok(env) => {
            target.set_text_content(None);
            let handle = mount_env(target, env);
            STANDALONE.with(|s| *s.borrow_mut() = Some(handle));
        }
        Err(e) => show_fatal(&target, &format!("The CU cost table could not start: {e}.")),
    }
}
