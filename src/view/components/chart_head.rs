//! The heading row both charts share: the title (which names the figure)
//! and the "Show as table" toggle (`aria-pressed`).

use crate::core::messages::M;
use crate::load::reactive::Sig;
use crate::view::el::{button, h, El};
use crate::view::table::use_table;

/// A chart's heading `heading` (its id `heading_id` names the figure) and
/// its "Show as table" toggle of `as_table`.
pub fn chart_head(heading_id: &str, as_table: Sig<bool>, heading: El) -> El {
    h("div")
        .class("cu-chart-head")
        .child(heading.attr("id", heading_id))
        .child(
            button("cu-btn cu-ghost cu-small", &use_table().say(M::showAsTable))
                .dyn_attr("aria-pressed", move || Some(as_table.get().to_string()))
                .on("click", move |_| as_table.update(|t| *t = !*t)),
        )
}
