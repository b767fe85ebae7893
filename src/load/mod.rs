//! Settings and state, and getting runs into them: the validated options
//! (`config`), the signal wrappers (`reactive`, `effect`), the table's
//! signals (`state`), the page walk (`walk`), Refresh (`refresh`) and the
//! loaders that drive them over an [`crate::api::RunsSource`] (`loader`).
//! It imports `core` and `api`, never the view. Its only DOM contact is
//! the host element: the `cu-runs:*` events are dispatched on it, and the
//! root is revealed in it once the first page is drawn (`Env`).

pub mod config;
pub mod effect;
pub mod loader;
pub mod reactive;
pub mod refresh;
pub mod state;
pub mod walk;
