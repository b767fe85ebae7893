//! Whether the period (and its comparison) is loaded: "This month: all 8,214
//! runs since Nov 1 loaded." or "Runs back to Nov 12 loaded; the period
//! starts Nov 1." with a "Load runs back to Nov 1" button.

use crate::core::messages::M;
use crate::view::el::{button, h, El};

use crate::core::finance::period_coverage;
use crate::core::period::{short_date, ymd, Cover, Held};
use crate::view::table::use_table;

/// The period's coverage line, in `parent`.
pub fn coverage_view(parent: El) -> El {
    let t = use_table();
    let (state, period) = (t.state, t.period);
    let fmt = t.fmt();
    let back_to = move |today| super::back_to(t, today);
    let coverage = move || {
        let view = period.get()?;
        let (now, before) = (view.cover, view.previous_cover);
        let year = ymd(view.today).0;
        // The comparison needs its own period loaded too.
        let (needed, start) = match (before, view.previous) {
            (Some(b), Some(pp)) if now == Cover::Full && b != Cover::Full => (b, pp.from),
            _ => (now, view.period.from),
        };
        let runs = t.filtered.with(|f| f.len() as u64);
        let others = t.filter_count();
        let runs = fmt.tn(M::runCount, runs, &[]);
        // The period's own line, from its own start; a comparison that is
        // not loaded yet is said after it.
        let line = period_coverage(
            &view.preset.label(&fmt),
            now,
            &format!(
                "{} ({})",
                short_date(view.period.from, year, &fmt),
                fmt.zone()
            ),
            back_to(view.today).as_deref(),
            &runs,
            others,
            &fmt,
        )?;
        let line = if needed != now {
            let day = format!("{} ({})", short_date(start, year, &fmt), fmt.zone());
            fmt.tf(M::comparisonNeeds, &[("line", &line), ("day", &day)])
        } else {
            line
        };
        // The list begins inside (or after) a period compared: say where.
        let line = match view.list_begins {
            Some(day) if view.held() != Held::All || view.previous_held() != Held::All => {
                let day = format!("{} ({})", short_date(day, year, &fmt), fmt.zone());
                format!("{line} {}", fmt.tf(M::listBegins, &[("day", &day)]))
            }
            _ => line,
        };
        // Not while a walk runs, nor after one stopped at `maxRuns`: it
        // would stop at the cap again at once (its outcome line says so).
        let capped = state.load_all.with(|l| {
            matches!(
                l.outcome,
                Some(crate::load::walk::Outcome::Walk(
                    crate::load::walk::WalkEnd::Capped
                ))
            )
        });
        let offer = matches!(needed, Cover::BackTo(_) | Cover::NotFromHead)
            && !state.load_all.with(|l| l.running)
            && !capped;
        let label = fmt.tf(M::loadBackTo, &[("day", &short_date(start, year, &fmt))]);
        let p = h("p").class("cu-period-cover").text(&line);
        Some(vec![if offer {
            p.text(" ")
                .child(button("cu-btn cu-small", &label).on("click", move |_| t.load_all()))
        } else {
            p
        }])
    };
    parent.dyn_part(move || coverage().unwrap_or_default())
}
