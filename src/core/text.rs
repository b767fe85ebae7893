//! Lower case for search, without `str::to_lowercase`'s Unicode tables in
//! the wasm: ASCII text (nearly all ids and names) in Rust; other text by the
//! browser's `String.prototype.toLowerCase` (the same Unicode default case
//! mapping, final sigma included), or `str::to_lowercase` outside a browser.

/// `s` in lower case, as `str::to_lowercase` gives it.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    unicode_lower(s)
}

#[cfg(target_arch = "wasm32")]
fn unicode_lower(s: &str) -> String {
    String::from(js_sys::JsString::from(s).to_lower_case())
}

#[cfg(not(target_arch = "wasm32"))]
fn unicode_lower(s: &str) -> String {
    s.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::lower;

    #[test]
    fn ascii_and_unicode_text_lowered_as_std_does() {
        for s in [
            "",
            "Billing-Sync",
            "RUN-42",
            "ÄÖÜ Straße",
            "ΟΔΟΣ",
            "İstanbul",
            "ǅungla",
            "Ⅻ",
        ] {
            assert_eq!(lower(s), s.to_lowercase(), "{s}");
        }
    }
}
