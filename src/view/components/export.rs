//! The CSV exports: saving a file from the browser (a Blob and a temporary
//! link) and the two export buttons.

use crate::core::messages::M;
use wasm_bindgen::JsCast;

use crate::core::csv::{file_name, runs_csv, subtotals_csv, Covers, SubtotalsShape};
use crate::core::period::Cover;
use crate::load::state::Scope;
use crate::view::el::{button, El};
use crate::view::table::use_table;

/// Offers `content` as a download named `file_name`. Returns an error text
/// when the browser refuses.
pub fn download_csv(file_name: &str, content: &str) -> Result<(), String> {
    let fail = |_| "The browser did not allow the download.".to_owned();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document.")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    // A detached link downloads in current browsers: the host page's DOM is
    // never touched.
    link.click();
    // The download reads the blob after this task: revoke it a minute later.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// The period's From–To days, when both are set.
fn days(t: crate::view::table::Table) -> Option<(String, String)> {
    t.state
        .filters
        .with_untracked(|f| f.from.clone().zip(f.to.clone()))
}

/// What an export covers, for its file name: the From–To days (a period
/// or typed days) and the zone they are counted in, else the export day.
fn stamp(t: crate::view::table::Table, days: &Option<(String, String)>) -> String {
    match days {
        Some((from, to)) => crate::core::csv::period_stamp(from, to, t.fmt().zone()),
        // The export day, in the billing zone (and as of `now` when set).
        None => {
            let fmt = t.fmt();
            let now = t
                .with_config(|c| c.now_ms)
                .unwrap_or_else(|| js_sys::Date::now() as i64);
            let day = fmt.day_key(now);
            crate::core::csv::period_stamp(&day, &day, fmt.zone())
        }
    }
}

/// What every exported row says it covers: the From–To days, the billing
/// zone, the price.
fn covers<'a>(
    c: &'a crate::load::config::Config,
    fmt: &'a crate::core::format::Formatter,
    days: &'a Option<(String, String)>,
) -> Covers<'a> {
    Covers {
        days: days.as_ref().map(|(f, t)| (f.as_str(), t.as_str())),
        zone: fmt.zone(),
        price: c.price.as_ref().map(|p| (p.per_cu, p.currency.as_str())),
        fmt,
    }
}

/// Whether the exports wait: a period is chosen and its runs are not all
/// loaded, so its figures are not shown either ("… is not fully loaded;
/// its total shows once it is"). An export names the period in every row,
/// and no file claims a period it does not cover.
fn withheld(t: crate::view::table::Table) -> bool {
    t.period.with(|view| {
        view.as_ref().is_some_and(|v| {
            t.state.load_all.with(|l| l.running)
                || t.state.scope.get() != Scope::All
                || v.cover != Cover::Full
        })
    })
}

/// Why the exports are not offered now, or `None` when they are: no runs
/// read yet, or a chosen period not yet loaded and shown in full (see
/// [`withheld`]). Said on the disabled buttons as their `title`, a tooltip
/// and the description a screen reader reads with the button.
fn hold_reason(t: crate::view::table::Table) -> Option<M> {
    if t.scope_set.with(Option::is_none) {
        Some(M::exportWaitsRuns)
    } else if withheld(t) {
        Some(M::exportWaitsPeriod)
    } else {
        None
    }
}

/// An export button: disabled, with its reason, while [`hold_reason`] has one.
fn export_button(t: crate::view::table::Table, label: M) -> El {
    let reason = crate::load::reactive::Derived::new(move || hold_reason(t));
    button("cu-btn cu-ghost", &t.say(label))
        .flag("disabled", move || reason.get().is_some())
        .dyn_attr("title", move || reason.get().map(|m| t.say(m)))
}

/// "Export CSV": the filtered, sorted runs in scope.
pub fn export_runs() -> El {
    let t = use_table();
    let (scope_set, sorted) = (t.scope_set, t.sorted);
    let export = move |_: web_sys::Event| {
        let Some(set) = scope_set.get_untracked() else {
            return;
        };
        if withheld(t) {
            return;
        }
        let fmt = t.fmt();
        let days = days(t);
        // The zone's offset changes on the quarter hour at most: ask Intl
        // once per quarter hour, not twice per run.
        let mut offsets = std::collections::HashMap::new();
        let mut offset_of = |ms: i64| {
            *offsets
                .entry(ms.div_euclid(900_000))
                .or_insert_with(|| fmt.zone_offset_minutes(ms))
        };
        let (org, csv) = t.with_config(|c| {
            let covers = covers(c, &fmt, &days);
            let csv = t.names.with_value(|names| {
                sorted.with_untracked(|idx| runs_csv(&set.set, idx, covers, names, &mut offset_of))
            });
            (c.org_id.clone(), csv)
        });
        let _ = download_csv(&file_name(&org, "runs", &stamp(t, &days)), &csv);
    };
    export_button(t, M::exportCsv).on("click", export)
}

/// "Export subtotals CSV": the subtotals table with its Total row.
pub fn export_subtotals() -> El {
    let t = use_table();
    let (subtotals, previous) = (t.subtotals, t.previous);
    let export = move |_: web_sys::Event| {
        if withheld(t) {
            return;
        }
        let fmt = t.fmt();
        let days = days(t);
        let previous = previous.get_untracked();
        let (org, csv) = t.with_config(|c| {
            let covers = covers(c, &fmt, &days);
            let csv = t.names.with_value(|names| {
                subtotals.with_untracked(|s| {
                    subtotals_csv(
                        s,
                        SubtotalsShape {
                            group: t.state.group.get_untracked(),
                            previous: Option::as_ref(&*previous.0),
                            names,
                            total_row: c.csv_total_row,
                        },
                        covers,
                    )
                })
            });
            (c.org_id.clone(), csv)
        });
        let _ = download_csv(&file_name(&org, "subtotals", &stamp(t, &days)), &csv);
    };
    export_button(t, M::exportSubtotalsCsv).on("click", export)
}
