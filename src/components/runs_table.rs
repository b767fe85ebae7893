//! The "Workflow runs" table: sortable headers and one row per visible run
//! (the rows themselves are in `run_row`, plain DOM).

use leptos::prelude::*;

use super::run_row::run_row;
use super::runs_header::runs_header;
use super::show_when::ShowWhen;
use crate::config::Price;
use crate::dom::{append, document_of, draw_into, Host};
use crate::table::use_table;

/// The runs table. Only the visible rows (one page) are in the DOM, whatever
/// the number of loaded runs.
#[component]
pub fn RunsTable(
    /// What to show when there is nothing to list.
    empty: ViewFn,
) -> impl IntoView {
    let t = use_table();
    let (state, scope_set, visible, fmt) = (t.state, t.scope_set, t.visible, t.fmt());
    let price: Option<Price> = t.with_config(|c| c.price.clone());
    let headers = move || {
        state
            .columns
            .get()
            .into_iter()
            .map(|c| runs_header(t, c))
            .collect_view()
    };
    let ncols = move || state.columns.with(Vec::len).to_string();
    let no_rows = move || visible.with(|v| v.is_empty());
    // The rows: plain DOM, rebuilt whole when the runs in scope, the page,
    // the sort, the columns or the width change (one page: at most the page
    // size of rows; see `crate::dom`).
    let body = Host::new();
    draw_into(body, move |tbody| {
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
    view! {
        <div class="cu-scroll" tabindex="0" role="group" aria-label="Workflow runs, scrollable">
            <table class="cu-runs" aria-busy=move || state.loading.get().to_string()>
                <caption>"Workflow runs"</caption>
                <thead>
                    <tr>{headers}</tr>
                </thead>
                <tbody node_ref=body></tbody>
                <tbody>
                    <ShowWhen when=no_rows>
                        <tr class="cu-empty-row">
                            <td colspan=ncols>{empty.run()}</td>
                        </tr>
                    </ShowWhen>
                </tbody>
            </table>
        </div>
    }
}
