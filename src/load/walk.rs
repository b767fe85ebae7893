//! "Load all runs" over a live list, as a pure state machine (no I/O, no
//! signals): which page to ask for next, what a reply proves, and which runs
//! the walk has when it ends. [`crate::load::load_all`] drives it with four
//! requests in flight; the property tests below drive it with a simulated
//! live server.
//!
//! The list is newest first and grows at the head while the walk reads it
//! (`docs/API.md`, "Offset paging over a live
//! list"). Three facts make the walk exact:
//! - A run is identified by `runId`: it is stored once, and the copy from
//!   the later-asked page wins (a `running` run may have finished since),
//!   except that a finished copy is never replaced by one in progress (a
//!   stale late reply).
//! - Runs arrive only at the head (tail runs age out without moving others),
//!   so two consecutive runs of one reply stay consecutive forever, and two
//!   replies that share a run are one contiguous stretch of the list.
//! - A page asked for *after* a reply arrived, at an offset at or before
//!   that reply's end, starts at or before that reply's last run: no gap.
//!
//! So the walk keeps a "connected" stretch: the first page (offset 0), every
//! reply that shares a run with the stretch, and every repair page (asked
//! after the stretch's furthest reply, at its end). Pages are asked ahead of
//! the stretch with an overlap of a few runs, so in the usual case they
//! connect by a shared run; when one does not (the server answered a later
//! page before an earlier one while runs arrived, or applied a smaller
//! limit), a repair page fills the gap. "Loaded all" is said only when the
//! stretch reaches a reply with `hasMore: false`.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::api::RunsPage;
use crate::core::filter::RunSet;
use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::store::IdIndex;

/// Runs each page shares with the one before it (ahead-of-time pages only).
pub const OVERLAP: u32 = 4;

/// How many page strides the walk may run ahead of its connected stretch.
const AHEAD_PAGES: u64 = 8;

/// Replies in a row that bring no run not seen before and connect none:
/// past this, the server is not moving through the list (it ignores
/// `offset` while echoing the asked one, say) and the walk stops.
pub const STALL_LIMIT: u32 = 32;

/// One page request of the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ask {
    /// Offset asked for.
    pub offset: u64,
    /// Limit asked for.
    pub limit: u32,
    /// A repair: asked after the connected stretch's furthest reply.
    pub repair: bool,
    /// When it was asked: later asks have larger numbers. A run's copy
    /// from a later-asked page replaces one from an earlier-asked page.
    pub seq: u64,
}

/// Why a walk stopped before the end of the list, besides errors and "Cancel".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// The reply for `offset` held exactly the runs of the reply for `same_as`.
    SamePage {
        /// The offset asked for.
        offset: u64,
        /// The earlier offset with the same runs.
        same_as: u64,
    },
    /// An empty page with `hasMore: true`.
    EmptyMore {
        /// The offset asked for.
        offset: u64,
    },
    /// [`STALL_LIMIT`] replies in a row brought nothing new, the last one
    /// asked at `offset`.
    Stalled {
        /// The offset asked for.
        offset: u64,
    },
}

/// How a walk ended ([`crate::load::load_all`] adds errors, "Cancel" and the
/// From date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkEnd {
    /// The connected stretch reached the end of the list.
    Complete {
        /// Runs the list had beyond the loaded ones when its end was read
        /// (they arrived at the head while loading).
        arrived: u64,
    },
    /// The cap was reached first; more runs exist.
    Capped,
    /// The server misbehaved (see [`Broken`]).
    Broken(Broken),
    /// Stopped by the caller (error, cancel, From date) before the end.
    Partial,
}

/// A reply that does not connect to the stretch yet.
#[derive(Debug)]
struct Waiting {
    /// Offset the server applied.
    offset: u64,
    /// Run indexes, in the reply's order.
    ids: Vec<u32>,
    has_more: bool,
}

/// The walk's state. Feed it with [`Walk::next_ask`] / [`Walk::receive`].
#[derive(Debug)]
pub struct Walk {
    cap: u64,
    /// The smallest limit a server applied (a reply with fewer items than
    /// asked and `hasMore: true`).
    limit: u32,
    next_offset: u64,
    /// The first offset known to be past the end.
    end: u64,
    inflight: Vec<Ask>,
    /// The distinct runs received, column by column (each page is appended
    /// straight into it: no vector of every run as decoded).
    runs: RunSet,
    /// Run index by `runId`, over the ids the set already holds.
    index: IdIndex,
    connected: Vec<bool>,
    /// Run that followed each run in some reply (`u32::MAX`: none yet).
    next: Vec<u32>,
    has_prev: Vec<bool>,
    /// Position of each run when first seen (orders unconnected stretches).
    first_pos: Vec<u32>,
    waiting: Vec<Waiting>,
    /// Asks that failed or were aborted, to ask again on "Continue".
    lost: Vec<Ask>,
    /// Hash of each reply's run ids → the offset asked for.
    signatures: HashMap<u64, u64>,
    /// Furthest reach (offset + len) of a connected reply, and its offset.
    reach: Option<(u64, u64)>,
    /// The list's length when the connected end was read.
    tail_len: Option<u64>,
    broken: Option<Broken>,
    connected_runs: u64,
    /// The `seq` of the ask whose reply gave each run's stored copy, as
    /// `u32` (4 bytes a run; a walk makes one ask per page, far fewer than
    /// 2^32, and a larger `seq` would be held as `u32::MAX`).
    copy_seq: Vec<u32>,
    /// Asks made so far (the next ask's `seq`).
    asked: u64,
    /// Replies in a row that brought nothing new.
    stalled: u32,
}

impl Walk {
    /// A walk asking at most `max_limit` runs a page, up to `cap` runs.
    pub fn new(max_limit: u32, cap: u64) -> Walk {
        let max_limit = max_limit.max(1);
        Walk {
            cap: cap.max(1),
            limit: max_limit,
            next_offset: 0,
            end: u64::MAX,
            inflight: Vec::new(),
            runs: RunSet::default(),
            index: IdIndex::default(),
            connected: Vec::new(),
            next: Vec::new(),
            has_prev: Vec::new(),
            first_pos: Vec::new(),
            waiting: Vec::new(),
            lost: Vec::new(),
            signatures: HashMap::new(),
            reach: None,
            tail_len: None,
            broken: None,
            connected_runs: 0,
            copy_seq: Vec::new(),
            asked: 0,
            stalled: 0,
        }
    }

    fn overlap(&self) -> u64 {
        u64::from(OVERLAP.min(self.limit / 4))
    }

    fn stride(&self) -> u64 {
        u64::from(self.limit) - self.overlap()
    }

    /// The walk has reached the end of the list, was stopped by the
    /// server, or holds `cap` runs.
    pub fn finished(&self) -> bool {
        self.tail_len.is_some() || self.broken.is_some() || self.full()
    }

    /// It holds as many runs as it may: runs beyond the cap are not kept.
    fn full(&self) -> bool {
        self.runs.len() as u64 >= self.cap
    }

    /// The connected stretch reached the end of the list.
    pub fn complete(&self) -> bool {
        self.tail_len.is_some()
    }

    /// Requests in flight.
    pub fn in_flight(&self) -> usize {
        self.inflight.len()
    }

    /// Distinct runs received so far.
    pub fn distinct(&self) -> u64 {
        self.runs.len() as u64
    }

    /// Runs in the connected stretch (what would be kept if stopped now).
    pub fn kept(&self) -> u64 {
        self.connected_runs
    }

    /// The next page to ask for, if any: a repair of the connected stretch
    /// first, else the next page ahead. Marks it in flight.
    pub fn next_ask(&mut self) -> Option<Ask> {
        if self.finished() {
            return None;
        }
        let mut ask = self
            .lost_ask()
            .or_else(|| self.repair_ask())
            .or_else(|| self.ahead_ask())?;
        self.asked += 1;
        ask.seq = self.asked;
        self.inflight.push(ask);
        Some(ask)
    }

    fn lost_ask(&mut self) -> Option<Ask> {
        while let Some(ask) = self.lost.pop() {
            if ask.offset < self.end && ask.offset < self.cap {
                return Some(ask);
            }
        }
        None
    }

    fn repair_ask(&self) -> Option<Ask> {
        let (reach, from) = self.reach?;
        if reach >= self.cap {
            return None;
        }
        // A page asked at an offset inside the furthest reply may still
        // connect: wait for it.
        let pending = self
            .inflight
            .iter()
            .any(|a| a.repair || (a.offset > from && a.offset < reach));
        if pending {
            return None;
        }
        Some(Ask {
            offset: reach,
            limit: self.limit.min(clamp_u32(self.cap - reach)),
            repair: true,
            seq: 0,
        })
    }

    fn ahead_ask(&mut self) -> Option<Ask> {
        let offset = self.next_offset;
        if offset >= self.end || offset >= self.cap {
            return None;
        }
        let window = self.stride() * AHEAD_PAGES;
        if let Some((reach, _)) = self.reach {
            if offset > reach.saturating_add(window) {
                return None;
            }
        } else if offset > 0 && self.inflight.iter().all(|a| a.offset != 0) {
            return None;
        }
        self.next_offset = offset + self.stride();
        Some(Ask {
            offset,
            limit: self.limit.min(clamp_u32(self.cap - offset)),
            repair: false,
            seq: 0,
        })
    }

    fn forget(&mut self, ask: Ask) {
        if let Some(i) = self.inflight.iter().position(|a| *a == ask) {
            self.inflight.swap_remove(i);
        }
    }

    /// A request failed or was aborted: no longer in flight, and asked
    /// again when the walk continues (repairs are recomputed instead).
    pub fn fail(&mut self, ask: Ask) {
        self.forget(ask);
        if !ask.repair {
            self.lost.push(ask);
        }
    }

    /// Applies a reply to `ask`; true when it joined the connected stretch.
    pub fn receive(&mut self, ask: Ask, page: RunsPage) -> bool {
        self.forget(ask);
        let len = page.items.len() as u64;
        // After a stop, replies still in flight are applied (they may
        // connect), but judged no more.
        if self.broken.is_none() {
            if len == 0 && page.has_more {
                self.broken = Some(Broken::EmptyMore { offset: ask.offset });
                return false;
            }
            if len > 0 {
                // A server that ignores `offset` says so by the offset it
                // applied. (A live list can legitimately repeat a page's runs
                // at another offset when a whole page arrived in between, so
                // the same runs alone are not proof.)
                let mut h = DefaultHasher::new();
                for run in &page.items {
                    run.run_id.hash(&mut h);
                }
                let sig = h.finish();
                if page.offset != ask.offset && self.signatures.get(&sig) == Some(&page.offset) {
                    self.broken = Some(Broken::SamePage {
                        offset: ask.offset,
                        same_as: page.offset,
                    });
                    return false;
                }
                self.signatures.insert(sig, page.offset);
            }
        }
        // A reply never holds more than asked (`HttpRunsSource` cuts it
        // with `RunsPage::fit`; a source that does not is cut here too).
        let mut page = page;
        if page.items.len() > ask.limit as usize {
            page.items.truncate(ask.limit as usize);
            page.has_more = true;
        }
        let len = page.items.len() as u64;
        if page.has_more && len > 0 && len < u64::from(ask.limit) {
            // The server applies a smaller limit: ask for that from now on.
            self.limit = self.limit.min(len as u32).max(1);
        }
        let offset = page.offset;
        if !page.has_more {
            self.end = self.end.min(offset + len);
        }
        let mut ids = Vec::with_capacity(page.items.len());
        let mut shares = false;
        let mut prev: Option<u32> = None;
        let before = (self.runs.len(), self.connected_runs);
        for (i, run) in page.items.into_iter().enumerate() {
            let idx = match self.index.find(&self.runs, &run.run_id) {
                Some(idx) => {
                    shares |= self.connected[idx as usize];
                    // The copy from the later-asked page wins, but a run
                    // that finished never goes back to in progress.
                    let held = (
                        !self.runs.status(idx as usize).in_progress(),
                        self.copy_seq[idx as usize],
                    );
                    if (!run.status.in_progress(), clamp_u32(ask.seq)) >= held {
                        self.runs.replace(idx as usize, run);
                        self.copy_seq[idx as usize] = clamp_u32(ask.seq);
                    }
                    idx
                }
                // Runs past the cap are not kept (the walk ends there).
                None if self.full() => continue,
                None => {
                    let idx = self.runs.push(run);
                    self.copy_seq.push(clamp_u32(ask.seq));
                    self.index.insert(&self.runs, idx);
                    self.connected.push(false);
                    self.next.push(u32::MAX);
                    self.has_prev.push(false);
                    self.first_pos.push(clamp_u32(offset + i as u64));
                    idx
                }
            };
            if let Some(p) = prev {
                if p != idx && !self.has_prev[idx as usize] && self.next[p as usize] == u32::MAX {
                    self.next[p as usize] = idx;
                    self.has_prev[idx as usize] = true;
                }
            }
            prev = Some(idx);
            ids.push(idx);
        }
        let last = ids.last().copied();
        let page = Waiting {
            offset,
            ids,
            has_more: page.has_more,
        };
        let joined = if offset == 0 || ask.repair || shares {
            self.connect(page);
            self.settle();
            true
        } else {
            if len > 0 {
                self.waiting.push(page);
            }
            false
        };
        // Progress is a run not seen before, or one newly connected.
        if (self.runs.len(), self.connected_runs) == before {
            if let (true, Some(last)) = (ask.repair, last) {
                // Where the reply was asked, unless it says it is from
                // further up: the lower of the two never skips a run.
                self.skip_held(offset.min(ask.offset) + len, last);
            }
            self.stalled += 1;
            if self.stalled >= STALL_LIMIT && self.broken.is_none() && self.tail_len.is_none() {
                self.broken = Some(Broken::Stalled { offset: ask.offset });
            }
        } else {
            self.stalled = 0;
        }
        joined
    }

    /// A repair reply held only runs the stretch has, its last one `last`
    /// now at `end - 1`. The runs linked after it (each link is two runs
    /// a page had side by side, and runs arrive only at the head, so they
    /// stay side by side) are held too: the next repair asks past them, at
    /// the first position not held when the reply was made. Runs that
    /// arrive meanwhile only move the list down, so that ask can only
    /// overlap what is held, never skip a run. Without this, a stretch
    /// joined from replies read long ago (their offsets older than many
    /// arrivals) was read again a page at a time, which the stall count took
    /// for a server going nowhere.
    fn skip_held(&mut self, end: u64, last: u32) {
        let mut held = 0u64;
        let mut i = self.next[last as usize];
        while i != u32::MAX && held < self.runs.len() as u64 {
            held += 1;
            i = self.next[i as usize];
        }
        let target = end + held;
        if held > 0 && self.reach.is_some_and(|(r, _)| target > r) {
            self.reach = Some((target, end.saturating_sub(1)));
        }
    }

    fn connect(&mut self, page: Waiting) {
        for &i in &page.ids {
            if !self.connected[i as usize] {
                self.connected[i as usize] = true;
                self.connected_runs += 1;
            }
        }
        let len = page.ids.len() as u64;
        let reach = page.offset + len;
        // A reply that adds nothing still moves the reach (runs arriving
        // at the head shift known runs to further offsets); a server that
        // only ever repeats runs is caught by the stall count instead.
        if self.reach.is_none_or(|(r, _)| reach > r) {
            self.reach = Some((reach, page.offset));
        }
        // The end of the list, reached by the stretch (an empty first page
        // is the end of an empty list; an empty later page proves nothing).
        if !page.has_more && (len > 0 || page.offset == 0) {
            self.tail_len = Some(self.tail_len.map_or(reach, |t| t.max(reach)));
        }
    }

    /// Connects every waiting reply that now shares a run with the stretch.
    fn settle(&mut self) {
        while let Some(p) = self
            .waiting
            .iter()
            .position(|w| w.ids.iter().any(|&i| self.connected[i as usize]))
        {
            let page = self.waiting.swap_remove(p);
            self.connect(page);
        }
    }

    /// How the walk stands: complete, capped, broken, or partial.
    pub fn end(&self) -> WalkEnd {
        if let Some(b) = self.broken {
            WalkEnd::Broken(b)
        } else if let Some(len) = self.tail_len {
            WalkEnd::Complete {
                arrived: len.saturating_sub(self.runs.len() as u64),
            }
        } else if self.full() || self.reach.is_some_and(|(r, _)| r >= self.cap) {
            WalkEnd::Capped
        } else {
            WalkEnd::Partial
        }
    }

    /// The connected stretch's runs in list order (newest first), copied:
    /// what a stopped walk keeps (no gaps inside what totals cover), while
    /// the walk itself stays available to continue.
    pub fn kept_runs(&self) -> RunSet {
        let order: Vec<usize> = self
            .order()
            .into_iter()
            .filter(|&i| self.connected[i as usize])
            .map(|i| i as usize)
            .collect();
        // Copied run by run into a new set: no clone of the whole load
        // first (at a million runs that clone was the peak of a stopped walk).
        let mut out = RunSet::default();
        out.extend_from(&self.runs, &order);
        out
    }

    /// Every distinct run received, in list order: what a complete walk
    /// keeps. Moves the runs out (no copy of a large load).
    #[cfg(test)]
    pub fn into_runs(self) -> RunSet {
        let (mut runs, order) = self.into_parts();
        runs.gather(&order);
        runs
    }

    /// Every distinct run received, in arrival order, and the list order
    /// to put them in ([`RunSet::gather`], or a column a step with
    /// [`RunSet::gather_step`]): what a complete walk keeps, moved out.
    pub fn into_parts(mut self) -> (RunSet, Vec<u32>) {
        let order = self.order();
        (std::mem::take(&mut self.runs), order)
    }

    /// Run indexes in list order: chains of "followed by" links, each chain
    /// placed by where its first run was first seen. A chain with no run of
    /// the connected stretch comes first: such runs were read where no
    /// page joins them to the stretch, above its head, so they arrived
    /// after the walk's first page (a position read later counts runs that
    /// arrived since, so their first-seen positions cannot place them
    /// against the stretch's).
    fn order(&self) -> Vec<u32> {
        let n = self.runs.len();
        // Slices: indexing one is built in, while a `Vec`'s `Index` is a
        // call the size-optimised build does not inline.
        let (first_pos, next, has_prev, connected) = (
            &self.first_pos[..n],
            &self.next[..n],
            &self.has_prev[..n],
            &self.connected[..n],
        );
        // The key is unique, so an unstable sort is exact.
        let by_first_seen = |v: &mut Vec<u32>| {
            let mut pairs: Vec<(u64, u32)> = v
                .iter()
                .map(|&i| (u64::from(first_pos[i as usize]), i))
                .collect();
            crate::core::sort::sort_pairs(&mut pairs);
            v.clear();
            v.extend(pairs.into_iter().map(|(_, i)| i));
        };
        let mut heads: Vec<u32> = (0..n as u32).filter(|&i| !has_prev[i as usize]).collect();
        by_first_seen(&mut heads);
        // Chains are disjoint (a run has one link in and one out at most):
        // looking along each once is one pass over the runs.
        let joined = |h: u32| {
            let mut i = h;
            let mut steps = 0;
            while i != u32::MAX && steps < n {
                if connected[i as usize] {
                    return true;
                }
                i = next[i as usize];
                steps += 1;
            }
            false
        };
        let (mut stray, rest): (Vec<u32>, Vec<u32>) = heads.into_iter().partition(|&h| !joined(h));
        stray.extend(rest);
        let heads = stray;
        let mut seen_vec = vec![false; n];
        let seen = seen_vec.as_mut_slice();
        // Written into a slice (each run once at most), not pushed.
        let mut out = vec![0u32; n];
        let mut len = 0;
        let slots = out.as_mut_slice();
        for h in heads {
            let mut i = h;
            while i != u32::MAX && !seen[i as usize] {
                seen[i as usize] = true;
                slots[len] = i;
                len += 1;
                i = next[i as usize];
            }
        }
        out.truncate(len);
        // Links that form a loop (a server breaking the list's order) have
        // no head: keep those runs too, in first-seen order.
        let mut rest: Vec<u32> = (0..n as u32).filter(|&i| !seen[i as usize]).collect();
        by_first_seen(&mut rest);
        out.extend(rest);
        out
    }
}

/// How a "Load all runs" walk ended, for the outcome line.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// As the walk itself says.
    Walk(WalkEnd),
    /// A request failed after its retries (the error's sentence).
    Failed(String),
    /// The user pressed "Cancel".
    Cancelled,
    /// Pages older than a day (`YYYY-MM-DD`, in the zone named last) were
    /// not loaded: the From date, or (`true`) where the period's comparison
    /// starts.
    ByDate(String, bool, String),
}

/// The outcome line: what was loaded, and why the walk ended. `kept` is
/// the number of runs the totals now cover.
pub fn outcome_text(outcome: &Outcome, kept: u64, cap: u64, f: &Formatter) -> String {
    let n = f.count(kept);
    let off = |o: &u64| o.to_string();
    match outcome {
        Outcome::Walk(WalkEnd::Complete { arrived: 0 }) => f.tn(M::loadedAll, kept, &[]),
        Outcome::Walk(WalkEnd::Complete { arrived }) => f.tn(
            M::loadedAllArrived,
            kept,
            &[("arrived", &f.count(*arrived))],
        ),
        // On a live list runs that arrive move the rest down: the cap's
        // positions may hold fewer runs than the cap.
        Outcome::Walk(WalkEnd::Capped) if kept < cap => {
            f.tn(M::stoppedAtCapMoved, kept, &[("cap", &f.count(cap))])
        }
        Outcome::Walk(WalkEnd::Capped) => f.tn(M::stoppedAtCap, cap, &[]),
        Outcome::Walk(WalkEnd::Broken(Broken::SamePage { offset, same_as })) => f.tf(
            M::brokenSamePage,
            &[
                ("offset", &off(offset)),
                ("sameAs", &off(same_as)),
                ("kept", &n),
            ],
        ),
        Outcome::Walk(WalkEnd::Broken(Broken::EmptyMore { offset })) => f.tf(
            M::brokenEmptyMore,
            &[("offset", &off(offset)), ("kept", &n)],
        ),
        Outcome::Walk(WalkEnd::Broken(Broken::Stalled { offset })) => {
            f.tf(M::brokenStalled, &[("offset", &off(offset)), ("kept", &n)])
        }
        Outcome::Walk(WalkEnd::Partial) | Outcome::Cancelled => f.tn(M::loadCancelled, kept, &[]),
        Outcome::Failed(err) => f.tn(M::loadFailed, kept, &[("error", err)]),
        Outcome::ByDate(day, comparison, zone) => {
            let day = crate::core::period::parse(day).map_or_else(
                || day.clone(),
                |d| crate::core::period::short_date(d, crate::core::period::ymd(d).0, f),
            );
            let m = if *comparison {
                M::loadedBackToCompare
            } else {
                M::loadedBackToFrom
            };
            f.tn(m, kept, &[("day", &day), ("zone", zone)])
        }
    }
}

fn clamp_u32(v: u64) -> u32 {
    v.min(u64::from(u32::MAX)) as u32
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::Run;
    use proptest::prelude::*;

    /// A simulated live list: `base` runs, `arrive` new runs at the head
    /// before each request is served, an applied limit, and the in-progress
    /// runs finishing over time.
    struct Server {
        /// The list, newest first: (id, cu in 1e-4 units, running).
        list: Vec<(String, i64, bool)>,
        arrived: u64,
        arrive: u64,
        applied_limit: u32,
        served: u64,
        mode: Mode,
    }

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Mode {
        Normal,
        SamePage,
        EmptyMore,
        /// Serves from offset 0 whatever is asked, but reports the asked offset.
        EchoOffset,
        /// Sends up to five times the asked limit.
        IgnoreLimit,
        /// Repeats runs inside a page and across pages.
        Duplicates,
        /// Reports offsets that are off by a few positions either way.
        WrongOffset,
        /// Every third page is empty with `hasMore: true`.
        SomeEmpty,
    }

    impl Server {
        fn new(base: u64, arrive: u64, applied_limit: u32, mode: Mode) -> Server {
            let list = (0..base)
                .map(|i| (format!("run_{i}"), (i as i64 * 7919) % 50_000, i < 3))
                .collect();
            Server {
                list,
                arrived: 0,
                arrive,
                applied_limit,
                served: 0,
                mode,
            }
        }

        fn serve(&mut self, ask: Ask) -> RunsPage {
            self.served += 1;
            for _ in 0..self.arrive {
                self.arrived += 1;
                let id = format!("new_{}", self.arrived);
                self.list.insert(0, (id, 11 + self.arrived as i64, true));
            }
            // Runs in progress finish (with more CU) after a few requests.
            if self.served.is_multiple_of(3) {
                for r in self.list.iter_mut().filter(|r| r.2) {
                    r.2 = false;
                    r.1 += 5;
                }
            }
            let limit = match self.mode {
                Mode::IgnoreLimit => ask.limit as usize * 5,
                _ => ask.limit.min(self.applied_limit) as usize,
            };
            let offset = match self.mode {
                Mode::SamePage | Mode::EchoOffset => 0,
                _ => ask.offset as usize,
            };
            if (self.mode == Mode::EmptyMore && offset > 0)
                || (self.mode == Mode::SomeEmpty && self.served.is_multiple_of(3))
            {
                return page(ask.offset, limit as u32, true, Vec::new());
            }
            let end = (offset + limit).min(self.list.len());
            let mut items: Vec<Run> = self.list[offset.min(end)..end]
                .iter()
                .map(|(id, cu, running)| run(id, *cu, *running))
                .collect();
            if self.mode == Mode::Duplicates && !items.is_empty() {
                let first = items[0].clone();
                items.push(first);
                let again = self.list[self.served as usize % self.list.len()].clone();
                items.insert(0, run(&again.0, again.1, again.2));
            }
            let reported = match self.mode {
                Mode::EchoOffset => ask.offset,
                Mode::WrongOffset => (offset as u64 + self.served % 5).saturating_sub(2),
                _ => offset as u64,
            };
            page(reported, limit as u32, end < self.list.len(), items)
        }
    }

    fn run(id: &str, cu: i64, running: bool) -> Run {
        crate::core::test_support::cu_run(id, cu as u64, running)
    }

    fn page(offset: u64, limit: u32, has_more: bool, items: Vec<Run>) -> RunsPage {
        RunsPage {
            has_more,
            limit,
            offset,
            items,
            request_id: None,
        }
    }

    /// Drives a walk against `server` with up to `in_flight` requests,
    /// serving and delivering them in the orders `choices` picks. Returns
    /// the walk's result, the latest copy delivered per run id, the ids the
    /// list had when page 0 was served, and the request count.
    fn drive(
        server: &mut Server,
        cap: u64,
        in_flight: usize,
        choices: &[usize],
    ) -> (Vec<Run>, WalkEnd, HashMap<String, Run>, Vec<String>, u64) {
        let mut walk = Walk::new(100, cap);
        let mut asked: Vec<Ask> = Vec::new();
        let mut served: Vec<(Ask, RunsPage)> = Vec::new();
        let mut latest: HashMap<String, Run> = HashMap::new();
        let mut at_first: Vec<String> = Vec::new();
        let mut c = choices.iter().cycle();
        let mut requests = 0u64;
        loop {
            while asked.len() + served.len() < in_flight {
                match walk.next_ask() {
                    Some(a) => asked.push(a),
                    None => break,
                }
            }
            if asked.is_empty() && served.is_empty() {
                break;
            }
            assert!(requests < 10_000, "walk does not end");
            // Never more runs stored than the cap, at any moment.
            assert!(
                walk.distinct() <= cap,
                "{} runs stored, cap {cap}",
                walk.distinct()
            );
            // Serve one asked request, or deliver one served reply.
            let pick = *c.next().unwrap();
            if !asked.is_empty() && (served.is_empty() || pick.is_multiple_of(2)) {
                let a = asked.remove(pick / 2 % asked.len());
                requests += 1;
                let p = server.serve(a);
                if a.offset == 0 && at_first.is_empty() {
                    at_first = server.list.iter().map(|r| r.0.clone()).collect();
                }
                served.push((a, p));
            } else {
                let (a, p) = served.remove(pick / 2 % served.len());
                for r in &p.items {
                    latest.insert(r.run_id.clone(), r.clone());
                }
                walk.receive(a, p);
            }
        }
        let end = walk.end();
        let runs = match end {
            WalkEnd::Complete { .. } => walk.into_runs(),
            _ => walk.kept_runs(),
        }
        .to_runs();
        (runs, end, latest, at_first, requests)
    }

    fn total(runs: &[Run]) -> u64 {
        runs.iter().map(|r| r.cu.map_or(0, |c| c.0)).sum()
    }

    #[test]
    fn a_still_list_is_read_once_per_run_in_order() {
        let mut server = Server::new(1_000, 0, 100, Mode::Normal);
        let (runs, end, _, _, requests) = drive(&mut server, 1_000_000, 4, &[0]);
        assert_eq!(end, WalkEnd::Complete { arrived: 0 });
        let ids: Vec<&str> = runs.iter().map(|r| r.run_id.as_str()).collect();
        let want: Vec<String> = (0..1_000).map(|i| format!("run_{i}")).collect();
        assert_eq!(ids, want.iter().map(String::as_str).collect::<Vec<_>>());
        // 11 pages, plus at most three asked past the end before it was known.
        assert!(requests <= 14, "{requests} requests for 1,000 runs");
    }

    #[test]
    fn a_smaller_server_limit_still_yields_every_run() {
        let mut server = Server::new(1_000, 0, 50, Mode::Normal);
        let (runs, end, _, _, _) = drive(&mut server, 1_000_000, 4, &[0, 2, 1, 3]);
        assert_eq!(end, WalkEnd::Complete { arrived: 0 });
        assert_eq!(runs.len(), 1_000);
    }

    /// The walk's runs are in the list's order, newest first.
    fn in_list_order(runs: &[Run], server: &Server) -> bool {
        let pos: HashMap<&str, usize> = server
            .list
            .iter()
            .enumerate()
            .map(|(i, r)| (r.0.as_str(), i))
            .collect();
        runs.windows(2)
            .all(|w| pos[w[0].run_id.as_str()] < pos[w[1].run_id.as_str()])
    }

    /// Found by `a_live_list_is_loaded_exactly`: a server applying a limit
    /// of 4 with a run arriving before every request. Runs that arrived
    /// during the walk, read late apart from the stretch, come first.
    #[test]
    fn late_read_arrivals_come_before_the_stretch() {
        let mut server = Server::new(675, 1, 4, Mode::Normal);
        let (runs, end, latest, _, _) = drive(&mut server, 1_000_000, 3, &[13, 26]);
        assert!(matches!(end, WalkEnd::Complete { .. }), "{end:?}");
        assert_eq!(runs.len(), latest.len());
        assert!(runs.iter().any(|r| r.run_id.starts_with("new_")));
        assert!(in_list_order(&runs, &server));
    }

    /// Found by `a_live_list_is_loaded_exactly`: with 5 requests in flight,
    /// a stretch joined from replies read long before is passed over at
    /// once, not re-read 4 runs a reply until the stall count ends the walk.
    #[test]
    fn a_stretch_joined_late_is_not_taken_for_a_stall() {
        let mut server = Server::new(583, 1, 4, Mode::Normal);
        let (runs, end, latest, at_first, _) =
            drive(&mut server, 1_000_000, 5, &[42, 29, 46, 7, 4, 1]);
        assert!(matches!(end, WalkEnd::Complete { .. }), "{end:?}");
        assert_eq!(runs.len(), latest.len());
        assert!(at_first.iter().all(|id| latest.contains_key(id)));
        assert!(in_list_order(&runs, &server));
    }

    #[test]
    fn a_server_ignoring_offset_stops_the_walk() {
        let mut server = Server::new(1_000, 0, 100, Mode::SamePage);
        let (runs, end, _, _, requests) = drive(&mut server, 1_000_000, 4, &[0]);
        assert!(matches!(
            end,
            WalkEnd::Broken(Broken::SamePage { same_as: 0, .. })
        ));
        assert_eq!(runs.len(), 100);
        assert!(requests <= 8, "{requests} requests");
    }

    #[test]
    fn an_empty_page_with_more_stops_the_walk() {
        let mut server = Server::new(1_000, 0, 100, Mode::EmptyMore);
        let (runs, end, _, _, _) = drive(&mut server, 1_000_000, 4, &[0, 1]);
        assert!(matches!(end, WalkEnd::Broken(Broken::EmptyMore { .. })));
        assert_eq!(runs.len(), 100);
    }

    #[test]
    fn the_cap_ends_the_walk() {
        let mut server = Server::new(1_000, 0, 100, Mode::Normal);
        let (runs, end, _, _, _) = drive(&mut server, 250, 4, &[0]);
        assert_eq!(end, WalkEnd::Capped);
        assert!(runs.len() >= 250 && runs.len() < 300, "{}", runs.len());
    }

    #[test]
    fn outcome_lines_say_what_happened() {
        let en = Formatter::plain(None);
        let text = |o: Outcome, kept| outcome_text(&o, kept, 100_000, &en);
        assert_eq!(
            text(Outcome::Walk(WalkEnd::Complete { arrived: 214 }), 100_000),
            "Loaded all 100,000 runs; at least 214 more arrived while loading (Refresh adds them)."
        );
        assert_eq!(
            text(Outcome::Walk(WalkEnd::Complete { arrived: 0 }), 1_500),
            "Loaded all 1,500 runs."
        );
        assert_eq!(
            text(
                Outcome::Walk(WalkEnd::Broken(Broken::SamePage { offset: 300, same_as: 0 })),
                100
            ),
            "The server returned the same runs for offset 300 as for offset 0; loading stopped with 100 runs kept."
        );
        assert_eq!(
            text(Outcome::Walk(WalkEnd::Capped), 100_000),
            "Stopped at the cap of 100,000 runs; more runs exist."
        );
        assert_eq!(
            text(Outcome::Walk(WalkEnd::Capped), 99_967),
            "Stopped at the cap of 100,000 runs with 99,967 runs loaded: runs that arrived while loading moved the list down; more runs exist."
        );
    }

    #[test]
    fn an_empty_list_is_complete() {
        let mut server = Server::new(0, 0, 100, Mode::Normal);
        let (runs, end, _, _, _) = drive(&mut server, 1_000, 4, &[0]);
        assert_eq!(end, WalkEnd::Complete { arrived: 0 });
        assert!(runs.is_empty());
    }

    #[test]
    fn a_server_echoing_the_asked_offset_stops_the_walk_within_a_few_requests() {
        let mut server = Server::new(1_500, 0, 100, Mode::EchoOffset);
        let (runs, end, _, _, requests) = drive(&mut server, 100_000, 4, &[0, 1]);
        assert!(matches!(end, WalkEnd::Broken(_)), "{end:?}");
        assert_eq!(runs.len(), 100);
        assert!(
            requests <= u64::from(STALL_LIMIT) + 8,
            "{requests} requests"
        );
    }

    #[test]
    fn a_server_ignoring_limit_never_fills_more_than_the_cap() {
        let mut server = Server::new(5_000, 0, 100, Mode::IgnoreLimit);
        let (runs, end, _, _, _) = drive(&mut server, 250, 4, &[0]);
        assert_eq!(end, WalkEnd::Capped);
        assert!(runs.len() <= 250, "{}", runs.len());
    }

    #[test]
    fn a_later_asked_copy_wins_and_a_finished_run_never_goes_back() {
        let mut walk = Walk::new(100, 1_000);
        let first = walk.next_ask().unwrap();
        let second = Ask { seq: 2, ..first };
        // The later-asked reply (finished, 9 CU) arrives first; the older
        // one (running, 3 CU) arrives last and must not win.
        walk.receive(second, page(0, 100, false, vec![run("a", 9, false)]));
        walk.receive(first, page(0, 100, false, vec![run("a", 3, true)]));
        let runs = walk.into_runs().to_runs();
        assert_eq!(runs, vec![run("a", 9, false)]);
        // A later-asked copy that is still running does not undo a finish.
        let mut walk = Walk::new(100, 1_000);
        let a = walk.next_ask().unwrap();
        walk.receive(a, page(0, 100, true, vec![run("b", 9, false)]));
        let b = Ask { seq: 5, ..a };
        walk.receive(b, page(0, 100, false, vec![run("b", 4, true)]));
        assert_eq!(walk.into_runs().to_runs(), vec![run("b", 9, false)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever the server does (ignore `offset` or `limit`, echo or
        /// misreport offsets, repeat runs, send empty pages, add runs at
        /// the head) and in whatever order replies arrive: the walk ends
        /// within a number of requests bounded by the cap, never stores
        /// more runs than the cap, keeps each run once, and the total of
        /// what it keeps is the sum of those runs.
        #[test]
        fn an_adversarial_server_cannot_loop_overfill_or_double_count(
            base in 0u64..1_500,
            arrive in 0u64..6,
            applied_limit in prop_oneof![Just(100u32), 1u32..100],
            mode in prop_oneof![
                Just(Mode::Normal), Just(Mode::SamePage), Just(Mode::EmptyMore),
                Just(Mode::EchoOffset), Just(Mode::IgnoreLimit), Just(Mode::Duplicates),
                Just(Mode::WrongOffset), Just(Mode::SomeEmpty),
            ],
            cap in 1u64..700,
            in_flight in 1usize..6,
            choices in proptest::collection::vec(0usize..64, 1..40),
        ) {
            let arrive = arrive.min(u64::from(applied_limit) / 4);
            let mut server = Server::new(base, arrive, applied_limit, mode);
            let (runs, _end, _, _, requests) = drive(&mut server, cap, in_flight, &choices);
            // Bounded: a page of at least one run per request, plus the
            // stall allowance and the requests in flight.
            prop_assert!(
                requests <= 2 * cap + 2 * u64::from(STALL_LIMIT) + 16,
                "{} requests for a cap of {}", requests, cap
            );
            prop_assert!(runs.len() as u64 <= cap);
            let mut ids: Vec<&str> = runs.iter().map(|r| r.run_id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), runs.len(), "a run kept twice");
            let set = RunSet::new(runs.clone(), crate::core::time::utc_date);
            let all: Vec<usize> = (0..set.len()).collect();
            let sub = crate::core::subtotals::compute_set(&set, &all, None, crate::core::subtotals::GroupBy::Workflow);
            prop_assert_eq!(u128::from(total(&runs)), sub.total.cu.0);
            let rows: u128 = sub.rows.iter().map(|r| r.cu.0).sum();
            prop_assert_eq!(rows, sub.total.cu.0);
        }

        /// Shifted pages, duplicates, smaller server limits, and requests
        /// served and delivered in any order: the walk keeps every distinct
        /// run served, each once with its latest copy, misses none of the
        /// runs that existed when it started, keeps the list's order, and
        /// its total is the exact sum over that set.
        #[test]
        fn a_live_list_is_loaded_exactly(
            base in 0u64..1_200,
            arrive in 0u64..12,
            applied_limit in prop_oneof![Just(100u32), 1u32..100],
            in_flight in 1usize..6,
            choices in proptest::collection::vec(0usize..64, 1..40),
        ) {
            // A list growing faster than a request reads it never ends;
            // keep arrivals below a quarter of what a request reads.
            let arrive = arrive.min(u64::from(applied_limit) / 4);
            let mut server = Server::new(base, arrive, applied_limit, Mode::Normal);
            let (runs, end, latest, at_first, _) = drive(&mut server, 1_000_000, in_flight, &choices);
            prop_assert!(matches!(end, WalkEnd::Complete { .. }), "{:?}", end);
            // Each run once.
            let mut ids: Vec<&str> = runs.iter().map(|r| r.run_id.as_str()).collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), n);
            // Exactly the distinct runs delivered, each its latest copy.
            prop_assert_eq!(n, latest.len());
            for r in &runs {
                prop_assert_eq!(Some(r), latest.get(&r.run_id));
            }
            // Nothing that existed at the start is missing.
            for id in &at_first {
                prop_assert!(latest.contains_key(id), "missing {}", id);
            }
            // List order (newest first), as the server has it now.
            let pos: HashMap<&str, usize> = server.list.iter().enumerate().map(|(i, r)| (r.0.as_str(), i)).collect();
            prop_assert!(runs.windows(2).all(|w| pos[w[0].run_id.as_str()] < pos[w[1].run_id.as_str()]));
            // The total is the exact sum over the distinct latest copies.
            let oracle: u64 = latest.values().map(|r| r.cu.map_or(0, |c| c.0)).sum();
            prop_assert_eq!(total(&runs), oracle);
            if let WalkEnd::Complete { arrived } = end {
                prop_assert!(arrived <= server.arrived);
            }
        }
    }
}
