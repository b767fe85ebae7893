//! One row of the runs table: a cell per shown column (see `run_cells`),
//! and (when the component is narrow) the details lines under the run id.
//! Plain DOM (see `crate::view::dom`).

use crate::core::keyed::Names;
use crate::core::messages::M;

use web_sys::{Document, Element};

use super::run_cells::{fill_cell, Times};
use crate::api::Run;
use crate::core::format::Formatter;
use crate::core::labels::trigger_label;
use crate::core::sort::Column;
use crate::core::time::format_duration_ms;
use crate::load::config::Price;
use crate::view::dom::{append, append_text, element};

/// Columns whose values also appear in the Run cell's details, shown there
/// by CSS container queries when the component is too narrow for them.
const DETAIL_COLUMNS: [Column; 4] = [
    Column::Trigger,
    Column::Started,
    Column::Finished,
    Column::Duration,
];

/// The Run cell's second lines: the values of the detail columns shown,
/// each visible only while the container query hides its column. Plain
/// text (one span each): every row carries them, so they are kept cheap.
fn details(
    doc: &Document,
    td: &Element,
    run: &Run,
    times: &Times,
    columns: &[Column],
    fmt: &Formatter,
) {
    let value = |c: Column| -> Option<String> {
        match c {
            Column::Trigger => run
                .trigger_source
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(|t| trigger_label(t, fmt)),
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
    let more = element(doc, "div", "cu-more");
    for c in DETAIL_COLUMNS.into_iter().filter(|c| columns.contains(c)) {
        if let Some(text) = value(c) {
            let class = format!("cu-more-{}", c.key());
            append_text(
                &more,
                "span",
                &class,
                None,
                &fmt.tf(M::detailPair, &[("label", &c.label(fmt)), ("value", &text)]),
            );
        }
    }
    append(td, &more);
}

/// Component width (CSS px, content box) below which the first detail column
/// leaves the table: the same figure as the first `@container` rule in
/// `style/main.css`.
pub const DETAILS_BELOW_PX: f64 = 1_340.0;

/// One `<tr>` of the runs table.
pub fn run_row(
    doc: &Document,
    run: &Run,
    fmt: &Formatter,
    price: Option<&Price>,
    columns: &[Column],
    narrow: bool,
    names: &Names,
) -> Element {
    let times = Times::of(run, fmt);
    let tr = element(doc, "tr", "");
    for &c in columns {
        let class = match c {
            Column::Run => format!("cu-col-{} cu-id", c.key()),
            Column::Duration | Column::Cu | Column::Cost => {
                format!("cu-col-{} cu-num", c.key())
            }
            _ => format!("cu-col-{}", c.key()),
        };
        // The run's id heads its row: a screen reader names a cell's row by it.
        let td = if c == Column::Run {
            let th = element(doc, "th", &class);
            crate::view::dom::set_attr(&th, "scope", "row");
            th
        } else {
            element(doc, "td", &class)
        };
        fill_cell(&td, c, run, fmt, &times, price, names);
        // Details only when the component is narrow: at full width they
        // would be hidden DOM in every row (measured: +18 % per page flip).
        if narrow && c == Column::Run {
            details(doc, &td, run, &times, columns, fmt);
        }
        append(&tr, &td);
    }
    tr
}
