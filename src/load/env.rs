//! What one instance needs that is not reactive state: the validated
//! settings, the network seam, locale formatting, the host element, and the
//! jobs in flight (a "Load all runs" walk, a Refresh) so "Cancel" and
//! unmount can stop them.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::AbortController;

use crate::api::RunsSource;
use crate::core::filter::Filters;
use crate::core::format::Formatter;
use crate::core::subtotals::{GroupBy, Swept};
use crate::load::config::Config;
use crate::load::drive::Drive;
use crate::load::host::Host;
use crate::load::walk::Walk;

/// The non-reactive parts of one instance.
pub struct Env {
    /// Validated settings.
    pub config: Config,
    /// Where runs come from.
    pub source: Rc<dyn RunsSource>,
    /// Locale formatting.
    pub fmt: Formatter,
    /// The element the instance is mounted in (events, reveal).
    pub host: Host,
    /// Walk in progress, if any.
    pub walk: RefCell<Option<Rc<Drive>>>,
    /// A walk that stopped on an error, for "Continue loading".
    pub resume: RefCell<Option<Walk>>,
    /// The refresh in flight, if any.
    pub refresh: RefCell<Option<AbortController>>,
    /// The ledger requests in flight (balance, months).
    pub ledger: RefCell<Vec<AbortController>>,
    /// The table's last filter pass's status counts, with the load they
    /// were counted over (its serial) and the filters but for the
    /// statuses: a pass that differs only in the statuses reuses them
    /// (`crate::core::filter::filter_each`).
    pub status_counts: RefCell<Option<(u64, Filters, Vec<usize>)>>,
    /// A filter pass made ahead, in a task of its own, for runs about to be
    /// shown (the end of "Load all runs"): taken by the table's pass when
    /// it is of the same load, filters and grouping, dropped otherwise.
    pub ready_pass: RefCell<Option<ReadyPass>>,
}

/// A filter pass made ahead ([`Env::ready_pass`]): its load (serial), the
/// filters and grouping it was made with, and what
/// [`crate::core::subtotals::filter_and_sum`] gave.
pub struct ReadyPass {
    /// The load's serial.
    pub serial: u64,
    /// The filters, as the pass applies them.
    pub filters: Filters,
    /// The grouping of the subtotals.
    pub group: GroupBy,
    /// What the pass gave.
    pub result: Swept,
}

impl Env {
    /// Bundles the non-reactive parts of an instance.
    pub fn new(config: Config, source: Rc<dyn RunsSource>, fmt: Formatter) -> Env {
        Env {
            config,
            source,
            fmt,
            host: Host::default(),
            walk: RefCell::new(None),
            resume: RefCell::new(None),
            refresh: RefCell::new(None),
            ledger: RefCell::new(Vec::new()),
            status_counts: RefCell::new(None),
            ready_pass: RefCell::new(None),
        }
    }

    /// Whether `drive` is the walk in progress (a newer walk replaces it).
    pub fn is_current(&self, drive: &Rc<Drive>) -> bool {
        self.walk
            .borrow()
            .as_ref()
            .is_some_and(|w| Rc::ptr_eq(w, drive))
    }

    /// Stops the walk in progress, keeping what was loaded.
    pub fn cancel_walk(&self) {
        if let Some(drive) = self.walk.borrow().as_ref() {
            drive.cancel();
        }
    }

    /// A ledger request's controller, aborted on unmount until
    /// [`Env::ledger_done`].
    pub fn ledger_started(&self, controller: &AbortController) {
        self.ledger.borrow_mut().push(controller.clone());
    }

    /// A ledger request answered (or failed): nothing left to abort.
    pub fn ledger_done(&self, controller: &AbortController) {
        self.ledger.borrow_mut().retain(|c| c != controller);
    }

    /// On unmount: no more events, the refresh, the walk and the ledger
    /// requests stopped.
    pub fn stop_all(&self) {
        self.host.clear_host();
        if let Some(c) = self.refresh.borrow_mut().take() {
            c.abort();
        }
        for c in self.ledger.borrow_mut().drain(..) {
            c.abort();
        }
        self.cancel_walk();
    }
}
