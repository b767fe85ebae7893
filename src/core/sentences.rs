//! The sentences the UI shows about coverage and notes, as pure functions of
//! plain numbers (native-tested), with one plural rule. Numbers come in
//! already formatted for the locale (`count`), so these stay locale-free.

/// "1 run" / "2 runs" (and the same for any noun with a plain `s` plural).
pub fn plural(n: u64, count: &impl Fn(u64) -> String, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{} {one}", count(n))
    } else {
        format!("{} {many}", count(n))
    }
}

/// Which runs the totals cover: `period` names a period preset that
/// narrows them (it is not counted as a filter, but the sentence says it).
pub fn coverage(
    all_loaded: bool,
    shown: u64,
    total: u64,
    active_filters: usize,
    period: Option<&str>,
    count: impl Fn(u64) -> String,
) -> String {
    let filters = match active_filters {
        0 => None,
        1 => Some("1 filter active".to_owned()),
        n => Some(format!("{n} filters active")),
    };
    let why = match (period, filters) {
        (None, None) => String::new(),
        (Some(p), None) => format!(" ({p})"),
        (None, Some(f)) => format!(" ({f})"),
        (Some(p), Some(f)) => format!(" ({p}; {f})"),
    };
    let filters = why;
    let narrowed = active_filters + usize::from(period.is_some());
    let runs = |n| plural(n, &count, "run", "runs");
    match (all_loaded, narrowed) {
        (false, 0) => format!("Totals cover {} on this page.", runs(total)),
        (false, _) => format!(
            "Totals cover {} of {} on this page{filters}.",
            count(shown),
            runs(total)
        ),
        (true, 0) => format!(
            "Totals cover all {}.",
            plural(total, &count, "loaded run", "loaded runs")
        ),
        (true, _) => format!(
            "Totals cover {} of {}{filters}.",
            count(shown),
            plural(total, &count, "loaded run", "loaded runs")
        ),
    }
}

/// Runs whose CU is not a valid number (left out of every total).
pub fn invalid_note(n: u64, count: impl Fn(u64) -> String) -> String {
    if n == 1 {
        "1 run without a valid CU value is not in the totals.".to_owned()
    } else {
        format!(
            "{} runs without a valid CU value are not in the totals.",
            count(n)
        )
    }
}

/// Runs still going (their CU is what they used so far).
pub fn partial_note(n: u64, count: impl Fn(u64) -> String) -> String {
    if n == 1 {
        "1 run is still in progress: its CU so far is included.".to_owned()
    } else {
        format!(
            "{} runs are still in progress: their CU so far is included.",
            count(n)
        )
    }
}

/// Runs the day chart leaves out: no start time, or before its window.
pub fn day_chart_notes(
    undated: u64,
    earlier: u64,
    max_days: i64,
    count: impl Fn(u64) -> String,
) -> Vec<String> {
    let mut out = Vec::new();
    if undated == 1 {
        out.push("1 run without a start time is not in this chart.".to_owned());
    } else if undated > 1 {
        out.push(format!(
            "{} runs without a start time are not in this chart.",
            count(undated)
        ));
    }
    if earlier == 1 {
        out.push(format!(
            "1 earlier run is not shown (the chart covers the last {max_days} days)."
        ));
    } else if earlier > 1 {
        out.push(format!(
            "{} earlier runs are not shown (the chart covers the last {max_days} days).",
            count(earlier)
        ));
    }
    out
}

/// One short text per active filter, e.g. `Status: Failed, Cancelled`; a
/// workflow by its display name in `names` when it has one.
pub fn filter_chips(
    f: &crate::core::filter::Filters,
    names: &crate::core::keyed::Names,
) -> Vec<String> {
    use crate::core::labels::trigger_label;
    use crate::core::run::RunStatus;
    let mut chips = Vec::new();
    if !f.search.trim().is_empty() {
        chips.push(format!("Search: “{}”", f.search.trim()));
    }
    if !f.statuses.is_empty() {
        let labels: Vec<String> = f
            .statuses
            .iter()
            .map(|s| RunStatus::parse(s).label().to_owned())
            .collect();
        chips.push(format!("Status: {}", labels.join(", ")));
    }
    if let Some(w) = &f.workflow {
        chips.push(format!("Workflow: {}", names.get(w).unwrap_or(w)));
    }
    if let Some(t) = &f.trigger {
        chips.push(format!("Trigger: {}", trigger_label(t)));
    }
    if let Some(d) = &f.from {
        chips.push(format!("From: {}", crate::core::period::medium_date(d)));
    }
    if let Some(d) = &f.to {
        chips.push(format!("To: {}", crate::core::period::medium_date(d)));
    }
    if let Some(cu) = f.min_cu {
        chips.push(format!(
            "Minimum CU: {}",
            cu.to_plain().trim_end_matches('0').trim_end_matches('.')
        ));
    }
    chips
}

/// The status line for the server page scope: `loading` is the requested
/// (offset, limit) while a page other than the one shown loads; `shown` is
/// the (offset, runs) of the page on screen.
pub fn page_status(
    loading: Option<(u64, u64)>,
    shown: Option<(u64, u64)>,
    count: impl Fn(u64) -> String,
) -> String {
    match (loading, shown) {
        (Some((offset, limit)), _) => format!(
            "Loading runs {}–{}…",
            count(offset.saturating_add(1)),
            count(offset.saturating_add(limit))
        ),
        (None, Some((_, 0))) => "No runs on this page".to_owned(),
        (None, Some((first, n))) => format!(
            "Runs {}–{}",
            count(first.saturating_add(1)),
            count(first.saturating_add(n))
        ),
        (None, None) => String::new(),
    }
}

/// The status line when paging through the loaded runs (client-side).
pub fn all_status(
    view_offset: u64,
    limit: u64,
    total: u64,
    count: impl Fn(u64) -> String,
) -> String {
    if total == 0 {
        return "No loaded runs match".to_owned();
    }
    let first = view_offset.min(total);
    let last = first.saturating_add(limit).min(total);
    format!(
        "Runs {}–{} of {} loaded",
        count(first + 1),
        count(last),
        count(total)
    )
}

/// The "Load all runs" button's description: what it fetches. `back_to`
/// is the day the walk stops at ("Nov 1") and whether that is where the
/// comparison period starts (else the From date).
pub fn load_all_title(max_runs: &str, back_to: Option<(&str, bool)>) -> String {
    match back_to {
        None => format!("Fetch every run (up to {max_runs}) so totals cover them all"),
        Some((day, false)) => format!(
            "Fetch the runs back to {day}, the From date (up to {max_runs}), so totals cover the period"
        ),
        Some((day, true)) => format!(
            "Fetch the runs back to {day}, where the comparison with the previous period starts (up to {max_runs}), so totals cover the period and its comparison"
        ),
    }
}

/// Under a long subtotals table cut to its first rows: "The first 100 of
/// 2,000 workflows in this order; the Total row covers all of them."
pub fn rows_cut(shown: u64, all: u64, noun_plural: &str, count: impl Fn(u64) -> String) -> String {
    format!(
        "The first {} of {} {noun_plural} in this order; the Total row covers all of them.",
        count(shown),
        count(all)
    )
}

/// What a printout covers, for [`print_header`].
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
}

/// The header a printout starts with: what period, in which zone, as of
/// when, with which filters, and how much of the run list is printed. No
/// app-state sentences: a printout is read away from the screen.
pub fn print_header(f: &PrintFacts, count: impl Fn(u64) -> String) -> Vec<String> {
    let zone = format!("days counted in {}", f.zone);
    let period = match (f.preset, &f.days) {
        (Some(p), Some(d)) => format!("Period: {p}, {d} ({zone})."),
        (None, Some(d)) => format!("Period: {d} ({zone})."),
        (_, None) => "Period: all dates of the runs covered.".to_owned(),
    };
    let mut lines = vec![period];
    if let Some(at) = &f.as_of {
        lines.push(format!("As of {at}."));
    }
    lines.push(if f.filters.is_empty() {
        "Filters: none.".to_owned()
    } else {
        format!("Filters: {}.", f.filters.join("; "))
    });
    let runs = |n| plural(n, &count, "run", "runs");
    lines.push(match (f.all_loaded, f.listed == f.covered) {
        (true, true) => format!("Totals cover {}; all are listed below.", runs(f.covered)),
        (true, false) if f.first <= 1 => format!(
            "Totals cover {}; {} of {} are listed below; the full list is in the CSV export.",
            runs(f.covered),
            count(f.listed),
            count(f.covered)
        ),
        (true, false) => format!(
            "Totals cover {}; runs {}–{} of {} are listed below; the full list is in the CSV export.",
            runs(f.covered),
            count(f.first),
            count(f.first + f.listed.saturating_sub(1)),
            count(f.covered)
        ),
        (false, _) => format!(
            "Totals cover the {} of one page of the server's list, listed below.",
            runs(f.covered)
        ),
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_table_says_what_it_shows() {
        assert_eq!(
            rows_cut(100, 2_000, "workflows", |n| n.to_string()),
            "The first 100 of 2000 workflows in this order; the Total row covers all of them."
        );
    }

    #[test]
    fn load_all_says_what_it_fetches() {
        assert_eq!(
            load_all_title("100,000", None),
            "Fetch every run (up to 100,000) so totals cover them all"
        );
        assert_eq!(
            load_all_title("100,000", Some(("Oct 1", true))),
            "Fetch the runs back to Oct 1, where the comparison with the previous period starts (up to 100,000), so totals cover the period and its comparison"
        );
        assert!(load_all_title("5", Some(("Nov 3", false)))
            .starts_with("Fetch the runs back to Nov 3, the From date"));
    }

    #[test]
    fn print_headers_say_what_the_printout_covers() {
        let count = |n: u64| n.to_string();
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
        };
        assert_eq!(
            print_header(&facts, count),
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
            print_header(&facts, count),
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
        };
        assert_eq!(
            print_header(&second, count)[2],
            "Totals cover 725 runs; runs 21–40 of 725 are listed below; the full list is in the CSV export."
        );
        let facts = PrintFacts {
            days: None,
            all_loaded: false,
            listed: 20,
            covered: 20,
            ..facts
        };
        assert_eq!(
            print_header(&facts, count)[2],
            "Totals cover the 20 runs of one page of the server's list, listed below."
        );
    }

    use crate::core::test_support::count;

    #[test]
    fn coverage_says_which_runs_and_counts_one_as_one() {
        assert_eq!(
            coverage(false, 20, 20, 0, None, count),
            "Totals cover 20 runs on this page."
        );
        assert_eq!(
            coverage(false, 1, 1, 0, None, count),
            "Totals cover 1 run on this page."
        );
        assert_eq!(
            coverage(false, 3, 20, 1, None, count),
            "Totals cover 3 of 20 runs on this page (1 filter active)."
        );
        assert_eq!(
            coverage(true, 1_500, 1_500, 0, None, count),
            "Totals cover all 1,500 loaded runs."
        );
        assert_eq!(
            coverage(true, 1, 1, 0, None, count),
            "Totals cover all 1 loaded run."
        );
        assert_eq!(
            coverage(true, 1_482, 1_500, 2, None, count),
            "Totals cover 1,482 of 1,500 loaded runs (2 filters active)."
        );
        // A period narrows the runs without being a filter, and says so.
        assert_eq!(
            coverage(true, 964, 1_500, 0, Some("This month"), count),
            "Totals cover 964 of 1,500 loaded runs (This month)."
        );
        assert_eq!(
            coverage(true, 12, 1_500, 1, Some("This month"), count),
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
            filter_chips(&f, &Default::default()),
            [
                "Search: “bill”",
                "Status: Failed, Cancelled",
                "Trigger: (none)",
                "Minimum CU: 2.5"
            ]
        );
        assert!(filter_chips(&Default::default(), &Default::default()).is_empty());
        let named = crate::core::filter::Filters {
            workflow: Some("wf_1".into()),
            ..Default::default()
        };
        let names = [("wf_1".to_owned(), "Billing sync".to_owned())].into();
        assert_eq!(filter_chips(&named, &names), ["Workflow: Billing sync"]);
    }

    #[test]
    fn notes_use_the_singular_for_one() {
        assert_eq!(
            invalid_note(1, count),
            "1 run without a valid CU value is not in the totals."
        );
        assert_eq!(
            invalid_note(2, count),
            "2 runs without a valid CU value are not in the totals."
        );
        assert_eq!(
            partial_note(1, count),
            "1 run is still in progress: its CU so far is included."
        );
        assert_eq!(
            partial_note(1_200, count),
            "1,200 runs are still in progress: their CU so far is included."
        );
        assert_eq!(
            day_chart_notes(1, 1, 731, count),
            vec![
                "1 run without a start time is not in this chart.".to_owned(),
                "1 earlier run is not shown (the chart covers the last 731 days).".to_owned()
            ]
        );
        assert_eq!(day_chart_notes(0, 0, 731, count), Vec::<String>::new());
        assert_eq!(
            day_chart_notes(3, 0, 731, count),
            vec!["3 runs without a start time are not in this chart.".to_owned()]
        );
    }

    fn plain(n: u64) -> String {
        n.to_string()
    }

    #[test]
    fn paging_arithmetic_and_status_lines() {
        assert_eq!(page_status(None, Some((20, 20)), plain), "Runs 21–40");
        assert_eq!(
            page_status(None, Some((20, 0)), plain),
            "No runs on this page"
        );
        assert_eq!(
            page_status(Some((40, 20)), Some((20, 20)), plain),
            "Loading runs 41–60…"
        );
        assert_eq!(page_status(None, None, plain), "");
        assert_eq!(
            all_status(20, 20, 1_500, plain),
            "Runs 21–40 of 1500 loaded"
        );
        assert_eq!(
            all_status(1_490, 20, 1_500, plain),
            "Runs 1491–1500 of 1500 loaded"
        );
        assert_eq!(all_status(0, 20, 0, plain), "No loaded runs match");
    }
}
