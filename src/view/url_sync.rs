//! Optional URL sync (on for the standalone page, off when embedded): limit,
//! offset and filters live in the query string, and Back/Forward restore them.
//! The pure part maps state to query pairs and back; the browser part uses
//! `history.pushState` and `popstate`. With `syncUrl: false` none of this is
//! installed, so the host page's URL and history are never touched.

use crate::core::cu::Cu;
use crate::core::filter::Filters;
use crate::core::period::{Granularity, Preset};
use crate::core::subtotals::GroupBy;

/// Query keys owned by the component; other keys on the page are kept.
pub const KEYS: [&str; 14] = [
    "limit", "offset", "q", "status", "workflow", "trigger", "from", "to", "mincu", "cols",
    "period", "compare", "group", "gran",
];

/// The view choices kept in the URL besides paging and filters: the period
/// preset (a preset's From/To follow from it and today, so a shared "this
/// month" link means this month when opened), the comparison, the grouping
/// and the time chart's buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Choices {
    /// Period preset.
    pub period: Preset,
    /// Compare with the previous period.
    pub compare: bool,
    /// Subtotals grouping.
    pub group: GroupBy,
    /// Time chart buckets.
    pub granularity: Granularity,
}

/// The largest `offset` taken from the page URL.
pub const MAX_URL_OFFSET: u64 = 1_000_000_000;

/// Paging and filters as read from a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlState {
    /// Rows per page, when valid (1..=100).
    pub limit: Option<u32>,
    /// Offset, when valid.
    pub offset: Option<u64>,
    /// Filters (empty when absent).
    pub filters: Filters,
    /// Shown columns as sent (`cols`, checked against the price by
    /// [`crate::core::columns::from_url`]).
    pub cols: Option<String>,
    /// Period preset, when valid.
    pub period: Option<Preset>,
    /// `compare=0` turns the comparison off.
    pub compare: Option<bool>,
    /// Grouping, when valid.
    pub group: Option<GroupBy>,
    /// Time chart buckets, when valid.
    pub granularity: Option<Granularity>,
}

impl UrlState {
    /// Whether the URL names From or To days.
    pub fn has_days(&self) -> bool {
        self.filters.from.is_some() || self.filters.to.is_some()
    }
}

fn is_day(s: &str) -> bool {
    s.len() == 10 && crate::core::time::parse_rfc3339_ms(&format!("{s}T00:00:00Z")).is_some()
}

/// The longest value read from the URL (a search, a workflow id, a list of
/// columns); longer values are ignored, as are status lists of more than
/// [`MAX_URL_LIST`] entries. A shared link cannot make the page hold or
/// match against megabytes of text.
pub const MAX_URL_VALUE: usize = 512;
/// The most statuses a URL may list.
pub const MAX_URL_LIST: usize = 32;

/// Reads the component's keys from query pairs, ignoring invalid values
/// (and values longer than [`MAX_URL_VALUE`]).
pub fn from_pairs(pairs: &[(String, String)]) -> UrlState {
    let mut state = UrlState::default();
    for (k, v) in pairs {
        if v.len() > MAX_URL_VALUE {
            continue;
        }
        match k.as_str() {
            "limit" => state.limit = v.parse().ok().filter(|l| (1..=100).contains(l)),
            // Bounded: a huge offset from a hand-edited URL must not overflow
            // the pager's arithmetic (no organization has a billion runs).
            "offset" => state.offset = v.parse().ok().filter(|o| *o <= MAX_URL_OFFSET),
            "q" => state.filters.search = v.clone(),
            "status" => {
                state.filters.statuses = v
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .take(MAX_URL_LIST)
                    .map(str::to_owned)
                    .collect()
            }
            "workflow" => state.filters.workflow = Some(v.clone()),
            "trigger" => state.filters.trigger = Some(v.clone()),
            "from" if is_day(v) => state.filters.from = Some(v.clone()),
            "to" if is_day(v) => state.filters.to = Some(v.clone()),
            "mincu" => state.filters.min_cu = Cu::from_input(v),
            "cols" => state.cols = Some(v.clone()),
            "period" => state.period = Preset::parse(v),
            "compare" => state.compare = Some(v != "0"),
            "group" => state.group = GroupBy::parse(v),
            "gran" => state.granularity = Granularity::parse(v),
            _ => {}
        }
    }
    state
}

/// The query pairs for this state: unrelated pairs of `existing` first, then
/// the component's (only those that differ from the defaults).
pub fn to_pairs(
    existing: &[(String, String)],
    limit: u32,
    default_limit: u32,
    offset: u64,
    f: &Filters,
    cols: Option<&str>,
    (choices, defaults): (Choices, Choices),
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = existing
        .iter()
        .filter(|(k, _)| !KEYS.contains(&k.as_str()))
        .cloned()
        .collect();
    let mut push = |k: &str, v: String| out.push((k.to_owned(), v));
    if limit != default_limit {
        push("limit", limit.to_string());
    }
    if offset != 0 {
        push("offset", offset.to_string());
    }
    if !f.search.trim().is_empty() {
        push("q", f.search.clone());
    }
    if !f.statuses.is_empty() {
        push("status", f.statuses.join(","));
    }
    if let Some(w) = &f.workflow {
        push("workflow", w.clone());
    }
    if let Some(t) = &f.trigger {
        push("trigger", t.clone());
    }
    if let Some(d) = &f.from {
        push("from", d.clone());
    }
    if let Some(d) = &f.to {
        push("to", d.clone());
    }
    if let Some(cu) = f.min_cu {
        push(
            "mincu",
            cu.to_plain()
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_owned(),
        );
    }
    if let Some(c) = cols {
        push("cols", c.to_owned());
    }
    if choices.period != defaults.period {
        push("period", choices.period.key().to_owned());
    }
    if choices.compare != defaults.compare {
        push(
            "compare",
            if choices.compare { "1" } else { "0" }.to_owned(),
        );
    }
    if choices.group != defaults.group {
        push("group", choices.group.key().to_owned());
    }
    if choices.granularity != defaults.granularity {
        push("gran", choices.granularity.key().to_owned());
    }
    out
}

#[cfg(target_arch = "wasm32")]
pub use browser::{install, Defaults};

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::UrlSearchParams;

    use super::{from_pairs, to_pairs, Choices, UrlState};
    use crate::core::columns;
    use crate::core::period::Preset;
    use crate::core::sort::Column;
    use crate::view::table::Table;

    fn pairs(search: &str) -> Vec<(String, String)> {
        let Ok(params) = UrlSearchParams::new_with_str(search) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let entries = js_sys::try_iter(&params.entries()).ok().flatten();
        for entry in entries.into_iter().flatten().flatten() {
            let pair: js_sys::Array = entry.unchecked_into();
            out.push((
                pair.get(0).as_string().unwrap_or_default(),
                pair.get(1).as_string().unwrap_or_default(),
            ));
        }
        out
    }

    fn current_search() -> String {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    }

    /// Defaults the URL is compared with (left out when equal).
    #[derive(Clone)]
    pub struct Defaults {
        /// Rows per page.
        pub limit: u32,
        /// Shown columns.
        pub columns: Vec<Column>,
        /// Cost exists.
        pub has_price: bool,
        /// Period, comparison, grouping and buckets from the options.
        pub choices: Choices,
    }

    fn apply(t: Table, url: UrlState, d: &Defaults) {
        let state = t.state;
        let has_days = url.has_days();
        let limit = url.limit.unwrap_or(d.limit);
        let offset = url.offset.unwrap_or(0) / u64::from(limit) * u64::from(limit);
        state.limit.set(limit);
        state.offset.set(offset);
        state.filters.set(url.filters);
        state.view_offset.set(0);
        let cols = url
            .cols
            .and_then(|c| columns::from_url(&c, d.has_price))
            .unwrap_or_else(|| d.columns.clone());
        state.columns.set(cols);
        state.compare.set(url.compare.unwrap_or(d.choices.compare));
        state.group.set(url.group.unwrap_or(d.choices.group));
        state
            .granularity
            .set(url.granularity.unwrap_or(d.choices.granularity));
        // A preset's days follow from today; with From/To only, Custom.
        let period = url.period.unwrap_or(if has_days {
            Preset::Custom
        } else {
            d.choices.period
        });
        state.period.set(Preset::Custom);
        if period != Preset::Custom {
            t.set_period(period);
        }
    }

    thread_local! {
        /// Whether a table on this page keeps the query string: its keys
        /// are one set, so a second table would overwrite the first's.
        static SYNCING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Reads the URL into the table's state, then keeps the two in step both
    /// ways. One table per page does: a second one (while the first is
    /// mounted) keeps its state to itself, and the console says so.
    pub fn install(t: Table, defaults: Defaults) {
        let state = t.state;
        let Some(window) = web_sys::window() else {
            return;
        };
        if SYNCING.with(|s| s.replace(true)) {
            web_sys::console::warn_1(
                &"cu-cost-table: syncUrl: another table on this page already keeps the query \
                  string; this one does not (it starts from its options)"
                    .into(),
            );
            return;
        }
        crate::load::reactive::on_cleanup_local(|| SYNCING.with(|s| s.set(false)));
        apply(t, from_pairs(&pairs(&current_search())), &defaults);
        let d = defaults.clone();
        crate::load::effect::effect(move |_| {
            let (limit, offset) = (state.limit.get(), state.offset.get());
            let cols = state
                .columns
                .with(|c| (*c != d.columns).then(|| columns::to_url(c)));
            let choices = Choices {
                period: state.period.get(),
                compare: state.compare.get(),
                group: state.group.get(),
                granularity: state.granularity.get(),
            };
            let target = state.filters.with(|f| {
                to_pairs(
                    &pairs(&current_search()),
                    limit,
                    d.limit,
                    offset,
                    f,
                    cols.as_deref(),
                    (choices, d.choices),
                )
            });
            let current = pairs(&current_search());
            if target == current {
                return;
            }
            let Ok(params) = UrlSearchParams::new() else {
                return;
            };
            for (k, v) in &target {
                params.append(k, v);
            }
            let query = params.to_string().as_string().unwrap_or_default();
            let Some(w) = web_sys::window() else { return };
            let path = w.location().pathname().unwrap_or_default();
            let hash = w.location().hash().unwrap_or_default();
            let url = if query.is_empty() {
                format!("{path}{hash}")
            } else {
                format!("{path}?{query}{hash}")
            };
            if let Ok(history) = w.history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        });
        let on_pop = Closure::<dyn FnMut()>::new(move || {
            apply(t, from_pairs(&pairs(&current_search())), &defaults);
        });
        let _ =
            window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        crate::load::reactive::on_cleanup_local(move || {
            let _ = window
                .remove_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn overlong_url_values_are_ignored() {
        let long = "x".repeat(MAX_URL_VALUE + 1);
        let statuses = vec!["ok"; 40].join(",");
        let state = from_pairs(&p(&[
            ("q", &long),
            ("workflow", &long),
            ("cols", &long),
            ("status", &statuses),
        ]));
        assert_eq!(state.filters.search, "");
        assert_eq!(state.filters.workflow, None);
        assert_eq!(state.cols, None);
        assert_eq!(state.filters.statuses.len(), MAX_URL_LIST);
        let fits = "y".repeat(MAX_URL_VALUE);
        assert_eq!(from_pairs(&p(&[("q", &fits)])).filters.search, fits);
    }

    #[test]
    fn round_trips_paging_and_filters() {
        let filters = Filters {
            search: "bill".into(),
            statuses: vec!["failure".into(), "cancelled".into()],
            workflow: Some("a&b=c".into()),
            trigger: Some(String::new()),
            from: Some("2026-11-01".into()),
            to: Some("2026-11-28".into()),
            min_cu: Cu::from_f64(2.5),
            until_ms: None,
        };
        let pairs = to_pairs(
            &p(&[("tab", "costs"), ("offset", "99")]),
            50,
            20,
            100,
            &filters,
            Some("run,cu"),
            (
                Choices {
                    period: Preset::LastMonth,
                    compare: false,
                    group: GroupBy::Trigger,
                    granularity: Granularity::Week,
                },
                Choices {
                    compare: true,
                    ..Choices::default()
                },
            ),
        );
        assert_eq!(
            pairs[0],
            ("tab".to_owned(), "costs".to_owned()),
            "unrelated keys are kept"
        );
        assert!(pairs.contains(&("mincu".to_owned(), "2.5".to_owned())));
        let back = from_pairs(&pairs);
        assert_eq!(
            back,
            UrlState {
                limit: Some(50),
                offset: Some(100),
                filters,
                cols: Some("run,cu".into()),
                period: Some(Preset::LastMonth),
                compare: Some(false),
                group: Some(GroupBy::Trigger),
                granularity: Some(Granularity::Week),
            }
        );
        assert!(pairs.contains(&("period".to_owned(), "last-month".to_owned())));
        assert!(pairs.contains(&("gran".to_owned(), "week".to_owned())));
    }

    #[test]
    fn defaults_are_left_out_and_bad_values_ignored() {
        let d = Choices::default();
        assert!(to_pairs(&[], 20, 20, 0, &Filters::default(), None, (d, d)).is_empty());
        let s = from_pairs(&p(&[
            ("limit", "500"),
            ("offset", "-3"),
            ("from", "yesterday"),
            ("mincu", "-1"),
            ("period", "next-year"),
            ("group", "colour"),
        ]));
        assert_eq!(s, UrlState::default());
        for huge in [
            "18446744073709551615",
            "99999999999999999999999",
            "1000000001",
        ] {
            assert_eq!(from_pairs(&p(&[("offset", huge)])).offset, None, "{huge}");
        }
        assert_eq!(
            from_pairs(&p(&[("offset", "1000000000")])).offset,
            Some(1_000_000_000)
        );
    }
}
