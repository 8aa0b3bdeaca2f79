//! What a read of the facts table returns: which facts ([`FactQuery`], the
//! filters of `frontline facts`) and which of their fields ([`FactFields`]).

use chrono::NaiveDate;

use crate::fact::StoredFact;

/// Which facts to return. Text filters ignore case; `metric`, `actor` and
/// `region` must match whole, `source` anywhere in the source.
#[derive(Debug, Clone, Default)]
pub struct FactQuery {
    pub metric: Option<String>,
    pub actor: Option<String>,
    pub region: Option<String>,
    /// Keep facts whose period starts on or after this day.
    pub from: Option<NaiveDate>,
    /// Keep facts whose period ends on or before this day.
    pub to: Option<NaiveDate>,
    pub source_contains: Option<String>,
    pub include_superseded: bool,
}

impl FactQuery {
    /// Every fact, superseded ones included.
    pub fn everything() -> FactQuery {
        FactQuery {
            include_superseded: true,
            ..FactQuery::default()
        }
    }

    pub fn matches(&self, stored: &StoredFact) -> bool {
        let fact = &stored.fact;
        self.matches_fields(&FilteredFields {
            metric: &fact.metric,
            actor: fact.actor.as_deref(),
            region: fact.region.as_deref(),
            period_start: fact.period_start,
            period_end: fact.period_end,
            source: &fact.source,
            superseded: stored.superseded,
        })
    }

    /// True when the query looks at more than the superseded flag.
    pub(crate) fn filters_fields(&self) -> bool {
        self.metric.is_some()
            || self.actor.is_some()
            || self.region.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || self.source_contains.is_some()
    }

    /// [`FactQuery::matches`] on borrowed fields, so a read can choose its
    /// rows before it builds (and allocates) their facts.
    pub(crate) fn matches_fields(&self, fields: &FilteredFields) -> bool {
        let same = |wanted: &Option<String>, actual: Option<&str>| match wanted {
            None => true,
            Some(wanted) => actual.is_some_and(|a| a.eq_ignore_ascii_case(wanted)),
        };
        (self.include_superseded || !fields.superseded)
            && same(&self.metric, Some(fields.metric))
            && same(&self.actor, fields.actor)
            && same(&self.region, fields.region)
            && self
                .from
                .is_none_or(|from| fields.period_start.is_some_and(|start| start >= from))
            && self
                .to
                .is_none_or(|to| fields.period_end.is_some_and(|end| end <= to))
            && self.source_contains.as_ref().is_none_or(|needle| {
                fields
                    .source
                    .to_lowercase()
                    .contains(&needle.to_lowercase())
            })
    }
}

/// The fields of a stored fact that [`FactQuery`] looks at.
pub(crate) struct FilteredFields<'a> {
    pub metric: &'a str,
    pub actor: Option<&'a str>,
    pub region: Option<&'a str>,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub source: &'a str,
    pub superseded: bool,
}

/// Which fields of each fact a read decodes.
///
/// Decoding is most of the cost of reading the store, and most of it is the
/// provenance text (`sentence`, `original_text`) that the monthly report never
/// shows; [`FactFields::Report`] skips it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FactFields {
    /// Every field: what `frontline facts` and the long export show.
    #[default]
    All,
    /// Only what the monthly series, summary, charts and the wide and series
    /// exports read: `doc_id`, `source`, `doc_date`, `metric`, `actor`,
    /// `region`, `value`, `unit`, `period_start`, `period_end`, `change_pct`
    /// (and `ingested_at`). The other fields are left empty: `None`, `""`,
    /// `0`, and [`Qualifier::Exact`](crate::fact::Qualifier::Exact).
    Report,
}

impl FactFields {
    /// The fact fields this selection fills in, in table order.
    pub fn fact_columns(self) -> &'static [&'static str] {
        match self {
            FactFields::All => crate::output::FACT_COLUMNS,
            FactFields::Report => REPORT_COLUMNS,
        }
    }
}

/// The fact fields [`FactFields::Report`] decodes.
const REPORT_COLUMNS: &[&str] = &[
    "doc_id",
    "source",
    "doc_date",
    "metric",
    "actor",
    "region",
    "value",
    "unit",
    "period_start",
    "period_end",
    "change_pct",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::{stored_fact_for_tests, Period};

    fn stored(metric: &str, actor: Option<&str>, period: Option<Period>) -> StoredFact {
        let mut stored = stored_fact_for_tests(period);
        stored.fact.metric = metric.into();
        stored.fact.actor = actor.map(str::to_string);
        stored
    }

    #[test]
    fn filters_combine() {
        let november = Period::month(2025, 11);
        let fact = stored("territory_gained", Some("russia"), november);
        let month = |y, m| Period::month(y, m).unwrap();
        let query = |f: &dyn Fn(&mut FactQuery)| {
            let mut q = FactQuery::default();
            f(&mut q);
            q.matches(&fact)
        };
        assert!(query(&|_| {}));
        assert!(query(&|q| q.actor = Some("Russia".into())));
        assert!(!query(&|q| q.actor = Some("ukraine".into())));
        assert!(!query(&|q| q.region = Some("donetsk".into())));
        assert!(query(&|q| q.source_contains = Some("kyiv-indep".into())));
        assert!(query(&|q| q.from = Some(month(2025, 11).start)));
        assert!(!query(&|q| q.from = Some(month(2025, 12).start)));
        assert!(query(&|q| q.to = Some(month(2025, 11).end)));
        assert!(!query(&|q| q.to = Some(month(2025, 10).end)));

        let undated = stored("territory_gained", None, None);
        let q = FactQuery {
            from: Some(month(2025, 1).start),
            ..FactQuery::default()
        };
        assert!(!q.matches(&undated));

        let mut old = stored("territory_gained", None, november);
        old.superseded = true;
        assert!(!FactQuery::default().matches(&old));
        assert!(FactQuery::everything().matches(&old));
    }
}
