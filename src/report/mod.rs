//! Monthly series, month-on-month and year-on-year changes, charts and CSV export.
//!
//! Everything here is a pure function of the stored facts: [`Monthly::build`]
//! turns a `&[StoredFact]` into one [`Series`] per metric, actor and region,
//! [`MonthSummary`] picks the figures of one month, [`charts`] draws them as
//! PNG files and [`export`] writes them as CSV.
//!
//! ```
//! use frontline::report::{Monthly, Policy};
//! let monthly = Monthly::build(&[], Policy::Latest);
//! assert!(monthly.is_empty());
//! ```

pub mod charts;
pub mod export;
pub mod format;
pub mod metrics;
pub mod month;
pub mod series;
pub mod summary;

pub use month::Month;
pub use series::{
    AnnualValue, Basis, Change, Check, MonthValue, Monthly, Policy, Record, Series, SeriesKey,
};
pub use summary::{MonthSummary, SummaryRow};
