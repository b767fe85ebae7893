//! A CU cost table for the browser: workflow runs and their compute-unit
//! costs, as a Leptos component compiled to WebAssembly.
//!
//! Layout: [`api`] (models, errors, request building, HTTP client behind the
//! [`api::RunsSource`] seam); pure logic ([`cu`], [`time`], [`filter`],
//! [`sort`], [`subtotals`], [`csv`], [`labels`], [`config`], [`format`]);
//! reactive state and loading ([`state`], [`loader`]); the view
//! ([`components`]; the runs table's rows are plain DOM, [`dom`]); and the
//! JavaScript API ([`mount`]).

pub mod api;
pub mod charts;
pub mod columns;
pub mod compare;
pub mod components;
pub mod config;
pub mod csv;
pub mod cu;
pub mod dom;
pub mod effect;
pub mod el;
pub mod filter;
pub mod finance;
pub mod format;
pub mod keyed;
pub mod labels;
pub mod loader;
pub mod mount;
pub mod period;
pub mod reactive;
pub mod refresh;
pub mod retry;
pub mod sentences;
pub mod sort;
pub mod state;
pub mod store;
pub mod subtotals;
pub mod table;
#[cfg(test)]
pub mod test_support;
pub mod text;
pub mod time;
pub mod url_sync;
pub mod walk;

pub use mount::{mount, MountHandle};
