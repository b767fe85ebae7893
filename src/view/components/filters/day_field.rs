//! The From and To day inputs (days in the billing time zone,
//! `billingTimeZone`).

use crate::core::filter::Filters;
use crate::view::el::{h, target_value, El};
use crate::view::table::use_table;

/// A day input labelled `label` ("From" or "To", also its accessible name),
/// bound to the field `which` of the filters.
pub fn day_field(
    key: &'static str,
    label: String,
    which: fn(&mut Filters) -> &mut Option<String>,
) -> El {
    let t = use_table();
    let id = format!("{}-{key}", t.uid());
    let value = move || {
        t.state.filters.with(|f| {
            let mut f = f.clone();
            which(&mut f).clone().unwrap_or_default()
        })
    };
    h("div")
        .class("cu-field")
        .child(h("label").attr("for", &id).text(&label))
        .child(
            h("input")
                .attr("id", &id)
                .attr("type", "date")
                .prop("value", move || value().into())
                .on("change", move |ev| {
                    let v = target_value(&ev);
                    t.update_filters(|f| *which(f) = (!v.is_empty()).then_some(v));
                }),
        )
}
