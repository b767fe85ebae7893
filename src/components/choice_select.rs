//! A labelled select over a fixed list of choices: Period, Group by and
//! Granularity are each one of these.

use leptos::prelude::*;

use crate::table::use_table;

/// A `<select>` with a visible label (its accessible name), showing the
/// choice whose key is `current` and calling `on_choose` with the key
/// picked.
#[component]
pub fn ChoiceSelect(
    /// The label text and accessible name ("Period").
    label: &'static str,
    /// Suffix of the element id (unique within the instance).
    name: &'static str,
    /// Classes of the field's wrapper.
    class: &'static str,
    /// `(key, label)` per option, in order.
    choices: Vec<(&'static str, &'static str)>,
    /// The key of the choice shown.
    #[prop(into)]
    current: Signal<&'static str>,
    /// Called with the key picked.
    on_choose: Callback<String>,
) -> impl IntoView {
    let id = format!("{}-{name}", use_table().uid());
    let options = move || {
        let now = current.get();
        choices
            .iter()
            .map(|&(key, text)| view! { <option value=key selected=key == now>{text}</option> })
            .collect_view()
    };
    view! {
        <div class=class>
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_choose.run(event_target_value(&ev))>{options}</select>
        </div>
    }
}
