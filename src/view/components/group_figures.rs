//! "CU by workflow" (or trigger, or status) shown as a table (the chart's "Show as table"): the same
//! figures as the bars. Drawn whole from the bars, as plain DOM
//! (`crate::view::dom`).

use crate::core::charts::Bar;
use crate::core::messages::M;
use crate::core::subtotals::group_count;
use crate::load::reactive::Derived;
use crate::load::state::Shared;
use crate::view::dom::{append_element, append_swatch_item, append_text, append_th, set_attr};
use crate::view::el::{h, El};
use crate::view::table::use_table;

/// The figures of `bars` (top workflows and "Other") as a table.
pub fn group_figures(bars: Derived<Shared<Vec<Bar>>>) -> El {
    let t = use_table();
    let fmt = t.fmt();
    let draw = move |table: &web_sys::Element| {
        let bars = bars.get();
        let group = t.state.group.get();
        let caption = fmt.tf(M::barsFigures, &[("by", &group.noun(&fmt))]);
        append_text(table, "caption", "", None, &caption);
        let head = append_element(&append_element(table, "thead", ""), "tr", "");
        append_th(&head, "col", "", &group.label(&fmt));
        append_th(&head, "col", "cu-num", &fmt.t(M::colRuns));
        append_th(&head, "col", "cu-num", &fmt.t(M::colTotalCu));
        append_th(&head, "col", "cu-num", &fmt.t(M::colShare));
        let tbody = append_element(table, "tbody", "");
        for b in bars.iter() {
            let label = match b.key {
                Some(_) => b.label(&fmt),
                None => {
                    let count = group_count(group, b.workflows, &fmt);
                    fmt.tf(M::otherGroups, &[("count", &count)])
                }
            };
            let tr = append_element(&tbody, "tr", "");
            let th = append_swatch_item(&tr, "th", &format!("cu-c{}", b.colour), &label);
            set_attr(&th, "scope", "row");
            append_text(&tr, "td", "cu-num", None, &fmt.count(b.runs as u64));
            append_text(&tr, "td", "cu-num", None, &fmt.cu_total(b.cu));
            append_text(&tr, "td", "cu-num", None, &fmt.share(b.share));
        }
    };
    let region = move || {
        let f = t.fmt();
        Some(f.tf(
            M::barsFiguresRegion,
            &[("by", &t.state.group.get().noun(&f))],
        ))
    };
    h("div")
        .class("cu-scroll")
        .attr("tabindex", "0")
        .attr("role", "group")
        .dyn_attr("aria-label", region)
        .child(h("table").class("cu-chart-table").draw(draw))
}
