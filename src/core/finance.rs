//! The sentences of a period: the headline figure and its comparison, the
//! period's coverage, the period-end estimate and the budget. Pure
//! functions of plain data; figures come in formatted for the locale.

use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::period::{Budget, Cover};

/// The figure a headline compares with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Versus {
    /// No comparison (Custom period, or turned off).
    Off,
    /// The previous period is not fully loaded.
    Unknown,
    /// Nothing was spent in the previous period.
    Zero,
    /// The signed percent and the previous figure.
    Change {
        /// "+12.4 %".
        percent: String,
        /// "42,986.10 CU".
        previous: String,
    },
}

/// What the headline says while a period is not (yet) loaded: never a
/// total, which would cover only part of it. `range` names the period's
/// days ("November"); `loaded` the runs loaded so far while loading.
pub fn headline_pending(
    range: &str,
    loading: Option<&str>,
    loaded_since: Option<&str>,
    f: &Formatter,
) -> String {
    match (loading, loaded_since) {
        (Some(runs), _) => f.tf(M::pendingLoading, &[("range", range), ("runs", runs)]),
        (None, Some(since)) => f.tf(M::pendingPartly, &[("range", range), ("since", since)]),
        (None, None) => f.tf(M::pendingNot, &[("range", range)]),
    }
}

/// "48,314.22 CU this month, +12.4 % vs October (42,986.10 CU)." The
/// period must be fully loaded ([`headline_pending`] otherwise).
pub fn headline(
    total: &str,
    name: &str,
    prev_name: &str,
    versus: &Versus,
    f: &Formatter,
) -> String {
    let a = [
        ("total", total),
        ("name", name),
        ("previousName", prev_name),
    ];
    match versus {
        Versus::Off => f.tf(M::headline, &a),
        Versus::Unknown => f.tf(M::headlineUnknown, &a),
        Versus::Zero => f.tf(M::headlineZero, &a),
        Versus::Change { percent, previous } => f.tf(
            M::headlineChange,
            &[
                a[0],
                a[1],
                a[2],
                ("percent", percent),
                ("previous", previous),
            ],
        ),
    }
}

/// Whether the period is fully loaded: "This month: all 8,214 runs since
/// Nov 1 loaded." / "Runs back to Nov 12 loaded; the period starts Nov 1."
/// `label` is the preset's name ("This month"); `runs` the runs the totals
/// cover; `others` the number of filters active (search, status, …; the
/// period is not one).
pub fn period_coverage(
    label: &str,
    cover: Cover,
    start: &str,
    back_to: Option<&str>,
    runs: &str,
    others: usize,
    f: &Formatter,
) -> Option<String> {
    let a = [("label", label), ("start", start), ("runs", runs)];
    Some(match cover {
        Cover::Full if others == 0 => f.tf(M::coveredAll, &a),
        Cover::Full => f.tn(M::coveredFiltered, others as u64, &a),
        Cover::BackTo(_) => f.tf(
            M::coveredBackTo,
            &[("back", back_to.unwrap_or("?")), ("start", start)],
        ),
        Cover::NotFromHead => f.t(M::coveredNotHead),
        Cover::Nothing => return None,
    })
}

/// The estimate line: "Projected for this month: 71,000.0000 CU by Nov 30."
pub fn estimate(name: &str, figure: &str, end: &str, f: &Formatter) -> String {
    f.tf(
        M::estimate,
        &[("name", name), ("figure", figure), ("end", end)],
    )
}

/// The estimate's range from the daily spread: "Between 61,000.0000 CU
/// and 83,000.0000 CU at the lowest and highest daily use so far."
pub fn estimate_range(low: &str, high: &str, f: &Formatter) -> String {
    f.tf(M::estimateRange, &[("low", low), ("high", high)])
}

/// The estimate against the month's budget: "That is 147 % of the 25,000
/// CU budget: over by about 11,700 CU ($23.40)." `over` is the amount past
/// the budget (`None` when within it).
pub fn estimate_vs_budget(
    percent: u128,
    budget: &str,
    over: Option<&str>,
    f: &Formatter,
) -> String {
    let p = f.count(percent as u64);
    match over {
        Some(over) => f.tf(
            M::estimateOver,
            &[("percent", &p), ("budget", budget), ("over", over)],
        ),
        None => f.tf(M::estimateWithin, &[("percent", &p), ("budget", budget)]),
    }
}

/// How the estimate is made (its description).
pub fn estimate_method(start: &str, days: i64, f: &Formatter) -> String {
    f.tn(M::estimateMethod, days.max(0) as u64, &[("start", start)])
}

/// "62 % of the 80,000 CU budget used; at this rate the budget runs out on
/// Nov 26."
pub fn budget_line(
    percent: u128,
    budget: &str,
    state: Budget,
    day: &dyn Fn(i64) -> String,
    open: bool,
    f: &Formatter,
) -> String {
    let used = f.tf(
        M::budgetUsed,
        &[("percent", &f.count(percent as u64)), ("budget", budget)],
    );
    budget_tail(&used, state, day, open, f)
}

/// "{head}; the budget ran out on Nov 20." and the other endings.
fn budget_tail(
    head: &str,
    state: Budget,
    day: &dyn Fn(i64) -> String,
    open: bool,
    f: &Formatter,
) -> String {
    match state {
        Budget::RanOut(d) => f.tf(M::budgetRanOut, &[("head", head), ("day", &day(d))]),
        Budget::RunsOut(d) => f.tf(M::budgetRunsOut, &[("head", head), ("day", &day(d))]),
        Budget::Within if open => f.tf(M::budgetWithin, &[("head", head)]),
        Budget::Within => f.tf(M::budgetDone, &[("head", head)]),
    }
}

/// The budget line while filters narrow the runs: the budget is the
/// organization's, so the selection's share of it comes first and the
/// organization's own status after: "The selected runs used 3 % of the
/// organization's 25,000 CU budget; the organization has used 62 %, and at
/// this rate the budget runs out on Nov 26."
pub fn budget_line_for_selection(
    selection_percent: u128,
    org_percent: u128,
    budget: &str,
    org_state: Budget,
    day: &dyn Fn(i64) -> String,
    open: bool,
    f: &Formatter,
) -> String {
    let head = f.tf(
        M::budgetSelection,
        &[
            ("selection", &f.count(selection_percent as u64)),
            ("budget", budget),
            ("org", &f.count(org_percent as u64)),
        ],
    );
    match org_state {
        Budget::RanOut(d) => f.tf(M::budgetOrgRanOut, &[("head", &head), ("day", &day(d))]),
        Budget::RunsOut(d) => f.tf(M::budgetOrgRunsOut, &[("head", &head), ("day", &day(d))]),
        Budget::Within if open => f.tf(M::budgetOrgWithin, &[("head", &head)]),
        Budget::Within => f.tf(M::budgetDone, &[("head", &head)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Formatter {
        Formatter::plain(None)
    }

    #[test]
    fn estimates_against_the_budget() {
        assert_eq!(
            estimate_vs_budget(147, "25,000 CU", Some("11,700 CU ($23.40)"), &en()),
            "That is 147 % of the 25,000 CU budget: over by about 11,700 CU ($23.40)."
        );
        assert_eq!(
            estimate_vs_budget(80, "25,000 CU", None, &en()),
            "That is 80 % of the 25,000 CU budget."
        );
    }

    #[test]
    fn a_filtered_budget_line_speaks_for_the_organization() {
        assert_eq!(
            budget_line_for_selection(3, 62, "25,000 CU", Budget::RunsOut(3), &|d| format!("Nov {d}"), true, &en()),
            "The selected runs used 3 % of the organization's 25,000 CU budget; the organization has used 62 %, and at this rate the budget runs out on Nov 3."
        );
        assert_eq!(
            budget_line_for_selection(3, 40, "25,000 CU", Budget::Within, &|d| format!("Nov {d}"), true, &en()),
            "The selected runs used 3 % of the organization's 25,000 CU budget; the organization has used 40 %, and at this rate the month ends within budget."
        );
    }

    #[test]
    fn headlines() {
        let change = Versus::Change {
            percent: "+12.4 %".into(),
            previous: "42,986.10 CU".into(),
        };
        assert_eq!(
            headline("48,314.22 CU", "this month", "October", &change, &en()),
            "48,314.22 CU this month, +12.4 % vs October (42,986.10 CU)."
        );
        assert_eq!(
            headline("5 CU", "this month", "October", &Versus::Off, &en()),
            "5 CU this month."
        );
        assert_eq!(
            headline("5 CU", "this month", "October", &Versus::Zero, &en()),
            "5 CU this month; none in October."
        );
        assert_eq!(
            headline("5 CU", "this month", "October", &Versus::Unknown, &en()),
            "5 CU this month; October is not fully loaded, so there is no comparison."
        );
        // A period not (yet) fully loaded never shows a total.
        assert_eq!(
            headline_pending("November", None, Some("Nov 12"), &en()),
            "November is not fully loaded (runs back to Nov 12); its total shows once it is."
        );
        assert_eq!(
            headline_pending("November", Some("312 runs"), None, &en()),
            "Loading November: 312 runs so far…"
        );
        assert_eq!(
            headline_pending("Nov 22 – Nov 28", None, None, &en()),
            "Nov 22 – Nov 28 is not loaded; its total shows once it is."
        );
    }

    #[test]
    fn coverage_lines() {
        assert_eq!(
            period_coverage(
                "This month",
                Cover::Full,
                "Nov 1",
                None,
                "8,214 runs",
                0,
                &en()
            )
            .unwrap(),
            "This month: all 8,214 runs since Nov 1 loaded."
        );
        assert_eq!(
            period_coverage(
                "This month",
                Cover::BackTo(0),
                "Nov 1",
                Some("Nov 12"),
                "9 runs",
                0,
                &en()
            )
            .unwrap(),
            "Runs back to Nov 12 loaded; the period starts Nov 1."
        );
        assert_eq!(
            period_coverage("Last 7 days", Cover::Full, "Nov 22", None, "3 runs", 1, &en()).unwrap(),
            "Last 7 days: all runs since Nov 22 loaded; the totals cover the 3 runs that pass the filter."
        );
        assert_eq!(
            period_coverage("Today", Cover::Nothing, "Nov 1", None, "", 0, &en()),
            None
        );
    }

    #[test]
    fn budget_and_estimate_lines() {
        let day = |d: i64| format!("day {d}");
        assert_eq!(
            budget_line(62, "80,000 CU", Budget::RunsOut(26), &day, true, &en()),
            "62 % of the 80,000 CU budget used; at this rate the budget runs out on day 26."
        );
        assert_eq!(
            budget_line(104, "80,000 CU", Budget::RanOut(20), &day, false, &en()),
            "104 % of the 80,000 CU budget used; the budget ran out on day 20."
        );
        assert_eq!(
            budget_line(40, "80,000 CU", Budget::Within, &day, true, &en()),
            "40 % of the 80,000 CU budget used; at this rate the month ends within budget."
        );
        assert_eq!(
            budget_line(40, "80,000 CU", Budget::Within, &day, false, &en()),
            "40 % of the 80,000 CU budget used."
        );
        assert_eq!(
            estimate("this month", "71,000 CU", "Nov 30", &en()),
            "Projected for this month: 71,000 CU by Nov 30."
        );
        assert!(
            estimate_method("Nov 1", 30, &en()).contains("since Nov 1, times the period's 30 days")
        );
    }
}
