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

/// One option on screen: its value, its text and its element.
struct Shown {
    value: String,
    text: String,
    el: web_sys::Element,
}

/// Shows `opts` in `select`, given what it shows now (`shown`, kept here
/// so the page is never read back): an option whose value stays keeps its
/// element and has its text set only when it changed; options that go are
/// removed, new ones made and put in their place. A select of thousands of
/// workflows is not built again on every filter change. When the kept
/// options would change order, or fewer than half stay, the select is
/// emptied in one call and filled again with the elements in order. Text
/// only through `textContent`.
fn patch(select: &web_sys::Element, shown: &mut Vec<Shown>, opts: &[Opt]) {
    let Some(doc) = select.owner_document() else {
        return;
    };
    let mut old: std::collections::HashMap<String, (usize, Shown)> = std::mem::take(shown)
        .into_iter()
        .enumerate()
        .map(|(at, s)| (s.value.clone(), (at, s)))
        .collect();
    let before = old.len();
    // Each option's element, and whether it was on screen before (its old
    // place), in the new order.
    let mut next: Vec<(Option<usize>, Shown)> = Vec::with_capacity(opts.len());
    for o in opts {
        let (was, mut s) = match old.remove(&o.value) {
            Some((at, s)) => (Some(at), s),
            None => {
                let Ok(el) = doc.create_element("option") else {
                    continue;
                };
                let _ = el.set_attribute("value", &o.value);
                if let Some(code) = &o.code {
                    let _ = el.set_attribute("title", code);
                }
                let s = Shown {
                    value: o.value.clone(),
                    text: String::new(),
                    el,
                };
                (None, s)
            }
        };
        if s.text != o.text {
            s.el.set_text_content(Some(&o.text));
            s.text.clone_from(&o.text);
        }
        next.push((was, s));
    }
    let kept: Vec<usize> = next.iter().filter_map(|(was, _)| *was).collect();
    let in_order = kept.windows(2).all(|w| w[0] < w[1]);
    if !in_order || kept.len() * 2 < before {
        select.set_text_content(None);
        for (_, s) in &next {
            let _ = select.append_child(&s.el);
        }
    } else {
        for (_, s) in old.values() {
            s.el.remove();
        }
        // New options go before the next option that stays (or at the end).
        let mut after: Option<web_sys::Element> = None;
        for (was, s) in next.iter().rev() {
            if was.is_none() {
                let _ = select.insert_before(&s.el, after.as_ref().map(|e| e.unchecked_ref()));
            }
            after = Some(s.el.clone());
        }
    }
    let chosen = opts
        .iter()
        .find(|o| o.selected)
        .map_or("", |o| o.value.as_str());
    if let Some(select) = select.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(chosen);
    }
    *shown = next.into_iter().map(|(_, s)| s).collect();
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
    let mut shown = Vec::new();
    crate::load::effect::effect(move |_| opts.with(|o| patch(&el, &mut shown, o)));
    h("div")
        .class("cu-field")
        .child(h("label").attr("for", &id).text(&label))
        .child(select)
}
