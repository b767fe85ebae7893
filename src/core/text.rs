//! Lower case for search, without `str::to_lowercase`'s Unicode tables in
//! the wasm: ASCII text (nearly all ids and names) in Rust; other text by the
//! browser's `String.prototype.toLowerCase` (the same Unicode default case
//! mapping, final sigma included), or `str::to_lowercase` outside a browser.
//! And names isolated for bidirectional text where CSS cannot isolate them.

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

/// Whether `c` is a bidirectional control or a right-to-left letter
/// (Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms).
fn bidi(c: char) -> bool {
    matches!(c, '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// `s` between a first-strong isolate and its pop (U+2068 … U+2069) when
/// it holds a bidirectional control or right-to-left text: inside an
/// `<option>` or a sentence (where `unicode-bidi: isolate` cannot reach),
/// a name such as `abc\u{202E}gpj.exe` then cannot reorder the count or
/// quotes after it. Other text as it is.
pub fn isolate(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(bidi) {
        format!("\u{2068}{s}\u{2069}").into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::{isolate, lower};

    #[test]
    fn names_with_bidi_text_are_isolated() {
        assert_eq!(isolate("billing-sync"), "billing-sync");
        assert_eq!(isolate("café"), "café");
        assert_eq!(
            isolate("abc\u{202E}gpj.exe"),
            "\u{2068}abc\u{202E}gpj.exe\u{2069}"
        );
        assert_eq!(isolate("תשלום"), "\u{2068}תשלום\u{2069}");
        assert_eq!(isolate("مزامنة"), "\u{2068}مزامنة\u{2069}");
    }

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
