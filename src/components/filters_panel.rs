//! Client-side filters with faceted counts. Filters never refetch.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::api::RunStatus;
use crate::cu::Cu;
use crate::filter::{FacetCounts, Filters};
use crate::format::Formatter;
use crate::labels::trigger_label;
use crate::state::{Shared, TableState};

/// Delay between the last keystroke in "Search runs" and filtering.
pub const SEARCH_DEBOUNCE_MS: u64 = 200;

/// The options of a facet select: "All … (n)" first, then every value with
/// its count under the other filters; a selected value that no longer
/// matches anything stays listed (with 0) so the select still shows it.
fn facet_options(
    counts: &BTreeMap<String, usize>,
    current: Option<&str>,
    (all_text, all_value): (&str, &'static str),
    value_prefix: &'static str,
    label: fn(&str) -> &str,
    fmt: &Formatter,
) -> impl IntoView {
    let total: usize = counts.values().sum();
    let mut items: Vec<(String, usize)> = counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
    if let Some(c) = current.filter(|c| !counts.contains_key(*c)) {
        items.push((c.to_owned(), 0));
    }
    let all = view! { <option value=all_value selected=current.is_none()>{format!("{all_text} ({})", fmt.count(total as u64))}</option> };
    let rest = items
        .into_iter()
        .map(|(raw, n)| {
            let selected = current == Some(raw.as_str());
            let text = format!("{} ({})", label(&raw), fmt.count(n as u64));
            view! { <option value=format!("{value_prefix}{raw}") selected=selected>{text}</option> }
        })
        .collect_view();
    (all, rest)
}

/// Search, Status, Workflow, Trigger, From/To, Minimum CU and "Clear filters".
#[component]
pub fn FiltersPanel(
    /// The instance state.
    state: TableState,
    /// Counts per facet value over the runs in scope.
    facets: Memo<Shared<FacetCounts>>,
    /// Locale formatting.
    fmt: Arc<Formatter>,
    /// Prefix for element ids (unique per instance).
    uid: String,
    /// Organization id (names the search landmark, unique per instance).
    org: String,
) -> impl IntoView {
    let search_label = format!("Filter runs of {org}");
    let search_text = RwSignal::new(state.filters.with_untracked(|f| f.search.clone()));
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let on_search = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        search_text.set(text.clone());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                pending.try_set_value(None);
                state.filters.try_update(|f| f.search = text);
            },
            Duration::from_millis(SEARCH_DEBOUNCE_MS),
        )
        .ok();
        pending.set_value(handle);
    };
    on_cleanup(move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
    });
    // Filters can also change from outside (URL, Back/Forward, Clear): keep the
    // inputs in step with the applied values (without clobbering typing).
    let applied_search = Memo::new(move |_| state.filters.with(|f| f.search.clone()));
    Effect::new(move |_| {
        let applied = applied_search.get();
        if pending.get_value().is_none() || search_text.get_untracked() == applied {
            search_text.set(applied);
        }
    });
    let min_cu_text = RwSignal::new(state.filters.with_untracked(|f| {
        f.min_cu
            .map(|c| {
                c.to_plain()
                    .trim_end_matches('0')
                    .trim_end_matches('.')
                    .to_owned()
            })
            .unwrap_or_default()
    }));
    let min_cu_error = move || {
        let text = min_cu_text.get();
        let t = text.trim();
        (!t.is_empty() && t.parse::<f64>().ok().and_then(Cu::from_f64).is_none())
            .then_some("Enter a number of 0 or more.")
    };
    let on_min_cu = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        min_cu_text.set(text.clone());
        let t = text.trim();
        if t.is_empty() {
            state.filters.update(|f| f.min_cu = None);
        } else if let Some(cu) = t.parse::<f64>().ok().and_then(Cu::from_f64) {
            state.filters.update(|f| f.min_cu = Some(cu));
        }
    };
    let clear = move |_| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        search_text.set(String::new());
        min_cu_text.set(String::new());
        state.filters.set(Filters::default());
    };
    let count_fmt = fmt.clone();
    let status_boxes = move || {
        let counts = facets.get();
        let selected = state.filters.with(|f| f.statuses.clone());
        let fmt = count_fmt.clone();
        counts
            .statuses
            .iter()
            .map(|(raw, n)| {
                let raw = raw.clone();
                let checked = selected.contains(&raw);
                let label = RunStatus::parse(&raw).label().to_owned();
                let value = raw.clone();
                view! {
                    <label class="cu-check">
                        <input
                            type="checkbox"
                            prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let value = value.clone();
                                state.filters.update(|f| {
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
    let wf_fmt = fmt.clone();
    let workflow_options = move || {
        let current = state.filters.with(|f| f.workflow.clone());
        facets.with(|c| {
            facet_options(
                &c.workflows,
                current.as_deref(),
                ("All workflows", ""),
                "",
                |w| w,
                &wf_fmt,
            )
        })
    };
    let tr_fmt = fmt.clone();
    // Trigger values are prefixed so "no trigger" ("=") differs from "all" ("*").
    let trigger_options = move || {
        let current = state.filters.with(|f| f.trigger.clone());
        facets.with(|c| {
            facet_options(
                &c.triggers,
                current.as_deref(),
                ("All triggers", "*"),
                "=",
                trigger_label,
                &tr_fmt,
            )
        })
    };
    let date_uid = uid.clone();
    let date_input = move |label: &'static str, which: fn(&mut Filters) -> &mut Option<String>| {
        let value = move || {
            state.filters.with(|f| {
                let mut f = f.clone();
                which(&mut f).clone().unwrap_or_default()
            })
        };
        let id = format!("{date_uid}-{}", label.to_ascii_lowercase());
        view! {
            <div class="cu-field">
                <label for=id.clone()>{label}</label>
                <input
                    id=id
                    type="date"
                    prop:value=value
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.filters.update(|f| *which(f) = (!v.is_empty()).then_some(v));
                    }
                />
            </div>
        }
    };
    let chips = move || {
        let f = state.filters.get();
        let mut chips: Vec<String> = Vec::new();
        if !f.search.trim().is_empty() {
            chips.push(format!("Search: “{}”", f.search.trim()));
        }
        if !f.statuses.is_empty() {
            let labels: Vec<String> = f
                .statuses
                .iter()
                .map(|s| RunStatus::parse(s).label().to_owned())
                .collect();
            chips.push(format!("Status: {}", labels.join(", ")));
        }
        if let Some(w) = &f.workflow {
            chips.push(format!("Workflow: {w}"));
        }
        if let Some(t) = &f.trigger {
            chips.push(format!("Trigger: {}", trigger_label(t)));
        }
        if let Some(d) = &f.from {
            chips.push(format!("From: {d}"));
        }
        if let Some(d) = &f.to {
            chips.push(format!("To: {d}"));
        }
        if let Some(cu) = f.min_cu {
            chips.push(format!(
                "Minimum CU: {}",
                cu.to_plain().trim_end_matches('0').trim_end_matches('.')
            ));
        }
        chips
            .into_iter()
            .map(|c| view! { <li class="cu-chip">{c}</li> })
            .collect_view()
    };
    let active = move || state.filters.with(Filters::active_count);
    let id = |what: &str| format!("{uid}-{what}");
    let (search_id, workflow_id, trigger_id, min_id) =
        (id("search"), id("workflow"), id("trigger"), id("mincu"));
    let min_err_id = id("mincu-error");
    view! {
        <div class="cu-filters" role="search" aria-label=search_label>
            <div class="cu-filter-row">
                <div class="cu-field cu-grow">
                    <label for=search_id.clone()>"Search runs"</label>
                    <input
                        id=search_id
                        type="search"
                        placeholder="Run, workflow or trigger"
                        autocomplete="off"
                        prop:value=move || search_text.get()
                        on:input=on_search
                    />
                </div>
                <div class="cu-field">
                    <label for=workflow_id.clone()>"Workflow"</label>
                    <select id=workflow_id on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.filters.update(|f| f.workflow = (!v.is_empty()).then_some(v));
                    }>{workflow_options}</select>
                </div>
                <div class="cu-field">
                    <label for=trigger_id.clone()>"Trigger"</label>
                    <select id=trigger_id on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.filters.update(|f| f.trigger = v.strip_prefix('=').map(str::to_owned));
                    }>{trigger_options}</select>
                </div>
                {date_input("From", |f| &mut f.from)}
                {date_input("To", |f| &mut f.to)}
                <div class="cu-field cu-narrow">
                    <label for=min_id.clone()>"Minimum CU"</label>
                    <input
                        id=min_id
                        type="number"
                        min="0"
                        step="any"
                        inputmode="decimal"
                        prop:value=move || min_cu_text.get()
                        aria-invalid=move || min_cu_error().is_some().to_string()
                        aria-describedby=min_err_id.clone()
                        on:input=on_min_cu
                    />
                    <span class="cu-field-error" id=min_err_id>{min_cu_error}</span>
                </div>
            </div>
            <div class="cu-filter-row">
                <fieldset class="cu-statuses">
                    <legend>"Status"</legend>
                    {status_boxes}
                </fieldset>
                <button type="button" class="cu-btn" disabled=move || active() == 0 on:click=clear>
                    "Clear filters"
                </button>
            </div>
            <Show when=move || { active() > 0 }>
                <div class="cu-active">
                    <span>{move || if active() == 1 { "1 filter active:".to_owned() } else { format!("{} filters active:", active()) }}</span>
                    <ul class="cu-chips">{chips}</ul>
                </div>
            </Show>
        </div>
    }
}
