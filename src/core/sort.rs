//! Multi-key, stable sorting of runs by column.
//!
//! Why one comparison sort and a radix sort: docs/decisions/0001-size-driven-design.md.

use std::cmp::Ordering;

use crate::core::store::RunSet;

/// A `(key, tag)` pair of [`sort_pairs`].
type Pair = (u64, u32);

/// Sorts `(key, tag)` pairs by key, then tag. Every sort of numbers in the
/// component goes through this one function, and every other sort through
/// [`sort_positions`]: each sort call site with its own element type or
/// closure is its own copy of the sort in the wasm (about 3 KB each;
/// docs/decisions/0001-size-driven-design.md).
///
/// A least-significant-digit radix sort: the byte counts of every digit in
/// one pass, then one stable pass per byte (tag bytes first, then key
/// bytes), skipping a byte that is the same in every pair, and the tag
/// bytes altogether when the tags already ascend (as the sort of runs by a
/// number sends them): a third of the code of the standard library's
/// unstable sort, and as fast for CU values.
///
/// Each pass goes through the pairs in blocks of [`BLOCK`], one call each
/// (see there).
pub fn sort_pairs(pairs: &mut [(u64, u32)]) {
    let n = pairs.len();
    if n < 2 {
        return;
    }
    // A stable pass on key bytes keeps ascending tags ascending among ties.
    let first = if pairs.windows(2).all(|w| w[0].1 <= w[1].1) {
        4
    } else {
        0
    };
    let mut counts = vec![[0usize; 256]; 12];
    for block in pairs.chunks(BLOCK) {
        blocked_count(block, first, &mut counts);
    }
    // The passes go from `pairs` to `other` and back (no copy of the
    // input: at a million runs each buffer is 16 MB of wasm memory, which
    // never shrinks).
    let mut other = vec![(0u64, 0u32); n];
    let mut in_other = false;
    for (digit, count) in counts.iter().enumerate().skip(first) {
        if count.contains(&n) {
            continue; // the same byte everywhere: this pass would move nothing
        }
        let mut at = [0usize; 256];
        let mut sum = 0;
        for (slot, c) in at.iter_mut().zip(count) {
            *slot = sum;
            sum += c;
        }
        let (from, to): (&[Pair], &mut [Pair]) = if in_other {
            (&other, pairs)
        } else {
            (pairs, &mut other)
        };
        for block in from.chunks(BLOCK) {
            blocked_scatter(block, to, digit, &mut at);
        }
        in_other = !in_other;
    }
    if in_other {
        pairs.copy_from_slice(&other);
    }
}

/// Pairs per call of the radix sort's loops. The browser runs a wasm
/// function on its baseline compiler until it has run hot, then compiles it
/// optimised in the background and uses that code from the next call on (a
/// call already running stays on the baseline code). A million pairs in one
/// call per loop ran the first sort of a page wholly on baseline code: 161
/// ms against 69–75 ms for the sorts after it (BENCHMARKS.md); in blocks,
/// the blocks after the first few run optimised. The `blocked_*`
/// functions stay functions: Rust does not inline them (`inline(never)`)
/// and wasm-opt is told not to (`--no-inline=*sort::blocked_*`,
/// `WASM_OPT_FLAGS` in scripts/env.sh and index.html's wasm-opt
/// parameters), or each loop would be one call again.
const BLOCK: usize = 1 << 14;

/// Byte `digit` of a pair: tag bytes 0–3, then key bytes 4–11.
#[inline(always)]
fn byte(p: &Pair, digit: usize) -> usize {
    if digit < 4 {
        (p.1 >> (8 * digit)) as usize & 0xff
    } else {
        (p.0 >> (8 * (digit - 4))) as usize & 0xff
    }
}

/// Adds the byte counts of `block`'s pairs, digits `first..`, to `counts`.
#[inline(never)]
fn blocked_count(block: &[Pair], first: usize, counts: &mut [[usize; 256]]) {
    for p in block {
        for (digit, count) in counts.iter_mut().enumerate().skip(first) {
            count[byte(p, digit)] += 1;
        }
    }
}

/// Moves `block`'s pairs to their places in `to` by byte `digit`, `at`
/// holding the next place of each byte value.
#[inline(never)]
fn blocked_scatter(block: &[Pair], to: &mut [Pair], digit: usize, at: &mut [usize; 256]) {
    for p in block {
        let b = byte(p, digit);
        to[at[b]] = *p;
        at[b] += 1;
    }
}

/// A stable sort of positions by `cmp` (ties keep their order). The one
/// comparison sort of the crate (clippy.toml forbids the others).
#[allow(clippy::disallowed_methods)]
pub fn sort_positions(positions: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| cmp(a, b));
}

/// `items` in the order of a stable sort by `cmp`.
pub fn sorted_by<T>(items: Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Orders two optional values, a missing one after any present one.
fn opt<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

pub use crate::core::columns::Column;

impl Column {
    /// The header text.
    pub fn label(self, f: &crate::core::format::Formatter) -> String {
        use crate::core::messages::M;
        f.t(match self {
            Column::Run => M::colRun,
            Column::Workflow => M::colWorkflow,
            Column::Status => M::colStatus,
            Column::Trigger => M::colTrigger,
            Column::Started => M::colStarted,
            Column::Finished => M::colFinished,
            Column::Duration => M::colDuration,
            Column::Cu => M::colCu,
            Column::Cost => M::colCostShort,
        })
    }

    /// Numbers and times sort largest/newest first on the first click.
    fn descending_first(self) -> bool {
        matches!(
            self,
            Column::Started | Column::Finished | Column::Duration | Column::Cu
        )
    }

    /// Compares runs `a` and `b` of `set` by this column; missing values
    /// sort last.
    fn compare(self, set: &RunSet, a: usize, b: usize) -> Ordering {
        match self {
            Column::Run => set.cmp_run_ids(a, b),
            Column::Workflow => set.workflow_id(a).cmp(set.workflow_id(b)),
            Column::Status => set.status(a).label().cmp(set.status(b).label()),
            Column::Trigger => opt(set.trigger(a), set.trigger(b)),
            Column::Started => opt(set.started_ms(a), set.started_ms(b)),
            Column::Finished => opt(set.finished_ms(a), set.finished_ms(b)),
            Column::Duration => opt(set.duration_ms(a), set.duration_ms(b)),
            Column::Cu | Column::Cost => opt(set.cu(a), set.cu(b)),
        }
    }

    fn has_value(self, set: &RunSet, i: usize) -> bool {
        match self {
            Column::Trigger => set.trigger(i).is_some(),
            Column::Started => set.started_ms(i).is_some(),
            Column::Finished => set.finished_ms(i).is_some(),
            Column::Duration => set.duration_ms(i).is_some(),
            Column::Cu | Column::Cost => set.cu(i).is_some(),
            _ => true,
        }
    }
}

/// One sort key: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey {
    /// The column.
    pub column: Column,
    /// Largest first.
    pub descending: bool,
}

/// The new sort keys after a click on `column` (`additive` = Shift held).
///
/// A plain click sorts by that column alone, flipping the direction when it
/// already was the only key. Shift+click adds the column as a further key, or
/// flips it if it is already one.
pub fn toggle(keys: &[SortKey], column: Column, additive: bool) -> Vec<SortKey> {
    let existing = keys.iter().position(|k| k.column == column);
    if additive {
        let mut next = keys.to_vec();
        match existing {
            Some(i) => next[i].descending = !next[i].descending,
            None => next.push(SortKey {
                column,
                descending: column.descending_first(),
            }),
        }
        next
    } else {
        match (existing, keys.len()) {
            (Some(0), 1) => vec![SortKey {
                column,
                descending: !keys[0].descending,
            }],
            _ => vec![SortKey {
                column,
                descending: column.descending_first(),
            }],
        }
    }
}

impl Column {
    /// Whether the column orders runs by a number.
    fn is_numeric(self) -> bool {
        matches!(
            self,
            Column::Started | Column::Finished | Column::Duration | Column::Cu | Column::Cost
        )
    }

    /// The number that orders runs as [`Column::compare`] does, for a
    /// numeric column (`None`: missing, or not a numeric column).
    fn number(self, set: &RunSet, i: usize) -> Option<i64> {
        match self {
            Column::Started => set.started_ms(i),
            Column::Finished => set.finished_ms(i),
            Column::Duration => set.duration_ms(i),
            Column::Cu | Column::Cost => set.cu(i).map(|c| c.0 as i64),
            _ => None,
        }
    }
}

/// Sorts `indices` into `set` by `keys`, stably (ties keep their order).
/// Runs without a value for a key sort after those with one, either way.
///
/// One numeric key (the common case: a click on CU, Cost, Started, …) takes
/// a fast path: each run's key is read once into a `(key, position)` pair,
/// and the pairs are sorted as plain integers (no run touched per
/// comparison; the position keeps ties in their order). Property tests pit
/// it against the general comparison sort below.
pub fn sort_indices(set: &RunSet, indices: &mut [usize], keys: &[SortKey]) {
    match keys {
        [] => {}
        [key] if key.column.is_numeric() => sort_by_number(set, indices, *key),
        _ => sort_by_comparison(set, indices, keys),
    }
}

/// The runs of `filtered` (indices in increasing order, as the filters give
/// them) in the order of `order`, a stable sort of every run in scope: the
/// same as sorting `filtered` itself (a stable sort keeps the relative order
/// of any subset), in one pass. What a filter change costs while the table
/// is sorted.
pub fn restrict(order: &[usize], filtered: &[usize]) -> Vec<usize> {
    if filtered.len() == order.len() {
        return order.to_vec();
    }
    // One bit per run (125 KB at a million runs, not a byte each).
    let mut keep = vec![0u64; order.len().div_ceil(64)];
    for &i in filtered {
        if let Some(word) = keep.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }
    let mut out = Vec::with_capacity(filtered.len());
    out.extend(
        order
            .iter()
            .copied()
            .filter(|&i| keep.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)),
    );
    out
}

/// The fast path of [`sort_indices`] for one numeric key.
fn sort_by_number(set: &RunSet, indices: &mut [usize], key: SortKey) {
    // In blocks, as `sort_pairs` does its passes (see `BLOCK`).
    let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(indices.len());
    for (b, block) in indices.chunks(BLOCK).enumerate() {
        blocked_encode(set, key, block, b * BLOCK, &mut pairs);
    }
    sort_pairs(&mut pairs);
    let original = indices.to_vec();
    for (slots, block) in indices.chunks_mut(BLOCK).zip(pairs.chunks(BLOCK)) {
        blocked_place(slots, block, &original);
    }
}

/// Appends the `(key, position)` pairs of `block` (whose first position is
/// `base`) to `pairs`. Present values map order-preservingly onto
/// 0..u64::MAX - 1 (flipped when descending); a missing value is u64::MAX,
/// after all of them.
#[inline(never)]
fn blocked_encode(set: &RunSet, key: SortKey, block: &[usize], base: usize, pairs: &mut Vec<Pair>) {
    for (k, &i) in block.iter().enumerate() {
        let encoded = match key.column.number(set, i) {
            None => u64::MAX,
            Some(x) => {
                let m = ((x as u64) ^ (1 << 63)).min(u64::MAX - 1);
                if key.descending {
                    u64::MAX - 1 - m
                } else {
                    m
                }
            }
        };
        pairs.push((encoded, (base + k) as u32));
    }
}

/// Writes into `slots` the runs at the sorted pairs' positions.
#[inline(never)]
fn blocked_place(slots: &mut [usize], block: &[Pair], original: &[usize]) {
    for (slot, &(_, pos)) in slots.iter_mut().zip(block) {
        *slot = original[pos as usize];
    }
}

/// The general path of [`sort_indices`]: a stable sort comparing runs key
/// by key.
fn sort_by_comparison(set: &RunSet, indices: &mut [usize], keys: &[SortKey]) {
    sort_positions(indices, &|a, b| {
        for key in keys {
            let (ha, hb) = (key.column.has_value(set, a), key.column.has_value(set, b));
            let ord = match (ha, hb) {
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                _ => {
                    let o = key.column.compare(set, a, b);
                    if key.descending {
                        o.reverse()
                    } else {
                        o
                    }
                }
            };
            if ord != Ordering::Equal {
                return ord;
            }
        }
        Ordering::Equal
    });
}

/// Which of `xs` (an element's place before a change, `None` for one new)
/// form a longest strictly increasing sequence: the elements that can stay
/// where they are while the others move around them (what a keyed list
/// moves least). O(n log n): the smallest tail of each length so far,
/// with the element before it.
pub fn stays_in_order(xs: &[Option<usize>]) -> Vec<bool> {
    // tails[k]: the index in `xs` ending the best sequence of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, x) in xs.iter().enumerate() {
        let Some(x) = *x else { continue };
        let k = tails.partition_point(|&t| xs[t].is_some_and(|y| y < x));
        before[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut stays = vec![false; xs.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        stays[i] = true;
        at = before[i];
    }
    stays
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support::run;

    #[test]
    fn click_toggles_and_shift_click_adds() {
        let k = toggle(&[], Column::Cu, false);
        assert_eq!(
            k,
            vec![SortKey {
                column: Column::Cu,
                descending: true
            }]
        );
        let k = toggle(&k, Column::Cu, false);
        assert_eq!(
            k,
            vec![SortKey {
                column: Column::Cu,
                descending: false
            }]
        );
        let k = toggle(&k, Column::Workflow, true);
        assert_eq!(k.len(), 2);
        assert_eq!(
            k[1],
            SortKey {
                column: Column::Workflow,
                descending: false
            }
        );
        let k = toggle(&k, Column::Workflow, true);
        assert!(k[1].descending);
        let k = toggle(&k, Column::Run, false);
        assert_eq!(
            k,
            vec![SortKey {
                column: Column::Run,
                descending: false
            }]
        );
    }

    #[test]
    fn sorts_stably_with_missing_values_last() {
        let runs = vec![
            run(
                "a",
                "w2",
                "success",
                "2026-11-20T10:00:00Z",
                Some(2.0),
                None,
            ),
            run("b", "w1", "success", "2026-11-20T11:00:00Z", None, None),
            run(
                "c",
                "w1",
                "success",
                "2026-11-20T12:00:00Z",
                Some(2.0),
                None,
            ),
            run(
                "d",
                "w2",
                "success",
                "2026-11-20T13:00:00Z",
                Some(9.0),
                None,
            ),
        ];
        let runs = RunSet::new(runs, crate::core::time::utc_date);
        let mut idx: Vec<usize> = (0..4).collect();
        sort_indices(
            &runs,
            &mut idx,
            &[SortKey {
                column: Column::Cu,
                descending: true,
            }],
        );
        assert_eq!(idx, vec![3, 0, 2, 1], "ties keep order, missing last");
        sort_indices(
            &runs,
            &mut idx,
            &[SortKey {
                column: Column::Cu,
                descending: false,
            }],
        );
        assert_eq!(idx, vec![0, 2, 3, 1]);
        let mut idx: Vec<usize> = (0..4).collect();
        sort_indices(
            &runs,
            &mut idx,
            &[
                SortKey {
                    column: Column::Workflow,
                    descending: false,
                },
                SortKey {
                    column: Column::Started,
                    descending: true,
                },
            ],
        );
        assert_eq!(idx, vec![2, 1, 3, 0]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::core::run::Run;
    use crate::core::test_support::run;
    use proptest::prelude::*;

    /// The slow, obvious comparison: on the runs as decoded.
    fn compare_runs(column: Column, a: &Run, b: &Run) -> Ordering {
        match column {
            Column::Run => a.run_id.cmp(&b.run_id),
            Column::Workflow => a.workflow_id.cmp(&b.workflow_id),
            Column::Status => a.status.label().cmp(b.status.label()),
            Column::Trigger => opt(a.trigger_source.as_deref(), b.trigger_source.as_deref()),
            Column::Started => opt(a.started_ms, b.started_ms),
            Column::Finished => opt(a.finished_ms, b.finished_ms),
            Column::Duration => opt(a.duration_ms(), b.duration_ms()),
            Column::Cu | Column::Cost => opt(a.cu, b.cu),
        }
    }

    /// The oracle: a stable sort of the runs themselves, key by key.
    fn oracle(runs: &[Run], indices: &mut [usize], keys: &[SortKey]) {
        indices.sort_by(|&a, &b| {
            for key in keys {
                let o = compare_runs(key.column, &runs[a], &runs[b]);
                let o = if key.descending { o.reverse() } else { o };
                // Missing values last either way.
                let missing = |r: &Run| match key.column {
                    Column::Trigger => r.trigger_source.is_none(),
                    Column::Started => r.started_ms.is_none(),
                    Column::Finished => r.finished_ms.is_none(),
                    Column::Duration => r.duration_ms().is_none(),
                    Column::Cu | Column::Cost => r.cu.is_none(),
                    _ => false,
                };
                let o = match (missing(&runs[a]), missing(&runs[b])) {
                    (false, true) => Ordering::Less,
                    (true, false) => Ordering::Greater,
                    _ => o,
                };
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        });
    }

    fn arb_keys() -> impl Strategy<Value = Vec<SortKey>> {
        proptest::collection::vec(
            (
                0usize..crate::core::columns::ALL_WITH_COST.len(),
                any::<bool>(),
            ),
            0..3,
        )
        .prop_map(|k| {
            k.into_iter()
                .map(|(c, descending)| SortKey {
                    column: crate::core::columns::ALL_WITH_COST[c],
                    descending,
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// The shared stable sort gives exactly what the standard library's
        /// stable sort of the items themselves gives (ties in their order).
        #[test]
        fn sorted_by_is_the_stable_sort(items in proptest::collection::vec((0u8..4, any::<u16>()), 0..80)) {
            let fast = sorted_by(items.clone(), &|a: &(u8, u16), b: &(u8, u16)| a.0.cmp(&b.0));
            let mut slow = items;
            slow.sort_by_key(|a| a.0);
            prop_assert_eq!(fast, slow);
        }

        /// The shared pair sort orders by key, then tag, over keys and tags
        /// of every width (the radix passes) and with many ties.
        #[test]
        fn sort_pairs_orders_by_key_then_tag(mut pairs in proptest::collection::vec(
            (prop_oneof![0u64..6, any::<u64>(), (0u64..4).prop_map(|k| k << 40)], prop_oneof![0u32..3, any::<u32>()]),
            0..300,
        )) {
            let mut slow = pairs.clone();
            slow.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            sort_pairs(&mut pairs);
            prop_assert_eq!(pairs, slow);
        }

        /// The same with tags that already ascend (the pass over tag bytes
        /// is skipped then), as the numeric column sort sends them.
        #[test]
        fn sort_pairs_with_ascending_tags_orders_by_key_then_tag(keys in proptest::collection::vec(
            prop_oneof![0u64..6, any::<u64>(), (0u64..4).prop_map(|k| k << 40)],
            0..300,
        )) {
            let mut pairs: Vec<(u64, u32)> = keys.into_iter().zip(0u32..).collect();
            let mut slow = pairs.clone();
            slow.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            sort_pairs(&mut pairs);
            prop_assert_eq!(pairs, slow);
        }

        /// Sorting is a stable permutation: ties keep the server's order.
        #[test]
        fn sort_is_a_stable_permutation(runs in crate::core::test_support::arb_runs(), keys in arb_keys()) {
            let set = RunSet::new(runs.clone(), crate::core::time::utc_date);
            let mut idx: Vec<usize> = (0..runs.len()).collect();
            sort_indices(&set, &mut idx, &keys);
            let mut seen = idx.clone();
            seen.sort_unstable();
            prop_assert_eq!(seen, (0..runs.len()).collect::<Vec<_>>());
            for w in idx.windows(2) {
                let tie = keys.iter().all(|k| k.column.has_value(&set, w[0]) == k.column.has_value(&set, w[1]) && k.column.compare(&set, w[0], w[1]) == Ordering::Equal);
                if tie {
                    prop_assert!(w[0] < w[1], "equal runs keep their order");
                }
            }
            // The same order as a stable sort of the runs themselves.
            let mut slow: Vec<usize> = (0..runs.len()).collect();
            oracle(&runs, &mut slow, &keys);
            prop_assert_eq!(idx, slow);
        }

        /// The one-numeric-key fast path gives exactly the order of the
        /// general comparison sort, from any starting order of the indices
        /// (ties keep their position), with extreme values included.
        #[test]
        fn numeric_fast_path_matches_the_comparison_sort(
            runs in crate::core::test_support::arb_runs(),
            col in 0usize..5,
            descending in any::<bool>(),
            shuffle in proptest::collection::vec(any::<u32>(), 60),
        ) {
            let column = [Column::Started, Column::Finished, Column::Duration, Column::Cu, Column::Cost][col];
            let key = SortKey { column, descending };
            let mut runs = runs;
            if let Some(r) = runs.first_mut() {
                r.started_ms = Some(i64::MIN + 1);
            }
            if let Some(r) = runs.get_mut(1) {
                r.started_ms = Some(i64::MAX);
            }
            for (i, r) in runs.iter_mut().enumerate() {
                if shuffle[i] % 3 == 0 {
                    r.finished_ms = r.started_ms.and_then(|s| s.checked_add(i64::from(shuffle[i] % 1_000)));
                }
            }
            let mut start: Vec<usize> = (0..runs.len()).collect();
            start.sort_by_key(|&i| shuffle[i]);
            let set = RunSet::new(runs.clone(), crate::core::time::utc_date);
            let mut fast = start.clone();
            sort_indices(&set, &mut fast, &[key]);
            let mut slow = start.clone();
            sort_by_comparison(&set, &mut slow, &[key]);
            prop_assert_eq!(&fast, &slow);
            let mut oracle_order = start.clone();
            oracle(&runs, &mut oracle_order, &[key]);
            prop_assert_eq!(fast, oracle_order);
        }

        /// `restrict` keeps exactly the filtered runs, in the order given,
        /// across the words of its bit set (any permutation of up to 300
        /// runs, any subset): against a plain membership test.
        #[test]
        fn restrict_keeps_the_filtered_runs_in_order(
            order in Just((0..300usize).collect::<Vec<_>>()).prop_shuffle(),
            keep in proptest::collection::vec(any::<bool>(), 300),
            n in 0usize..=300,
        ) {
            let order: Vec<usize> = order.into_iter().filter(|&i| i < n).collect();
            let filtered: Vec<usize> = (0..n).filter(|&i| keep[i]).collect();
            let slow: Vec<usize> = order.iter().copied().filter(|i| filtered.contains(i)).collect();
            prop_assert_eq!(restrict(&order, &filtered), slow);
        }

        /// Keeping the filtered runs of the whole scope's sort order gives
        /// exactly the order of sorting the filtered runs themselves.
        #[test]
        fn restricting_the_full_order_matches_sorting_the_filtered_runs(
            runs in crate::core::test_support::arb_runs(),
            keys in arb_keys(),
            keep in proptest::collection::vec(any::<bool>(), 60),
        ) {
            let set = RunSet::new(runs.clone(), crate::core::time::utc_date);
            let mut all: Vec<usize> = (0..runs.len()).collect();
            sort_indices(&set, &mut all, &keys);
            let filtered: Vec<usize> = (0..runs.len()).filter(|&i| keep[i]).collect();
            let mut slow = filtered.clone();
            sort_indices(&set, &mut slow, &keys);
            prop_assert_eq!(restrict(&all, &filtered), slow);
        }

        /// The elements that stay are increasing, and as many as the
        /// longest increasing sequence (an O(n²) count).
        #[test]
        fn the_elements_that_stay_are_a_longest_increasing_sequence(
            xs in proptest::collection::vec(proptest::option::of(0usize..40), 0..40),
        ) {
            let stays = stays_in_order(&xs);
            prop_assert_eq!(stays.len(), xs.len());
            let kept: Vec<usize> = xs.iter().zip(&stays).filter(|(_, s)| **s).map(|(x, _)| x.unwrap()).collect();
            prop_assert!(kept.windows(2).all(|w| w[0] < w[1]), "{:?}", kept);
            // best[i]: the longest increasing sequence ending at xs[i].
            let mut best = vec![0usize; xs.len()];
            for i in 0..xs.len() {
                if let Some(x) = xs[i] {
                    best[i] = 1 + (0..i).filter(|&j| xs[j].is_some_and(|y| y < x)).map(|j| best[j]).max().unwrap_or(0);
                }
            }
            prop_assert_eq!(kept.len(), best.iter().copied().max().unwrap_or(0));
        }
    }

    /// A pseudo-random sequence (a linear congruential generator).
    fn lcg(seed: u64) -> impl Iterator<Item = u64> {
        std::iter::successors(Some(seed), |x| {
            Some(
                x.wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407),
            )
        })
        .map(|x| x >> 33)
    }

    /// More pairs than one block: the passes run block by block (`BLOCK`)
    /// and give the order of a plain sort, with ties, with tags ascending
    /// and not.
    #[test]
    fn sort_pairs_across_blocks_orders_by_key_then_tag() {
        let n = 3 * BLOCK + 123;
        for ascending_tags in [true, false] {
            let mut pairs: Vec<(u64, u32)> = lcg(7)
                .take(n)
                .enumerate()
                .map(|(i, x)| {
                    (
                        x % 5_000 + ((x % 7) << 40),
                        if ascending_tags {
                            i as u32
                        } else {
                            (x >> 3) as u32
                        },
                    )
                })
                .collect();
            let mut slow = pairs.clone();
            slow.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            sort_pairs(&mut pairs);
            assert_eq!(pairs, slow);
        }
    }

    /// More runs than one block: the numeric fast path (its keys read and
    /// its runs placed block by block) gives the comparison sort's order.
    #[test]
    fn numeric_fast_path_across_blocks_matches_the_comparison_sort() {
        let n = 2 * BLOCK + 7;
        let runs: Vec<Run> = lcg(11)
            .take(n)
            .enumerate()
            .map(|(i, x)| {
                let cu = (x % 9 != 0).then(|| (x % 3_000) as f64 / 100.0);
                run(
                    &format!("r{i}"),
                    "wf",
                    "success",
                    "2026-11-01T10:00:00Z",
                    cu,
                    None,
                )
            })
            .collect();
        let set = RunSet::new(runs, crate::core::time::utc_date);
        let start: Vec<usize> = (0..n).rev().collect();
        for descending in [true, false] {
            let key = SortKey {
                column: Column::Cu,
                descending,
            };
            let mut fast = start.clone();
            sort_indices(&set, &mut fast, &[key]);
            let mut slow = start.clone();
            sort_by_comparison(&set, &mut slow, &[key]);
            assert_eq!(fast, slow);
        }
    }
}
