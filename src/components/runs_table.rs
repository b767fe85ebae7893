//! The "Workflow runs" table: sortable headers and one row per visible run
//! (the rows themselves are in `run_row`).

use std::sync::Arc;

use leptos::prelude::*;

use super::run_row::run_row;
use super::runs_header::runs_header;
use crate::config::Price;
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
    let rows = move || {
        let Some(set) = scope_set.get() else {
            return Vec::new();
        };
        visible.with(|v| {
            v.iter()
                .map(|&i| (set.serial, i, set.clone()))
                .collect::<Vec<_>>()
        })
    };
    let no_rows = move || visible.with(|v| v.is_empty());
    let price = Arc::new(price);
    view! {
        <div class="cu-scroll" tabindex="0" role="group" aria-label="Workflow runs, scrollable">
            <table class="cu-runs" aria-busy=move || state.loading.get().to_string()>
                <caption>"Workflow runs"</caption>
                <thead>
                    <tr>{headers}</tr>
                </thead>
                <tbody>
                    {move || {
                        // A fresh keyed list per loaded data set. Leptos keeps a
                        // weak link to every child owner a parent ever had until
                        // the parent is cleaned up, so one long-lived <For> would
                        // grow by ~85 bytes per row ever shown (measured: 8.5 KB
                        // per page flip of 100 rows). Rebuilt per data set, it is
                        // cleaned up with each page; sorting and filtering within
                        // a set still reuse rows by key.
                        scope_set.with(|s| s.as_ref().map(|l| l.serial));
                        let columns = state.columns.get();
                        let narrow = state.narrow.get();
                        let (fmt, price, names) = (fmt.clone(), price.clone(), t.names.get_value());
                        view! {
                            <For
                                each=rows
                                key=|(serial, i, _)| (*serial, *i)
                                children=move |(_, i, set)| run_row(&set.set.run(i), &fmt, price.as_ref().as_ref(), &columns, narrow, &names)
                            />
                        }
                    }}
                    <Show when=no_rows>
                        <tr class="cu-empty-row">
                            <td colspan=ncols>{empty.run()}</td>
                        </tr>
                    </Show>
                </tbody>
            </table>
        </div>
    }
}
