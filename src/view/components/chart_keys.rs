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

/// What a key does to the picked day of the day chart (`picked`, among
/// `len`): `Some(new)` when it changes it (Escape un-picks, the arrows move
/// from the picked day or from the last one), `None` when the key is not
/// the chart's.
pub fn day_key(ev: &KeyboardEvent, picked: Option<usize>, len: usize) -> Option<Option<usize>> {
    let key = ev.key();
    if key == "Escape" {
        return picked.map(|_| None);
    }
    let at = picked.unwrap_or(len.saturating_sub(1));
    step(&key, at, len).map(Some)
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

/// Makes the focused control the group's only Tab stop (roving tabindex).
pub fn take_tab_stop(ev: &web_sys::FocusEvent) -> Option<()> {
    let current: Element = ev.current_target()?.dyn_into().ok()?;
    let mut sibling = current.parent_element()?.first_element_child();
    while let Some(el) = sibling {
        let _ = el.set_attribute("tabindex", if el == current { "0" } else { "-1" });
        sibling = el.next_element_sibling();
    }
    Some(())
}

/// Leaves exactly one Tab stop among `group`'s children: the first one
/// with `tabindex="0"`, or else the first child.
pub fn one_tab_stop(group: &Element) {
    let mut kept = false;
    let mut child = group.first_element_child();
    while let Some(el) = child {
        let stop = !kept && el.get_attribute("tabindex").as_deref() == Some("0");
        kept |= stop;
        if !stop {
            let _ = el.set_attribute("tabindex", "-1");
        }
        child = el.next_element_sibling();
    }
    if !kept {
        if let Some(first) = group.first_element_child() {
            let _ = first.set_attribute("tabindex", "0");
        }
    }
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
