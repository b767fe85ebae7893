//! "Load all runs" in progress: the progress bar with its text and
//! "Cancel", and the throttled screen-reader announcements.

use crate::core::messages::M;
use crate::view::el::{button, h, El, Els};

use crate::load::reactive::{Sig, Stored};
use crate::view::table::use_table;

/// How often load-all progress is announced to screen readers.
pub const PROGRESS_EVERY_MS: f64 = 5_000.0;

/// Whether a progress announcement is due `now`, the last one made at `last`.
pub fn progress_due(last: f64, now: f64) -> bool {
    now - last >= PROGRESS_EVERY_MS
}

/// The progress bar, its text and "Cancel" (shown while a walk runs).
pub fn load_progress() -> Els {
    let t = use_table();
    let (state, fmt) = (t.state, t.fmt());
    let max_runs = t.with_config(|c| c.max_runs);
    let text = move || fmt.tn(M::runsLoaded, state.load_all.with(|l| l.loaded), &[]);
    let bar_text = text.clone();
    vec![
        h("div")
            .class("cu-progress")
            .attr("role", "progressbar")
            .attr("aria-label", &t.say(M::loadingAllRuns))
            .attr("aria-valuemin", "0")
            .attr("aria-valuemax", &max_runs.to_string())
            .dyn_attr("aria-valuenow", move || {
                Some(state.load_all.with(|l| l.loaded).to_string())
            })
            .dyn_attr("aria-valuetext", move || Some(bar_text()))
            .child(h("span").class("cu-progress-bar")),
        h("span").class("cu-muted").dyn_text(text),
        button("cu-btn", &t.say(M::cancel)).on("click", move |_| t.cancel_loading()),
    ]
}

/// Screen readers hear the walk start, its progress at most every
/// [`PROGRESS_EVERY_MS`], and how it ended (the outcome line) — not every
/// page.
pub fn progress_announcer() -> El {
    let t = use_table();
    let (state, fmt) = (t.state, t.fmt());
    let announce = Sig::new(String::new());
    let last_announced: Stored<Option<f64>> = Stored::new(None);
    crate::load::effect::effect(move |_| {
        let (running, loaded) = state.load_all.with(|l| (l.running, l.loaded));
        if !running {
            last_announced.set_value(None);
            announce.set(String::new());
            return;
        }
        let now = js_sys::Date::now();
        match last_announced.get_value() {
            None => {
                last_announced.set_value(Some(now));
                announce.set(fmt.t(M::loadingAllRunsNow));
            }
            Some(last) if progress_due(last, now) => {
                last_announced.set_value(Some(now));
                announce.set(fmt.tn(M::runsLoaded, loaded, &[]));
            }
            Some(_) => {}
        }
    });
    h("p")
        .class("cu-sr-only")
        .attr("role", "status")
        .dyn_text(move || announce.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_announced_every_five_seconds_at_most() {
        assert!(!progress_due(1_000.0, 1_000.0));
        assert!(!progress_due(1_000.0, 5_999.0));
        assert!(progress_due(1_000.0, 6_000.0));
    }
}
