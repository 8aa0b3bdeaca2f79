//! Every PNG the report writes decodes, has the promised size and shows
//! something (many distinct colours, plenty of non-background pixels).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::report_support::{facts, month, realistic, F};
use frontline::report::charts::{available_charts, render_report, Chart, CHART_SIZE, SUMMARY_SIZE};
use frontline::report::{Month, MonthSummary, Monthly, Policy};

struct Decoded {
    width: u32,
    height: u32,
    distinct_colours: usize,
    non_white_share: f64,
}

fn decode(path: &Path) -> Decoded {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let decoder = png::Decoder::new(std::io::BufReader::new(file));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).expect("PNG pixels");
    let channels = info.color_type.samples();
    assert!(channels >= 3, "colour image expected");
    let pixels: Vec<&[u8]> = buffer[..info.buffer_size()]
        .chunks(channels)
        .map(|p| &p[..3])
        .collect();
    let distinct: HashSet<&[u8]> = pixels.iter().copied().collect();
    let non_white = pixels.iter().filter(|p| **p != [255, 255, 255]).count();
    Decoded {
        width: info.width,
        height: info.height,
        distinct_colours: distinct.len(),
        non_white_share: non_white as f64 / pixels.len() as f64,
    }
}

/// Where to render: a temporary directory, or `FRONTLINE_KEEP_CHARTS` to look
/// at the files afterwards.
fn output_dir() -> (Option<tempfile::TempDir>, PathBuf) {
    match std::env::var_os("FRONTLINE_KEEP_CHARTS") {
        Some(dir) => (None, PathBuf::from(dir)),
        None => {
            let temp = tempfile::tempdir().unwrap();
            let path = temp.path().to_path_buf();
            (Some(temp), path)
        }
    }
}

#[test]
fn every_chart_of_a_full_month_is_written_and_readable() {
    let stored = realistic();
    let monthly = Monthly::build(&stored, Policy::Latest);
    let november = Month::parse("2025-11").unwrap();
    let summary = MonthSummary::new(&monthly, november);
    assert_eq!(
        available_charts(&summary),
        [
            Chart::Territory,
            Chart::Attacks,
            Chart::Share,
            Chart::Regions
        ]
    );

    let (_keep, dir) = output_dir();
    let written = render_report(&summary, &dir).unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "2025-11-territory.png",
            "2025-11-attacks.png",
            "2025-11-share.png",
            "2025-11-regions.png",
            "2025-11-summary.png"
        ]
    );
    for path in &written {
        let png = decode(path);
        let expected = if path.to_string_lossy().ends_with("summary.png") {
            SUMMARY_SIZE
        } else {
            CHART_SIZE
        };
        assert_eq!((png.width, png.height), expected, "{}", path.display());
        assert!(
            png.distinct_colours >= 8,
            "{}: {} colours",
            path.display(),
            png.distinct_colours
        );
        assert!(
            png.non_white_share > 0.02,
            "{}: {:.3} drawn",
            path.display(),
            png.non_white_share
        );
    }
}

#[test]
fn a_month_without_regional_or_launch_figures_gets_only_its_charts() {
    let stored = facts([
        F::new("territory_gained", 461.0, month("2025-10")).published("2025-11-01"),
        F::new("territory_gained", 701.0, month("2025-11")).published("2025-12-01"),
    ]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let summary = MonthSummary::new(&monthly, Month::parse("2025-11").unwrap());
    assert_eq!(available_charts(&summary), [Chart::Territory]);

    let dir = tempfile::tempdir().unwrap();
    let written = render_report(&summary, dir.path()).unwrap();
    assert_eq!(written.len(), 2);
    assert!(!dir.path().join("2025-11-regions.png").exists());
    let page = decode(&dir.path().join("2025-11-summary.png"));
    assert_eq!((page.width, page.height), SUMMARY_SIZE);
    assert!(page.distinct_colours >= 8);
}

#[test]
fn a_single_month_of_unknown_metrics_still_renders_a_summary_page() {
    let stored = facts([F::new("tanks_destroyed", 12.0, month("2025-11")).published("2025-12-01")]);
    let monthly = Monthly::build(&stored, Policy::Latest);
    let summary = MonthSummary::new(&monthly, Month::parse("2025-11").unwrap());
    assert!(available_charts(&summary).is_empty());
    let dir = tempfile::tempdir().unwrap();
    let written = render_report(&summary, dir.path()).unwrap();
    assert_eq!(written, [dir.path().join("2025-11-summary.png")]);
    assert!(decode(&written[0]).non_white_share > 0.02);
}
