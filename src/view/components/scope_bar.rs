//! Scope switch ("This page" / "All loaded runs"), "Load all runs" with its
//! progress bar and "Cancel", and how the last walk ended.

use super::load_progress::{load_progress, progress_announcer};
use crate::load::state::Scope;
use crate::load::walk::outcome_text;
use crate::view::el::{button, h, nothing, El};
use crate::view::table::use_table;

/// When the runs in scope were fetched, with the date and the zone (a
/// printout or a screenshot is read later): "Nov 28, 2026, 6:00 PM (UTC)"
/// (tracked).
pub fn as_of(t: crate::view::table::Table) -> Option<String> {
    let state = t.state;
    let ms = match state.scope.get() {
        Scope::Page => state.page_as_of.get(),
        Scope::All => state.all_as_of.get(),
    }?;
    let fmt = t.fmt();
    Some(format!(
        "{} ({})",
        fmt.date_time(ms as i64),
        fmt.display_zone()
    ))
}

/// The scope controls and "Load all runs".
pub fn scope_bar() -> El {
    let t = use_table();
    let state = t.state;
    let max_runs = t.with_config(|c| c.max_runs);
    let running = move || state.load_all.with(|l| l.running);
    let has_all = move || state.all.with(Option::is_some);
    let has_data = move || match state.scope.get() {
        Scope::Page => state.page.with(Option::is_some),
        Scope::All => has_all(),
    };
    let outcome_fmt = t.fmt();
    let as_of = move || Some(format!("As of {}", as_of(t)?));
    let pressed = move |scope: Scope| move || Some((state.scope.get() == scope).to_string());
    let title_fmt = t.fmt();
    // What it fetches: under a period, back to its start (or its comparison's).
    let load_title = move || {
        let back = t.load_back_to();
        let from = t.state.filters.with(|f| f.from.clone());
        let day = back.as_deref().and_then(crate::core::period::parse);
        let text = day.map(|d| crate::core::period::short_date(d, crate::core::period::ymd(d).0));
        let comparison = back.is_some() && back != from;
        Some(crate::core::sentences::load_all_title(
            &title_fmt.count(max_runs),
            text.as_deref().map(|d| (d, comparison)),
        ))
    };
    let load = move || {
        vec![button("cu-btn", "Load all runs")
            .dyn_attr("title", load_title.clone())
            .on("click", move |_| t.load_all())]
    };
    h("div")
        .class("cu-scope")
        .child(
            h("div")
                .class("cu-segmented")
                .attr("role", "group")
                .attr("aria-label", "Totals cover")
                .child(
                    button("", "This page")
                        .dyn_attr("aria-pressed", pressed(Scope::Page))
                        .on("click", move |_| t.set_scope(Scope::Page)),
                )
                .child(
                    button("", "All loaded runs")
                        .dyn_attr("aria-pressed", pressed(Scope::All))
                        .flag("disabled", move || !has_all())
                        .dyn_attr("title", move || {
                            Some(
                                if has_all() {
                                    ""
                                } else {
                                    "Use Load all runs first"
                                }
                                .to_owned(),
                            )
                        })
                        .on("click", move |_| t.set_scope(Scope::All)),
                ),
        )
        .show(running, load_progress, load)
        .show(
            move || !running() && state.load_all.with(|l| l.resumable),
            move || {
                vec![button("cu-btn cu-ghost", "Continue loading")
                    .on("click", move |_| t.continue_loading())]
            },
            nothing,
        )
        .show(
            move || !running() && has_data(),
            move || {
                vec![button("cu-btn cu-ghost", "Refresh")
                    .attr(
                        "title",
                        "Fetch runs that are new or finished since the data was fetched",
                    )
                    .on("click", move |_| t.refresh())]
            },
            nothing,
        )
        .show(
            move || state.refreshing.get(),
            move || {
                vec![button("cu-btn cu-ghost", "Cancel refresh")
                    .on("click", move |_| t.cancel_refresh())]
            },
            nothing,
        )
        .child(h("span").class("cu-muted cu-asof").dyn_text(move || {
            if state.refreshing.get() {
                "Refreshing…".to_owned()
            } else {
                as_of().unwrap_or_default()
            }
        }))
        .child(progress_announcer())
        .child(
            h("p")
                .class("cu-outcome")
                .attr("role", "status")
                .dyn_text(move || {
                    state.load_all.with(|l| {
                        l.outcome
                            .as_ref()
                            .filter(|_| !l.running)
                            .map(|outcome| {
                                outcome_text(outcome, l.loaded, max_runs, |n| outcome_fmt.count(n))
                            })
                            .unwrap_or_default()
                    })
                }),
        )
        .child(
            h("p")
                .class("cu-refresh-note")
                .attr("role", "status")
                .dyn_text(move || state.refresh_note.get().unwrap_or_default()),
        )
}
