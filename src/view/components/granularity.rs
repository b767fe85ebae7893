//! "Granularity": day, week or month buckets for the time chart (weeks
//! start on `weekStartsOn`; days and months are counted in the billing time
//! zone, `billingTimeZone`).

use super::choice_select::{choice_select, Choices};
use crate::core::messages::M;
use crate::core::period::Granularity;
use crate::view::el::El;
use crate::view::table::use_table;

/// The "Granularity" select of the time chart.
pub fn granularity_select() -> El {
    let t = use_table();
    choice_select(
        Choices {
            label: t.say(M::granularity),
            name: "granularity",
            class: "cu-field cu-inline cu-granularity",
            choices: Granularity::ALL
                .map(|g| (g.key(), g.label(&t.fmt())))
                .to_vec(),
        },
        Box::new(move || t.state.granularity.get().key()),
        Box::new(move |key: String| {
            if let Some(g) = Granularity::parse(&key) {
                t.set_granularity(g);
            }
        }),
    )
}
