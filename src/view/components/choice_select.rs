//! A labelled select over a fixed list of choices: Period, Group by and
//! Granularity are each one of these.

use crate::view::el::{h, target_value, El};
use crate::view::table::use_table;

/// What a [`choice_select`] offers.
pub struct Choices {
    /// The label text and accessible name ("Period").
    pub label: String,
    /// Suffix of the element id (unique within the instance).
    pub name: &'static str,
    /// Classes of the field's wrapper.
    pub class: &'static str,
    /// `(key, label)` per option, in order.
    pub choices: Vec<(&'static str, String)>,
}

/// A `<select>` with a visible label (its accessible name), showing the
/// choice whose key is `current()` and calling `on_choose` with the key
/// picked.
pub fn choice_select(
    c: Choices,
    current: Box<dyn Fn() -> &'static str>,
    on_choose: Box<dyn Fn(String)>,
) -> El {
    let id = format!("{}-{}", use_table().uid(), c.name);
    let choices = c.choices;
    // Options rebuilt on a change of choice, each with its `selected`
    // attribute: a fresh option follows it even after the user picked one.
    let options = move || {
        let now = current();
        choices
            .iter()
            .map(|(key, text)| {
                let key = *key;
                let option = h("option").attr("value", key).text(text);
                if key == now {
                    option.attr("selected", "")
                } else {
                    option
                }
            })
            .collect()
    };
    h("div")
        .class(c.class)
        .child(h("label").attr("for", &id).text(&c.label))
        .child(
            h("select")
                .attr("id", &id)
                .on("change", move |ev| on_choose(target_value(&ev)))
                .dyn_part(options),
        )
}
