//! The Status checkboxes, each with its count under the other filters.

use leptos::prelude::*;

use crate::api::RunStatus;
use crate::table::use_table;

/// A checkbox per status seen in scope.
#[component]
pub fn StatusChecks() -> impl IntoView {
    let t = use_table();
    let (state, facets, fmt) = (t.state, t.facets, t.fmt());
    let boxes = move || {
        let counts = facets.get();
        let selected = state.filters.with(|f| f.statuses.clone());
        counts
            .statuses
            .iter()
            .map(|(raw, n)| {
                let checked = selected.contains(raw);
                let label = RunStatus::parse(raw).label().to_owned();
                let value = raw.clone();
                view! {
                    <label class="cu-check">
                        <input
                            type="checkbox"
                            prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let value = value.clone();
                                t.update_filters(|f| {
                                    f.statuses.retain(|s| *s != value);
                                    if on {
                                        f.statuses.push(value);
                                    }
                                });
                            }
                        />
                        <span>{label}</span>
                        <span class="cu-count">{format!(" ({})", fmt.count(*n as u64))}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="cu-statuses">
            <legend>"Status"</legend>
            {boxes}
        </fieldset>
    }
}
