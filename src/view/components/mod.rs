//! The view, one component per file: each a function building an `el::El`
//! (or adding itself to its parent with `.with(part)`), reading the table
//! context (`use_table()`) and changing state only through its methods.

pub mod chart_head;
pub mod chart_keys;
pub mod choice_select;
pub mod columns_menu;
pub mod compare_cells;
pub mod cost_table;
pub mod daily_axes;
pub mod daily_chart;
pub mod daily_figures;
pub mod daily_legend;
pub mod daily_plot;
pub mod day_slider;
pub mod empty_state;
pub mod error_box;
pub mod export;
pub mod filters;
pub mod granularity;
pub mod group_bars;
pub mod group_by;
pub mod group_chart;
pub mod group_figures;
pub mod ledger;
pub mod load_all_button;
pub mod load_progress;
pub mod page_size;
pub mod pager;
pub mod period;
pub mod print_head;
pub mod retrying;
pub mod run_cells;
pub mod run_row;
pub mod runs_header;
pub mod runs_table;
pub mod scope_bar;
pub mod scope_switch;
pub mod sort_header;
pub mod subtotal_row;
pub mod subtotals_table;
pub mod summary;
pub mod width;

pub use cost_table::cost_table;
