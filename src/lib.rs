//! A CU cost table for the browser: workflow runs and their compute-unit
//! costs, as a Leptos component compiled to WebAssembly.
//!
//! Four layers, each a folder, each importing only the layers below it
//! (`tests/architecture.rs` fails otherwise, and on any import cycle):
//!
//! - [`core`]: pure logic, no DOM and no network: runs and their store,
//!   exact CU and money, time and periods, filters, sorting, subtotals,
//!   comparison, chart data, CSV, formatting, and the UI's sentences.
//! - [`api`]: the runs API: requests, decoding, errors, retries and the
//!   HTTP client behind the [`api::RunsSource`] seam.
//! - [`load`]: settings, the table's signals, and getting runs into them:
//!   the walk, Refresh and the loaders.
//! - [`view`]: the DOM: the element builder, the table context, URL sync
//!   and the components.
//!
//! [`mount`] is the JavaScript API on top. ARCHITECTURE.md is the map.

// Test code may use std's sorts and maps (as oracles, among others); the
// cost rules of clippy.toml hold for the shipped library.
#![cfg_attr(test, allow(clippy::disallowed_types, clippy::disallowed_methods))]

pub mod api;
pub mod core;
pub mod load;
pub mod mount;
pub mod view;

pub use mount::{mount, MountHandle};
