//! The Workflow and Trigger selects, each value with its count under the
//! other filters.

use crate::core::keyed::Counts;
use crate::core::messages::M;

use wasm_bindgen::JsCast;

use crate::load::reactive::Derived;
use crate::view::el::{h, target_value, El};

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

/// One option of a facet select.
#[derive(Debug, Clone, PartialEq)]
struct Opt {
    value: String,
    text: String,
    selected: bool,
    /// The platform's code on hover, where the label differs from it.
    code: Option<String>,
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
) -> Vec<Opt> {
    let total: usize = counts.values().sum();
    let mut items: Vec<(String, usize)> = counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
    if let Some(c) = current.filter(|c| !counts.contains_key(c)) {
        items.push((c.to_owned(), 0));
    }
    let mut options = vec![Opt {
        value: all_value.to_owned(),
        text: format!("{all_text} ({})", fmt.count(total as u64)),
        selected: current.is_none(),
        code: None,
    }];
    for (raw, n) in items {
        let shown = label(&raw);
        options.push(Opt {
            value: format!("{value_prefix}{raw}"),
            text: format!("{shown} ({})", fmt.count(n as u64)),
            selected: current == Some(raw.as_str()),
            code: (shown != raw && !raw.is_empty()).then_some(raw),
        });
    }
    options
}

/// Shows `opts` in `select`: when the values are the ones shown, only the
/// texts that changed and the selection are updated (a select of thousands
/// of workflows is not built again on every filter change); else the
/// options are built anew. Text only through `textContent`.
fn patch(select: &web_sys::Element, opts: &[Opt]) {
    let shown = select.children();
    let same = shown.length() as usize == opts.len()
        && opts.iter().enumerate().all(|(i, o)| {
            shown
                .item(i as u32)
                .and_then(|e| e.get_attribute("value"))
                .is_some_and(|v| v == o.value)
        });
    if !same {
        select.set_text_content(None);
        let Some(doc) = select.owner_document() else {
            return;
        };
        for o in opts {
            if let Ok(el) = doc.create_element("option") {
                let _ = el.set_attribute("value", &o.value);
                if let Some(code) = &o.code {
                    let _ = el.set_attribute("title", code);
                }
                el.set_text_content(Some(&o.text));
                let _ = select.append_child(&el);
            }
        }
    } else {
        for (i, o) in opts.iter().enumerate() {
            if let Some(el) = shown.item(i as u32) {
                if el.text_content().as_deref() != Some(o.text.as_str()) {
                    el.set_text_content(Some(&o.text));
                }
            }
        }
    }
    let chosen = opts
        .iter()
        .find(|o| o.selected)
        .map_or("", |o| o.value.as_str());
    if let Some(select) = select.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(chosen);
    }
}

/// A facet select: Workflow or Trigger.
pub fn facet_select(facet: Facet) -> El {
    let t = use_table();
    let (state, facets, fmt) = (t.state, t.facets, t.fmt());
    let (label, key) = match facet {
        Facet::Workflow => (t.say(M::colWorkflow), "workflow"),
        Facet::Trigger => (t.say(M::colTrigger), "trigger"),
    };
    let (all_workflows, all_triggers) = (t.say(M::allWorkflows), t.say(M::allTriggers));
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
                (&all_workflows, ""),
                "",
                &|w| t.workflow_name(w),
                &fmt,
            ),
            Facet::Trigger => facet_options(
                &c.triggers,
                current.as_deref(),
                (&all_triggers, "*"),
                "=",
                &|raw| trigger_label(raw, &fmt),
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
    // The options as data, a memo: nothing is touched while they are equal.
    let opts = Derived::new(options);
    let select = h("select").attr("id", &id).on("change", on_change);
    let el = select.element().clone();
    crate::load::effect::effect(move |_| opts.with(|o| patch(&el, o)));
    h("div")
        .class("cu-field")
        .child(h("label").attr("for", &id).text(&label))
        .child(select)
}
