//! For a month: the ledger's figures (deposited, granted, used, the
//! balance at its end) and, once the month's runs are loaded, the
//! reconciliation: "Runs: … CU · Ledger: … CU used · Difference … CU (…)",
//! the table of days (`recon_table`) and its CSV export.

use crate::core::ledger::{month_summary, reconcile, RunsCover, RunsView};
use crate::core::ledger_text::{month_line, recon_line};
use crate::core::messages::M;
use crate::core::period::Cover;
use crate::load::state::Scope;
use crate::view::el::{button, h, El, Els};
use crate::view::table::{use_table, Table};

/// The month's ledger lines and reconciliation (tracked).
fn month_lines(t: Table) -> Option<Els> {
    let view = t.period.get()?;
    let month = super::month_of(&view)?;
    let data = t.state.ledger.get();
    if data.hidden {
        return None;
    }
    let usage = data.month(month)?;
    if let Some(why) = super::after_now(t, usage) {
        return Some(vec![h("p").class("cu-note").text(&why)]);
    }
    let f = t.fmt();
    let name = super::ledger_month_name(month, &f);
    let current = crate::load::ledger::this_month(&t.env());
    let summary = month_summary(
        usage,
        current,
        data.balance.map(|b| b.balance),
        &data.months,
    );
    let mut out = vec![h("p")
        .class("cu-ledger-month")
        .text(&month_line(&summary, &name, &f))];
    let loaded = t.state.scope.get() == Scope::All && view.cover == Cover::Full;
    let Some(set) = t.scope_set.get().filter(|_| loaded) else {
        let text = f.tf(M::reconNeedsRuns, &[("month", &name)]);
        out.push(h("p").class("cu-note").text(&text));
        return Some(out);
    };
    let indices: Vec<usize> = (0..set.set.len()).collect();
    // Read at the fixed `now` when set (the runs are as of it), else when fetched.
    let fetched = t.state.all_as_of.get();
    let read_at = t
        .with_config(|c| c.now_ms)
        .unwrap_or_else(|| fetched.map_or_else(|| js_sys::Date::now() as i64, |ms| ms as i64));
    let complete = t.state.load_all.with(|l| {
        matches!(
            l.outcome,
            Some(crate::load::walk::Outcome::Walk(
                crate::load::walk::WalkEnd::Complete { .. }
            ))
        )
    });
    let since = (!complete)
        .then(|| {
            (0..set.set.len())
                .filter_map(|i| set.set.started_ms(i))
                .min()
        })
        .flatten();
    let recon = reconcile(
        month,
        RunsView {
            set: &set.set,
            indices: &indices,
            cover: RunsCover { since, read_at },
        },
        usage,
    );
    let runs = f.tn(M::runCount, recon.total.runs as u64, &[]);
    out.push(
        h("p")
            .class("cu-recon-line")
            .text(&recon_line(&recon.total, &f)),
    );
    out.push(
        h("p")
            .class("cu-note")
            .text(&f.tf(M::reconCovers, &[("runs", &runs), ("month", &name)])),
    );
    out.push(super::recon_table::recon_table(t, &recon, &name));
    let file = crate::core::csv::file_name(
        &t.with_config(|c| c.org_id.clone()),
        "reconciliation",
        &month.key(),
    );
    let label = f.t(M::exportReconCsv);
    // The CSV is written when asked for, not on every render.
    out.push(button("cu-btn cu-ghost", &label).on("click", move |_| {
        let export = super::recon_table::recon_csv(&recon, &f);
        let _ = crate::view::components::export::download_csv(&file, &export);
    }));
    Some(out)
}

/// The month's ledger figures and its reconciliation, in `parent`.
pub fn reconciliation_view() -> El {
    let t = use_table();
    h("div")
        .class("cu-recon")
        .dyn_part(move || month_lines(t).unwrap_or_default())
}
