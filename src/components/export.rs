//! The CSV exports: saving a file from the browser (a Blob and a temporary
//! link) and the two export buttons.

use wasm_bindgen::JsCast;

use crate::csv::{file_name, runs_csv, subtotals_csv, SubtotalsShape};
use crate::el::{button, El};
use crate::table::use_table;

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

/// Today's date (UTC) as `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    crate::time::utc_date(js_sys::Date::now() as i64)
}

/// What an export covers, for its file name: the From–To days (a period
/// or typed days) and the zone they are counted in, else the export day.
fn stamp(t: crate::table::Table) -> String {
    let days = t
        .state
        .filters
        .with_untracked(|f| f.from.clone().zip(f.to.clone()));
    match days {
        Some((from, to)) => crate::csv::period_stamp(&from, &to, t.fmt().zone()),
        None => today(),
    }
}

/// "Export CSV": the filtered, sorted runs in scope.
pub fn export_runs() -> El {
    let t = use_table();
    let (scope_set, sorted) = (t.scope_set, t.sorted);
    let export = move |_: web_sys::Event| {
        let Some(set) = scope_set.get_untracked() else {
            return;
        };
        let (org, csv) = t.with_config(|c| {
            let price = c.price.as_ref().map(|p| (p.per_cu, p.currency.as_str()));
            let csv = t.names.with_value(|names| {
                sorted.with_untracked(|idx| runs_csv(&set.set, idx, price, names))
            });
            (c.org_id.clone(), csv)
        });
        let _ = download_csv(&file_name(&org, "runs", &stamp(t)), &csv);
    };
    let no_data = move || scope_set.with(Option::is_none);
    button("cu-btn cu-ghost", "Export CSV")
        .flag("disabled", no_data)
        .on("click", export)
}

/// "Export subtotals CSV": the subtotals table with its Total row.
pub fn export_subtotals() -> El {
    let t = use_table();
    let (scope_set, subtotals, previous) = (t.scope_set, t.subtotals, t.previous);
    let export = move |_: web_sys::Event| {
        let (org, currency) = t.with_config(|c| {
            (
                c.org_id.clone(),
                c.price.as_ref().map(|p| p.currency.clone()),
            )
        });
        let previous = previous.get_untracked();
        let csv = t.names.with_value(|names| {
            subtotals.with_untracked(|s| {
                subtotals_csv(
                    s,
                    SubtotalsShape {
                        group: t.state.group.get_untracked(),
                        currency: currency.as_deref(),
                        previous: Option::as_ref(&*previous.0),
                        names,
                    },
                )
            })
        });
        let _ = download_csv(&file_name(&org, "subtotals", &stamp(t)), &csv);
    };
    let no_data = move || scope_set.with(Option::is_none);
    button("cu-btn cu-ghost", "Export subtotals CSV")
        .flag("disabled", no_data)
        .on("click", export)
}
