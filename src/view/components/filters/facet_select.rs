//! The Workflow and Trigger selects, each value with its count under the
//! other filters.

use crate::core::keyed::Counts;

use crate::view::el::{h, target_value, El, Els};

use crate::core::format::Formatter;
use crate::core::labels::trigger_label;
use crate::view::table::use_table;

/// Which facet a select filters by.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// `workflowId`.
    Workflow,
    /// `triggerSource` (a run may have none).
    Trigger,
}

/// The options of a facet select: "All … (n)" first, then every value with
/// its count under the other filters; a selected value that no longer
/// matches anything stays listed (with 0) so the select still shows it.
fn facet_options(
    counts: &Counts,
    current: Option<&str>,
    (all_text, all_value): (&str, &'static str),
    value_prefix: &'static str,
    label: &dyn Fn(&str) -> String,
    fmt: &Formatter,
) -> Els {
    let total: usize = counts.values().sum();
    let mut items: Vec<(String, usize)> = counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
    if let Some(c) = current.filter(|c| !counts.contains_key(c)) {
        items.push((c.to_owned(), 0));
    }
    let option = |value: &str, text: &str, selected: bool, code: Option<&str>| {
        let mut option = h("option").attr("value", value).text(text);
        // The platform's code on hover, where the label differs from it.
        if let Some(code) = code {
            option = option.attr("title", code);
        }
        if selected {
            option.attr("selected", "")
        } else {
            option
        }
    };
    let all = format!("{all_text} ({})", fmt.count(total as u64));
    let mut options = vec![option(all_value, &all, current.is_none(), None)];
    for (raw, n) in items {
        let shown = label(&raw);
        let text = format!("{shown} ({})", fmt.count(n as u64));
        let value = format!("{value_prefix}{raw}");
        let code = (shown != raw && !raw.is_empty()).then_some(raw.as_str());
        options.push(option(&value, &text, current == Some(raw.as_str()), code));
    }
    options
}

/// A facet select: Workflow or Trigger.
pub fn facet_select(facet: Facet) -> El {
    let t = use_table();
    let (state, facets, fmt) = (t.state, t.facets, t.fmt());
    let (label, key) = match facet {
        Facet::Workflow => ("Workflow", "workflow"),
        Facet::Trigger => ("Trigger", "trigger"),
    };
    let id = format!("{}-{key}", t.uid());
    // Trigger values are prefixed so "no trigger" ("=") differs from "all" ("*").
    let options = move || {
        let current = state.filters.with(|f| match facet {
            Facet::Workflow => f.workflow.clone(),
            Facet::Trigger => f.trigger.clone(),
        });
        facets.with(|c| match facet {
            Facet::Workflow => facet_options(
                &c.workflows,
                current.as_deref(),
                ("All workflows", ""),
                "",
                &|w| t.workflow_name(w),
                &fmt,
            ),
            Facet::Trigger => facet_options(
                &c.triggers,
                current.as_deref(),
                ("All triggers", "*"),
                "=",
                &|raw| trigger_label(raw).to_owned(),
                &fmt,
            ),
        })
    };
    let on_change = move |ev: web_sys::Event| {
        let v = target_value(&ev);
        match facet {
            Facet::Workflow => t.update_filters(|f| f.workflow = (!v.is_empty()).then_some(v)),
            Facet::Trigger => {
                t.update_filters(|f| f.trigger = v.strip_prefix('=').map(str::to_owned))
            }
        }
    };
    h("div")
        .class("cu-field")
        .child(h("label").attr("for", &id).text(label))
        .child(
            h("select")
                .attr("id", &id)
                .on("change", on_change)
                .dyn_part(options),
        )
}
