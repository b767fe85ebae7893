//! The active filters at a glance ("2 filters active: Status: Failed, …").

use crate::core::messages::M;
use crate::core::sentences::filter_chips;
use crate::view::el::{h, nothing, El};
use crate::view::table::use_table;

/// The count of active filters and a chip per filter, in `parent`.
pub fn active_filters(parent: El) -> El {
    let t = use_table();
    let active = move || t.filter_count();
    let chips = move || {
        let filters = t.user_filters();
        t.names
            .with_value(|names| filter_chips(&filters, names, &t.fmt()))
            .into_iter()
            .map(|c| h("li").class("cu-chip").text(&c))
            .collect()
    };
    parent.show(
        move || active() > 0,
        move || {
            vec![h("div")
                .class("cu-active")
                .child(h("span").dyn_text(move || {
                    let f = t.fmt();
                    let n = f.tn(M::filtersActive, active() as u64, &[]);
                    f.tf(M::activeLead, &[("filters", &n)])
                }))
                .child(h("ul").class("cu-chips").dyn_part(chips))]
        },
        nothing,
    )
}
