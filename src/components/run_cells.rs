//! The cells of a runs-table row: one function per kind of value, each
//! returning plain views (rows are rebuilt per page, so no reactive closures).

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::api::{Run, RunStatus};
use crate::config::Price;
use crate::format::Formatter;
use crate::labels::trigger_label;
use crate::sort::Column;
use crate::time::format_duration_ms;

/// The CSS class of a status badge (known statuses only: raw API text never
/// becomes a class name).
fn status_class(status: &RunStatus) -> &'static str {
    match status {
        RunStatus::Running => "cu-status-running",
        RunStatus::Waiting => "cu-status-waiting",
        RunStatus::Success => "cu-status-success",
        RunStatus::Failure => "cu-status-failure",
        RunStatus::Cancelled => "cu-status-cancelled",
        RunStatus::Partial => "cu-status-partial",
        RunStatus::Other(_) => "cu-status-other",
    }
}

/// A time cell: the formatted text (when the value parsed), the value as
/// sent on hover, or the raw text marked invalid.
fn time_cell(text: Option<&str>, raw: Option<&str>) -> AnyView {
    match (raw, text) {
        (Some(raw), Some(text)) => {
            view! { <time datetime=raw.to_owned() title=raw.to_owned()>{text.to_owned()}</time> }
                .into_any()
        }
        (Some(raw), None) if !raw.is_empty() => {
            view! { <span class="cu-raw" title="Not a valid timestamp">{raw.to_owned()}</span> }
                .into_any()
        }
        _ => view! { <span class="cu-muted">"—"</span> }.into_any(),
    }
}

/// A row's formatted times, computed once for its cells and its details.
pub struct Times {
    pub started: Option<String>,
    pub finished: Option<String>,
}

impl Times {
    pub fn of(run: &Run, fmt: &Formatter) -> Times {
        Times {
            started: run.started_ms.map(|ms| fmt.date_time(ms)),
            finished: run.finished_ms.map(|ms| fmt.date_time(ms)),
        }
    }
}

fn cu_cell(run: &Run, fmt: &Formatter) -> AnyView {
    let partial = run.status.in_progress();
    match run.cu {
        Some(cu) => view! {
            <span>{fmt.cu(cu)}</span>
            {partial.then(|| view! { <span class="cu-partial" title="Run in progress: CU consumed so far">" so far"</span> })}
        }
        .into_any(),
        None => view! { <span class="cu-muted" title="No valid CU value: not in the totals">"—"</span> }.into_any(),
    }
}

/// The content of one cell (without the `td`).
pub fn cell_content(
    column: Column,
    run: &Run,
    fmt: &Formatter,
    times: &Times,
    price: Option<&Price>,
    names: &BTreeMap<String, String>,
) -> AnyView {
    match column {
        Column::Run => view! { <span class="cu-trunc" title=run.run_id.clone()>{run.run_id.clone()}</span> }.into_any(),
        Column::Workflow => {
            // A display name (text, never markup), the id on hover.
            let name = names.get(&run.workflow_id).unwrap_or(&run.workflow_id).clone();
            view! { <span class="cu-trunc" title=run.workflow_id.clone()>{name}</span> }.into_any()
        }
        Column::Status => view! {
            <span class=format!("cu-badge {}", status_class(&run.status)) title=run.status.as_str().to_owned()>
                {run.status.label().to_owned()}
            </span>
        }
        .into_any(),
        Column::Trigger => {
            let raw = run.trigger_source.clone().unwrap_or_default();
            view! { <span class="cu-trunc" title=raw.clone()>{trigger_label(&raw).to_owned()}</span> }.into_any()
        }
        Column::Started => time_cell(times.started.as_deref(), Some(&run.started_at())),
        Column::Finished => time_cell(times.finished.as_deref(), run.finished_at().as_deref()),
        Column::Duration => run
            .duration_ms()
            .map_or_else(|| "—".to_owned(), format_duration_ms)
            .into_any(),
        Column::Cu => cu_cell(run, fmt),
        Column::Cost => price
            .map(|p| {
                run.cu
                    .map_or_else(|| "—".to_owned(), |cu| fmt.money(p.per_cu.cost(cu)))
            })
            .unwrap_or_default()
            .into_any(),
    }
}
