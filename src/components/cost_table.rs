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
use super::workflow_chart::WorkflowChart;
use crate::csv::{file_name, runs_csv, subtotals_csv};
use crate::filter::Filters;
use crate::loader::{install_auto_refresh, install_page_loader, Env};
use crate::state::{Scope, TableState};
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
    let (state, scope_set, filtered, sorted, subtotals) =
        (t.state, t.scope_set, t.filtered, t.sorted, t.subtotals);
    let uid = t.uid();
    let config = env.config.clone();
    let fmt = t.fmt();
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

    let cov_fmt = fmt.clone();
    let coverage = move || {
        let total = scope_set.with(|s| s.as_ref().map(|l| l.set.len()))?;
        let shown = filtered.with(|f| f.len());
        let active = state.filters.with(Filters::active_count);
        Some(crate::sentences::coverage(
            state.scope.get() == Scope::All,
            shown as u64,
            total as u64,
            active,
            |n| cov_fmt.count(n),
        ))
    };
    let notes_fmt = fmt.clone();
    let notes = move || {
        let s = subtotals.get();
        let invalid = s.total.invalid_runs();
        let partial = s.total.in_progress;
        let fmt = &notes_fmt;
        let count = |n: u64| fmt.count(n);
        let invalid_note = (invalid > 0).then(|| {
            let text = crate::sentences::invalid_note(invalid as u64, count);
            view! { <p class="cu-note cu-warn">{text}</p> }
        });
        let partial_note = (partial > 0).then(|| {
            let text = crate::sentences::partial_note(partial as u64, count);
            view! { <p class="cu-note">{text}</p> }
        });
        (invalid_note, partial_note)
    };
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
    watch_width(root, state);
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
            <div class="cu-summary">
                <p class="cu-coverage" aria-live="polite">{coverage}</p>
                {notes}
            </div>
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

/// Keeps `state.narrow` in step with the component's own width (a
/// `ResizeObserver` on the root, disconnected on unmount).
fn watch_width(root: NodeRef<leptos::html::Section>, state: TableState) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let narrow = entry.content_rect().width() < super::runs_table::DETAILS_BELOW_PX;
            if state.narrow.get_untracked() != narrow {
                state.narrow.set(narrow);
            }
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    let started = observer.clone();
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            started.observe(&el);
        }
    });
    let guard = send_wrapper::SendWrapper::new((observer, on_resize));
    on_cleanup(move || guard.0.disconnect());
}
