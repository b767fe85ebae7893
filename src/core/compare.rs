//! The comparison with the previous period: the previous period's subtotals
//! (same filters, same grouping), each group's figures before, and the
//! change. Pure; the period arithmetic is in [`crate::core::period`].

use std::collections::HashMap;

use crate::core::cu::{CuTotal, Money};
use crate::core::period::{change, Change};
use crate::core::subtotals::{SubColumn, Subtotal, Subtotals};

/// The previous period's figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Previous {
    /// Its subtotals (grouped as the current ones).
    pub subtotals: Subtotals,
    /// Whether every run of the previous period is loaded. When not, no
    /// previous figure is shown ("—").
    pub loaded: bool,
}

/// A group's figures in the previous period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Prev<'a> {
    /// The previous period is not (fully) loaded.
    Unknown,
    /// No run of the group in the previous period.
    Absent,
    /// The group's previous subtotal.
    Was(&'a Subtotal),
}

impl Prev<'_> {
    /// Previous CU, as [`change`] wants it.
    fn cu(&self) -> Option<Option<u128>> {
        match self {
            Prev::Unknown => None,
            Prev::Absent => Some(None),
            Prev::Was(s) => Some(Some(s.cu.0)),
        }
    }

    /// The change of CU from before to `current`.
    pub fn cu_change(&self, current: CuTotal) -> Change {
        change(current.0, self.cu())
    }

    /// The change of cost from before to `current`.
    pub fn cost_change(&self, current: Money) -> Change {
        let prev = match self {
            Prev::Unknown => None,
            Prev::Absent => Some(None),
            Prev::Was(s) => Some(Some(s.cost.0)),
        };
        change(current.0, prev)
    }
}

/// Lookup of the previous figures by group key.
pub struct Lookup<'a> {
    previous: Option<&'a Previous>,
    by_key: HashMap<&'a str, &'a Subtotal>,
}

impl<'a> Lookup<'a> {
    /// Indexes `previous` (`None`: no comparison).
    pub fn new(previous: Option<&'a Previous>) -> Lookup<'a> {
        let by_key = previous
            .map(|p| {
                p.subtotals
                    .rows
                    .iter()
                    .map(|r| (r.key.as_str(), r))
                    .collect()
            })
            .unwrap_or_default();
        Lookup { previous, by_key }
    }

    /// Whether a comparison is on.
    pub fn is_on(&self) -> bool {
        self.previous.is_some()
    }

    /// The previous figures of a group.
    pub fn of(&self, key: &str) -> Prev<'a> {
        match self.previous {
            Some(p) if p.loaded => self.by_key.get(key).map_or(Prev::Absent, |s| Prev::Was(s)),
            _ => Prev::Unknown,
        }
    }

    /// The previous grand total.
    pub fn total(&self) -> Prev<'a> {
        match self.previous {
            Some(p) if p.loaded => Prev::Was(&p.subtotals.total),
            _ => Prev::Unknown,
        }
    }
}

/// The rows of a compared table: the current rows, then (when the previous
/// period is loaded) a zero row for every group that had runs before and
/// none now, so the Previous column adds up to the previous total.
pub fn rows_with_gone(current: &Subtotals, previous: Option<&Previous>) -> Vec<Subtotal> {
    let mut rows = current.rows.clone();
    rows.extend(gone_rows(current, previous));
    rows
}

/// The zero rows [`rows_with_gone`] adds after the current rows.
pub fn gone_rows(current: &Subtotals, previous: Option<&Previous>) -> Vec<Subtotal> {
    let Some(p) = previous.filter(|p| p.loaded) else {
        return Vec::new();
    };
    let now: std::collections::HashSet<&str> =
        current.rows.iter().map(|r| r.key.as_str()).collect();
    p.subtotals
        .rows
        .iter()
        .filter(|r| !now.contains(r.key.as_str()))
        .map(|r| Subtotal {
            key: r.key.clone(),
            ..Subtotal::default()
        })
        .collect()
}

/// The key a Change column sorts by: "new" above every increase, an
/// unknown change below every decrease.
pub fn change_sort_key(c: Change) -> u128 {
    match c {
        Change::Unknown => 0,
        Change::New => u128::MAX,
        // Order-preserving map of i128 onto u128, kept off both ends.
        Change::Delta { diff, .. } => ((diff as u128) ^ (1u128 << 127)).clamp(1, u128::MAX - 1),
    }
}

/// The sort key of a subtotals row under `col`.
fn sort_key<'a>(col: SubColumn, s: &'a Subtotal, before: &Lookup) -> (u128, &'a str) {
    match col {
        SubColumn::Previous => match before.of(&s.key) {
            Prev::Was(p) => (p.cu.0 + 1, ""),
            Prev::Absent => (1, ""),
            Prev::Unknown => (0, ""),
        },
        SubColumn::Change => (change_sort_key(before.of(&s.key).cu_change(s.cu)), ""),
        SubColumn::Workflow => (0, s.key.as_str()),
        SubColumn::Runs => (s.runs as u128, ""),
        SubColumn::Cu => (s.cu.0, ""),
        SubColumn::Average => (s.average().map_or(0, |a| a.0), ""),
        SubColumn::Largest => (s.largest.map_or(0, |c| u128::from(c.0)), ""),
        SubColumn::Failed => (s.failed_cu.0, ""),
        SubColumn::InProgress => (s.in_progress as u128, ""),
    }
}

/// Orders `rows` by `col` (stable: equal keys keep the CU order);
/// `before` gives the previous period's figures for Previous and Change.
pub fn sort_rows(rows: &mut [&Subtotal], col: SubColumn, descending: bool, before: &Lookup) {
    let order = sorted_order(rows, col, descending, before);
    let original = rows.to_vec();
    for (slot, i) in rows.iter_mut().zip(order) {
        *slot = original[i];
    }
}

/// The positions of `rows` in [`sort_rows`]'s order.
pub fn sorted_order(
    rows: &[&Subtotal],
    col: SubColumn,
    descending: bool,
    before: &Lookup,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    crate::core::sort::sort_positions(&mut order, &|a, b| {
        let o = sort_key(col, rows[a], before).cmp(&sort_key(col, rows[b], before));
        if descending {
            o.reverse()
        } else {
            o
        }
    });
    order
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::filter::Filters;
    use crate::core::store::RunSet;
    use crate::core::subtotals::{compute, compute_set, GroupBy};
    use crate::core::test_support::run;
    use proptest::prelude::*;

    #[test]
    fn rows_sort_by_any_column_stably() {
        let runs = vec![
            run("a", "zeta", "success", "", Some(5.0), None),
            run("b", "alpha", "success", "", Some(1.0), None),
            run("c", "alpha", "success", "", Some(1.0), None),
            run("d", "mid", "running", "", Some(3.0), None),
        ];
        let s = crate::core::subtotals::compute(
            &runs,
            &[0, 1, 2, 3],
            None,
            crate::core::subtotals::GroupBy::Workflow,
        );
        let mut rows: Vec<&Subtotal> = s.rows.iter().collect();
        let ids = |rows: &[&Subtotal]| rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>();
        sort_rows(&mut rows, SubColumn::Workflow, false, &Lookup::new(None));
        assert_eq!(ids(&rows), ["alpha", "mid", "zeta"]);
        sort_rows(&mut rows, SubColumn::Runs, true, &Lookup::new(None));
        assert_eq!(ids(&rows), ["alpha", "mid", "zeta"]);
        sort_rows(&mut rows, SubColumn::Cu, true, &Lookup::new(None));
        assert_eq!(ids(&rows), ["zeta", "mid", "alpha"]);
        sort_rows(&mut rows, SubColumn::InProgress, true, &Lookup::new(None));
        assert_eq!(ids(&rows)[0], "mid");
        assert!(!SubColumn::Workflow.default_descending());
        assert!(SubColumn::Cu.default_descending());
    }

    #[test]
    fn gone_groups_get_zero_rows_and_changes_read_right() {
        let runs = vec![
            run(
                "a",
                "billing",
                "success",
                "2026-11-02T10:00:00Z",
                Some(2.0),
                None,
            ),
            run(
                "b",
                "billing",
                "success",
                "2026-10-02T10:00:00Z",
                Some(1.0),
                None,
            ),
            run(
                "c",
                "etl",
                "success",
                "2026-10-03T10:00:00Z",
                Some(3.0),
                None,
            ),
            run(
                "d",
                "new-one",
                "success",
                "2026-11-03T10:00:00Z",
                Some(1.0),
                None,
            ),
        ];
        let cur = compute(&runs, &[0, 3], None, GroupBy::Workflow);
        let prev = Previous {
            subtotals: compute(&runs, &[1, 2], None, GroupBy::Workflow),
            loaded: true,
        };
        let rows = rows_with_gone(&cur, Some(&prev));
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["billing", "new-one", "etl"]);
        let look = Lookup::new(Some(&prev));
        assert_eq!(
            look.of("billing").cu_change(rows[0].cu),
            Change::Delta {
                diff: 10_000,
                tenths: Some(1000)
            }
        );
        assert_eq!(look.of("new-one").cu_change(rows[1].cu), Change::New);
        assert_eq!(
            look.of("etl").cu_change(rows[2].cu),
            Change::Delta {
                diff: -30_000,
                tenths: Some(-1000)
            }
        );
        let not_loaded = Previous {
            loaded: false,
            ..prev.clone()
        };
        assert_eq!(rows_with_gone(&cur, Some(&not_loaded)).len(), 2);
        assert_eq!(Lookup::new(Some(&not_loaded)).of("etl"), Prev::Unknown);
        assert_eq!(Lookup::new(Some(&not_loaded)).total(), Prev::Unknown);
    }

    #[test]
    fn change_sort_keys_are_ordered() {
        let keys: Vec<u128> = [
            Change::Unknown,
            Change::Delta {
                diff: -5,
                tenths: None,
            },
            Change::Delta {
                diff: 0,
                tenths: None,
            },
            Change::Delta {
                diff: 7,
                tenths: None,
            },
            Change::New,
        ]
        .into_iter()
        .map(change_sort_key)
        .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Both periods' totals equal the sums of their runs (an oracle that
        /// picks each period's runs by its start date), whatever the filters
        /// and grouping; the Previous column adds up to the previous total;
        /// every group's change is its current minus previous CU.
        #[test]
        fn both_periods_add_up(
            runs in proptest::collection::vec((0usize..5, 0usize..3, 0i64..75, 0u32..2_000_000), 0..60),
            group in 0usize..3,
            status_filter in any::<bool>(),
        ) {
            use crate::core::period::{previous, range, Preset};
            const STATUSES: [&str; 3] = ["success", "failure", "running"];
            let base = crate::core::period::parse("2026-09-20").unwrap();
            let runs: Vec<crate::core::run::Run> = runs.iter().enumerate().map(|(i, (wf, st, day, cu))| {
                let started = format!("{}T12:00:00Z", crate::core::period::day_key(base + day));
                run(&format!("r{i}"), &format!("wf{wf}"), STATUSES[*st], &started, Some(f64::from(*cu) / 10_000.0), None)
            }).collect();
            let set = RunSet::new(runs.clone(), crate::core::time::utc_date);
            let group = GroupBy::ALL[group];
            let today = crate::core::period::parse("2026-11-20").unwrap();
            let cur_p = range(Preset::ThisMonth, today).unwrap();
            let prev_p = previous(Preset::ThisMonth, cur_p);
            let filters = |p: crate::core::period::Period| {
                let (from, to) = p.keys();
                Filters {
                    from: Some(from),
                    to: Some(to),
                    statuses: if status_filter { vec!["success".into()] } else { vec![] },
                    ..Filters::default()
                }
            };
            let cur = compute_set(&set, &filters(cur_p).apply(&set), None, group);
            let prev = Previous { subtotals: compute_set(&set, &filters(prev_p).apply(&set), None, group), loaded: true };
            // The oracle: each period's runs by date, summed one by one.
            let sum_in = |p: crate::core::period::Period| -> u128 {
                runs.iter().filter(|r| {
                    let day = crate::core::period::parse(&crate::core::time::utc_date(r.started_ms.unwrap())).unwrap();
                    p.contains(day) && (!status_filter || r.status.as_str() == "success")
                }).map(|r| u128::from(r.cu.unwrap().0)).sum()
            };
            prop_assert_eq!(cur.total.cu.0, sum_in(cur_p));
            prop_assert_eq!(prev.subtotals.total.cu.0, sum_in(prev_p));
            let rows = rows_with_gone(&cur, Some(&prev));
            let look = Lookup::new(Some(&prev));
            let mut prev_sum = 0u128;
            for r in &rows {
                match look.of(&r.key) {
                    Prev::Was(p) => {
                        prev_sum += p.cu.0;
                        prop_assert_eq!(look.of(&r.key).cu_change(r.cu), change(r.cu.0, Some(Some(p.cu.0))));
                    }
                    Prev::Absent => prop_assert!(r.cu.0 > 0 || r.runs > 0),
                    Prev::Unknown => prop_assert!(false, "loaded"),
                }
            }
            prop_assert_eq!(prev_sum, prev.subtotals.total.cu.0);
            prop_assert_eq!(rows.iter().map(|r| r.cu.0).sum::<u128>(), cur.total.cu.0);
        }
    }
}
