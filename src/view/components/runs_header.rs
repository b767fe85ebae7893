//! The header of a runs column: sortable, with the sort key's position.

use super::sort_header::{sort_header, SortHeader};
use crate::core::messages::M;
use crate::core::sort::Column;
use crate::view::el::El;
use crate::view::table::Table;

/// The header of a runs column: `aria-sort` on the primary key's header,
/// the key's number when sorting by several, Shift+click (or Shift+Enter)
/// adds a key.
pub fn runs_header(t: Table, column: Column) -> El {
    let state = t.state;
    let position = move || {
        state.sort.with(|keys| {
            keys.iter()
                .position(|k| k.column == column)
                .map(|i| (i, keys[i].descending, keys.len()))
        })
    };
    let aria_sort = Box::new(move || match position() {
        Some((0, true, _)) => "descending",
        Some((0, false, _)) => "ascending",
        _ => "none",
    });
    let indicator = Box::new(move || match position() {
        Some((i, desc, n)) => format!(
            "{}{}",
            if desc { "▼" } else { "▲" },
            if n > 1 {
                (i + 1).to_string()
            } else {
                String::new()
            }
        ),
        None => "↕".to_owned(),
    });
    let numeric = matches!(column, Column::Duration | Column::Cu | Column::Cost);
    sort_header(
        SortHeader {
            label: column.label(&t.fmt()),
            class: format!("cu-col-{}", column.key()),
            numeric,
            title: Some(t.say(M::sortTitle)),
        },
        aria_sort,
        indicator,
        Box::new(move |additive| t.sort_runs(column, additive)),
    )
}
