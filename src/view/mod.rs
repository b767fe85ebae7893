//! The DOM: the element builder (`el`) and plain-DOM helpers (`dom`), the
//! table context every component reads (`table`), URL sync (`url_sync`)
//! and the components (`components`). It imports every layer below; only
//! `mount` imports it.

pub mod components;
pub mod dom;
pub mod el;
pub mod names;
pub mod table;
pub mod url_sync;
