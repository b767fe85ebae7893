//! Fixtures shared by the native tests of several modules.

use crate::core::cu::Cu;
use crate::core::run::{Run, RunStatus};

/// A run with the given fields (CU as the API would send it).
pub fn run(
    id: &str,
    wf: &str,
    status: &str,
    started: &str,
    cu: Option<f64>,
    trigger: Option<&str>,
) -> Run {
    Run::from_sent(
        id.into(),
        wf.into(),
        RunStatus::parse(status),
        started,
        None,
        cu.and_then(Cu::from_f64),
        trigger.map(str::to_owned),
    )
}

/// A run with CU in ten-thousandths, `running` or succeeded (for the walk,
/// refresh and page tests, where only identity, CU and status matter).
pub fn cu_run(id: &str, cu: u64, running: bool) -> Run {
    Run {
        run_id: id.into(),
        workflow_id: "wf".into(),
        status: if running {
            RunStatus::Running
        } else {
            RunStatus::Success
        },
        started_ms: None,
        started_raw: None,
        started_form: crate::core::time::TimeForm::CANONICAL,
        finished_ms: None,
        finished_raw: None,
        finished_form: crate::core::time::TimeForm::CANONICAL,
        cu: Some(Cu(cu)),
        trigger_source: None,
    }
}

/// `n` with a comma every three digits, as en-US formatting shows it.
pub fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A UUID's canonical lower-case text (as servers send run ids).
pub fn uuid(u: u128) -> String {
    let h = format!("{u:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// Up to 60 runs over 4 workflows, 3 statuses, 5 days and small CU (some
/// without), for property tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn arb_runs() -> impl proptest::strategy::Strategy<Value = Vec<Run>> {
    use proptest::strategy::Strategy;
    (
        proptest::collection::vec(
            (0u8..4, 0u8..3, proptest::option::of(0u32..5), 0u8..5),
            0..60,
        ),
        0u8..3,
        proptest::prelude::any::<u128>(),
    )
        .prop_map(|(rows, ids, seed)| {
            // Ids: short text, UUIDs (which a set packs), or UUIDs with a few
            // short ones among them (a set that moves its ids to text).
            let id = |i: usize| {
                let u = seed.wrapping_mul(i as u128 + 1).rotate_left(i as u32);
                match ids {
                    1 => uuid(u),
                    2 if i % 7 != 3 => uuid(u),
                    _ => format!("r{i}"),
                }
            };
            rows.into_iter()
                .enumerate()
                .map(|(i, (wf, st, cu, day))| {
                    let status = ["success", "failure", "running"][st as usize];
                    run(
                        &id(i),
                        &format!("wf{wf}"),
                        status,
                        &format!("2026-11-2{day}T10:00:00Z"),
                        cu.map(f64::from),
                        None,
                    )
                })
                .collect()
        })
}
