//! The Workflow and Trigger selects, each value with its count under the
//! other filters.

use crate::core::keyed::Counts;
use crate::core::messages::M;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::load::tasks::next_task;

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
            text: format!(
                "{} ({})",
                crate::core::text::isolate(&shown),
                fmt.count(n as u64)
            ),
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
    /// `text` is not on the page yet ([`flush`] puts it there).
    stale: bool,
}

/// One select as shown: its options, and whether its options wait for
/// the next task ([`show_chosen`] showed only the chosen one).
#[derive(Default)]
struct Showing {
    list: Vec<Shown>,
    behind: bool,
}

/// The options of one select, as shown.
type ShownList = Rc<RefCell<Showing>>;

/// Puts every stale option's text on the page.
fn flush(shown: &ShownList) {
    for s in shown.borrow_mut().list.iter_mut().filter(|s| s.stale) {
        s.el.set_text_content(Some(&s.text));
        s.stale = false;
    }
}

/// Brings a select whose options are behind ([`show_chosen`]) up to date
/// with the latest `opts`; nothing once the select is unmounted.
fn bring_up(select: &web_sys::Element, shown: &ShownList, opts: Derived<Vec<Opt>>) {
    if shown.borrow().behind {
        if let Some(o) = opts.try_get_untracked() {
            patch(select, shown, &o);
        }
    }
}

/// Brings the select up to date at once (it got the focus or a pointer),
/// then puts every text on the page.
fn catch_up(select: &web_sys::Element, shown: &ShownList, opts: Derived<Vec<Opt>>) {
    bring_up(select, shown, opts);
    flush(shown);
}

/// A new `<option>` for `o`, its text not set yet.
fn new_option(doc: &web_sys::Document, o: &Opt) -> Option<Shown> {
    let el = doc.create_element("option").ok()?;
    let _ = el.set_attribute("value", &o.value);
    if let Some(code) = &o.code {
        let _ = el.set_attribute("title", code);
    }
    Some(Shown {
        value: o.value.clone(),
        text: String::new(),
        el,
        stale: false,
    })
}

/// Shows the chosen option of `opts` (what the closed select shows) at
/// once, made if it is not on screen yet, and the whole list in the next
/// task ([`patch`]), or at once when the select gets the focus or a
/// pointer: a filter change shows its totals first (turning a status off
/// brings back hundreds of workflows), and the walk's last page shows its
/// runs before 2,000 workflows are listed.
fn show_chosen(select: &web_sys::Element, shown: &ShownList, opts: &[Opt], all: Derived<Vec<Opt>>) {
    let Some(o) = opts.iter().find(|o| o.selected) else {
        patch(select, shown, opts);
        return;
    };
    let mut showing = shown.borrow_mut();
    let at = match showing.list.iter().position(|s| s.value == o.value) {
        Some(at) => at,
        None => {
            let Some(made) = select.owner_document().and_then(|d| new_option(&d, o)) else {
                return;
            };
            let _ = select.append_child(&made.el);
            showing.list.push(made);
            showing.list.len() - 1
        }
    };
    let s = &mut showing.list[at];
    if s.text != o.text || s.stale {
        s.text.clone_from(&o.text);
        s.el.set_text_content(Some(&s.text));
        s.stale = false;
    }
    if let Some(select) = select.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(&o.value);
    }
    if std::mem::replace(&mut showing.behind, true) {
        return; // the next task is already asked for
    }
    drop(showing);
    let (select, shown) = (select.clone(), shown.clone());
    spawn_local(async move {
        next_task().await;
        bring_up(&select, &shown, all);
    });
}

/// Shows `opts` in `select`, given what it shows now (`shown`, kept here
/// so the page is never read back). The values keep their order across
/// filter changes (the set's order of first appearance), so the new list is
/// walked beside the old one: an option whose value is found further on
/// keeps its element and has its text set only when it changed; the old
/// options passed over are removed, and an option not found is made and
/// put before the next one that stays. A select of thousands of workflows
/// is not built again on every filter change. When fewer than half of the
/// old options stay, the select is emptied in one call and filled again.
/// The texts of options other than the chosen one (what the closed select
/// shows), new ones and new counts alike, are put on the page in the next
/// task, or at once when the select gets the focus or a pointer: a filter
/// change shows its totals first (a status change renames every one of
/// 2,000 workflows), and the walk's last page shows its runs before 2,000
/// new options are named. Text only through `textContent`.
fn patch(select: &web_sys::Element, list: &ShownList, opts: &[Opt]) {
    let Some(doc) = select.owner_document() else {
        return;
    };
    let mut showing = list.borrow_mut();
    showing.behind = false;
    let mut later = false;
    let mut old: Vec<Option<Shown>> = std::mem::take(&mut showing.list)
        .into_iter()
        .map(Some)
        .collect();
    let mut from = 0;
    // Each option's element, and whether it was on screen before.
    let mut next: Vec<(bool, Shown)> = Vec::with_capacity(opts.len());
    for o in opts {
        let found = old[from..]
            .iter()
            .position(|s| s.as_ref().is_some_and(|s| s.value == o.value))
            .map(|k| from + k);
        let (kept, mut s) = match found.and_then(|at| {
            from = at + 1;
            old[at].take()
        }) {
            Some(s) => (true, s),
            None => {
                let Some(s) = new_option(&doc, o) else {
                    continue;
                };
                (false, s)
            }
        };
        if s.text != o.text {
            s.text.clone_from(&o.text);
            s.stale = true;
        }
        if s.stale {
            if !o.selected {
                later = true;
            } else {
                s.el.set_text_content(Some(&s.text));
                s.stale = false;
            }
        }
        next.push((kept, s));
    }
    let stay = next.iter().filter(|(kept, _)| *kept).count();
    if stay * 2 < old.len() {
        select.set_text_content(None);
        for (_, s) in &next {
            let _ = select.append_child(&s.el);
        }
    } else {
        for s in old.iter().flatten() {
            s.el.remove();
        }
        let mut after: Option<&web_sys::Element> = None;
        for (kept, s) in next.iter().rev() {
            if !kept {
                let _ = select.insert_before(&s.el, after.map(|e| e.unchecked_ref()));
            }
            after = Some(&s.el);
        }
    }
    let chosen = opts
        .iter()
        .find(|o| o.selected)
        .map_or("", |o| o.value.as_str());
    if let Some(select) = select.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(chosen);
    }
    showing.list = next.into_iter().map(|(_, s)| s).collect();
    drop(showing);
    if later {
        let list = list.clone();
        spawn_local(async move {
            next_task().await;
            flush(&list);
        });
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
    let shown: ShownList = Rc::default();
    let select = h("select").attr("id", &id).on("change", on_change);
    let el = select.element().clone();
    let catch = |shown: &ShownList| {
        let (el, shown) = (el.clone(), shown.clone());
        move |_| catch_up(&el, &shown, opts)
    };
    let select = select
        .on("focus", catch(&shown))
        .on("pointerdown", catch(&shown));
    crate::load::effect::effect(move |_| opts.with(|o| show_chosen(&el, &shown, o, opts)));
    h("div")
        .class("cu-field cu-facet")
        .child(h("label").attr("for", &id).text(&label))
        .child(select)
}
