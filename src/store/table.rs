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

use super::query::FilteredFields;
use super::{DocumentRecord, FactFields};
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

/// The facts table columns a read of `fields` needs; `None` for all of them.
pub fn fact_columns_to_read(fields: FactFields) -> Option<Vec<&'static str>> {
    match fields {
        FactFields::All => None,
        FactFields::Report => Some(
            fields
                .fact_columns()
                .iter()
                .copied()
                .chain(["content_hash", "ingested_at"])
                .collect(),
        ),
    }
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

    fn empty(&self, row: usize, name: &str) -> anyhow::Error {
        anyhow!(
            "{}: row {}: `{name}` is empty",
            self.path.display(),
            self.first_row + row
        )
    }

    fn strings(&self, name: &str) -> Result<&'a StringChunked> {
        self.column(name)?
            .str()
            .map_err(|_| self.mismatch(name, "text"))
    }

    fn floats(&self, name: &str) -> Result<&'a Float64Chunked> {
        self.column(name)?
            .f64()
            .map_err(|_| self.mismatch(name, "f64"))
    }

    fn counts(&self, name: &str) -> Result<&'a UInt64Chunked> {
        self.column(name)?
            .u64()
            .map_err(|_| self.mismatch(name, "u64"))
    }

    /// A date column's days since 1970-01-01.
    fn days(&self, name: &str) -> Result<&'a Int32Chunked> {
        let dates = self
            .column(name)?
            .date()
            .map_err(|_| self.mismatch(name, "date"))?;
        Ok(dates.physical())
    }

    /// `values`, once checked to have no nulls.
    fn required<T: PolarsDataType>(
        &self,
        values: &'a ChunkedArray<T>,
        name: &str,
    ) -> Result<&'a ChunkedArray<T>> {
        if values.null_count() == 0 {
            return Ok(values);
        }
        let row = values
            .is_null()
            .iter()
            .position(|null| null == Some(true))
            .unwrap_or(0);
        Err(self.empty(row, name))
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
            .map(|(row, value)| value.ok_or_else(|| self.empty(row, name)))
            .collect()
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
                let raw = raw.ok_or_else(|| self.empty(row, name))?;
                let parsed = match unit {
                    TimeUnit::Nanoseconds => Some(DateTime::from_timestamp_nanos(raw)),
                    TimeUnit::Microseconds => DateTime::from_timestamp_micros(raw),
                    TimeUnit::Milliseconds => DateTime::from_timestamp_millis(raw),
                };
                parsed.ok_or_else(|| {
                    anyhow!(
                        "{}: row {}: `{name}` out of range",
                        self.path.display(),
                        self.first_row + row
                    )
                })
            })
            .collect()
    }
}

/// Rows decoded at a time: gives a compacted store (one big batch) pieces to
/// decode in parallel.
pub const DECODE_ROWS: usize = 1 << 16;

/// The facts table of one batch (or a slice of it), checked, with typed
/// access to the frame's columns. Building a [`Fact`] from a row
/// ([`FactTable::fact`]) cannot fail: every check happens in
/// [`FactTable::decode`], and the store can look at a row's source and
/// content hash before paying for the fact's strings.
pub struct FactTable<'a> {
    rows: usize,
    doc_id: &'a StringChunked,
    source: &'a StringChunked,
    /// Days since 1970-01-01, as Parquet stores dates.
    doc_date: &'a Int32Chunked,
    metric: &'a StringChunked,
    actor: &'a StringChunked,
    region: &'a StringChunked,
    value: &'a Float64Chunked,
    unit: &'a StringChunked,
    period_start: &'a Int32Chunked,
    period_end: &'a Int32Chunked,
    change_pct: &'a Float64Chunked,
    content_hash: &'a StringChunked,
    ingested_at: Vec<DateTime<Utc>>,
    /// The fields [`FactFields::Report`] leaves empty; `None` when not read.
    provenance: Option<Provenance<'a>>,
}

/// The columns only a full read decodes.
struct Provenance<'a> {
    value_low: &'a Float64Chunked,
    value_high: &'a Float64Chunked,
    qualifier: Vec<Qualifier>,
    period: &'a StringChunked,
    note: &'a StringChunked,
    sentence: &'a StringChunked,
    start: &'a UInt64Chunked,
    end: &'a UInt64Chunked,
    original_text: &'a StringChunked,
}

impl<'a> FactTable<'a> {
    /// Checks `frame`, rows `first_row..` of the facts table at `path` (for
    /// messages), for the columns of `fields` (`frame` may hold only those).
    /// Row access is direct when `frame` is in one chunk (see
    /// [`DataFrame::rechunk_mut`]).
    pub fn decode(
        frame: &'a DataFrame,
        path: &'a Path,
        first_row: usize,
        fields: FactFields,
    ) -> Result<FactTable<'a>> {
        let cols = Columns {
            frame,
            path,
            first_row,
        };
        let mut table = FactTable {
            rows: frame.height(),
            doc_id: cols.required(cols.strings("doc_id")?, "doc_id")?,
            source: cols.required(cols.strings("source")?, "source")?,
            doc_date: cols.days("doc_date")?,
            metric: cols.required(cols.strings("metric")?, "metric")?,
            actor: cols.strings("actor")?,
            region: cols.strings("region")?,
            value: cols.required(cols.floats("value")?, "value")?,
            unit: cols.required(cols.strings("unit")?, "unit")?,
            period_start: cols.days("period_start")?,
            period_end: cols.days("period_end")?,
            change_pct: cols.floats("change_pct")?,
            content_hash: cols.required(cols.strings("content_hash")?, "content_hash")?,
            ingested_at: cols.timestamp("ingested_at")?,
            provenance: None,
        };
        table.provenance = match fields {
            FactFields::Report => None,
            FactFields::All => Some(Provenance {
                value_low: cols.floats("value_low")?,
                value_high: cols.floats("value_high")?,
                qualifier: cols
                    .required_text("qualifier")?
                    .into_iter()
                    .enumerate()
                    .map(|(row, label)| {
                        Qualifier::parse(label).ok_or_else(|| {
                            anyhow!(
                                "{}: row {}: unknown qualifier {label:?}",
                                path.display(),
                                first_row + row
                            )
                        })
                    })
                    .collect::<Result<_>>()?,
                period: cols.strings("period")?,
                note: cols.strings("note")?,
                sentence: cols.required(cols.strings("sentence")?, "sentence")?,
                start: cols.counts("start")?,
                end: cols.counts("end")?,
                original_text: cols.required(cols.strings("original_text")?, "original_text")?,
            }),
        };
        Ok(table)
    }

    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    pub fn source(&self, row: usize) -> &'a str {
        self.source.get(row).unwrap_or_default()
    }

    /// The content hash of the document version the row came from.
    pub fn content_hash(&self, row: usize) -> &'a str {
        self.content_hash.get(row).unwrap_or_default()
    }

    pub fn ingested_at(&self, row: usize) -> DateTime<Utc> {
        self.ingested_at[row]
    }

    /// What [`FactQuery`](super::FactQuery) filters on, for `row`.
    pub(crate) fn filtered_fields(&self, row: usize, superseded: bool) -> FilteredFields<'a> {
        FilteredFields {
            metric: self.metric.get(row).unwrap_or_default(),
            actor: self.actor.get(row),
            region: self.region.get(row),
            period_start: date_at(self.period_start, row),
            period_end: date_at(self.period_end, row),
            source: self.source(row),
            superseded,
        }
    }

    /// The fact in `row`, with the fields that were not read left empty.
    /// (Required columns were checked for nulls, so `unwrap_or_default`
    /// never supplies a value.)
    pub fn fact(&self, row: usize) -> Fact {
        let text = |column: &StringChunked| column.get(row).unwrap_or_default().to_string();
        let optional = |column: &StringChunked| column.get(row).map(str::to_string);
        let mut fact = Fact {
            doc_id: text(self.doc_id),
            source: text(self.source),
            doc_date: date_at(self.doc_date, row),
            metric: text(self.metric),
            actor: optional(self.actor),
            region: optional(self.region),
            value: self.value.get(row).unwrap_or_default(),
            unit: text(self.unit),
            value_low: None,
            value_high: None,
            qualifier: Qualifier::default(),
            period: None,
            period_start: date_at(self.period_start, row),
            period_end: date_at(self.period_end, row),
            change_pct: self.change_pct.get(row),
            note: None,
            sentence: String::new(),
            start: 0,
            end: 0,
            original_text: String::new(),
        };
        if let Some(more) = &self.provenance {
            let position = |column: &UInt64Chunked| {
                usize::try_from(column.get(row).unwrap_or(0)).unwrap_or(usize::MAX)
            };
            fact.value_low = more.value_low.get(row);
            fact.value_high = more.value_high.get(row);
            fact.qualifier = more.qualifier[row];
            fact.period = optional(more.period);
            fact.note = optional(more.note);
            fact.sentence = text(more.sentence);
            fact.start = position(more.start);
            fact.end = position(more.end);
            fact.original_text = text(more.original_text);
        }
        fact
    }
}

fn date_at(days: &Int32Chunked, row: usize) -> Option<NaiveDate> {
    days.get(row).and_then(date_from_epoch_days)
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

/// The document columns that identify versions (and count their facts),
/// read cheaply.
pub struct VersionRow<'a> {
    pub source: &'a str,
    pub content_hash: &'a str,
    pub ingested_at: DateTime<Utc>,
    pub facts: u64,
}

pub const VERSION_COLUMNS: &[&str] = &["source", "content_hash", "ingested_at", "facts"];

pub fn versions_from_frame<'a>(
    frame: &'a DataFrame,
    path: &'a Path,
) -> Result<Vec<VersionRow<'a>>> {
    let cols = Columns {
        frame,
        path,
        first_row: 0,
    };
    let source = cols.required_text("source")?;
    let content_hash = cols.required_text("content_hash")?;
    let ingested_at = cols.timestamp("ingested_at")?;
    let facts = cols.count("facts")?;
    Ok((0..frame.height())
        .map(|row| VersionRow {
            source: source[row],
            content_hash: content_hash[row],
            ingested_at: ingested_at[row],
            facts: facts[row],
        })
        .collect())
}
