//! A CU cost table for the browser: workflow runs and their compute-unit
//! costs, as a Leptos component compiled to WebAssembly.

pub mod api;
pub mod config;
pub mod csv;
pub mod cu;
pub mod filter;
pub mod format;
pub mod sort;
pub mod subtotals;
pub mod time;
