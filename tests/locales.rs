//! The catalogs shipped in `js/locales/` are complete: every key of the
//! English catalog, nothing else, each message valid against English (the
//! same check `mount` makes on the `messages` option).

use cu_cost_table::core::i18n::{Cat, Catalog, Given};
use cu_cost_table::core::messages::{keys, COUNT};

/// The object literal of a locale module (`export default { … };`), which
/// is JSON by the file's own rule.
fn catalog_json(path: &str) -> serde_json::Map<String, serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let start = text.find("export default").expect("an export default") + "export default".len();
    let body = text[start..].trim().trim_end_matches(';');
    match serde_json::from_str(body).expect("the object literal is JSON") {
        serde_json::Value::Object(map) => map,
        _ => panic!("not an object"),
    }
}

fn given(value: &serde_json::Value) -> Given {
    match value {
        serde_json::Value::String(s) => Given::Text(s.clone()),
        serde_json::Value::Object(forms) => Given::Forms(
            forms
                .iter()
                .map(|(c, t)| (Cat::parse(c).unwrap(), t.as_str().unwrap().to_owned()))
                .collect(),
        ),
        other => panic!("not a message: {other}"),
    }
}

#[test]
fn the_german_catalog_is_complete_and_valid() {
    let de = catalog_json(concat!(env!("CARGO_MANIFEST_DIR"), "/js/locales/de.js"));
    let missing: Vec<&str> = keys().filter(|k| !de.contains_key(*k)).collect();
    assert!(missing.is_empty(), "keys missing from de.js: {missing:?}");
    assert_eq!(de.len(), COUNT, "de.js has keys the catalog does not");
    let entries = de.iter().map(|(k, v)| (k.clone(), given(v))).collect();
    let catalog = Catalog::new(entries).unwrap_or_else(|e| panic!("{e}"));
    assert!(!catalog.is_english());
}
