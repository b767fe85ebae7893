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
        }
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
