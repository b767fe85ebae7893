//! The cells of a runs-table row: one function per kind of value, each
//! writing plain DOM into its cell (see `crate::view::dom`: rows are rebuilt whole
//! per page and hold no reactive parts).

use crate::core::keyed::Names;
use crate::core::messages::M;

use web_sys::Element;

use crate::api::{Run, RunStatus};
use crate::core::format::Formatter;
use crate::core::labels::trigger_label;
use crate::core::sort::Column;
use crate::core::time::format_duration_ms;
use crate::load::config::Price;
use crate::view::dom::{append_text, set_attr};

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
fn time_cell(td: &Element, text: Option<&str>, raw: Option<&str>, invalid_title: &str) {
    match (raw, text) {
        (Some(raw), Some(text)) => {
            let time = append_text(td, "time", "", Some(raw), text);
            set_attr(&time, "datetime", raw);
        }
        (Some(raw), None) if !raw.is_empty() => {
            append_text(td, "span", "cu-raw", Some(invalid_title), raw);
        }
        _ => {
            append_text(td, "span", "cu-muted", None, "—");
        }
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

fn cu_cell(td: &Element, run: &Run, fmt: &Formatter) {
    match run.cu {
        Some(cu) => {
            append_text(td, "span", "", None, &fmt.cu(cu));
            if run.status.in_progress() {
                let title = fmt.t(M::cuPartialTitle);
                let text = format!(" {}", fmt.t(M::cuSoFar));
                append_text(td, "span", "cu-partial", Some(&title), &text);
            }
        }
        None => {
            let title = fmt.t(M::cuInvalidTitle);
            append_text(td, "span", "cu-muted", Some(&title), "—");
        }
    }
}

/// Writes the content of one cell into `td`.
pub fn fill_cell(
    td: &Element,
    column: Column,
    run: &Run,
    fmt: &Formatter,
    times: &Times,
    price: Option<&Price>,
    names: &Names,
) {
    let id = |text: &str, title: &str| {
        append_text(td, "span", "cu-trunc", Some(title), text);
    };
    match column {
        Column::Run => id(&run.run_id, &run.run_id),
        // A display name (text, never markup), the id on hover.
        Column::Workflow => id(
            names.get(&run.workflow_id).unwrap_or(&run.workflow_id),
            &run.workflow_id,
        ),
        Column::Status => {
            let class = format!("cu-badge {}", status_class(&run.status));
            append_text(
                td,
                "span",
                &class,
                Some(run.status.as_str()),
                &crate::core::labels::status_label(&run.status, fmt),
            );
        }
        Column::Trigger => {
            let raw = run.trigger_source.as_deref().unwrap_or_default();
            id(&trigger_label(raw, fmt), raw);
        }
        Column::Started => {
            let bad = fmt.t(M::invalidTimestamp);
            time_cell(td, times.started.as_deref(), Some(&run.started_at()), &bad)
        }
        Column::Finished => {
            let bad = fmt.t(M::invalidTimestamp);
            time_cell(
                td,
                times.finished.as_deref(),
                run.finished_at().as_deref(),
                &bad,
            )
        }
        Column::Duration => {
            let text = run
                .duration_ms()
                .map_or_else(|| "—".to_owned(), format_duration_ms);
            td.set_text_content(Some(&text));
        }
        Column::Cu => cu_cell(td, run, fmt),
        Column::Cost => {
            if let Some(p) = price {
                let text = run
                    .cu
                    .map_or_else(|| "—".to_owned(), |cu| fmt.money(p.per_cu.cost(cu)));
                td.set_text_content(Some(&text));
            }
        }
    }
}
