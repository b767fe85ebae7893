//! "Group by": what the subtotals table, its chart, its CSV and the
//! comparison group runs by.

use super::choice_select::{choice_select, Choices};
use crate::core::messages::M;
use crate::core::subtotals::GroupBy;
use crate::view::el::El;
use crate::view::table::use_table;

/// The "Group by" select.
pub fn group_by_select() -> El {
    let t = use_table();
    choice_select(
        Choices {
            label: t.say(M::groupBy),
            name: "group",
            class: "cu-field cu-inline",
            choices: GroupBy::ALL.map(|g| (g.key(), g.label(&t.fmt()))).to_vec(),
        },
        Box::new(move || t.state.group.get().key()),
        Box::new(move |key: String| {
            if let Some(g) = GroupBy::parse(&key) {
                t.set_group(g);
            }
        }),
    )
}
