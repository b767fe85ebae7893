//! The root component: state, derived views (all `Memo`s), and layout.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;

use super::columns_menu::ColumnsMenu;
use super::daily_chart::DailyChart;
use super::error_box::ErrorBox;
use super::export::{download_csv, today};
use super::filters::FiltersPanel;
use super::pager::Pager;
use super::runs_table::RunsTable;
use super::scope_bar::ScopeBar;
use super::subtotals_table::SubtotalsTable;
use super::summary::Summary;
use super::workflow_chart::WorkflowChart;
use crate::csv::{file_name, runs_csv, subtotals_csv};
use crate::loader::{install_auto_refresh, install_page_loader, Env};
use crate::state::Scope;
use crate::table::Table;

fn next_uid() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("cu{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The whole CU cost table for one organization.
#[component]
pub fn CostTable(
    /// Settings, the runs source and formatting.
    env: Rc<Env>,
) -> impl IntoView {
    let t = Table::provide(env.clone(), next_uid());
    let (state, scope_set, sorted, subtotals) = (t.state, t.scope_set, t.sorted, t.subtotals);
    let uid = t.uid();
    let config = env.config.clone();
    if config.sync_url {
        // Read the URL before the first request, so a shared link loads its page.
        #[cfg(target_arch = "wasm32")]
        crate::url_sync::install(
            state,
            crate::url_sync::Defaults {
                limit: config.page_size,
                columns: state.columns.get_untracked(),
                has_price: config.price.is_some(),
            },
        );
    }
    install_page_loader(state, env.clone());
    install_auto_refresh(state, env);
    let price = config.price.clone();

    let clear_filters = move |_| t.clear_filters();
    let empty = ViewFn::from(move || {
        let first_load = state.page.with(Option::is_none);
        let loaded_none = scope_set.with(|s| s.as_ref().is_some_and(|l| l.set.is_empty()));
        if first_load {
            if state.error.with(Option::is_some) {
                view! { <p class="cu-empty">"No runs could be loaded."</p> }.into_any()
            } else {
                view! { <p class="cu-empty cu-placeholder">"Loading runs…"</p> }.into_any()
            }
        } else if loaded_none {
            let text = if state.scope.get() == Scope::Page && state.offset.get() > 0 {
                "No runs on this page."
            } else {
                "No runs yet."
            };
            view! { <p class="cu-empty">{text}</p> }.into_any()
        } else {
            view! {
                <p class="cu-empty">"No runs match these filters."</p>
                <button type="button" class="cu-btn" on:click=clear_filters>"Clear all filters"</button>
            }
            .into_any()
        }
    });

    let org = config.org_id.clone();
    let export_price = price.clone();
    let export_runs = move |_| {
        let Some(set) = scope_set.get_untracked() else {
            return;
        };
        let p = export_price
            .as_ref()
            .map(|p| (p.per_cu, p.currency.as_str()));
        let csv = sorted.with_untracked(|idx| runs_csv(&set.set.runs, idx, p));
        let _ = download_csv(&file_name(&org, "runs", &today()), &csv);
    };
    let org = config.org_id.clone();
    let currency = price.as_ref().map(|p| p.currency.clone());
    let export_subtotals = move |_| {
        let csv = subtotals.with_untracked(|s| subtotals_csv(s, currency.as_deref()));
        let _ = download_csv(&file_name(&org, "subtotals", &today()), &csv);
    };
    let no_data = move || scope_set.with(Option::is_none);
    let heading_id = format!("{uid}-title");
    let org_id_attr = format!("{uid}-org");
    let org_ref = org_id_attr.clone();
    // Named by title and org, so several instances stay distinguishable.
    let labelled_by = format!("{heading_id} {org_id_attr}");
    let heading_ref = heading_id.clone();
    let org_label = config.org_id.clone();

    let root = NodeRef::<leptos::html::Section>::new();
    super::width::watch_width(root, state);
    view! {
        <section class="cu-root" node_ref=root aria-labelledby=labelled_by aria-busy=move || state.loading.get().to_string()>
            <header class="cu-head">
                <h2 id=heading_ref>{config.title.clone()}</h2>
                <span class="cu-org" id=org_ref title="Organization">{org_label}</span>
                {price.as_ref().map(|p| view! { <span class="cu-muted">{format!("Price: {} {} per CU", p.per_cu_f64, p.currency)}</span> })}
            </header>
            <p class="cu-retrying" role="status">
                {move || state.retrying.get().map(|(attempt, of)| format!("Retrying ({attempt}/{of})…"))}
            </p>
            <ErrorBox />
            <ScopeBar />
            <FiltersPanel />
            <Summary />
            {config.charts.then(|| view! {
                <div class="cu-charts">
                    <WorkflowChart />
                    <DailyChart />
                </div>
            })}
            <div class="cu-section-head">
                <h3>"Subtotals"</h3>
                <button type="button" class="cu-btn cu-ghost" disabled=no_data on:click=export_subtotals>"Export subtotals CSV"</button>
            </div>
            <SubtotalsTable />
            <div class="cu-section-head">
                <h3>"Runs"</h3>
                <div class="cu-section-tools">
                    <ColumnsMenu />
                    <button type="button" class="cu-btn cu-ghost" disabled=no_data on:click=export_runs>"Export CSV"</button>
                </div>
            </div>
            <Pager />
            <RunsTable empty />
        </section>
    }
}
