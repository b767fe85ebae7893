//! Pure logic: no DOM, no network, no signals. What may live here: the run
//! model and the column store of runs, exact CU and money, time and
//! periods, filters, sorting, subtotals and comparisons, chart data, CSV,
//! number and date formatting, the usage ledger (balance, reconciliation,
//! runway), and the sentences the UI shows. It imports
//! nothing from the other layers; everything here is tested natively.

pub mod charts;
pub mod columns;
pub mod compare;
pub mod csv;
pub mod cu;
pub mod filter;
pub mod finance;
pub mod format;
pub mod i18n;
pub mod keyed;
pub mod labels;
pub mod ledger;
pub mod ledger_text;
pub mod messages;
pub mod period;
pub mod run;
pub mod sentences;
pub mod sort;
pub mod store;
pub mod subtotals;
#[cfg(test)]
pub mod test_support;
pub mod text;
pub mod time;
