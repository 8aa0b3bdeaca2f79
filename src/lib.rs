//! frontline turns news reports about a war into a monthly time series of dated,
//! sourced figures.
//!
//! The pipeline runs one way: [`document`] reads inputs (the layout of PDFs
//! and e-mails undone by [`layout`], tables of figures written as sentences
//! by [`table`]), [`sentence`] splits them, [`extract`]
//! finds facts (with [`number`], [`time`] and the
//! [`lexicon`]), [`store`] keeps them as Parquet, [`report`] turns them into
//! monthly series, charts and CSV. [`fact::Fact`] is the contract between
//! extraction and everything after it.
//!
//! ```
//! use frontline::{document::Document, extract::Extractor, lexicon::Lexicon};
//! let extractor = Extractor::new(Lexicon::default_lexicon());
//! let doc = Document::from_text("example", "In November Russia captured 701 square kilometres.")
//!     .with_date(chrono::NaiveDate::from_ymd_opt(2025, 12, 2).unwrap());
//! let facts = extractor.extract(&doc);
//! assert_eq!(facts.len(), 1);
//! assert_eq!(facts[0].metric, "territory_gained");
//! assert_eq!(facts[0].value, 701.0);
//! assert_eq!(facts[0].period.as_deref(), Some("2025-11"));
//! ```

pub mod commands;
pub mod document;
pub mod extract;
pub mod fact;
pub mod layout;
pub mod lexicon;
pub mod number;
pub mod output;
pub mod phrases;
pub mod report;
pub mod sentence;
pub mod store;
pub mod table;
pub mod text;
pub mod time;
