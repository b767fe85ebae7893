//! The root component: the table context (state, derived values as
//! `Derived` memos), URL sync, the page loader, auto refresh
//! (`refreshSeconds`), the layout with its header and section heads, and
//! the width watch on the root (`narrow`).

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::columns_menu::columns_menu;
use super::daily_chart::daily_chart;
use super::empty_state::empty_state;
use super::error_box::error_box;
use super::export::{export_runs, export_subtotals};
use super::filters::filters_panel;
use super::group_by::group_by_select;
use super::group_chart::group_chart;
use super::pager::pager;
use super::period::period_summary;
use super::print_head::print_head;
use super::retrying::retrying;
use super::runs_table::runs_table;
use super::scope_bar::scope_bar;
use super::subtotals_table::subtotals_table;
use super::summary::summary;
use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::load::auto_refresh::install_auto_refresh;
use crate::load::config::Config;
use crate::load::env::Env;
use crate::load::page_loader::install_page_loader;
use crate::view::el::{h, El};
use crate::view::table::{use_table, Table};

fn next_uid() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("cu{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Reads the URL into the table's state and keeps the two in step
/// (`syncUrl`); values equal to the options' are left out of the URL.
#[cfg(target_arch = "wasm32")]
fn sync_url(t: Table, config: &Config) {
    crate::view::url_sync::install(
        t,
        crate::view::url_sync::Defaults {
            limit: config.page_size,
            columns: t.state.columns.get_untracked(),
            has_price: config.price.is_some(),
            choices: crate::view::url_sync::Choices {
                period: config.period.unwrap_or_default(),
                compare: true,
                group: config.group_by,
                granularity: config.granularity,
            },
        },
    );
}

// The layout's own parts, built once from the settings, below: private to
// the layout, as they are used nowhere else.

/// The header: the title (`heading_id`), the organization (`org_id`) and
/// the price per CU when set.
fn head(config: &Config, heading_id: &str, org_id: &str, f: &Formatter) -> El {
    let price = config.price.as_ref().map(|p| {
        let per_cu = p.per_cu.to_text().replace('.', f.decimal_sep());
        let text = f.tf(
            M::priceLine,
            &[("price", &per_cu), ("currency", &p.currency)],
        );
        h("span").class("cu-muted").text(&text)
    });
    h("header")
        .class("cu-head")
        .child(h("h2").attr("id", heading_id).text(&config.title))
        .child(
            h("span")
                .class("cu-org")
                .attr("id", org_id)
                .attr("title", &f.t(M::organization))
                .text(&config.org_id),
        )
        .child_opt(price)
}

/// A section's heading row, titled `title`.
fn section_head(title: &str) -> El {
    h("div").class("cu-section-head").child(h("h3").text(title))
}

/// "Subtotals", with Group by and the export.
fn subtotals_head() -> El {
    section_head(&use_table().say(M::subtotals)).child(
        h("div")
            .class("cu-section-tools")
            .child(group_by_select())
            .child(export_subtotals()),
    )
}

/// "Runs", with the zone of the times, the columns menu and the export.
fn runs_head(zone: &str) -> El {
    section_head(&use_table().say(M::runs))
        .child(
            // Started and Finished are shown in the display zone.
            h("span")
                .class("cu-muted cu-times-zone")
                .text(&use_table().fmt().tf(M::timesIn, &[("zone", zone)])),
        )
        .child(
            h("div")
                .class("cu-section-tools")
                .child(columns_menu())
                .child(export_runs()),
        )
}

/// The whole CU cost table for one organization, with `env`'s settings,
/// runs source and formatting.
pub fn cost_table(env: Rc<Env>) -> El {
    let t = Table::provide(env.clone(), next_uid());
    super::width::start_width(t, env.host.width());
    let state = t.state;
    let uid = t.uid();
    let config = env.config.clone();
    if config.sync_url {
        // Read the URL before the first request, so a shared link loads its page.
        #[cfg(target_arch = "wasm32")]
        sync_url(t, &config);
    }
    install_page_loader(state, env.clone());
    crate::load::ledger::start(state, env.clone());
    install_auto_refresh(state, env);

    let heading_id = format!("{uid}-title");
    let org_id = format!("{uid}-org");
    // Named by title and org, so several instances stay distinguishable.
    let labelled_by = format!("{heading_id} {org_id}");
    let charts = config.charts.then(|| {
        h("div")
            .class("cu-charts")
            .child(group_chart())
            .child(daily_chart())
    });
    let env_zone = t.fmt().display_zone().to_owned();
    let root = h("section")
        .class("cu-root")
        .attr("aria-labelledby", &labelled_by)
        .child(head(&config, &heading_id, &org_id, &t.fmt()))
        .child(retrying())
        .child(print_head())
        .with(error_box)
        .child(scope_bar())
        .child(filters_panel())
        .child(super::ledger::balance_lines())
        .child(period_summary())
        .child(super::ledger::reconciliation_view())
        .child(summary())
        .child_opt(charts)
        .child(subtotals_head())
        .show(
            move || !state.node_types.get(),
            || vec![subtotals_table()],
            || vec![super::ledger::node_types_table()],
        )
        .child(runs_head(&env_zone))
        .child(pager())
        .child(runs_table(empty_state))
        // What the last sort button did, for screen readers (the arrows
        // and `aria-sort` are not announced on every screen reader).
        .child(
            h("p")
                .class("cu-sr-only cu-sort-said")
                .attr("role", "status")
                .dyn_text(move || t.sort_said.get()),
        );
    super::width::watch_width(root.element(), t);
    root
}
