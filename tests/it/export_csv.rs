//! The CSV export read back by a plain CSV reader and by polars: header, ISO
//! dates, `.` decimals, no exponents, RFC 4180 quoting, UTF-8.

use std::io::Cursor;

use crate::report_support::{facts, month, realistic, F};
use frontline::report::export::{long_header, write_long, write_series, write_wide, SERIES_HEADER};
use frontline::report::{Monthly, Policy};
use polars::prelude::*;

fn wide_csv(stored: &[frontline::fact::StoredFact]) -> String {
    let monthly = Monthly::build(stored, Policy::Latest);
    let mut out = Vec::new();
    write_wide(&monthly, &mut out).unwrap();
    String::from_utf8(out).expect("UTF-8")
}

fn read_with_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn read_with_polars(text: &str) -> DataFrame {
    CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(None)
        .map_parse_options(|options| options.with_try_parse_dates(true))
        .into_reader_with_file_handle(Cursor::new(text.as_bytes().to_vec()))
        .finish()
        .expect("polars reads the export")
}

fn no_exponents(text: &str) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for record in reader.records() {
        for field in record.unwrap().iter() {
            if field.parse::<f64>().is_ok() {
                assert!(!field.contains(['e', 'E']), "exponent in {field}");
            }
        }
    }
}

#[test]
fn wide_has_a_row_per_month_and_value_and_change_columns_per_series() {
    let text = wide_csv(&realistic());
    let (header, rows) = read_with_csv(&text);
    assert_eq!(&header[..2], ["month", "month_start"]);
    for column in [
        "territory_gained:Russia",
        "territory_gained:Russia:mom",
        "territory_gained:Russia:mom_pct",
        "territory_gained:Russia:basis",
        "territory_gained:Russia:Zaporizhzhia",
        "drones_and_missiles_launched:Russia",
        "territory_controlled_pct:Russia:mom",
    ] {
        assert!(header.iter().any(|h| h == column), "no column {column}");
    }
    // March 2024 to November 2025, gap months included.
    assert_eq!(rows.len(), 21);
    assert_eq!(rows[0][0], "2024-03");
    assert_eq!(rows[0][1], "2024-03-01");
    let november = rows.last().unwrap();
    let cell = |name: &str| {
        let index = header.iter().position(|h| h == name).unwrap();
        november[index].as_str()
    };
    assert_eq!(cell("territory_gained:Russia"), "701");
    assert_eq!(cell("territory_gained:Russia:mom"), "240");
    assert_eq!(cell("territory_gained:Russia:mom_pct"), "52.060738");
    assert_eq!(cell("territory_gained:Russia:basis"), "claimed");
    assert_eq!(
        cell("territory_controlled_pct:Russia:mom_pct"),
        "",
        "a share changes in points"
    );
    no_exponents(&text);
}

#[test]
fn polars_reads_the_wide_export_with_numbers_and_dates() {
    let text = wide_csv(&realistic());
    let frame = read_with_polars(&text);
    assert_eq!(frame.height(), 21);
    assert_eq!(
        frame.column("month_start").unwrap().dtype(),
        &DataType::Date
    );
    let territory = frame.column("territory_gained:Russia").unwrap();
    assert!(
        territory.dtype().is_primitive_numeric(),
        "{}",
        territory.dtype()
    );
    let territory = territory.cast(&DataType::Float64).unwrap();
    let values = territory.f64().unwrap();
    assert_eq!(values.get(20), Some(701.0));
    assert_eq!(values.get(0), Some(50.0));
    // No launches before May 2025: empty cells are nulls, not zeros.
    let launches = frame.column("drones_launched:Russia").unwrap();
    assert_eq!(launches.null_count(), 14);
}

#[test]
fn an_empty_store_exports_a_header_only() {
    let text = wide_csv(&[]);
    assert_eq!(text, "month,month_start\n");
}

#[test]
fn long_keeps_sentences_with_commas_quotes_and_unicode_intact() {
    let sentence =
        "Russia seized \"nearly 400\" km², an increase, officials said — Kyiv's count differs.";
    let stored = facts([
        F::new("territory_gained", 400.0, month("2024-08"))
            .published("2024-12-31")
            .sentence(sentence)
            .change(0.5),
        F::new("territory_gained", 477.0, month("2024-08"))
            .published("2024-09-01")
            .superseded(),
        F::new("drones_launched", 0.000001, month("2024-08")).published("2024-09-01"),
    ]);
    let mut out = Vec::new();
    write_long(&stored, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    no_exponents(&text);

    let (header, rows) = read_with_csv(&text);
    let long_header = long_header();
    assert_eq!(header, long_header);
    assert_eq!(rows.len(), 2, "the superseded fact is left out");
    let row = rows.iter().find(|r| r[3] == "territory_gained").unwrap();
    let at = |name: &str| &row[long_header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(at("sentence"), sentence);
    assert_eq!(at("doc_date"), "2024-12-31");
    assert_eq!(at("period"), "2024-08");
    assert_eq!(at("period_start"), "2024-08-01");
    assert_eq!(at("period_end"), "2024-08-31");
    assert_eq!(at("change_pct"), "0.5");
    assert_eq!(at("qualifier"), "exact");
    assert_eq!(at("ingested_at"), "2026-01-01T00:00:00Z");
    let tiny = rows.iter().find(|r| r[3] == "drones_launched").unwrap();
    assert_eq!(tiny[6], "0.000001");

    let frame = read_with_polars(&text);
    assert_eq!(frame.height(), 2);
    let sentences = frame.column("sentence").unwrap();
    let sentences = sentences.str().unwrap();
    assert!((0..sentences.len()).any(|i| sentences.get(i) == Some(sentence)));
    assert_eq!(
        frame.column("period_start").unwrap().dtype(),
        &DataType::Date
    );
    assert_eq!(frame.column("value").unwrap().dtype(), &DataType::Float64);
}

#[test]
fn series_shape_lists_basis_claims_and_changes_per_month() {
    let stored = realistic();
    let monthly = Monthly::build(&stored, Policy::Latest);
    let mut out = Vec::new();
    write_series(&monthly, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let (header, rows) = read_with_csv(&text);
    assert_eq!(header, SERIES_HEADER);
    let find = |metric: &str, region: &str, month: &str| {
        rows.iter()
            .find(|r| r[0] == month && r[1] == metric && r[3] == region)
            .unwrap_or_else(|| panic!("no row {metric} {region} {month}"))
    };
    let june = find("territory_gained", "", "2025-06");
    let at = |row: &Vec<String>, name: &str| {
        row[SERIES_HEADER.iter().position(|h| *h == name).unwrap()].clone()
    };
    assert_eq!(at(june, "value"), "556");
    assert_eq!(at(june, "claims"), "2");
    assert_eq!(at(june, "conflict"), "true");
    assert_eq!(at(june, "min"), "556");
    assert_eq!(at(june, "max"), "588");
    let october = find("drones_and_missiles_launched", "", "2025-10");
    assert_eq!(at(october, "basis"), "sum_of_parts");
    assert_eq!(at(october, "value"), "5568");
    let november = find("territory_gained", "", "2025-11");
    assert_eq!(at(november, "record"), "largest since 2024-11");

    let frame = read_with_polars(&text);
    assert_eq!(frame.height(), rows.len());
    assert_eq!(frame.column("value").unwrap().dtype(), &DataType::Float64);
    assert_eq!(
        frame.column("conflict").unwrap().dtype(),
        &DataType::Boolean
    );
}
