//! Component settings: parsed from the `mount` options object or the
//! standalone page's JSON config block, validated with messages that name the
//! option and the rule.

use crate::api::json::{Map, Value};

use crate::api::request::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::core::cu::PricePerCu;

/// How fetch sends cookies (the `credentials` option).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credentials {
    /// Never send cookies (default).
    Omit,
    /// Send cookies to the same origin only.
    SameOrigin,
    /// Always send cookies.
    Include,
}

/// Validated settings of one component instance.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// API base URL: absolute `http(s)://` or a same-origin path.
    pub api_base: String,
    /// Organization id.
    pub org_id: String,
    /// Rows per page at start (1..=100).
    pub page_size: u32,
    /// Price per CU, when money columns are wanted.
    pub price: Option<Price>,
    /// BCP 47 locale for numbers and dates; `None` = the browser's.
    pub locale: Option<String>,
    /// IANA time zone for dates; `None` = the browser's.
    pub time_zone: Option<String>,
    /// Heading above the table.
    pub title: String,
    /// Keep limit, offset and filters in the page URL.
    pub sync_url: bool,
    /// Show the "CU by workflow" and "CU per day" charts (default true).
    pub charts: bool,
    /// End the subtotals CSV with its Total row (default true).
    pub csv_total_row: bool,
    /// Fetch credentials mode.
    pub credentials: Credentials,
    /// Cap for "Load all runs".
    pub max_runs: u64,
    /// Per-request timeout in milliseconds.
    pub timeout_ms: u32,
    /// Refresh on a timer every this many seconds while the tab is visible
    /// (`None`: off, the default).
    pub refresh_seconds: Option<u32>,
    /// Columns of the runs table at start, in order (`None`: all).
    pub columns: Option<Vec<crate::core::sort::Column>>,
    /// Period preset at start (`None`: Custom, no dates).
    pub period: Option<crate::core::period::Preset>,
    /// First day of the week, ISO (1 = Monday … 7 = Sunday); `None`: the
    /// locale's, else Monday.
    pub week_starts_on: Option<u8>,
    /// CU budget per month.
    pub budget_cu: Option<crate::core::cu::CuTotal>,
    /// The time zone days, periods and budgets are counted in (default
    /// `UTC`, as the platform's usage ledger bills); `time_zone` is only
    /// how dates and times are shown.
    pub billing_time_zone: String,
    /// Decimals money is shown with (`None`: the currency's own, e.g. 2
    /// for USD, 0 for JPY). Costs are exact; only their display rounds.
    pub money_decimals: Option<u8>,
    /// Subtotals grouping at start.
    pub group_by: crate::core::subtotals::GroupBy,
    /// Time chart buckets at start.
    pub granularity: crate::core::period::Granularity,
    /// Display names of workflow ids.
    pub workflow_names: crate::core::keyed::Names,
    /// The host's words over English (the `messages` option).
    pub messages: crate::core::i18n::Catalog,
    /// Whether the balance and usage endpoints are asked.
    pub ledger: LedgerMode,
    /// The instant periods are computed from, epoch ms (`None`: the clock).
    pub now_ms: Option<i64>,
}

/// Whether the ledger endpoints are asked (the `ledger` option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LedgerMode {
    /// Ask once; a 404 or 403 hides the ledger quietly (default).
    #[default]
    Auto,
    /// Ask, and say so when the ledger is missing.
    On,
    /// Never ask.
    Off,
}

/// A price per CU in a currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Price {
    /// Price of one CU.
    pub per_cu: PricePerCu,
    /// ISO 4217 currency code, e.g. `USD`.
    pub currency: String,
}

/// Default cap for "Load all runs".
pub const DEFAULT_MAX_RUNS: u64 = 100_000;
/// Default per-request timeout.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// Every key `mount`'s options may have (`MountOptions` in `mount.rs`),
/// and `target`, which the standalone page's config block adds.
const OPTION_KEYS: [&str; 31] = [
    "apiBase",
    "orgId",
    "token",
    "getToken",
    "pageSize",
    "pricePerCu",
    "currency",
    "locale",
    "timeZone",
    "billingTimeZone",
    "title",
    "syncUrl",
    "charts",
    "csvTotalRow",
    "credentials",
    "maxRuns",
    "timeoutMs",
    "refreshSeconds",
    "columns",
    "period",
    "weekStartsOn",
    "budgetCu",
    "budgetPeriod",
    "moneyDecimals",
    "groupBy",
    "granularity",
    "workflowNames",
    "now",
    "ledger",
    "messages",
    "target",
];

/// A warning for each of `keys` that is no option (a typo such as
/// `pagesize` would otherwise be ignored without a word), naming the
/// option it resembles when one differs only in case, `-` or `_`. Only
/// key names are said, never a value.
pub fn unknown_options<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<String> {
    let plain = |k: &str| -> String {
        k.chars()
            .filter(|c| *c != '-' && *c != '_')
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    keys.filter(|key| !OPTION_KEYS.contains(key))
        .map(|key| {
            let like = OPTION_KEYS.iter().find(|k| plain(k) == plain(key));
            let hint = like.map_or(String::new(), |k| format!(" (did you mean {k:?}?)"));
            format!("cu-cost-table: unknown option {key:?} ignored{hint}")
        })
        .collect()
}

fn opt_str(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
        Some(_) => Err(format!("{key} must be a string")),
    }
}

/// A number option as decimal text in JSON's grammar (a JSON number, or a
/// string holding one): read exactly by the option that uses it, never
/// through a binary float.
fn opt_num(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(Some(n.as_text().into_owned())),
        Some(Value::String(s)) if !s.trim().is_empty() => {
            match crate::core::cu::json_literal(s).filter(|l| crate::api::json::is_number(l)) {
                Some(lit) => Ok(Some(lit)),
                None => Err(format!("{key} must be a number")),
            }
        }
        Some(_) => Err(format!("{key} must be a number")),
    }
}

fn opt_bool(obj: &Map<String, Value>, key: &str) -> Result<Option<bool>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(format!("{key} must be true or false")),
    }
}

fn int_in(obj: &Map<String, Value>, key: &str, min: u64, max: u64) -> Result<Option<u64>, String> {
    let rule = || format!("{key} must be between {min} and {max} (a whole number)");
    match opt_num(obj, key).map_err(|_| rule())? {
        None => Ok(None),
        Some(lit) => match crate::core::cu::whole_from_decimal(&lit, max) {
            Some(v) if v >= min => Ok(Some(v)),
            _ => Err(rule()),
        },
    }
}

/// `apiBase` is an absolute `http(s)` URL without user info, or a
/// same-origin path starting with a single `/` (`//host` and `/\\host` are
/// other origins to a browser), with no query, fragment, whitespace or
/// backslash.
fn check_api_base(api_base: &str) -> Result<(), String> {
    let rule = || {
        "apiBase must be an absolute http(s) URL without user info or a same-origin path starting with a single /"
            .to_owned()
    };
    if api_base.contains(['?', '#']) {
        return Err("apiBase must not contain a query or fragment".to_owned());
    }
    if api_base.contains('\\')
        || api_base
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(rule());
    }
    let rest = api_base
        .strip_prefix("https://")
        .or_else(|| api_base.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let authority = rest.split('/').next().unwrap_or("");
            if authority.is_empty() || authority.contains('@') {
                return Err(rule());
            }
        }
        None => {
            if !api_base.starts_with('/') || api_base.starts_with("//") {
                return Err(rule());
            }
        }
    }
    Ok(())
}

impl Config {
    /// The price of one CU, when one is set.
    pub fn per_cu(&self) -> Option<PricePerCu> {
        self.price.as_ref().map(|p| p.per_cu)
    }

    /// Validates an options object (`apiBase`, `orgId`, `pageSize`, ...).
    /// The token is not part of it: it is handled apart so it never lands in
    /// anything that is printed.
    pub fn from_json(value: &Value) -> Result<Config, String> {
        let Value::Object(obj) = value else {
            return Err("options must be an object".to_owned());
        };
        let api_base = opt_str(obj, "apiBase")?.ok_or("apiBase is required")?;
        check_api_base(&api_base)?;
        let org_id = opt_str(obj, "orgId")?.ok_or("orgId is required")?;
        // Percent-encoding does not stop URL parsers from reading `%2E%2E`
        // as a dot segment: `..` would walk out of the organizations path.
        if org_id == "." || org_id == ".." {
            return Err("orgId must not be \".\" or \"..\"".to_owned());
        }
        let page_size =
            int_in(obj, "pageSize", 1, u64::from(MAX_LIMIT))?.map_or(DEFAULT_LIMIT, |v| v as u32);
        let currency = opt_str(obj, "currency")?;
        if let Some(c) = &currency {
            if c.len() != 3 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
                return Err("currency must be a three-letter ISO 4217 code such as USD".to_owned());
            }
        }
        let price = match opt_num(obj, "pricePerCu")? {
            None => {
                if currency.is_some() {
                    return Err("currency needs pricePerCu".to_owned());
                }
                None
            }
            Some(p) => {
                let per_cu = PricePerCu::from_decimal(&p)
                    .ok_or("pricePerCu must be a positive number from 0.000000001 to 1000000000")?;
                let currency = currency
                    .ok_or("pricePerCu needs currency (e.g. \"USD\")")?
                    .to_ascii_uppercase();
                Some(Price { per_cu, currency })
            }
        };
        let credentials = match opt_str(obj, "credentials")?.as_deref() {
            None | Some("omit") => Credentials::Omit,
            Some("same-origin") => Credentials::SameOrigin,
            Some("include") => Credentials::Include,
            Some(_) => {
                return Err(
                    "credentials must be \"omit\", \"same-origin\" or \"include\"".to_owned(),
                )
            }
        };
        let columns = match obj.get("columns") {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => {
                let keys = items
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .ok_or("columns must be an array of column keys")?;
                Some(crate::core::columns::parse(&keys, price.is_some())?)
            }
            Some(_) => return Err("columns must be an array of column keys".to_owned()),
        };
        let messages = messages(obj)?;
        let sync_url = opt_bool(obj, "syncUrl")?.unwrap_or(false);
        let charts = opt_bool(obj, "charts")?.unwrap_or(true);
        Ok(Config {
            api_base,
            org_id,
            page_size,
            price,
            locale: opt_str(obj, "locale")?,
            time_zone: opt_str(obj, "timeZone")?,
            title: opt_str(obj, "title")?.unwrap_or_else(|| {
                messages
                    .text(crate::core::messages::M::defaultTitle, None)
                    .to_owned()
            }),
            sync_url,
            charts,
            csv_total_row: opt_bool(obj, "csvTotalRow")?.unwrap_or(true),
            credentials,
            max_runs: int_in(obj, "maxRuns", 1, 10_000_000)?.unwrap_or(DEFAULT_MAX_RUNS),
            timeout_ms: int_in(obj, "timeoutMs", 100, 600_000)?
                .map_or(DEFAULT_TIMEOUT_MS, |v| v as u32),
            refresh_seconds: int_in(obj, "refreshSeconds", 15, 86_400)?.map(|v| v as u32),
            columns,
            period: choice(obj, "period", crate::core::period::Preset::parse, &PERIODS)?,
            week_starts_on: int_in(obj, "weekStartsOn", 1, 7)?.map(|v| v as u8),
            budget_cu: budget(obj)?,
            money_decimals: int_in(obj, "moneyDecimals", 0, 9)?.map(|v| v as u8),
            billing_time_zone: opt_str(obj, "billingTimeZone")?.unwrap_or_else(|| "UTC".to_owned()),
            group_by: choice(
                obj,
                "groupBy",
                crate::core::subtotals::GroupBy::parse,
                &["workflow", "trigger", "status"],
            )?
            .unwrap_or_default(),
            granularity: choice(
                obj,
                "granularity",
                crate::core::period::Granularity::parse,
                &["day", "week", "month"],
            )?
            .unwrap_or_default(),
            workflow_names: workflow_names(obj)?,
            messages,
            ledger: match obj.get("ledger") {
                None | Some(Value::Null) => LedgerMode::Auto,
                Some(Value::Bool(true)) => LedgerMode::On,
                Some(Value::Bool(false)) => LedgerMode::Off,
                Some(Value::String(s)) if s == "auto" => LedgerMode::Auto,
                Some(Value::String(s)) if s == "true" => LedgerMode::On,
                Some(Value::String(s)) if s == "false" => LedgerMode::Off,
                Some(_) => return Err("ledger must be \"auto\", true or false".to_owned()),
            },
            now_ms: match opt_str(obj, "now")? {
                None => None,
                Some(text) => Some(
                    crate::core::time::parse_rfc3339_ms(&text)
                        .ok_or("now must be an RFC 3339 timestamp such as 2026-11-28T12:00:00Z")?,
                ),
            },
        })
    }
}

/// The `messages` option: an object of message texts by key, a plural
/// message as a string or an object of plural forms (`one`, `other`, …).
fn messages(obj: &Map<String, Value>) -> Result<crate::core::i18n::Catalog, String> {
    use crate::core::i18n::{Cat, Catalog, Given};
    let rule = "messages must be an object of message texts by key";
    let items = match obj.get("messages") {
        None | Some(Value::Null) => return Ok(Catalog::default()),
        Some(Value::Object(items)) => items,
        Some(_) => return Err(rule.to_owned()),
    };
    let mut given = Vec::new();
    for (key, value) in items.iter() {
        let g = match value {
            Value::String(s) => Given::Text(s.clone()),
            Value::Object(forms) => {
                let mut out = Vec::new();
                for (cat, text) in forms.iter() {
                    let c = Cat::parse(cat).ok_or_else(|| {
                        format!("messages.{key} has an unknown plural form {cat:?} (use zero, one, two, few, many, other)")
                    })?;
                    let text = text
                        .as_str()
                        .ok_or_else(|| format!("messages.{key}.{cat} must be a string"))?;
                    out.push((c, text.to_owned()));
                }
                Given::Forms(out)
            }
            _ => {
                return Err(format!(
                    "messages.{key} must be a string or an object of plural forms"
                ))
            }
        };
        given.push((key.clone(), g));
    }
    Catalog::new(given)
}

const PERIODS: [&str; 7] = [
    "today",
    "last-7-days",
    "last-30-days",
    "this-month",
    "last-month",
    "this-quarter",
    "custom",
];

/// A string option that must be one of `keys`.
fn choice<T>(
    obj: &Map<String, Value>,
    key: &str,
    parse: impl Fn(&str) -> Option<T>,
    keys: &[&str],
) -> Result<Option<T>, String> {
    let rule = || {
        let quoted: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
        format!("{key} must be one of {}", quoted.join(", "))
    };
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => parse(s.trim()).map(Some).ok_or_else(rule),
        Some(_) => Err(rule()),
    }
}

/// `budgetCu` (positive, finite, at most a trillion) and `budgetPeriod`
/// (`"month"`, the only one so far).
fn budget(obj: &Map<String, Value>) -> Result<Option<crate::core::cu::CuTotal>, String> {
    match opt_str(obj, "budgetPeriod")?.as_deref() {
        None | Some("month") => {}
        Some(_) => return Err("budgetPeriod must be \"month\"".to_owned()),
    }
    let rule = "budgetCu must be a positive number of CU per month, at most 1000000000000";
    let Some(lit) = opt_num(obj, "budgetCu").map_err(|_| rule.to_owned())? else {
        return Ok(None);
    };
    match crate::core::cu::Cu::from_decimal(&lit) {
        Some(cu) if cu.0 > 0 => Ok(Some(cu.into())),
        _ => Err(rule.to_owned()),
    }
}

/// `workflowNames`: an object of workflow id → display name (strings).
fn workflow_names(obj: &Map<String, Value>) -> Result<crate::core::keyed::Names, String> {
    let rule =
        || "workflowNames must be an object mapping workflow ids to names (strings)".to_owned();
    match obj.get("workflowNames") {
        None | Some(Value::Null) => Ok(Default::default()),
        Some(Value::Object(map)) => {
            let mut names = Vec::new();
            for (id, name) in map.iter() {
                match name {
                    Value::String(n) if !n.trim().is_empty() => {
                        names.push((id.clone(), n.trim().to_owned()));
                    }
                    _ => return Err(rule()),
                }
            }
            Ok(crate::core::keyed::Names::new(names))
        }
        Some(_) => Err(rule()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's `json!`, read into this crate's [`Value`].
    macro_rules! json {
        ($($t:tt)+) => {
            crate::api::json::parse(&serde_json::json!($($t)+).to_string()).unwrap()
        };
    }

    fn err(v: Value) -> String {
        Config::from_json(&v).unwrap_err()
    }

    #[test]
    fn unknown_options_are_named_with_the_option_they_resemble() {
        // In the order given (the browser's keys keep it).
        let keys = [
            "apiBase",
            "orgId",
            "pagesize",
            "page_size",
            "colour",
            "target",
            "token",
            "gettoken",
        ];
        assert_eq!(
            unknown_options(keys.into_iter()),
            vec![
                r#"cu-cost-table: unknown option "pagesize" ignored (did you mean "pageSize"?)"#,
                r#"cu-cost-table: unknown option "page_size" ignored (did you mean "pageSize"?)"#,
                r#"cu-cost-table: unknown option "colour" ignored"#,
                r#"cu-cost-table: unknown option "gettoken" ignored (did you mean "getToken"?)"#,
            ]
        );
        assert!(unknown_options(["apiBase", "orgId", "getToken"].into_iter()).is_empty());
    }

    /// The keys known here are exactly `MountOptions`' (the TypeScript
    /// contract in `mount.rs`), with the config block's `target`.
    #[test]
    fn option_keys_are_mount_options() {
        let src =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/mount.rs")).unwrap();
        let body = src.split("export interface MountOptions {").nth(1).unwrap();
        let body = &body[..body.find("\n}").unwrap()];
        let mut declared: Vec<&str> = body
            .lines()
            .filter_map(|l| l.strip_prefix("  "))
            .filter(|l| !l.starts_with("/**") && !l.starts_with(' '))
            .filter_map(|l| l.split(['?', ':']).next())
            .filter(|k| !k.is_empty())
            .collect();
        declared.push("target");
        declared.sort_unstable();
        let mut known = OPTION_KEYS.to_vec();
        known.sort_unstable();
        assert_eq!(known, declared);
    }

    #[test]
    fn minimal_options_get_defaults() {
        let c = Config::from_json(&json!({"apiBase": "http://127.0.0.1:8080", "orgId": "demo"}))
            .unwrap();
        assert_eq!(c.page_size, 20);
        assert_eq!(c.max_runs, 100_000);
        assert_eq!(c.timeout_ms, 15_000);
        assert_eq!(c.credentials, Credentials::Omit);
        assert!(!c.sync_url);
        assert!(c.charts);
        assert!(c.price.is_none());
    }

    #[test]
    fn bad_options_name_the_option_and_rule() {
        assert_eq!(err(json!({"orgId": "x"})), "apiBase is required");
        assert_eq!(err(json!({"apiBase": "/api"})), "orgId is required");
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "  "})),
            "orgId is required"
        );
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "pageSize": 0})),
            "pageSize must be between 1 and 100 (a whole number)"
        );
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "pageSize": 101})),
            "pageSize must be between 1 and 100 (a whole number)"
        );
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "pageSize": "many"})),
            "pageSize must be between 1 and 100 (a whole number)"
        );
        assert_eq!(
            err(json!({"apiBase": "ftp://x", "orgId": "x"})),
            "apiBase must be an absolute http(s) URL without user info or a same-origin path starting with a single /"
        );
        for bad in [
            "//evil.example/api",
            "/\\evil.example",
            "https://user@host.example",
            "https://user:pw@host.example/api",
            "https://",
            "api",
            "javascript:alert(1)",
            "https://host.example/a b",
        ] {
            assert_eq!(
                err(json!({"apiBase": bad, "orgId": "x"})),
                "apiBase must be an absolute http(s) URL without user info or a same-origin path starting with a single /",
                "{bad}"
            );
        }
        for good in [
            "/",
            "/api",
            "https://api.example.com",
            "http://127.0.0.1:8787/v",
        ] {
            assert!(
                Config::from_json(&json!({"apiBase": good, "orgId": "x"})).is_ok(),
                "{good}"
            );
        }
        for dots in [".", ".."] {
            assert_eq!(
                err(json!({"apiBase": "/api", "orgId": dots})),
                "orgId must not be \".\" or \"..\""
            );
        }
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "columns": "run"})),
            "columns must be an array of column keys"
        );
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "columns": ["run", "cost"]})),
            "columns: cost needs pricePerCu"
        );
        assert_eq!(
            Config::from_json(&json!({"apiBase": "/api", "orgId": "x", "columns": ["cu", "run"]}))
                .unwrap()
                .columns
                .map(|c| crate::core::columns::to_url(&c)),
            Some("cu,run".to_owned())
        );
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "refreshSeconds": 5})),
            "refreshSeconds must be between 15 and 86400 (a whole number)"
        );
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "pricePerCu": -1, "currency": "USD"})),
            "pricePerCu must be a positive number from 0.000000001 to 1000000000"
        );
        // A number beyond f64 in the config block is refused by its rule
        // (it was read as null: "not set").
        for (key, rule) in [
            (
                "pageSize",
                "pageSize must be between 1 and 100 (a whole number)",
            ),
            (
                "budgetCu",
                "budgetCu must be a positive number of CU per month, at most 1000000000000",
            ),
        ] {
            let v = crate::api::json::parse(&format!(
                r#"{{"apiBase": "/", "orgId": "o", "{key}": 1e999}}"#
            ))
            .unwrap();
            assert_eq!(Config::from_json(&v).unwrap_err(), rule);
        }
        for small_or_large in ["1e-10", "1000000000.5"] {
            assert_eq!(
                err(
                    json!({"apiBase": "/api", "orgId": "x", "pricePerCu": small_or_large, "currency": "USD"})
                ),
                "pricePerCu must be a positive number from 0.000000001 to 1000000000"
            );
        }
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "pricePerCu": 0.002})),
            "pricePerCu needs currency (e.g. \"USD\")"
        );
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "currency": "USD"})),
            "currency needs pricePerCu"
        );
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "credentials": "always"})),
            "credentials must be \"omit\", \"same-origin\" or \"include\""
        );
        assert_eq!(err(json!([1])), "options must be an object");
        assert_eq!(
            err(json!({"apiBase": "/api", "orgId": "x", "charts": "no"})),
            "charts must be true or false"
        );
        assert!(
            !Config::from_json(&json!({"apiBase": "/api", "orgId": "x", "charts": false}))
                .unwrap()
                .charts
        );
    }

    #[test]
    fn money_options() {
        let c = Config::from_json(&json!({"apiBase": "/api", "orgId": "x", "pricePerCu": 0.002, "currency": "eur", "pageSize": 50})).unwrap();
        let price = c.price.unwrap();
        assert_eq!(price.currency, "EUR");
        assert_eq!(price.per_cu, crate::core::cu::PricePerCu(2_000_000));
        assert_eq!(c.page_size, 50);
    }

    #[test]
    fn number_options_are_read_from_their_decimal_text() {
        let c = Config::from_json(&json!({
            "apiBase": "/api", "orgId": "x",
            "pricePerCu": "0.0000000015", "currency": "USD",
            "pageSize": 25.0, "maxRuns": "2.5e3", "budgetCu": "1e3", "timeoutMs": " 0900 ",
        }))
        .unwrap();
        assert_eq!(
            c.price.unwrap().per_cu,
            crate::core::cu::PricePerCu(2),
            "half up at the billionth"
        );
        assert_eq!(c.page_size, 25);
        assert_eq!(c.max_runs, 2_500);
        assert_eq!(c.budget_cu, Some(crate::core::cu::CuTotal(10_000_000)));
        assert_eq!(
            c.timeout_ms, 900,
            "a string is trimmed, leading zeros dropped"
        );
        for (key, bad) in [
            ("pageSize", serde_json::json!(2.5)),
            ("pageSize", serde_json::json!("1e400")),
            ("maxRuns", serde_json::json!("12abc")),
            ("budgetCu", serde_json::json!("0")),
            ("pricePerCu", serde_json::json!(".")),
        ] {
            let mut options =
                serde_json::json!({"apiBase": "/api", "orgId": "x", "currency": "USD"});
            options[key] = bad.clone();
            assert!(
                Config::from_json(&crate::api::json::parse(&options.to_string()).unwrap()).is_err(),
                "{key}: {bad}"
            );
        }
    }
}
