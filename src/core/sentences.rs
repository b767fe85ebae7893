//! The sentences the UI shows about coverage and notes, as pure functions of
//! plain numbers (native-tested). Their words come from the message
//! catalog and their numbers are counted in the locale, both through the
//! instance's [`Formatter`].

use crate::core::format::Formatter;
use crate::core::messages::M;

/// Which runs the totals cover: `period` names a period preset that
/// narrows them (it is not counted as a filter, but the sentence says it).
pub fn coverage(
    all_loaded: bool,
    shown: u64,
    total: u64,
    active_filters: usize,
    period: Option<&str>,
    f: &Formatter,
) -> String {
    let filters = (active_filters > 0).then(|| f.tn(M::filtersActive, active_filters as u64, &[]));
    let why = match (period, filters) {
        (None, None) => String::new(),
        (Some(p), None) => p.to_owned(),
        (None, Some(x)) => x,
        (Some(p), Some(x)) => f.tf(M::whyBoth, &[("period", p), ("filters", &x)]),
    };
    let narrowed = active_filters + usize::from(period.is_some());
    let shown = f.count(shown);
    match (all_loaded, narrowed) {
        (false, 0) => f.tf(M::coverPage, &[("runs", &f.tn(M::runCount, total, &[]))]),
        (false, _) => f.tf(
            M::coverPageOf,
            &[
                ("shown", &shown),
                ("runs", &f.tn(M::runCount, total, &[])),
                ("why", &why),
            ],
        ),
        (true, 0) => f.tf(
            M::coverAll,
            &[("runs", &f.tn(M::loadedRunCount, total, &[]))],
        ),
        (true, _) => f.tf(
            M::coverAllOf,
            &[
                ("shown", &shown),
                ("runs", &f.tn(M::loadedRunCount, total, &[])),
                ("why", &why),
            ],
        ),
    }
}

/// Runs whose CU is not a valid number (left out of every total).
pub fn invalid_note(n: u64, f: &Formatter) -> String {
    f.tn(M::invalidNote, n, &[])
}

/// Runs still going (their CU is what they used so far).
pub fn partial_note(n: u64, f: &Formatter) -> String {
    f.tn(M::partialNote, n, &[])
}

/// Runs the day chart leaves out: no start time, or before its window.
pub fn day_chart_notes(undated: u64, earlier: u64, max_days: i64, f: &Formatter) -> Vec<String> {
    let mut out = Vec::new();
    if undated > 0 {
        out.push(f.tn(M::dayUndated, undated, &[]));
    }
    if earlier > 0 {
        out.push(f.tn(M::dayEarlier, earlier, &[("days", &max_days.to_string())]));
    }
    out
}

/// One short text per active filter, e.g. `Status: Failed, Cancelled`; a
/// workflow by its display name in `names` when it has one.
pub fn filter_chips(
    fl: &crate::core::filter::Filters,
    names: &crate::core::keyed::Names,
    f: &Formatter,
) -> Vec<String> {
    use crate::core::labels::{status_label, trigger_label};
    use crate::core::run::RunStatus;
    let mut chips = Vec::new();
    if !fl.search.trim().is_empty() {
        let text = crate::core::text::isolate(fl.search.trim());
        chips.push(f.tf(M::chipSearch, &[("text", &text)]));
    }
    if !fl.statuses.is_empty() {
        let labels: Vec<String> = fl
            .statuses
            .iter()
            .map(|s| status_label(&RunStatus::parse(s), f))
            .collect();
        chips.push(f.tf(M::chipStatus, &[("list", &labels.join(&f.t(M::listSep)))]));
    }
    if let Some(w) = &fl.workflow {
        let name = crate::core::text::isolate(names.get(w).unwrap_or(w));
        chips.push(f.tf(M::chipWorkflow, &[("name", &name)]));
    }
    if let Some(t) = &fl.trigger {
        chips.push(f.tf(M::chipTrigger, &[("name", &trigger_label(t, f))]));
    }
    if let Some(d) = &fl.from {
        let date = crate::core::period::medium_date(d, f);
        chips.push(f.tf(M::chipFrom, &[("date", &date)]));
    }
    if let Some(d) = &fl.to {
        let date = crate::core::period::medium_date(d, f);
        chips.push(f.tf(M::chipTo, &[("date", &date)]));
    }
    if let Some(cu) = fl.min_cu {
        let plain = cu.to_plain();
        let short = plain.trim_end_matches('0').trim_end_matches('.');
        let shown = short.replace('.', f.decimal_sep());
        chips.push(f.tf(M::chipMinCu, &[("cu", &shown)]));
    }
    chips
}

/// The status line for the server page scope: `loading` is the requested
/// (offset, limit) while a page other than the one shown loads; `shown` is
/// the (offset, runs) of the page on screen.
pub fn page_status(
    loading: Option<(u64, u64)>,
    shown: Option<(u64, u64)>,
    f: &Formatter,
) -> String {
    let range = |m, a: u64, b: u64| {
        f.tf(
            m,
            &[
                ("first", &f.count(a.saturating_add(1))),
                ("last", &f.count(a.saturating_add(b))),
            ],
        )
    };
    match (loading, shown) {
        (Some((offset, limit)), _) => range(M::pageLoading, offset, limit),
        (None, Some((_, 0))) => f.t(M::pageEmpty),
        (None, Some((first, n))) => range(M::pageRange, first, n),
        (None, None) => String::new(),
    }
}

/// What a screen reader hears after a sort button was pressed: the
/// column and its direction now (`Some(true)`: descending), as the first
/// sort key or a `further` one ("Then by …"), or that it no longer sorts
/// (`None`: a further key taken off).
pub fn sorted_by(column: &str, descending: Option<bool>, further: bool, f: &Formatter) -> String {
    let m = match (descending, further) {
        (Some(true), false) => M::sortedDescending,
        (Some(false), false) => M::sortedAscending,
        (Some(true), true) => M::sortedThenDescending,
        (Some(false), true) => M::sortedThenAscending,
        (None, _) => M::sortedNot,
    };
    f.tf(m, &[("column", column)])
}

/// The status line when paging through the loaded runs (client-side).
pub fn all_status(view_offset: u64, limit: u64, total: u64, f: &Formatter) -> String {
    if total == 0 {
        return f.t(M::allNone);
    }
    let first = view_offset.min(total);
    let last = first.saturating_add(limit).min(total);
    f.tf(
        M::allRange,
        &[
            ("first", &f.count(first + 1)),
            ("last", &f.count(last)),
            ("total", &f.count(total)),
        ],
    )
}

/// The "Load all runs" button's description: what it fetches. `back_to`
/// is the day the walk stops at ("Nov 1") and whether that is where the
/// comparison period starts (else the From date).
pub fn load_all_title(max_runs: u64, back_to: Option<(&str, bool)>, f: &Formatter) -> String {
    let max = f.count(max_runs);
    match back_to {
        None => f.tf(M::loadAllTitle, &[("max", &max)]),
        Some((day, false)) => f.tf(M::loadAllTitleFrom, &[("day", day), ("max", &max)]),
        Some((day, true)) => f.tf(M::loadAllTitleCompare, &[("day", day), ("max", &max)]),
    }
}

/// Under a long subtotals table cut to its first rows: "The first 100 of
/// 2,000 workflows in this order; the Total row covers all of them." (`all`
/// is the counted noun, "2,000 workflows").
pub fn rows_cut(shown: u64, all: &str, f: &Formatter) -> String {
    f.tf(M::rowsCut, &[("shown", &f.count(shown)), ("all", all)])
}

/// What a printout covers, for [`print_header`].
#[derive(Clone)]
pub struct PrintFacts<'a> {
    /// The period's name ("Last month") when a preset sets the days.
    pub preset: Option<&'a str>,
    /// The From–To days as read ("Nov 1 – Nov 30, 2026"), when set.
    pub days: Option<String>,
    /// The billing time zone days are counted in.
    pub zone: &'a str,
    /// "Nov 28, 2026, 6:00 PM (UTC)": when the data was fetched.
    pub as_of: Option<String>,
    /// One text per filter the user set (the period is not one).
    pub filters: Vec<String>,
    /// Totals cover the loaded runs (else the server page on screen).
    pub all_loaded: bool,
    /// Runs the runs table lists, from the `first`-th (1-based).
    pub listed: u64,
    /// The position of the first run listed among those the totals cover.
    pub first: u64,
    /// Runs the totals cover.
    pub covered: u64,
    /// The loaded runs are not the whole list: loading was cancelled,
    /// failed, stopped at the cap or at a server that misbehaved (not at a
    /// From date or a period's start, which the days above say).
    pub partial: bool,
}

/// The header a printout starts with: what period, in which zone, as of
/// when, with which filters, and how much of the run list is printed. No
/// app-state sentences: a printout is read away from the screen.
pub fn print_header(p: &PrintFacts, f: &Formatter) -> Vec<String> {
    let zone = f.tf(M::printZone, &[("zone", p.zone)]);
    let period = match (p.preset, &p.days) {
        (Some(pr), Some(d)) => f.tf(
            M::printPeriodPreset,
            &[("preset", pr), ("days", d), ("zone", &zone)],
        ),
        (None, Some(d)) => f.tf(M::printPeriod, &[("days", d), ("zone", &zone)]),
        (_, None) => f.t(M::printPeriodAll),
    };
    let mut lines = vec![period];
    if let Some(at) = &p.as_of {
        lines.push(f.tf(M::printAsOf, &[("time", at)]));
    }
    lines.push(if p.filters.is_empty() {
        f.t(M::printFiltersNone)
    } else {
        f.tf(
            M::printFilters,
            &[("list", &p.filters.join(&f.t(M::printListSep)))],
        )
    });
    let runs = f.tn(M::runCount, p.covered, &[]);
    let covered = f.count(p.covered);
    lines.push(match (p.all_loaded, p.listed == p.covered) {
        (true, true) => f.tf(M::printAllListed, &[("runs", &runs)]),
        (true, false) if p.first <= 1 => f.tf(
            M::printFirstListed,
            &[
                ("runs", &runs),
                ("listed", &f.count(p.listed)),
                ("covered", &covered),
            ],
        ),
        (true, false) => f.tf(
            M::printSomeListed,
            &[
                ("runs", &runs),
                ("first", &f.count(p.first)),
                ("last", &f.count(p.first + p.listed.saturating_sub(1))),
                ("covered", &covered),
            ],
        ),
        (false, _) => f.tf(M::printPage, &[("runs", &runs)]),
    });
    if p.all_loaded && p.partial {
        lines.push(f.t(M::printPartial));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Formatter {
        Formatter::plain(None)
    }

    #[test]
    fn a_cut_table_says_what_it_shows() {
        assert_eq!(
            rows_cut(100, "2,000 workflows", &en()),
            "The first 100 of 2,000 workflows in this order; the Total row covers all of them."
        );
    }

    #[test]
    fn load_all_says_what_it_fetches() {
        assert_eq!(
            load_all_title(100_000, None, &en()),
            "Fetch every run (up to 100,000) so totals cover them all"
        );
        assert_eq!(
            load_all_title(100_000, Some(("Oct 1", true)), &en()),
            "Fetch the runs back to Oct 1, where the comparison with the previous period starts (up to 100,000), so totals cover the period and its comparison"
        );
        assert!(load_all_title(5, Some(("Nov 3", false)), &en())
            .starts_with("Fetch the runs back to Nov 3, the From date"));
    }

    #[test]
    fn print_headers_say_what_the_printout_covers() {
        let facts = PrintFacts {
            preset: Some("Last month"),
            days: Some("Nov 1 – Nov 30, 2026".to_owned()),
            zone: "UTC",
            as_of: Some("Dec 6, 2026, 4:36 AM (UTC)".to_owned()),
            filters: vec![],
            all_loaded: true,
            listed: 20,
            first: 1,
            covered: 725,
            partial: false,
        };
        assert_eq!(
            print_header(&facts, &en()),
            [
                "Period: Last month, Nov 1 – Nov 30, 2026 (days counted in UTC).",
                "As of Dec 6, 2026, 4:36 AM (UTC).",
                "Filters: none.",
                "Totals cover 725 runs; 20 of 725 are listed below; the full list is in the CSV export."
            ]
        );
        let facts = PrintFacts {
            preset: None,
            filters: vec!["Workflow: billing-sync".into(), "Status: Failed".into()],
            listed: 1,
            covered: 1,
            as_of: None,
            ..facts
        };
        assert_eq!(
            print_header(&facts, &en()),
            [
                "Period: Nov 1 – Nov 30, 2026 (days counted in UTC).",
                "Filters: Workflow: billing-sync; Status: Failed.",
                "Totals cover 1 run; all are listed below."
            ]
        );
        // Page 2 of the list.
        let second = PrintFacts {
            preset: None,
            days: None,
            zone: "UTC",
            as_of: None,
            filters: vec![],
            all_loaded: true,
            listed: 20,
            first: 21,
            covered: 725,
            partial: false,
        };
        assert_eq!(
            print_header(&second, &en())[2],
            "Totals cover 725 runs; runs 21–40 of 725 are listed below; the full list is in the CSV export."
        );
        // A load that stopped before the list's end says so, in the page
        // scope nothing more.
        let stopped = PrintFacts {
            partial: true,
            ..second.clone()
        };
        assert_eq!(
            print_header(&stopped, &en()).last().map(String::as_str),
            Some("Loading did not reach the end of the list: these totals cover only the runs loaded.")
        );
        assert_eq!(
            print_header(&stopped, &en()).len(),
            print_header(&second, &en()).len() + 1
        );
        let page = PrintFacts {
            all_loaded: false,
            ..stopped
        };
        assert!(!print_header(&page, &en())
            .iter()
            .any(|l| l.starts_with("Loading did not")));
        let facts = PrintFacts {
            days: None,
            all_loaded: false,
            listed: 20,
            covered: 20,
            ..facts
        };
        assert_eq!(
            print_header(&facts, &en())[2],
            "Totals cover the 20 runs of one page of the server's list, listed below."
        );
    }

    #[test]
    fn coverage_says_which_runs_and_counts_one_as_one() {
        assert_eq!(
            coverage(false, 20, 20, 0, None, &en()),
            "Totals cover 20 runs on this page."
        );
        assert_eq!(
            coverage(false, 1, 1, 0, None, &en()),
            "Totals cover 1 run on this page."
        );
        assert_eq!(
            coverage(false, 3, 20, 1, None, &en()),
            "Totals cover 3 of 20 runs on this page (1 filter active)."
        );
        assert_eq!(
            coverage(true, 1_500, 1_500, 0, None, &en()),
            "Totals cover all 1,500 loaded runs."
        );
        assert_eq!(
            coverage(true, 1, 1, 0, None, &en()),
            "Totals cover all 1 loaded run."
        );
        assert_eq!(
            coverage(true, 1_482, 1_500, 2, None, &en()),
            "Totals cover 1,482 of 1,500 loaded runs (2 filters active)."
        );
        // A period narrows the runs without being a filter, and says so.
        assert_eq!(
            coverage(true, 964, 1_500, 0, Some("This month"), &en()),
            "Totals cover 964 of 1,500 loaded runs (This month)."
        );
        assert_eq!(
            coverage(true, 12, 1_500, 1, Some("This month"), &en()),
            "Totals cover 12 of 1,500 loaded runs (This month; 1 filter active)."
        );
    }

    #[test]
    fn chips_name_each_active_filter() {
        let f = crate::core::filter::Filters {
            search: " bill ".into(),
            statuses: vec!["failure".into(), "cancelled".into()],
            trigger: Some(String::new()),
            min_cu: crate::core::cu::Cu::from_f64(2.5),
            ..Default::default()
        };
        assert_eq!(
            filter_chips(&f, &Default::default(), &en()),
            [
                "Search: “bill”",
                "Status: Failed, Cancelled",
                "Trigger: (none)",
                "Minimum CU: 2.5"
            ]
        );
        assert!(filter_chips(&Default::default(), &Default::default(), &en()).is_empty());
        let named = crate::core::filter::Filters {
            workflow: Some("wf_1".into()),
            ..Default::default()
        };
        let names = [("wf_1".to_owned(), "Billing sync".to_owned())].into();
        assert_eq!(
            filter_chips(&named, &names, &en()),
            ["Workflow: Billing sync"]
        );
    }

    #[test]
    fn notes_use_the_singular_for_one() {
        assert_eq!(
            invalid_note(1, &en()),
            "1 run without a valid CU value is not in the totals."
        );
        assert_eq!(
            invalid_note(2, &en()),
            "2 runs without a valid CU value are not in the totals."
        );
        assert_eq!(
            partial_note(1, &en()),
            "1 run is still in progress: its CU so far is included."
        );
        assert_eq!(
            partial_note(1_200, &en()),
            "1,200 runs are still in progress: their CU so far is included."
        );
        assert_eq!(
            day_chart_notes(1, 1, 731, &en()),
            vec![
                "1 run without a start time is not in this chart.".to_owned(),
                "1 earlier run is not shown (the chart covers the last 731 days).".to_owned()
            ]
        );
        assert_eq!(day_chart_notes(0, 0, 731, &en()), Vec::<String>::new());
        assert_eq!(
            day_chart_notes(3, 0, 731, &en()),
            vec!["3 runs without a start time are not in this chart.".to_owned()]
        );
    }

    #[test]
    fn paging_arithmetic_and_status_lines() {
        assert_eq!(page_status(None, Some((20, 20)), &en()), "Runs 21–40");
        assert_eq!(
            page_status(None, Some((20, 0)), &en()),
            "No runs on this page"
        );
        assert_eq!(
            page_status(Some((40, 20)), Some((20, 20)), &en()),
            "Loading runs 41–60…"
        );
        assert_eq!(page_status(None, None, &en()), "");
        assert_eq!(
            all_status(20, 20, 1_500, &en()),
            "Runs 21–40 of 1,500 loaded"
        );
        assert_eq!(
            all_status(1_490, 20, 1_500, &en()),
            "Runs 1,491–1,500 of 1,500 loaded"
        );
        assert_eq!(all_status(0, 20, 0, &en()), "No loaded runs match");
    }
}
