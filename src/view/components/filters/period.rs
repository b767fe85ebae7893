//! The Period select (presets fill From/To) and "Compare with previous
//! period".

use crate::core::messages::M;
use crate::core::period::Preset;
use crate::view::components::choice_select::{choice_select, Choices};
use crate::view::el::{checkbox, h, target_checked, El};
use crate::view::table::use_table;

/// "Period": Today … This quarter, or Custom (the From/To inputs as typed).
pub fn period_select() -> El {
    let t = use_table();
    choice_select(
        Choices {
            label: t.say(M::period),
            name: "period",
            class: "cu-field",
            choices: Preset::ALL.map(|p| (p.key(), p.label(&t.fmt()))).to_vec(),
        },
        Box::new(move || t.state.period.get().key()),
        Box::new(move |key: String| {
            if let Some(p) = Preset::parse(&key) {
                t.set_period(p);
            }
        }),
    )
}

/// "Compare with previous period" (presets only). A custom period has no
/// previous period to compare with: the box is then disabled and shown
/// unchecked (a checked, disabled box read as "comparison on" while none was
/// shown); the choice is kept for the next preset.
pub fn compare_toggle() -> El {
    let t = use_table();
    let custom = move || t.state.period.get() == Preset::Custom;
    h("label")
        .class("cu-check")
        .class_when("cu-disabled", custom)
        .child(
            checkbox(move || t.state.compare.get() && !custom())
                .flag("disabled", custom)
                .on("change", move |ev| t.set_compare(target_checked(&ev))),
        )
        .text(&t.say(M::compareToggle))
}
