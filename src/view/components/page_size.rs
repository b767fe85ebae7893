//! "Rows per page": a select of the page sizes offered, with the current
//! size among them when it is not one of them.

use crate::core::messages::M;
use crate::view::el::{h, target_value, El, Els};
use crate::view::table::use_table;

/// Page sizes offered in "Rows per page".
pub const PAGE_SIZES: [u32; 3] = [20, 50, 100];

/// The options: [`PAGE_SIZES`] and `current`, in order, `current` selected.
fn size_options(current: u32) -> Els {
    let mut sizes = PAGE_SIZES.to_vec();
    if !sizes.contains(&current) {
        let at = sizes.partition_point(|&s| s < current);
        sizes.insert(at, current);
    }
    sizes
        .into_iter()
        .map(|s| {
            let text = s.to_string();
            let option = h("option").attr("value", &text).text(&text);
            if s == current {
                option.attr("selected", "")
            } else {
                option
            }
        })
        .collect()
}

/// The labelled "Rows per page" select.
pub fn page_size_field() -> El {
    let t = use_table();
    let state = t.state;
    let size_id = format!("{}-page-size", t.uid());
    let on_size = move |ev: web_sys::Event| {
        if let Ok(size) = target_value(&ev).parse::<u32>() {
            t.set_page_size(size);
        }
    };
    h("div")
        .class("cu-field cu-inline")
        .child(
            h("label")
                .attr("for", &size_id)
                .text(&t.say(M::rowsPerPage)),
        )
        .child(
            h("select")
                .attr("id", &size_id)
                .on("change", on_size)
                .dyn_part(move || size_options(state.limit.get())),
        )
}
