//! What finance asks of a period, one line per file: the headline figure
//! against the previous period (`headline`), whether the period is fully
//! loaded with an offer to load it (`coverage`), the period-end estimate
//! (`estimate`) and the budget (`budget`). Sentences from `crate::core::finance`;
//! arithmetic from `crate::core::period`. Nothing shows for a Custom period.

mod budget;
mod coverage;
mod estimate;
mod headline;
pub use headline::live;

use crate::view::el::{h, El};

use crate::core::cu::{CuTotal, Money};
use crate::core::period::{short_date, ymd, Day};
use crate::view::table::Table;

/// A CU figure, with its cost in parentheses when priced:
/// "48,314.2200 CU ($96.6284)".
pub fn figure(t: Table, cu: CuTotal, money: Money) -> String {
    let has_price = t.with_config(|c| c.price.is_some());
    let fmt = t.fmt();
    let cu = format!("{} CU", fmt.cu_total(cu));
    if has_price {
        format!("{cu} ({})", fmt.money(money))
    } else {
        cu
    }
}

/// The oldest start day among the runs in scope, as "Nov 12".
pub fn back_to(t: Table, today: Day) -> Option<String> {
    t.scope_set.with(|s| {
        let oldest = s
            .as_ref()?
            .set
            .day_names
            .iter()
            .filter_map(|d| crate::core::period::parse(d))
            .min()?;
        Some(short_date(oldest, ymd(today).0, &t.fmt()))
    })
}

/// The period lines (and the loading of a chosen period's runs).
pub fn period_summary() -> El {
    load_chosen_period(crate::view::table::use_table());
    h("div")
        .class("cu-period")
        .with(headline::headline_view)
        .with(coverage::coverage_view)
        .with(estimate::estimate_view)
        .child(budget::budget_line_view())
}

/// A preset period loads its runs by itself: when one is chosen (by the
/// option, the URL or the select) and its runs, or its comparison's, are
/// not all loaded, "Load all runs" starts, back to the period's start and
/// bounded by `maxRuns` (its outcome line says where it stopped). Once per
/// choice: after "Cancel" it waits for another period to be chosen. The
/// period the table mounts with (the option's or the URL's) loads at once;
/// a choice made after [`CHOICE_SETTLES_MS`], so arrowing through the
/// Period select starts one walk, not one per step.
pub fn load_chosen_period(t: Table) {
    let tried: std::rc::Rc<std::cell::Cell<Option<Key>>> = std::rc::Rc::default();
    // The period mounted with, while it stands: loaded at once.
    let initial = std::rc::Rc::new(std::cell::Cell::new(Some(t.state.period.get_untracked())));
    let pending = crate::load::reactive::Stored::new(None::<leptos::prelude::TimeoutHandle>);
    let cancel = move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
        pending.try_set_value(None);
    };
    leptos::prelude::on_cleanup(cancel);
    crate::load::effect::effect(move |_| {
        let Some(view) = t.period.get() else {
            tried.set(None);
            t.state.period_walked.try_set(None);
            // Custom: a period chosen from here on is a choice.
            initial.set(None);
            return;
        };
        let running = t.state.load_all.with(|l| l.running);
        let has_page = t.state.page.with(Option::is_some);
        let key = view.key();
        if view.needs_runs() && !running && has_page && tried.get() != Some(key) {
            tried.set(Some(key));
            cancel();
            // This choice's walk has not begun (a period chosen again, or
            // another chosen meanwhile, waits for its own).
            t.state.period_walked.set(None);
            if initial.take() == Some(view.preset) {
                t.state.period_walked.set(Some(key));
                t.load_all();
                return;
            }
            // Still the choice, and still not loading, once it settles.
            let handle = leptos::prelude::set_timeout_with_handle(
                move || {
                    pending.try_set_value(None);
                    let still = t
                        .period
                        .try_get_untracked()
                        .flatten()
                        .is_some_and(|v| v.key() == key);
                    // (`still`: the table is alive, so its state is too.)
                    if still {
                        t.state.period_walked.set(Some(key));
                        if !t.state.load_all.with_untracked(|l| l.running) {
                            t.load_all();
                        }
                    }
                },
                std::time::Duration::from_millis(CHOICE_SETTLES_MS),
            )
            .ok();
            pending.set_value(handle);
        }
    });
}

/// A chosen period: its preset and first day.
type Key = (crate::core::period::Preset, Day);

/// How long a newly chosen period waits before it loads its runs.
pub const CHOICE_SETTLES_MS: u64 = 400;
