//! One "Load all runs" walk as the browser drives it: the pure
//! [`crate::load::walk::Walk`] (which page next, what a reply proves) plus
//! what is about the browser: abort controllers, the error that stopped it,
//! "Cancel", the From date.

use std::cell::{Cell, RefCell};

use web_sys::AbortController;

use crate::api::ApiError;
use crate::load::walk::{Ask, Walk};

/// A walk being driven.
pub struct Drive {
    /// The walk; taken when it ends.
    pub walk: RefCell<Option<Walk>>,
    /// The requests in flight, by what they ask.
    pub controllers: RefCell<Vec<(Ask, AbortController)>>,
    /// "Cancel" was pressed (or the instance went away).
    pub cancelled: Cell<bool>,
    /// The first error that stopped the walk asking.
    pub error: RefCell<Option<ApiError>>,
    /// A page wholly older than `from_day` joined the walk.
    pub stopped_by_date: Cell<bool>,
    /// The day key before which pages are of no use (the From filter, or
    /// the start of the period's comparison).
    pub from_day: Option<String>,
    /// The walk has ended (finished or stopped).
    pub done: Cell<bool>,
    /// When the count of runs loaded was last shown (ms), if it was.
    shown_at: Cell<Option<f64>>,
}

/// How often, at most, the count of runs loaded is shown while a walk runs
/// (ms). Pages arrive every few milliseconds; showing each one made the
/// page lay out and paint at every frame of the walk, which took the
/// main thread from the requests.
pub const PROGRESS_SHOWN_EVERY_MS: f64 = 200.0;

/// Whether the count of runs loaded is shown again at `now`, last shown at
/// `last` (never: the first page is shown at once).
pub fn progress_shown_due(last: Option<f64>, now: f64) -> bool {
    last.is_none_or(|last| now - last >= PROGRESS_SHOWN_EVERY_MS)
}

impl Drive {
    /// A drive of `walk` not yet started.
    pub fn new(walk: Walk, from_day: Option<String>) -> Drive {
        Drive {
            walk: RefCell::new(Some(walk)),
            controllers: RefCell::default(),
            cancelled: Cell::new(false),
            error: RefCell::new(None),
            stopped_by_date: Cell::new(false),
            from_day,
            done: Cell::new(false),
            shown_at: Cell::new(None),
        }
    }

    /// Whether the count of runs loaded is to be shown at `now`; if so, it
    /// is taken as shown then.
    pub fn show_progress_at(&self, now: f64) -> bool {
        let due = progress_shown_due(self.shown_at.get(), now);
        if due {
            self.shown_at.set(Some(now));
        }
        due
    }

    /// Stops asking and aborts the requests in flight.
    pub fn cancel(&self) {
        self.cancelled.set(true);
        self.abort_in_flight();
    }

    /// Aborts the requests in flight (their pages cannot add to the walk).
    pub fn abort_in_flight(&self) {
        for (_, c) in self.controllers.borrow().iter() {
            c.abort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_count_is_shown_at_once_then_at_most_every_200_ms() {
        assert!(progress_shown_due(None, 0.0));
        assert!(!progress_shown_due(Some(1_000.0), 1_000.0));
        assert!(!progress_shown_due(Some(1_000.0), 1_199.9));
        assert!(progress_shown_due(Some(1_000.0), 1_200.0));
        // A clock that went back does not stop the count for good.
        assert!(!progress_shown_due(Some(1_000.0), 900.0));
    }

    #[test]
    fn a_drive_shows_its_first_page_then_throttles() {
        let drive = Drive::new(Walk::new(100, 1_000), None);
        assert!(drive.show_progress_at(5.0));
        assert!(!drive.show_progress_at(100.0));
        assert!(!drive.show_progress_at(204.9));
        assert!(drive.show_progress_at(205.0));
        assert!(!drive.show_progress_at(300.0));
    }
}
