//! Settings and state, and getting runs into them: the validated options
//! (`config`), the signal wrappers (`reactive`, `effect`), the table's
//! signals (`state`), the pure state machines of the page walk (`walk`) and
//! Refresh (`refresh`), and the drivers that run them over an
//! [`crate::api::RunsSource`]: the current page (`page_loader`), "Load all
//! runs" (`load_all`, `drive`), Refresh (`refresher`) and its timer
//! (`auto_refresh`), with their shared helpers (`tasks`) and the instance's
//! environment (`env`). It imports `core` and `api`, never the view. Its
//! only DOM contact is the host element (`host`: the `cu-runs:*` events are
//! dispatched on it, and the root is revealed in it once the first page is
//! drawn) and the document's visibility, which `auto_refresh` reads
//! (`document.hidden`, `visibilitychange`).

pub mod auto_refresh;
pub mod config;
pub mod drive;
pub mod effect;
pub mod env;
pub mod host;
pub mod ledger;
pub mod load_all;
pub mod page_loader;
pub mod reactive;
pub mod refresh;
pub mod refresher;
pub mod state;
pub mod tasks;
pub mod walk;
