//! The Previous and Change cells of a subtotals row: CU, and the cost on a
//! second line when priced; "new" for a group absent before, "—" while the
//! previous period is not loaded.

use crate::core::compare::Prev;
use crate::core::cu::CuTotal;
use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::period::Change;
use crate::core::subtotals::Subtotal;
use crate::view::el::{h, El, Els};

/// The Previous and Change cells of a row (CU, and cost on a second line
/// when priced).
pub fn compare_cells(fmt: &Formatter, r: &Subtotal, prev: Prev, has_price: bool) -> Els {
    let (before, before_cost) = match prev {
        Prev::Unknown => ("—".to_owned(), None),
        Prev::Absent => (
            fmt.cu_total(CuTotal(0)),
            has_price.then(|| fmt.money(Default::default())),
        ),
        Prev::Was(p) => (fmt.cu_total(p.cu), has_price.then(|| fmt.money(p.cost))),
    };
    let previous = h("td").class("cu-num cu-col-prev").text(&before);
    let previous = match before_cost {
        Some(m) => previous.child(h("span").class("cu-line2").text(&m)),
        None => previous,
    };
    vec![previous, change_cell(fmt, r, prev, has_price)]
}

/// The Change cell: the CU change and its percent apart (a narrow box puts
/// the percent on a line of its own), and when priced the cost's change on
/// a second line, with the same percent again (cost is CU times one price),
/// which a narrow box leaves out.
fn change_cell(fmt: &Formatter, r: &Subtotal, prev: Prev, has_price: bool) -> El {
    let cu = prev.cu_change(r.cu);
    let direction = match cu {
        Change::Delta { diff, .. } if diff > 0 => "cu-num cu-up",
        Change::Delta { diff, .. } if diff < 0 => "cu-num cu-down",
        _ => "cu-num",
    };
    let (amount, percent) = split(fmt, cu, &|d| fmt.signed_cu(d));
    let cell = h("td")
        .class(direction)
        .text(&amount)
        .child_opt(percent.map(|p| h("span").class("cu-pct").text(&p)));
    if !has_price {
        return cell;
    }
    let (amount, percent) = split(fmt, prev.cost_change(r.cost), &|d| fmt.signed_money(d));
    cell.child(
        h("span")
            .class("cu-line2")
            .text(&amount)
            .child_opt(percent.map(|p| h("span").class("cu-pct-again").text(&p))),
    )
}

/// A change as its amount (or "new", "—") and, when it has one, its
/// percent as " (+12.5 %)".
fn split(fmt: &Formatter, c: Change, amount: &dyn Fn(i128) -> String) -> (String, Option<String>) {
    match c {
        Change::Unknown => ("—".to_owned(), None),
        Change::New => (fmt.t(M::changeNew), None),
        Change::Delta {
            diff,
            tenths: Some(t),
        } => (
            amount(diff),
            Some(fmt.tf(M::changePercent, &[("percent", &fmt.signed_percent(t))])),
        ),
        Change::Delta { diff, tenths: None } => (amount(diff), None),
    }
}
