//! A fixture behind the `RunsSource` seam: runs from memory, paged like the
//! API (newest first, `limit`/`offset`, `hasMore`), no network. For
//! component tests where HTTP is not the point; tests of HTTP behaviour use
//! the real demo API.

use std::cell::Cell;
use std::rc::Rc;

use cu_cost_table::api::ledger::UsageSummary;
use cu_cost_table::api::{
    decode_runs_response, ApiError, Balance, BalanceFuture, PageFuture, PageRequest, Run,
    RunsSource, Usage, UsageFuture, YearMonth,
};
use cu_cost_table::load::config::Config;
use cu_cost_table::load::env::Env;
use cu_cost_table::mount::{formatter, mount_env};
use cu_cost_table::MountHandle;
use web_sys::{AbortController, HtmlElement};

/// Runs served from memory; counts the pages asked for.
pub struct FixtureSource {
    runs: Vec<Run>,
    /// Pages asked for so far.
    pub asked: Rc<Cell<u32>>,
    /// Answer after this many milliseconds (0: at once).
    pub delay_ms: i32,
    /// The ledger served; `None`: none (every ledger request answers 404,
    /// as a deployment without one).
    pub ledger: Option<FixtureLedger>,
}

/// A ledger from memory: the balance, and the months it has usage for (a
/// month not listed used nothing).
#[derive(Clone, Debug, Default)]
pub struct FixtureLedger {
    /// The balance and minimum.
    pub balance: Balance,
    /// Usage by month.
    pub months: Vec<Usage>,
}

/// What a source without a ledger answers.
fn no_ledger() -> ApiError {
    ApiError::Unavailable {
        status: 404,
        message: None,
        request_id: Some("req_fixture".into()),
    }
}

impl FixtureSource {
    /// A source over API items given as JSON (decoded like a real reply).
    pub fn from_items(items: serde_json::Value) -> FixtureSource {
        let body = serde_json::json!({
            "code": 0, "message": "successfully", "requestId": "req_fixture",
            "data": { "hasMore": false, "limit": 100, "offset": 0, "items": items }
        });
        let page = decode_runs_response(200, &body.to_string()).expect("fixture items decode");
        FixtureSource {
            runs: page.items,
            asked: Rc::default(),
            delay_ms: 0,
            ledger: None,
        }
    }
}

impl RunsSource for FixtureSource {
    fn fetch_page(&self, page: PageRequest, _abort: AbortController) -> PageFuture {
        self.asked.set(self.asked.get() + 1);
        let start = (page.offset as usize).min(self.runs.len());
        let end = (start + page.limit as usize).min(self.runs.len());
        let reply = cu_cost_table::api::RunsPage {
            has_more: end < self.runs.len(),
            limit: page.limit,
            offset: page.offset,
            items: self.runs[start..end].to_vec(),
            request_id: Some("req_fixture".into()),
        };
        let delay_ms = self.delay_ms;
        Box::pin(async move {
            if delay_ms > 0 {
                super::sleep(delay_ms).await;
            }
            Ok(reply)
        })
    }

    fn fetch_balance(&self, _abort: AbortController) -> BalanceFuture {
        let reply = self
            .ledger
            .as_ref()
            .map(|l| l.balance)
            .ok_or_else(no_ledger);
        let delay_ms = self.delay_ms;
        Box::pin(async move {
            if delay_ms > 0 {
                super::sleep(delay_ms).await;
            }
            reply
        })
    }

    fn fetch_usage(&self, month: YearMonth, _abort: AbortController) -> UsageFuture {
        let reply = self.ledger.as_ref().map(|l| {
            l.months
                .iter()
                .find(|u| u.year_month == month)
                .cloned()
                .unwrap_or(Usage {
                    year_month: month,
                    summary: UsageSummary::default(),
                    daily: Vec::new(),
                })
        });
        let reply = reply.ok_or_else(no_ledger);
        let delay_ms = self.delay_ms;
        Box::pin(async move {
            if delay_ms > 0 {
                super::sleep(delay_ms).await;
            }
            reply
        })
    }
}

/// Mounts a table over `source` into a fresh element (en-US, UTC), with
/// `options` merged over a minimal valid set.
pub fn mount_fixture(
    source: FixtureSource,
    options: serde_json::Value,
) -> (HtmlElement, MountHandle) {
    let root = super::container();
    let handle = mount_fixture_in(root.clone(), source, options);
    (root, handle)
}

/// [`mount_fixture`] into a given element.
pub fn mount_fixture_in(
    root: HtmlElement,
    source: FixtureSource,
    options: serde_json::Value,
) -> MountHandle {
    let mut opts = serde_json::json!({ "apiBase": "/", "orgId": "fixture", "locale": "en-US", "timeZone": "UTC" });
    for (k, v) in options.as_object().unwrap() {
        opts[k] = v.clone();
    }
    let config = Config::from_json(&cu_cost_table::api::json::parse(&opts.to_string()).unwrap())
        .expect("fixture options are valid");
    let fmt = formatter(&config).expect("the fixture's locale and zones are known");
    let env = Env::new(config, Rc::new(source), fmt);
    mount_env(root, env)
}
