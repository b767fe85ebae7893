//! The day chart's axis labels: above the plot, the top of the bars' scale
//! ("1,200 CU per day") and, with a budget drawn, the top of the cumulative
//! line's scale on the right; below it, the first and the last day.

use crate::core::charts::{axis_label, cumulative_top, Daily};
use crate::core::cu::CuTotal;
use crate::core::messages::M;
use crate::load::reactive::Derived;
use crate::load::state::Shared;
use crate::view::el::{h, El};
use crate::view::table::use_table;

/// The labels of the two value axes: the bars' (left, CU per bucket) and,
/// while `budget()` is drawn, the cumulative line's and the budget's
/// (right, 0 to its top).
pub fn y_axis(chart: Derived<Shared<Daily>>, budget: impl Fn() -> Option<CuTotal> + 'static) -> El {
    let t = use_table();
    let max_label = move || {
        chart.with(|d| {
            let f = t.fmt();
            let unit = crate::core::charts::unit_word(d.granularity, &f);
            f.tf(M::axisPer, &[("cu", &f.cu_total(d.max)), ("unit", &unit)])
        })
    };
    let cumulative_label = move || {
        budget()
            .map(|b| {
                let top = chart.with(|d| cumulative_top(d, b));
                t.fmt()
                    .tf(M::axisCumulative, &[("cu", &t.fmt().cu_total(top))])
            })
            .unwrap_or_default()
    };
    h("p")
        .class("cu-axis cu-axis-y")
        .child(h("span").dyn_text(max_label))
        .child(h("span").class("cu-axis-right").dyn_text(cumulative_label))
}

/// The first (or, with `last`, the last) day drawn, as its axis label.
fn end_label(chart: Derived<Shared<Daily>>, last: bool) -> String {
    let f = use_table().fmt();
    chart.with(|d| {
        let day = if last { d.days.last() } else { d.days.first() };
        day.map(|x| axis_label(&x.day, d.granularity, &f))
            .unwrap_or_default()
    })
}

/// The labels of the time axis: the first day and the last.
pub fn x_axis(chart: Derived<Shared<Daily>>) -> El {
    h("p")
        .class("cu-axis cu-axis-x")
        .child(h("span").dyn_text(move || end_label(chart, false)))
        .child(h("span").dyn_text(move || end_label(chart, true)))
}
