//! A CU cost table for the browser: workflow runs and their compute-unit
//! costs, as a Leptos component compiled to WebAssembly.

pub mod api;
pub mod cu;
pub mod time;
