//! The "Workflow runs" table: sortable headers and one row per visible run
//! (the rows themselves are in `run_row`, plain DOM).

use super::run_row::run_row;
use super::runs_header::runs_header;
use crate::core::messages::M;
use crate::load::config::Price;
use crate::view::dom::{append, document_of};
use crate::view::el::{h, nothing, El};
use crate::view::table::use_table;

/// The runs table. Only the visible rows (one page) are in the DOM, whatever
/// the number of loaded runs; `empty` shows what there is when there is
/// nothing to list.
pub fn runs_table(empty: fn(El) -> El) -> El {
    let t = use_table();
    let (state, scope_set, visible, fmt) = (t.state, t.scope_set, t.visible, t.fmt());
    let price: Option<Price> = t.with_config(|c| c.price.clone());
    let headers = move || {
        state
            .columns
            .get()
            .into_iter()
            .map(|c| runs_header(t, c))
            .collect()
    };
    let ncols = move || state.columns.with(Vec::len).to_string();
    let no_rows = move || visible.with(|v| v.is_empty());
    // The rows: plain DOM, rebuilt whole when the runs in scope, the page,
    // the sort, the columns or the width change (one page: at most the page
    // size of rows; see `crate::view::dom`).
    let body = h("tbody").draw(move |tbody| {
        let (columns, narrow) = (state.columns.get(), state.narrow.get());
        let Some(set) = scope_set.get() else {
            return;
        };
        let doc = document_of(tbody);
        t.names.with_value(|names| {
            visible.with(|v| {
                for &i in v.iter() {
                    let run = set.set.run(i);
                    let tr = run_row(&doc, &run, &fmt, price.as_ref(), &columns, narrow, names);
                    append(tbody, &tr);
                }
            })
        });
    });
    h("div")
        .class("cu-scroll")
        .attr("tabindex", "0")
        .attr("role", "group")
        .attr("aria-label", &t.say(M::runsRegion))
        .child(
            h("table")
                .class("cu-runs")
                .dyn_attr("aria-busy", move || Some(state.loading.get().to_string()))
                .child(h("caption").text(&t.say(M::runsCaption)))
                .child(h("thead").child(h("tr").dyn_part(headers)))
                .child(body)
                .child(h("tbody").show(
                    no_rows,
                    move || {
                        vec![h("tr").class("cu-empty-row").child(
                            h("td")
                                .dyn_attr("colspan", move || Some(ncols()))
                                .with(empty),
                        )]
                    },
                    nothing,
                )),
        )
}
