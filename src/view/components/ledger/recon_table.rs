//! The reconciliation's days as a table (accessible name
//! "Reconciliation"), days that differ first, and the same as CSV.

use crate::core::csv::{text_cell, BOM};
use crate::core::format::Formatter;
use crate::core::ledger::{Figures, Reconciliation};
use crate::core::ledger_text::{causes, difference};
use crate::core::messages::M;
use crate::core::period::{day_key, medium_date};
use crate::view::el::{h, El};
use crate::view::table::Table;

/// One row's cells: day, runs CU, ledger CU, difference, likely cause.
fn cells(day: &str, fig: &Figures, f: &Formatter) -> [String; 5] {
    [
        day.to_owned(),
        f.cu_total(fig.runs_cu),
        f.cu_total(fig.ledger_cu),
        difference(fig, f),
        causes(fig, f),
    ]
}

/// The columns: day, runs CU, ledger CU, difference, likely cause.
const HEAD: [M; 5] = [
    M::reconDay,
    M::reconRunsCu,
    M::reconLedgerCu,
    M::reconDifference,
    M::reconCause,
];

/// The table of days, then the month's total row.
pub fn recon_table(t: Table, r: &Reconciliation, month: &str) -> El {
    let f = t.fmt();
    let head_row = HEAD.iter().enumerate().fold(h("tr"), |tr, (i, m)| {
        let th = h("th").attr("scope", "col").text(&f.t(*m));
        tr.child(if (1..4).contains(&i) {
            th.class("cu-num")
        } else {
            th
        })
    });
    let row = |day: &str, fig: &Figures, class: &str| {
        let [d, runs, ledger, diff, cause] = cells(day, fig, &f);
        h("tr")
            .class(class)
            .child(h("th").attr("scope", "row").text(&d))
            .child(h("td").class("cu-num").text(&runs))
            .child(h("td").class("cu-num").text(&ledger))
            .child(h("td").class("cu-num").text(&diff))
            .child(h("td").text(&cause))
    };
    let body = r.days.iter().fold(h("tbody"), |tb, d| {
        let class = if d.figures.matches() {
            ""
        } else {
            "cu-differs"
        };
        tb.child(row(&medium_date(&day_key(d.date), &f), &d.figures, class))
    });
    let total = h("tfoot").child(row(&f.t(M::total), &r.total, "cu-total"));
    h("div")
        .class("cu-scroll")
        .attr("tabindex", "0")
        .attr("role", "group")
        .attr("aria-label", &f.t(M::reconTitle))
        .child(
            h("table")
                .class("cu-recon-table")
                .attr("aria-label", &f.t(M::reconTitle))
                .child(h("caption").text(&f.tf(M::reconCaption, &[("month", month)])))
                .child(h("thead").child(head_row))
                .child(body)
                .child(total),
        )
}

/// The reconciliation as CSV: a row per day (ISO date), then the total.
pub fn recon_csv(r: &Reconciliation, f: &Formatter) -> String {
    // Header cells as every export writes them: quoted and guarded only
    // when a translation needs it.
    let head = crate::core::csv::header_line(HEAD.iter().map(|&m| f.t(m)).collect());
    let mut out = format!("{BOM}{head}");
    let plain = |fig: &Figures| {
        [
            fig.runs_cu.to_plain(),
            fig.ledger_cu.to_plain(),
            crate::core::csv::signed_units(-fig.difference),
            // A day that matches has no cause: an empty cell.
            if fig.matches() {
                String::new()
            } else {
                text_cell(&causes(fig, f))
            },
        ]
        .join(",")
    };
    for d in &r.days {
        out.push_str(&format!(
            "{},{}\r\n",
            text_cell(&day_key(d.date)),
            plain(&d.figures)
        ));
    }
    out.push_str(&format!(
        "{},{}\r\n",
        text_cell(&f.t(M::total)),
        plain(&r.total)
    ));
    out
}
