//! The header a printout starts with (hidden on screen): the period and
//! its zone, "as of", the filters, and how much of the run list is printed
//! (sentences from `crate::core::sentences::print_header`).

use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::period::{medium_date, parse, short_date, ymd};
use crate::core::sentences::{filter_chips, print_header, PrintFacts};
use crate::load::state::Scope;
use crate::load::walk::Outcome;
use crate::view::el::{h, El};
use crate::view::table::use_table;

/// "Nov 1 – Nov 30, 2026" (one day: "Nov 28, 2026").
fn days_text(from: &str, to: &str, fmt: &Formatter) -> String {
    let range = |a: &str, b: &str| fmt.tf(M::dateRange, &[("from", a), ("to", b)]);
    match (parse(from), parse(to)) {
        (Some(f), Some(t)) if f == t => short_date(t, -1, fmt),
        (Some(f), Some(t)) => range(&short_date(f, ymd(t).0, fmt), &short_date(t, -1, fmt)),
        _ => range(from, to),
    }
}

/// The print-only header.
pub fn print_head() -> El {
    let t = use_table();
    let fmt = t.fmt();
    let lines = move || {
        let state = t.state;
        let days = state.filters.with(|f| match (&f.from, &f.to) {
            (Some(a), Some(b)) => Some(days_text(a, b, &fmt)),
            (Some(a), None) => Some(fmt.tf(M::fromDay, &[("day", &medium_date(a, &fmt))])),
            (None, Some(b)) => Some(fmt.tf(M::toDay, &[("day", &medium_date(b, &fmt))])),
            (None, None) => None,
        });
        let filters = t
            .names
            .with_value(|names| filter_chips(&t.user_filters(), names, &fmt));
        let preset = t.days_are_period().then(|| state.period.get().label(&fmt));
        let facts = PrintFacts {
            preset: preset.as_deref(),
            days,
            zone: fmt.zone(),
            as_of: super::scope_bar::as_of(t),
            filters,
            all_loaded: state.scope.get() == Scope::All,
            listed: t.visible.with(|v| v.len()) as u64,
            first: state.view_offset.get() as u64 + 1,
            covered: t.filtered.with(|f| f.len()) as u64,
            partial: state.load_all.with(|l| {
                l.outcome.is_some()
                    && !l.complete
                    && !matches!(l.outcome, Some(Outcome::ByDate(..)))
            }),
        };
        print_header(&facts, &fmt)
            .into_iter()
            .map(|line| h("p").text(&line))
            .collect()
    };
    h("div").class("cu-print-head").dyn_part(lines)
}
