//! Which columns the runs table shows, and in which order: the `columns`
//! option, the "Columns" menu and the `cols` URL key all go through here.
//! (Columns that do not fit the component's width move into each row's
//! details by CSS container queries; that is layout, not this choice.)

/// A sortable column of the runs table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Run id.
    Run,
    /// Workflow id.
    Workflow,
    /// Status label.
    Status,
    /// Trigger source.
    Trigger,
    /// Start time.
    Started,
    /// Finish time.
    Finished,
    /// Run time.
    Duration,
    /// Compute units.
    Cu,
    /// Cost (ordered as CU: cost is CU times one price).
    Cost,
}

impl Column {
    /// The key used by the `columns` option and the URL.
    pub fn key(self) -> &'static str {
        match self {
            Column::Run => "run",
            Column::Workflow => "workflow",
            Column::Status => "status",
            Column::Trigger => "trigger",
            Column::Started => "started",
            Column::Finished => "finished",
            Column::Duration => "duration",
            Column::Cu => "cu",
            Column::Cost => "cost",
        }
    }

    /// The column for a key.
    pub fn from_key(key: &str) -> Option<Column> {
        ALL_WITH_COST.into_iter().find(|c| c.key() == key)
    }
}

/// Every column, Cost included, in table order.
pub const ALL_WITH_COST: [Column; 9] = [
    Column::Run,
    Column::Workflow,
    Column::Status,
    Column::Trigger,
    Column::Started,
    Column::Finished,
    Column::Duration,
    Column::Cu,
    Column::Cost,
];

/// The columns that exist: Cost only with a price.
pub fn available(has_price: bool) -> Vec<Column> {
    ALL_WITH_COST
        .into_iter()
        .filter(|c| has_price || *c != Column::Cost)
        .collect()
}

/// Parses a list of keys (the `columns` option), naming the problem.
pub fn parse(keys: &[String], has_price: bool) -> Result<Vec<Column>, String> {
    let mut out = Vec::new();
    for key in keys {
        let column = Column::from_key(key).ok_or_else(|| {
            format!(
                "columns: unknown column {key:?} (use {})",
                ALL_WITH_COST.map(|c| c.key().to_owned()).join(", ")
            )
        })?;
        if column == Column::Cost && !has_price {
            return Err("columns: cost needs pricePerCu".to_owned());
        }
        if out.contains(&column) {
            return Err(format!("columns: {key:?} is listed twice"));
        }
        out.push(column);
    }
    if out.is_empty() {
        return Err("columns must list at least one column".to_owned());
    }
    Ok(out)
}

/// The `cols` URL value: keys joined by commas.
pub fn to_url(columns: &[Column]) -> String {
    columns
        .iter()
        .map(|c| c.key().to_owned())
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads a `cols` URL value; `None` when it is not a valid list.
pub fn from_url(value: &str, has_price: bool) -> Option<Vec<Column>> {
    let keys: Vec<String> = value.split(',').map(str::to_owned).collect();
    parse(&keys, has_price).ok()
}

/// Shows or hides `column`. A shown column comes back at its place in table
/// order among the ones shown; the last shown column cannot be hidden.
pub fn toggle(current: &[Column], column: Column) -> Vec<Column> {
    if let Some(i) = current.iter().position(|c| *c == column) {
        if current.len() == 1 {
            return current.to_vec();
        }
        let mut out = current.to_vec();
        out.remove(i);
        return out;
    }
    let rank = |c: &Column| ALL_WITH_COST.iter().position(|x| x == c);
    let at = current
        .iter()
        .position(|c| rank(c) > rank(&column))
        .unwrap_or(current.len());
    let mut out = current.to_vec();
    out.insert(at, column);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(columns: &[Column]) -> String {
        to_url(columns)
    }

    #[test]
    fn options_parse_and_name_the_problem() {
        let k = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            keys(&parse(&k(&["cu", "run", "status"]), false).unwrap()),
            "cu,run,status"
        );
        assert_eq!(
            parse(&k(&["run", "price"]), true).unwrap_err(),
            "columns: unknown column \"price\" (use run, workflow, status, trigger, started, finished, duration, cu, cost)"
        );
        assert_eq!(
            parse(&k(&["cost"]), false).unwrap_err(),
            "columns: cost needs pricePerCu"
        );
        assert_eq!(
            parse(&k(&["run", "run"]), false).unwrap_err(),
            "columns: \"run\" is listed twice"
        );
        assert_eq!(
            parse(&[], false).unwrap_err(),
            "columns must list at least one column"
        );
        assert_eq!(
            from_url("run,cu", false).map(|c| keys(&c)).as_deref(),
            Some("run,cu")
        );
        assert_eq!(from_url("run,nope", false), None);
        assert_eq!(from_url("", false), None);
    }

    #[test]
    fn toggling_keeps_table_order_and_one_column() {
        let all = available(true);
        let without = toggle(&all, Column::Trigger);
        assert_eq!(
            keys(&without),
            "run,workflow,status,started,finished,duration,cu,cost"
        );
        assert_eq!(toggle(&without, Column::Trigger), all);
        // A custom order keeps its order; a column comes back before the
        // first shown column that follows it in table order.
        let custom = vec![Column::Cu, Column::Run];
        assert_eq!(keys(&toggle(&custom, Column::Workflow)), "workflow,cu,run");
        assert_eq!(keys(&toggle(&[Column::Cu], Column::Run)), "run,cu");
        assert_eq!(toggle(&[Column::Cu], Column::Cu), vec![Column::Cu]);
        assert_eq!(
            keys(&available(false)),
            "run,workflow,status,trigger,started,finished,duration,cu"
        );
    }
}
