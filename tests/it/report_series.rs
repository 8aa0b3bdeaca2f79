//! The series arithmetic on small hand-made stores: consolidation policies,
//! conflicts, day sums, derived values, sums of parts, MoM, YoY, rank, checks.

use crate::report_support::{date, facts, month, realistic, span, F};
use chrono::{TimeZone, Utc};
use frontline::fact::Period;
use frontline::report::{Basis, Month, MonthSummary, Monthly, Policy, Record};

fn m(text: &str) -> Month {
    Month::parse(text).unwrap()
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-6
}

#[test]
fn month_on_month_and_year_on_year_changes() {
    let stored = facts([
        F::new("territory_gained", 725.0, month("2024-11")).published("2024-12-02"),
        F::new("territory_gained", 461.0, month("2025-10")).published("2025-11-03"),
        F::new("territory_gained", 701.0, month("2025-11")).published("2025-12-01"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let series = monthly
        .find("territory_gained", Some("Russia"), None)
        .unwrap();
    let november = series.get(m("2025-11")).unwrap();
    let mom = november.mom.unwrap();
    assert!(close(mom.absolute, 240.0));
    assert!(close(mom.percent.unwrap(), (701.0 / 461.0 - 1.0) * 100.0));
    let yoy = november.yoy.unwrap();
    assert!(close(yoy.absolute, -24.0));
    assert!(close(yoy.percent.unwrap(), (701.0 / 725.0 - 1.0) * 100.0));
    // October 2025 has no September before it, nor an October 2024.
    let october = series.get(m("2025-10")).unwrap();
    assert_eq!(october.mom, None);
    assert_eq!(october.yoy, None);
}

#[test]
fn a_gap_month_leaves_month_on_month_unknown() {
    let stored = facts([
        F::new("territory_gained", 447.0, month("2025-09")).published("2025-10-01"),
        F::new("territory_gained", 701.0, month("2025-11")).published("2025-12-01"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let series = monthly
        .find("territory_gained", Some("Russia"), None)
        .unwrap();
    assert_eq!(series.get(m("2025-11")).unwrap().mom, None);
    assert_eq!(series.get(m("2025-10")).map(|v| v.value), None);
}

#[test]
fn rank_and_record_against_the_history() {
    let values = [
        ("2024-10", 610.0),
        ("2024-11", 725.0),
        ("2024-12", 476.0),
        ("2025-01", 431.0),
        ("2025-02", 389.0),
        ("2025-03", 240.0),
        ("2025-04", 379.0),
        ("2025-05", 701.0),
        ("2025-06", 800.0),
    ];
    let stored = facts(
        values
            .iter()
            .map(|(p, v)| F::new("territory_gained", *v, month(p)).published("2025-07-01")),
    );
    let monthly = Monthly::build(&stored, Policy::Latest);
    let series = monthly
        .find("territory_gained", Some("Russia"), None)
        .unwrap();
    let at = |p: &str| series.get(m(p)).unwrap();

    assert_eq!(at("2024-10").record, None, "the first month has no history");
    assert_eq!(at("2024-11").record, Some(Record::LargestOnRecord));
    assert_eq!(at("2025-03").record, Some(Record::SmallestOnRecord));
    assert_eq!(at("2025-02").record, Some(Record::SmallestOnRecord));
    assert_eq!(
        at("2025-04").record,
        Some(Record::LargestSince(m("2025-02")))
    );
    // 701 is beaten only by 725: "largest since 2024-11".
    assert_eq!(
        at("2025-05").record,
        Some(Record::LargestSince(m("2024-11")))
    );
    assert_eq!(
        at("2025-05").record.unwrap().to_string(),
        "largest since 2024-11"
    );
    assert_eq!((at("2025-05").rank, at("2025-05").ranked_months), (2, 8));
    assert_eq!(at("2025-06").record, Some(Record::LargestOnRecord));
    assert_eq!((at("2025-06").rank, at("2025-06").ranked_months), (1, 9));
}

#[test]
fn smallest_since_names_the_last_smaller_month() {
    let stored = facts(
        [
            ("2025-01", 300.0),
            ("2025-02", 500.0),
            ("2025-03", 600.0),
            ("2025-04", 400.0),
        ]
        .iter()
        .map(|(p, v)| F::new("territory_gained", *v, month(p)).published("2025-05-01")),
    );
    let monthly = Monthly::build(&stored, Policy::Latest);
    let april = monthly.series[0].get(m("2025-04")).unwrap();
    assert_eq!(april.record, Some(Record::SmallestSince(m("2025-01"))));
    assert_eq!(april.record.unwrap().to_string(), "smallest since 2025-01");
}

fn june_claims() -> Vec<frontline::fact::StoredFact> {
    facts([
        F::new("territory_gained", 600.0, month("2025-06")).published("2025-06-30"),
        F::new("territory_gained", 588.0, month("2025-06")).published("2025-07-01"),
        F::new("territory_gained", 556.0, month("2025-06")).published("2025-07-02"),
    ])
}

#[test]
fn each_policy_consolidates_the_same_claims_differently() {
    let stored = june_claims();
    let value = |policy| {
        let monthly = Monthly::build(&stored, policy);
        let series = monthly
            .find("territory_gained", Some("Russia"), None)
            .unwrap();
        let june = series.get(m("2025-06")).unwrap().clone();
        (
            june.value,
            june.claims.len(),
            june.min,
            june.max,
            june.conflict,
            june.basis,
        )
    };
    assert_eq!(
        value(Policy::Latest),
        (556.0, 3, 556.0, 600.0, true, Basis::Claimed)
    );
    assert_eq!(value(Policy::Max).0, 600.0);
    assert_eq!(value(Policy::Median).0, 588.0);
}

#[test]
fn median_of_an_even_number_of_claims_is_the_mean_of_the_middle_two() {
    let stored = facts([
        F::new("drones_launched", 100.0, month("2025-06")).published("2025-07-01"),
        F::new("drones_launched", 110.0, month("2025-06")).published("2025-07-02"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Median);
    assert_eq!(monthly.series[0].value(m("2025-06")), Some(105.0));
}

#[test]
fn latest_breaks_ties_by_ingestion_time_and_prefers_dated_claims() {
    let early = Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).unwrap();
    let late = Utc.with_ymd_and_hms(2025, 12, 5, 0, 0, 0).unwrap();
    let stored = facts([
        F::new("territory_gained", 9999.0, month("2025-11")),
        F::new("territory_gained", 705.0, month("2025-11"))
            .published("2025-12-01")
            .ingested(late),
        F::new("territory_gained", 701.0, month("2025-11"))
            .published("2025-12-01")
            .ingested(early),
    ]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let november = monthly.series[0].get(m("2025-11")).unwrap();
    assert_eq!(november.value, 705.0);
    assert_eq!(november.chosen.unwrap().ingested_at, late);
}

#[test]
fn claims_within_five_percent_do_not_conflict() {
    let stored = facts([
        F::new("drones_and_missiles_launched", 5660.0, month("2025-11")).published("2025-12-01"),
        F::new("drones_and_missiles_launched", 5600.0, month("2025-11")).published("2025-12-02"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let november = monthly.series[0].get(m("2025-11")).unwrap();
    assert_eq!(november.value, 5600.0);
    assert!(!november.conflict);
    assert_eq!((november.min, november.max), (5600.0, 5660.0));
}

#[test]
fn superseded_facts_are_ignored() {
    let stored = facts([
        F::new("territory_gained", 478.0, month("2024-10")).superseded(),
        F::new("territory_gained", 610.0, month("2024-10")).published("2024-12-02"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Max);
    let october = monthly.series[0].get(m("2024-10")).unwrap();
    assert_eq!((october.value, october.claims.len()), (610.0, 1));
}

#[test]
fn a_reported_change_implies_the_previous_month_only_where_none_was_claimed() {
    let stored = facts([
        F::new("drones_and_missiles_launched", 5600.0, month("2025-11"))
            .published("2025-12-02")
            .change(2.0),
        F::new("territory_gained", 701.0, month("2025-11"))
            .published("2025-12-01")
            .change(52.0),
        F::new("territory_gained", 461.0, month("2025-10")).published("2025-11-03"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let launches = monthly
        .find("drones_and_missiles_launched", Some("Russia"), None)
        .unwrap();
    let october = launches.get(m("2025-10")).unwrap();
    assert_eq!(october.basis, Basis::Derived);
    assert!(close(october.value, 5600.0 / 1.02));
    assert_eq!(october.claims.len(), 1);
    assert_eq!(
        launches.months.len(),
        2,
        "nothing derived from a derived month"
    );

    let territory = monthly
        .find("territory_gained", Some("Russia"), None)
        .unwrap();
    assert_eq!(territory.get(m("2025-10")).unwrap().basis, Basis::Claimed);
    assert_eq!(territory.get(m("2025-10")).unwrap().value, 461.0);
}

#[test]
fn parts_add_up_to_the_combined_launches_and_reported_changes_are_checked() {
    let stored = facts([
        F::new("drones_launched", 5298.0, month("2025-10")).published("2025-11-01"),
        F::new("missiles_launched", 270.0, month("2025-10")).published("2025-11-01"),
        F::new("drones_and_missiles_launched", 5660.0, month("2025-11"))
            .published("2025-12-01")
            .change(2.0),
        F::new("drones_and_missiles_launched", 5600.0, month("2025-11"))
            .published("2025-12-02")
            .doc("conflicting-reports")
            .change(2.0),
    ]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let combined = monthly
        .find("drones_and_missiles_launched", Some("Russia"), None)
        .unwrap();
    let october = combined.get(m("2025-10")).unwrap();
    assert_eq!((october.value, october.basis), (5568.0, Basis::SumOfParts));
    assert_eq!(october.claims.len(), 2);

    assert_eq!(monthly.checks.len(), 2);
    let failed: Vec<_> = monthly.failed_checks().collect();
    assert_eq!(
        failed.len(),
        1,
        "+2% is right for 5,660 (+1.7%), wrong for 5,600 (+0.6%)"
    );
    assert_eq!(failed[0].fact.fact.doc_id, "conflicting-reports");
    assert!(close(
        failed[0].computed_pct,
        (5600.0 / 5568.0 - 1.0) * 100.0
    ));
    assert_eq!(failed[0].previous_basis, Basis::SumOfParts);
}

#[test]
fn a_check_needs_a_previous_month_that_is_not_itself_derived() {
    let stored = facts([F::new("drones_launched", 5445.0, month("2025-11"))
        .published("2025-12-01")
        .change(3.0)]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    assert!(monthly.checks.is_empty());
}

fn november_days(from: u32, to: u32, value: f64) -> Vec<F> {
    (from..=to)
        .map(|d| {
            let day = date(&format!("2025-11-{d:02}"));
            F::new("drones_launched", value, Period::day(day)).published("2025-12-01")
        })
        .collect()
}

#[test]
fn days_covering_the_whole_month_are_summed() {
    let stored = facts(november_days(1, 30, 180.0));
    let monthly = Monthly::build(&stored, Policy::Latest);
    let november = monthly.series[0].get(m("2025-11")).unwrap();
    assert_eq!(
        (november.value, november.basis),
        (5400.0, Basis::SummedDays)
    );
    assert_eq!(november.claims.len(), 30);
}

#[test]
fn days_that_leave_a_gap_are_not_a_month() {
    let mut list = november_days(1, 14, 180.0);
    list.extend(november_days(16, 30, 180.0));
    let stored = facts(list);
    let monthly = Monthly::build(&stored, Policy::Latest);
    assert!(monthly.is_empty());
}

#[test]
fn weeks_and_days_tile_a_month_and_duplicates_are_consolidated() {
    let mut list = vec![
        F::new("drones_launched", 1000.0, span("2025-11-01", "2025-11-07")).published("2025-11-08"),
        F::new("drones_launched", 1100.0, span("2025-11-08", "2025-11-14")).published("2025-11-15"),
        F::new("drones_launched", 1200.0, span("2025-11-15", "2025-11-21")).published("2025-11-22"),
        F::new("drones_launched", 1300.0, span("2025-11-22", "2025-11-28")).published("2025-11-29"),
        // Two outlets report 29 November; the later one wins under `latest`.
        F::new("drones_launched", 100.0, Period::day(date("2025-11-29"))).published("2025-11-30"),
        F::new("drones_launched", 150.0, Period::day(date("2025-11-29"))).published("2025-12-01"),
    ];
    list.extend(november_days(30, 30, 50.0));
    let stored = facts(list);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let november = monthly.series[0].get(m("2025-11")).unwrap();
    assert_eq!(november.basis, Basis::SummedDays);
    assert_eq!(
        november.value,
        1000.0 + 1100.0 + 1200.0 + 1300.0 + 150.0 + 50.0
    );
    assert_eq!((november.min, november.max), (4750.0, 4800.0));
    assert_eq!(november.claims.len(), 7);
}

#[test]
fn a_monthly_claim_beats_the_sum_of_its_days() {
    let mut list = november_days(1, 30, 180.0);
    list.push(F::new("drones_launched", 5445.0, month("2025-11")).published("2025-12-01"));
    let stored = facts(list);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let november = monthly.series[0].get(m("2025-11")).unwrap();
    assert_eq!((november.value, november.basis), (5445.0, Basis::Claimed));
    assert_eq!(november.claims.len(), 1);
}

#[test]
fn partial_months_years_and_multi_month_spans_stay_out_of_the_months() {
    let stored = facts([
        F::new("territory_gained", 478.0, span("2024-10-01", "2024-10-27")).published("2024-10-28"),
        F::new("territory_gained", 1000.0, span("2025-01-01", "2025-03-31"))
            .published("2025-04-01"),
        F::new("territory_gained", 3985.0, Period::year(2024).unwrap()).published("2024-12-31"),
        F::new("territory_gained", 50.0, span("2024-10-30", "2024-11-02")).published("2024-11-03"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    assert!(monthly.is_empty());
    assert_eq!(monthly.annual.len(), 1);
    assert_eq!(
        (monthly.annual[0].year, monthly.annual[0].value),
        (2024, 3985.0)
    );
    assert_eq!(monthly.annual[0].months_total, None);
}

#[test]
fn annual_figures_are_compared_with_the_sum_of_twelve_months() {
    let mut list: Vec<F> = (1..=12)
        .map(|n| {
            F::new("territory_gained", 100.0, Period::month(2024, n).unwrap())
                .published("2025-01-05")
        })
        .collect();
    list.push(
        F::new("territory_gained", 1250.0, Period::year(2024).unwrap()).published("2025-01-05"),
    );
    let stored = facts(list);
    let monthly = Monthly::build(&stored, Policy::Latest);
    assert_eq!(monthly.annual[0].months_total, Some(1200.0));
}

#[test]
fn a_stock_changes_in_points_and_takes_the_latest_reading_of_the_month() {
    let stored = facts([
        F::new(
            "territory_controlled_pct",
            18.0,
            Period::day(date("2024-10-05")),
        )
        .published("2024-10-06"),
        F::new(
            "territory_controlled_pct",
            18.2,
            Period::day(date("2024-10-27")),
        )
        .published("2024-10-28"),
        F::new("territory_controlled_pct", 18.4, month("2024-11")).published("2024-12-02"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Max);
    let share = &monthly.series[0];
    let october = share.get(m("2024-10")).unwrap();
    assert_eq!((october.value, october.claims.len()), (18.2, 2));
    let mom = share.get(m("2024-11")).unwrap().mom.unwrap();
    assert!(close(mom.absolute, 0.2));
    assert_eq!(mom.percent, None, "a share changes in points");
}

#[test]
fn regions_actors_and_unknown_metrics_are_series_of_their_own() {
    let stored = facts([
        F::new("territory_gained", 701.0, month("2025-11")).published("2025-12-01"),
        F::new("territory_gained", 272.0, month("2025-11"))
            .region("Zaporizhzhia")
            .published("2025-12-01"),
        F::new("territory_gained", 1300.0, month("2024-08"))
            .actor(Some("Ukraine"))
            .region("Kursk")
            .published("2024-08-20"),
        F::new("tanks_destroyed", 12.0, month("2025-11")).published("2025-12-01"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let keys: Vec<String> = monthly.series.iter().map(|s| s.key.to_string()).collect();
    assert_eq!(
        keys,
        [
            "territory_gained Russia",
            "territory_gained Russia Zaporizhzhia",
            "territory_gained Ukraine Kursk",
            "tanks_destroyed Russia"
        ]
    );
    assert_eq!(monthly.series[3].info.title, "Tanks destroyed");
    assert_eq!(monthly.latest_month(), Some(m("2025-11")));
    assert_eq!(monthly.first_month(), Some(m("2024-08")));
}

#[test]
fn the_summary_table_shows_every_figure_with_its_changes_and_problems() {
    let stored = realistic();
    let monthly = Monthly::build(&stored, Policy::Latest);
    let summary = MonthSummary::new(&monthly, m("2025-11"));
    let table = summary.to_table();
    for expected in [
        "Frontline report for November 2025 (policy: latest)",
        "Territory gained",
        "701 km²",
        "+240",
        "+52.1%",
        "largest since 2024-11",
        "Zaporizhzhia",
        "19.3%",
        "+0.1 pt",
        "Reported changes that do not match",
        "reported +2.0% for 5,600",
        "computed +0.6% from 5,568 in 2025-10 (sum_of_parts)",
        "territory_gained Russia 2024: 3,985 km²",
        "Sources for 2025-11:",
        "conflicting-reports-2025-12-02",
    ] {
        assert!(table.contains(expected), "missing {expected:?} in\n{table}");
    }
    let headline_metrics: Vec<&str> = summary
        .headlines()
        .iter()
        .map(|r| r.series.key.metric.as_str())
        .collect();
    assert_eq!(
        headline_metrics,
        [
            "territory_gained",
            "territory_controlled_pct",
            "drones_and_missiles_launched",
            "drones_launched",
            "missiles_launched"
        ]
    );
}

#[test]
fn the_june_conflict_is_listed_in_the_june_summary() {
    let stored = realistic();
    let monthly = Monthly::build(&stored, Policy::Latest);
    let summary = MonthSummary::new(&monthly, m("2025-06"));
    let conflicts: Vec<String> = summary.conflicts().map(|r| r.label()).collect();
    assert_eq!(conflicts, ["Territory gained, Russia"]);
    assert!(summary
        .to_table()
        .contains("556 (deepstate-2025-07-02, 2025-07-02)"));
}
