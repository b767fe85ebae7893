//! "CU per day" (or week, or month: "Granularity"): the CU of the runs in
//! scope, stacked by the top five groups (workflows, or triggers, or
//! statuses) plus "Other", by days of the billing time zone
//! (`billingTimeZone`); with a monthly budget and a month chosen, the
//! cumulative line against the budget. One path per series (tens of shapes
//! at any N). Hovering a day, or moving along the days with
//! the arrow keys, shows its total and breakdown; Escape hides it.

use super::chart_head::chart_head;
use super::daily_figures::daily_figures;
use super::daily_plot::daily_plot;
use super::granularity::granularity_select;
use crate::core::charts::{daily, day_detail, Daily, Shape};
use crate::core::messages::M;
use crate::load::reactive::{Derived, Sig};
use crate::load::state::Shared;
use crate::view::el::{h, nothing, El, Els};
use crate::view::table::{use_table, Table};

/// The month the chart shows from the usage ledger (tracked): a calendar
/// month the ledger holds, with no use after today (see
/// `Usage::used_after`), while its runs are not (all) loaded.
fn ledger_month(t: Table) -> Option<crate::core::ledger::YearMonth> {
    let view = t.period.get()?;
    let loaded = t.state.scope.get() == crate::load::state::Scope::All
        && view.cover == crate::core::period::Cover::Full;
    let month = super::ledger::month_of(&view).filter(|_| !loaded)?;
    let today = today(t);
    t.state.ledger.with(|d| {
        (!d.hidden && d.month(month).is_some_and(|u| !u.used_after(today))).then_some(month)
    })
}

/// Today in UTC (the ledger's days): the `now` option's, or the clock's.
fn today(t: Table) -> crate::core::period::Day {
    let now = t
        .with_config(|c| c.now_ms)
        .unwrap_or_else(|| js_sys::Date::now() as i64);
    crate::core::ledger::utc_day(now)
}

/// A month's use from the usage ledger, by day and node category, while
/// the month's runs are not (all) loaded (tracked; `None` otherwise).
fn ledger_data(t: Table, granularity: crate::core::period::Granularity) -> Option<Daily> {
    let month = ledger_month(t)?;
    let data = t.state.ledger.get();
    let usage = data.month(month)?;
    let mut d = crate::core::ledger::ledger_daily(usage, today(t), granularity, t.week_start);
    for (i, series) in d.series.iter_mut().enumerate() {
        series.colour = i;
    }
    Some(d)
}

/// The chart's data: the runs in scope and filtered, by day and by the top
/// groups of the subtotals, with the groups' names and colours; for a
/// month whose runs are not loaded, the usage ledger's days.
fn chart_data(t: Table) -> Derived<Shared<Daily>> {
    // The top workflows of the subtotals give the series.
    let (scope_set, filtered, subtotals, state) = (t.scope_set, t.filtered, t.subtotals, t.state);
    Derived::new(move || {
        if let Some(d) = ledger_data(t, state.granularity.get()) {
            return Shared::new(d);
        }
        let shape = Shape {
            group: state.group.get(),
            granularity: state.granularity.get(),
            week_start: t.week_start,
        };
        let mut d = scope_set.with(|s| {
            filtered.with(|f| {
                subtotals.with(|st| {
                    s.as_ref()
                        .map(|l| daily(&l.set, f, st, shape))
                        .unwrap_or_default()
                })
            })
        });
        for series in &mut d.series {
            if let Some(key) = &series.key {
                series.name = t.label(shape.group, key);
                series.colour = t.colour(shape.group, key);
            }
        }
        Shared::new(d)
    })
}

/// "CU per day" (the unit follows Granularity) and the zone.
fn heading(t: Table, zone: &str) -> El {
    let state = t.state;
    let zone = zone.to_owned();
    h("h3")
        .dyn_text(move || {
            let unit = crate::core::charts::unit_word(state.granularity.get(), &t.fmt());
            t.fmt().tf(M::perUnit, &[("unit", &unit)])
        })
        .text(" ")
        .child(h("span").class("cu-muted").dyn_text(move || {
            // The usage ledger's days are UTC's.
            let zone = if ledger_month(t).is_some() {
                "UTC"
            } else {
                zone.as_str()
            };
            t.fmt().tf(M::zoneParens, &[("zone", zone)])
        }))
        .child(h("span").class("cu-muted").dyn_text(move || {
            ledger_month(t)
                .map(|_| format!(" {}", t.say(M::fromLedger)))
                .unwrap_or_default()
        }))
}

/// The picked day's total and breakdown, or how to pick one.
fn detail_line(t: Table, chart: Derived<Shared<Daily>>, active: Sig<Option<usize>>) -> Els {
    let detail = move || {
        let i = active.get()?;
        Some(chart.with(|d| day_detail(d, i, &t.fmt())))
    };
    vec![h("p")
        .class("cu-day-detail")
        .dyn_text(move || detail().unwrap_or_else(|| t.say(M::dayHint)))]
}

/// What the chart leaves out: undated runs, and days before the ones drawn.
fn notes(t: Table, chart: Derived<Shared<Daily>>) -> Els {
    chart.with(|d| {
        let parts = {
            let f = t.fmt();
            crate::core::sentences::day_chart_notes(
                d.undated as u64,
                d.earlier as u64,
                crate::core::charts::MAX_DAYS,
                &f,
            )
        };
        if parts.is_empty() {
            Vec::new()
        } else {
            vec![h("p").class("cu-note").text(&parts.join(" "))]
        }
    })
}

/// The stacked day chart.
pub fn daily_chart() -> El {
    let t = use_table();
    let (fmt, uid) = (t.fmt(), t.uid());
    let as_table = Sig::new(false);
    let active: Sig<Option<usize>> = Sig::new(None);
    let chart = chart_data(t);
    // The budget line: a monthly budget, with a month chosen.
    let budget = t.with_config(|c| c.budget_cu);
    // A new data set starts with no day picked.
    crate::load::effect::effect(move |_| {
        chart.track();
        active.set(None);
    });
    let zone = fmt.zone().to_owned();
    let heading_id = format!("{uid}-days-title");
    // Every closure below captures only `Copy` handles, so the nested `Show`s
    // can rebuild their children without cloning.
    let has_days = move || chart.with(|d| !d.days.is_empty());
    // The plot (or "No dated runs"), then its detail line; or the figures
    // table in their place.
    h("figure")
        .class("cu-chart")
        .attr("aria-labelledby", &heading_id)
        .child(chart_head(&heading_id, as_table, heading(t, &zone)))
        .child(granularity_select())
        .show(
            move || !as_table.get() && has_days(),
            move || vec![daily_plot(chart, active, budget)],
            nothing,
        )
        .show(
            move || !as_table.get() && !has_days(),
            move || vec![h("p").class("cu-empty").text(&t.say(M::noDatedRuns))],
            nothing,
        )
        .show(
            move || !as_table.get(),
            move || detail_line(t, chart, active),
            move || vec![daily_figures(chart)],
        )
        .dyn_part(move || notes(t, chart))
}
