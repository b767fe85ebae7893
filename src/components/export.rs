//! Saving a CSV file from the browser (a Blob and a temporary link).

use wasm_bindgen::JsCast;

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
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Today's date (UTC) as `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    crate::time::utc_date(js_sys::Date::now() as i64)
}
