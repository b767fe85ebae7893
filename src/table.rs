//! The table context: one `Copy` handle per instance, provided once by the
//! root component and read with [`use_table`] (the `ReloadController` style
//! of leptos-struct-table). It holds the signals, the environment
//! (settings, network, formatting) and every derived value as a `Memo`.
//! Components read the signals freely; they change state only through the
//! methods here, so each change (and what it resets, such as the client-side
//! page) is written once.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::columns;
use crate::config::Config;
use crate::filter::{facet_counts, FacetCounts, Filters};
use crate::format::Formatter;
use crate::loader::{self, Env};
use crate::sort::{sort_indices, toggle, Column};
use crate::state::{Loaded, Scope, Shared, TableState};
use crate::subtotals::{compute_set, SubColumn, Subtotals};

/// The context of one table instance.
#[derive(Clone, Copy)]
pub struct Table {
    /// The signals. Read them; change them through the methods below.
    pub state: TableState,
    env: StoredValue<Rc<Env>, LocalStorage>,
    fmt: StoredValue<Arc<Formatter>, LocalStorage>,
    uid: StoredValue<String>,
    /// Runs in scope (the page, or all loaded runs).
    pub scope_set: Memo<Option<Shared<Loaded>>>,
    /// Indices of the runs in scope that pass the filters.
    pub filtered: Memo<Shared<Vec<usize>>>,
    /// `filtered` in the runs table's sort order.
    pub sorted: Memo<Shared<Vec<usize>>>,
    /// The rows on screen (one page of `sorted`).
    pub visible: Memo<Shared<Vec<usize>>>,
    /// Per-workflow subtotals and the grand total of `filtered`.
    pub subtotals: Memo<Shared<Subtotals>>,
    /// Facet counts for the filter controls.
    pub facets: Memo<Shared<FacetCounts>>,
    /// The subtotals table's sort (column, descending), shared with the bars.
    pub sub_sort: RwSignal<(SubColumn, bool)>,
    /// Bumped by "Clear filters", so inputs drop what is being typed.
    pub cleared: RwSignal<u64>,
}

/// The table context of the component being built.
pub fn use_table() -> Table {
    expect_context::<Table>()
}

impl Table {
    /// Creates the state and derived values for `env` and provides the
    /// context to every component below the caller.
    pub fn provide(env: Rc<Env>, uid: String) -> Table {
        let config = &env.config;
        let state = TableState::new(config.page_size);
        state.columns.set(
            config
                .columns
                .clone()
                .unwrap_or_else(|| columns::available(config.price.is_some())),
        );
        let per_cu = config.price.as_ref().map(|p| p.per_cu);
        let fmt = Arc::new(env.fmt.clone());

        let scope_set: Memo<Option<Shared<Loaded>>> = Memo::new(move |_| match state.scope.get() {
            Scope::Page => state.page.with(|p| p.as_ref().map(|p| p.loaded.clone())),
            Scope::All => state.all.get(),
        });
        let filtered: Memo<Shared<Vec<usize>>> = Memo::new(move |_| {
            scope_set.with(|s| {
                Shared::new(
                    s.as_ref()
                        .map(|l| state.filters.with(|f| f.apply(&l.set)))
                        .unwrap_or_default(),
                )
            })
        });
        let sorted: Memo<Shared<Vec<usize>>> = Memo::new(move |_| {
            let mut idx = filtered.with(|f| f.0.as_ref().clone());
            scope_set.with(|s| {
                if let Some(l) = s {
                    state
                        .sort
                        .with(|keys| sort_indices(&l.set.runs, &mut idx, keys));
                }
            });
            Shared::new(idx)
        });
        let visible: Memo<Shared<Vec<usize>>> = Memo::new(move |_| match state.scope.get() {
            Scope::Page => sorted.get(),
            Scope::All => {
                let (from, len) = (state.view_offset.get(), state.limit.get() as usize);
                sorted.with(|s| Shared::new(s.iter().skip(from).take(len).copied().collect()))
            }
        });
        let subtotals: Memo<Shared<Subtotals>> = Memo::new(move |_| {
            scope_set.with(|s| {
                filtered.with(|f| {
                    Shared::new(
                        s.as_ref()
                            .map(|l| compute_set(&l.set, f, per_cu))
                            .unwrap_or_default(),
                    )
                })
            })
        });
        let facets = Memo::new(move |_| {
            scope_set.with(|s| {
                Shared::new(
                    s.as_ref()
                        .map(|l| state.filters.with(|f| facet_counts(&l.set, f)))
                        .unwrap_or_default(),
                )
            })
        });
        let table = Table {
            state,
            env: StoredValue::new_local(env),
            fmt: StoredValue::new_local(fmt),
            uid: StoredValue::new(uid),
            scope_set,
            filtered,
            sorted,
            visible,
            subtotals,
            facets,
            sub_sort: RwSignal::new((SubColumn::Cu, true)),
            cleared: RwSignal::new(0),
        };
        provide_context(table);
        table
    }

    /// The environment (settings, network seam, formatting, walk).
    pub fn env(&self) -> Rc<Env> {
        self.env.get_value()
    }

    /// Locale formatting.
    pub fn fmt(&self) -> Arc<Formatter> {
        self.fmt.get_value()
    }

    /// Reads the validated settings.
    pub fn with_config<R>(&self, f: impl FnOnce(&Config) -> R) -> R {
        self.env.with_value(|e| f(&e.config))
    }

    /// A prefix for element ids, unique to this instance.
    pub fn uid(&self) -> String {
        self.uid.get_value()
    }

    /// Which runs the totals cover; back to the first loaded row.
    pub fn set_scope(&self, scope: Scope) {
        self.state.scope.set(scope);
        self.state.view_offset.set(0);
    }

    /// Changes the filters; back to the first loaded row. (Safe after
    /// unmount: a debounced search may fire late.)
    pub fn update_filters(&self, f: impl FnOnce(&mut Filters)) {
        if self.state.filters.try_update(f).is_some() {
            self.state.view_offset.try_set(0);
        }
    }

    /// "Clear filters": none active, and inputs emptied.
    pub fn clear_filters(&self) {
        self.update_filters(|f| *f = Filters::default());
        self.cleared.update(|n| *n += 1);
    }

    /// Filters to `workflow`, or clears that filter when it is the one set
    /// (a bar click).
    pub fn toggle_workflow(&self, workflow: &str) {
        self.update_filters(|f| {
            f.workflow = if f.workflow.as_deref() == Some(workflow) {
                None
            } else {
                Some(workflow.to_owned())
            }
        });
    }

    /// Requests the current page again ("Retry").
    pub fn retry(&self) {
        self.state.reload.update(|n| *n += 1);
    }

    /// One page forward or back: the server's pages in the page scope, the
    /// loaded runs (no request) with all loaded runs.
    pub fn turn_page(&self, forward: bool) {
        let size = u64::from(self.state.limit.get_untracked());
        match self.state.scope.get_untracked() {
            Scope::Page => self.state.offset.update(|o| *o = step(*o, size, forward)),
            Scope::All => self
                .state
                .view_offset
                .update(|o| *o = step(*o as u64, size, forward) as usize),
        }
    }

    /// Rows per page, keeping the first visible run on screen.
    pub fn set_page_size(&self, size: u32) {
        self.state.set_page_size(size);
    }

    /// Sorts the runs by `column` (again: reversed; `additive`: a further key).
    pub fn sort_runs(&self, column: Column, additive: bool) {
        self.state
            .sort
            .update(|keys| *keys = toggle(keys, column, additive));
    }

    /// Sorts the subtotals by `column` (again: reversed).
    pub fn sort_subtotals(&self, column: SubColumn) {
        self.sub_sort.update(|(c, desc)| {
            if *c == column {
                *desc = !*desc;
            } else {
                *c = column;
                *desc = column.default_descending();
            }
        });
    }

    /// Shows or hides a column of the runs table.
    pub fn toggle_column(&self, column: Column) {
        self.state
            .columns
            .update(|cols| *cols = columns::toggle(cols, column));
    }

    /// The component's own width crossed `run_row::DETAILS_BELOW_PX`.
    pub fn set_narrow(&self, narrow: bool) {
        if self.state.narrow.get_untracked() != narrow {
            self.state.narrow.set(narrow);
        }
    }

    /// "Load all runs".
    pub fn load_all(&self) {
        loader::start_load_all(self.state, self.env());
    }

    /// "Continue loading" after a walk stopped on an error.
    pub fn continue_loading(&self) {
        loader::continue_load_all(self.state, self.env());
    }

    /// "Cancel" the walk in progress.
    pub fn cancel_loading(&self) {
        loader::cancel_load_all(&self.env());
    }

    /// "Refresh".
    pub fn refresh(&self) {
        loader::refresh(self.state, self.env());
    }
}

/// The offset one page forward or back (never below 0, never overflowing).
pub fn step(offset: u64, size: u64, forward: bool) -> u64 {
    if forward {
        offset.saturating_add(size)
    } else {
        offset.saturating_sub(size)
    }
}
