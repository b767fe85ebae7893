//! Client-side filters (the API has none) and faceted counts.

use std::collections::BTreeMap;

use crate::api::{Run, RunStatus};
use crate::cu::Cu;

/// The runs in scope plus what filtering needs precomputed once per load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSet {
    /// The runs, in the order loaded.
    pub runs: Vec<Run>,
    /// Each run's start day (`YYYY-MM-DD`) in the display time zone; empty
    /// when `startedAt` did not parse.
    pub days: Vec<String>,
    /// Lower-cased `runId workflowId triggerSource` for text search.
    pub haystacks: Vec<String>,
}

impl RunSet {
    /// Builds the set, computing each run's day with `day_of`.
    pub fn new(runs: Vec<Run>, day_of: impl Fn(i64) -> String) -> RunSet {
        let days = runs
            .iter()
            .map(|r| r.started_ms.map(&day_of).unwrap_or_default())
            .collect();
        let haystacks = runs
            .iter()
            .map(|r| {
                format!(
                    "{}\u{1f}{}\u{1f}{}",
                    r.run_id,
                    r.workflow_id,
                    r.trigger_source.as_deref().unwrap_or("")
                )
                .to_lowercase()
            })
            .collect();
        RunSet {
            runs,
            days,
            haystacks,
        }
    }

    /// Number of runs.
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// Whether there are no runs.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }
}

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
}

/// Which facet to leave out when counting (counts reflect the *other* filters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    None,
    Status,
    Workflow,
    Trigger,
}

impl Filters {
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

    fn keep(&self, set: &RunSet, i: usize, needle: &str, skip: Facet) -> bool {
        let run = &set.runs[i];
        if !needle.is_empty() && !set.haystacks[i].contains(needle) {
            return false;
        }
        if skip != Facet::Status
            && !self.statuses.is_empty()
            && !self.statuses.iter().any(|s| s == run.status.as_str())
        {
            return false;
        }
        if skip != Facet::Workflow
            && self
                .workflow
                .as_deref()
                .is_some_and(|w| w != run.workflow_id)
        {
            return false;
        }
        if skip != Facet::Trigger
            && self
                .trigger
                .as_deref()
                .is_some_and(|t| t != run.trigger_source.as_deref().unwrap_or(""))
        {
            return false;
        }
        let day = set.days[i].as_str();
        if self
            .from
            .as_deref()
            .is_some_and(|from| day.is_empty() || day < from)
        {
            return false;
        }
        if self
            .to
            .as_deref()
            .is_some_and(|to| day.is_empty() || day > to)
        {
            return false;
        }
        if let Some(min) = self.min_cu {
            if run.cu.is_none_or(|cu| cu < min) {
                return false;
            }
        }
        true
    }

    fn needle(&self) -> String {
        self.search.trim().to_lowercase()
    }

    /// Indices of the runs that pass every filter, in their original order.
    pub fn apply(&self, set: &RunSet) -> Vec<usize> {
        let needle = self.needle();
        (0..set.len())
            .filter(|&i| self.keep(set, i, &needle, Facet::None))
            .collect()
    }
}

/// Counts per facet value, each counted with all *other* filters applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Status (API value) -> runs; known statuses always listed.
    pub statuses: BTreeMap<String, usize>,
    /// Workflow -> runs.
    pub workflows: BTreeMap<String, usize>,
    /// Trigger (`""` = none) -> runs.
    pub triggers: BTreeMap<String, usize>,
}

/// Faceted counts for the filter controls.
pub fn facet_counts(set: &RunSet, filters: &Filters) -> FacetCounts {
    let needle = filters.needle();
    let mut counts = FacetCounts::default();
    for status in RunStatus::KNOWN.iter() {
        counts.statuses.insert(status.as_str().to_owned(), 0);
    }
    for (i, run) in set.runs.iter().enumerate() {
        if filters.keep(set, i, &needle, Facet::Status) {
            *counts
                .statuses
                .entry(run.status.as_str().to_owned())
                .or_default() += 1;
        }
        if filters.keep(set, i, &needle, Facet::Workflow) {
            *counts.workflows.entry(run.workflow_id.clone()).or_default() += 1;
        }
        if filters.keep(set, i, &needle, Facet::Trigger) {
            *counts
                .triggers
                .entry(run.trigger_source.clone().unwrap_or_default())
                .or_default() += 1;
        }
    }
    counts
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::time::parse_rfc3339_ms;

    pub(crate) fn run(
        id: &str,
        wf: &str,
        status: &str,
        started: &str,
        cu: Option<f64>,
        trigger: Option<&str>,
    ) -> Run {
        Run {
            run_id: id.into(),
            workflow_id: wf.into(),
            status: RunStatus::parse(status),
            started_at: started.into(),
            started_ms: parse_rfc3339_ms(started),
            finished_at: None,
            finished_ms: None,
            cu: cu.and_then(Cu::from_f64),
            trigger_source: trigger.map(str::to_owned),
        }
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
            crate::time::utc_date,
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
