//! "CU per day" (week, month) shown as a table (the chart's "Show as
//! table"): a row per bucket with its runs, total and the stacked series.
//! Drawn whole from the chart's data, as plain DOM (`crate::view::dom`).

use crate::core::charts::{bucket_label, Daily};
use crate::core::messages::M;
use crate::load::reactive::Derived;
use crate::load::state::Shared;
use crate::view::dom::{append_element, append_text, append_th};
use crate::view::el::{h, El};
use crate::view::table::use_table;

/// The day chart's figures (`chart`) as a table.
pub fn daily_figures(chart: Derived<Shared<Daily>>) -> El {
    let t = use_table();
    let fmt = t.fmt();
    let unit = move || crate::core::charts::unit_word(t.state.granularity.get(), &t.fmt());
    let draw = move |table: &web_sys::Element| {
        let d = chart.get();
        let caption = fmt.tf(M::perUnitFigures, &[("unit", &unit())]);
        append_text(table, "caption", "", None, &caption);
        let head = append_element(&append_element(table, "thead", ""), "tr", "");
        append_th(&head, "col", "", &d.granularity.label(&fmt));
        append_th(&head, "col", "cu-num", &fmt.t(M::colRuns));
        append_th(&head, "col", "cu-num", &fmt.t(M::colTotalCu));
        for s in &d.series {
            append_th(&head, "col", "cu-num", &s.label(&fmt));
        }
        let tbody = append_element(table, "tbody", "");
        {
            let fmt = &fmt;
            for day in &d.days {
                let tr = append_element(&tbody, "tr", "");
                append_th(&tr, "row", "", &bucket_label(&day.day, d.granularity, fmt));
                // The ledger counts no runs: an empty cell, not 0.
                let runs = if d.from_ledger {
                    String::new()
                } else {
                    fmt.count(day.runs as u64)
                };
                append_text(&tr, "td", "cu-num", None, &runs);
                append_text(&tr, "td", "cu-num", None, &fmt.cu_total(day.total));
                for p in &day.parts {
                    append_text(&tr, "td", "cu-num", None, &fmt.cu_total(*p));
                }
            }
        }
    };
    h("div")
        .class("cu-scroll cu-days-table")
        .attr("tabindex", "0")
        .attr("role", "group")
        .dyn_attr("aria-label", move || {
            Some(t.fmt().tf(M::perUnitRegion, &[("unit", &unit())]))
        })
        .child(h("table").class("cu-chart-table").draw(draw))
}
