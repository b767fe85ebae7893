//! "Minimum CU": a number of 0 or more, with a message for anything else.

use crate::core::messages::M;
use crate::view::el::{h, target_value, El};

use crate::core::cu::Cu;
use crate::load::reactive::Sig;
use crate::view::table::use_table;

fn parse(text: &str) -> Option<Cu> {
    Cu::from_input(text)
}

/// The Minimum CU input.
pub fn min_cu_field() -> El {
    let t = use_table();
    let (id, error_id) = (
        format!("{}-mincu", t.uid()),
        format!("{}-mincu-error", t.uid()),
    );
    let text = Sig::new(t.state.filters.with_untracked(|f| {
        f.min_cu
            .map(|c| {
                c.to_plain()
                    .trim_end_matches('0')
                    .trim_end_matches('.')
                    .to_owned()
            })
            .unwrap_or_default()
    }));
    let error = move || {
        let typed = text.get();
        let invalid = !typed.trim().is_empty() && parse(&typed).is_none();
        if invalid {
            t.say(M::minCuError)
        } else {
            String::new()
        }
    };
    let on_input = move |ev: web_sys::Event| {
        let typed = target_value(&ev);
        text.set(typed.clone());
        if typed.trim().is_empty() {
            t.update_filters(|f| f.min_cu = None);
        } else if let Some(cu) = parse(&typed) {
            t.update_filters(|f| f.min_cu = Some(cu));
        }
    };
    crate::load::effect::effect(move |first| {
        t.cleared.track();
        if !first {
            text.set(String::new());
        }
    });
    h("div")
        .class("cu-field cu-narrow")
        .child(h("label").attr("for", &id).text(&t.say(M::minCu)))
        .child(
            h("input")
                .attr("id", &id)
                .attr("type", "number")
                .attr("min", "0")
                .attr("step", "any")
                .attr("inputmode", "decimal")
                .prop("value", move || text.get().into())
                .dyn_attr("aria-invalid", move || {
                    Some((!error().is_empty()).to_string())
                })
                .attr("aria-describedby", &error_id)
                .on("input", on_input),
        )
        .child(
            h("span")
                .class("cu-field-error")
                .attr("id", &error_id)
                .dyn_text(error),
        )
}
