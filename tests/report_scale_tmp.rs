mod report_support;
use frontline::fact::Period;
use frontline::report::{MonthSummary, Monthly, Policy};
use report_support::{date, F};
#[test]
fn scale() {
    let metrics = [
        "territory_gained",
        "drones_launched",
        "missiles_launched",
        "drones_and_missiles_launched",
        "territory_controlled_pct",
    ];
    let regions = [None, Some("Donetsk"), Some("Zaporizhzhia"), Some("Kharkiv")];
    let base =
        F::new("territory_gained", 1.0, Period::month(2024, 1).unwrap()).published("2024-02-01");
    let mut facts = Vec::with_capacity(1_000_000);
    for i in 0..1_000_000usize {
        let mut f = base.0.clone();
        f.fact.metric = metrics[i % 5].to_string();
        f.fact.region = regions[(i / 5) % 4].map(str::to_string);
        let m = (i / 20) % 36;
        let p = if i % 7 == 0 {
            Period::day(date("2024-01-01") + chrono::Duration::days((i % 1000) as i64))
        } else {
            Period::month(2023 + (m / 12) as i32, (m % 12) as u32 + 1).unwrap()
        };
        f.fact.set_period(Some(p));
        f.fact.value = (i % 997) as f64;
        f.fact.doc_date = Some(date("2024-01-01") + chrono::Duration::days((i % 900) as i64));
        f.fact.doc_id = format!("doc{}", i % 5000);
        facts.push(f);
    }
    let t = std::time::Instant::now();
    let monthly = Monthly::build(&facts, Policy::Latest);
    let t1 = t.elapsed();
    let month = monthly.latest_month().unwrap();
    let summary = MonthSummary::new(&monthly, month);
    let table = summary.to_table();
    let t2 = t.elapsed();
    let mut out = Vec::new();
    frontline::report::export::write_wide(&monthly, &mut out).unwrap();
    let t3 = t.elapsed();
    let dir = tempfile::tempdir().unwrap();
    frontline::report::charts::render_report(&summary, dir.path()).unwrap();
    let t4 = t.elapsed();
    eprintln!(
        "build {t1:?} summary {t2:?} wide {t3:?} charts {t4:?} series {} table {}",
        monthly.series.len(),
        table.len()
    );
}
