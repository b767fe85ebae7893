//! Client-side filters (the API has none) and faceted counts.

use crate::core::keyed::{Counts, Names};

use crate::core::cu::Cu;
use crate::core::run::RunStatus;

pub use crate::core::store::RunSet;
use crate::core::store::{NO_CU, NO_TIME};

/// The filter values a user has set. Empty values filter nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Case-insensitive text matched against run id, workflow and trigger.
    pub search: String,
    /// Statuses to keep (API values); empty keeps all.
    pub statuses: Vec<String>,
    /// Workflow to keep.
    pub workflow: Option<String>,
    /// Trigger source to keep (`""` = runs without a trigger).
    pub trigger: Option<String>,
    /// First start day to keep, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Last start day to keep, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// Smallest CU to keep (runs without a valid CU are dropped when set).
    pub min_cu: Option<Cu>,
    /// Keep only runs started before this instant (epoch ms): an open
    /// period as of a fixed `now` ends there. Not a user filter (never
    /// counted, shown or put in the URL).
    pub until_ms: Option<i64>,
}

impl Filters {
    /// The filters without From/To: what is left when the days are a
    /// period preset's (a period is not a filter).
    pub fn without_days(&self) -> Filters {
        Filters {
            from: None,
            to: None,
            ..self.clone()
        }
    }

    /// How many filters are active.
    pub fn active_count(&self) -> usize {
        [
            !self.search.trim().is_empty(),
            !self.statuses.is_empty(),
            self.workflow.is_some(),
            self.trigger.is_some(),
            self.from.is_some(),
            self.to.is_some(),
            self.min_cu.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count()
    }

    /// The filters resolved against a run set, for fast per-run tests.
    /// The search matches a workflow's display name in `names` as well as
    /// its id.
    fn compile(&self, set: &RunSet, names: &Names) -> Compiled {
        let lookup = |wanted: &Option<String>, names: &[String]| {
            wanted
                .as_deref()
                .map(|w| names.iter().position(|n| n == w).map(|p| p as u32))
        };
        let day_ok = set
            .day_names
            .iter()
            .map(|day| {
                let after_from = self
                    .from
                    .as_deref()
                    .is_none_or(|from| !day.is_empty() && day.as_str() >= from);
                let before_to = self
                    .to
                    .as_deref()
                    .is_none_or(|to| !day.is_empty() && day.as_str() <= to);
                after_from && before_to
            })
            .collect();
        let needle = self.needle();
        let hits = |names: &[String]| -> Vec<bool> {
            names
                .iter()
                .map(|n| {
                    !needle.is_empty() && crate::core::text::lower(n).contains(needle.as_str())
                })
                .collect()
        };
        let status_ok = set
            .statuses
            .iter()
            .map(|st| self.statuses.is_empty() || self.statuses.contains(st))
            .collect();
        let mut workflow_hit = hits(&set.workflows);
        for (hit, id) in workflow_hit.iter_mut().zip(&set.workflows) {
            *hit = *hit
                || (!needle.is_empty()
                    && names
                        .get(id)
                        .is_some_and(|n| crate::core::text::lower(n).contains(needle.as_str())));
        }
        Compiled {
            ids_may_match: set.ids_may_contain(needle.as_bytes()),
            status_ok,
            workflow_hit,
            trigger_hit: hits(&set.triggers),
            needle,
            workflow: lookup(&self.workflow, &set.workflows),
            trigger: lookup(&self.trigger, &set.triggers),
            day_ok,
        }
    }

    fn needle(&self) -> String {
        crate::core::text::lower(self.search.trim())
    }

    /// Indices of the runs that pass every filter, in their original order:
    /// run by run, the oracle [`filter_with_facets`] is proven against.
    #[cfg(test)]
    pub fn apply(&self, set: &RunSet) -> Vec<usize> {
        self.apply_named(set, &Names::default())
    }

    /// [`Filters::apply`], the search also matching workflow display names.
    #[cfg(test)]
    pub fn apply_named(&self, set: &RunSet, names: &Names) -> Vec<usize> {
        let c = self.compile(set, names);
        (0..set.len())
            .filter(|&i| {
                c.status_ok(set, i)
                    && c.workflow_ok(set, i)
                    && c.trigger_ok(set, i)
                    && self.keep_common(set, &c, i)
            })
            .collect()
    }

    /// The filters that are not facets: search, days and minimum CU.
    #[cfg(test)]
    fn keep_common(&self, set: &RunSet, c: &Compiled, i: usize) -> bool {
        let searched = c.needle.is_empty()
            || c.workflow_hit[set.workflow_of[i] as usize]
            || c.trigger_hit[set.trigger_of[i] as usize]
            || (c.ids_may_match && contains(set.run_id_lower(i).as_bytes(), c.needle.as_bytes()));
        if !searched {
            return false;
        }
        if !c.day_ok[set.day_of[i] as usize] {
            return false;
        }
        if let Some(min) = self.min_cu {
            if set.cu(i).is_none_or(|cu| cu < min) {
                return false;
            }
        }
        if let Some(until) = self.until_ms {
            if set.started_ms(i).is_none_or(|ms| ms >= until) {
                return false;
            }
        }
        true
    }
}

/// Whether `needle` (not empty) occurs in `hay`: the first byte scanned for,
/// then compared. Run ids are short, so this beats `str::contains`, which
/// prepares a searcher for every call (a million per keystroke).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, _)) = needle.split_first() else {
        return true;
    };
    if needle.len() > hay.len() {
        return false;
    }
    (0..=hay.len() - needle.len())
        .any(|at| hay[at] == first && &hay[at..at + needle.len()] == needle)
}

/// [`Filters`] resolved against one [`RunSet`].
struct Compiled {
    needle: String,
    /// The needle has no byte that no run id has (else the ids are skipped).
    ids_may_match: bool,
    /// `Some(None)`: a workflow is chosen that no run in the set has.
    workflow: Option<Option<u32>>,
    trigger: Option<Option<u32>>,
    /// Per day id: within From/To.
    day_ok: Vec<bool>,
    /// Per status id: a chosen status (or none chosen).
    status_ok: Vec<bool>,
    /// Per workflow / trigger id: its text contains the search.
    workflow_hit: Vec<bool>,
    trigger_hit: Vec<bool>,
}

#[cfg(test)]
impl Compiled {
    fn status_ok(&self, set: &RunSet, i: usize) -> bool {
        self.status_ok[set.status_of[i] as usize]
    }

    fn workflow_ok(&self, set: &RunSet, i: usize) -> bool {
        self.workflow.is_none_or(|w| w == Some(set.workflow_of[i]))
    }

    fn trigger_ok(&self, set: &RunSet, i: usize) -> bool {
        self.trigger.is_none_or(|t| t == Some(set.trigger_of[i]))
    }
}

/// Counts per facet value, each counted with all *other* filters applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Status (API value) -> runs; known statuses always listed.
    pub statuses: Counts,
    /// Workflow -> runs.
    pub workflows: Counts,
    /// Trigger (`""` = none) -> runs.
    pub triggers: Counts,
}

/// Faceted counts for the filter controls, in one pass without hashing or
/// allocating per run: the non-facet filters are checked once, each facet's
/// own test once, and a run counts for a facet when it passes the other two.
pub fn facet_counts(set: &RunSet, filters: &Filters) -> FacetCounts {
    facet_counts_named(set, filters, &Names::default())
}

/// The runs that pass every filter (in their order) and the facet counts,
/// in one pass over the set: a run passes when it passes the common filters
/// and all three facets, which the facet counting tests anyway.
/// [`Filters::apply_named`] and [`facet_counts_named`] are the oracles it is
/// proven against; the table uses it through [`filter_each`], which
/// `crate::core::subtotals::filter_and_sum` sums the kept runs with.
#[cfg(test)]
pub fn filter_with_facets(
    set: &RunSet,
    filters: &Filters,
    names: &Names,
) -> (Vec<usize>, FacetCounts) {
    let (kept, counts, _) = filter_each(set, filters, names, None, |_| {});
    (kept, counts)
}

/// [`filter_with_facets`], calling `also(i)` for each run kept, in order
/// (to sum the kept runs in the same pass); also the status facet's counts
/// by status id, for a later pass to reuse.
///
/// `statuses`: those counts from a pass over the same set with the same
/// filters but for the statuses (the status facet is counted without the
/// status filter, so they are this pass's too). Given them, the pass skips
/// every run of a status not kept before reading anything else of it: a
/// status ticked is a pass over the runs of that status, not over all.
pub fn filter_each(
    set: &RunSet,
    filters: &Filters,
    names: &Names,
    statuses: Option<&[usize]>,
    mut also: impl FnMut(usize),
) -> (Vec<usize>, FacetCounts, Vec<usize>) {
    // Written into room for every run (no growing, no `push` call per run:
    // a million on a status change), then cut to size.
    let mut kept = vec![0usize; set.len()];
    let mut len = 0;
    let slots = kept.as_mut_slice();
    let (counts, by_status) = count_facets(set, filters, names, statuses, |i| {
        slots[len] = i;
        len += 1;
        also(i);
    });
    kept.truncate(len);
    if len < set.len() / 2 {
        kept.shrink_to_fit();
    }
    (kept, counts, by_status)
}

/// [`facet_counts`], the search also matching workflow display names.
pub fn facet_counts_named(set: &RunSet, filters: &Filters, names: &Names) -> FacetCounts {
    count_facets(set, filters, names, None, |_| {}).0
}

/// The facet counting pass; `keep(i)` is called, in order, for every run
/// that passes all the filters. With `known` (the status counts, see
/// [`filter_each`]), statuses are not counted and runs of a status not kept
/// are skipped first. Also gives the status counts by status id.
fn count_facets(
    set: &RunSet,
    filters: &Filters,
    names: &Names,
    known: Option<&[usize]>,
    mut keep: impl FnMut(usize),
) -> (FacetCounts, Vec<usize>) {
    let c = filters.compile(set, names);
    let n = set.len();
    let known = known.filter(|k| k.len() == set.statuses.len());
    let skip = known.is_some();
    let mut statuses = known.map_or_else(|| vec![0usize; set.statuses.len()], <[usize]>::to_vec);
    let mut workflows = vec![0usize; set.workflows.len()];
    let mut triggers = vec![0usize; set.triggers.len()];
    // The columns and tables as slices: indexing a slice is built into the
    // language, while a `Vec`'s `Index` is a call the size-optimised build
    // does not inline (it was a third of this pass at 300,000 runs).
    let (workflow_of, status_of) = (&set.workflow_of[..n], &set.status_of[..n]);
    let (trigger_of, day_of) = (&set.trigger_of[..n], &set.day_of[..n]);
    let (status_ok, day_ok): (&[bool], &[bool]) = (&c.status_ok, &c.day_ok);
    let (by_status, by_workflow, by_trigger) = (
        statuses.as_mut_slice(),
        workflows.as_mut_slice(),
        triggers.as_mut_slice(),
    );
    // The search, the minimum CU and the end of an open period are tested
    // per run only when set (the day is, always: it is one lookup), each
    // as `keep_common` tests it, over the columns.
    let (cu_of, started_of) = (&set.cu_column()[..n], &set.started_column()[..n]);
    let (workflow_hit, trigger_hit): (&[bool], &[bool]) = (&c.workflow_hit, &c.trigger_hit);
    let search = !c.needle.is_empty();
    let min_cu = filters.min_cu.map(|m| m.0);
    let until = filters.until_ms;
    for i in 0..n {
        let st = status_of[i];
        if skip && !status_ok[st as usize] {
            continue;
        }
        if !day_ok[day_of[i] as usize] {
            continue;
        }
        let (w, t) = (workflow_of[i], trigger_of[i]);
        if search
            && !(workflow_hit[w as usize]
                || trigger_hit[t as usize]
                || (c.ids_may_match
                    && contains(set.run_id_lower(i).as_bytes(), c.needle.as_bytes())))
        {
            continue;
        }
        if min_cu.is_some_and(|min| cu_of[i] == NO_CU || cu_of[i] < min) {
            continue;
        }
        if until.is_some_and(|until| started_of[i] == NO_TIME || started_of[i] >= until) {
            continue;
        }
        let status_ok = status_ok[st as usize];
        let workflow_ok = c.workflow.is_none_or(|x| x == Some(w));
        let trigger_ok = c.trigger.is_none_or(|x| x == Some(t));
        if !skip && workflow_ok && trigger_ok {
            by_status[st as usize] += 1;
        }
        if status_ok && trigger_ok {
            by_workflow[w as usize] += 1;
        }
        if status_ok && workflow_ok {
            by_trigger[t as usize] += 1;
            if trigger_ok {
                keep(i);
            }
        }
    }
    // `first` come before the counted values, which win over them.
    let named = |first: Vec<(String, usize)>, names: &[String], counts: Vec<usize>| {
        let mut pairs = first;
        for (name, n) in names.iter().zip(counts).filter(|(_, n)| *n > 0) {
            pairs.push((name.clone(), n));
        }
        Counts::new(pairs)
    };
    let known_statuses = RunStatus::KNOWN
        .iter()
        .map(|s| (s.as_str().to_owned(), 0))
        .collect();
    let by_status = statuses.clone();
    let counts = FacetCounts {
        statuses: named(known_statuses, &set.statuses, statuses),
        workflows: named(Vec::new(), &set.workflows, workflows),
        triggers: named(Vec::new(), &set.triggers, triggers),
    };
    (counts, by_status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::run::Run;
    use crate::core::test_support::run;
    use crate::core::time::parse_rfc3339_ms;

    #[test]
    fn until_keeps_only_runs_started_before_it() {
        let runs = vec![
            run("a", "w", "success", "2026-11-20T09:59:59Z", Some(1.0), None),
            run("b", "w", "success", "2026-11-20T10:00:00Z", Some(2.0), None),
            run("c", "w", "success", "", Some(3.0), None),
        ];
        let set = RunSet::new(runs, crate::core::time::utc_date);
        let until = crate::core::time::parse_rfc3339_ms("2026-11-20T10:00:00Z");
        let f = Filters {
            until_ms: until,
            ..Filters::default()
        };
        assert_eq!(f.apply(&set), [0]);
        // Not a user filter.
        assert_eq!(f.active_count(), 0);
        let (kept, counts) = filter_with_facets(&set, &f, &Names::default());
        assert_eq!(kept, [0]);
        assert_eq!(counts.workflows.get("w"), Some(&1));
    }

    #[test]
    fn days_asked_per_quarter_hour_match_asking_per_run() {
        // Nepal is UTC+05:45: its midnight is a quarter hour, not an hour.
        let nepal = |ms: i64| crate::core::time::utc_date(ms + 345 * 60_000);
        let start = parse_rfc3339_ms("2026-11-01T17:00:00Z").unwrap();
        let runs: Vec<Run> = (0..1_000)
            .map(|i| {
                let mut r = run(&format!("r{i}"), "w", "success", "", Some(1.0), None);
                r.started_ms = Some(start + i * 7 * 60_000 + i % 13 * 1_000);
                r
            })
            .collect();
        let asked = std::cell::Cell::new(0);
        let set = RunSet::new(runs, |ms| {
            asked.set(asked.get() + 1);
            nepal(ms)
        });
        for (i, r) in set.to_runs().iter().enumerate() {
            assert_eq!(set.day(i), nepal(r.started_ms.unwrap()));
        }
        assert!(asked.get() < 500, "asked {} times", asked.get());
    }

    fn sample() -> RunSet {
        RunSet::new(
            vec![
                run(
                    "r1",
                    "billing",
                    "success",
                    "2026-11-20T10:00:00Z",
                    Some(5.0),
                    Some("schedule"),
                ),
                run(
                    "r2",
                    "billing",
                    "failure",
                    "2026-11-21T10:00:00Z",
                    Some(1.0),
                    Some("manual"),
                ),
                run(
                    "r3",
                    "alerts",
                    "success",
                    "2026-11-22T10:00:00Z",
                    Some(0.5),
                    Some("webhook"),
                ),
                run("r4", "alerts", "running", "bad date", None, None),
            ],
            crate::core::time::utc_date,
        )
    }

    #[test]
    fn each_filter_narrows() {
        let set = sample();
        let f = |filters: Filters| filters.apply(&set);
        assert_eq!(f(Filters::default()), vec![0, 1, 2, 3]);
        assert_eq!(
            f(Filters {
                search: " ALERTS ".into(),
                ..Default::default()
            }),
            vec![2, 3]
        );
        assert_eq!(
            f(Filters {
                search: "r2".into(),
                ..Default::default()
            }),
            vec![1]
        );
        assert_eq!(
            f(Filters {
                statuses: vec!["success".into(), "running".into()],
                ..Default::default()
            }),
            vec![0, 2, 3]
        );
        assert_eq!(
            f(Filters {
                workflow: Some("billing".into()),
                ..Default::default()
            }),
            vec![0, 1]
        );
        assert_eq!(
            f(Filters {
                trigger: Some("".into()),
                ..Default::default()
            }),
            vec![3]
        );
        assert_eq!(
            f(Filters {
                from: Some("2026-11-21".into()),
                ..Default::default()
            }),
            vec![1, 2]
        );
        assert_eq!(
            f(Filters {
                to: Some("2026-11-21".into()),
                ..Default::default()
            }),
            vec![0, 1]
        );
        assert_eq!(
            f(Filters {
                min_cu: Cu::from_f64(1.0),
                ..Default::default()
            }),
            vec![0, 1]
        );
    }

    #[test]
    fn facet_counts_reflect_the_other_filters() {
        let set = sample();
        let filters = Filters {
            workflow: Some("billing".into()),
            statuses: vec!["success".into()],
            ..Default::default()
        };
        let counts = facet_counts(&set, &filters);
        // Status counts ignore the status filter but honour the workflow filter.
        assert_eq!(counts.statuses["success"], 1);
        assert_eq!(counts.statuses["failure"], 1);
        assert_eq!(counts.statuses["running"], 0);
        // Workflow counts ignore the workflow filter but honour the status filter.
        assert_eq!(counts.workflows["billing"], 1);
        assert_eq!(counts.workflows["alerts"], 1);
        assert_eq!(filters.active_count(), 2);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::core::run::Run;
    use crate::core::test_support::run;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// The slow, obvious facet count: filter with that facet cleared, then
    /// count by value.
    fn by_clearing(set: &RunSet, filters: &Filters) -> FacetCounts {
        let count = |cleared: Filters, key: &dyn Fn(&Run) -> String| {
            let mut m = BTreeMap::new();
            for i in cleared.apply(set) {
                *m.entry(key(&set.run(i))).or_default() += 1;
            }
            m
        };
        let mut statuses = count(
            Filters {
                statuses: vec![],
                ..filters.clone()
            },
            &|r| r.status.as_str().to_owned(),
        );
        for s in RunStatus::KNOWN.iter() {
            statuses.entry(s.as_str().to_owned()).or_default();
        }
        let keyed = |m: BTreeMap<String, usize>| Counts::new(m.into_iter().collect());
        FacetCounts {
            statuses: keyed(statuses),
            workflows: keyed(count(
                Filters {
                    workflow: None,
                    ..filters.clone()
                },
                &|r| r.workflow_id.clone(),
            )),
            triggers: keyed(count(
                Filters {
                    trigger: None,
                    ..filters.clone()
                },
                &|r| r.trigger_source.clone().unwrap_or_default(),
            )),
        }
    }

    proptest! {

        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// Filtering is idempotent and never invents runs.
        #[test]
        fn filters_are_idempotent(runs in crate::core::test_support::arb_runs(), wf in proptest::option::of(0u8..4), st in proptest::collection::vec(0u8..3, 0..3), min in proptest::option::of(0u32..5), from in proptest::option::of(0u8..5)) {
            let set = crate::core::store::RunSet::new(runs, crate::core::time::utc_date);
            let filters = Filters {
                workflow: wf.map(|w| format!("wf{w}")),
                statuses: st.iter().map(|s| ["success", "failure", "running"][*s as usize].to_owned()).collect(),
                min_cu: min.and_then(|m| crate::core::cu::Cu::from_f64(f64::from(m))),
                from: from.map(|d| format!("2026-11-2{d}")),
                ..Default::default()
            };
            let once = filters.apply(&set);
            let subset = crate::core::store::RunSet::new(once.iter().map(|&i| set.run(i)).collect(), crate::core::time::utc_date);
            let twice = filters.apply(&subset);
            prop_assert_eq!(twice.len(), once.len());
            prop_assert!(once.windows(2).all(|w| w[0] < w[1]));
        }

        /// The run id search's byte matcher says what `str::contains` says.
        #[test]
        fn byte_search_matches_str_contains(hay in "[ab_äÄ]{0,12}", needle in "[ab_ä]{0,4}") {
            prop_assert_eq!(contains(hay.as_bytes(), needle.as_bytes()), hay.contains(needle.as_str()));
        }

        /// Search matches what a lower-cased "run workflow trigger" text
        /// contains, whatever the case of the ids.
        #[test]
        fn search_matches_any_field_ignoring_case(
            runs in proptest::collection::vec(("[a-cA-CÄäÉİ_]{1,6}", "[a-cA-C-]{1,5}", proptest::option::of("[a-cA-C]{1,4}")), 0..30),
            needle in "[a-cA-CäÄé_-]{1,3}",
        ) {
            let runs: Vec<Run> = runs.iter().map(|(id, wf, t)| run(id, wf, "success", "", Some(1.0), t.as_deref())).collect();
            let set = RunSet::new(runs, crate::core::time::utc_date);
            let filters = Filters { search: needle.clone(), ..Filters::default() };
            let lower = needle.to_lowercase();
            let expected: Vec<usize> = set.to_runs().iter().enumerate().filter(|(_, r)| {
                [r.run_id.as_str(), r.workflow_id.as_str(), r.trigger_source.as_deref().unwrap_or("")]
                    .iter().any(|f| f.to_lowercase().contains(&lower))
            }).map(|(i, _)| i).collect();
            prop_assert_eq!(filters.apply(&set), expected);
        }

        #[test]
        fn one_pass_facets_equal_filtering_with_each_facet_cleared(
            runs in proptest::collection::vec((0usize..4, 0usize..5, 0usize..3, 0u32..5, any::<bool>(), 1u8..4), 0..50),
            status in proptest::option::of(0usize..5),
            workflow in proptest::option::of(0usize..4),
            trigger in proptest::option::of(0usize..3),
            search in prop_oneof![Just(""), Just("w1"), Just("r1"), Just("cron"), Just("a1"), Just("-4")],
            min in proptest::option::of(0u32..5),
            from in proptest::option::of(1u8..4),
            until in proptest::option::of(1u8..5),
            uuids in any::<bool>(),
        ) {
            // Ids as text, or UUIDs (packed by the set; the searches "a1"
            // and "-4" match some of them).
            let id = |i: usize| if uuids {
                crate::core::test_support::uuid((i as u128 + 1).wrapping_mul(0x0a1b_2c3d_4e5f_6071_8293_a4b5_c6d7_e8f9))
            } else {
                format!("r{i}")
            };
            const STATUSES: [&str; 5] = ["success", "failure", "running", "cancelled", "odd"];
            const TRIGGERS: [Option<&str>; 3] = [None, Some("cronjob"), Some("webhook")];
            let runs: Vec<Run> = runs.iter().enumerate().map(|(i, (w, s, t, cu, has_cu, day))| {
                run(&id(i), &format!("w{w}"), STATUSES[*s], &format!("2026-11-0{day}T10:00:00Z"),
                    has_cu.then_some(f64::from(*cu)), TRIGGERS[*t])
            }).collect();
            let set = RunSet::new(runs, crate::core::time::utc_date);
            let filters = Filters {
                search: search.to_owned(),
                statuses: status.map(|s| vec![STATUSES[s].to_owned()]).unwrap_or_default(),
                workflow: workflow.map(|w| format!("w{w}")),
                trigger: trigger.map(|t| TRIGGERS[t].unwrap_or("").to_owned()),
                min_cu: min.and_then(|m| crate::core::cu::Cu::from_f64(f64::from(m))),
                from: from.map(|d| format!("2026-11-0{d}")),
                // An open period's end: noon of that day.
                until_ms: until.map(|d| 1_793_491_200_000 + (i64::from(d) - 1) * 86_400_000 + 43_200_000),
                ..Filters::default()
            };
            prop_assert_eq!(facet_counts(&set, &filters), by_clearing(&set, &filters));
            // The one-pass filter and facets equal the two separate passes,
            // with display names in the search too.
            let names: Names = [("w1".to_owned(), "Cron billing".to_owned())].into();
            let (kept, counts) = filter_with_facets(&set, &filters, &names);
            prop_assert_eq!(kept, filters.apply_named(&set, &names));
            prop_assert_eq!(counts, facet_counts_named(&set, &filters, &names));
        }
    }
}
