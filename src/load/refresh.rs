//! "Refresh": new runs without walking everything again, as a pure state
//! machine ([`crate::load::refresher`] does the requests, one at a time).
//!
//! From offset 0, newest first, pages are read one after the other (each
//! asked after the previous reply arrived, so no run is skipped however
//! many arrive meanwhile; see [`crate::load::walk`]) until a page holds only runs
//! already held and no held run is still `running`/`waiting` further down
//! (or the list ends, or the cap is reached). The result is the runs read,
//! in list order, followed by the held runs not read again: new runs are
//! added, runs that were in progress are updated, each run is kept once.

use std::collections::HashSet;

use crate::api::RunsPage;
use crate::core::filter::RunSet;
use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::store::IdIndex;
use crate::load::walk::{Ask, Outcome, WalkEnd};

/// What a refresh changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// Runs that were not held before.
    pub added: u64,
    /// Held runs whose copy changed (status, finished time or CU).
    pub updated: u64,
    /// Held runs that were `running`/`waiting` and are not any more.
    pub finished: u64,
}

/// One refresh of a held set of runs.
#[derive(Debug)]
pub struct Refresh {
    limit: u32,
    cap: u64,
    next_offset: u64,
    done: bool,
    /// Held runs by id (an index over the held set: no copy of its ids).
    held: IdIndex,
    /// Held runs in progress not read again yet.
    pending: HashSet<usize>,
    /// Runs read, in list order (later copies replace earlier ones).
    read: RunSet,
    read_index: IdIndex,
}

impl Refresh {
    /// A refresh of `held` (in list order), asking `limit` runs a page and
    /// reading at most `cap` positions.
    pub fn new(held: &RunSet, limit: u32, cap: u64) -> Refresh {
        let pending = (0..held.len())
            .filter(|&i| held.status(i).in_progress())
            .collect();
        Refresh {
            limit: limit.max(1),
            cap: cap.max(1),
            next_offset: 0,
            done: false,
            held: IdIndex::of(held),
            pending,
            read: RunSet::default(),
            read_index: IdIndex::default(),
        }
    }

    /// The next page to read, if the refresh is not done.
    pub fn next_ask(&self) -> Option<Ask> {
        if self.done || self.next_offset >= self.cap {
            return None;
        }
        let left = (self.cap - self.next_offset).min(u64::from(u32::MAX)) as u32;
        Some(Ask {
            offset: self.next_offset,
            limit: self.limit.min(left),
            repair: false,
            seq: 0,
        })
    }

    /// The refresh stopped at its cap before it met the runs held: newer
    /// runs than those read may be missing, and the oldest held runs give
    /// way in [`Refresh::finish`].
    pub fn capped(&self) -> bool {
        !self.done && self.next_offset >= self.cap
    }

    /// Applies the reply to the last ask (`held`: the set it was made for).
    /// A reply that does not move the refresh forward (no run it had not
    /// read yet, or an end at or before the last one) ends it: a server
    /// that ignores `offset` cannot keep it going.
    pub fn receive(&mut self, held: &RunSet, page: RunsPage) {
        let mut page = page;
        // Never more than asked, whatever the server sent.
        let asked = self.next_ask().map_or(self.limit, |a| a.limit) as usize;
        if page.items.len() > asked {
            page.items.truncate(asked);
            page.has_more = true;
        }
        let len = page.items.len() as u64;
        let read_before = self.read.len();
        let mut all_held = true;
        for run in page.items {
            if let Some(i) = self.held.find(held, &run.run_id) {
                self.pending.remove(&(i as usize));
            } else {
                all_held = false;
            }
            match self.read_index.find(&self.read, &run.run_id) {
                // A later page's copy wins, unless it would turn a run
                // that finished back into one in progress.
                Some(j) if finished_then_stale(self.read.status(j as usize), &run) => {}
                Some(j) => self.read.replace(j as usize, run),
                None => {
                    let j = self.read.push(run);
                    self.read_index.insert(&self.read, j);
                }
            }
        }
        let next = page.offset.saturating_add(len);
        let stalled = self.read.len() == read_before || next <= self.next_offset;
        self.next_offset = self.next_offset.max(next);
        if !page.has_more || len == 0 || stalled || (all_held && self.pending.is_empty()) {
            self.done = true;
        }
    }

    /// The refreshed runs in list order (days not computed yet), and what
    /// changed. A run held as finished keeps its held copy when the copy
    /// read is still in progress (a stale reply: a finished run never goes
    /// back).
    pub fn finish(mut self, held: &RunSet) -> (RunSet, Changes) {
        for j in 0..self.read.len() {
            if let Some(i) = self.held.find(held, &self.read.run_id(j)) {
                if finished_then_stale(held.status(i as usize), &self.read.run(j)) {
                    self.read.replace(j, held.run(i as usize));
                }
            }
        }
        let mut changes = Changes::default();
        for j in 0..self.read.len() {
            match self.held.find(held, &self.read.run_id(j)) {
                None => changes.added += 1,
                Some(i) => {
                    let (old, new) = (held.run(i as usize), self.read.run(j));
                    if old != new {
                        changes.updated += 1;
                    }
                    if old.status.in_progress() && !new.status.in_progress() {
                        changes.finished += 1;
                    }
                }
            }
        }
        let rest: Vec<usize> = (0..held.len())
            .filter(|&i| self.read_index.find(&self.read, &held.run_id(i)).is_none())
            .collect();
        let mut out = self.read;
        // Never more than the cap: the oldest held runs give way.
        let room = (self.cap as usize).saturating_sub(out.len());
        out.extend_from(held, &rest[..rest.len().min(room)]);
        (out, changes)
    }
}

/// Whether a refresh left runs of the list out: it stopped at its cap
/// before it met the runs held (`capped`, [`Refresh::capped`]), or the
/// oldest of the `held` runs gave way to the cap, so fewer than `held` plus
/// the runs added are `kept`.
pub fn runs_left_out(capped: bool, held: usize, changes: Changes, kept: usize) -> bool {
    capped || gave_way(held, changes, kept) > 0
}

/// How many of the `held` runs gave way to the cap: those of `held` plus
/// the runs added that are not among the `kept`.
pub fn gave_way(held: usize, changes: Changes, kept: usize) -> u64 {
    (held as u64 + changes.added).saturating_sub(kept as u64)
}

/// The "Load all runs" outcome after a refresh of the loaded runs. The
/// refresh read every run newer than those held, so the runs that arrived
/// while the walk loaded are in now: "Loaded all" no longer says some more
/// arrived. A refresh that left runs out at the cap ([`runs_left_out`])
/// says so.
pub fn refreshed_outcome(outcome: Option<Outcome>, left_out: bool) -> Option<Outcome> {
    match outcome {
        _ if left_out => Some(Outcome::Walk(WalkEnd::Capped)),
        Some(Outcome::Walk(WalkEnd::Complete { .. })) => {
            Some(Outcome::Walk(WalkEnd::Complete { arrived: 0 }))
        }
        other => other,
    }
}

/// Whether `newer` is a stale copy of a run already seen `finished`: it
/// is in progress while the run had ended.
pub fn finished_then_stale(finished: &crate::api::RunStatus, newer: &crate::api::Run) -> bool {
    !finished.in_progress() && newer.status.in_progress()
}

/// What a refresh changed, for the user: "12 new runs, 3 finished since
/// 14:02." `since` is when the data was fetched before; `gave_way` the
/// oldest runs held that the cap (`cap`) let go, said after it: "The 3
/// oldest runs gave way to the cap of 1,000 runs."
pub fn changes_text(c: Changes, since: &str, gave_way: u64, cap: u64, f: &Formatter) -> String {
    let text = changed_text(c, since, f);
    if gave_way == 0 {
        return text;
    }
    let note = f.tn(M::refreshGaveWay, gave_way, &[("cap", &f.count(cap))]);
    format!("{text} {note}")
}

/// Whether a refresh's note says something new ([`changes_text`] other
/// than "No new runs since …"): runs added or finished, or held runs that
/// gave way to the cap. A CU figure of a run still in progress that moved
/// is not news: its note reads "No new runs".
pub fn found_news(c: Changes, gave_way: u64) -> bool {
    c.added > 0 || c.finished > 0 || gave_way > 0
}

fn changed_text(c: Changes, since: &str, f: &Formatter) -> String {
    let since = ("since", since);
    match (c.added, c.finished) {
        (0, 0) => f.tf(M::refreshNone, &[since]),
        (a, 0) => f.tn(M::refreshAdded, a, &[since]),
        (0, n) => f.tn(M::refreshFinished, n, &[since]),
        (a, n) => f.tf(
            M::refreshBoth,
            &[
                ("added", &f.tn(M::newRuns, a, &[])),
                ("finished", &f.count(n)),
                since,
            ],
        ),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::Run;
    use crate::core::test_support::cu_run as run;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// Serves `list` (newest first) to `refresh` until it asks no more,
    /// `arrive` new runs at the head before each request; returns the
    /// number of requests.
    fn serve(refresh: &mut Refresh, held: &RunSet, list: &mut Vec<Run>, arrive: usize) -> usize {
        let mut requests = 0;
        let mut arrived = 0;
        while let Some(ask) = refresh.next_ask() {
            requests += 1;
            assert!(requests < 10_000);
            for _ in 0..arrive {
                arrived += 1;
                list.insert(0, run(&format!("late{arrived}"), 3, false));
            }
            let o = ask.offset as usize;
            let end = (o + ask.limit as usize).min(list.len());
            refresh.receive(
                held,
                RunsPage {
                    has_more: end < list.len(),
                    limit: ask.limit,
                    offset: ask.offset,
                    items: list[o.min(end)..end].to_vec(),
                    request_id: None,
                },
            );
        }
        requests
    }

    /// A refresh of `held` in pages of 10 over `list` (see [`serve`]);
    /// returns the refreshed runs, the changes, and the number of requests.
    fn drive(
        held: Vec<Run>,
        list: &mut Vec<Run>,
        arrive: usize,
        cap: u64,
    ) -> (Vec<Run>, Changes, usize) {
        let held = RunSet::new(held, crate::core::time::utc_date);
        let mut refresh = Refresh::new(&held, 10, cap);
        let requests = serve(&mut refresh, &held, list, arrive);
        let (runs, changes) = refresh.finish(&held);
        (runs.to_runs(), changes, requests)
    }

    #[test]
    fn new_runs_are_added_and_finished_runs_updated() {
        // Held: 100 runs, the 2nd still running. Since: 12 new runs arrived.
        let held: Vec<Run> = (0..100)
            .map(|i| run(&format!("r{i}"), 10, i == 1))
            .collect();
        let mut list: Vec<Run> = (0..12).map(|i| run(&format!("n{i}"), 5, i == 0)).collect();
        list.extend((0..100).map(|i| run(&format!("r{i}"), if i == 1 { 25 } else { 10 }, false)));
        let (runs, changes, requests) = drive(held, &mut list.clone(), 0, 1_000_000);
        assert_eq!(
            changes,
            Changes {
                added: 12,
                updated: 1,
                finished: 1
            }
        );
        assert_eq!(runs, list);
        // Pages of 10: two with new runs, then one held-only page, done.
        assert_eq!(requests, 3);
    }

    /// Reads `list` in pages of 10 up to `cap` positions; whether the
    /// refresh stopped at its cap.
    fn stopped_at_cap(held: Vec<Run>, list: &[Run], cap: u64) -> bool {
        let held = RunSet::new(held, crate::core::time::utc_date);
        let mut refresh = Refresh::new(&held, 10, cap);
        serve(&mut refresh, &held, &mut list.to_vec(), 0);
        refresh.capped()
    }

    #[test]
    fn a_refresh_says_whether_it_stopped_at_its_cap() {
        let held: Vec<Run> = (0..10).map(|i| run(&format!("r{i}"), 10, false)).collect();
        let mut list: Vec<Run> = (0..30).map(|i| run(&format!("n{i}"), 5, false)).collect();
        list.extend(held.clone());
        // 30 new runs, then the held ones: met within 50 positions, not within 20.
        assert!(!stopped_at_cap(held.clone(), &list, 50));
        assert!(stopped_at_cap(held.clone(), &list, 20));
        // The list ends exactly at the cap: nothing more to read, not capped.
        assert!(!stopped_at_cap(held, &list[..30], 30));
    }

    #[test]
    fn a_refresh_that_drops_held_runs_at_the_cap_left_runs_out() {
        // 10 held, 5 new; a cap of 12 positions: the refresh meets the held
        // runs within it (not capped), but 3 of the oldest give way.
        let held: Vec<Run> = (0..10).map(|i| run(&format!("r{i}"), 10, false)).collect();
        let mut list: Vec<Run> = (0..5).map(|i| run(&format!("n{i}"), 5, false)).collect();
        list.extend(held.clone());
        let (runs, changes, _) = drive(held.clone(), &mut list.clone(), 0, 12);
        assert!(!stopped_at_cap(held.clone(), &list, 12));
        assert_eq!((runs.len(), changes.added), (12, 5));
        assert!(runs_left_out(false, 10, changes, runs.len()));
        assert_eq!(gave_way(10, changes, runs.len()), 3);
        // With room for all 15, none is left out.
        let (runs, changes, _) = drive(held, &mut list.clone(), 0, 100);
        assert_eq!(runs, list);
        assert!(!runs_left_out(false, 10, changes, runs.len()));
    }

    #[test]
    fn after_a_refresh_loaded_all_no_longer_says_runs_arrived() {
        let complete = |arrived| Some(Outcome::Walk(WalkEnd::Complete { arrived }));
        assert_eq!(refreshed_outcome(complete(51), false), complete(0));
        assert_eq!(refreshed_outcome(complete(0), false), complete(0));
        // Stopped at the cap: the oldest runs gave way, so not "all".
        assert_eq!(
            refreshed_outcome(complete(51), true),
            Some(Outcome::Walk(WalkEnd::Capped))
        );
        // Other outcomes stay: the refresh adds new runs, not the older ones
        // the walk did not reach.
        for other in [Outcome::Cancelled, Outcome::Failed("offline".into())] {
            assert_eq!(refreshed_outcome(Some(other.clone()), false), Some(other));
        }
    }

    #[test]
    fn a_run_in_progress_further_down_is_read_again() {
        let held: Vec<Run> = (0..60)
            .map(|i| run(&format!("r{i}"), 10, i == 45))
            .collect();
        let mut list: Vec<Run> = (0..60).map(|i| run(&format!("r{i}"), 10, false)).collect();
        let (runs, changes, requests) = drive(held, &mut list, 0, 1_000_000);
        assert_eq!(
            changes,
            Changes {
                added: 0,
                updated: 1,
                finished: 1
            }
        );
        assert_eq!(runs, list);
        assert_eq!(requests, 5);
    }

    #[test]
    fn a_stale_copy_never_turns_a_finished_run_back() {
        // Held: r0 finished with 9 CU. A late, stale reply says it is still
        // running with 3: the finished copy stays; r1's real finish counts.
        let held = vec![run("r0", 9, false), run("r1", 1, true)];
        let mut list = vec![run("r0", 3, true), run("r1", 4, false)];
        let (runs, changes, _) = drive(held, &mut list, 0, 1_000_000);
        assert_eq!(runs, vec![run("r0", 9, false), run("r1", 4, false)]);
        assert_eq!(changes.updated, 1);
        assert_eq!(changes.finished, 1);
    }

    #[test]
    fn sentences() {
        let c = &Formatter::plain(None);
        let t = |added, finished| {
            changes_text(
                Changes {
                    added,
                    updated: finished,
                    finished,
                },
                "14:02",
                0,
                1_000,
                c,
            )
        };
        assert_eq!(t(12, 3), "12 new runs, 3 finished since 14:02.");
        assert_eq!(t(1, 0), "1 new run since 14:02.");
        assert_eq!(t(0, 1), "1 run finished since 14:02.");
        assert_eq!(t(0, 2), "2 runs finished since 14:02.");
        assert_eq!(t(0, 0), "No new runs since 14:02.");
        let capped = |gave_way| {
            changes_text(
                Changes {
                    added: 36,
                    updated: 3,
                    finished: 3,
                },
                "14:02",
                gave_way,
                1_000,
                c,
            )
        };
        assert_eq!(
            capped(3),
            "36 new runs, 3 finished since 14:02. The 3 oldest runs gave way to the cap of 1,000 runs."
        );
        assert_eq!(
            capped(1),
            "36 new runs, 3 finished since 14:02. The oldest run gave way to the cap of 1,000 runs."
        );
    }

    /// News is exactly what the note says besides "No new runs since …".
    #[test]
    fn news_is_what_the_note_says_besides_nothing_new() {
        let c = &Formatter::plain(None);
        for added in 0..3u64 {
            for finished in 0..3u64 {
                for updated in finished..finished + 2 {
                    for gave_way in 0..2u64 {
                        let changes = Changes {
                            added,
                            updated,
                            finished,
                        };
                        let text = changes_text(changes, "14:02", gave_way, 1_000, c);
                        assert_eq!(
                            found_news(changes, gave_way),
                            text != "No new runs since 14:02.",
                            "{text}"
                        );
                    }
                }
            }
        }
    }

    /// How a misbehaving server answers a refresh's page request.
    #[derive(Clone, Copy, Debug)]
    enum Bad {
        /// Serves from 0, reports the asked offset.
        EchoOffset,
        /// Serves from the asked offset, five times the limit.
        IgnoreLimit,
        /// Repeats a page's first run at its end, and run 0 at its start.
        Duplicates,
        /// Reports offset 0 whatever it served (a reply read without
        /// `data.offset` is read as the asked one; this is worse).
        ZeroOffset,
    }

    /// Drives a refresh of `held` against `list` served badly; returns the
    /// refreshed runs and the request count.
    fn drive_bad(held: Vec<Run>, list: &[Run], bad: Bad, cap: u64) -> (Vec<Run>, usize) {
        let held = RunSet::new(held, crate::core::time::utc_date);
        let mut refresh = Refresh::new(&held, 10, cap);
        let mut requests = 0;
        while let Some(ask) = refresh.next_ask() {
            requests += 1;
            assert!(requests < 100_000, "refresh does not end");
            let from = match bad {
                Bad::EchoOffset => 0,
                _ => ask.offset as usize,
            };
            let limit = match bad {
                Bad::IgnoreLimit => ask.limit as usize * 5,
                _ => ask.limit as usize,
            };
            let end = (from + limit).min(list.len());
            let mut items = list[from.min(end)..end].to_vec();
            if let (Bad::Duplicates, Some(first)) = (bad, items.first().cloned()) {
                items.push(first);
                items.insert(0, list[0].clone());
            }
            let offset = match bad {
                Bad::ZeroOffset => 0,
                _ => ask.offset,
            };
            refresh.receive(
                &held,
                RunsPage {
                    has_more: true,
                    limit: ask.limit,
                    offset,
                    items,
                    request_id: None,
                },
            );
        }
        (refresh.finish(&held).0.to_runs(), requests)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// A server that ignores `offset` or `limit`, misreports offsets or
        /// repeats runs, always saying more exist, with a run in progress
        /// deep down: the refresh ends within cap / limit + 2 requests,
        /// never holds more than the cap, and keeps each run once.
        #[test]
        fn a_misbehaving_server_cannot_keep_a_refresh_going(
            held_n in 1usize..120,
            new_n in 0usize..40,
            cap in 1u64..200,
            bad in prop_oneof![Just(Bad::EchoOffset), Just(Bad::IgnoreLimit), Just(Bad::Duplicates), Just(Bad::ZeroOffset)],
        ) {
            // The oldest held run is still waiting: an honest server's
            // refresh would read down to it.
            let held: Vec<Run> = (0..held_n).map(|i| run(&format!("r{i}"), 1, i + 1 == held_n)).collect();
            let mut list: Vec<Run> = (0..new_n).map(|i| run(&format!("n{i}"), 7, false)).collect();
            list.extend((0..held_n).map(|i| run(&format!("r{i}"), 2, i + 1 == held_n)));
            let (runs, requests) = drive_bad(held, &list, bad, cap);
            prop_assert!(requests as u64 <= cap.div_ceil(10) + 2, "{} requests, cap {}", requests, cap);
            prop_assert!(runs.len() as u64 <= cap, "{} runs, cap {}", runs.len(), cap);
            let mut ids: Vec<&str> = runs.iter().map(|r| r.run_id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), runs.len(), "a run kept twice");
        }

        /// Whatever arrives while refreshing, and whichever held runs were
        /// in progress: every run is kept once, in list order, with its
        /// latest copy; every held run stays; the total is the exact sum.
        #[test]
        fn refresh_keeps_each_run_once_with_its_latest_copy(
            held_n in 0usize..80,
            new_n in 0usize..40,
            arrive in 0usize..3,
            running in proptest::collection::vec(any::<bool>(), 80),
        ) {
            let held: Vec<Run> = (0..held_n).map(|i| run(&format!("r{i}"), i as u64, running[i])).collect();
            let mut list: Vec<Run> = (0..new_n).map(|i| run(&format!("n{i}"), 7, false)).collect();
            list.extend((0..held_n).map(|i| run(&format!("r{i}"), i as u64 + u64::from(running[i]), false)));
            let (runs, changes, _) = drive(held.clone(), &mut list, arrive, 1_000_000);
            let mut ids: Vec<&str> = runs.iter().map(|r| r.run_id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), runs.len());
            // In list order, each a copy the server has now (all finished).
            let pos: HashMap<&str, usize> = list.iter().enumerate().map(|(i, r)| (r.run_id.as_str(), i)).collect();
            prop_assert!(runs.windows(2).all(|w| pos[w[0].run_id.as_str()] < pos[w[1].run_id.as_str()]));
            for r in &runs {
                prop_assert_eq!(Some(r), list.get(pos[r.run_id.as_str()]));
            }
            for h in &held {
                prop_assert!(pos.contains_key(h.run_id.as_str()));
                prop_assert!(runs.iter().any(|r| r.run_id == h.run_id));
            }
            prop_assert_eq!(changes.finished as usize, running[..held_n].iter().filter(|r| **r).count());
            prop_assert!(changes.added as usize >= new_n);
            let total: u64 = runs.iter().map(|r| r.cu.map_or(0, |c| c.0)).sum();
            let oracle: u64 = runs.iter().map(|r| list[pos[r.run_id.as_str()]].cu.map_or(0, |c| c.0)).sum();
            prop_assert_eq!(total, oracle);
        }
    }
}
