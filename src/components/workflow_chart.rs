//! "CU by workflow" (or trigger, or status: "Group by"): a horizontal bar
//! chart of the subtotals in scope (top 10 plus "Other"), in the subtotals
//! table's order and colours. Clicking a bar (or Enter/Space on it) filters
//! to that group; arrow keys move between
//! bars; "Show as table" swaps the picture for its figures.

use leptos::prelude::*;

use super::chart_head::ChartHead;
use super::chart_keys::one_tab_stop;
use super::workflow_bars::WorkflowBars;
use super::workflow_figures::WorkflowFigures;
use crate::charts::{workflow_bars, Bar};
use crate::compare::Lookup;
use crate::dom::Host;
use crate::state::Shared;
use crate::table::use_table;

/// The bar chart of CU per workflow.
#[component]
pub fn WorkflowChart() -> impl IntoView {
    let t = use_table();
    // The bars follow the subtotals table's sort.
    let (subtotals, sort, uid, previous) = (t.subtotals, t.sub_sort, t.uid(), t.previous);
    let as_table = RwSignal::new(false);
    let bars: Memo<Shared<Vec<Bar>>> = Memo::new(move |_| {
        let (col, desc) = sort.get();
        let group = t.state.group.get();
        let mut bars = previous.with(|p| {
            let before = Lookup::new(Option::as_ref(&*p.0));
            subtotals.with(|s| workflow_bars(s, col, desc, &before))
        });
        for b in &mut bars {
            if let Some(key) = &b.key {
                b.name = t.label(group, key);
            }
        }
        Shared::new(bars)
    });
    let title = move || format!("CU by {}", t.state.group.get().key());
    let heading_id = format!("{uid}-bars-title");
    let picture = move || view! { <WorkflowBars bars /> };
    let table = move || view! { <WorkflowFigures bars /> };
    // After each re-render, exactly one bar is a Tab stop (the one that had
    // it, if it is still there).
    let figure = Host::new();
    crate::effect::effect(move |_| {
        bars.track();
        as_table.track();
        if let Some(hits) = figure
            .get()
            .and_then(|f| f.query_selector(".cu-bar-hits").ok().flatten())
        {
            one_tab_stop(&hits);
        }
    });
    let heading_ref = heading_id.clone();
    view! {
        <figure class="cu-chart" aria-labelledby=heading_id node_ref=figure>
            <ChartHead heading_id=heading_ref as_table>{title}</ChartHead>
            {move || if as_table.get() { table().into_any() } else { picture().into_any() }}
        </figure>
    }
}
