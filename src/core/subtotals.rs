//! Per-group CU subtotals (by workflow, trigger or status) and the grand
//! total, in exact integer sums.

use crate::core::format::Formatter;
use crate::core::messages::M;
#[cfg(test)]
use std::collections::HashMap;

use crate::core::cu::{Cu, CuTotal, Money, PricePerCu};
use crate::core::filter::{filter_each, FacetCounts, Filters};
use crate::core::keyed::Names;
use crate::core::run::{Run, RunStatus};
use crate::core::store::{RunSet, NO_CU};

/// Figures for one group (a workflow, trigger or status), or for all of
/// them (the grand total).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Subtotal {
    /// Workflow id (empty for the grand total).
    pub key: String,
    /// Runs covered.
    pub runs: usize,
    /// Runs with a valid CU value (the others are in no total).
    pub valid_runs: usize,
    /// Sum of CU.
    pub cu: CuTotal,
    /// Largest single run.
    pub largest: Option<Cu>,
    /// CU spent on failed and cancelled runs.
    pub failed_cu: CuTotal,
    /// Runs still in progress (their CU is partial).
    pub in_progress: usize,
    /// Sum of the runs' costs, when priced.
    pub cost: Money,
    /// Its share of the grand total's CU in tenths of a percent, rounded
    /// so the rows' shares add up to exactly 100.0 % ([`share_tenths`]);
    /// `None` for the grand total, or when it is zero.
    pub share: Option<u16>,
}

/// Shares of `parts` in tenths of a percent that add up to exactly 1,000
/// (100.0 %) by the largest-remainder method: each part gets its share
/// rounded down, and the tenths left over go to the parts with the largest
/// remainders (the earlier part on a tie). `None` each when they sum to 0.
/// One stable sort of the parts by remainder (thousands of workflows leave
/// hundreds of tenths over: not a search of every part for each).
pub fn share_tenths(parts: &[CuTotal]) -> Vec<Option<u16>> {
    let total: u128 = parts.iter().map(|p| p.0).sum();
    if total == 0 {
        return vec![None; parts.len()];
    }
    let mut tenths: Vec<u128> = parts.iter().map(|p| p.0 * 1_000 / total).collect();
    let remainders: Vec<u128> = parts.iter().map(|p| p.0 * 1_000 % total).collect();
    // Fewer than `parts.len()` tenths are left (each part's remainder is
    // under one tenth).
    let left = (1_000 - tenths.iter().sum::<u128>()) as usize;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    crate::core::sort::sort_positions(&mut order, &|a, b| remainders[b].cmp(&remainders[a]));
    for &i in order.iter().take(left) {
        tenths[i] += 1;
    }
    tenths.into_iter().map(|t| Some(t as u16)).collect()
}

/// `part`'s own share of `total` in tenths of a percent, rounded half up;
/// `None` when `total` is zero. For a part that is not one of the rows
/// [`share_tenths`] shares out (the chart's "Other": many rows together,
/// whose largest-remainder shares may each have been rounded down).
pub fn share_of(part: CuTotal, total: CuTotal) -> Option<u16> {
    (total.0 > 0).then(|| ((part.0 * 2_000 + total.0) / (2 * total.0)) as u16)
}

/// [`share_tenths`] the obvious way: each tenth left over to the part with
/// the largest remainder still unserved, found by a search of every part.
#[cfg(all(test, not(target_arch = "wasm32")))]
fn share_tenths_by_search(parts: &[CuTotal]) -> Vec<Option<u16>> {
    let total: u128 = parts.iter().map(|p| p.0).sum();
    if total == 0 {
        return vec![None; parts.len()];
    }
    let mut tenths: Vec<u128> = parts.iter().map(|p| p.0 * 1_000 / total).collect();
    let mut remainders: Vec<u128> = parts.iter().map(|p| p.0 * 1_000 % total).collect();
    let left = 1_000 - tenths.iter().sum::<u128>();
    for _ in 0..left {
        let (i, _) =
            remainders.iter().enumerate().fold(
                (0, 0u128),
                |best, (i, &r)| if r > best.1 { (i, r) } else { best },
            );
        tenths[i] += 1;
        remainders[i] = 0;
    }
    tenths.into_iter().map(|t| Some(t as u16)).collect()
}

/// Sets each row's share (see [`share_tenths`]).
fn assign_shares(rows: &mut [Subtotal]) {
    let cu: Vec<CuTotal> = rows.iter().map(|r| r.cu).collect();
    for (r, share) in rows.iter_mut().zip(share_tenths(&cu)) {
        r.share = share;
    }
}

impl Subtotal {
    /// Adds one run (the oracle's way, run by run).
    #[cfg(test)]
    fn add(&mut self, status: &RunStatus, cu: Option<Cu>, price: Option<PricePerCu>) {
        self.runs += 1;
        if status.in_progress() {
            self.in_progress += 1;
        }
        let Some(cu) = cu else { return };
        self.valid_runs += 1;
        self.cu.add(cu);
        self.largest = self.largest.max(Some(cu));
        if matches!(status, RunStatus::Failure | RunStatus::Cancelled) {
            self.failed_cu.add(cu);
        }
        if let Some(price) = price {
            self.cost.add(price.cost(cu));
        }
    }

    /// Mean CU per run with a valid value, rounded half up to 1/10,000.
    pub fn average(&self) -> Option<CuTotal> {
        let n = self.valid_runs as u128;
        (n > 0).then(|| CuTotal((self.cu.0 + n / 2) / n))
    }

    /// Runs without a valid CU value.
    pub fn invalid_runs(&self) -> usize {
        self.runs - self.valid_runs
    }
}

/// The subtotals table: one row per workflow and the grand total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subtotals {
    /// Per workflow, largest CU first (ties by workflow id).
    pub rows: Vec<Subtotal>,
    /// Over all covered runs.
    pub total: Subtotal,
}

/// What the subtotals table groups runs by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum GroupBy {
    /// Workflow id (the default).
    #[default]
    Workflow,
    /// Trigger source (`""` = none).
    Trigger,
    /// Status (the API value).
    Status,
}

impl GroupBy {
    /// Every choice, in the select's order.
    pub const ALL: [GroupBy; 3] = [GroupBy::Workflow, GroupBy::Trigger, GroupBy::Status];

    /// The option / URL key.
    pub fn key(self) -> &'static str {
        match self {
            GroupBy::Workflow => "workflow",
            GroupBy::Trigger => "trigger",
            GroupBy::Status => "status",
        }
    }

    /// "Workflow", "Trigger", "Status".
    pub fn label(self, f: &Formatter) -> String {
        f.t(match self {
            GroupBy::Workflow => M::groupWorkflow,
            GroupBy::Trigger => M::groupTrigger,
            GroupBy::Status => M::groupStatus,
        })
    }

    /// "workflow", "trigger", "status", as in "CU by workflow".
    pub fn noun(self, f: &Formatter) -> String {
        f.t(match self {
            GroupBy::Workflow => M::nounWorkflow,
            GroupBy::Trigger => M::nounTrigger,
            GroupBy::Status => M::nounStatus,
        })
    }

    /// The grouping of a key.
    pub fn parse(key: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.key() == key)
    }

    /// A run's group key (the slow, obvious way: from the run itself).
    pub fn of(self, run: &Run) -> &str {
        match self {
            GroupBy::Workflow => &run.workflow_id,
            GroupBy::Trigger => run.trigger_source.as_deref().unwrap_or(""),
            GroupBy::Status => run.status.as_str(),
        }
    }

    /// Each run's group as an id, and the ids' keys, precomputed by the set.
    pub fn ids(self, set: &RunSet) -> (&[u32], &[String]) {
        match self {
            GroupBy::Workflow => (&set.workflow_of, &set.workflows),
            GroupBy::Trigger => (&set.trigger_of, &set.triggers),
            GroupBy::Status => (&set.status_of, &set.statuses),
        }
    }
}

/// "1 workflow", "2,000 workflows", "3 triggers", "4 statuses".
pub fn group_count(group: GroupBy, n: usize, f: &Formatter) -> String {
    let m = match group {
        GroupBy::Workflow => M::nWorkflows,
        GroupBy::Trigger => M::nTriggers,
        GroupBy::Status => M::nStatuses,
    };
    f.tn(m, n as u64, &[])
}

/// "3 more workflows" (after a list of the largest).
pub fn more_groups(group: GroupBy, n: usize, f: &Formatter) -> String {
    let m = match group {
        GroupBy::Workflow => M::moreWorkflows,
        GroupBy::Trigger => M::moreTriggers,
        GroupBy::Status => M::moreStatuses,
    };
    f.tn(m, n as u64, &[])
}

/// Subtotals over `runs[i]` for every `i` in `indices`: the slow, obvious
/// version (a hash map by group key), kept as the test oracle that
/// [`compute_set`] is proven against; the product uses `compute_set`.
#[cfg(test)]
pub fn compute(
    runs: &[Run],
    indices: &[usize],
    price: Option<PricePerCu>,
    group: GroupBy,
) -> Subtotals {
    let mut by_key: HashMap<&str, Subtotal> = HashMap::new();
    let mut total = Subtotal::default();
    for &i in indices {
        let run = &runs[i];
        by_key
            .entry(group.of(run))
            .or_insert_with(|| Subtotal {
                key: group.of(run).to_owned(),
                ..Subtotal::default()
            })
            .add(&run.status, run.cu, price);
        total.add(&run.status, run.cu, price);
    }
    let rows = crate::core::sort::sorted_by(by_key.into_values().collect(), &by_cu_then_key);
    let mut rows = rows;
    assign_shares(&mut rows);
    Subtotals { rows, total }
}

/// Largest CU first, then by key.
fn by_cu_then_key(a: &Subtotal, b: &Subtotal) -> std::cmp::Ordering {
    b.cu.cmp(&a.cu).then_with(|| a.key.cmp(&b.key))
}

/// [`compute`] over a run set: one pass over the columns, adding plain
/// integers per group id (no hashing, no `Subtotal` per run); the grand
/// total is the sum of the groups, and each group's cost is its CU times
/// the price (exact, so the same as the sum of its runs' costs).
pub fn compute_set(
    set: &RunSet,
    indices: &[usize],
    price: Option<PricePerCu>,
    group: GroupBy,
) -> Subtotals {
    let mut sums = Summer::new(set, group);
    for &i in indices {
        sums.add(i);
    }
    sums.finish(price)
}

/// What one pass over a set gives ([`filter_and_sum`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Swept {
    /// The runs that pass the filters, in their order.
    pub kept: Vec<usize>,
    /// The facet counts, each under the other filters.
    pub counts: FacetCounts,
    /// The subtotals of the runs kept.
    pub subtotals: Subtotals,
    /// The status counts (see `filter::filter_each`).
    pub by_status: Vec<usize>,
    /// The CU of the runs kept per start day, by the set's day id
    /// (`RunSet::day_names`; [`crate::core::period::days_of`] orders them).
    pub day_cu: Vec<CuTotal>,
}

/// The runs that pass `filters` (in their order), the facet counts, the
/// subtotals and the CU per day of those runs, in one pass over the set:
/// each run kept is added to its group's and its day's sums where the
/// filter keeps it, so no second pass reads the kept runs back. What the
/// table uses on every filter change; `filter::filter_with_facets`,
/// [`compute_set`] and `period::cu_by_day` are the oracles it is proven
/// against.
///
/// `statuses`: the status counts of an earlier pass with the same filters
/// but for the statuses (see `filter::filter_each`); the status counts of
/// this pass are in [`Swept::by_status`].
pub fn filter_and_sum(
    set: &RunSet,
    filters: &Filters,
    names: &Names,
    price: Option<PricePerCu>,
    group: GroupBy,
    statuses: Option<&[usize]>,
) -> Swept {
    let mut sums = Summer::new(set, group);
    let (kept, counts, by_status) = filter_each(set, filters, names, statuses, |i| sums.add(i));
    let day_cu = sums.days.iter().map(|d| CuTotal(whole(*d))).collect();
    Swept {
        kept,
        counts,
        subtotals: sums.finish(price),
        by_status,
        day_cu,
    }
}

/// One group's sums, as plain integers: CU in 64-bit words with a count of
/// carries (exact, and cheaper than 128-bit adds per run in wasm).
#[derive(Clone, Copy, Default)]
struct Sums {
    runs: usize,
    valid: usize,
    in_progress: usize,
    cu: (u64, u64),
    largest: u64,
    failed: (u64, u64),
}

fn add_cu(sum: &mut (u64, u64), cu: u64) {
    sum.0 = sum.0.wrapping_add(cu);
    sum.1 += u64::from(sum.0 < cu);
}

fn whole(sum: (u64, u64)) -> u128 {
    u128::from(sum.1) << 64 | u128::from(sum.0)
}

/// Subtotals being summed run by run over a set's columns.
struct Summer<'a> {
    ids: &'a [u32],
    keys: &'a [String],
    status_of: &'a [u32],
    cu_of: &'a [u64],
    day_of: &'a [u32],
    /// CU per day id.
    days: Vec<(u64, u64)>,
    /// Per status id: in progress; failed or cancelled.
    open: Vec<bool>,
    failed: Vec<bool>,
    sums: Vec<Sums>,
}

impl<'a> Summer<'a> {
    fn new(set: &'a RunSet, group: GroupBy) -> Summer<'a> {
        let (ids, keys) = group.ids(set);
        let n = set.len();
        let kinds = set.status_kinds();
        Summer {
            ids: &ids[..n],
            keys,
            status_of: &set.status_of[..n],
            cu_of: &set.cu_column()[..n],
            day_of: &set.day_of[..n],
            days: vec![(0, 0); set.day_names.len()],
            open: kinds.iter().map(RunStatus::in_progress).collect(),
            failed: kinds
                .iter()
                .map(|k| matches!(k, RunStatus::Failure | RunStatus::Cancelled))
                .collect(),
            sums: vec![Sums::default(); keys.len()],
        }
    }

    /// Adds run `i`.
    #[inline(always)]
    fn add(&mut self, i: usize) {
        let (g, st, cu) = (
            self.ids[i] as usize,
            self.status_of[i] as usize,
            self.cu_of[i],
        );
        let s = &mut self.sums[g];
        s.runs += 1;
        s.in_progress += usize::from(self.open[st]);
        if cu != NO_CU {
            s.valid += 1;
            add_cu(&mut s.cu, cu);
            add_cu(&mut self.days[self.day_of[i] as usize], cu);
            s.largest = s.largest.max(cu);
            if self.failed[st] {
                add_cu(&mut s.failed, cu);
            }
        }
    }

    /// The groups with runs (largest CU first) and the grand total, the
    /// sum of the groups.
    fn finish(self, price: Option<PricePerCu>) -> Subtotals {
        let mut total = Subtotal::default();
        let mut rows = Vec::new();
        for (key, s) in self.keys.iter().zip(self.sums).filter(|(_, s)| s.runs > 0) {
            let row = Subtotal {
                key: key.clone(),
                runs: s.runs,
                valid_runs: s.valid,
                cu: CuTotal(whole(s.cu)),
                largest: (s.valid > 0).then_some(Cu(s.largest)),
                failed_cu: CuTotal(whole(s.failed)),
                in_progress: s.in_progress,
                cost: price.map_or(Money::default(), |p| p.cost_of(CuTotal(whole(s.cu)))),
                share: None,
            };
            total.runs += row.runs;
            total.valid_runs += row.valid_runs;
            total.cu.add_total(row.cu);
            total.largest = total.largest.max(row.largest);
            total.failed_cu.add_total(row.failed_cu);
            total.in_progress += row.in_progress;
            total.cost.add(row.cost);
            rows.push(row);
        }
        let mut rows = crate::core::sort::sorted_by(rows, &by_cu_then_key);
        assign_shares(&mut rows);
        Subtotals { rows, total }
    }
}

/// Sortable columns of the subtotals table (the bar chart follows the same order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubColumn {
    /// Workflow id, A→Z.
    Workflow,
    /// Runs covered.
    Runs,
    /// Total CU.
    Cu,
    /// Mean CU per run.
    Average,
    /// Largest single run.
    Largest,
    /// CU of failed and cancelled runs.
    Failed,
    /// Runs in progress.
    InProgress,
    /// CU in the previous period.
    Previous,
    /// Change of CU from the previous period.
    Change,
}

impl SubColumn {
    /// The direction a first click sorts in: names A→Z, figures largest first.
    pub fn default_descending(self) -> bool {
        self != SubColumn::Workflow
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::run;

    #[test]
    fn groups_by_workflow_with_partial_and_failed_figures() {
        let runs = vec![
            run("a", "billing", "success", "", Some(0.1), None),
            run("b", "billing", "failure", "", Some(0.2), None),
            run("c", "alerts", "running", "", Some(0.05), None),
            run("d", "alerts", "cancelled", "", None, None),
        ];
        let price = PricePerCu::from_f64(0.002);
        let s = compute(&runs, &[0, 1, 2, 3], price, GroupBy::Workflow);
        assert_eq!(s.rows[0].key, "billing");
        assert_eq!(s.rows[0].cu.to_plain(), "0.3000");
        assert_eq!(s.rows[0].failed_cu.to_plain(), "0.2000");
        assert_eq!(s.rows[0].largest, Some(Cu(2_000)));
        assert_eq!(s.rows[0].average().unwrap().to_plain(), "0.1500");
        assert_eq!(s.rows[1].in_progress, 1);
        assert_eq!(s.rows[1].invalid_runs(), 1);
        assert_eq!(s.total.runs, 4);
        assert_eq!(s.total.cu.to_plain(), "0.3500");
        assert_eq!(s.total.invalid_runs(), 1);
        // Exact: 0.35 CU × 0.002 = 0.0007, the total CU times the price.
        assert_eq!(s.total.cost, price.unwrap().cost_of(s.total.cu));
        assert_eq!(s.total.cost.to_plain(), "0.0007");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::core::test_support::run;
    use proptest::prelude::*;

    fn arb_cu() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            1 => Just(None),
            8 => (-4i32..=9, 0u32..10_000).prop_map(|(exp, mant)| Some((f64::from(mant) / 10_000.0 + 1.0) * 10f64.powi(exp))),
        ]
    }

    /// Sums past 2^64 units carry exactly (the largest valid CU, four times).
    #[test]
    fn sums_past_64_bits_are_exact() {
        let mut runs: Vec<Run> = (0..4)
            .map(|i| run(&format!("r{i}"), "w", "failure", "", None, None))
            .collect();
        for r in &mut runs {
            r.cu = Some(Cu(u64::MAX - 1));
        }
        let set = RunSet::new(runs.clone(), crate::core::time::utc_date);
        let all = [0, 1, 2, 3];
        let fast = compute_set(&set, &all, Some(PricePerCu(3)), GroupBy::Workflow);
        assert_eq!(
            fast,
            compute(&runs, &all, Some(PricePerCu(3)), GroupBy::Workflow)
        );
        assert_eq!(fast.total.cu, CuTotal(4 * u128::from(u64::MAX - 1)));
        assert_eq!(fast.rows[0].failed_cu, fast.total.cu);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        /// Σ subtotals = grand total = Σ covered rows, at display precision,
        /// for mixed magnitudes from 1e-4 to 1e9.
        #[test]
        fn subtotals_add_up_exactly(values in proptest::collection::vec((0usize..6, 0usize..4, 0usize..3, arb_cu()), 0..40), keep in proptest::collection::vec(any::<bool>(), 40), group in 0usize..3) {
            const STATUSES: [&str; 4] = ["success", "failure", "running", "cancelled"];
            const TRIGGERS: [&str; 3] = ["", "cronjob", "webhook"];
            let runs: Vec<Run> = values.iter().enumerate().map(|(i, (wf, st, tr, cu))| run(&format!("r{i}"), &format!("wf{wf}"), STATUSES[*st], "", *cu, Some(TRIGGERS[*tr]))).collect();
            let indices: Vec<usize> = (0..runs.len()).filter(|&i| keep[i]).collect();
            let price = PricePerCu::from_f64(0.0025);
            let group = GroupBy::ALL[group];
            let s = compute(&runs, &indices, price, group);
            let mut sum_rows = CuTotal::default();
            let mut sum_cost = Money::default();
            for &i in &indices {
                if let Some(cu) = runs[i].cu {
                    sum_rows.add(cu);
                    sum_cost.add(price.unwrap().cost(cu));
                }
            }
            let mut sum_sub = CuTotal::default();
            let mut sum_sub_cost = Money::default();
            for row in &s.rows {
                sum_sub.add_total(row.cu);
                sum_sub_cost.add(row.cost);
            }
            prop_assert_eq!(sum_sub.to_plain(), s.total.cu.to_plain());
            prop_assert_eq!(s.total.cu.to_plain(), sum_rows.to_plain());
            prop_assert_eq!(sum_sub_cost, s.total.cost);
            prop_assert_eq!(s.total.cost, sum_cost);
            prop_assert_eq!(s.rows.iter().map(|r| r.runs).sum::<usize>(), indices.len());
            let set = RunSet::new(runs.clone(), crate::core::time::utc_date);
            prop_assert_eq!(&compute_set(&set, &indices, price, group), &s);
            // Money is the CU total times the price, exactly.
            prop_assert_eq!(s.total.cost, price.unwrap().cost_of(s.total.cu));
        }

        /// The share-out by one sort gives what the search per tenth
        /// gives, ties (equal parts, so equal remainders) included.
        #[test]
        fn shares_by_one_sort_equal_shares_by_search(
            parts in proptest::collection::vec(prop_oneof![0u128..4, 0u128..2_000_000_000_000], 0..250),
        ) {
            let parts: Vec<CuTotal> = parts.into_iter().map(CuTotal).collect();
            prop_assert_eq!(share_tenths(&parts), share_tenths_by_search(&parts));
        }

        /// Shares add up to exactly 100.0 %, and each is its exact share
        /// rounded down or up (never further off than one tenth).
        #[test]
        fn shares_add_up_to_one_hundred_percent(parts in proptest::collection::vec(0u128..2_000_000_000_000, 0..60)) {
            let parts: Vec<CuTotal> = parts.into_iter().map(CuTotal).collect();
            let total: u128 = parts.iter().map(|p| p.0).sum();
            let shares = share_tenths(&parts);
            prop_assert_eq!(shares.len(), parts.len());
            if total == 0 {
                prop_assert!(shares.iter().all(Option::is_none));
            } else {
                let tenths: Vec<u128> = shares.iter().map(|s| u128::from(s.unwrap())).collect();
                prop_assert_eq!(tenths.iter().sum::<u128>(), 1_000);
                for (t, p) in tenths.iter().zip(&parts) {
                    let exact = p.0 * 1_000; // in units of 1/total tenths
                    prop_assert!(t * total <= exact + total && exact < (t + 1) * total + total, "{} for {}/{}", t, p.0, total);
                    prop_assert!(*t == exact / total || *t == exact / total + 1);
                }
            }
        }
    }

    proptest! {
        /// The one pass that filters and sums keeps the runs the run-by-run
        /// filter keeps, counts the facets as the one-pass filter does, and
        /// sums them as the hash-map oracle does, in every grouping.
        #[test]
        fn filtering_and_summing_in_one_pass_equals_each_alone(
            runs in proptest::collection::vec((0usize..5, 0usize..4, 0usize..3, arb_cu(), 1u8..4), 0..60),
            status in proptest::option::of(0usize..4),
            workflow in proptest::option::of(0usize..5),
            search in prop_oneof![Just(""), Just("wf1"), Just("r1"), Just("cron")],
            from in proptest::option::of(1u8..4),
            group in 0usize..3,
            priced in any::<bool>(),
            other_statuses in proptest::collection::vec(0usize..4, 0..3),
        ) {
            const STATUSES: [&str; 4] = ["success", "failure", "running", "cancelled"];
            const TRIGGERS: [&str; 3] = ["", "cronjob", "webhook"];
            let runs: Vec<Run> = runs.iter().enumerate().map(|(i, (wf, st, tr, cu, day))| {
                run(&format!("r{i}"), &format!("wf{wf}"), STATUSES[*st],
                    &format!("2026-11-0{day}T10:00:00Z"), *cu, Some(TRIGGERS[*tr]))
            }).collect();
            let set = RunSet::new(runs.clone(), crate::core::time::utc_date);
            let filters = Filters {
                search: search.to_owned(),
                statuses: status.map(|s| vec![STATUSES[s].to_owned()]).unwrap_or_default(),
                workflow: workflow.map(|w| format!("wf{w}")),
                from: from.map(|d| format!("2026-11-0{d}")),
                ..Filters::default()
            };
            let names = Names::default();
            let price = if priced { PricePerCu::from_f64(0.0025) } else { None };
            let group = GroupBy::ALL[group];
            let Swept { kept, counts, subtotals: sums, by_status, day_cu } = filter_and_sum(&set, &filters, &names, price, group, None);
            prop_assert_eq!(&kept, &filters.apply_named(&set, &names));
            prop_assert_eq!(&counts, &crate::core::filter::filter_with_facets(&set, &filters, &names).1);
            prop_assert_eq!(&sums, &compute(&runs, &kept, price, group));
            prop_assert_eq!(&sums, &compute_set(&set, &kept, price, group));
            prop_assert_eq!(crate::core::period::days_of(&set, &day_cu), crate::core::period::cu_by_day(&set, &kept));
            // The same pass given the status counts of a pass with other
            // statuses (or none) kept: the same runs, counts and sums.
            let before = Filters {
                statuses: other_statuses.iter().map(|&s| STATUSES[s].to_owned()).collect(),
                ..filters.clone()
            };
            let known = filter_and_sum(&set, &before, &names, price, group, None).by_status;
            let again = filter_and_sum(&set, &filters, &names, price, group, Some(&known));
            prop_assert_eq!(&again.kept, &kept);
            prop_assert_eq!(&again.counts, &counts);
            prop_assert_eq!(&again.subtotals, &sums);
            prop_assert_eq!(&again.by_status, &by_status);
            prop_assert_eq!(&again.day_cu, &day_cu);
        }
    }

    #[test]
    fn shares_of_three_thirds_add_up() {
        let thirds = [CuTotal(1), CuTotal(1), CuTotal(1)];
        assert_eq!(share_tenths(&thirds), [Some(334), Some(333), Some(333)]);
        assert_eq!(share_tenths(&[]), Vec::<Option<u16>>::new());
        assert_eq!(share_tenths(&[CuTotal(0)]), [None]);
    }
}
