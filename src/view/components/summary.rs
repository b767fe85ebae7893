//! Which runs the totals cover, and notes on runs in progress or without a
//! valid CU value (sentences from `crate::core::sentences`).

use crate::core::sentences::{coverage, invalid_note, partial_note};
use crate::load::state::Scope;
use crate::view::el::{h, El};
use crate::view::table::use_table;

/// The coverage line and its notes.
pub fn summary() -> El {
    let t = use_table();
    let (state, scope_set, filtered, subtotals) = (t.state, t.scope_set, t.filtered, t.subtotals);
    let fmt = t.fmt();
    let line_fmt = fmt.clone();
    let line = move || {
        let Some(total) = scope_set.with(|s| s.as_ref().map(|l| l.set.len())) else {
            return String::new();
        };
        let shown = filtered.with(|f| f.len());
        let active = t.filter_count();
        let period = t
            .days_are_period()
            .then(|| state.period.get().label(&line_fmt));
        coverage(
            state.scope.get() == Scope::All,
            shown as u64,
            total as u64,
            active,
            period.as_deref(),
            &line_fmt,
        )
    };
    let notes = move || {
        let s = subtotals.get();
        let invalid = s.total.invalid_runs() as u64;
        let partial = s.total.in_progress as u64;
        let mut notes = Vec::new();
        if invalid > 0 {
            notes.push(
                h("p")
                    .class("cu-note cu-warn")
                    .text(&invalid_note(invalid, &fmt)),
            );
        }
        if partial > 0 {
            notes.push(h("p").class("cu-note").text(&partial_note(partial, &fmt)));
        }
        notes
    };
    // Quiet while a walk runs or a chosen period's walk is due: the
    // page's "0 of 20 runs" on the way is only shown; the line is said
    // once the runs are in.
    let busy = move || t.coming.get();
    h("div")
        .class("cu-summary")
        .child(
            h("p")
                .class("cu-coverage")
                .dyn_attr("aria-live", move || Some(super::period::live(busy())))
                .dyn_text(line),
        )
        .dyn_part(notes)
}
