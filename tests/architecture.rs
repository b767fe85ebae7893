//! The layers hold: reads every `crate::…` path under `src/` (test code
//! included: a test oracle counts) and every `super::…` path outside test
//! modules (there `super::` means the file itself), and fails when a module
//! imports a higher layer, or when modules import each other in a cycle.
//!
//! Layers, lowest first: `core` (pure) · `api` (the network) · `load`
//! (settings, signals, loaders) · `view` (the DOM) · the root (`mount`,
//! `lib`). A module may import its own layer and the ones below.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_types, clippy::disallowed_methods)] // test code: not shipped

use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Every module of the crate (`core::sort`, `view::components::pager`, …)
/// and its source text.
fn modules() -> HashMap<String, String> {
    fn walk(dir: &Path, out: &mut HashMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix("src").unwrap().with_extension("");
                let mut name = rel.to_string_lossy().replace(['/', '\\'], "::");
                if let Some(parent) = name.strip_suffix("::mod") {
                    name = parent.to_owned();
                }
                if name == "lib" {
                    name = String::new();
                }
                out.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = HashMap::new();
    walk(Path::new("src"), &mut out);
    out
}

/// The text without `//` comments (doc links are not imports).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths after each `prefix` in `text`: `crate::core::sort::x` → `core::sort::x`.
fn paths<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        let tail = &rest[at + prefix.len()..];
        let end = tail
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == ':'))
            .unwrap_or(tail.len());
        if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            out.push(tail[..end].trim_end_matches(':'));
        }
        rest = &tail[end..];
    }
    out
}

/// The longest module that `path` starts with.
fn resolve(path: &str, names: &HashSet<&str>) -> Option<String> {
    let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find(|m| names.contains(m.as_str()))
}

fn layer(module: &str) -> (usize, &'static str) {
    match module.split("::").next().unwrap_or("") {
        "core" => (0, "core"),
        "api" => (1, "api"),
        "load" => (2, "load"),
        "view" => (3, "view"),
        _ => (4, "the root"),
    }
}

/// Module → the modules it imports.
fn graph() -> HashMap<String, HashSet<String>> {
    let mods = modules();
    let names: HashSet<&str> = mods.keys().map(String::as_str).collect();
    let mut deps: HashMap<String, HashSet<String>> = HashMap::new();
    for (name, text) in &mods {
        let text = code(text);
        // Top-level test modules come last; `super::` there means this file.
        let body_end = ["#[cfg(test)]", "#[cfg(all(test"]
            .iter()
            .filter_map(|m| text.find(&format!("\n{m}")))
            .min()
            .unwrap_or(text.len());
        let mut found: Vec<String> = paths(&text, "crate::")
            .into_iter()
            .filter_map(|p| resolve(p, &names))
            .collect();
        let parent = name.rsplit_once("::").map_or("", |(p, _)| p);
        found.extend(
            paths(&text[..body_end], "super::")
                .into_iter()
                .filter_map(|p| {
                    let full = if parent.is_empty() {
                        p.to_owned()
                    } else {
                        format!("{parent}::{p}")
                    };
                    resolve(&full, &names)
                }),
        );
        let set = deps.entry(name.clone()).or_default();
        for target in found {
            // A module's own items, and its parent's `mod` lines, are not imports.
            if target != *name && !name.starts_with(&format!("{target}::")) && !target.is_empty() {
                set.insert(target);
            }
        }
    }
    deps
}

#[test]
fn no_module_imports_a_higher_layer() {
    let mut wrong = Vec::new();
    for (from, targets) in graph() {
        let (rank, name) = layer(&from);
        for to in targets {
            let (to_rank, to_name) = layer(&to);
            if to_rank > rank {
                wrong.push(format!("{from} ({name}) imports {to} ({to_name})"));
            }
        }
    }
    wrong.sort();
    assert!(
        wrong.is_empty(),
        "imports up the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_modules_import_each_other() {
    let deps = graph();
    // Tarjan's strongly connected components: any with two or more modules is a cycle.
    struct Walk<'a> {
        deps: &'a HashMap<String, HashSet<String>>,
        index: HashMap<&'a str, usize>,
        low: HashMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: HashSet<&'a str>,
        cycles: Vec<Vec<&'a str>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            self.on.insert(v);
            for w in self.deps.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if self.on.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut scc = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on.remove(w);
                    scc.push(w);
                    if w == v {
                        break;
                    }
                }
                if scc.len() > 1 {
                    scc.sort_unstable();
                    self.cycles.push(scc);
                }
            }
        }
    }
    let mut walk = Walk {
        deps: &deps,
        index: HashMap::new(),
        low: HashMap::new(),
        stack: Vec::new(),
        on: HashSet::new(),
        cycles: Vec::new(),
    };
    let mut names: Vec<&str> = deps.keys().map(String::as_str).collect();
    names.sort_unstable();
    for v in names {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    let cycles: Vec<String> = walk.cycles.iter().map(|c| c.join(" ⇄ ")).collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_check_sees_imports() {
    // The reader finds what a file imports, so the checks above can fail.
    let deps = graph();
    assert!(deps["view::table"].contains("load::state"));
    assert!(deps["core::csv"].contains("core::cu"));
    assert!(deps["view::components::cost_table"].contains("view::components::pager"));
    assert!(deps.len() > 80, "{} modules", deps.len());
}
