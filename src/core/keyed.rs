//! Small maps keyed by text, as a sorted list searched by halves: workflow
//! display names (`workflowNames`, [`Names`]) and facet counts ([`Counts`]).
//!
//! The maps are built once and then only read. Why sorted lists and not
//! `BTreeMap`: docs/decisions/0001-size-driven-design.md.

use std::ops::Index;

use crate::core::sort::sorted_by;

/// A map from text keys to `V`, in key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed<V>(Vec<(String, V)>);

/// Display names by workflow id.
pub type Names = Keyed<String>;

/// Runs by facet value.
pub type Counts = Keyed<usize>;

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<V> Keyed<V> {
    /// The map of `pairs` (key, value); of two values for one key, the
    /// later wins (as inserting them in order into a map would).
    pub fn new(pairs: Vec<(String, V)>) -> Keyed<V> {
        let sorted = sorted_by(pairs, &|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, V)> = Vec::with_capacity(sorted.len());
        for pair in sorted {
            match out.last_mut() {
                // Sorted stably: equal keys keep their order, the later last.
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => out.push(pair),
            }
        }
        Keyed(out)
    }

    /// The value of `key`, if any.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| &self.0[i].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values, in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<V> Index<&str> for Keyed<V> {
    type Output = V;

    /// The value of a key that has one (panics otherwise, like a map).
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no value for this key")
    }
}

impl<V, const N: usize> From<[(String, V); N]> for Keyed<V> {
    fn from(pairs: [(String, V); N]) -> Keyed<V> {
        Keyed::new(pairs.into())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// Every lookup and walk answers as a `BTreeMap` filled by
        /// inserting the same pairs in order would (the later value of a
        /// key wins).
        #[test]
        fn a_keyed_map_reads_like_a_map_filled_in_order(
            pairs in proptest::collection::vec(("[a-d]{0,2}", 0usize..5), 0..40),
            probes in proptest::collection::vec("[a-d]{0,2}", 0..20),
        ) {
            let mut map = BTreeMap::new();
            for (k, v) in &pairs {
                map.insert(k.clone(), *v);
            }
            let keyed = Keyed::new(pairs);
            prop_assert_eq!(keyed.is_empty(), map.is_empty());
            prop_assert_eq!(keyed.iter().collect::<Vec<_>>(), map.iter().collect::<Vec<_>>());
            prop_assert_eq!(keyed.keys().collect::<Vec<_>>(), map.keys().collect::<Vec<_>>());
            prop_assert_eq!(keyed.values().collect::<Vec<_>>(), map.values().collect::<Vec<_>>());
            for p in &probes {
                prop_assert_eq!(keyed.get(p), map.get(p));
                prop_assert_eq!(keyed.contains_key(p), map.contains_key(p));
            }
        }
    }
}
