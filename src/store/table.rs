//! The two Parquet tables and their conversion to and from Rust values: the
//! facts table (every [`Fact`] field, the document's `content_hash`, and
//! `ingested_at`) and the documents table ([`DocumentRecord`]).
//!
//! Reading checks each column's presence and type, so a foreign or damaged
//! file is reported with its path instead of being half-read.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use polars::prelude::*;

use super::DocumentRecord;
use crate::fact::{Fact, Qualifier};

/// Facts table columns, in file order: every field of a fact (the JSONL
/// contract), then the document's content hash and the batch's time.
pub fn fact_columns() -> Vec<&'static str> {
    crate::output::FACT_COLUMNS
        .iter()
        .copied()
        .chain(["content_hash", "ingested_at"])
        .collect()
}

/// Documents table columns, in file order.
pub const DOCUMENT_COLUMNS: &[&str] = &[
    "doc_id",
    "source",
    "url",
    "title",
    "date",
    "bytes",
    "content_hash",
    "ingested_at",
    "facts",
];

/// A fact row as read back: the fact, the content hash of the document
/// version it came from, and when it was stored.
pub struct FactRow {
    pub fact: Fact,
    pub content_hash: String,
    pub ingested_at: DateTime<Utc>,
}

/// Days between 0001-01-01 (day 1 of the common era) and 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

fn epoch_days(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE
}

fn date_from_epoch_days(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(UNIX_EPOCH_DAYS_FROM_CE)?)
}

fn utc_datetime_type() -> DataType {
    DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC))
}

fn date_column(name: &str, values: Vec<Option<i32>>) -> PolarsResult<Column> {
    Ok(Series::new(name.into(), values)
        .cast(&DataType::Date)?
        .into_column())
}

fn timestamp_column(name: &str, values: Vec<i64>) -> PolarsResult<Column> {
    Ok(Series::new(name.into(), values)
        .cast(&utc_datetime_type())?
        .into_column())
}

fn text_column<S: AsRef<str>>(name: &str, values: Vec<Option<S>>) -> Column {
    let values: Vec<Option<&str>> = values
        .iter()
        .map(|v| v.as_ref().map(|s| s.as_ref()))
        .collect();
    Series::new(name.into(), values).into_column()
}

/// The facts of one batch as a DataFrame; `facts` pairs each fact with the
/// content hash of its document.
pub fn facts_frame(facts: &[(&Fact, &str)], ingested_at: DateTime<Utc>) -> PolarsResult<DataFrame> {
    let text = |get: &dyn Fn(&Fact) -> Option<&str>| -> Vec<Option<&str>> {
        facts.iter().map(|(f, _)| get(f)).collect()
    };
    let float = |get: &dyn Fn(&Fact) -> Option<f64>| -> Vec<Option<f64>> {
        facts.iter().map(|(f, _)| get(f)).collect()
    };
    let date = |get: &dyn Fn(&Fact) -> Option<NaiveDate>| -> Vec<Option<i32>> {
        facts.iter().map(|(f, _)| get(f).map(epoch_days)).collect()
    };
    let stamp = ingested_at.timestamp_micros();
    let columns = vec![
        text_column("doc_id", text(&|f| Some(&f.doc_id))),
        text_column("source", text(&|f| Some(&f.source))),
        date_column("doc_date", date(&|f| f.doc_date))?,
        text_column("metric", text(&|f| Some(&f.metric))),
        text_column("actor", text(&|f| f.actor.as_deref())),
        text_column("region", text(&|f| f.region.as_deref())),
        Series::new(
            "value".into(),
            facts.iter().map(|(f, _)| f.value).collect::<Vec<f64>>(),
        )
        .into_column(),
        text_column("unit", text(&|f| Some(&f.unit))),
        Series::new("value_low".into(), float(&|f| f.value_low)).into_column(),
        Series::new("value_high".into(), float(&|f| f.value_high)).into_column(),
        text_column("qualifier", text(&|f| Some(f.qualifier.as_str()))),
        text_column("period", text(&|f| f.period.as_deref())),
        date_column("period_start", date(&|f| f.period_start))?,
        date_column("period_end", date(&|f| f.period_end))?,
        Series::new("change_pct".into(), float(&|f| f.change_pct)).into_column(),
        text_column("note", text(&|f| f.note.as_deref())),
        text_column("sentence", text(&|f| Some(&f.sentence))),
        Series::new(
            "start".into(),
            facts
                .iter()
                .map(|(f, _)| f.start as u64)
                .collect::<Vec<u64>>(),
        )
        .into_column(),
        Series::new(
            "end".into(),
            facts
                .iter()
                .map(|(f, _)| f.end as u64)
                .collect::<Vec<u64>>(),
        )
        .into_column(),
        text_column("original_text", text(&|f| Some(&f.original_text))),
        text_column(
            "content_hash",
            facts.iter().map(|(_, hash)| Some(*hash)).collect(),
        ),
        timestamp_column("ingested_at", vec![stamp; facts.len()])?,
    ];
    DataFrame::new(facts.len(), columns)
}

/// The documents of one batch as a DataFrame.
pub fn documents_frame(documents: &[DocumentRecord]) -> PolarsResult<DataFrame> {
    let text = |get: &dyn Fn(&DocumentRecord) -> Option<&str>| -> Vec<Option<&str>> {
        documents.iter().map(get).collect()
    };
    let columns = vec![
        text_column("doc_id", text(&|d| Some(&d.doc_id))),
        text_column("source", text(&|d| Some(&d.source))),
        text_column("url", text(&|d| d.url.as_deref())),
        text_column("title", text(&|d| d.title.as_deref())),
        date_column(
            "date",
            documents.iter().map(|d| d.date.map(epoch_days)).collect(),
        )?,
        Series::new(
            "bytes".into(),
            documents.iter().map(|d| d.bytes).collect::<Vec<u64>>(),
        )
        .into_column(),
        text_column("content_hash", text(&|d| Some(&d.content_hash))),
        timestamp_column(
            "ingested_at",
            documents
                .iter()
                .map(|d| d.ingested_at.timestamp_micros())
                .collect(),
        )?,
        Series::new(
            "facts".into(),
            documents.iter().map(|d| d.facts).collect::<Vec<u64>>(),
        )
        .into_column(),
    ];
    DataFrame::new(documents.len(), columns)
}

/// Writes a DataFrame to `path` and flushes it to disk.
pub fn write_parquet(path: &Path, frame: &mut DataFrame) -> Result<()> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let file = {
        let mut writer = std::io::BufWriter::new(file);
        ParquetWriter::new(&mut writer)
            .finish(frame)
            .map_err(|err| anyhow!("cannot write {}: {err}", path.display()))?;
        writer
            .into_inner()
            .map_err(|err| anyhow!("cannot write {}: {}", path.display(), err.error()))?
    };
    file.sync_all()
        .with_context(|| format!("cannot write {}", path.display()))
}

const PARQUET_MAGIC: &[u8; 4] = b"PAR1";

/// Reads a Parquet file (only `columns`, when given), with the path in every
/// error.
pub fn read_parquet(path: &Path, columns: Option<&[&str]>) -> Result<DataFrame> {
    let mut file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    check_parquet_magic(&mut file).with_context(|| format!("{}", path.display()))?;
    let reader = ParquetReader::new(file)
        .with_columns(columns.map(|names| names.iter().map(|n| n.to_string()).collect()));
    // A damaged file can trip an assertion deep in the decoder; it must
    // surface as an error naming the file, not bring the process down.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| reader.finish()));
    match read {
        Ok(Ok(frame)) => Ok(frame),
        Ok(Err(err)) => Err(anyhow!(
            "{}: not a readable Parquet file: {err}",
            path.display()
        )),
        Err(_) => Err(anyhow!(
            "{}: not a readable Parquet file (the decoder failed)",
            path.display()
        )),
    }
}

fn check_parquet_magic(file: &mut File) -> Result<()> {
    let len = file.metadata()?.len();
    if len < 12 {
        bail!("not a Parquet file: only {len} bytes");
    }
    let mut head = [0u8; 4];
    let mut tail = [0u8; 4];
    file.read_exact(&mut head)?;
    file.seek(SeekFrom::End(-4))?;
    file.read_exact(&mut tail)?;
    file.seek(SeekFrom::Start(0))?;
    if &head != PARQUET_MAGIC || &tail != PARQUET_MAGIC {
        bail!("not a Parquet file (truncated or foreign: no PAR1 marker at both ends)");
    }
    Ok(())
}

/// Typed access to a frame's columns, naming the file on any mismatch.
struct Columns<'a> {
    frame: &'a DataFrame,
    path: &'a Path,
    /// Row number (in the file) of the frame's first row, for messages.
    first_row: usize,
}

impl<'a> Columns<'a> {
    fn column(&self, name: &str) -> Result<&'a Column> {
        self.frame
            .column(name)
            .map_err(|_| anyhow!("{}: no column `{name}`", self.path.display()))
    }

    fn mismatch(&self, name: &str, wanted: &str) -> anyhow::Error {
        let found = self
            .frame
            .column(name)
            .map(|c| c.dtype().to_string())
            .unwrap_or_default();
        anyhow!(
            "{}: column `{name}` holds {found}, expected {wanted}",
            self.path.display()
        )
    }

    fn text(&self, name: &str) -> Result<Vec<Option<&'a str>>> {
        let column = self.column(name)?;
        let values = column.str().map_err(|_| self.mismatch(name, "text"))?;
        Ok(values.iter().collect())
    }

    fn required_text(&self, name: &str) -> Result<Vec<&'a str>> {
        self.text(name)?
            .into_iter()
            .enumerate()
            .map(|(row, value)| {
                value
                    .ok_or_else(|| anyhow!("{}: row {row}: `{name}` is empty", self.path.display()))
            })
            .collect()
    }

    fn float(&self, name: &str) -> Result<Vec<Option<f64>>> {
        let column = self.column(name)?;
        let values = column.f64().map_err(|_| self.mismatch(name, "f64"))?;
        Ok(values.iter().collect())
    }

    fn count(&self, name: &str) -> Result<Vec<u64>> {
        let column = self.column(name)?;
        let values = column.u64().map_err(|_| self.mismatch(name, "u64"))?;
        Ok(values.iter().map(|v| v.unwrap_or(0)).collect())
    }

    fn date(&self, name: &str) -> Result<Vec<Option<NaiveDate>>> {
        let column = self.column(name)?;
        let values = column.date().map_err(|_| self.mismatch(name, "date"))?;
        Ok(values
            .physical()
            .iter()
            .map(|days| days.and_then(date_from_epoch_days))
            .collect())
    }

    fn timestamp(&self, name: &str) -> Result<Vec<DateTime<Utc>>> {
        let column = self.column(name)?;
        let values = column
            .datetime()
            .map_err(|_| self.mismatch(name, "datetime"))?;
        let unit = values.time_unit();
        values
            .physical()
            .iter()
            .enumerate()
            .map(|(row, raw)| {
                let row = self.first_row + row;
                let raw = raw.ok_or_else(|| {
                    anyhow!("{}: row {row}: `{name}` is empty", self.path.display())
                })?;
                let parsed = match unit {
                    TimeUnit::Nanoseconds => Some(DateTime::from_timestamp_nanos(raw)),
                    TimeUnit::Microseconds => DateTime::from_timestamp_micros(raw),
                    TimeUnit::Milliseconds => DateTime::from_timestamp_millis(raw),
                };
                parsed.ok_or_else(|| {
                    anyhow!("{}: row {row}: `{name}` out of range", self.path.display())
                })
            })
            .collect()
    }
}

/// Rows decoded at a time: bounds the per-column scratch vectors, so memory
/// follows the facts kept rather than the size of the file.
const DECODE_ROWS: usize = 1 << 16;

/// Decodes a facts table read from `path`, handing each row to `each`.
pub fn for_each_fact(frame: &DataFrame, path: &Path, mut each: impl FnMut(FactRow)) -> Result<()> {
    for first_row in (0..frame.height()).step_by(DECODE_ROWS) {
        let slice = frame.slice(first_row as i64, DECODE_ROWS);
        for fact in decode_facts(&slice, path, first_row)? {
            each(fact);
        }
    }
    Ok(())
}

fn decode_facts(frame: &DataFrame, path: &Path, first_row: usize) -> Result<Vec<FactRow>> {
    let cols = Columns {
        frame,
        path,
        first_row,
    };
    let doc_id = cols.required_text("doc_id")?;
    let source = cols.required_text("source")?;
    let doc_date = cols.date("doc_date")?;
    let metric = cols.required_text("metric")?;
    let actor = cols.text("actor")?;
    let region = cols.text("region")?;
    let value = cols.float("value")?;
    let unit = cols.required_text("unit")?;
    let value_low = cols.float("value_low")?;
    let value_high = cols.float("value_high")?;
    let qualifier = cols.required_text("qualifier")?;
    let period = cols.text("period")?;
    let period_start = cols.date("period_start")?;
    let period_end = cols.date("period_end")?;
    let change_pct = cols.float("change_pct")?;
    let note = cols.text("note")?;
    let sentence = cols.required_text("sentence")?;
    let start = cols.count("start")?;
    let end = cols.count("end")?;
    let original_text = cols.required_text("original_text")?;
    let content_hash = cols.required_text("content_hash")?;
    let ingested_at = cols.timestamp("ingested_at")?;

    let owned = |s: Option<&str>| s.map(str::to_string);
    (0..frame.height())
        .map(|row| {
            let at = first_row + row;
            let qualifier = Qualifier::parse(qualifier[row]).ok_or_else(|| {
                anyhow!(
                    "{}: row {at}: unknown qualifier {:?}",
                    path.display(),
                    qualifier[row]
                )
            })?;
            let value = value[row]
                .ok_or_else(|| anyhow!("{}: row {at}: `value` is empty", path.display()))?;
            Ok(FactRow {
                fact: Fact {
                    doc_id: doc_id[row].to_string(),
                    source: source[row].to_string(),
                    doc_date: doc_date[row],
                    metric: metric[row].to_string(),
                    actor: owned(actor[row]),
                    region: owned(region[row]),
                    value,
                    unit: unit[row].to_string(),
                    value_low: value_low[row],
                    value_high: value_high[row],
                    qualifier,
                    period: owned(period[row]),
                    period_start: period_start[row],
                    period_end: period_end[row],
                    change_pct: change_pct[row],
                    note: owned(note[row]),
                    sentence: sentence[row].to_string(),
                    start: usize::try_from(start[row]).unwrap_or(usize::MAX),
                    end: usize::try_from(end[row]).unwrap_or(usize::MAX),
                    original_text: original_text[row].to_string(),
                },
                content_hash: content_hash[row].to_string(),
                ingested_at: ingested_at[row],
            })
        })
        .collect()
}

/// Decodes a documents table read from `path` (`superseded` left false).
pub fn documents_from_frame(frame: &DataFrame, path: &Path) -> Result<Vec<DocumentRecord>> {
    let cols = Columns {
        frame,
        path,
        first_row: 0,
    };
    let doc_id = cols.required_text("doc_id")?;
    let source = cols.required_text("source")?;
    let url = cols.text("url")?;
    let title = cols.text("title")?;
    let date = cols.date("date")?;
    let bytes = cols.count("bytes")?;
    let content_hash = cols.required_text("content_hash")?;
    let ingested_at = cols.timestamp("ingested_at")?;
    let facts = cols.count("facts")?;
    Ok((0..frame.height())
        .map(|row| DocumentRecord {
            doc_id: doc_id[row].to_string(),
            source: source[row].to_string(),
            url: url[row].map(str::to_string),
            title: title[row].map(str::to_string),
            date: date[row],
            bytes: bytes[row],
            content_hash: content_hash[row].to_string(),
            ingested_at: ingested_at[row],
            facts: facts[row],
            superseded: false,
        })
        .collect())
}

/// The three document columns that identify versions, read cheaply.
pub struct VersionRow {
    pub source: String,
    pub content_hash: String,
    pub ingested_at: DateTime<Utc>,
}

pub const VERSION_COLUMNS: &[&str] = &["source", "content_hash", "ingested_at"];

pub fn versions_from_frame(frame: &DataFrame, path: &Path) -> Result<Vec<VersionRow>> {
    let cols = Columns {
        frame,
        path,
        first_row: 0,
    };
    let source = cols.required_text("source")?;
    let content_hash = cols.required_text("content_hash")?;
    let ingested_at = cols.timestamp("ingested_at")?;
    Ok((0..frame.height())
        .map(|row| VersionRow {
            source: source[row].to_string(),
            content_hash: content_hash[row].to_string(),
            ingested_at: ingested_at[row],
        })
        .collect())
}
