//! Reactive state of one table instance: pagination, filters, sort and scope
//! live in signals ([`TableState`]); the values derived from them are memos
//! built in `crate::view::table`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::api::{ApiError, PageRequest, Run, RunsPage};
use crate::core::filter::{Filters, RunSet};
use crate::core::sort::SortKey;
use crate::load::reactive::Sig;

/// An `Arc` compared by identity, so a `Memo` over large data is cheap to
/// compare and only notifies when the data really was replaced.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Runs as loaded, with a serial number that changes with every load (used
/// in row keys so a new page never reuses an old page's rows).
#[derive(Debug, Default)]
pub struct Loaded {
    /// Unique per load.
    pub serial: u64,
    /// The runs and their precomputed filter data.
    pub set: RunSet,
}

impl Loaded {
    /// Wraps a run set with a fresh serial number.
    pub fn new(set: RunSet) -> Loaded {
        static SERIAL: AtomicU64 = AtomicU64::new(1);
        Loaded {
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
            set,
        }
    }
}

/// What is known of the ledger (`crate::load::ledger` fetches it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LedgerData {
    /// Not asked for (`ledger: false`), or the deployment has none (404 or
    /// 403 with `ledger: "auto"`): nothing of the ledger is shown.
    pub hidden: bool,
    /// The balance, once read.
    pub balance: Option<crate::core::ledger::Balance>,
    /// When the balance was read (epoch ms).
    pub as_of: Option<f64>,
    /// The months read so far.
    pub months: Vec<crate::core::ledger::Usage>,
    /// Months asked for and not (yet) answered.
    pub pending: Vec<crate::core::ledger::YearMonth>,
    /// Months the view wants, fetched once the balance says the ledger
    /// is there (so a deployment without one is asked once).
    pub wanted: Vec<crate::core::ledger::YearMonth>,
    /// The last error other than "no ledger here" (or that one, with
    /// `ledger: true`).
    pub error: Option<crate::api::ApiError>,
}

impl LedgerData {
    /// The usage of `month`, once read.
    pub fn month(
        &self,
        month: crate::core::ledger::YearMonth,
    ) -> Option<&crate::core::ledger::Usage> {
        self.months.iter().find(|u| u.year_month == month)
    }
}

/// The last server page that arrived.
#[derive(Debug)]
pub struct PageData {
    /// Its runs.
    pub loaded: Shared<Loaded>,
    /// `hasMore` from the response.
    pub has_more: bool,
    /// The offset that was requested.
    pub offset: u64,
    /// The offset its runs are at: the one the server says it applied, or,
    /// when it sent the same runs as the page before for another offset
    /// (it ignores `offset` while echoing it), that page's.
    pub applied: u64,
    /// How many runs its pages hold: the limit asked, or less when the
    /// server applies a smaller one (says so in `limit`, or sends fewer
    /// runs with `hasMore`), so the next page starts where this one ends.
    pub width: u64,
}

/// What the totals cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The current server page.
    Page,
    /// Every run fetched by "Load all runs".
    All,
}

/// Progress and outcome of "Load all runs".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadAll {
    /// A walk is in progress.
    pub running: bool,
    /// Runs received so far.
    pub loaded: u64,
    /// How the last walk ended (its sentence is made where it is shown, by
    /// [`crate::load::walk::outcome_text`] with `loaded` runs kept).
    pub outcome: Option<crate::load::walk::Outcome>,
    /// The error that stopped the last walk.
    pub error: Option<ApiError>,
    /// The walk stopped on an error and can continue where it stopped.
    pub resumable: bool,
    /// The walk reached the end of the list: every run is loaded.
    pub complete: bool,
}

/// All signals of one instance. `Copy`, so closures capture it freely.
#[derive(Clone, Copy)]
pub struct TableState {
    /// Rows per server page.
    pub limit: Sig<u32>,
    /// Server offset of the current page.
    pub offset: Sig<u64>,
    /// Bumped by "Retry" to refetch the same page.
    pub reload: Sig<u64>,
    /// A request for the current page is in flight.
    pub loading: Sig<bool>,
    /// The error of the last page request, if it failed.
    pub error: Sig<Option<ApiError>>,
    /// The last page that arrived (kept on screen while loading or on error).
    pub page: Sig<Option<Shared<PageData>>>,
    /// Runs loaded by "Load all runs".
    pub all: Sig<Option<Shared<Loaded>>>,
    /// Which runs the table and totals cover.
    pub scope: Sig<Scope>,
    /// First row shown in the "All loaded runs" scope (client-side paging).
    pub view_offset: Sig<usize>,
    /// Filter values.
    pub filters: Sig<Filters>,
    /// Sort keys, primary first.
    pub sort: Sig<Vec<SortKey>>,
    /// "Load all runs" progress.
    pub load_all: Sig<LoadAll>,
    /// The page request is being retried: (attempt, of).
    pub retrying: Sig<Option<(u32, u32)>>,
    /// The component is narrow enough for rows to carry details lines
    /// (mirrors the CSS container query; see `components::runs_table`).
    pub narrow: Sig<bool>,
    /// Columns of the runs table, in order.
    pub columns: Sig<Vec<crate::core::sort::Column>>,
    /// A "Refresh" is in flight.
    pub refreshing: Sig<bool>,
    /// When the current page's data was fetched (epoch ms).
    pub page_as_of: Sig<Option<f64>>,
    /// When the loaded runs were last fetched (end of the walk or refresh).
    pub all_as_of: Sig<Option<f64>>,
    /// What the last refresh changed (or why it failed).
    pub refresh_note: Sig<Option<RefreshNote>>,
    /// The period preset (Custom: From/To as typed).
    pub period: Sig<crate::core::period::Preset>,
    /// The chosen period (preset and first day) a walk was started for,
    /// or found running, once its choice settled (see
    /// `components::period::load_chosen_period`): until then a period whose
    /// runs are not all held is still loading.
    pub period_walked: Sig<Option<(crate::core::period::Preset, crate::core::period::Day)>>,
    /// Compare with the previous period (presets only).
    pub compare: Sig<bool>,
    /// What the subtotals, their chart and CSV group by.
    pub group: Sig<crate::core::subtotals::GroupBy>,
    /// Buckets of the time chart.
    pub granularity: Sig<crate::core::period::Granularity>,
    /// The balance and months' usage (`crate::load::ledger`).
    pub ledger: Sig<Shared<LedgerData>>,
    /// Group by "Node type": the subtotals come from the usage ledger's
    /// breakdown of the month instead of the runs.
    pub node_types: Sig<bool>,
}

/// What a refresh says: shown always; announced (a live region) when the
/// user asked for it, when it failed or was cancelled, or when it found
/// something: a timer's refresh that found nothing new is shown, not
/// announced, so a screen reader is not told "No new runs" on every tick.
#[derive(Clone, Debug, PartialEq)]
pub struct RefreshNote {
    /// The sentence, e.g. "3 new runs since 14:02 (UTC)."
    pub text: String,
    /// Whether the live region says it.
    pub announce: bool,
    /// How many notes were said before it (the live region tells the same
    /// sentence said again apart by it, so a second Refresh in the same
    /// minute is heard too).
    pub said: u32,
}

impl TableState {
    /// The runs on screen now, whose finished copies a newer reply may not
    /// turn back ([`keep_finished`]): the page's and a load's (none once
    /// the table is unmounted).
    pub fn held_sets(&self) -> Vec<Shared<Loaded>> {
        let page = self
            .page
            .try_get_untracked()
            .flatten()
            .map(|p| p.loaded.clone());
        let all = self.all.try_get_untracked().flatten();
        page.into_iter().chain(all).collect()
    }

    /// Fresh state for a page size.
    pub fn new(limit: u32) -> TableState {
        TableState {
            limit: Sig::new(limit),
            offset: Sig::new(0),
            reload: Sig::new(0),
            loading: Sig::new(true),
            error: Sig::new(None),
            page: Sig::new(None),
            all: Sig::new(None),
            scope: Sig::new(Scope::Page),
            view_offset: Sig::new(0),
            filters: Sig::new(Filters::default()),
            sort: Sig::new(Vec::new()),
            load_all: Sig::new(LoadAll::default()),
            retrying: Sig::new(None),
            narrow: Sig::new(false),
            columns: Sig::new(crate::core::columns::available(false)),
            refreshing: Sig::new(false),
            page_as_of: Sig::new(None),
            all_as_of: Sig::new(None),
            refresh_note: Sig::new(None),
            period: Sig::new(crate::core::period::Preset::Custom),
            period_walked: Sig::new(None),
            compare: Sig::new(true),
            group: Sig::new(crate::core::subtotals::GroupBy::Workflow),
            granularity: Sig::new(crate::core::period::Granularity::Day),
            ledger: Sig::new(Shared::default()),
            node_types: Sig::new(false),
        }
    }

    /// Shows `text` as the refresh's note, said aloud when `announce`.
    pub fn refresh_says(&self, text: String, announce: bool) {
        let before = self
            .refresh_note
            .with_untracked(|n| n.as_ref().map_or(0, |n| n.said + u32::from(n.announce)));
        self.refresh_note.try_set(Some(RefreshNote {
            text,
            announce,
            said: before,
        }));
    }

    /// Changes the page size, keeping the first visible run on screen where
    /// possible (the offset is rounded down to a multiple of the new size).
    pub fn set_page_size(&self, size: u32) {
        let size = size.clamp(1, crate::api::MAX_LIMIT);
        let offset = self.offset.get_untracked();
        self.offset.set(offset / u64::from(size) * u64::from(size));
        self.view_offset
            .update(|v| *v = *v / size as usize * size as usize);
        self.limit.set(size);
    }
}

/// Builds a page's data from a response. A run the server sent twice in one
/// page is kept once (the later copy, at the first one's place): no total
/// counts a run twice.
pub fn page_data(
    page: RunsPage,
    request: PageRequest,
    before: Option<&PageData>,
    day_of: impl Fn(i64) -> String,
) -> PageData {
    let len = page.items.len() as u64;
    let mut width = u64::from(request.limit);
    if page.limit > 0 {
        width = width.min(u64::from(page.limit));
    }
    if page.has_more && len > 0 && len < width {
        width = len;
    }
    let set = RunSet::new(dedupe(page.items), day_of);
    let applied = match before {
        // The same page again (a refresh) from a server known to ignore
        // `offset`.
        Some(b) if b.offset == request.offset && b.applied != b.offset => b.applied,
        Some(b) if b.offset != request.offset && same_runs(&b.loaded.set, &set) => b.applied,
        _ => page.offset,
    };
    PageData {
        has_more: page.has_more,
        offset: request.offset,
        applied,
        width: width.max(1),
        loaded: Shared::new(Loaded::new(set)),
    }
}

/// Whether two pages hold the same runs, in the same order (none: no).
fn same_runs(a: &RunSet, b: &RunSet) -> bool {
    !a.is_empty() && a.len() == b.len() && (0..a.len()).all(|i| *a.run_id(i) == *b.run_id(i))
}

/// The finished copies `held` has of runs that a newer reply sends in
/// progress: `(position in the reply, held copy)`. A run that finished never
/// goes back to in progress (a stale late reply, `docs/API.md`), whichever
/// request brought the held copy. `going` lists the reply's runs in
/// progress as `(position, id, start)`; a held run that started before the
/// earliest of them cannot be one of them, so a large `held` costs one pass
/// over its starts and statuses.
pub fn finished_copies(
    going: Vec<(usize, String, Option<i64>)>,
    held: &RunSet,
) -> Vec<(usize, Run)> {
    if going.is_empty() || held.is_empty() {
        return Vec::new();
    }
    let earliest = going
        .iter()
        .map(|(_, _, start)| start.unwrap_or(i64::MIN))
        .min()
        .unwrap_or(i64::MIN);
    // Each id to its first entry in `going`; a reply may send a run twice
    // (the page keeps it once, later): `also` chains its other entries.
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut also = vec![usize::MAX; going.len()];
    for (k, (_, id, _)) in going.iter().enumerate() {
        match at.get(id) {
            Some(&first) => {
                also[k] = also[first];
                also[first] = k;
            }
            None => {
                at.insert(id.clone(), k);
            }
        }
    }
    let mut out = Vec::new();
    for i in 0..held.len() {
        if held.status(i).in_progress() || held.started_ms(i).is_some_and(|s| s < earliest) {
            continue;
        }
        let mut k = at.get(&*held.run_id(i)).copied().unwrap_or(usize::MAX);
        while k != usize::MAX {
            out.push((going[k].0, held.run(i)));
            k = also[k];
        }
    }
    out
}

/// [`finished_copies`] applied to a reply's runs.
pub fn keep_finished(items: &mut [Run], held: &RunSet) {
    let going = items
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status.in_progress())
        .map(|(i, r)| (i, r.run_id.clone(), r.started_ms))
        .collect();
    for (pos, run) in finished_copies(going, held) {
        items[pos] = run;
    }
}

/// [`finished_copies`] applied to a run set (a walk's runs).
pub fn keep_finished_in(set: &mut RunSet, held: &RunSet) {
    let going = (0..set.len())
        .filter(|&j| set.status(j).in_progress())
        .map(|j| (j, set.run_id(j).to_string(), set.started_ms(j)))
        .collect();
    for (pos, run) in finished_copies(going, held) {
        set.replace(pos, run);
    }
}

/// `runs` with each `run_id` once: the later copy wins, at the earlier
/// copy's position.
pub fn dedupe(runs: Vec<Run>) -> Vec<Run> {
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        match at.get(&run.run_id) {
            Some(&i) => out[i] = run,
            None => {
                at.insert(run.run_id.clone(), out.len());
                out.push(run);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::cu_run;

    fn run(id: &str, cu: u64) -> Run {
        cu_run(id, cu, false)
    }

    #[test]
    fn a_run_sent_twice_in_a_page_is_kept_once_with_the_later_copy() {
        let runs = dedupe(vec![run("a", 1), run("b", 2), run("a", 5), run("c", 3)]);
        let got: Vec<(&str, u64)> = runs
            .iter()
            .map(|r| (r.run_id.as_str(), r.cu.unwrap().0))
            .collect();
        assert_eq!(got, [("a", 5), ("b", 2), ("c", 3)]);
    }

    fn reply(ids: std::ops::Range<u32>, offset: u64, limit: u32, has_more: bool) -> RunsPage {
        RunsPage {
            has_more,
            limit,
            offset,
            items: ids.map(|i| run(&format!("r{i}"), 1)).collect(),
            request_id: None,
        }
    }

    fn ask(limit: u32, offset: u64) -> PageRequest {
        PageRequest { limit, offset }
    }

    #[test]
    fn a_page_is_as_wide_as_the_server_applied() {
        let day = |_| String::new();
        // Asked 100, the server applied 50 and said so; or sent 50 without
        // saying; the last page is short but ends the list.
        assert_eq!(
            page_data(reply(0..50, 0, 50, true), ask(100, 0), None, day).width,
            50
        );
        assert_eq!(
            page_data(reply(0..50, 0, 100, true), ask(100, 0), None, day).width,
            50
        );
        assert_eq!(
            page_data(reply(0..7, 100, 100, false), ask(100, 100), None, day).width,
            100
        );
        assert_eq!(
            page_data(reply(0..0, 0, 0, true), ask(20, 0), None, day).width,
            20
        );
    }

    #[test]
    fn a_page_sits_where_the_server_put_its_runs() {
        let day = |_| String::new();
        let first = page_data(reply(0..20, 0, 20, true), ask(20, 0), None, day);
        // Says it applied offset 0 when asked for 20 (`same-page`).
        let said = page_data(reply(0..20, 0, 20, true), ask(20, 20), Some(&first), day);
        assert_eq!((said.offset, said.applied), (20, 0));
        // Echoes 20 but sends the first page's runs again (`echo-offset`).
        let echoed = page_data(reply(0..20, 20, 20, true), ask(20, 20), Some(&first), day);
        assert_eq!((echoed.offset, echoed.applied), (20, 0));
        // Its refresh stays where the runs are.
        let again = page_data(reply(0..20, 20, 20, true), ask(20, 20), Some(&echoed), day);
        assert_eq!(again.applied, 0);
        // An honest next page.
        let next = page_data(reply(20..40, 20, 20, true), ask(20, 20), Some(&first), day);
        assert_eq!((next.offset, next.applied), (20, 20));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Against a slow, obvious oracle: a reply's run in progress takes
        /// the held copy exactly when the held set has that run finished;
        /// everything else stays as sent (also with starts, where the
        /// fast path skips held runs older than the reply's in progress).
        #[test]
        fn a_run_held_finished_never_goes_back(
            reply in proptest::collection::vec((0u8..12, proptest::prelude::any::<bool>(), 0i64..6), 0..14),
            held in proptest::collection::vec((0u8..12, proptest::prelude::any::<bool>(), 0i64..6), 0..14),
            starts in proptest::prelude::any::<bool>(),
        ) {
            // A run keeps its start in every copy (it is the run's).
            let start = |id: u8, k: i64| starts.then_some(1_000 * i64::from(id) + k - k);
            let make = |(id, running, cu): (u8, bool, i64), reply: bool| {
                let mut r = cu_run(&format!("r{id}"), cu as u64 + if reply { 100 } else { 0 }, running);
                r.started_ms = start(id, cu);
                r
            };
            let mut seen = std::collections::HashSet::new();
            let held: Vec<Run> = held.into_iter().filter(|h| seen.insert(h.0)).map(|h| make(h, false)).collect();
            let held_set = RunSet::new(held.clone(), |_| String::new());
            let sent: Vec<Run> = reply.into_iter().map(|r| make(r, true)).collect();
            let mut got = sent.clone();
            keep_finished(&mut got, &held_set);
            let want: Vec<Run> = sent
                .iter()
                .map(|r| {
                    let finished = held.iter().find(|h| h.run_id == r.run_id && !h.status.in_progress());
                    match finished {
                        Some(h) if r.status.in_progress() => h.clone(),
                        _ => r.clone(),
                    }
                })
                .collect();
            proptest::prop_assert_eq!(&got, &want);
            let mut set = RunSet::new(sent, |_| String::new());
            keep_finished_in(&mut set, &held_set);
            proptest::prop_assert_eq!(set.to_runs(), want);
        }
    }
}
