//! The root component: state, derived views (all `Memo`s), and layout.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;

use super::columns_menu::ColumnsMenu;
use super::daily_chart::DailyChart;
use super::empty_state::EmptyState;
use super::error_box::ErrorBox;
use super::export::{ExportRuns, ExportSubtotals};
use super::filters::FiltersPanel;
use super::group_by::GroupBySelect;
use super::pager::Pager;
use super::period::PeriodSummary;
use super::runs_table::RunsTable;
use super::scope_bar::ScopeBar;
use super::subtotals_table::SubtotalsTable;
use super::summary::Summary;
use super::workflow_chart::WorkflowChart;
use crate::loader::{install_auto_refresh, install_page_loader, Env};
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
    let state = t.state;
    let uid = t.uid();
    let config = env.config.clone();
    if config.sync_url {
        // Read the URL before the first request, so a shared link loads its page.
        #[cfg(target_arch = "wasm32")]
        crate::url_sync::install(
            t,
            crate::url_sync::Defaults {
                limit: config.page_size,
                columns: state.columns.get_untracked(),
                has_price: config.price.is_some(),
                choices: crate::url_sync::Choices {
                    period: config.period.unwrap_or_default(),
                    compare: true,
                    group: config.group_by,
                    granularity: config.granularity,
                },
            },
        );
    }
    install_page_loader(state, env.clone());
    install_auto_refresh(state, env);
    let price = config.price.clone();

    let empty = ViewFn::from(|| view! { <EmptyState /> });
    let heading_id = format!("{uid}-title");
    let org_id_attr = format!("{uid}-org");
    let org_ref = org_id_attr.clone();
    // Named by title and org, so several instances stay distinguishable.
    let labelled_by = format!("{heading_id} {org_id_attr}");
    let heading_ref = heading_id.clone();
    let org_label = config.org_id.clone();

    let root = crate::dom::Host::new();
    super::width::watch_width(root, t);
    view! {
        <section class="cu-root" node_ref=root aria-labelledby=labelled_by aria-busy=move || state.loading.get().to_string()>
            <header class="cu-head">
                <h2 id=heading_ref>{config.title.clone()}</h2>
                <span class="cu-org" id=org_ref title="Organization">{org_label}</span>
                {price.as_ref().map(|p| view! { <span class="cu-muted">{format!("Price: {} {} per CU", p.per_cu.to_text(), p.currency)}</span> })}
            </header>
            <p class="cu-retrying" role="status">
                {move || state.retrying.get().map(|(attempt, of)| format!("Retrying ({attempt}/{of})…"))}
            </p>
            <ErrorBox />
            <ScopeBar />
            <FiltersPanel />
            <PeriodSummary />
            <Summary />
            {config.charts.then(|| view! {
                <div class="cu-charts">
                    <WorkflowChart />
                    <DailyChart />
                </div>
            })}
            <div class="cu-section-head">
                <h3>"Subtotals"</h3>
                <div class="cu-section-tools">
                    <GroupBySelect />
                    <ExportSubtotals />
                </div>
            </div>
            <SubtotalsTable />
            <div class="cu-section-head">
                <h3>"Runs"</h3>
                <div class="cu-section-tools">
                    <ColumnsMenu />
                    <ExportRuns />
                </div>
            </div>
            <Pager />
            <RunsTable empty />
        </section>
    }
}
