//! "CU by workflow" (or trigger, or status: "Group by"): a horizontal bar
//! chart of the subtotals in scope (top 10 plus "Other"), in the subtotals
//! table's order and colours. Clicking a bar (or Enter/Space on it) filters
//! to that group; arrow keys move between
//! bars; "Show as table" swaps the picture for its figures.

use super::chart_head::chart_head;
use super::chart_keys::one_tab_stop;
use super::group_bars::group_bars_view;
use super::group_figures::group_figures;
use crate::core::charts::{group_bars, Bar};
use crate::core::compare::Lookup;
use crate::core::messages::M;
use crate::load::reactive::{Derived, Sig};
use crate::load::state::Shared;
use crate::view::el::{h, nothing, El};
use crate::view::table::use_table;

/// The bar chart of CU per workflow.
pub fn group_chart() -> El {
    let t = use_table();
    // The bars follow the subtotals table's sort.
    let (subtotals, sort, uid, previous) = (t.subtotals, t.sub_sort, t.uid(), t.previous);
    let as_table = Sig::new(false);
    let bars: Derived<Shared<Vec<Bar>>> = Derived::new(move || {
        let (col, desc) = sort.get();
        let group = t.state.group.get();
        let mut bars = previous.with(|p| {
            let before = Lookup::new(Option::as_ref(&*p.0));
            subtotals.with(|s| group_bars(s, col, desc, &before))
        });
        for b in &mut bars {
            if let Some(key) = &b.key {
                b.name = t.label(group, key);
                b.colour = t.colour(group, key);
            }
        }
        Shared::new(bars)
    });
    let title = move || {
        let f = t.fmt();
        f.tf(M::cuBy, &[("by", &t.state.group.get().noun(&f))])
    };
    let heading_id = format!("{uid}-bars-title");
    // After each re-render, exactly one bar is a Tab stop (the one that had
    // it, if it is still there).
    let figure = h("figure")
        .class("cu-chart")
        .attr("aria-labelledby", &heading_id);
    let drawn = figure.element().clone();
    crate::load::effect::effect(move |_| {
        bars.track();
        as_table.track();
        if let Ok(Some(hits)) = drawn.query_selector(".cu-bar-hits") {
            one_tab_stop(&hits);
        }
    });
    figure
        .child(chart_head(&heading_id, as_table, h("h3").dyn_text(title)))
        .show(
            move || as_table.get(),
            move || vec![group_figures(bars)],
            nothing,
        )
        .show(
            move || !as_table.get() && bars.with(|b| b.is_empty()),
            move || vec![h("p").class("cu-empty").text(&t.say(M::noRunsInScope))],
            nothing,
        )
        .show(
            move || !as_table.get() && bars.with(|b| !b.is_empty()),
            move || group_bars_view(bars),
            nothing,
        )
}
