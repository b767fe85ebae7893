//! The headline: "48,314.2200 CU this month, +12.4 % vs October (42,986.1000 CU)."

use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::view::el::{h, El};

use crate::core::compare::{Lookup, Prev};
use crate::core::finance::{headline, headline_pending, Versus};
use crate::core::period::{
    day_range, named_range, period_name, previous_name, short_date, ymd, Change, Cover, Held,
    Period,
};
use crate::load::state::Scope;
use crate::view::table::{use_table, PeriodView, Table};

/// What the period is compared with: the previous period, or its same
/// part to the same time ("Oct 1 – Oct 28, 12:00"); empty without one.
/// When the runs list begins inside the previous period, the days it
/// holds of it: "Sep 27 – Sep 30".
fn previous_label(view: &PeriodView, f: &Formatter) -> String {
    let (Some(pp), Some(mut part)) = (view.previous, view.compared_previous()) else {
        return String::new();
    };
    if let Held::From(day) = view.previous_held() {
        part.from = day;
    }
    let year = ymd(view.today).0;
    match view.previous_until {
        // The same part of the previous period, to the same time elapsed
        // since its midnight: named by its days and the billing zone's
        // clock at that instant (an hour off today's when a clock changed
        // on either day).
        Some((_, cut)) => {
            let clock = cut + i64::from(f.zone_offset_minutes(cut)) * 60_000;
            format!(
                "{}, {}",
                day_range(part, year, f),
                crate::core::period::hh_mm(clock.rem_euclid(crate::core::period::DAY_MS))
            )
        }
        None if part != pp => named_range(part, year, f),
        None => previous_name(view.preset, pp, view.today, f),
    }
}

/// The headline of a month from the usage ledger (tracked): `None` unless
/// the period is a calendar month the ledger holds, with no use after
/// today (the `now` option's day, or the clock's).
fn ledger_headline_text(t: Table, view: &PeriodView) -> Option<String> {
    let month = crate::view::components::ledger::month_of(view)?;
    let data = t.state.ledger.get();
    if data.hidden {
        return None;
    }
    let usage = data.month(month)?;
    let previous = month.offset(-1).and_then(|m| data.month(m));
    let today = crate::core::ledger::utc_day(
        t.with_config(|c| c.now_ms)
            .unwrap_or_else(|| js_sys::Date::now() as i64),
    );
    // Use after `now` (a `now` in the past): not this period's figure.
    if usage.used_after(today) {
        return None;
    }
    let head = crate::core::ledger::ledger_headline(usage, previous, today);
    let fmt = t.fmt();
    let price = t.with_config(crate::load::config::Config::per_cu);
    let money = |cu| price.map(|p| p.cost_of(cu)).unwrap_or_default();
    // The ledger's month is UTC's: under another billing zone, named so.
    let name = if fmt.zone() == "UTC" {
        format!(
            "{} (UTC)",
            period_name(view.preset, view.period, view.today, &fmt)
        )
    } else {
        let month_days = named_range(month.period(), ymd(view.today).0, &fmt);
        format!("{} (UTC)", fmt.tf(M::inRange, &[("range", &month_days)]))
    };
    let total = super::figure(t, head.total, money(head.total));
    let year = ymd(view.today).0;
    let range = |from, to| named_range(crate::core::period::Period { from, to }, year, &fmt);
    Some(match (head.change, head.previous, view.previous) {
        (
            Change::Delta {
                tenths: Some(pct), ..
            },
            Some(prev),
            Some(pp),
        ) => {
            let percent = fmt.signed_percent(pct);
            let previous = super::figure(t, prev, money(prev));
            match head.current_through {
                // In progress: whole days on both sides, each side named.
                Some(through) => fmt.tf(
                    M::headlineLedgerChangeDays,
                    &[
                        ("total", &total),
                        ("name", &name),
                        ("currentName", &range(month.first_day(), through)),
                        (
                            "current",
                            &super::figure(t, head.current, money(head.current)),
                        ),
                        ("percent", &percent),
                        (
                            "previousName",
                            &head.previous_through.map_or_else(
                                || previous_name(view.preset, pp, view.today, &fmt),
                                |day| range(pp.from, day),
                            ),
                        ),
                        ("previous", &previous),
                    ],
                ),
                None => fmt.tf(
                    M::headlineLedgerChange,
                    &[
                        ("total", &total),
                        ("name", &name),
                        ("percent", &percent),
                        ("previousName", &previous_label(view, &fmt)),
                        ("previous", &previous),
                    ],
                ),
            }
        }
        _ => fmt.tf(M::headlineLedger, &[("total", &total), ("name", &name)]),
    })
}

/// The headline figure of the period and its comparison, added to
/// `parent`: a live region, quiet while its runs load.
pub fn headline_view(parent: El) -> El {
    let t = use_table();
    let (period, subtotals, previous) = (t.period, t.subtotals, t.previous);
    let fmt = t.fmt();
    let figure = move |cu, money| super::figure(t, cu, money);
    let back_to = move |today| super::back_to(t, today);
    let head = move || {
        let view = period.get()?;
        // The period's days are the billing zone's: said once per sentence.
        let zone = fmt.zone().to_owned();
        let range = || {
            format!(
                "{} ({zone})",
                named_range(view.period, ymd(view.today).0, &fmt)
            )
        };
        // A month the ledger holds, while its runs are not (all) loaded:
        // its figures from the ledger, at once.
        let loaded = t.state.scope.get() == Scope::All && view.cover == Cover::Full;
        if !loaded {
            if let Some(line) = ledger_headline_text(t, &view) {
                return Some(line);
            }
        }
        // While its runs load, the period shows progress, not a total.
        if let Some(n) = t.state.load_all.with(|l| l.running.then_some(l.loaded)) {
            let runs = fmt.tn(M::runCount, n, &[]);
            return Some(headline_pending(&range(), Some(&runs), None, &fmt));
        }
        // A period's total is the loaded runs', never one page's.
        if t.state.scope.get() == Scope::Page {
            return None;
        }
        let now = view.cover;
        if now != Cover::Full {
            let since = back_to(view.today).filter(|_| now != Cover::NotFromHead);
            return Some(headline_pending(&range(), None, since.as_deref(), &fmt));
        }
        let year = ymd(view.today).0;
        // The zone is said once per sentence: by `range` and `name`.
        let begins = |day| short_date(day, year, &fmt);
        let name = match view.held() {
            // The list holds none of the period: no total to give.
            Held::Nothing => {
                return Some(fmt.tf(
                    M::headlineNoneHeld,
                    &[("range", &range()), ("day", &begins(view.list_begins?))],
                ))
            }
            // Its days from the list's first: the total is theirs.
            Held::From(day) => fmt.tf(
                M::inRange,
                &[(
                    "range",
                    &named_range(
                        Period {
                            from: day,
                            to: view.period.to.min(view.today),
                        },
                        year,
                        &fmt,
                    ),
                )],
            ),
            Held::All => period_name(view.preset, view.period, view.today, &fmt),
        };
        let s = subtotals.get();
        if view.previous_held() == Held::Nothing {
            return Some(fmt.tf(
                M::headlinePreviousNotHeld,
                &[
                    ("total", &figure(s.total.cu, s.total.cost)),
                    ("name", &format!("{name} ({zone})")),
                    ("day", &begins(view.list_begins?)),
                    ("previousName", &previous_label(&view, &fmt)),
                ],
            ));
        }
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
        Some(headline(
            &figure(s.total.cu, s.total.cost),
            &format!("{name} ({zone})"),
            &previous_label(&view, &fmt),
            &versus,
            &fmt,
        ))
    };
    // Quiet ("aria-live: off") while a chosen period's walk is due or runs:
    // "Loading … 300 runs so far", or the ledger's figure until then, is
    // only shown (the walk's progress is said every 5 s by its own region);
    // the figure is said once its runs are in.
    let busy = move || t.coming.get();
    parent.child(
        h("p")
            .class("cu-headline")
            .dyn_attr("aria-live", move || Some(live(busy())))
            .dyn_text(move || head().unwrap_or_default()),
    )
}

/// A live line's `aria-live`: "off" while `busy`, else "polite".
pub fn live(busy: bool) -> String {
    if busy { "off" } else { "polite" }.to_owned()
}
