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

/// The data set of one organization.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Number of runs.
    pub runs: u64,
    /// Seed (already mixed with the org id).
    pub seed: u64,
    /// The newest possible start time, epoch ms.
    pub now_ms: i64,
}

impl Dataset {
    /// Run `i` as the API's JSON item (0 = newest).
    pub fn run(&self, i: u64) -> Value {
        let mut rng = Rng(self.seed ^ mix(i.wrapping_add(1)));
        let total_weight: u32 = WORKFLOWS.iter().map(|w| w.weight).sum();
        let mut pick = (rng.next_u64() % u64::from(total_weight)) as u32;
        let wf = WORKFLOWS
            .iter()
            .find(|w| {
                if pick < w.weight {
                    true
                } else {
                    pick -= w.weight;
                    false
                }
            })
            .unwrap_or(&WORKFLOWS[0]);
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
            "running" | "waiting" => Value::String(String::new()),
            _ => Value::String(rfc3339(started + duration_ms)),
        };
        json!({
            "runId": format!("run_{:08x}{:06x}", rng.next_u64() as u32, i),
            "workflowId": wf.id,
            "status": status,
            "startedAt": rfc3339(started),
            "finishedAt": finished,
            "totalCu": cu,
            "triggerSource": trigger,
        })
    }
}

/// Run `j` (0 = the first to arrive) of the runs that arrived at the head
/// of a `live*` org, when `arrivals` have arrived: the latest three are
/// still running (partial CU), the others finished.
pub fn live_run(j: u64, arrivals: u64, now_ms: i64) -> Value {
    let workflows = ["billing-sync", "slack-alerts", "crm-contacts-import"];
    let started = now_ms + (j as i64 + 1) * 60_000;
    let running = j + crate::LIVE_ARRIVALS_PER_REQUEST >= arrivals;
    let cu = if running {
        0.5
    } else {
        1.25 + (j % 5) as f64 * 0.5
    };
    json!({
        "runId": format!("run_live{j:06}"),
        "workflowId": workflows[(j % 3) as usize],
        "status": if running { "running" } else { "success" },
        "startedAt": rfc3339(started),
        "finishedAt": if running { String::new() } else { rfc3339(started + 30_000) },
        "totalCu": cu,
        "triggerSource": "webhook",
    })
}

/// On a `live*` org the base runs that were still going (the newest two)
/// finish once two requests' worth of runs have arrived, with 2.5 CU more.
pub fn finish_live_run(run: &mut Value, i: u64, arrivals: u64) {
    if i < 2 && arrivals >= 2 * crate::LIVE_ARRIVALS_PER_REQUEST {
        let started = run["startedAt"].as_str().and_then(parse_utc).unwrap_or(0);
        let cu = run["totalCu"].as_f64().unwrap_or(0.0) + 2.5;
        run["status"] = json!("success");
        run["finishedAt"] = json!(rfc3339(started + 60_000));
        run["totalCu"] = json!((cu * 10_000.0).round() / 10_000.0);
    }
}

/// How many of the newest runs of the `late-copy` org are finishing.
pub const LATE_COPY_FINISHING: u64 = 5;

/// Run `i < LATE_COPY_FINISHING` of the `late-copy` org: its stale copy
/// (`running`, no `finishedAt`, a quarter of the final CU) or its final
/// copy (`success`, finished, the generated CU + 2, so always larger).
pub fn late_copy_run(run: &mut Value, stale: bool, now_ms: i64) {
    let generated = run["totalCu"].as_f64().unwrap_or(0.0);
    let final_cu = ((generated + 2.0) * 10_000.0).round() / 10_000.0;
    if stale {
        run["status"] = json!("running");
        run["finishedAt"] = json!("");
        run["totalCu"] = json!((final_cu * 2_500.0).round() / 10_000.0);
    } else {
        let started = run["startedAt"].as_str().and_then(parse_utc).unwrap_or(0);
        run["status"] = json!("success");
        run["finishedAt"] = json!(rfc3339((started + 45_000).min(now_ms).max(started)));
        run["totalCu"] = json!(final_cu);
    }
}

/// Runs served to the `hostile` org.
pub const HOSTILE_RUNS: u64 = 12;

/// Hostile and broken data for the `hostile` org: markup, script URLs, bidi
/// overrides, huge ids, emoji and combining marks in every string field, and
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
        "workflowId": if i.is_multiple_of(2) { text.to_owned() } else { "<b>bold</b>-workflow".to_owned() },
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

/// Epoch milliseconds as `2026-11-28T10:15:00.123Z`.
pub fn rfc3339(ms: i64) -> String {
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
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1_000 % 60,
        rem % 1_000
    )
}

/// Parses `2026-11-28T10:15:00Z` (UTC, optional fraction) to epoch ms.
pub fn parse_utc(text: &str) -> Option<i64> {
    let t = text.strip_suffix('Z')?;
    let (date, time) = t.split_once('T')?;
    let mut d = date.split('-').map(str::parse::<i64>);
    let (y, m, dd) = (d.next()?.ok()?, d.next()?.ok()?, d.next()?.ok()?);
    let (hms, frac) = time.split_once('.').unwrap_or((time, "0"));
    let mut h = hms.split(':').map(str::parse::<i64>);
    let (hh, mi, ss) = (h.next()?.ok()?, h.next()?.ok()?, h.next()?.ok()?);
    let ms: i64 = format!("{frac:0<3}")[..3].parse().ok()?;
    let yy = if m <= 2 { y - 1 } else { y };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + dd - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    Some(((days * 24 + hh) * 60 + mi) * 60_000 + ss * 1_000 + ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip() {
        for ms in [0, 1_795_000_000_123, 951_782_400_000] {
            assert_eq!(parse_utc(&rfc3339(ms)), Some(ms));
        }
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn runs_are_deterministic_and_newest_first() {
        let ds = Dataset {
            runs: 1_500,
            seed: 7,
            now_ms: 1_795_000_000_000,
        };
        assert_eq!(ds.run(10), ds.run(10));
        let starts: Vec<i64> = (0..1_500)
            .map(|i| parse_utc(ds.run(i)["startedAt"].as_str().unwrap()).unwrap())
            .collect();
        assert!(starts.windows(2).all(|w| w[0] >= w[1]));
        assert!(starts[1_499] >= ds.now_ms - SPAN_MS);
        let statuses: std::collections::HashSet<String> = (0..1_500)
            .map(|i| ds.run(i)["status"].as_str().unwrap().to_owned())
            .collect();
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
