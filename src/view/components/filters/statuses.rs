//! The Status checkboxes, each with its count under the other filters.

use crate::api::RunStatus;
use crate::core::messages::M;
use crate::load::reactive::Derived;
use crate::view::el::{checkbox, h, target_checked, El};
use crate::view::table::use_table;

/// A checkbox per status seen in scope. The boxes are built again only when
/// the statuses seen change; ticks and counts follow in place, so the box
/// in hand keeps the keyboard focus.
pub fn status_checks() -> El {
    let t = use_table();
    let (state, facets, fmt) = (t.state, t.facets, t.fmt());
    let seen =
        Derived::new(move || facets.with(|c| c.statuses.keys().cloned().collect::<Vec<_>>()));
    let boxes = move || {
        seen.get()
            .into_iter()
            .map(|raw| {
                let label = crate::core::labels::status_label(&RunStatus::parse(&raw), &fmt);
                let (key, value, fmt) = (raw.clone(), raw.clone(), fmt.clone());
                let checked = move || state.filters.with(|f| f.statuses.contains(&key));
                let count = move || {
                    let n = facets.with(|c| c.statuses.get(&raw).copied().unwrap_or(0));
                    format!(" ({})", fmt.count(n as u64))
                };
                h("label")
                    .class("cu-check")
                    .child(checkbox(checked).on("change", move |ev| {
                        let on = target_checked(&ev);
                        let value = value.clone();
                        t.update_filters(|f| {
                            f.statuses.retain(|s| *s != value);
                            if on {
                                f.statuses.push(value);
                            }
                        });
                    }))
                    .child(h("span").text(&label))
                    .child(h("span").class("cu-count").dyn_text(count))
            })
            .collect()
    };
    h("fieldset")
        .class("cu-statuses")
        .child(h("legend").text(&t.say(M::colStatus)))
        .dyn_part(boxes)
}
