//! The Previous and Change cells of a subtotals row: CU, and the cost on a
//! second line when priced; "new" for a group absent before, "—" while the
//! previous period is not loaded.

use crate::core::compare::Prev;
use crate::core::cu::CuTotal;
use crate::core::format::Formatter;
use crate::core::period::Change;
use crate::core::subtotals::Subtotal;
use crate::view::el::{h, Els};

/// The Previous and Change cells of a row (CU, and cost on a second line
/// when priced).
pub fn compare_cells(fmt: &Formatter, r: &Subtotal, prev: Prev, has_price: bool) -> Els {
    let previous = match prev {
        Prev::Unknown => ("—".to_owned(), None),
        Prev::Absent => (
            fmt.cu_total(CuTotal(0)),
            has_price.then(|| fmt.money(Default::default())),
        ),
        Prev::Was(p) => (fmt.cu_total(p.cu), has_price.then(|| fmt.money(p.cost))),
    };
    let text = |c: Change, amount: &dyn Fn(i128) -> String| match c {
        Change::Unknown => "—".to_owned(),
        Change::New => "new".to_owned(),
        Change::Delta {
            diff,
            tenths: Some(t),
        } => {
            format!("{} ({})", amount(diff), fmt.signed_percent(t))
        }
        Change::Delta { diff, tenths: None } => amount(diff),
    };
    // The CU change and its percent apart, so a narrow box can put the
    // percent on a line of its own.
    let (change, percent) = match prev.cu_change(r.cu) {
        Change::Delta {
            diff,
            tenths: Some(t),
        } => (
            fmt.signed_cu(diff),
            Some(format!(" ({})", fmt.signed_percent(t))),
        ),
        c => (text(c, &|d| fmt.signed_cu(d)), None),
    };
    // The cost's change: its amount, and the percent (the CU's own: cost
    // is CU times one price), which a narrow box leaves out.
    let cost_change = has_price.then(|| match prev.cost_change(r.cost) {
        Change::Delta {
            diff,
            tenths: Some(t),
        } => (
            fmt.signed_money(diff),
            Some(format!(" ({})", fmt.signed_percent(t))),
        ),
        c => (text(c, &|d| fmt.signed_money(d)), None),
    });
    let direction = match prev.cu_change(r.cu) {
        Change::Delta { diff, .. } if diff > 0 => "cu-num cu-up",
        Change::Delta { diff, .. } if diff < 0 => "cu-num cu-down",
        _ => "cu-num",
    };
    let cell = |class: &str, text: &str, line2: Option<String>| {
        let td = h("td").class(class).text(text);
        match line2 {
            Some(m) => td.child(h("span").class("cu-line2").text(&m)),
            None => td,
        }
    };
    let change_cell = h("td").class(direction).text(&change);
    let change_cell = match percent {
        Some(p) => change_cell.child(h("span").class("cu-pct").text(&p)),
        None => change_cell,
    };
    let change_cell = match cost_change {
        Some((amount, percent)) => change_cell.child(
            h("span")
                .class("cu-line2")
                .text(&amount)
                .child_opt(percent.map(|p| h("span").class("cu-pct-again").text(&p))),
        ),
        None => change_cell,
    };
    vec![
        cell("cu-num cu-col-prev", &previous.0, previous.1),
        change_cell,
    ]
}
