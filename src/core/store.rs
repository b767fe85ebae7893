//! The loaded runs, stored column by column.
//!
//! A million runs held as `Run` values cost about 250 bytes each (three
//! `String`s and their heap blocks, `Option`s of 16 bytes); here a run is
//! about 65: its id packed into 16 bytes when it is a UUID (what most servers
//! send) or else in a shared text arena (1 MiB chunks), CU and times as plain
//! integers with a sentinel for "none", and its workflow, status, trigger and
//! start day as small ids into tables of distinct values, which is also what
//! filters, facet counts, subtotals and charts want (they compare and index
//! integers instead of hashing strings). The "Load all runs" walk appends
//! each page straight into a set ([`RunSet::push`], [`RunSet::replace`]); a
//! [`Run`] is made again only for the rows on screen and the CSV
//! ([`RunSet::run`]). The property tests prove the round trip.

use std::collections::HashMap;

use crate::core::cu::Cu;
use crate::core::run::{Run, RunStatus};
use crate::core::time::TimeForm;

/// The most distinct timestamp shapes a set tells apart by id; a run with
/// yet another keeps its timestamps as text (a server would have to mix
/// thousands of offsets and fraction lengths).
const MAX_SHAPES: usize = 4_096;

/// The size of a chunk of run-id text ([`RunSet::push_id`]), as a power of two.
const ID_CHUNK_BITS: u32 = 20;
/// The size of a chunk of run-id text: 1 MiB.
const ID_CHUNK: usize = 1 << ID_CHUNK_BITS;

/// Days change only on quarter hours, in every time zone.
const QUARTER_HOUR_MS: i64 = 900_000;
/// A time that did not parse (in [`RunSet::started_column`]).
pub const NO_TIME: i64 = i64::MIN;
/// A CU value that was missing or invalid (in [`RunSet::cu_column`]).
pub const NO_CU: u64 = u64::MAX;

/// Distinct strings and their ids.
#[derive(Debug, Clone, Default, PartialEq)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, names: &mut Vec<String>, name: &str) -> u32 {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        let id = names.len() as u32;
        names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }
}

/// A run's timestamps as sent, kept only when they are not the canonical
/// text of their parsed value (rare).
#[derive(Debug, Clone, Default, PartialEq)]
struct RawTimes {
    started: Option<Box<str>>,
    finished: Option<Box<str>>,
}

/// The runs in scope, column by column, plus the tables of distinct
/// workflows, statuses, triggers and start days they index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSet {
    /// Every run id, packed ([`parse_uuid`]), while every id is a UUID in
    /// its canonical lower-case form: 16 bytes a run instead of 36 of text
    /// and 8 of place (a million runs: 16 MB instead of 44). The first id
    /// of another form moves them all to the text (`text_ids`).
    uuids: Vec<u128>,
    /// The ids are kept as text (`ids`, `id_at`), not packed.
    text_ids: bool,
    /// Every run id received, one after the other (in arrival order), in
    /// chunks of at most [`ID_CHUNK`] bytes (an id longer than that has a
    /// chunk of its own): one `String` of a million UUIDs would double to
    /// 64 MB to hold 36, and wasm memory never shrinks.
    ids: Vec<String>,
    /// Where each run's id is: its chunk and offset (`chunk << 20 |
    /// offset`) and its length (reordering runs moves these, not the text).
    id_at: Vec<(u32, u32)>,
    /// Each run's workflow: an index into `workflows`.
    pub workflow_of: Vec<u32>,
    /// Distinct workflow ids, in order of first appearance.
    pub workflows: Vec<String>,
    /// Each run's status: an index into `statuses`.
    pub status_of: Vec<u32>,
    /// Distinct statuses (API values), in order of first appearance.
    pub statuses: Vec<String>,
    /// `statuses`, parsed.
    status_kinds: Vec<RunStatus>,
    /// Each run's trigger: an index into `triggers`.
    pub trigger_of: Vec<u32>,
    /// Distinct trigger sources (`""` = none), in order of first appearance.
    pub triggers: Vec<String>,
    /// Each run's start day: an index into `day_names` (filled by
    /// [`RunSet::compute_days`]).
    pub day_of: Vec<u32>,
    /// Distinct start days (`YYYY-MM-DD`, display time zone; `""` = the
    /// start time did not parse).
    pub day_names: Vec<String>,
    started: Vec<i64>,
    finished: Vec<i64>,
    cu: Vec<u64>,
    /// Run → its timestamps as sent, when no form gives them back.
    raw: HashMap<u32, RawTimes>,
    /// Each run's pair of timestamp shapes (start, finish): an index into
    /// `shapes`. Empty while every run's timestamps are in the API's own
    /// form; then one entry per run (2 bytes).
    form_of: Vec<u16>,
    /// Distinct pairs of shapes (`shapes[0]`: both canonical).
    shapes: Vec<(TimeForm, TimeForm)>,
    /// The digits past the millisecond of each run's two timestamps. Empty
    /// while no run has any (servers sending micro- or nanoseconds).
    subs: Vec<(u32, u32)>,
    /// Run → its id lower-cased, when that differs from the id.
    lower: HashMap<u32, Box<str>>,
    /// Every byte that occurs in some run id or lower-cased run id (a
    /// 256-bit set): a search with a byte outside it cannot match an id.
    id_bytes: [u64; 4],
    workflow_ids: Interner,
    status_ids: Interner,
    trigger_ids: Interner,
}

impl RunSet {
    /// Builds the set from runs in order, computing each run's day with
    /// `day_of` (see [`RunSet::compute_days`]).
    pub fn new(runs: Vec<Run>, day_of: impl Fn(i64) -> String) -> RunSet {
        let mut set = RunSet::with_capacity(runs.len());
        for run in runs {
            set.push(run);
        }
        set.compute_days(day_of);
        set
    }

    /// An empty set with room for `n` runs.
    pub fn with_capacity(n: usize) -> RunSet {
        RunSet {
            uuids: Vec::with_capacity(n),
            workflow_of: Vec::with_capacity(n),
            status_of: Vec::with_capacity(n),
            trigger_of: Vec::with_capacity(n),
            started: Vec::with_capacity(n),
            finished: Vec::with_capacity(n),
            cu: Vec::with_capacity(n),
            ..RunSet::default()
        }
    }

    /// Appends a run; returns its index. (Its day is computed later, by
    /// [`RunSet::compute_days`].)
    pub fn push(&mut self, run: Run) -> u32 {
        let i = self.len() as u32;
        self.push_run_id(&run.run_id);
        self.note_bytes(run.run_id.as_bytes());
        if run
            .run_id
            .bytes()
            .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
        {
            let lower = crate::core::text::lower(&run.run_id);
            if lower != run.run_id {
                self.note_bytes(lower.as_bytes());
                self.lower.insert(i, lower.into_boxed_str());
            }
        }
        self.workflow_of.push(0);
        self.status_of.push(0);
        self.trigger_of.push(0);
        self.started.push(NO_TIME);
        self.finished.push(NO_TIME);
        self.cu.push(NO_CU);
        self.push_forms();
        self.set_fields(i as usize, run);
        self.forget_days();
        i
    }

    /// Appends a run's id: packed while every id is a UUID, else as text.
    fn push_run_id(&mut self, id: &str) {
        if !self.text_ids {
            if let Some(u) = parse_uuid(id) {
                self.uuids.push(u);
                return;
            }
            self.unpack_ids();
        }
        let at = self.push_id(id);
        self.id_at.push(at);
    }

    /// Moves the packed ids to the text (an id that is not a UUID came).
    fn unpack_ids(&mut self) {
        self.text_ids = true;
        let packed = std::mem::take(&mut self.uuids);
        self.id_at.reserve(packed.len() + 1);
        for u in packed {
            let text = format_uuid(u);
            let at = self.push_id(uuid_str(&text));
            self.id_at.push(at);
        }
    }

    /// Appends `id`'s text to the last chunk, or to a new one when it does
    /// not fit; returns where it is. The first chunk grows as a `String`
    /// does (a page of runs holds a few KB); later ones are made whole.
    fn push_id(&mut self, id: &str) -> (u32, u32) {
        let fits = self
            .ids
            .last()
            // `<`: an offset stays below 2^20, even for an empty id.
            .is_some_and(|c| c.len() + id.len() < ID_CHUNK);
        if !fits {
            let size = if self.ids.is_empty() {
                0
            } else {
                ID_CHUNK.max(id.len())
            };
            self.ids.push(String::with_capacity(size));
        }
        let chunk = self.ids.len() - 1;
        let text = &mut self.ids[chunk];
        let offset = text.len();
        text.push_str(id);
        (
            (chunk as u32) << ID_CHUNK_BITS | offset as u32,
            id.len() as u32,
        )
    }

    fn note_bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.id_bytes[usize::from(b / 64)] |= 1 << (b % 64);
        }
    }

    /// Whether some run id (lower-cased) may contain `needle`: false when
    /// the needle has a byte no id has, so a search can skip the ids.
    pub fn ids_may_contain(&self, needle: &[u8]) -> bool {
        needle
            .iter()
            .all(|&b| self.id_bytes[usize::from(b / 64)] >> (b % 64) & 1 == 1)
    }

    /// Replaces run `i` with a later copy of the same run (same id).
    pub fn replace(&mut self, i: usize, run: Run) {
        debug_assert_eq!(&*self.run_id(i), run.run_id);
        self.set_fields(i, run);
        self.forget_days();
    }

    /// Days are computed for a whole set, once it is complete
    /// ([`RunSet::compute_days`]); a change forgets them.
    fn forget_days(&mut self) {
        if !self.day_of.is_empty() {
            self.day_of.clear();
            self.day_names.clear();
        }
    }

    fn set_fields(&mut self, i: usize, run: Run) {
        let (extra_started, extra_finished) =
            self.set_forms(i, &run, run.started_form, run.finished_form);
        self.workflow_of[i] = self.workflow_ids.id(&mut self.workflows, &run.workflow_id);
        let status = self.status_ids.id(&mut self.statuses, run.status.as_str());
        if status as usize == self.status_kinds.len() {
            self.status_kinds.push(run.status);
        }
        self.status_of[i] = status;
        self.trigger_of[i] = self.trigger_ids.id(
            &mut self.triggers,
            run.trigger_source.as_deref().unwrap_or(""),
        );
        self.started[i] = run.started_ms.unwrap_or(NO_TIME);
        self.finished[i] = run.finished_ms.unwrap_or(NO_TIME);
        self.cu[i] = run.cu.map_or(NO_CU, |c| c.0);
        let started = run.started_raw.or(extra_started);
        let finished = run.finished_raw.or(extra_finished);
        if started.is_some() || finished.is_some() {
            self.raw.insert(i as u32, RawTimes { started, finished });
        } else if !self.raw.is_empty() {
            self.raw.remove(&(i as u32));
        }
    }

    /// Room for the forms of a run just pushed (only when some run has a
    /// form other than the API's own).
    fn push_forms(&mut self) {
        if !self.form_of.is_empty() {
            self.form_of.push(0);
        }
        if !self.subs.is_empty() {
            self.subs.push((0, 0));
        }
    }

    /// Sets run `i`'s timestamp forms. Returns the texts to keep instead
    /// when the set already tells [`MAX_SHAPES`] shapes apart.
    fn set_forms(
        &mut self,
        i: usize,
        run: &Run,
        started: TimeForm,
        finished: TimeForm,
    ) -> (Option<Box<str>>, Option<Box<str>>) {
        let pair = (started.shape(), finished.shape());
        if pair != (TimeForm::CANONICAL, TimeForm::CANONICAL) || !self.form_of.is_empty() {
            if self.shapes.is_empty() {
                self.shapes.push((TimeForm::CANONICAL, TimeForm::CANONICAL));
            }
            let id = match self.shapes.iter().position(|s| *s == pair) {
                Some(id) => id,
                None if self.shapes.len() < MAX_SHAPES => {
                    self.shapes.push(pair);
                    self.shapes.len() - 1
                }
                None => {
                    let text = |ms: Option<i64>, f: TimeForm| {
                        ms.map(|ms| crate::core::time::format_time(ms, f).into_boxed_str())
                    };
                    if !self.form_of.is_empty() {
                        self.form_of[i] = 0;
                    }
                    if !self.subs.is_empty() {
                        self.subs[i] = (0, 0);
                    }
                    return (
                        text(run.started_ms, started),
                        text(run.finished_ms, finished),
                    );
                }
            };
            if self.form_of.is_empty() {
                self.form_of = vec![0; self.len()];
            }
            self.form_of[i] = id as u16;
        }
        let sub = (started.sub(), finished.sub());
        if sub != (0, 0) || !self.subs.is_empty() {
            if self.subs.is_empty() {
                self.subs = vec![(0, 0); self.len()];
            }
            self.subs[i] = sub;
        }
        (None, None)
    }

    /// Run `i`'s timestamp forms.
    fn forms(&self, i: usize) -> (TimeForm, TimeForm) {
        let (s, f) = self
            .form_of
            .get(i)
            .map_or((TimeForm::CANONICAL, TimeForm::CANONICAL), |&id| {
                self.shapes[id as usize]
            });
        let (ss, fs) = self.subs.get(i).copied().unwrap_or((0, 0));
        (s.with_sub(ss), f.with_sub(fs))
    }

    /// Computes each run's start day with `day_of`.
    ///
    /// `day_of` is asked once per 15-minute slice of time, not once per run:
    /// every time zone's midnight falls on a quarter hour (UTC offsets are
    /// multiples of 15 minutes), so all instants of a slice share one day.
    /// (Asking `Intl` for 100,000 runs one by one took most of a load.) Runs
    /// in time order mostly share the slice of the run before: that one is
    /// checked before the table.
    pub fn compute_days(&mut self, day_of: impl Fn(i64) -> String) {
        let mut slices: HashMap<i64, u32> = HashMap::new();
        let mut days = Interner::default();
        let mut names = Vec::new();
        let mut last: Option<(i64, u32)> = None;
        let mut out = Vec::with_capacity(self.len());
        for &ms in &self.started {
            let day = if ms == NO_TIME {
                days.id(&mut names, "")
            } else {
                let slice = ms.div_euclid(QUARTER_HOUR_MS);
                match last {
                    Some((s, d)) if s == slice => d,
                    _ => {
                        let d = *slices
                            .entry(slice)
                            .or_insert_with(|| days.id(&mut names, &day_of(ms)));
                        last = Some((slice, d));
                        d
                    }
                }
            };
            out.push(day);
        }
        self.day_of = out;
        self.day_names = names;
    }

    /// Puts the runs in `order` (a permutation of all of them), in place,
    /// column by column and cycle by cycle: no column is copied (at a
    /// million runs a new one would be up to 16 MB more at the end of the
    /// load, and wasm memory never shrinks); the id text stays where it is.
    pub fn gather(&mut self, order: &[u32]) {
        debug_assert!(order.len() == self.len() && is_permutation(order));
        let cycles = cycles_of(order);
        let mut step = 0;
        while self.gather_step(order, &cycles, step) {
            step += 1;
        }
    }

    /// One step of [`RunSet::gather`], given its permutation `order` and
    /// that permutation's [`cycles_of`]: step `0` the ids, then one column a step (a few
    /// milliseconds each at a million runs, so a caller can give the page a
    /// frame between them). Returns whether steps are left; the set is
    /// whole again only after the last.
    pub fn gather_step(&mut self, order: &[u32], cycles: &[u32], step: usize) -> bool {
        match step {
            0 => {
                if !self.raw.is_empty() || !self.lower.is_empty() {
                    let (mut raw, mut lower) = (HashMap::new(), HashMap::new());
                    for (to, &from) in order.iter().enumerate() {
                        if let Some(r) = self.raw.remove(&from) {
                            raw.insert(to as u32, r);
                        }
                        if let Some(l) = self.lower.remove(&from) {
                            lower.insert(to as u32, l);
                        }
                    }
                    self.raw = raw;
                    self.lower = lower;
                }
                if self.text_ids {
                    permute(&mut self.id_at, cycles);
                } else {
                    permute(&mut self.uuids, cycles);
                }
            }
            1 => permute(&mut self.workflow_of, cycles),
            2 => permute(&mut self.status_of, cycles),
            3 => permute(&mut self.trigger_of, cycles),
            4 => permute(&mut self.started, cycles),
            5 => permute(&mut self.finished, cycles),
            6 => permute(&mut self.cu, cycles),
            _ => {
                if !self.form_of.is_empty() {
                    permute(&mut self.form_of, cycles);
                }
                if !self.subs.is_empty() {
                    permute(&mut self.subs, cycles);
                }
                if self.day_of.len() == self.len() {
                    permute(&mut self.day_of, cycles);
                } else {
                    self.forget_days();
                }
                return false;
            }
        }
        true
    }

    /// Number of runs.
    pub fn len(&self) -> usize {
        self.cu.len()
    }

    /// Whether there are no runs.
    pub fn is_empty(&self) -> bool {
        self.cu.is_empty()
    }

    /// Run `i`'s id.
    pub fn run_id(&self, i: usize) -> RunId<'_> {
        if !self.text_ids {
            return RunId::Uuid(format_uuid(self.uuids[i]));
        }
        RunId::Text(self.id_text(i))
    }

    /// Run `i`'s id in the text arena (the ids are not packed).
    fn id_text(&self, i: usize) -> &str {
        let (at, len) = self.id_at[i];
        let offset = (at & ((1 << ID_CHUNK_BITS) - 1)) as usize;
        &self.ids[(at >> ID_CHUNK_BITS) as usize][offset..offset + len as usize]
    }

    /// Run `i`'s id, lower-cased.
    pub fn run_id_lower(&self, i: usize) -> RunId<'_> {
        if self.lower.is_empty() {
            // The usual case: every id is lower-case already (no lookup).
            return self.run_id(i);
        }
        match self.lower.get(&(i as u32)) {
            Some(l) => RunId::Text(l),
            None => self.run_id(i),
        }
    }

    /// Runs `a` and `b` in the order of their ids (as text).
    pub fn cmp_run_ids(&self, a: usize, b: usize) -> std::cmp::Ordering {
        if self.text_ids {
            self.id_text(a).cmp(self.id_text(b))
        } else {
            // Hex digits in the order of their values, the dashes in the
            // same places: the numbers' order is the texts'.
            self.uuids[a].cmp(&self.uuids[b])
        }
    }

    /// Whether run `i`'s id is `id`; `packed` is `id` parsed as a UUID.
    fn id_is(&self, i: usize, id: &str, packed: Option<u128>) -> bool {
        if self.text_ids {
            self.id_text(i) == id
        } else {
            packed == Some(self.uuids[i])
        }
    }

    /// Run `i`'s id hashed under `key`, as [`key_hash`] hashes its text.
    fn id_hash_of(&self, i: usize, key: [u64; 2]) -> u64 {
        if self.text_ids {
            key_hash(self.id_text(i), key)
        } else {
            uuid_hash(self.uuids[i], key)
        }
    }

    /// Run `i`'s workflow id.
    pub fn workflow_id(&self, i: usize) -> &str {
        &self.workflows[self.workflow_of[i] as usize]
    }

    /// Run `i`'s status.
    pub fn status(&self, i: usize) -> &RunStatus {
        &self.status_kinds[self.status_of[i] as usize]
    }

    /// Run `i`'s trigger source, if any.
    pub fn trigger(&self, i: usize) -> Option<&str> {
        let t = &self.triggers[self.trigger_of[i] as usize];
        (!t.is_empty()).then_some(t.as_str())
    }

    /// Run `i`'s start in epoch milliseconds, when it parsed.
    pub fn started_ms(&self, i: usize) -> Option<i64> {
        Some(self.started[i]).filter(|&t| t != NO_TIME)
    }

    /// The earliest start among the runs, in epoch milliseconds.
    pub fn first_start(&self) -> Option<i64> {
        self.started.iter().copied().filter(|&t| t != NO_TIME).min()
    }

    /// Run `i`'s end in epoch milliseconds, when it parsed.
    pub fn finished_ms(&self, i: usize) -> Option<i64> {
        Some(self.finished[i]).filter(|&t| t != NO_TIME)
    }

    /// Run `i`'s run time in milliseconds, when both ends are known (as
    /// [`crate::core::run::Run::duration_ms`]: from the instants as sent,
    /// rounded half up).
    pub fn duration_ms(&self, i: usize) -> Option<i64> {
        let (start, end) = (self.started_ms(i)?, self.finished_ms(i)?);
        if self.subs.is_empty() {
            // No run holds digits past the millisecond.
            return Some(end - start).filter(|d| *d >= 0);
        }
        let (s, f) = self.forms(i);
        crate::core::time::exact_duration_ms((start, s), (end, f))
    }

    /// Run `i`'s CU, when valid.
    pub fn cu(&self, i: usize) -> Option<Cu> {
        Some(self.cu[i]).filter(|&c| c != NO_CU).map(Cu)
    }

    /// Every run's CU in 1/10,000 CU, [`NO_CU`] where it was missing or
    /// invalid: for passes over many runs ([`RunSet::cu`] is one run's).
    pub fn cu_column(&self) -> &[u64] {
        &self.cu
    }

    /// Every run's start in epoch milliseconds, [`NO_TIME`] where it did not
    /// parse ([`RunSet::started_ms`] is one run's).
    pub fn started_column(&self) -> &[i64] {
        &self.started
    }

    /// The distinct statuses, parsed, by status id (`status_of`).
    pub fn status_kinds(&self) -> &[RunStatus] {
        &self.status_kinds
    }

    /// The start day of run `i` (`""` when its start time did not parse).
    pub fn day(&self, i: usize) -> &str {
        &self.day_names[self.day_of[i] as usize]
    }

    /// Run `i` as a [`Run`] (for the rows on screen and the CSV).
    pub fn run(&self, i: usize) -> Run {
        let raw = self.raw.get(&(i as u32));
        let started_ms = self.started_ms(i);
        let finished_ms = self.finished_ms(i);
        let (started_form, finished_form) = self.forms(i);
        Run {
            run_id: (*self.run_id(i)).to_owned(),
            workflow_id: self.workflow_id(i).to_owned(),
            status: self.status(i).clone(),
            started_ms,
            started_raw: raw.and_then(|r| r.started.clone()),
            started_form,
            finished_ms,
            finished_raw: raw.and_then(|r| r.finished.clone()),
            finished_form,
            cu: self.cu(i),
            trigger_source: self.trigger(i).map(str::to_owned),
        }
    }

    /// Appends runs `indices` of `other`, column by column (no [`Run`] is
    /// made): what Refresh keeps of the runs held before.
    pub fn extend_from(&mut self, other: &RunSet, indices: &[usize]) {
        let workflows: Vec<u32> = other
            .workflows
            .iter()
            .map(|n| self.workflow_ids.id(&mut self.workflows, n))
            .collect();
        let triggers: Vec<u32> = other
            .triggers
            .iter()
            .map(|n| self.trigger_ids.id(&mut self.triggers, n))
            .collect();
        let statuses: Vec<u32> = other
            .statuses
            .iter()
            .zip(&other.status_kinds)
            .map(|(n, kind)| {
                let id = self.status_ids.id(&mut self.statuses, n);
                if id as usize == self.status_kinds.len() {
                    self.status_kinds.push(kind.clone());
                }
                id
            })
            .collect();
        for (mine, theirs) in self.id_bytes.iter_mut().zip(other.id_bytes) {
            *mine |= theirs;
        }
        let n = indices.len();
        self.workflow_of.reserve(n);
        self.status_of.reserve(n);
        self.trigger_of.reserve(n);
        self.started.reserve(n);
        self.finished.reserve(n);
        self.cu.reserve(n);
        for &i in indices {
            let to = self.len() as u32;
            if self.text_ids || other.text_ids {
                self.push_run_id(&other.run_id(i));
            } else {
                self.uuids.push(other.uuids[i]);
            }
            if let Some(l) = other.lower.get(&(i as u32)) {
                self.lower.insert(to, l.clone());
            }
            if let Some(r) = other.raw.get(&(i as u32)) {
                self.raw.insert(to, r.clone());
            }
            self.workflow_of
                .push(workflows[other.workflow_of[i] as usize]);
            self.status_of.push(statuses[other.status_of[i] as usize]);
            self.trigger_of.push(triggers[other.trigger_of[i] as usize]);
            self.started.push(other.started[i]);
            self.finished.push(other.finished[i]);
            self.cu.push(other.cu[i]);
            self.push_forms();
            let (started, finished) = other.forms(i);
            if (started, finished) != (TimeForm::CANONICAL, TimeForm::CANONICAL)
                || !self.form_of.is_empty()
                || !self.subs.is_empty()
            {
                let run = other.run(i);
                let (s, f) = self.set_forms(to as usize, &run, started, finished);
                if s.is_some() || f.is_some() {
                    self.raw.insert(
                        to,
                        RawTimes {
                            started: s,
                            finished: f,
                        },
                    );
                }
            }
        }
        self.forget_days();
    }

    /// Every run, in order, as [`Run`]s.
    pub fn to_runs(&self) -> Vec<Run> {
        (0..self.len()).map(|i| self.run(i)).collect()
    }
}

/// The bit that marks the first place of a cycle in [`cycles_of`] (run
/// indices stay below it: `maxRuns` is at most 10,000,000).
const CYCLE_START: u32 = 1 << 31;

/// The cycles of the permutation `order` (the value at `order[k]` goes to
/// `k`), as one list: each cycle's places in the order values move, its
/// first one marked with [`CYCLE_START`]; places that stay are left out.
/// Worked out once for all the columns [`RunSet::gather_step`] moves.
pub fn cycles_of(order: &[u32]) -> Vec<u32> {
    let mut bits = vec![0u64; order.len().div_ceil(64)];
    let done = bits.as_mut_slice();
    let mut out = Vec::new();
    for start in 0..order.len() {
        if done[start / 64] >> (start % 64) & 1 == 1 || order[start] as usize == start {
            continue;
        }
        out.push(start as u32 | CYCLE_START);
        let mut k = start;
        loop {
            done[k / 64] |= 1 << (k % 64);
            k = order[k] as usize;
            if k == start {
                break;
            }
            out.push(k as u32);
        }
    }
    out
}

/// Moves `col`'s values along `cycles` ([`cycles_of`]): each cycle's first
/// value is held while every other one moves into the place before it.
fn permute<T: Copy>(col: &mut [T], cycles: &[u32]) {
    let mut held: Option<T> = None;
    let mut prev = 0;
    for &c in cycles {
        let k = (c & !CYCLE_START) as usize;
        if c & CYCLE_START != 0 {
            if let Some(v) = held {
                col[prev] = v;
            }
            held = Some(col[k]);
        } else {
            col[prev] = col[k];
        }
        prev = k;
    }
    if let Some(v) = held {
        col[prev] = v;
    }
}

/// Whether `order` holds every index below its length once.
fn is_permutation(order: &[u32]) -> bool {
    let mut seen = vec![0u64; order.len().div_ceil(64)];
    order.iter().all(|&i| {
        let i = i as usize;
        let fresh = i < order.len() && seen[i / 64] >> (i % 64) & 1 == 0;
        if fresh {
            seen[i / 64] |= 1 << (i % 64);
        }
        fresh
    })
}

/// The 128-bit product of `a` and `b`, its halves folded into 64 bits.
fn folded_mul(a: u64, b: u64) -> u64 {
    let full = u128::from(a) * u128::from(b);
    (full as u64) ^ ((full >> 64) as u64)
}

/// `id` hashed under `key` (a folded multiply per 8 bytes, as foldhash and
/// aHash do): without the key, which is random per index, a server cannot
/// choose ids that land in one run of slots.
fn id_hash(id: &str, key: [u64; 2]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes = id.as_bytes();
    let mut h = key[0];
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = folded_mul(h ^ word, key[1] ^ K);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = folded_mul(h ^ u64::from_le_bytes(last), key[1] ^ K);
    folded_mul(h ^ bytes.len() as u64, key[0] ^ K.rotate_left(17))
}

/// `id` hashed under `key`: a UUID by its 128 bits (as a packed set holds
/// it), any other id by its text, so a set hashes an id alike whether it
/// holds it packed or as text.
fn key_hash(id: &str, key: [u64; 2]) -> u64 {
    parse_uuid(id).map_or_else(|| id_hash(id, key), |u| uuid_hash(u, key))
}

/// A UUID's 128 bits hashed under `key` (two folded multiplies).
fn uuid_hash(u: u128, key: [u64; 2]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let h = folded_mul(key[0] ^ (u as u64), key[1] ^ K);
    folded_mul(h ^ ((u >> 64) as u64), key[0] ^ K.rotate_left(17))
}

/// Where the dashes of a UUID's text are.
const UUID_DASHES: [usize; 4] = [8, 13, 18, 23];

/// A UUID in its canonical lower-case form (`8-4-4-4-12` hex digits, as
/// Go's `uuid.String()` and most servers write it) as its 128 bits; `None`
/// for any other text (upper-case digits too: those are kept as sent).
pub fn parse_uuid(id: &str) -> Option<u128> {
    let bytes = id.as_bytes();
    if bytes.len() != 36 {
        return None;
    }
    let mut u = 0u128;
    for (at, &b) in bytes.iter().enumerate() {
        if UUID_DASHES.contains(&at) {
            if b != b'-' {
                return None;
            }
            continue;
        }
        let digit = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            _ => return None,
        };
        u = u << 4 | u128::from(digit);
    }
    Some(u)
}

/// A packed UUID's text, as [`parse_uuid`] read it.
pub fn format_uuid(u: u128) -> [u8; 36] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = [b'-'; 36];
    let mut shift = 128;
    for (at, slot) in out.iter_mut().enumerate() {
        if UUID_DASHES.contains(&at) {
            continue;
        }
        shift -= 4;
        *slot = HEX[(u >> shift) as usize & 15];
    }
    out
}

/// The text of [`format_uuid`]'s bytes (always ASCII).
fn uuid_str(bytes: &[u8; 36]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// A run's id as [`RunSet::run_id`] gives it: borrowed from the text, or
/// written out from its packed UUID. Reads as a `&str`.
#[derive(Clone, Copy)]
pub enum RunId<'a> {
    /// The id as kept.
    Text(&'a str),
    /// A packed UUID, written out.
    Uuid([u8; 36]),
}

impl std::ops::Deref for RunId<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            RunId::Text(s) => s,
            RunId::Uuid(bytes) => uuid_str(bytes),
        }
    }
}

/// A random key for one index: the browser's `Math.random`, or the
/// standard library's per-process random keys natively.
fn random_key() -> [u64; 2] {
    #[cfg(target_arch = "wasm32")]
    {
        let word = || {
            let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
            let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
            (hi << 32) | lo
        };
        [word(), word() | 1]
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::hash::{BuildHasher, Hasher};
        let word = |n: u64| {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u64(n);
            h.finish()
        };
        [word(1), word(2) | 1]
    }
}

/// Run index by `runId`: open addressing over the ids the set holds (4
/// bytes a slot, at most half full), so no id is copied or hashed twice
/// into a map of strings. A hit is confirmed by comparing the id itself.
/// Each index hashes under its own random key.
///
/// The slots are split into [`SHARDS`] tables by the hash's top bits, each
/// doubled on its own when half full: one doubling re-places a 256th of
/// the ids, where doubling one table of a million slots re-placed half a
/// million in one task (116 ms of a walk's longest task, profiled at
/// 1,000,000 UUID runs).
#[derive(Debug)]
pub struct IdIndex {
    shards: Vec<Shard>,
    len: usize,
    key: [u64; 2],
}

/// One table of an [`IdIndex`]: its slots (run index, or [`EMPTY`]) and
/// how many are taken.
#[derive(Debug, Default)]
struct Shard {
    slots: Vec<u32>,
    len: usize,
}

/// How many tables an [`IdIndex`] is split into (a power of two).
const SHARDS: usize = 256;
/// A table's first size.
const SHARD_START: usize = 16;

impl Default for IdIndex {
    fn default() -> IdIndex {
        IdIndex {
            shards: std::iter::repeat_with(Shard::default)
                .take(SHARDS)
                .collect(),
            len: 0,
            key: random_key(),
        }
    }
}

const EMPTY: u32 = u32::MAX;

/// The table of `hash` (its top bits; the slot within it is from the low
/// ones).
fn shard_of(hash: u64) -> usize {
    (hash >> (64 - SHARDS.trailing_zeros())) as usize
}

impl IdIndex {
    /// An index of every run of `set`.
    pub fn of(set: &RunSet) -> IdIndex {
        let mut index = IdIndex::default();
        for i in 0..set.len() {
            index.insert(set, i as u32);
        }
        index
    }

    /// The index of the run with id `id`, if `set` has one.
    pub fn find(&self, set: &RunSet, id: &str) -> Option<u32> {
        if self.len == 0 {
            return None;
        }
        let packed = parse_uuid(id);
        if !set.text_ids && packed.is_none() {
            // Every id of a packed set is a UUID.
            return None;
        }
        let hash = packed.map_or_else(|| id_hash(id, self.key), |u| uuid_hash(u, self.key));
        let slots = self.shards[shard_of(hash)].slots.as_slice();
        if slots.is_empty() {
            return None;
        }
        let mask = slots.len() - 1;
        let mut s = hash as usize & mask;
        loop {
            let v = slots[s];
            if v == EMPTY {
                return None;
            }
            if set.id_is(v as usize, id, packed) {
                return Some(v);
            }
            s = (s + 1) & mask;
        }
    }

    /// Adds run `idx` of `set`, the run after the ones indexed so far (the
    /// index holds runs `0..len` of its set, added in order, each id once).
    pub fn insert(&mut self, set: &RunSet, idx: u32) {
        debug_assert_eq!(idx as usize, self.len);
        let hash = set.id_hash_of(idx as usize, self.key);
        let shard = &mut self.shards[shard_of(hash)];
        if (shard.len + 1) * 2 > shard.slots.len() {
            // Doubled: its ids re-placed, each hashed again from the set.
            let cap = (shard.slots.len() * 2).max(SHARD_START);
            let old = std::mem::replace(&mut shard.slots, vec![EMPTY; cap]);
            for v in old.into_iter().filter(|&v| v != EMPTY) {
                place(&mut shard.slots, set.id_hash_of(v as usize, self.key), v);
            }
        }
        place(&mut shard.slots, hash, idx);
        shard.len += 1;
        self.len += 1;
    }
}

/// Puts `idx` in the first free slot from `hash`'s.
fn place(slots: &mut [u32], hash: u64, idx: u32) {
    let mask = slots.len() - 1;
    let mut s = hash as usize & mask;
    while slots[s] != EMPTY {
        s = (s + 1) & mask;
    }
    slots[s] = idx;
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::test_support::run;
    use proptest::prelude::*;

    /// The longest run of occupied slots probed to find any id of `set`.
    fn longest_probe(index: &IdIndex, set: &RunSet) -> usize {
        (0..set.len())
            .map(|i| {
                let hash = set.id_hash_of(i, index.key);
                let slots = &index.shards[shard_of(hash)].slots;
                let mask = slots.len() - 1;
                let mut s = hash as usize & mask;
                let mut n = 1;
                while slots[s] != i as u32 {
                    s = (s + 1) & mask;
                    n += 1;
                }
                n
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn ids_chosen_to_collide_under_one_key_do_not_under_another() {
        // 100 ids that all land in one slot of one table of an index keyed
        // like `a`: a server that knew the key could make every lookup
        // scan them all. Every index has its own key, so another one
        // spreads them.
        let a = IdIndex::default();
        let mut id = String::new();
        let ids: Vec<String> = (0u64..)
            .filter_map(|i| {
                use std::fmt::Write;
                id.clear();
                let _ = write!(id, "run-{i}");
                let h = id_hash(&id, a.key);
                (shard_of(h) == 3 && h & 255 == 7).then(|| id.clone())
            })
            .take(100)
            .collect();
        let set = RunSet::new(
            ids.iter()
                .map(|id| crate::core::test_support::cu_run(id, 1, false))
                .collect(),
            crate::core::time::utc_date,
        );
        let mut crafted = IdIndex {
            key: a.key,
            ..IdIndex::default()
        };
        for i in 0..set.len() {
            crafted.insert(&set, i as u32);
        }
        assert_eq!(crafted.shards[3].slots.len(), 256);
        assert!(longest_probe(&crafted, &set) >= 100);
        let fresh = IdIndex::of(&set);
        assert_ne!(fresh.key, a.key);
        assert!(
            longest_probe(&fresh, &set) < 40,
            "{}",
            longest_probe(&fresh, &set)
        );
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(fresh.find(&set, id), Some(i as u32));
        }
    }

    /// Ids over several chunks, one longer than a chunk, and empty ones:
    /// each reads back as sent, in any order, through `extend_from` and
    /// `gather` too, and the chunks after the first are made whole (no
    /// `String` doubling past a chunk).
    #[test]
    fn run_ids_read_back_across_chunks() {
        let big = |n: usize, c: char| std::iter::repeat_n(c, n).collect::<String>();
        let mut ids: Vec<String> = (0..40)
            .map(|i| format!("{}-{i}", big(100_000, 'a')))
            .collect();
        ids.insert(7, big(ID_CHUNK + 5, 'b'));
        ids.insert(8, String::new());
        ids.push(String::new());
        ids.extend((0..1_000).map(|i| format!("run-{i}")));
        let runs: Vec<Run> = ids
            .iter()
            .map(|id| run(id, "wf", "success", "2026-11-02T10:00:00Z", Some(1.0), None))
            .collect();
        let mut set = RunSet::new(runs, crate::core::time::utc_date);
        assert!(set.ids.len() >= 5, "{} chunks", set.ids.len());
        assert!(set
            .ids
            .iter()
            .all(|c| c.capacity() <= ID_CHUNK || c.len() > ID_CHUNK));
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(&*set.run_id(i), id);
        }
        let mut copy = RunSet::default();
        let order: Vec<usize> = (0..ids.len()).rev().collect();
        copy.extend_from(&set, &order);
        for (k, &i) in order.iter().enumerate() {
            assert_eq!(&*copy.run_id(k), ids[i]);
        }
        let reversed: Vec<u32> = (0..ids.len() as u32).rev().collect();
        set.gather(&reversed);
        for (k, &i) in reversed.iter().enumerate() {
            assert_eq!(&*set.run_id(k), ids[i as usize]);
        }
        let index = IdIndex::of(&set);
        assert_eq!(index.find(&set, &ids[7]), Some((ids.len() - 1 - 7) as u32));
    }

    /// A run as a set gives it back: an empty trigger is no trigger (as
    /// the decoder reads it).
    fn normalized(mut run: Run) -> Run {
        if run.trigger_source.as_deref() == Some("") {
            run.trigger_source = None;
        }
        run
    }

    /// A run id: short text, a UUID as servers write it (packed by the
    /// set), or one in upper case (kept as text).
    fn arb_id() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9_ÄÖ]{1,12}",
            any::<u128>().prop_map(crate::core::test_support::uuid),
            any::<u128>().prop_map(crate::core::test_support::uuid),
            any::<u128>().prop_map(|u| crate::core::test_support::uuid(u).to_uppercase()),
        ]
    }

    fn arb_run() -> impl Strategy<Value = Run> {
        (
            arb_id(),
            0usize..4,
            0usize..8,
            proptest::option::of(-5_000_000_000_000i64..5_000_000_000_000),
            proptest::option::of(0i64..10_000_000),
            proptest::option::of(0u64..1_000_000_000),
            proptest::option::of("[a-z]{0,5}"),
            any::<bool>(),
            (arb_form(), arb_form()),
        )
            .prop_map(|(id, wf, st, started, took, cu, trigger, raw, forms)| {
                let statuses = [
                    "success",
                    "failure",
                    "running",
                    "waiting",
                    "cancelled",
                    "partial",
                    "weird",
                    "ODD",
                ];
                let mut r = run(
                    &id,
                    &format!("wf{wf}"),
                    statuses[st],
                    "",
                    None,
                    trigger.as_deref(),
                );
                r.started_ms = started;
                r.finished_ms = started.zip(took).map(|(s, t)| s + t);
                r.cu = cu.map(Cu);
                if raw {
                    r.started_raw = Some("2026-11-28 12:00".into());
                }
                (r.started_form, r.finished_form) = forms;
                r
            })
    }

    /// Any timestamp form (fraction digits, separator, zone, sub-millisecond digits).
    fn arb_form() -> impl Strategy<Value = TimeForm> {
        prop_oneof![
            Just(TimeForm::CANONICAL),
            (0u8..10, 0u8..3, 0u8..3, -1_439i64..=1_439, 0u32..1_000_000).prop_map(
                |(frac, sep, zone, offset, sub)| {
                    let sub = if frac > 3 {
                        sub % 10u32.pow(u32::from(frac) - 3)
                    } else {
                        0
                    };
                    TimeForm::pack(frac, sep, zone, offset, sub)
                }
            ),
        ]
    }

    #[test]
    fn runs_in_any_timestamp_form_keep_no_text_and_read_back_as_sent() {
        // One form per server style; each run's text comes back exactly
        // (what the Started/Finished titles and the CSV show), with no
        // copy of it kept.
        let texts = [
            ("2026-11-28T10:15:00Z", "2026-11-28T10:16:00Z"),
            ("2026-11-28T10:15:00.123456Z", "2026-11-28T10:16:00.654321Z"),
            ("2026-11-28T10:15:00.123456789Z", ""),
            ("2026-11-28T11:15:00+01:00", "2026-11-28T11:16:00.5+01:00"),
            ("2026-11-28T10:15:00.000Z", "2026-11-28T10:16:00.000Z"),
        ];
        let runs: Vec<Run> = texts
            .iter()
            .enumerate()
            .map(|(i, (s, f))| {
                Run::from_sent(
                    format!("r{i}"),
                    "wf".into(),
                    RunStatus::Success,
                    s,
                    Some(f),
                    None,
                    None,
                )
            })
            .collect();
        let mut set = RunSet::new(runs.clone(), crate::core::time::utc_date);
        assert!(set.raw.is_empty());
        assert_eq!(set.subs.len(), runs.len());
        for (i, (s, f)) in texts.iter().enumerate() {
            let run = set.run(i);
            assert_eq!(run.started_at(), *s);
            assert_eq!(run.finished_at().as_deref().unwrap_or(""), *f);
        }
        // Reordered, copied and replaced, the forms follow their runs.
        set.gather(&[4, 3, 2, 1, 0]);
        let mut copy = RunSet::default();
        copy.extend_from(&set, &[0, 1, 2, 3, 4]);
        copy.replace(4, runs[0].clone());
        assert_eq!(copy.run(0).started_at(), texts[4].0);
        assert_eq!(copy.run(1).started_at(), texts[3].0);
        assert_eq!(copy.run(2).started_at(), texts[2].0);
        assert_eq!(copy.run(4).started_at(), texts[0].0);
        assert_eq!(
            copy.to_runs(),
            runs.iter().rev().cloned().collect::<Vec<_>>()
        );
    }

    #[test]
    fn permutations_are_told_from_other_orders() {
        assert!(is_permutation(&[]));
        assert!(is_permutation(&[2, 0, 1]));
        assert!(!is_permutation(&[0, 0, 1]));
        assert!(!is_permutation(&[0, 3, 1]));
    }

    #[test]
    fn uuids_read_back_as_sent_and_parse_only_in_canonical_form() {
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        let u = parse_uuid(id).unwrap();
        assert_eq!(uuid_str(&format_uuid(u)), id);
        assert_eq!(parse_uuid("00000000-0000-0000-0000-000000000000"), Some(0));
        assert_eq!(
            parse_uuid("ffffffff-ffff-ffff-ffff-ffffffffffff"),
            Some(u128::MAX)
        );
        for not in [
            "0F8FAD5B-D9CB-469F-A165-70867728950E",
            "0f8fad5b-d9cb-469f-a165-70867728950",
            "0f8fad5b-d9cb-469f-a165-70867728950e0",
            "0f8fad5bd-9cb-469f-a165-70867728950e",
            "0f8fad5b-d9cb-469f-a165-70867728950g",
            "{f8fad5b-d9cb-469f-a165-70867728950e",
        ] {
            assert_eq!(parse_uuid(not), None, "{not}");
        }
        // Ordered as numbers, UUIDs are ordered as their texts.
        let mut texts: Vec<String> = (0u128..200)
            .map(|k| {
                uuid_str(&format_uuid(
                    k.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835),
                ))
                .to_owned()
            })
            .collect();
        let mut nums: Vec<u128> = texts.iter().map(|t| parse_uuid(t).unwrap()).collect();
        texts.sort();
        nums.sort();
        let back: Vec<String> = nums
            .iter()
            .map(|&u| uuid_str(&format_uuid(u)).to_owned())
            .collect();
        assert_eq!(back, texts);
    }

    /// A set of UUID ids keeps 16 bytes a run and no text; the first id of
    /// another form moves them to the text, and every id still reads back,
    /// sorts, and is found by an index built before the move.
    #[test]
    fn uuid_ids_are_packed_until_another_id_comes() {
        let uuid = |k: u128| {
            uuid_str(&format_uuid(
                k.wrapping_mul(0x2545_f491_4f6c_dd1d_9e37_79b9_7f4a_7c15),
            ))
            .to_owned()
        };
        let mut set = RunSet::default();
        let mut index = IdIndex::default();
        for k in 0..3_000 {
            let i = set.push(crate::core::test_support::cu_run(&uuid(k), 1, false));
            index.insert(&set, i);
        }
        assert!(!set.text_ids);
        assert_eq!(set.uuids.len(), 3_000);
        assert!(set.ids.is_empty() && set.id_at.is_empty());
        assert_eq!(index.find(&set, &uuid(17)), Some(17));
        assert_eq!(index.find(&set, "run-1"), None);
        assert_eq!(index.find(&set, &uuid(17).to_uppercase()), None);
        let i = set.push(crate::core::test_support::cu_run("run-1", 1, false));
        index.insert(&set, i);
        let upper = uuid(5_000).to_uppercase();
        let j = set.push(crate::core::test_support::cu_run(&upper, 1, false));
        index.insert(&set, j);
        assert!(set.text_ids && set.uuids.is_empty());
        for k in 0..3_000 {
            assert_eq!(&*set.run_id(k as usize), uuid(k));
            assert_eq!(index.find(&set, &uuid(k)), Some(k as u32));
        }
        assert_eq!(index.find(&set, "run-1"), Some(3_000));
        assert_eq!(index.find(&set, &upper), Some(3_001));
        assert_eq!(&*set.run_id_lower(3_001), upper.to_lowercase());
        assert_eq!(
            uuid_str(&format_uuid(0)),
            "00000000-0000-0000-0000-000000000000"
        );
        // The tests' own UUID text is the same.
        let u = 0x0f8f_ad5b_d9cb_469f_a165_7086_7728_950e;
        assert_eq!(
            uuid_str(&format_uuid(u)),
            crate::core::test_support::uuid(u)
        );
        assert_eq!(index.find(&set, &upper.to_lowercase()), None);
    }

    #[test]
    fn the_id_index_finds_every_id_and_no_other() {
        let mut set = RunSet::default();
        let mut index = IdIndex::default();
        for i in 0..5_000 {
            let idx = set.push(crate::core::test_support::cu_run(
                &format!("run_{i:x}"),
                1,
                false,
            ));
            index.insert(&set, idx);
        }
        // Ids that share a slot (the table is at most half full, so many
        // do) stay apart: each is confirmed by its text.
        for i in 0..5_000 {
            assert_eq!(index.find(&set, &format!("run_{i:x}")), Some(i));
            assert_eq!(index.find(&set, &format!("run_{i:x}_")), None);
        }
        let slots: usize = index.shards.iter().map(|s| s.slots.len()).sum();
        assert!(slots >= 10_000);
        assert!(index.shards.iter().all(|s| s.slots.len() >= 2 * s.len
            && s.slots.iter().filter(|&&v| v != EMPTY).count() == s.len));
    }

    proptest! {
        /// A run's duration is the time between the instants the API sent,
        /// to the nanosecond, rounded half up to the millisecond: the same
        /// from the run and from the set. Oracle: the times of day as
        /// nanoseconds, read from the text digit by digit.
        #[test]
        fn durations_come_from_the_instants_as_sent(
            a in 0u32..86_400, b in 0u32..86_400,
            fa in proptest::collection::vec(0u8..10, 0..10),
            fb in proptest::collection::vec(0u8..10, 0..10),
        ) {
            let text = |secs: u32, frac: &[u8]| {
                let digits: String = frac.iter().map(|d| char::from(b'0' + d)).collect();
                let dot = if digits.is_empty() { "" } else { "." };
                format!("2026-11-28T{:02}:{:02}:{:02}{dot}{digits}Z", secs / 3_600, secs / 60 % 60, secs % 60)
            };
            let nanos = |secs: u32, frac: &[u8]| {
                let mut n = i128::from(secs) * 1_000_000_000;
                for (k, d) in frac.iter().enumerate() {
                    n += i128::from(*d) * 10i128.pow(8 - k as u32);
                }
                n
            };
            let (start, end) = (text(a, &fa), text(b, &fb));
            let d = nanos(b, &fb) - nanos(a, &fa);
            let want = (d >= 0).then(|| ((d + 500_000) / 1_000_000) as i64);
            let r = crate::core::run::Run::from_sent(
                "r".into(), "wf".into(), crate::core::run::RunStatus::Success,
                &start, Some(&end), None, None,
            );
            prop_assert_eq!(r.duration_ms(), want, "{} → {}", start, end);
            // In a set with a canonical run too (forms kept per run).
            let plain = run("p", "wf", "success", "2026-11-28T00:00:00.000Z", None, None);
            let set = RunSet::new(vec![plain, r], crate::core::time::utc_date);
            prop_assert_eq!(set.duration_ms(1), want, "{} → {} in a set", start, end);
        }
    }

    proptest! {
        /// The index finds each distinct id at the run it was added as, and
        /// nothing for any other id, as a map of the ids does; every table
        /// stays at most half full. Up to 1,200 runs: tables doubled several
        /// times, some more often than others.
        #[test]
        fn the_id_index_answers_as_a_map_of_the_ids(
            ids in proptest::collection::vec(arb_id(), 0..1_200),
            others in proptest::collection::vec(arb_id(), 0..50),
        ) {
            let mut map = std::collections::HashMap::new();
            let mut set = RunSet::default();
            let mut index = IdIndex::default();
            for id in &ids {
                if map.contains_key(id) {
                    continue;
                }
                let idx = set.push(crate::core::test_support::cu_run(id, 1, false));
                index.insert(&set, idx);
                map.insert(id.clone(), idx);
            }
            for id in ids.iter().chain(&others) {
                prop_assert_eq!(index.find(&set, id), map.get(id).copied(), "{}", id);
            }
            for shard in &index.shards {
                prop_assert!(shard.slots.len() >= 2 * shard.len);
                prop_assert_eq!(shard.slots.iter().filter(|&&v| v != EMPTY).count(), shard.len);
            }
            prop_assert_eq!(index.len, map.len());
        }

        /// Appending runs of another set column by column is the same as
        /// building one set from both lists.
        #[test]
        fn extend_from_matches_one_set_of_both(
            first in proptest::collection::vec(arb_run(), 0..30),
            second in proptest::collection::vec(arb_run(), 0..30),
            pick in proptest::collection::vec(any::<prop::sample::Index>(), 0..30),
        ) {
            let other = RunSet::new(second.clone(), crate::core::time::utc_date);
            let picked: Vec<usize> = if second.is_empty() { Vec::new() } else { pick.iter().map(|p| p.index(second.len())).collect() };
            let mut set = RunSet::new(first.clone(), crate::core::time::utc_date);
            set.extend_from(&other, &picked);
            set.compute_days(crate::core::time::utc_date);
            let mut all = first.clone();
            all.extend(picked.iter().map(|&i| second[i].clone()));
            let expected = RunSet::new(all, crate::core::time::utc_date);
            prop_assert_eq!(set.to_runs(), expected.to_runs());
            for i in 0..set.len() {
                prop_assert_eq!(&*set.run_id_lower(i), &*expected.run_id_lower(i));
                prop_assert_eq!(set.day(i), expected.day(i));
                // No id the set holds is ruled out by the byte set.
                prop_assert!(set.ids_may_contain(set.run_id_lower(i).as_bytes()));
            }
        }

        /// Every run comes back from the columns as it went in, in order;
        /// the per-field accessors agree with it.
        #[test]
        fn runs_round_trip(runs in proptest::collection::vec(arb_run(), 0..60)) {
            let set = RunSet::new(runs.clone(), crate::core::time::utc_date);
            prop_assert_eq!(set.len(), runs.len());
            for (i, r) in runs.iter().enumerate() {
                prop_assert_eq!(set.run(i), normalized(r.clone()));
                prop_assert_eq!(&*set.run_id(i), r.run_id.as_str());
                prop_assert_eq!(&*set.run_id_lower(i), r.run_id.to_lowercase());
                // Any id (as sent or lower-cased) passes the byte set.
                prop_assert!(set.ids_may_contain(r.run_id.to_lowercase().as_bytes()));
                prop_assert!(set.ids_may_contain(r.run_id.as_bytes()));
                prop_assert_eq!(set.cu(i), r.cu);
                prop_assert_eq!(set.duration_ms(i), r.duration_ms());
                prop_assert_eq!(set.day(i), r.started_ms.map(crate::core::time::utc_date).unwrap_or_default());
            }
        }

        /// Gathering a permutation of every run (done in place) is the same
        /// as building the set from the runs in that order.
        #[test]
        fn gathering_a_permutation_in_place_matches_a_fresh_set(
            runs in proptest::collection::vec(arb_run(), 0..70),
            shuffle in Just((0..70u32).collect::<Vec<_>>()).prop_shuffle(),
        ) {
            let order: Vec<u32> = shuffle.into_iter().filter(|&i| (i as usize) < runs.len()).collect();
            prop_assert!(is_permutation(&order));
            let mut set = RunSet::new(runs.clone(), crate::core::time::utc_date);
            set.gather(&order);
            let expected = RunSet::new(order.iter().map(|&i| runs[i as usize].clone()).collect(), crate::core::time::utc_date);
            prop_assert_eq!(set.to_runs(), expected.to_runs());
            for i in 0..set.len() {
                prop_assert_eq!(set.day(i), expected.day(i));
                prop_assert_eq!(&*set.run_id_lower(i), &*expected.run_id_lower(i));
            }
        }

        /// Replacing runs, then gathering any order of them, is the same as
        /// building the set from the runs in that order.
        #[test]
        fn replace_and_gather_match_a_fresh_set(
            runs in proptest::collection::vec(arb_run(), 1..40),
            later in proptest::collection::vec((any::<prop::sample::Index>(), arb_run()), 0..10),
            shuffle in Just((0..40u32).collect::<Vec<_>>()).prop_shuffle(),
        ) {
            let mut runs = runs;
            let mut set = RunSet::with_capacity(0);
            for r in &runs {
                set.push(r.clone());
            }
            for (at, newer) in later {
                let i = at.index(runs.len());
                let mut newer = newer;
                newer.run_id = runs[i].run_id.clone();
                set.replace(i, newer.clone());
                runs[i] = newer;
            }
            let order: Vec<u32> = shuffle.into_iter().filter(|&i| (i as usize) < runs.len()).collect();
            set.gather(&order);
            set.compute_days(crate::core::time::utc_date);
            let expected = RunSet::new(order.iter().map(|&i| runs[i as usize].clone()).collect(), crate::core::time::utc_date);
            prop_assert_eq!(set.to_runs(), expected.to_runs());
            for i in 0..set.len() {
                prop_assert_eq!(set.day(i), expected.day(i));
                prop_assert_eq!(set.workflow_id(i), expected.workflow_id(i));
                prop_assert_eq!(&set.statuses[set.status_of[i] as usize], &expected.statuses[expected.status_of[i] as usize]);
            }
        }
    }
}
