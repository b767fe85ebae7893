//! The headline: "48,314.2200 CU this month, +12.4 % vs October (42,986.1000 CU)."

use crate::el::{h, El};

use crate::compare::{Lookup, Prev};
use crate::finance::{headline, Versus};
use crate::period::{period_name, previous_name, Change, Cover};
use crate::table::use_table;

/// The headline figure of the period and its comparison.
pub fn headline_view() -> El {
    let t = use_table();
    let (period, subtotals, previous) = (t.period, t.subtotals, t.previous);
    let fmt = t.fmt();
    let figure = move |cu, money| super::figure(t, cu, money);
    let back_to = move |today| super::back_to(t, today);
    let head = move || {
        let view = period.get()?;
        let now = view.cover;
        let full = now == Cover::Full;
        let s = subtotals.get();
        let p = previous.get();
        let look = Lookup::new(Option::as_ref(&*p.0));
        let versus = match (view.previous, look.total()) {
            (None, _) => Versus::Off,
            (Some(_), Prev::Unknown) => Versus::Unknown,
            (Some(_), prev) => match prev.cu_change(s.total.cu) {
                Change::Delta {
                    tenths: Some(pct), ..
                } => Versus::Change {
                    percent: fmt.signed_percent(pct),
                    previous: match prev {
                        Prev::Was(w) => figure(w.cu, w.cost),
                        _ => String::new(),
                    },
                },
                _ => Versus::Zero,
            },
        };
        let since = back_to(view.today);
        Some(headline(
            &figure(s.total.cu, s.total.cost),
            &period_name(view.preset, view.period, view.today),
            full,
            since.as_deref().filter(|_| now != Cover::NotFromHead),
            &view
                .previous
                .map(|pp| previous_name(view.preset, pp, view.today))
                .unwrap_or_default(),
            &versus,
        ))
    };
    h("p")
        .class("cu-headline")
        .attr("aria-live", "polite")
        .dyn_text(move || head().unwrap_or_default())
}
