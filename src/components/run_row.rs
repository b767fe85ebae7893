//! One row of the runs table: a cell per shown column, and (when the
//! component is narrow) the details lines under the run id.

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
struct Times {
    started: Option<String>,
    finished: Option<String>,
}

impl Times {
    fn of(run: &Run, fmt: &Formatter) -> Times {
        Times {
            started: run.started_ms.map(|ms| fmt.date_time(ms)),
            finished: run.finished_ms.map(|ms| fmt.date_time(ms)),
        }
    }
}

/// Columns whose values also appear in the Run cell's details, shown there
/// by CSS container queries when the component is too narrow for them.
const DETAIL_COLUMNS: [Column; 4] = [
    Column::Trigger,
    Column::Started,
    Column::Finished,
    Column::Duration,
];

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
fn cell_content(
    column: Column,
    run: &Run,
    fmt: &Formatter,
    times: &Times,
    price: Option<&Price>,
) -> AnyView {
    match column {
        Column::Run => view! { <span class="cu-trunc" title=run.run_id.clone()>{run.run_id.clone()}</span> }.into_any(),
        Column::Workflow => view! { <span class="cu-trunc" title=run.workflow_id.clone()>{run.workflow_id.clone()}</span> }.into_any(),
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

/// The Run cell's second lines: the values of the detail columns shown,
/// each visible only while the container query hides its column. Plain
/// text (one span each): every row carries them, so they are kept cheap.
fn details(run: &Run, times: &Times, columns: &[Column]) -> impl IntoView {
    let value = |c: Column| -> Option<String> {
        match c {
            Column::Trigger => run
                .trigger_source
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(|t| trigger_label(t).to_owned()),
            Column::Started => times
                .started
                .clone()
                .or_else(|| Some(run.started_at().into_owned()).filter(|s| !s.is_empty())),
            Column::Finished => times
                .finished
                .clone()
                .or_else(|| run.finished_at().map(|f| f.into_owned())),
            Column::Duration => run.duration_ms().map(format_duration_ms),
            _ => None,
        }
    };
    let items = DETAIL_COLUMNS
        .into_iter()
        .filter(|c| columns.contains(c))
        .filter_map(|c| {
            let text = value(c)?;
            Some(view! { <span class=format!("cu-more-{}", c.key())>{format!("{}: {text}", c.label())}</span> })
        })
        .collect_view();
    view! { <div class="cu-more">{items}</div> }
}

/// Component width (CSS px, content box) below which the first detail column
/// leaves the table: the same figure as the first `@container` rule in
/// `style/main.css`.
pub const DETAILS_BELOW_PX: f64 = 1_340.0;

pub fn run_row(
    run: &Run,
    fmt: &Formatter,
    price: Option<&Price>,
    columns: &[Column],
    narrow: bool,
) -> impl IntoView {
    let times = Times::of(run, fmt);
    let cells = columns
        .iter()
        .map(|&c| {
            let class = match c {
                Column::Run => format!("cu-col-{} cu-id", c.key()),
                Column::Duration | Column::Cu | Column::Cost => {
                    format!("cu-col-{} cu-num", c.key())
                }
                _ => format!("cu-col-{}", c.key()),
            };
            // Details only when the component is narrow: at full width they
            // would be hidden DOM in every row (measured: +18 % per page flip).
            let more = (narrow && c == Column::Run).then(|| details(run, &times, columns));
            view! { <td class=class>{cell_content(c, run, fmt, &times, price)}{more}</td> }
        })
        .collect_view();
    view! { <tr>{cells}</tr> }
}
