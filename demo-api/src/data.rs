//! Deterministic, realistic runs computed on demand: run `i` (0 = newest) is
//! a pure function of (seed, org, i), so a million runs cost no memory.

use serde_json::{json, Value};

/// One workflow of the demo catalogue.
struct Workflow {
    id: &'static str,
    /// Relative frequency.
    weight: u32,
    /// Typical CU per run (costs are skewed: a few workflows dominate).
    base_cu: f64,
    /// Typical duration in seconds.
    base_secs: f64,
    triggers: &'static [&'static str],
}

const WORKFLOWS: [Workflow; 12] = [
    Workflow {
        id: "billing-sync",
        weight: 14,
        base_cu: 42.0,
        base_secs: 95.0,
        triggers: &["cronjob", "schedule"],
    },
    Workflow {
        id: "invoice-reconcile",
        weight: 8,
        base_cu: 85.0,
        base_secs: 240.0,
        triggers: &["schedule", "manual"],
    },
    Workflow {
        id: "crm-contacts-import",
        weight: 10,
        base_cu: 12.5,
        base_secs: 60.0,
        triggers: &["api", "manual"],
    },
    Workflow {
        id: "slack-alerts",
        weight: 20,
        base_cu: 0.8,
        base_secs: 3.0,
        triggers: &["slack-mentions", "webhook"],
    },
    Workflow {
        id: "daily-report-email",
        weight: 6,
        base_cu: 6.4,
        base_secs: 40.0,
        triggers: &["schedule"],
    },
    Workflow {
        id: "token-price-watch",
        weight: 16,
        base_cu: 0.35,
        base_secs: 2.0,
        triggers: &["token-price-cexes"],
    },
    Workflow {
        id: "wallet-activity-monitor",
        weight: 9,
        base_cu: 3.2,
        base_secs: 12.0,
        triggers: &["evm-log", "erc20-receive"],
    },
    Workflow {
        id: "gmail-triage",
        weight: 7,
        base_cu: 2.1,
        base_secs: 8.0,
        triggers: &["gmail-new-email-received"],
    },
    Workflow {
        id: "onchain-indexer",
        weight: 3,
        base_cu: 240.0,
        base_secs: 900.0,
        triggers: &["evm-log", "cronjob"],
    },
    Workflow {
        id: "support-ticket-router",
        weight: 5,
        base_cu: 1.6,
        base_secs: 5.0,
        triggers: &["webhook"],
    },
    Workflow {
        id: "erc20-payouts",
        weight: 2,
        base_cu: 18.0,
        base_secs: 45.0,
        triggers: &["erc20-send", "manual"],
    },
    Workflow {
        id: "data-warehouse-export",
        weight: 2,
        base_cu: 160.0,
        base_secs: 1_200.0,
        triggers: &["cronjob"],
    },
];

/// The span the runs cover, ending at `now`: two months, so a month can be
/// compared with the one before.
pub const SPAN_MS: i64 = 62 * 86_400_000;

/// SplitMix64: a tiny, good-enough deterministic mixer.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a of a string (to derive a per-org seed).
pub fn hash_str(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

/// A stream of uniform numbers in [0, 1) for one run.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = mix(self.0);
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A standard normal sample (Box-Muller).
    fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// How many workflows the named catalogue has (`--workflows` default): with
/// this many, the data is the demo's original data exactly.
pub const NAMED_WORKFLOWS: u64 = WORKFLOWS.len() as u64;

/// The most workflows `--workflows` accepts.
pub const MAX_WORKFLOWS: u64 = 1_000_000;

/// The most runs per organization `--runs` takes: far beyond what a client
/// walks, and far from the `u64` end, so adding a `live` org's arrivals
/// cannot wrap.
pub const MAX_RUNS: u64 = 1_000_000_000_000;

/// How `startedAt` and `finishedAt` are written (`--timestamps`). Every mode
/// writes the same instants; only the text differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Timestamps {
    /// `2026-11-28T10:15:00Z`: RFC 3339 as Go's `time.RFC3339` writes it, no
    /// fraction (the instants are truncated to whole seconds).
    #[default]
    Seconds,
    /// `2026-11-28T10:15:00.123Z`: always three fraction digits.
    Millis,
    /// `2026-11-28T10:15:00.123456Z`: the milliseconds, then three digits
    /// derived from the run.
    Micros,
    /// `2026-11-28T10:15:00.123456789Z`: the milliseconds, then six digits
    /// derived from the run (whose first three are the `micros` ones).
    Nanos,
    /// `2026-11-28T15:45:00.123+05:30` for even runs and
    /// `2026-11-28T02:15:00.123-08:00` for odd ones: the same instant, local
    /// time with a numeric offset, three fraction digits.
    Offset,
}

impl Timestamps {
    /// The `--timestamps` values, in order.
    pub const NAMES: [&'static str; 5] = ["seconds", "millis", "micros", "nanos", "offset"];

    /// Parses a `--timestamps` value.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "seconds" => Timestamps::Seconds,
            "millis" => Timestamps::Millis,
            "micros" => Timestamps::Micros,
            "nanos" => Timestamps::Nanos,
            "offset" => Timestamps::Offset,
            _ => return None,
        })
    }
}

/// How run and workflow ids look (`--ids`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ids {
    /// `run_5c696ef7000001` and `billing-sync` (the demo's original ids).
    #[default]
    Short,
    /// UUID v4 strings (`8-4-4-4-12` lowercase hex) for runs and workflows.
    Uuid,
}

impl Ids {
    /// Parses an `--ids` value.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "short" => Some(Ids::Short),
            "uuid" => Some(Ids::Uuid),
            _ => None,
        }
    }
}

/// One run, before it is written as JSON (instants in epoch ms).
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub run_id: String,
    pub workflow_id: String,
    pub status: &'static str,
    pub started_ms: i64,
    /// `None` while the run is going (`finishedAt: ""`).
    pub finished_ms: Option<i64>,
    pub total_cu: f64,
    pub trigger: &'static str,
    /// Derives the sub-millisecond digits of the run's timestamps.
    pub stamp_key: u64,
    /// The UTC offset the `offset` mode writes the run's times in, minutes.
    pub offset_minutes: i32,
}

impl Run {
    /// The run as the API's JSON item, its times written as `style` says.
    pub fn to_json(&self, style: Timestamps) -> Value {
        let start_sub = sub_ms_nanos(self.stamp_key, 1);
        let finished = match self.finished_ms {
            None => String::new(),
            Some(ms) => {
                // Never before the start, even below the millisecond.
                let mut sub = sub_ms_nanos(self.stamp_key, 2);
                if ms == self.started_ms {
                    sub = sub.max(start_sub);
                }
                format_instant(ms, sub, self.offset_minutes, style)
            }
        };
        json!({
            "runId": self.run_id,
            "workflowId": self.workflow_id,
            "status": self.status,
            "startedAt": format_instant(self.started_ms, start_sub, self.offset_minutes, style),
            "finishedAt": finished,
            "totalCu": self.total_cu,
            "triggerSource": self.trigger,
        })
    }
}

/// The nanoseconds below the millisecond (0..1,000,000) of one of a run's
/// timestamps (`field` 1: start, 2: finish).
fn sub_ms_nanos(key: u64, field: u64) -> u32 {
    (mix(key ^ field.wrapping_mul(0xA24B_AED4_963E_E407)) % 1_000_000) as u32
}

/// What workflow `k` of a catalogue is like.
struct WorkflowSpec {
    base_cu: f64,
    base_secs: f64,
    triggers: &'static [&'static str],
}

/// Words of the generated workflow names (`wf-0421-nightly-report`).
const CADENCES: [&str; 8] = [
    "nightly", "hourly", "daily", "weekly", "monthly", "realtime", "batch", "adhoc",
];
const SUBJECTS: [&str; 16] = [
    "report",
    "sync",
    "export",
    "import",
    "alert",
    "digest",
    "backfill",
    "cleanup",
    "audit",
    "rollup",
    "notify",
    "reconcile",
    "ingest",
    "snapshot",
    "forecast",
    "payout",
];

/// Tags that keep the derived values of different kinds apart.
const RUN_TAG: u64 = 0x7275_6e5f_6964_0001;
const WORKFLOW_TAG: u64 = 0x7766_5f69_6400_0002;
const LIVE_TAG: u64 = 0x6c69_7665_0000_0003;
const STAMP_TAG: u64 = 0x7374_616d_7000_0004;
const GENERATED_TAG: u64 = 0x6765_6e00_0000_0005;

/// The generated workflow `k` (`k >= NAMED_WORKFLOWS`): the same in every
/// org, modelled on a named one, with its own scale of cost and duration.
fn generated_workflow(k: u64) -> (String, WorkflowSpec) {
    let h = mix(k ^ GENERATED_TAG);
    let model = &WORKFLOWS[(h % NAMED_WORKFLOWS) as usize];
    // Cost x0.25..x3.6 and duration x0.5..x1.9, in 1/16 steps of log2.
    let cu_scale = 2f64.powf(((h >> 8) % 64) as f64 / 16.0 - 2.0);
    let secs_scale = 2f64.powf(((h >> 16) % 32) as f64 / 16.0 - 1.0);
    let name = format!(
        "wf-{:04}-{}-{}",
        k + 1,
        CADENCES[((h >> 24) % CADENCES.len() as u64) as usize],
        SUBJECTS[((h >> 32) % SUBJECTS.len() as u64) as usize]
    );
    let spec = WorkflowSpec {
        base_cu: model.base_cu * cu_scale,
        base_secs: model.base_secs * secs_scale,
        triggers: model.triggers,
    };
    (name, spec)
}

/// A UUID v4 string (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`) for the
/// `n`th thing of a kind (`tag`) of a data set (`seed`). Distinct `n` give
/// distinct UUIDs: the low 62 bits are a bijection of `n` (an odd multiply
/// and xor-shifts modulo 2^62), the high 64 bits a hash.
pub fn uuid_v4(seed: u64, tag: u64, n: u64) -> String {
    const LOW_62: u64 = (1 << 62) - 1;
    let key = mix(seed ^ tag);
    let hi = mix(key ^ mix(n));
    let mut lo = (n ^ key) & LOW_62;
    lo = lo.wrapping_mul(0x9E37_79B9_7F4A_7C15) & LOW_62;
    lo ^= lo >> 31;
    lo = lo.wrapping_mul(0xBF58_476D_1CE4_E5B9) & LOW_62;
    lo ^= lo >> 29;
    // Version 4 in the third group's first digit; variant 10 in the fourth's.
    let hi = (hi & !0xF000) | 0x4000;
    let lo = lo | (1 << 63);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xFFFF,
        hi & 0xFFFF,
        lo >> 48,
        lo & 0xFFFF_FFFF_FFFF
    )
}

/// The data set of one organization.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Number of runs.
    pub runs: u64,
    /// Seed (already mixed with the org id).
    pub seed: u64,
    /// The newest possible start time, epoch ms.
    pub now_ms: i64,
    /// Distinct workflows (`--workflows`): the first [`NAMED_WORKFLOWS`] of
    /// the named catalogue, then generated ones (`wf-0013-daily-sync`...),
    /// each as frequent as the least frequent named one.
    pub workflows: u64,
    /// How run and workflow ids look.
    pub ids: Ids,
}

impl Dataset {
    /// A data set with the original catalogue and short ids.
    pub fn new(runs: u64, seed: u64, now_ms: i64) -> Self {
        Dataset {
            runs,
            seed,
            now_ms,
            workflows: NAMED_WORKFLOWS,
            ids: Ids::Short,
        }
    }

    /// Which workflow a uniform draw `r` picks (by weight).
    fn pick_workflow(&self, r: u64) -> u64 {
        let workflows = self.workflows.max(1);
        let named = &WORKFLOWS[..workflows.min(NAMED_WORKFLOWS) as usize];
        let named_weight: u64 = named.iter().map(|w| u64::from(w.weight)).sum();
        // Generated workflows weigh 1 each (named ones 2..20).
        let mut pick = r % (named_weight + (workflows - named.len() as u64));
        for (k, w) in named.iter().enumerate() {
            if pick < u64::from(w.weight) {
                return k as u64;
            }
            pick -= u64::from(w.weight);
        }
        NAMED_WORKFLOWS + pick
    }

    /// Workflow `k`'s id and nature.
    fn workflow(&self, k: u64) -> (String, WorkflowSpec) {
        let (name, spec) = match WORKFLOWS.get(k as usize) {
            Some(w) => (
                w.id.to_owned(),
                WorkflowSpec {
                    base_cu: w.base_cu,
                    base_secs: w.base_secs,
                    triggers: w.triggers,
                },
            ),
            None => generated_workflow(k),
        };
        match self.ids {
            Ids::Short => (name, spec),
            Ids::Uuid => (uuid_v4(self.seed, WORKFLOW_TAG, k), spec),
        }
    }

    /// Which named workflow run `i` is (or, for a generated workflow, the
    /// named one it is modelled on): an index into the named catalogue.
    /// The ledger picks a run's nodes by it, so ids and names never matter.
    pub fn workflow_model(&self, i: u64) -> usize {
        let mut rng = Rng(self.seed ^ mix(i.wrapping_add(1)));
        // The same first draw as `run`.
        let k = self.pick_workflow(rng.next_u64());
        if k < NAMED_WORKFLOWS {
            k as usize
        } else {
            (mix(k ^ GENERATED_TAG) % NAMED_WORKFLOWS) as usize
        }
    }

    /// Run `i` (0 = newest).
    pub fn run(&self, i: u64) -> Run {
        let mut rng = Rng(self.seed ^ mix(i.wrapping_add(1)));
        let (workflow_id, wf) = self.workflow(self.pick_workflow(rng.next_u64()));
        // Newest first: run i starts in slot i of the span, jittered inside it.
        let slot = SPAN_MS as f64 / self.runs.max(1) as f64;
        let started = self.now_ms - ((i as f64 + rng.unit()) * slot) as i64;
        let age_ms = self.now_ms - started;
        let duration_ms = (wf.base_secs * (0.5 * rng.normal()).exp() * 1_000.0) as i64 + 200;
        let roll = rng.unit();
        // The newest two runs are always still going, so a demo shows partial CU.
        let status = if i < 2 || age_ms < duration_ms {
            if i == 1 || (i > 1 && roll < 0.25) {
                "waiting"
            } else {
                "running"
            }
        } else if roll < 0.84 {
            "success"
        } else if roll < 0.91 {
            "failure"
        } else if roll < 0.94 {
            "cancelled"
        } else {
            "partial"
        };
        let mut cu = wf.base_cu * (0.6 * rng.normal()).exp();
        match status {
            "failure" | "cancelled" => cu *= 0.35,
            "running" | "waiting" => cu *= (age_ms as f64 / duration_ms as f64).clamp(0.0, 1.0),
            _ => {}
        }
        let cu = (cu * 10_000.0).round() / 10_000.0;
        let trigger = wf.triggers[(rng.next_u64() % wf.triggers.len() as u64) as usize];
        let finished = match status {
            "running" | "waiting" => None,
            _ => Some(started + duration_ms),
        };
        // Drawn in every mode, so the id style changes nothing else.
        let id_bits = rng.next_u64() as u32;
        let run_id = match self.ids {
            Ids::Short => format!("run_{id_bits:08x}{i:06x}"),
            Ids::Uuid => uuid_v4(self.seed, RUN_TAG, i),
        };
        Run {
            run_id,
            workflow_id,
            status,
            started_ms: started,
            finished_ms: finished,
            total_cu: cu,
            trigger,
            stamp_key: mix(self.seed ^ STAMP_TAG ^ mix(i)),
            offset_minutes: if i.is_multiple_of(2) { 330 } else { -480 },
        }
    }

    /// Run `j` (0 = the first to arrive) of the runs that arrived at the
    /// head of a `live*` org, when `arrivals` have arrived: the latest three
    /// are still running (partial CU), the others finished.
    pub fn live_run(&self, j: u64, arrivals: u64) -> Run {
        // billing-sync, slack-alerts, crm-contacts-import in the named catalogue.
        let k = [0, 3, 2][(j % 3) as usize] % self.workflows.max(1);
        let started = self.now_ms + (j as i64 + 1) * 60_000;
        let running = j + crate::LIVE_ARRIVALS_PER_REQUEST >= arrivals;
        let cu = if running {
            0.5
        } else {
            1.25 + (j % 5) as f64 * 0.5
        };
        Run {
            run_id: match self.ids {
                Ids::Short => format!("run_live{j:06}"),
                Ids::Uuid => uuid_v4(self.seed, LIVE_TAG, j),
            },
            workflow_id: self.workflow(k).0,
            status: if running { "running" } else { "success" },
            started_ms: started,
            finished_ms: (!running).then_some(started + 30_000),
            total_cu: cu,
            trigger: "webhook",
            stamp_key: mix(self.seed ^ STAMP_TAG ^ LIVE_TAG ^ mix(j)),
            offset_minutes: if j.is_multiple_of(2) { 330 } else { -480 },
        }
    }
}

/// On a `live*` org the base runs that were still going (the newest two)
/// finish once two requests' worth of runs have arrived, with 2.5 CU more.
pub fn finish_live_run(run: &mut Run, i: u64, arrivals: u64) {
    if i < 2 && arrivals >= 2 * crate::LIVE_ARRIVALS_PER_REQUEST {
        run.status = "success";
        run.finished_ms = Some(run.started_ms + 60_000);
        run.total_cu = ((run.total_cu + 2.5) * 10_000.0).round() / 10_000.0;
    }
}

/// How many of the newest runs of the `late-copy` org are finishing.
pub const LATE_COPY_FINISHING: u64 = 5;

/// Run `i < LATE_COPY_FINISHING` of the `late-copy` org: its stale copy
/// (`running`, no `finishedAt`, a quarter of the final CU) or its final
/// copy (`success`, finished, the generated CU + 2, so always larger).
pub fn late_copy_run(run: &mut Run, stale: bool, now_ms: i64) {
    let final_cu = ((run.total_cu + 2.0) * 10_000.0).round() / 10_000.0;
    if stale {
        run.status = "running";
        run.finished_ms = None;
        run.total_cu = (final_cu * 2_500.0).round() / 10_000.0;
    } else {
        let started = run.started_ms;
        run.status = "success";
        run.finished_ms = Some((started + 45_000).min(now_ms).max(started));
        run.total_cu = final_cu;
    }
}

/// Runs served to the `hostile` org.
pub const HOSTILE_RUNS: u64 = 12;

/// Hostile and broken data for the `hostile` org: markup, script URLs, bidi
/// overrides, huge ids (a 10 KB run id, a 2,000-character workflow id), emoji
/// and combining marks in every string field, and
/// invalid CU values (null, missing, negative, a string, "Infinity").
pub fn hostile_run(i: u64) -> Value {
    let payloads = [
        "<img src=x onerror=\"window.__cuHostile=1\">",
        "<script>window.__cuHostile=1</script>",
        "javascript:window.__cuHostile=1",
        "\u{202E}gnp.exe\u{202C} reversed",
        "👩‍👩‍👧‍👦 e\u{301}\u{301}\u{301} Z\u{0351}\u{0352}\u{0357}",
        "\"quoted\", =HYPERLINK(\"http://evil\")",
    ];
    let text = payloads[(i as usize) % payloads.len()];
    let long_id = "x".repeat(10_240);
    let cu = match i {
        0 => Value::Null,
        1 => json!(-5.0),
        2 => json!("12.5"),
        3 => json!("Infinity"),
        4 => json!(1.25),
        _ => json!(0.1 * (i as f64)),
    };
    let mut run = json!({
        "runId": if i == 5 { long_id } else { format!("{text} #{i}") },
        "workflowId": match i {
            // A 2,000-character workflow id, as generated ids can be.
            10 => format!("{}-workflow", "w".repeat(1_991)),
            _ if i.is_multiple_of(2) => text.to_owned(),
            _ => "<b>bold</b>-workflow".to_owned(),
        },
        "status": if i.is_multiple_of(3) { text.to_owned() } else { "success".to_owned() },
        "startedAt": if i == 7 { "not a date <i>".to_owned() } else { format!("2026-11-2{}T10:00:00Z", i % 8) },
        "finishedAt": "",
        "totalCu": cu,
        "triggerSource": text,
    });
    if i == 6 {
        run.as_object_mut().map(|o| o.remove("totalCu"));
    }
    run
}

/// Epoch milliseconds as a UTC date and time:
/// `(year, month, day, hour, minute, second, millisecond)`.
fn civil(ms: i64) -> (i64, i64, i64, i64, i64, i64, i64) {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        month,
        day,
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1_000 % 60,
        rem % 1_000,
    )
}

/// The UTC calendar date `(year, month, day)` of day number `day` (days
/// since 1970-01-01).
pub fn civil_date(day: i64) -> (i64, i64, i64) {
    let (y, m, d, ..) = civil(day * 86_400_000);
    (y, m, d)
}

/// The day number (days since 1970-01-01) of a UTC calendar date.
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let yy = if month <= 2 { year - 1 } else { year };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// Epoch milliseconds as `2026-11-28T10:15:00.123Z`.
pub fn rfc3339(ms: i64) -> String {
    format_instant(ms, 0, 0, Timestamps::Millis)
}

/// The instant `ms` + `sub_ns` nanoseconds (`sub_ns` < 1,000,000) as
/// `style` writes it (see [`Timestamps`]); `offset_minutes` is the offset
/// the `offset` style writes local time in.
pub fn format_instant(ms: i64, sub_ns: u32, offset_minutes: i32, style: Timestamps) -> String {
    let local = match style {
        Timestamps::Offset => ms + i64::from(offset_minutes) * 60_000,
        _ => ms,
    };
    let (y, mo, d, h, mi, s, milli) = civil(local);
    let head = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}");
    match style {
        Timestamps::Seconds => format!("{head}Z"),
        Timestamps::Millis => format!("{head}.{milli:03}Z"),
        Timestamps::Micros => format!("{head}.{milli:03}{:03}Z", sub_ns / 1_000),
        Timestamps::Nanos => format!("{head}.{milli:03}{sub_ns:06}Z"),
        Timestamps::Offset => {
            let sign = if offset_minutes < 0 { '-' } else { '+' };
            let abs = offset_minutes.unsigned_abs();
            format!("{head}.{milli:03}{sign}{:02}:{:02}", abs / 60, abs % 60)
        }
    }
}

/// An RFC 3339 date-time (`2026-11-28T12:00:00Z`, a fraction of any
/// length, `Z` or an offset such as `+01:00`, `T`/`Z` in either case) as
/// milliseconds since the Unix epoch (the fraction cut to the millisecond);
/// `None` for anything else, including an impossible date or time
/// (`2026-02-30`, `25:00`) or a year outside 1970..=9999.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let digits = |from: usize, n: usize| -> Option<i64> {
        let part = b.get(from..from + n)?;
        part.iter().all(u8::is_ascii_digit).then(|| {
            part.iter()
                .fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i).is_some_and(|x| x.eq_ignore_ascii_case(&c));
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return None;
    }
    let (y, m, d) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hh, mi, ss) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let month_days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    if !(1970..=9999).contains(&y)
        || !(1..=month_days).contains(&d)
        || hh > 23
        || mi > 59
        || ss > 59
    {
        return None;
    }
    let mut i = 19;
    let mut ms = 0;
    if at(i, b'.') {
        let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        for k in 0..3 {
            ms = ms * 10
                + if k < n {
                    i64::from(b[i + 1 + k] - b'0')
                } else {
                    0
                };
        }
        i += 1 + n;
    }
    let offset_min = if at(i, b'Z') && i + 1 == b.len() {
        0
    } else if matches!(b.get(i), Some(b'+' | b'-')) && at(i + 3, b':') && i + 6 == b.len() {
        let (oh, om) = (digits(i + 1, 2)?, digits(i + 4, 2)?);
        if oh > 23 || om > 59 {
            return None;
        }
        let sign = if b[i] == b'-' { -1 } else { 1 };
        sign * (oh * 60 + om)
    } else {
        return None;
    };
    let days = days_from_civil(y, m, d);
    Some((((days * 24 + hh) * 60 + mi - offset_min) * 60 + ss) * 1_000 + ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_forms_parse_to_the_same_instant() {
        let z = parse_rfc3339("2026-11-28T12:00:00Z").unwrap();
        for (text, delta_ms) in [
            ("2026-11-28t12:00:00z", 0),
            ("2026-11-28T12:00:00.5Z", 500),
            ("2026-11-28T12:00:00.123456789Z", 123),
            ("2026-11-28T13:00:00+01:00", 0),
            ("2026-11-28T06:30:00.250-05:30", 250),
            ("2026-11-28T12:00:00+00:00", 0),
            ("2026-11-28T12:00:00-00:00", 0),
        ] {
            assert_eq!(parse_rfc3339(text), Some(z + delta_ms), "{text}");
        }
        assert_eq!(
            parse_rfc3339("2024-02-29T00:00:00Z"),
            Some(days_from_civil(2024, 2, 29) * 86_400_000)
        );
    }

    #[test]
    fn impossible_or_malformed_times_are_refused_without_a_panic() {
        for text in [
            "2026-11-28T12:00:00.\u{e9}\u{e9}Z",
            "2026-13-45T99:99:99Z",
            "2026-02-30T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-28T24:00:00Z",
            "2026-11-28T12:60:00Z",
            "2026-11-28T12:00:60Z",
            "2026-11-28T12:00:00.-5Z",
            "2026-11-28T12:00:00.Z",
            "2026-11-28T12:00:00",
            "2026-11-28T12:00:00+01",
            "2026-11-28T12:00:00+24:00",
            "2026-11-28 12:00:00Z",
            "2026-1-28T12:00:00Z",
            "99999999999999-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
            "2026-11-28T12:00:00ZZ",
            "+026-11-28T12:00:00Z",
            "",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
        }
    }

    #[test]
    fn every_printed_instant_parses_back() {
        let mut ms = 0i64;
        while ms < 253_402_300_799_000 {
            assert_eq!(parse_rfc3339(&rfc3339(ms)), Some(ms), "{}", rfc3339(ms));
            ms += 86_399_977;
        }
    }

    #[test]
    fn timestamps_round_trip() {
        for ms in [0, 1_795_000_000_123, 951_782_400_000] {
            assert_eq!(parse_rfc3339(&rfc3339(ms)), Some(ms));
        }
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn calendar_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2026, 11, 28), 20_785);
        for day in -800_000..800_000 {
            let (y, m, d) = civil_date(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
    }

    #[test]
    fn the_workflow_model_is_the_run_s_workflow() {
        let ds = Dataset::new(2_000, 3, 1_795_000_000_000);
        for i in 0..2_000 {
            let id = ds.run(i).workflow_id;
            assert_eq!(WORKFLOWS[ds.workflow_model(i)].id, id);
        }
        let big = Dataset {
            workflows: 500,
            ..ds
        };
        for i in 0..2_000 {
            let id = big.run(i).workflow_id;
            let k = big.workflow_model(i);
            if !id.starts_with("wf-") {
                assert_eq!(WORKFLOWS[k].id, id);
            }
        }
    }

    #[test]
    fn every_style_writes_the_same_instant() {
        let ms = 1_795_000_000_123;
        let at = |style, off| format_instant(ms, 456_789, off, style);
        assert_eq!(at(Timestamps::Seconds, 0), "2026-11-18T11:06:40Z");
        assert_eq!(at(Timestamps::Millis, 0), "2026-11-18T11:06:40.123Z");
        assert_eq!(at(Timestamps::Micros, 0), "2026-11-18T11:06:40.123456Z");
        assert_eq!(at(Timestamps::Nanos, 0), "2026-11-18T11:06:40.123456789Z");
        assert_eq!(at(Timestamps::Offset, 330), "2026-11-18T16:36:40.123+05:30");
        assert_eq!(
            at(Timestamps::Offset, -480),
            "2026-11-18T03:06:40.123-08:00"
        );
        // Across midnight backwards.
        assert_eq!(
            format_instant(
                1_795_000_000_123 - 10 * 3_600_000,
                0,
                -480,
                Timestamps::Offset
            ),
            "2026-11-17T17:06:40.123-08:00"
        );
    }

    #[test]
    fn uuids_are_version_4_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..10_000 {
            let u = uuid_v4(42, RUN_TAG, n);
            let b = u.as_bytes();
            assert_eq!(u.len(), 36);
            assert!(u
                .char_indices()
                .all(|(i, c)| if [8, 13, 18, 23].contains(&i) {
                    c == '-'
                } else {
                    c.is_ascii_digit() || ('a'..='f').contains(&c)
                }));
            assert_eq!(b[14], b'4', "{u}");
            assert!(b"89ab".contains(&b[19]), "{u}");
            assert!(seen.insert(u));
        }
        assert_eq!(uuid_v4(42, RUN_TAG, 7), uuid_v4(42, RUN_TAG, 7));
        assert_ne!(uuid_v4(42, RUN_TAG, 7), uuid_v4(43, RUN_TAG, 7));
    }

    #[test]
    fn the_named_catalogue_alone_picks_as_before() {
        let ds = Dataset::new(100, 1, 0);
        // The original pick: the draw modulo the total weight, walked in order.
        let total: u64 = WORKFLOWS.iter().map(|w| u64::from(w.weight)).sum();
        for r in 0..1_000u64 {
            let mut pick = r % total;
            let want = WORKFLOWS
                .iter()
                .position(|w| {
                    let hit = pick < u64::from(w.weight);
                    if !hit {
                        pick -= u64::from(w.weight);
                    }
                    hit
                })
                .unwrap() as u64;
            assert_eq!(ds.pick_workflow(r), want);
        }
        let big = Dataset {
            workflows: 2_000,
            ..ds
        };
        assert!((0..100_000)
            .map(|r| big.pick_workflow(r))
            .all(|k| k < 2_000));
        assert_eq!(big.workflow(12).0, generated_workflow(12).0);
        assert!(big.workflow(420).0.starts_with("wf-0421-"));
    }

    #[test]
    fn runs_are_deterministic_and_newest_first() {
        let ds = Dataset::new(1_500, 7, 1_795_000_000_000);
        assert_eq!(ds.run(10), ds.run(10));
        let starts: Vec<i64> = (0..1_500).map(|i| ds.run(i).started_ms).collect();
        assert!(starts.windows(2).all(|w| w[0] >= w[1]));
        assert!(starts[1_499] >= ds.now_ms - SPAN_MS);
        let statuses: std::collections::HashSet<&str> =
            (0..1_500).map(|i| ds.run(i).status).collect();
        for s in [
            "running",
            "waiting",
            "success",
            "failure",
            "cancelled",
            "partial",
        ] {
            assert!(statuses.contains(s), "{s}");
        }
    }
}
