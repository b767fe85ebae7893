//! The sentences of a period: the headline figure and its comparison, the
//! period's coverage, the period-end estimate and the budget. Pure
//! functions of plain data; figures come in formatted for the locale.

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
pub fn headline_pending(range: &str, loading: Option<&str>, loaded_since: Option<&str>) -> String {
    match (loading, loaded_since) {
        (Some(runs), _) => format!("Loading {range}: {runs} so far…"),
        (None, Some(since)) => format!(
            "{range} is not fully loaded (runs back to {since}); its total shows once it is."
        ),
        (None, None) => format!("{range} is not loaded; its total shows once it is."),
    }
}

/// "48,314.22 CU this month, +12.4 % vs October (42,986.10 CU)." The
/// period must be fully loaded ([`headline_pending`] otherwise).
pub fn headline(total: &str, name: &str, prev_name: &str, versus: &Versus) -> String {
    match versus {
        Versus::Off => format!("{total} {name}."),
        Versus::Unknown => {
            format!("{total} {name}; {prev_name} is not fully loaded, so there is no comparison.")
        }
        Versus::Zero => format!("{total} {name}; none in {prev_name}."),
        Versus::Change { percent, previous } => {
            format!("{total} {name}, {percent} vs {prev_name} ({previous}).")
        }
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
) -> Option<String> {
    Some(match cover {
        Cover::Full if others == 0 => format!("{label}: all {runs} since {start} loaded."),
        Cover::Full => format!(
            "{label}: all runs since {start} loaded; the totals cover the {runs} that pass {}.",
            if others == 1 {
                "the filter".to_owned()
            } else {
                format!("the {others} filters")
            }
        ),
        Cover::BackTo(_) => format!(
            "Runs back to {} loaded; the period starts {start}.",
            back_to.unwrap_or("?")
        ),
        Cover::NotFromHead => {
            "This page is not the newest, so the period is not covered: load all runs to cover it."
                .to_owned()
        }
        Cover::Nothing => return None,
    })
}

/// The estimate line: "Projected for this month: 71,000.0000 CU by Nov 30."
pub fn estimate(name: &str, figure: &str, end: &str) -> String {
    format!("Projected for {name}: {figure} by {end}.")
}

/// The estimate's range from the daily spread: "Between 61,000.0000 CU
/// and 83,000.0000 CU at the lowest and highest daily use so far."
pub fn estimate_range(low: &str, high: &str) -> String {
    format!("Between {low} and {high} at the lowest and highest daily use so far.")
}

/// The estimate against the month's budget: "That is 147 % of the 25,000
/// CU budget: over by about 11,700 CU ($23.40)." `over` is the amount past
/// the budget (`None` when within it).
pub fn estimate_vs_budget(percent: u128, budget: &str, over: Option<&str>) -> String {
    match over {
        Some(over) => format!("That is {percent} % of the {budget} budget: over by about {over}."),
        None => format!("That is {percent} % of the {budget} budget."),
    }
}

/// How the estimate is made (its description).
pub fn estimate_method(start: &str, days: i64) -> String {
    format!(
        "Estimate method: the CU so far divided by the time elapsed since {start}, times the period's {days} {} (runs in progress count with their CU so far). The range adds, for the time left, the lowest and the highest CU of a whole day so far (a day without runs counts as 0).",
        if days == 1 { "day" } else { "days" }
    )
}

/// "62 % of the 80,000 CU budget used; at this rate the budget runs out on
/// Nov 26."
pub fn budget_line(
    percent: u128,
    budget: &str,
    state: Budget,
    day: &dyn Fn(i64) -> String,
    open: bool,
) -> String {
    let used = format!("{percent} % of the {budget} budget used");
    match state {
        Budget::RanOut(d) => format!("{used}; the budget ran out on {}.", day(d)),
        Budget::RunsOut(d) => format!("{used}; at this rate the budget runs out on {}.", day(d)),
        Budget::Within if open => format!("{used}; at this rate the month ends within budget."),
        Budget::Within => format!("{used}."),
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
) -> String {
    let head = format!(
        "The selected runs used {selection_percent} % of the organization's {budget} budget; the organization has used {org_percent} %"
    );
    match org_state {
        Budget::RanOut(d) => format!("{head}, and the budget ran out on {}.", day(d)),
        Budget::RunsOut(d) => format!(
            "{head}, and at this rate the budget runs out on {}.",
            day(d)
        ),
        Budget::Within if open => format!("{head}, and at this rate the month ends within budget."),
        Budget::Within => format!("{head}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_against_the_budget() {
        assert_eq!(
            estimate_vs_budget(147, "25,000 CU", Some("11,700 CU ($23.40)")),
            "That is 147 % of the 25,000 CU budget: over by about 11,700 CU ($23.40)."
        );
        assert_eq!(
            estimate_vs_budget(80, "25,000 CU", None),
            "That is 80 % of the 25,000 CU budget."
        );
    }

    #[test]
    fn a_filtered_budget_line_speaks_for_the_organization() {
        assert_eq!(
            budget_line_for_selection(3, 62, "25,000 CU", Budget::RunsOut(3), &|d| format!("Nov {d}"), true),
            "The selected runs used 3 % of the organization's 25,000 CU budget; the organization has used 62 %, and at this rate the budget runs out on Nov 3."
        );
        assert_eq!(
            budget_line_for_selection(3, 40, "25,000 CU", Budget::Within, &|d| format!("Nov {d}"), true),
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
            headline("48,314.22 CU", "this month", "October", &change),
            "48,314.22 CU this month, +12.4 % vs October (42,986.10 CU)."
        );
        assert_eq!(
            headline("5 CU", "this month", "October", &Versus::Off),
            "5 CU this month."
        );
        assert_eq!(
            headline("5 CU", "this month", "October", &Versus::Zero),
            "5 CU this month; none in October."
        );
        assert_eq!(
            headline("5 CU", "this month", "October", &Versus::Unknown),
            "5 CU this month; October is not fully loaded, so there is no comparison."
        );
        // A period not (yet) fully loaded never shows a total.
        assert_eq!(
            headline_pending("November", None, Some("Nov 12")),
            "November is not fully loaded (runs back to Nov 12); its total shows once it is."
        );
        assert_eq!(
            headline_pending("November", Some("312 runs"), None),
            "Loading November: 312 runs so far…"
        );
        assert_eq!(
            headline_pending("Nov 22 – Nov 28", None, None),
            "Nov 22 – Nov 28 is not loaded; its total shows once it is."
        );
    }

    #[test]
    fn coverage_lines() {
        assert_eq!(
            period_coverage("This month", Cover::Full, "Nov 1", None, "8,214 runs", 0).unwrap(),
            "This month: all 8,214 runs since Nov 1 loaded."
        );
        assert_eq!(
            period_coverage(
                "This month",
                Cover::BackTo(0),
                "Nov 1",
                Some("Nov 12"),
                "9 runs",
                0
            )
            .unwrap(),
            "Runs back to Nov 12 loaded; the period starts Nov 1."
        );
        assert_eq!(
            period_coverage("Last 7 days", Cover::Full, "Nov 22", None, "3 runs", 1).unwrap(),
            "Last 7 days: all runs since Nov 22 loaded; the totals cover the 3 runs that pass the filter."
        );
        assert_eq!(
            period_coverage("Today", Cover::Nothing, "Nov 1", None, "", 0),
            None
        );
    }

    #[test]
    fn budget_and_estimate_lines() {
        let day = |d: i64| format!("day {d}");
        assert_eq!(
            budget_line(62, "80,000 CU", Budget::RunsOut(26), &day, true),
            "62 % of the 80,000 CU budget used; at this rate the budget runs out on day 26."
        );
        assert_eq!(
            budget_line(104, "80,000 CU", Budget::RanOut(20), &day, false),
            "104 % of the 80,000 CU budget used; the budget ran out on day 20."
        );
        assert_eq!(
            budget_line(40, "80,000 CU", Budget::Within, &day, true),
            "40 % of the 80,000 CU budget used; at this rate the month ends within budget."
        );
        assert_eq!(
            budget_line(40, "80,000 CU", Budget::Within, &day, false),
            "40 % of the 80,000 CU budget used."
        );
        assert_eq!(
            estimate("this month", "71,000 CU", "Nov 30"),
            "Projected for this month: 71,000 CU by Nov 30."
        );
        assert!(estimate_method("Nov 1", 30).contains("since Nov 1, times the period's 30 days"));
    }
}
