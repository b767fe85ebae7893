//! "Minimum CU": a number of 0 or more, with a message for anything else.

use leptos::prelude::*;

use crate::cu::Cu;
use crate::table::use_table;

fn parse(text: &str) -> Option<Cu> {
    Cu::from_input(text)
}

/// The Minimum CU input.
#[component]
pub fn MinCuField() -> impl IntoView {
    let t = use_table();
    let (id, error_id) = (
        format!("{}-mincu", t.uid()),
        format!("{}-mincu-error", t.uid()),
    );
    let text = RwSignal::new(t.state.filters.with_untracked(|f| {
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
        (!typed.trim().is_empty() && parse(&typed).is_none())
            .then_some("Enter a number of 0 or more.")
    };
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        if typed.trim().is_empty() {
            t.update_filters(|f| f.min_cu = None);
        } else if let Some(cu) = parse(&typed) {
            t.update_filters(|f| f.min_cu = Some(cu));
        }
    };
    crate::effect::effect(move |first| {
        t.cleared.track();
        if !first {
            text.set(String::new());
        }
    });
    view! {
        <div class="cu-field cu-narrow">
            <label for=id.clone()>"Minimum CU"</label>
            <input
                id=id
                type="number"
                min="0"
                step="any"
                inputmode="decimal"
                prop:value=move || text.get()
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=error_id.clone()
                on:input=on_input
            />
            <span class="cu-field-error" id=error_id>{error}</span>
        </div>
    }
}
