//! Printing facts: an aligned table for people, JSONL and CSV for programs.
//! The JSONL field names and order are the stable contract of [`Fact`].

use std::io::Write;

use anyhow::Result;

use crate::commands::Format;
use crate::fact::Fact;

/// CSV and table columns, in JSONL field order.
pub const FACT_COLUMNS: &[&str] = &[
    "doc_id",
    "source",
    "doc_date",
    "metric",
    "actor",
    "region",
    "value",
    "unit",
    "value_low",
    "value_high",
    "qualifier",
    "period",
    "period_start",
    "period_end",
    "change_pct",
    "note",
    "sentence",
    "start",
    "end",
    "original_text",
];

/// Writes `facts` in `format`.
pub fn write_facts(out: &mut impl Write, facts: &[Fact], format: Format) -> Result<()> {
    match format {
        Format::Jsonl => {
            for fact in facts {
                serde_json::to_writer(&mut *out, fact)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            writer.write_record(FACT_COLUMNS)?;
            for fact in facts {
                writer.write_record(fact_row(fact))?;
            }
            writer.flush()?;
        }
        Format::Table => write_fact_table(out, facts)?,
    }
    out.flush()?;
    Ok(())
}

/// A fact's fields as text, in [`FACT_COLUMNS`] order; empty for `null`.
pub fn fact_row(fact: &Fact) -> Vec<String> {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let number = |v: Option<f64>| v.map(format_number).unwrap_or_default();
    vec![
        fact.doc_id.clone(),
        fact.source.clone(),
        date(fact.doc_date),
        fact.metric.clone(),
        fact.actor.clone().unwrap_or_default(),
        fact.region.clone().unwrap_or_default(),
        format_number(fact.value),
        fact.unit.clone(),
        number(fact.value_low),
        number(fact.value_high),
        fact.qualifier.as_str().to_string(),
        fact.period.clone().unwrap_or_default(),
        date(fact.period_start),
        date(fact.period_end),
        number(fact.change_pct),
        fact.note.clone().unwrap_or_default(),
        fact.sentence.clone(),
        fact.start.to_string(),
        fact.end.to_string(),
        fact.original_text.clone(),
    ]
}

/// A number as plain decimal text for CSV and JSON readers: `.` decimals, at
/// most six of them, no exponent, no thousands separator, no trailing zeros;
/// empty for NaN and infinities.
///
/// ```
/// use frontline::output::format_number;
/// assert_eq!(format_number(5600.0), "5600");
/// assert_eq!(format_number(1117.3), "1117.3");
/// assert_eq!(format_number(1.0e12), "1000000000000");
/// assert_eq!(format_number(5600.0 / 1.02), "5490.196078");
/// assert_eq!(format_number(1e21), "1000000000000000000000");
/// assert_eq!(format_number(0.1 + 0.2), "0.3");
/// assert_eq!(format_number(-0.0000001), "0");
/// ```
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// A number with thousands separators for people, to two decimals at most:
/// `5,600`, `1,117.3`.
pub fn format_thousands(value: f64) -> String {
    let grouped = crate::report::format::thousands(value, 2);
    match grouped.split_once('.') {
        Some((whole, fraction)) => match fraction.trim_end_matches('0') {
            "" => whole.to_string(),
            fraction => format!("{whole}.{fraction}"),
        },
        None => grouped,
    }
}

fn write_fact_table(out: &mut impl Write, facts: &[Fact]) -> Result<()> {
    let header = [
        "period",
        "metric",
        "actor",
        "region",
        "value",
        "unit",
        "qualifier",
        "change",
        "source",
        "text",
    ];
    let rows: Vec<[String; 10]> = facts
        .iter()
        .map(|f| {
            [
                f.period.clone().unwrap_or_else(|| "?".into()),
                f.metric.clone(),
                f.actor.clone().unwrap_or_else(|| "?".into()),
                f.region.clone().unwrap_or_default(),
                format_thousands(f.value),
                f.unit.clone(),
                f.qualifier.as_str().to_string(),
                f.change_pct
                    .map(|c| format!("{}{}%", if c > 0.0 { "+" } else { "" }, format_number(c)))
                    .unwrap_or_default(),
                shorten_left(&f.source, 32),
                shorten(&f.original_text, 40),
            ]
        })
        .collect();
    write_table(out, &header, &rows)?;
    writeln!(out, "{} fact(s)", facts.len())?;
    Ok(())
}

/// Writes rows as aligned columns (numbers right-aligned).
pub fn write_table<const N: usize>(
    out: &mut impl Write,
    header: &[&str; N],
    rows: &[[String; N]],
) -> Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let numeric: Vec<bool> = (0..N)
        .map(|i| {
            !rows.is_empty()
                && rows.iter().all(|r| {
                    r[i].is_empty()
                        || r[i]
                            .trim_start_matches(['+', '-'])
                            .trim_end_matches('%')
                            .replace(',', "")
                            .parse::<f64>()
                            .is_ok()
                })
        })
        .collect();
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let pad = widths[i] - cell.chars().count();
                if numeric[i] {
                    format!("{}{}", " ".repeat(pad), cell)
                } else {
                    format!("{}{}", cell, " ".repeat(pad))
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(
        out,
        "{}",
        line(header.iter().map(|h| h.to_string()).collect())
    )?;
    for row in rows {
        writeln!(out, "{}", line(row.to_vec()))?;
    }
    Ok(())
}

/// Cuts text to `max` characters, marking the cut with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    let single_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if single_line.chars().count() <= max {
        return single_line;
    }
    let kept: String = single_line.chars().take(max.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// Keeps the end of a path, which names the file: `…/2025-12-02-wire.txt`.
pub fn shorten_left(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let kept: String = text.chars().skip(count - max.saturating_sub(1)).collect();
    format!("…{kept}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_plainly() {
        let cases = [
            (701.0, "701", "701"),
            (5600.0, "5600", "5,600"),
            (1117.26, "1117.26", "1,117.26"),
            (-490.2, "-490.2", "-490.2"),
            (1234567.0, "1234567", "1,234,567"),
            (0.0, "0", "0"),
            (1e15, "1000000000000000", "1,000,000,000,000,000"),
        ];
        for (value, plain, grouped) in cases {
            assert_eq!(format_number(value), plain);
            assert_eq!(format_thousands(value), grouped);
        }
    }

    #[test]
    fn format_numbers_never_use_exponents() {
        for value in [1e-7, 1e15, 123456789.123, f64::MAX] {
            let text = format_number(value);
            assert!(!text.contains('e') && !text.contains('E'), "{text}");
            assert!(text.parse::<f64>().is_ok(), "{text}");
        }
        assert_eq!(format_number(f64::NAN), "");
    }

    #[test]
    fn shorten_marks_cuts() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("a much longer text", 8), "a much …");
        assert_eq!(shorten_left("data/sample/file.txt", 9), "…file.txt");
    }
}
