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
    let change = text(prev.cu_change(r.cu), &|d| fmt.signed_cu(d));
    let cost_change = has_price.then(|| text(prev.cost_change(r.cost), &|d| fmt.signed_money(d)));
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
    vec![
        cell("cu-num cu-col-prev", &previous.0, previous.1),
        cell(direction, &change, cost_change),
    ]
}
