//! Filters over stored facts, as used by `frontline facts`.

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
        let same = |wanted: &Option<String>, actual: Option<&str>| match wanted {
            None => true,
            Some(wanted) => actual.is_some_and(|a| a.eq_ignore_ascii_case(wanted)),
        };
        (self.include_superseded || !stored.superseded)
            && same(&self.metric, Some(&fact.metric))
            && same(&self.actor, fact.actor.as_deref())
            && same(&self.region, fact.region.as_deref())
            && self
                .from
                .is_none_or(|from| fact.period_start.is_some_and(|start| start >= from))
            && self
                .to
                .is_none_or(|to| fact.period_end.is_some_and(|end| end <= to))
            && self
                .source_contains
                .as_ref()
                .is_none_or(|needle| fact.source.to_lowercase().contains(&needle.to_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::{Fact, Period, Qualifier};

    fn stored(metric: &str, actor: Option<&str>, period: Option<Period>) -> StoredFact {
        let mut fact = Fact {
            doc_id: "d".into(),
            source: "News/Kyiv-Independent.txt".into(),
            doc_date: None,
            metric: metric.into(),
            actor: actor.map(str::to_string),
            region: None,
            value: 1.0,
            unit: "km2".into(),
            value_low: None,
            value_high: None,
            qualifier: Qualifier::Exact,
            period: None,
            period_start: None,
            period_end: None,
            change_pct: None,
            note: None,
            sentence: "s".into(),
            start: 0,
            end: 1,
            original_text: "1".into(),
        };
        fact.set_period(period);
        StoredFact {
            fact,
            ingested_at: chrono::Utc::now(),
            superseded: false,
        }
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
