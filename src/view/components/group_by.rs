//! "Group by": what the subtotals table, its chart, its CSV and the
//! comparison group runs by; or "Node type", the usage ledger's breakdown
//! of the month (offered while the ledger is there).

use super::choice_select::{choice_select, Choices};
use crate::core::messages::M;
use crate::core::subtotals::GroupBy;
use crate::view::el::El;
use crate::view::table::{use_table, Table};

/// The key of "Node type".
const NODE_TYPE: &str = "node-type";

/// Workflow, Trigger, Status and, with the ledger there, Node type.
fn choices(t: Table) -> Vec<(&'static str, String)> {
    let f = t.fmt();
    let mut out: Vec<_> = GroupBy::ALL.map(|g| (g.key(), g.label(&f))).to_vec();
    if !t.state.ledger.with_untracked(|d| d.hidden) {
        out.push((NODE_TYPE, f.t(M::groupNodeType)));
    }
    out
}

/// The "Group by" select.
pub fn group_by_select() -> El {
    let t = use_table();
    choice_select(
        Choices {
            label: t.say(M::groupBy),
            name: "group",
            class: "cu-field cu-inline",
            choices: choices(t),
        },
        Box::new(move || {
            if t.state.node_types.get() {
                NODE_TYPE
            } else {
                t.state.group.get().key()
            }
        }),
        Box::new(move |key: String| {
            if key == NODE_TYPE {
                t.group_by_node_type();
            } else if let Some(g) = GroupBy::parse(&key) {
                t.set_group(g);
            }
        }),
    )
}
