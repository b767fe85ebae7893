//! Keyboard movement shared by the charts: a roving focus among sibling
//! controls (one Tab stop per chart, arrows inside it), and the key → step
//! mapping of the day chart.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Where a key moves a cursor among `len` items from `at`; `None` when the
/// key does not move it. PageUp/PageDown move by a week.
pub fn step(key: &str, at: usize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    let at = at.min(last);
    Some(match key {
        "ArrowDown" | "ArrowRight" => (at + 1).min(last),
        "ArrowUp" | "ArrowLeft" => at.saturating_sub(1),
        "PageDown" => (at + 7).min(last),
        "PageUp" => at.saturating_sub(7),
        "Home" => 0,
        "End" => last,
        _ => return None,
    })
}

/// Moves focus from the event's control to a sibling control by arrow keys
/// (Home/End to the first/last).
pub fn roving_key(ev: &KeyboardEvent) -> Option<()> {
    let key = ev.key();
    let current: Element = ev.current_target()?.dyn_into().ok()?;
    let target = match key.as_str() {
        "ArrowDown" | "ArrowRight" => current.next_element_sibling()?,
        "ArrowUp" | "ArrowLeft" => current.previous_element_sibling()?,
        "Home" => current.parent_element()?.first_element_child()?,
        "End" => current.parent_element()?.last_element_child()?,
        _ => return None,
    };
    ev.prevent_default();
    target.dyn_into::<HtmlElement>().ok()?.focus().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_step_within_bounds() {
        assert_eq!(step("ArrowRight", 0, 3), Some(1));
        assert_eq!(step("ArrowRight", 2, 3), Some(2));
        assert_eq!(step("ArrowLeft", 0, 3), Some(0));
        assert_eq!(step("PageDown", 1, 30), Some(8));
        assert_eq!(step("PageUp", 3, 30), Some(0));
        assert_eq!(step("End", 0, 30), Some(29));
        assert_eq!(step("Home", 9, 30), Some(0));
        assert_eq!(step("Enter", 1, 3), None);
        assert_eq!(step("ArrowRight", 0, 0), None);
        assert_eq!(step("ArrowLeft", 99, 3), Some(1));
    }
}
