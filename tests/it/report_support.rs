//! Hand-made stores for the report and export tests: a fact builder and a
//! realistic set of monthly figures (the published numbers of
//! `shared/reference-data`, with their real disagreements).
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use frontline::fact::{Fact, Period, Qualifier, StoredFact};

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

pub fn month(text: &str) -> Period {
    let (y, m) = text.split_once('-').expect("YYYY-MM");
    Period::month(y.parse().unwrap(), m.parse().unwrap()).expect("test month")
}

pub fn span(start: &str, end: &str) -> Period {
    Period::new(date(start), date(end))
}

/// A fact builder: `F::new("territory_gained", 701.0, month("2025-11")).published("2025-12-01")`.
#[derive(Clone)]
pub struct F(pub StoredFact);

impl F {
    pub fn new(metric: &str, value: f64, period: Period) -> F {
        let unit = match metric {
            m if m.starts_with("territory_controlled_pct") => "percent",
            m if m.starts_with("territory") => "km2",
            _ => "count",
        };
        let mut fact = Fact {
            doc_id: "doc".to_string(),
            source: "test".to_string(),
            doc_date: None,
            metric: metric.to_string(),
            actor: Some("Russia".to_string()),
            region: None,
            value,
            unit: unit.to_string(),
            value_low: None,
            value_high: None,
            qualifier: Qualifier::Exact,
            period: None,
            period_start: None,
            period_end: None,
            change_pct: None,
            note: None,
            sentence: format!("A sentence about {value}."),
            start: 0,
            end: 3,
            original_text: value.to_string(),
        };
        fact.set_period(Some(period));
        F(StoredFact {
            fact,
            ingested_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            superseded: false,
        })
    }

    /// Publication date; also names the document `doc-<date>` unless named.
    pub fn published(mut self, day: &str) -> F {
        self.0.fact.doc_date = Some(date(day));
        if self.0.fact.doc_id == "doc" {
            self.0.fact.doc_id = format!("doc-{day}");
            self.0.fact.source = format!("data/sample/{day}.txt");
        }
        self
    }

    pub fn doc(mut self, id: &str) -> F {
        self.0.fact.doc_id = id.to_string();
        self.0.fact.source = format!("data/sample/{id}.txt");
        self
    }

    pub fn actor(mut self, actor: Option<&str>) -> F {
        self.0.fact.actor = actor.map(str::to_string);
        self
    }

    pub fn region(mut self, region: &str) -> F {
        self.0.fact.region = Some(region.to_string());
        self
    }

    pub fn change(mut self, pct: f64) -> F {
        self.0.fact.change_pct = Some(pct);
        self
    }

    pub fn ingested(mut self, at: DateTime<Utc>) -> F {
        self.0.ingested_at = at;
        self
    }

    pub fn superseded(mut self) -> F {
        self.0.superseded = true;
        self
    }

    pub fn sentence(mut self, sentence: &str) -> F {
        self.0.fact.sentence = sentence.to_string();
        self
    }

    pub fn done(self) -> StoredFact {
        self.0
    }
}

pub fn facts(list: impl IntoIterator<Item = F>) -> Vec<StoredFact> {
    list.into_iter().map(F::done).collect()
}

/// The first day of the month after `period_month` (`YYYY-MM`): when monthly
/// figures are usually published.
fn next_month_start(period_month: &str) -> String {
    let p = month(period_month);
    let next = p.end.succ_opt().unwrap();
    next.format("%Y-%m-%d").to_string()
}

/// A realistic store: territory gained from March 2024 to November 2025 with
/// the reference data's revisions and disagreements, launches from May 2025,
/// the share of Ukraine held, and regional figures for November 2025.
pub fn realistic() -> Vec<StoredFact> {
    let mut list = Vec::new();
    let territory = [
        ("2024-03", 50.0),
        ("2024-04", 111.0),
        ("2024-05", 449.0),
        ("2024-06", 129.0),
        ("2024-07", 201.0),
        ("2024-08", 477.0),
        ("2024-09", 459.0),
        ("2024-10", 610.0),
        ("2024-11", 725.0),
        ("2024-12", 476.0),
        ("2025-01", 431.0),
        ("2025-02", 389.0),
        ("2025-03", 240.0),
        ("2025-04", 379.0),
        ("2025-05", 507.0),
        ("2025-06", 588.0),
        ("2025-07", 634.0),
        ("2025-08", 594.0),
        ("2025-09", 447.0),
        ("2025-10", 461.0),
        ("2025-11", 701.0),
    ];
    for (m, km2) in territory {
        list.push(F::new("territory_gained", km2, month(m)).published(&next_month_start(m)));
    }
    // Methods differ: DeepState's June figure, published later.
    list.push(
        F::new("territory_gained", 556.0, month("2025-06"))
            .published("2025-07-02")
            .doc("deepstate-2025-07-02"),
    );
    // A rounded restatement of August 2024 in a year-end article.
    list.push(
        F::new("territory_gained", 400.0, month("2024-08"))
            .published("2024-12-31")
            .doc("year-end-2024-12-31"),
    );
    // An early partial count of October 2024 (1–27 October): not a monthly value.
    list.push(
        F::new("territory_gained", 478.0, span("2024-10-01", "2024-10-27")).published("2024-10-28"),
    );

    let launches = [
        ("2025-05", Some(3974.0), None),
        ("2025-06", Some(5438.0), Some(239.0)),
        ("2025-07", Some(6297.0), Some(198.0)),
        ("2025-08", Some(4132.0), Some(156.0)),
        ("2025-09", Some(5638.0), Some(185.0)),
        ("2025-10", Some(5298.0), Some(270.0)),
        ("2025-11", Some(5445.0), Some(215.0)),
    ];
    for (m, drones, missiles) in launches {
        let published = next_month_start(m);
        if let Some(d) = drones {
            list.push(F::new("drones_launched", d, month(m)).published(&published));
        }
        if let Some(mi) = missiles {
            list.push(F::new("missiles_launched", mi, month(m)).published(&published));
        }
    }
    list.push(
        F::new("drones_and_missiles_launched", 5660.0, month("2025-11"))
            .published("2025-12-01")
            .change(2.0),
    );
    list.push(
        F::new("drones_and_missiles_launched", 5600.0, month("2025-11"))
            .published("2025-12-02")
            .doc("conflicting-reports-2025-12-02")
            .change(2.0),
    );

    for (m, pct) in [
        ("2024-07", 18.0),
        ("2024-10", 18.2),
        ("2024-11", 18.4),
        ("2025-09", 19.0),
        ("2025-10", 19.2),
        ("2025-11", 19.3),
    ] {
        list.push(
            F::new("territory_controlled_pct", pct, month(m)).published(&next_month_start(m)),
        );
    }
    for (region, km2) in [("Zaporizhzhia", 272.0), ("Donetsk", 130.0)] {
        list.push(
            F::new("territory_gained", km2, month("2025-11"))
                .region(region)
                .published("2025-12-01"),
        );
    }
    list.push(
        F::new("territory_gained", 3985.0, Period::year(2024).unwrap()).published("2024-12-31"),
    );
    facts(list)
}
