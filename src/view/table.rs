//! The table context: one `Copy` handle per instance, provided once by the
//! root component and read with [`use_table`] (the `ReloadController` style
//! of leptos-struct-table). It holds the signals, the environment (settings,
//! the `RunsSource`, the formatter, the host element and the jobs in flight)
//! and every derived value as a memo (`reactive::Derived`).
//! Components read the signals freely; they change state only through the
//! methods here, so each change (and what it resets, such as the client-side
//! page) is written once.

use crate::core::keyed::Names;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::columns;
use crate::core::compare::Previous;
use crate::core::filter::{FacetCounts, Filters};
use crate::core::format::Formatter;
use crate::core::period::{
    cover, held, previous, range, Cover, Day, Granularity, Held, Period, Preset, Span,
};
use crate::core::sort::{restrict, sort_indices, toggle, Column};
use crate::core::subtotals::{compute_set, filter_and_sum, GroupBy, SubColumn, Subtotals};
use crate::load::config::Config;
use crate::load::env::Env;
use crate::load::reactive::{Derived, Sig, Stored};
use crate::load::state::{Loaded, Scope, Shared, TableState};
use crate::load::{load_all, refresher};

/// The context of one table instance.
#[derive(Clone, Copy)]
pub struct Table {
    /// The signals. Read them; change them through the methods below.
    pub state: TableState,
    env: Stored<Rc<Env>>,
    fmt: Stored<Arc<Formatter>>,
    uid: Stored<String>,
    /// Runs in scope (the page, or all loaded runs).
    pub scope_set: Derived<Option<Shared<Loaded>>>,
    /// Indices of the runs in scope that pass the filters.
    pub filtered: Derived<Shared<Vec<usize>>>,
    /// `filtered` in the runs table's sort order.
    pub sorted: Derived<Shared<Vec<usize>>>,
    /// The rows on screen (one page of `sorted`).
    pub visible: Derived<Shared<Vec<usize>>>,
    /// Per-group subtotals (by workflow, trigger or status) and the grand
    /// total of `filtered`.
    pub subtotals: Derived<Shared<Subtotals>>,
    /// Facet counts for the filter controls.
    pub facets: Derived<Shared<FacetCounts>>,
    /// The subtotals table's sort (column, descending), shared with the bars.
    pub sub_sort: Sig<(SubColumn, bool)>,
    /// Bumped by "Clear filters", so inputs drop what is being typed.
    pub cleared: Sig<u64>,
    /// What the last sort button pressed did, for screen readers (a
    /// status region; empty until a sort button is pressed).
    pub sort_said: Sig<String>,
    /// The chosen preset's period, the one it is compared with, today (from
    /// the clock or the `now` option), and whether the loaded runs cover
    /// them.
    pub period: Derived<Option<PeriodView>>,
    /// Whether the period's figures are still on their way: a walk runs,
    /// or the chosen period needs runs and its walk has not begun (the
    /// choice settling). The coverage line, the headline and the pager are
    /// quiet (`aria-live="off"`) while it holds; derived from the same
    /// values they are, so none is said in between.
    pub coming: Derived<bool>,
    /// CU per start day of the filtered runs (the budget and the
    /// estimate's range read it; computed only when read).
    pub by_day: Derived<Shared<Vec<(Day, crate::core::cu::CuTotal)>>>,
    /// The previous period's subtotals, when comparing.
    pub previous: Derived<Shared<Option<Previous>>>,
    /// First day of the week (ISO: 1 = Monday … 7 = Sunday).
    pub week_start: u8,
    /// Workflow display names (`workflowNames`).
    pub names: Stored<Arc<Names>>,
    /// The colours of the top groups in scope, largest first (from the
    /// instance's colour book, one per grouping).
    colour_map: Derived<Shared<Vec<(String, usize)>>>,
}

/// What one pass over the runs in scope gives: the runs that pass the
/// filters, the facet counts and the subtotals of the runs kept, in the
/// grouping chosen when it ran.
struct Pass {
    filtered: Shared<Vec<usize>>,
    facets: Shared<FacetCounts>,
    subtotals: Shared<Subtotals>,
    days: Shared<Vec<(Day, crate::core::cu::CuTotal)>>,
    group: GroupBy,
}

/// A chosen preset, its days, and the period it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodView {
    /// The preset.
    pub preset: Preset,
    /// Its days.
    pub period: Period,
    /// The previous period, when comparing.
    pub previous: Option<Period>,
    /// Today.
    pub today: Day,
    /// Milliseconds since today's midnight.
    pub into_today: i64,
    /// Whether the loaded runs cover the period.
    pub cover: Cover,
    /// Whether they cover the previous period (when comparing).
    pub previous_cover: Option<Cover>,
    /// When the period includes today: the last day of the same elapsed
    /// part of the previous period, and the instant it is compared up to
    /// (that day's midnight + `into_today`). `None`: the whole previous period.
    pub previous_until: Option<(Day, i64)>,
    /// With a fixed `now` (the option) and the period including today: the
    /// instant the period ends at, so it covers the runs started before
    /// `now`, as its comparison does. `None` with the clock (no run has
    /// started after it).
    pub cut_ms: Option<i64>,
    /// When the loaded runs are the whole list (read to its end from its
    /// head): the day its oldest run started. Runs before it are not in the
    /// list ([`Held`](crate::core::period::Held)).
    pub list_begins: Option<Day>,
    /// The instant the list's oldest run started (with `list_begins`).
    pub list_begins_ms: Option<i64>,
    /// When the period includes today: its instants in the billing zone
    /// (its days as the clock runs, 23 or 25 hours on a clock change).
    pub span: Option<Span>,
}

impl PeriodView {
    /// The choice it stands for: its preset and first day.
    pub fn key(&self) -> (Preset, Day) {
        (self.preset, self.period.from)
    }

    /// Whether the period or its comparison has runs the loaded ones lack.
    pub fn needs_runs(&self) -> bool {
        self.cover != Cover::Full || self.previous_cover.is_some_and(|c| c != Cover::Full)
    }

    /// What of the period the list holds.
    pub fn held(&self) -> Held {
        held(self.period, self.list_begins)
    }

    /// The days of the previous period its figure is compared on: all of
    /// it, or its same elapsed part (to `previous_until`'s day).
    pub fn compared_previous(&self) -> Option<Period> {
        self.previous.map(|pp| match self.previous_until {
            Some((day, _)) => Period {
                from: pp.from,
                to: day,
            },
            None => pp,
        })
    }

    /// What of the previous period's compared days the list holds
    /// ([`Held::All`] when not comparing): none when its part of its last
    /// day ends before the list's oldest run started.
    pub fn previous_held(&self) -> Held {
        let before_list = matches!(
            (self.previous_until, self.list_begins_ms),
            (Some((_, cut)), Some(first)) if first >= cut
        );
        match self.compared_previous() {
            None => Held::All,
            Some(_) if before_list => Held::Nothing,
            Some(pp) => held(pp, self.list_begins),
        }
    }
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
        let per_cu = config.per_cu();
        let fmt = Arc::new(env.fmt.clone());
        let names: Stored<Arc<Names>> = Stored::new(Arc::new(config.workflow_names.clone()));
        let scope_set = scope_set_memo(state);
        let period = period_memo(state, scope_set, config.now_ms, fmt.clone());
        let env_stored = Stored::new(env.clone());
        let pass = pass_memo(env_stored, state, scope_set, period, names, per_cu);
        let filtered: Derived<Shared<Vec<usize>>> =
            Derived::new(move || pass.with(|p| p.filtered.clone()));
        let facets = Derived::new(move || pass.with(|p| p.facets.clone()));
        let sorted = sorted_memo(state, scope_set, filtered);
        let visible = visible_memo(state, sorted);
        let subtotals = subtotals_memo(state, scope_set, pass, per_cu);
        let previous_subtotals = previous_memo(state, scope_set, period, names, per_cu);
        let colour_map = colour_map_memo(state, subtotals);
        let by_day = Derived::new(move || pass.with(|p| p.days.clone()));
        let coming = Derived::new(move || {
            state.load_all.with(|l| l.running)
                || period.get().is_some_and(|view| {
                    view.needs_runs()
                        && state.page.with(Option::is_some)
                        && state.period_walked.get() != Some(view.key())
                })
        });
        let week_start = config
            .week_starts_on
            .or_else(|| env.fmt.week_starts_on())
            .unwrap_or(1);
        let start = (config.group_by, config.granularity, config.period);
        let table = Table {
            state,
            env: env_stored,
            fmt: Stored::new(fmt),
            uid: Stored::new(uid),
            scope_set,
            filtered,
            sorted,
            visible,
            subtotals,
            facets,
            sub_sort: Sig::new((SubColumn::Cu, true)),
            cleared: Sig::new(0),
            sort_said: Sig::new(String::new()),
            period,
            coming,
            by_day,
            previous: previous_subtotals,
            week_start,
            names,
            colour_map,
        };
        provide_context(table);
        state.group.set(start.0);
        state.granularity.set(start.1);
        if let Some(p) = start.2 {
            table.set_period(p);
        }
        table
    }

    /// The environment (settings, the `RunsSource`, the formatter, the host
    /// element and the jobs in flight).
    pub fn env(&self) -> Rc<Env> {
        self.env.get_value()
    }

    /// Locale formatting.
    pub fn fmt(&self) -> Arc<Formatter> {
        self.fmt.get_value()
    }

    /// Message `m` in the instance's words.
    pub fn say(&self, m: crate::core::messages::M) -> String {
        self.fmt().t(m)
    }

    /// Reads the validated settings.
    pub fn with_config<R>(&self, f: impl FnOnce(&Config) -> R) -> R {
        self.env.with_value(|e| f(&e.config))
    }

    /// How a group's key reads on screen: a workflow's display name (or its
    /// id), a trigger's label, a status's label.
    pub fn label(&self, group: GroupBy, key: &str) -> String {
        self.names.with_value(|n| {
            crate::core::labels::group_label(group, key, n, &self.fmt()).into_owned()
        })
    }

    /// The colour of a group in the current view: its key's own colour
    /// across periods, filters and views, unless a larger group in the view
    /// shows it (see [`crate::core::charts::ColourBook::assign`]); "Other"'s
    /// below the top groups.
    pub fn colour(&self, _group: GroupBy, key: &str) -> usize {
        self.colour_map.with(|m| {
            m.iter()
                .find(|(k, _)| k == key)
                .map_or(crate::core::charts::OTHER_COLOUR, |(_, c)| *c)
        })
    }

    /// A workflow's display name, or its id.
    pub fn workflow_name(&self, id: &str) -> String {
        self.label(GroupBy::Workflow, id)
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
    /// unmount: a debounced search may fire late.) From/To that no longer
    /// match the period's days make the period Custom.
    pub fn update_filters(&self, f: impl FnOnce(&mut Filters)) {
        if self.state.filters.try_update(f).is_some() {
            self.state.view_offset.try_set(0);
            if let Some(Some(view)) = self.period.try_get_untracked() {
                let (from, to) = view.period.keys();
                let same = self.state.filters.with_untracked(|f| {
                    f.from.as_deref() == Some(from.as_str()) && f.to.as_deref() == Some(to.as_str())
                });
                if !same {
                    self.state.period.try_set(Preset::Custom);
                }
            }
        }
    }

    /// Whether From/To are a period preset's days (then they are the
    /// period, not filters: not counted, not cleared by "Clear filters").
    pub fn days_are_period(&self) -> bool {
        self.state.period.get() != Preset::Custom
    }

    /// The filters the user set, the period's days left out (tracked).
    pub fn user_filters(&self) -> Filters {
        let period = self.days_are_period();
        self.state
            .filters
            .with(|f| if period { f.without_days() } else { f.clone() })
    }

    /// How many filters the user set (a period preset is not one).
    pub fn filter_count(&self) -> usize {
        self.user_filters().active_count()
    }

    /// "Clear filters": none active, and inputs emptied. A period preset
    /// stays, with its days.
    pub fn clear_filters(&self) {
        let keep_period = self.state.period.get_untracked() != Preset::Custom;
        self.update_filters(|f| {
            let days = (f.from.take(), f.to.take());
            *f = Filters::default();
            if keep_period {
                (f.from, f.to) = days;
            }
        });
        self.cleared.update(|n| *n += 1);
    }

    /// Chooses a period preset: its days fill From/To (Custom keeps them).
    pub fn set_period(&self, preset: Preset) {
        self.state.period.set(preset);
        if let Some(view) = self.period.get_untracked() {
            let (from, to) = view.period.keys();
            self.state.filters.update(|f| {
                f.from = Some(from);
                f.to = Some(to);
            });
            self.state.view_offset.set(0);
        }
    }

    /// "Compare with previous period".
    pub fn set_compare(&self, on: bool) {
        self.state.compare.set(on);
    }

    /// "Group by".
    pub fn set_group(&self, group: GroupBy) {
        self.state.node_types.set(false);
        self.state.group.set(group);
    }

    /// Group by "Node type" (the usage ledger's breakdown of the month).
    pub fn group_by_node_type(&self) {
        self.state.node_types.set(true);
    }

    /// The time chart's "Granularity".
    pub fn set_granularity(&self, granularity: Granularity) {
        self.state.granularity.set(granularity);
    }

    /// Filters to a group of the subtotals (a workflow, trigger or status),
    /// or clears that filter when it is the one set (a bar click).
    pub fn toggle_group(&self, key: &str) {
        match self.state.group.get_untracked() {
            GroupBy::Workflow => self.toggle_workflow(key),
            GroupBy::Trigger => self.update_filters(|f| {
                f.trigger = if f.trigger.as_deref() == Some(key) {
                    None
                } else {
                    Some(key.to_owned())
                }
            }),
            GroupBy::Status => self.update_filters(|f| {
                f.statuses = if f.statuses == [key] {
                    Vec::new()
                } else {
                    vec![key.to_owned()]
                }
            }),
        }
    }

    /// Whether the runs are filtered to exactly the group `key` of the
    /// current grouping (a bar's or a row's pressed state; tracked).
    pub fn is_filtered_to(&self, key: &str) -> bool {
        let group = self.state.group.get();
        self.state.filters.with(|f| match group {
            GroupBy::Workflow => f.workflow.as_deref() == Some(key),
            GroupBy::Trigger => f.trigger.as_deref() == Some(key),
            GroupBy::Status => f.statuses == [key],
        })
    }

    /// The day "Load all runs" may stop before: the From filter, or the
    /// first day of the period's comparison when that is earlier.
    fn load_from(&self) -> Option<String> {
        leptos::prelude::untrack(|| self.load_back_to())
    }

    /// The day "Load all runs" walks back to (tracked): the From date, or
    /// the start of the period's comparison when that is earlier.
    pub fn load_back_to(&self) -> Option<String> {
        let from = self.state.filters.with(|f| f.from.clone());
        match self.period.get().and_then(|v| v.previous) {
            Some(prev) => {
                let prev_from = crate::core::period::day_key(prev.from);
                Some(match from {
                    Some(f) if f < prev_from => f,
                    _ => prev_from,
                })
            }
            None => from,
        }
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
            Scope::Page => {
                let from = self.page_offset_untracked();
                // A server that applies a smaller limit than asked: its
                // pages are that wide, so none of its runs is skipped.
                let width = self
                    .state
                    .page
                    .with_untracked(|p| p.as_ref().filter(|p| p.offset == from).map(|p| p.width))
                    .map_or(size, |w| w.clamp(1, size));
                let to = step(from, width, forward);
                if to == self.state.offset.get_untracked() {
                    // The page that failed, asked for again.
                    self.retry();
                } else {
                    self.state.offset.set(to);
                }
            }
            Scope::All => self
                .state
                .view_offset
                .update(|o| *o = step(*o as u64, size, forward) as usize),
        }
    }

    /// The offset pages turn from (tracked): the page asked for, or, when
    /// asking for it failed, the page still on screen (its runs are what
    /// the pager shows).
    pub fn page_offset(&self) -> u64 {
        let state = self.state;
        let failed = state.error.with(Option::is_some) && !state.loading.get();
        let shown = state.page.with(|p| p.as_ref().map(|p| p.offset));
        match shown {
            Some(shown) if failed => shown,
            _ => state.offset.get(),
        }
    }

    fn page_offset_untracked(&self) -> u64 {
        leptos::prelude::untrack(|| self.page_offset())
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

    /// Says what a sort button did: `column` now sorts `descending`
    /// (`None`: no longer sorts), as the first key or a `further` one.
    pub fn say_sorted(&self, column: &str, descending: Option<bool>, further: bool) {
        let said = crate::core::sentences::sorted_by(column, descending, further, &self.fmt());
        self.sort_said.set(said);
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
        load_all::start_load_all(self.state, self.env(), self.load_from());
    }

    /// "Continue loading" after a walk stopped on an error.
    pub fn continue_loading(&self) {
        load_all::continue_load_all(self.state, self.env(), self.load_from());
    }

    /// "Cancel" the walk in progress.
    pub fn cancel_loading(&self) {
        load_all::cancel_load_all(&self.env());
    }

    /// "Refresh".
    pub fn refresh(&self) {
        refresher::refresh(self.state, self.env(), true);
    }

    /// "Cancel refresh".
    pub fn cancel_refresh(&self) {
        refresher::cancel_refresh(self.state, &self.env());
    }
}

/// The runs in scope: the page on screen, or all loaded runs.
fn scope_set_memo(state: TableState) -> Derived<Option<Shared<Loaded>>> {
    Derived::new(move || match state.scope.get() {
        Scope::Page => state.page.with(|p| p.as_ref().map(|p| p.loaded.clone())),
        Scope::All => state.all.get(),
    })
}

/// The chosen preset's period, its clock and its coverage, in one memo:
/// they change together, and the clock is read once.
fn period_memo(
    state: TableState,
    scope_set: Derived<Option<Shared<Loaded>>>,
    now_option: Option<i64>,
    clock_fmt: Arc<Formatter>,
) -> Derived<Option<PeriodView>> {
    Derived::new(move || {
        let preset = state.period.get();
        if preset == Preset::Custom {
            return None; // no clock reading (up to 104 Intl calls) for nothing
        }
        let now = now_option.unwrap_or_else(|| js_sys::Date::now() as i64);
        let (today, into_today) = crate::core::period::clock(now, |ms| {
            crate::core::period::parse(&clock_fmt.day_key(ms)).unwrap_or_default()
        });
        let p = range(preset, today)?;
        let previous = state.compare.get().then(|| previous(preset, p));
        let previous_until = previous
            .and_then(|pp| crate::core::period::previous_cut(p, pp, today))
            .map(|day| {
                let start = crate::core::period::day_start(day, |ms| {
                    crate::core::period::parse(&clock_fmt.day_key(ms)).unwrap_or_default()
                });
                (day, start + into_today)
            });
        let (from_head, complete) = match state.scope.get() {
            Scope::All => (true, state.load_all.with(|l| l.complete)),
            // No page (none answered yet, or it failed): nothing is
            // loaded, which is not "a later page".
            Scope::Page => state.page.with(|p| {
                p.as_ref().map_or((true, false), |p| {
                    (p.offset == 0, p.offset == 0 && !p.has_more)
                })
            }),
        };
        let oldest = scope_set.with(|s| {
            s.as_ref().and_then(|l| {
                l.set
                    .day_names
                    .iter()
                    .filter_map(|d| crate::core::period::parse(d))
                    .min()
            })
        });
        Some(PeriodView {
            preset,
            period: p,
            previous,
            today,
            into_today,
            cover: cover(from_head, complete, oldest, p.from),
            previous_cover: previous.map(|pp| cover(from_head, complete, oldest, pp.from)),
            previous_until,
            cut_ms: now_option.filter(|_| p.contains(today)),
            list_begins: (from_head && complete).then_some(oldest).flatten(),
            list_begins_ms: (from_head && complete)
                .then(|| scope_set.with(|s| s.as_ref().and_then(|l| l.set.first_start())))
                .flatten(),
            span: p.contains(today).then(|| {
                let start_of = |day| {
                    crate::core::period::day_start(day, |ms| {
                        crate::core::period::parse(&clock_fmt.day_key(ms)).unwrap_or_default()
                    })
                };
                Span {
                    start: start_of(p.from),
                    now: start_of(today) + into_today,
                    end: start_of(p.to + 1),
                }
            }),
        })
    })
}

/// The filtered runs, the facet counts and the subtotals (in the grouping
/// chosen, read untracked: a new grouping sums the kept runs again, in
/// [`subtotals_memo`], without filtering them again), from one pass over
/// the runs in scope (`filter_and_sum`); an open period as of a fixed
/// `now` ends there.
fn pass_memo(
    env: Stored<Rc<Env>>,
    state: TableState,
    scope_set: Derived<Option<Shared<Loaded>>>,
    period: Derived<Option<PeriodView>>,
    names: Stored<Arc<Names>>,
    per_cu: Option<crate::core::cu::PricePerCu>,
) -> Derived<Shared<Pass>> {
    Derived::new(move || {
        let cut = period.with(|v| v.and_then(|v| v.cut_ms));
        let group = state.group.get_untracked();
        let (swept, days) = scope_set.with(|s| {
            s.as_ref()
                .map(|l| {
                    names.with_value(|n| {
                        state.filters.with(|f| {
                            let f = Filters {
                                until_ms: cut.or(f.until_ms),
                                ..f.clone()
                            };
                            let basis = Filters {
                                statuses: Vec::new(),
                                ..f.clone()
                            };
                            env.with_value(|env| {
                                let ready = env.ready_pass.borrow_mut().take().filter(|r| {
                                    r.serial == l.serial && r.filters == f && r.group == group
                                });
                                let mut last = env.status_counts.borrow_mut();
                                let mut swept = match ready {
                                    Some(ready) => ready.result,
                                    None => {
                                        let known = last
                                            .as_ref()
                                            .filter(|(serial, b, _)| {
                                                *serial == l.serial && *b == basis
                                            })
                                            .map(|(_, _, c)| c.as_slice());
                                        filter_and_sum(&l.set, &f, n, per_cu, group, known)
                                    }
                                };
                                let by_status = std::mem::take(&mut swept.by_status);
                                *last = Some((l.serial, basis, by_status));
                                let days = crate::core::period::days_of(&l.set, &swept.day_cu);
                                (swept, days)
                            })
                        })
                    })
                })
                .unwrap_or_default()
        });
        Shared::new(Pass {
            filtered: Shared::new(swept.kept),
            facets: Shared::new(swept.counts),
            subtotals: Shared::new(swept.subtotals),
            days: Shared::new(days),
            group,
        })
    })
}

/// The filtered runs in the sort order. Every run in scope is kept in the
/// sort order while only the filters change (empty without sort keys); a
/// filter change then keeps the filtered runs of that order in one pass
/// instead of sorting again.
fn sorted_memo(
    state: TableState,
    scope_set: Derived<Option<Shared<Loaded>>>,
    filtered: Derived<Shared<Vec<usize>>>,
) -> Derived<Shared<Vec<usize>>> {
    let order: Derived<Shared<Vec<usize>>> = Derived::new(move || {
        if state.sort.with(Vec::is_empty) {
            return Shared::default();
        }
        scope_set.with(|s| {
            let Some(l) = s else {
                return Shared::default();
            };
            let mut idx: Vec<usize> = (0..l.set.len()).collect();
            state.sort.with(|keys| sort_indices(&l.set, &mut idx, keys));
            Shared::new(idx)
        })
    });
    Derived::new(move || {
        // No sort: the filtered order itself (no copy of up to a million
        // indices on every filter change).
        if state.sort.with(Vec::is_empty) {
            return filtered.get();
        }
        order.with(|o| filtered.with(|f| Shared::new(restrict(o, f))))
    })
}

/// The rows on screen: the page, or one page of the sorted loaded runs.
fn visible_memo(
    state: TableState,
    sorted: Derived<Shared<Vec<usize>>>,
) -> Derived<Shared<Vec<usize>>> {
    Derived::new(move || match state.scope.get() {
        Scope::Page => sorted.get(),
        Scope::All => {
            let (from, len) = (state.view_offset.get(), state.limit.get() as usize);
            sorted.with(|s| Shared::new(s.iter().skip(from).take(len).copied().collect()))
        }
    })
}

/// Per-group subtotals and the grand total of the filtered runs: the
/// filter pass's, or the kept runs summed again when the grouping changed
/// since.
fn subtotals_memo(
    state: TableState,
    scope_set: Derived<Option<Shared<Loaded>>>,
    pass: Derived<Shared<Pass>>,
    per_cu: Option<crate::core::cu::PricePerCu>,
) -> Derived<Shared<Subtotals>> {
    Derived::new(move || {
        let group = state.group.get();
        let p = pass.get();
        if p.group == group {
            return p.subtotals.clone();
        }
        scope_set.with(|s| {
            Shared::new(
                s.as_ref()
                    .map(|l| compute_set(&l.set, &p.filtered, per_cu, group))
                    .unwrap_or_default(),
            )
        })
    })
}

/// The previous period's subtotals, when comparing: the same elapsed part
/// of it (its days up to today's counterpart, and on that day only the runs
/// started before the same time of day).
fn previous_memo(
    state: TableState,
    scope_set: Derived<Option<Shared<Loaded>>>,
    period: Derived<Option<PeriodView>>,
    names: Stored<Arc<Names>>,
    per_cu: Option<crate::core::cu::PricePerCu>,
) -> Derived<Shared<Option<Previous>>> {
    Derived::new(move || {
        let Some(view) = period.get() else {
            return Shared::new(None);
        };
        let Some(prev) = view.previous else {
            return Shared::new(None);
        };
        // A previous period wholly before the list has no figure to compare.
        let loaded =
            view.previous_cover == Some(Cover::Full) && view.previous_held() != Held::Nothing;
        // The same elapsed part of the previous period: its days up to
        // today's counterpart, and on that day only the runs started
        // before the same time of day.
        let until = view.previous_until;
        let (from, to) = match until {
            Some((day, _)) => (
                crate::core::period::day_key(prev.from),
                crate::core::period::day_key(day),
            ),
            None => prev.keys(),
        };
        Shared::new(scope_set.with(|s| {
            s.as_ref().map(|l| {
                let subtotals = state.filters.with(|f| {
                    let f = Filters {
                        from: Some(from),
                        to: Some(to),
                        until_ms: until.map(|(_, ms)| ms),
                        ..f.clone()
                    };
                    let group = state.group.get();
                    filter_and_sum(&l.set, &f, &names.get_value(), per_cu, group, None).subtotals
                });
                Previous { subtotals, loaded }
            })
        }))
    })
}

/// The colours of the top groups in scope, largest first, from the
/// instance's colour book (one per grouping).
fn colour_map_memo(
    state: TableState,
    subtotals: Derived<Shared<Subtotals>>,
) -> Derived<Shared<Vec<(String, usize)>>> {
    let books: Stored<std::cell::RefCell<[crate::core::charts::ColourBook; 3]>> =
        Stored::new(Default::default());
    Derived::new(move || {
        let book = match state.group.get() {
            GroupBy::Workflow => 0,
            GroupBy::Trigger => 1,
            GroupBy::Status => 2,
        };
        subtotals.with(|s| {
            let keys: Vec<&str> = s
                .rows
                .iter()
                .take(crate::core::charts::TOP_BARS)
                .map(|r| r.key.as_str())
                .collect();
            let colours = books.with_value(|b| b.borrow_mut()[book].assign(&keys));
            Shared::new(keys.iter().map(|k| (*k).to_owned()).zip(colours).collect())
        })
    })
}

/// The offset one page forward or back (never below 0, never overflowing).
pub fn step(offset: u64, size: u64, forward: bool) -> u64 {
    if forward {
        offset.saturating_add(size)
    } else {
        offset.saturating_sub(size)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn paging_steps_stay_in_range() {
        assert_eq!(super::step(40, 20, true), 60);
        assert_eq!(super::step(10, 20, false), 0);
        assert_eq!(super::step(u64::MAX - 5, 20, true), u64::MAX);
    }
}
