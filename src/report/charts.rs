//! PNG charts of a month: territory gained (bars), drones and missiles
//! launched (stacked bars), share of Ukraine held (line), the regional
//! breakdown (horizontal bars) and a summary page that combines them with the
//! headline figures, conflicts, failed checks and sources.
//!
//! Drawing uses plotters' bitmap backend in pixel coordinates, with text
//! rasterised from the embedded DejaVu Sans font by ab_glyph. Each month gets
//! one equal-width slot (a category axis), and labels are placed and thinned
//! here so that they never overlap.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use anyhow::{anyhow, Context, Result};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::format::{human, thousands, with_unit};
use super::metrics::Kind;
use super::series::{Basis, MonthValue, Series};
use super::summary::{change_text, check_text, MonthSummary, SummaryRow};
use super::Month;

/// Size of each chart file, in pixels.
pub const CHART_SIZE: (u32, u32) = (1200, 675);
/// Size of the summary page, in pixels.
pub const SUMMARY_SIZE: (u32, u32) = (1600, 2000);
/// Months shown on the time-series charts, ending with the report month.
pub const WINDOW_MONTHS: i32 = 24;

/// Font scale of the charts drawn on the summary page.
const EMBEDDED_CHART_SCALE: f64 = 0.8;

const FONT_BYTES: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");

const INK: RGBColor = RGBColor(33, 37, 41);
const MUTED: RGBColor = RGBColor(108, 117, 125);
const GRID: RGBColor = RGBColor(226, 230, 234);
const AXIS: RGBColor = RGBColor(134, 142, 150);
const BAR: RGBColor = RGBColor(126, 152, 182);
const HIGHLIGHT: RGBColor = RGBColor(201, 42, 42);
const BAND: RGBColor = RGBColor(255, 243, 205);
const DRONES: RGBColor = RGBColor(52, 96, 150);
const MISSILES: RGBColor = RGBColor(232, 131, 25);
const COMBINED: RGBColor = RGBColor(150, 156, 164);
const LINE: RGBColor = RGBColor(52, 96, 150);
const HEADER: RGBColor = RGBColor(28, 45, 70);
const CARD: RGBColor = RGBColor(244, 246, 248);

type Area<'b> = DrawingArea<BitMapBackend<'b>, Shift>;

/// The embedded font, parsed once per process.
fn font() -> Result<&'static FontRef<'static>> {
    static FONT_REF: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT_REF
        .get_or_init(|| FontRef::try_from_slice(FONT_BYTES).ok())
        .as_ref()
        .ok_or_else(|| anyhow!("the embedded font could not be loaded"))
}

/// Advance width of `text` at `size` px, kerning included.
fn text_width(font: &FontRef, text: &str, size: f64) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size as f32));
    let mut width = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            width += scaled.kern(previous, id);
        }
        width += scaled.h_advance(id);
        previous = Some(id);
    }
    width
}

/// The pixels of `text` laid out from `origin` (left end of the baseline),
/// with their coverage. Glyphs sit on one shared baseline at sub-pixel
/// positions, so small text keeps its shape (plotters' own text rounds each
/// glyph's offset separately, which lifts full stops off the line).
fn glyph_pixels(font: &FontRef, text: &str, size: f64, origin: (f32, f32)) -> Vec<(i32, i32, f32)> {
    let scaled = font.as_scaled(PxScale::from(size as f32));
    let mut pixels = Vec::new();
    let mut caret = origin.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            caret += scaled.kern(previous, id);
        }
        let glyph = id.with_scale_and_position(scaled.scale(), point(caret, origin.1));
        caret += scaled.h_advance(id);
        previous = Some(id);
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            outline.draw(|x, y, coverage| {
                if coverage > 0.02 {
                    pixels.push((
                        bounds.min.x as i32 + x as i32,
                        bounds.min.y as i32 + y as i32,
                        coverage.min(1.0),
                    ));
                }
            });
        }
    }
    pixels
}

/// The charts a month can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Territory,
    Attacks,
    Share,
    Regions,
}

impl Chart {
    /// The file name part: `2025-11-territory.png`.
    pub fn stem(self) -> &'static str {
        match self {
            Chart::Territory => "territory",
            Chart::Attacks => "attacks",
            Chart::Share => "share",
            Chart::Regions => "regions",
        }
    }
}

/// The charts that have something to show for the summary's month, in page order.
pub fn available_charts(summary: &MonthSummary) -> Vec<Chart> {
    let window = Window::ending(summary.month);
    let has_values = |metric: &str| {
        summary
            .monthly
            .primary(metric, summary.month)
            .is_some_and(|s| window.months.iter().any(|m| s.months.contains_key(m)))
    };
    let mut charts = Vec::new();
    if has_values("territory_gained") {
        charts.push(Chart::Territory);
    }
    if ATTACK_METRICS.iter().any(|m| has_values(m)) {
        charts.push(Chart::Attacks);
    }
    if has_values("territory_controlled_pct") {
        charts.push(Chart::Share);
    }
    if regional_rows(summary).is_some() {
        charts.push(Chart::Regions);
    }
    charts
}

/// Writes every available chart and the summary page into `dir` (created if
/// needed); returns the files written, summary page last.
pub fn render_report(summary: &MonthSummary, dir: &Path) -> Result<Vec<PathBuf>> {
    font()?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::new();
    for chart in available_charts(summary) {
        let path = dir.join(format!("{}-{}.png", summary.month, chart.stem()));
        render_png(&path, CHART_SIZE, |area| {
            draw_chart(&Pen::new(area, 1.0), summary, chart)
        })?;
        written.push(path);
    }
    let path = dir.join(format!("{}-summary.png", summary.month));
    render_png(&path, SUMMARY_SIZE, |area| draw_summary_page(area, summary))?;
    written.push(path);
    Ok(written)
}

fn render_png(path: &Path, size: (u32, u32), draw: impl FnOnce(&Area) -> Result<()>) -> Result<()> {
    let area = BitMapBackend::new(path, size).into_drawing_area();
    area.fill(&WHITE)?;
    draw(&area)?;
    area.present()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn draw_chart(pen: &Pen, summary: &MonthSummary, chart: Chart) -> Result<()> {
    match chart {
        Chart::Territory => draw_territory(pen, summary),
        Chart::Attacks => draw_attacks(pen, summary),
        Chart::Share => draw_share(pen, summary),
        Chart::Regions => draw_regions(pen, summary),
    }
}

// ---------------------------------------------------------------------------
// Drawing primitives in pixel coordinates.
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
}

impl Rect {
    fn width(self) -> i32 {
        self.x1 - self.x0
    }
    fn height(self) -> i32 {
        self.y1 - self.y0
    }
}

/// Draws on an area with font sizes scaled to it (1.0 for a 1200×675 chart).
struct Pen<'a, 'b> {
    area: &'a Area<'b>,
    scale: f64,
}

impl<'a, 'b> Pen<'a, 'b> {
    /// A pen whose font sizes are `scale` times those of a full-size chart.
    fn new(area: &'a Area<'b>, scale: f64) -> Pen<'a, 'b> {
        Pen { area, scale }
    }

    fn bounds(&self) -> Rect {
        let (w, h) = self.area.dim_in_pixel();
        Rect {
            x0: 0,
            y0: 0,
            x1: w as i32,
            y1: h as i32,
        }
    }

    /// A font size scaled to the area, never below 10 px.
    fn px(&self, base: f64) -> f64 {
        (base * self.scale).max(10.0)
    }

    fn width(&self, text: &str, size: f64) -> i32 {
        match font() {
            Ok(font) => text_width(font, text, size).ceil() as i32,
            Err(_) => (text.chars().count() as f64 * size * 0.6) as i32,
        }
    }

    fn paint(&self, pixels: Vec<(i32, i32, f32)>, color: RGBColor) -> Result<()> {
        for (x, y, coverage) in pixels {
            self.area.draw_pixel((x, y), &color.mix(coverage as f64))?;
        }
        Ok(())
    }

    /// Text with its baseline at `baseline`, anchored at `x` by `anchor`.
    fn text(
        &self,
        text: &str,
        x: i32,
        baseline: i32,
        size: f64,
        color: RGBColor,
        anchor: HPos,
    ) -> Result<()> {
        let width = self.width(text, size);
        let left = match anchor {
            HPos::Left => x,
            HPos::Center => x - width / 2,
            HPos::Right => x - width,
        };
        let pixels = glyph_pixels(font()?, text, size, (left as f32, baseline as f32));
        self.paint(pixels, color)
    }

    /// Left-aligned text drawn twice, a pixel apart: the embedded font has
    /// no bold face.
    fn bold_text(
        &self,
        text: &str,
        x: i32,
        baseline: i32,
        size: f64,
        color: RGBColor,
    ) -> Result<()> {
        self.text(text, x, baseline, size, color, HPos::Left)?;
        self.text(text, x + 1, baseline, size, color, HPos::Left)
    }

    /// Text read bottom to top, centred on `center_y`, baseline at `x`.
    fn vertical_text(
        &self,
        text: &str,
        x: i32,
        center_y: i32,
        size: f64,
        color: RGBColor,
    ) -> Result<()> {
        let bottom = center_y + self.width(text, size) / 2;
        let pixels = glyph_pixels(font()?, text, size, (0.0, 0.0))
            .into_iter()
            .map(|(along, across, coverage)| (x + across, bottom - along, coverage))
            .collect();
        self.paint(pixels, color)
    }

    /// `text` cut with an ellipsis to fit `max_width`.
    fn fit(&self, text: &str, size: f64, max_width: i32) -> String {
        if self.width(text, size) <= max_width {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate: String = chars.iter().collect::<String>() + "…";
            if self.width(&candidate, size) <= max_width {
                return candidate;
            }
        }
        String::new()
    }

    /// Lines of at most `max_width`, broken between words.
    fn wrap(&self, text: &str, size: f64, max_width: i32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size) <= max_width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
            .into_iter()
            .map(|l| self.fit(&l, size, max_width))
            .collect()
    }

    fn fill(&self, rect: Rect, color: RGBColor) -> Result<()> {
        if rect.width() <= 0 || rect.height() <= 0 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new(
            [(rect.x0, rect.y0), (rect.x1, rect.y1)],
            color.filled(),
        ))?;
        Ok(())
    }

    fn outline(&self, rect: Rect, color: RGBColor) -> Result<()> {
        self.area.draw(&Rectangle::new(
            [(rect.x0, rect.y0), (rect.x1, rect.y1)],
            color.stroke_width(1),
        ))?;
        Ok(())
    }

    fn line(&self, points: Vec<(i32, i32)>, color: RGBColor, width: u32) -> Result<()> {
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))?;
        Ok(())
    }

    fn dashed(&self, points: Vec<(i32, i32)>, color: RGBColor, width: u32) -> Result<()> {
        let dash = (6.0 * self.scale).max(3.0) as i32;
        self.area.draw(&DashedPathElement::new(
            points,
            dash,
            dash,
            color.stroke_width(width),
        ))?;
        Ok(())
    }

    /// A filled point with a white ring that separates it from the line.
    fn dot(&self, center: (i32, i32), radius: i32, color: RGBColor) -> Result<()> {
        self.area
            .draw(&Circle::new(center, radius + 2, WHITE.filled()))?;
        self.area
            .draw(&Circle::new(center, radius, color.filled()))?;
        Ok(())
    }

    /// Title and subtitle at the top; returns the y below them.
    fn heading(&self, title: &str, subtitle: &str) -> Result<i32> {
        let bounds = self.bounds();
        let margin = self.margin();
        let title_size = self.px(26.0);
        let subtitle_size = self.px(16.0);
        let max_width = bounds.width() - 2 * margin;
        let mut y = margin + title_size as i32;
        self.bold_text(
            &self.fit(title, title_size, max_width),
            margin,
            y,
            title_size,
            INK,
        )?;
        for line in self.wrap(subtitle, subtitle_size, max_width).iter().take(2) {
            y += (subtitle_size * 1.45) as i32;
            self.text(line, margin, y, subtitle_size, MUTED, HPos::Left)?;
        }
        Ok(y + (subtitle_size * 1.2) as i32)
    }

    fn margin(&self) -> i32 {
        (24.0 * self.scale) as i32
    }

    /// A row of legend entries along the bottom; returns the y above it.
    fn legend(&self, entries: &[(Swatch, String)]) -> Result<i32> {
        let bounds = self.bounds();
        let size = self.px(13.0);
        let baseline = bounds.y1 - self.margin() / 2 - (size * 0.3) as i32;
        let mut x = self.margin();
        let box_size = (size * 0.9) as i32;
        for (swatch, label) in entries {
            let top = baseline - box_size + 1;
            let mark = Rect {
                x0: x,
                y0: top,
                x1: x + box_size,
                y1: top + box_size,
            };
            match *swatch {
                Swatch::Solid(color) => self.fill(mark, color)?,
                Swatch::Light(color) => {
                    self.fill(mark, lighten(color))?;
                    self.outline(mark, color)?;
                }
                Swatch::Band => {
                    self.fill(mark, BAND)?;
                    self.outline(mark, AXIS)?;
                }
                Swatch::Empty => self.outline(mark, AXIS)?,
                Swatch::Whisker => {
                    let mid = x + box_size / 2;
                    self.line(vec![(mid, top), (mid, top + box_size)], INK, 2)?;
                    self.line(vec![(mid - 3, top), (mid + 3, top)], INK, 2)?;
                    self.line(
                        vec![(mid - 3, top + box_size), (mid + 3, top + box_size)],
                        INK,
                        2,
                    )?;
                }
                Swatch::Dashed(color) => {
                    let mid = top + box_size / 2;
                    self.dashed(vec![(x, mid), (x + box_size * 2, mid)], color, 2)?;
                }
                Swatch::Line(color) => {
                    let mid = top + box_size / 2;
                    self.line(vec![(x, mid), (x + box_size * 2, mid)], color, 3)?;
                }
            }
            let mark_width = match swatch {
                Swatch::Dashed(_) | Swatch::Line(_) => box_size * 2,
                _ => box_size,
            };
            x += mark_width + (size * 0.5) as i32;
            self.text(label, x, baseline, size, MUTED, HPos::Left)?;
            x += self.width(label, size) + (size * 1.6) as i32;
        }
        Ok(baseline - (size * 1.8) as i32)
    }
}

#[derive(Debug, Clone, Copy)]
enum Swatch {
    Solid(RGBColor),
    Empty,
    Light(RGBColor),
    Band,
    Whisker,
    Dashed(RGBColor),
    Line(RGBColor),
}

fn lighten(color: RGBColor) -> RGBColor {
    let mix = |c: u8| (c as f64 + (255.0 - c as f64) * 0.6).round() as u8;
    RGBColor(mix(color.0), mix(color.1), mix(color.2))
}

/// Gridline values from zero (or `low`) past `high`, about `count` of them.
fn nice_ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    let span = (high - low).max(f64::EPSILON);
    let raw = span / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (low / step).floor() * step;
    let mut ticks = Vec::new();
    let mut value = first;
    while value < high + step * 0.999 && ticks.len() < 50 {
        ticks.push(value);
        value += step;
    }
    ticks
}

fn tick_label(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    };
    thousands(value, decimals)
}

// ---------------------------------------------------------------------------
// The month axis.
// ---------------------------------------------------------------------------

/// The months on a time-series chart: up to [`WINDOW_MONTHS`] ending with the
/// report month.
#[derive(Debug, Clone)]
struct Window {
    months: Vec<Month>,
    report: Month,
}

impl Window {
    fn ending(report: Month) -> Window {
        Window {
            months: Month::range(report.offset(1 - WINDOW_MONTHS), report).collect(),
            report,
        }
    }

    /// The window without leading months where none of `series` has a value.
    fn trimmed(report: Month, series: &[&Series]) -> Window {
        let full = Window::ending(report);
        let first = full
            .months
            .iter()
            .copied()
            .find(|m| series.iter().any(|s| s.months.contains_key(m)))
            .unwrap_or(report);
        Window {
            months: Month::range(first, report).collect(),
            report,
        }
    }
}

/// Equal-width slots, one per month, across a plot rectangle.
struct MonthAxis {
    plot: Rect,
    count: usize,
}

impl MonthAxis {
    fn slot(&self) -> f64 {
        self.plot.width() as f64 / self.count.max(1) as f64
    }
    fn left(&self, index: usize) -> f64 {
        self.plot.x0 as f64 + index as f64 * self.slot()
    }
    fn center(&self, index: usize) -> i32 {
        (self.left(index) + self.slot() / 2.0).round() as i32
    }
}

/// Month abbreviations under each slot (thinned to fit, always keeping the
/// report month) and the year under each January and the first month.
fn draw_month_labels(pen: &Pen, axis: &MonthAxis, window: &Window) -> Result<()> {
    let size = pen.px(13.0);
    let widest = pen.width("May", size).max(pen.width("Sep", size)) as f64;
    let every = ((widest * 1.3) / axis.slot()).ceil().max(1.0) as usize;
    let report_index = window.months.len().saturating_sub(1);
    let month_baseline = axis.plot.y1 + (size * 1.5) as i32;
    let year_baseline = month_baseline + (size * 1.35) as i32;
    let mut year_right_edge = i32::MIN;
    for (index, month) in window.months.iter().enumerate() {
        let x = axis.center(index);
        let is_report = *month == window.report;
        if (report_index - index).is_multiple_of(every) {
            let color = if is_report { HIGHLIGHT } else { MUTED };
            pen.text(
                month.abbreviation(),
                x,
                month_baseline,
                size,
                color,
                HPos::Center,
            )?;
        }
        if index == 0 || month.number() == 1 {
            let year = month.year().to_string();
            let width = pen.width(&year, size);
            if x - width / 2 > year_right_edge {
                pen.text(&year, x, year_baseline, size, INK, HPos::Center)?;
                year_right_edge = x + width / 2 + (size * 0.5) as i32;
            }
            if index > 0 {
                pen.line(
                    vec![
                        (axis.left(index).round() as i32, axis.plot.y1),
                        (
                            axis.left(index).round() as i32,
                            axis.plot.y1 + (size * 0.6) as i32,
                        ),
                    ],
                    AXIS,
                    1,
                )?;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Bar panels.
// ---------------------------------------------------------------------------

/// One month's bar: stacked segments from the bottom.
#[derive(Debug, Clone)]
struct Bar {
    segments: Vec<(f64, RGBColor)>,
    /// The value printed above the bar.
    total: f64,
    /// Drawn pale: a value derived from a reported change.
    light: bool,
    /// Range of conflicting claims.
    whisker: Option<(f64, f64)>,
}

struct BarPanel<'w> {
    window: &'w Window,
    bars: Vec<Option<Bar>>,
    /// Y axis title, e.g. `km² per month`.
    axis_title: String,
    /// Printed above the report month's column.
    callout: Option<String>,
    /// Caption at the panel's top left (for a second panel).
    caption: Option<String>,
}

fn bar_from(value: &MonthValue, color: RGBColor) -> Bar {
    Bar {
        segments: vec![(value.value, color)],
        total: value.value,
        light: value.basis == Basis::Derived,
        whisker: value.conflict.then_some((value.min, value.max)),
    }
}

fn draw_bar_panel(pen: &Pen, rect: Rect, panel: &BarPanel) -> Result<()> {
    let tick_size = pen.px(13.0);
    let label_size = pen.px(13.0);
    let top_reserve = (label_size * 2.2) as i32
        + if panel.caption.is_some() {
            (tick_size * 1.6) as i32
        } else {
            0
        };
    let data_max = panel
        .bars
        .iter()
        .flatten()
        .map(|b| b.total.max(b.whisker.map_or(0.0, |w| w.1)))
        .fold(0.0, f64::max);
    let ticks = nice_ticks(0.0, if data_max > 0.0 { data_max } else { 1.0 }, 5);
    let step = ticks.get(1).copied().unwrap_or(1.0) - ticks[0];
    let y_top = *ticks.last().unwrap_or(&1.0);
    let widest_tick = ticks
        .iter()
        .map(|t| pen.width(&tick_label(*t, step), tick_size))
        .max()
        .unwrap_or(0);
    let left = rect.x0 + (tick_size * 1.8) as i32 + widest_tick + 8;
    let plot = Rect {
        x0: left,
        y0: rect.y0 + top_reserve,
        x1: rect.x1 - pen.margin() / 2,
        y1: rect.y1 - (tick_size * 3.2) as i32,
    };
    let y_of = |value: f64| plot.y1 - ((value / y_top) * plot.height() as f64).round() as i32;
    let axis = MonthAxis {
        plot,
        count: panel.window.months.len(),
    };
    let report_index = panel.window.months.len().saturating_sub(1);

    if let Some(caption) = &panel.caption {
        pen.text(
            caption,
            rect.x0,
            rect.y0 + tick_size as i32,
            pen.px(15.0),
            INK,
            HPos::Left,
        )?;
    }

    // Highlight band behind the report month.
    pen.fill(
        Rect {
            x0: axis.left(report_index).round() as i32,
            y0: plot.y0 - (label_size * 1.9) as i32,
            x1: axis.left(report_index + 1).round() as i32,
            y1: plot.y1,
        },
        BAND,
    )?;

    for tick in &ticks {
        let y = y_of(*tick);
        pen.line(vec![(plot.x0, y), (plot.x1, y)], GRID, 1)?;
        pen.text(
            &tick_label(*tick, step),
            plot.x0 - 8,
            y + (tick_size * 0.35) as i32,
            tick_size,
            MUTED,
            HPos::Right,
        )?;
    }
    pen.vertical_text(
        &panel.axis_title,
        rect.x0 + (tick_size * 0.9) as i32,
        (plot.y0 + plot.y1) / 2,
        tick_size,
        MUTED,
    )?;

    // Bars, at most ~60 px wide so that a short history does not look bloated.
    let slot = axis.slot();
    let gap = (slot * 0.18).max(1.0).max((slot - 60.0 * pen.scale) / 2.0);
    let stack_top = |bar: &Bar| {
        let stacked: f64 = bar.segments.iter().map(|s| s.0.max(0.0)).sum();
        stacked.max(bar.total).max(bar.whisker.map_or(0.0, |w| w.1))
    };
    for (index, bar) in panel.bars.iter().enumerate() {
        let Some(bar) = bar else { continue };
        let x0 = (axis.left(index) + gap).round() as i32;
        let x1 = (axis.left(index + 1) - gap).round() as i32;
        let mut base = 0.0;
        for &(value, color) in &bar.segments {
            let segment = Rect {
                x0,
                y0: y_of(base + value.max(0.0)),
                x1,
                y1: y_of(base),
            };
            if bar.light {
                pen.fill(segment, lighten(color))?;
                pen.outline(segment, color)?;
            } else {
                pen.fill(segment, color)?;
            }
            base += value.max(0.0);
        }
        if let Some((low, high)) = bar.whisker {
            let x = axis.center(index);
            let cap = ((x1 - x0) / 4).max(2);
            pen.line(vec![(x, y_of(low)), (x, y_of(high))], INK, 2)?;
            pen.line(vec![(x - cap, y_of(low)), (x + cap, y_of(low))], INK, 2)?;
            pen.line(vec![(x - cap, y_of(high)), (x + cap, y_of(high))], INK, 2)?;
        }
    }
    pen.line(vec![(plot.x0, plot.y1), (plot.x1, plot.y1)], AXIS, 1)?;

    // Value labels: shrink to the slot, then thin out, keeping the report month.
    let labels: Vec<Option<String>> = panel
        .bars
        .iter()
        .map(|b| b.as_ref().map(|b| human(b.total)))
        .collect();
    let widest = labels
        .iter()
        .flatten()
        .map(|l| pen.width(l, label_size))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let fitting = label_size * (slot * 0.94) / widest;
    let (size, every) = if fitting >= 10.0 {
        (label_size.min(fitting), 1)
    } else {
        let every = (10.0 / fitting).ceil() as usize;
        (
            label_size.min(fitting * every as f64 * 0.9).max(10.0),
            every,
        )
    };
    // Everything drawn above the baseline that the callout must avoid: bars
    // and their labels, as (left, top, right).
    let mut occupied: Vec<(i32, i32, i32)> = Vec::new();
    let mut report_label_top = plot.y1;
    for (index, (bar, label)) in panel.bars.iter().zip(&labels).enumerate() {
        let (Some(bar), Some(label)) = (bar, label) else {
            continue;
        };
        let baseline = y_of(stack_top(bar)) - 5;
        let label_top = baseline - (size * 0.8) as i32;
        if index == report_index {
            report_label_top = label_top;
        }
        let (left, right) = (axis.left(index) as i32, axis.left(index + 1) as i32);
        if !(report_index - index).is_multiple_of(every) {
            occupied.push((left, baseline, right));
            continue;
        }
        let width = pen.width(label, size);
        let center = axis.center(index);
        occupied.push((
            left.min(center - width / 2),
            label_top,
            right.max(center + width / 2),
        ));
        let color = if index == report_index {
            HIGHLIGHT
        } else {
            INK
        };
        pen.text(label, center, baseline, size, color, HPos::Center)?;
    }

    // The month-on-month callout, right above the report month's label unless
    // a neighbour is in the way, then higher.
    if let Some(callout) = &panel.callout {
        let width = pen.width(callout, label_size);
        let center = axis.center(report_index);
        let x = (center - width / 2).clamp(plot.x0, (plot.x1 - width).max(plot.x0));
        let highest = plot.y0 - (label_size * 0.9) as i32;
        let mut baseline = (report_label_top - 6).max(highest);
        // Move up past whatever it overlaps until nothing does (or it reaches the top).
        while let Some(&(_, top, _)) = occupied
            .iter()
            .filter(|&&(left, top, right)| left < x + width && x < right && baseline + 2 > top)
            .min_by_key(|o| o.1)
        {
            if top - 4 >= baseline || top - 4 < highest {
                baseline = highest;
                break;
            }
            baseline = top - 4;
        }
        pen.text(callout, x, baseline, label_size, HIGHLIGHT, HPos::Left)?;
    }

    draw_month_labels(pen, &axis, panel.window)
}

// ---------------------------------------------------------------------------
// The charts.
// ---------------------------------------------------------------------------

/// `by Russia` / empty when no actor.
fn by_actor(series: &Series) -> String {
    series
        .key
        .actor
        .as_ref()
        .map(|a| format!(" by {a}"))
        .unwrap_or_default()
}

/// `November 2025: 701 km² · +240 km² (+52.1%) on October · largest since 2024-11`.
fn headline(series: &Series, month: Month) -> String {
    let Some(value) = series.get(month) else {
        return format!("{}: no figure reported", month.long_name());
    };
    let mut parts = vec![format!(
        "{}: {}",
        month.long_name(),
        with_unit(value.value, &series.info.unit_label)
    )];
    if value.basis != Basis::Claimed {
        parts[0].push_str(&format!(" ({})", basis_phrase(value.basis)));
    }
    if value.mom.is_some() {
        parts.push(format!(
            "{} on {}",
            change_text(series, value.mom),
            month.previous().long_name()
        ));
    }
    if value.yoy.is_some() {
        parts.push(format!(
            "{} on {}",
            change_text(series, value.yoy),
            month.offset(-12).long_name()
        ));
    }
    if let Some(record) = value.record {
        parts.push(record.to_string());
    }
    parts.join("  ·  ")
}

fn basis_phrase(basis: Basis) -> &'static str {
    match basis {
        Basis::Claimed => "reported",
        Basis::SummedDays => "sum of daily figures",
        Basis::SumOfParts => "sum of drones and missiles",
        Basis::Derived => "derived from a reported change",
    }
}

/// The MoM callout above the report month: `+240 km² (+52.1%)`.
fn callout(series: &Series, month: Month) -> Option<String> {
    let value = series.get(month)?;
    value
        .mom
        .map(|_| format!("{} MoM", change_text(series, value.mom)))
}

fn common_legend(window: &Window, series: &[&Series]) -> Vec<(Swatch, String)> {
    let values: Vec<&MonthValue> = series
        .iter()
        .flat_map(|s| window.months.iter().filter_map(|m| s.get(*m)))
        .collect();
    let mut entries = vec![(Swatch::Band, window.report.long_name())];
    if values.iter().any(|v| v.basis == Basis::Derived) {
        entries.push((
            Swatch::Light(BAR),
            "derived from the next month's reported change".to_string(),
        ));
    }
    if values.iter().any(|v| v.conflict) {
        entries.push((Swatch::Whisker, "range of conflicting claims".to_string()));
    }
    if window.months.len() > values.len() / series.len().max(1) {
        entries.push((Swatch::Empty, "no bar: no figure reported".to_string()));
    }
    entries
}

fn draw_territory(pen: &Pen, summary: &MonthSummary) -> Result<()> {
    let month = summary.month;
    let series = summary
        .monthly
        .primary("territory_gained", month)
        .context("no territory figures")?;
    let window = Window::trimmed(month, &[series]);
    let title = format!("Territory gained{}, per month", by_actor(series));
    let top = pen.heading(&title, &headline(series, month))?;
    let mut legend = common_legend(&window, &[series]);
    legend.insert(1, (Swatch::Solid(BAR), "other months".to_string()));
    let bottom = pen.legend(&legend)?;
    let bars = window
        .months
        .iter()
        .map(|m| {
            series
                .get(*m)
                .map(|v| bar_from(v, if *m == month { HIGHLIGHT } else { BAR }))
        })
        .collect();
    let panel = BarPanel {
        window: &window,
        bars,
        axis_title: format!("{} per month", series.info.unit_label),
        callout: callout(series, month),
        caption: None,
    };
    let bounds = pen.bounds();
    draw_bar_panel(
        pen,
        Rect {
            x0: pen.margin(),
            y0: top,
            x1: bounds.x1 - pen.margin() / 2,
            y1: bottom,
        },
        &panel,
    )
}

const ATTACK_METRICS: [&str; 3] = [
    "drones_and_missiles_launched",
    "drones_launched",
    "missiles_launched",
];

fn value_of<'s, 'a>(series: Option<&'s Series<'a>>, month: Month) -> Option<&'s MonthValue<'a>> {
    series.and_then(|s| s.get(month))
}

fn draw_attacks(pen: &Pen, summary: &MonthSummary) -> Result<()> {
    let month = summary.month;
    let monthly = summary.monthly;
    let combined = monthly.primary(ATTACK_METRICS[0], month);
    let drones = monthly.primary(ATTACK_METRICS[1], month);
    let missiles = monthly.primary(ATTACK_METRICS[2], month);
    let present: Vec<&Series> = [combined, drones, missiles].into_iter().flatten().collect();
    let lead = *present.first().context("no launch figures")?;
    let window = Window::trimmed(month, &present);

    let title = format!("Drones and missiles launched{}, per month", by_actor(lead));
    let mut subtitle = headline(lead, month);
    let parts: Vec<String> = [(drones, "drones"), (missiles, "missiles")]
        .iter()
        .filter_map(|(s, name)| {
            let value = (*s)?.get(month)?;
            Some(format!("{name} {}", human(value.value)))
        })
        .collect();
    if lead.key.metric == ATTACK_METRICS[0] && !parts.is_empty() {
        subtitle.push_str(&format!("  ·  {}", parts.join(", ")));
    }
    let top = pen.heading(&title, &subtitle)?;

    let mut used_combined_only = false;
    let bars: Vec<Option<Bar>> = window
        .months
        .iter()
        .map(|&m| {
            let (c, d, mi) = (
                value_of(combined, m),
                value_of(drones, m),
                value_of(missiles, m),
            );
            let segments = match (d, mi, c) {
                (Some(d), Some(mi), _) => vec![(d.value, DRONES), (mi.value, MISSILES)],
                (_, _, Some(c)) => {
                    used_combined_only = true;
                    vec![(c.value, COMBINED)]
                }
                (Some(d), None, None) => vec![(d.value, DRONES)],
                (None, Some(mi), None) => vec![(mi.value, MISSILES)],
                (None, None, None) => return None,
            };
            let stacked: f64 = segments.iter().map(|s| s.0).sum();
            Some(Bar {
                total: c.map_or(stacked, |c| c.value),
                light: c.is_some_and(|c| c.basis == Basis::Derived) && d.is_none(),
                whisker: c.filter(|c| c.conflict).map(|c| (c.min, c.max)),
                segments,
            })
        })
        .collect();

    let mut legend = common_legend(&window, &present);
    let mut kinds = Vec::new();
    if drones.is_some() {
        kinds.push((Swatch::Solid(DRONES), "drones".to_string()));
    }
    if missiles.is_some() {
        kinds.push((Swatch::Solid(MISSILES), "missiles".to_string()));
    }
    if used_combined_only {
        kinds.push((
            Swatch::Solid(COMBINED),
            "combined total, no breakdown".to_string(),
        ));
    }
    legend.splice(1..1, kinds);
    let bottom = pen.legend(&legend)?;
    let bounds = pen.bounds();
    let frame = Rect {
        x0: pen.margin(),
        y0: top,
        x1: bounds.x1 - pen.margin() / 2,
        y1: bottom,
    };
    let combined_panel = BarPanel {
        window: &window,
        bars,
        axis_title: "launched per month".to_string(),
        callout: combined.and_then(|s| callout(s, month)),
        caption: None,
    };
    let missile_bars: Vec<Option<Bar>> = window
        .months
        .iter()
        .map(|&m| value_of(missiles, m).map(|v| bar_from(v, MISSILES)))
        .collect();
    // Missiles are a few percent of the combined total: they get their own
    // scale below, or they would be invisible.
    let show_missiles = missiles.is_some() && missile_bars.iter().flatten().count() > 0;
    if !show_missiles {
        return draw_bar_panel(pen, frame, &combined_panel);
    }
    let split = frame.y0 + (frame.height() as f64 * 0.6) as i32;
    draw_bar_panel(pen, Rect { y1: split, ..frame }, &combined_panel)?;
    let missiles_panel = BarPanel {
        window: &window,
        bars: missile_bars,
        axis_title: "missiles".to_string(),
        callout: missiles.and_then(|s| callout(s, month)),
        caption: Some("Missiles launched, on their own scale".to_string()),
    };
    draw_bar_panel(
        pen,
        Rect {
            y0: split + (pen.px(8.0)) as i32,
            ..frame
        },
        &missiles_panel,
    )
}

fn draw_share(pen: &Pen, summary: &MonthSummary) -> Result<()> {
    let month = summary.month;
    let series = summary
        .monthly
        .primary("territory_controlled_pct", month)
        .context("no share figures")?;
    let window = Window::trimmed(month, &[series]);
    let title = format!("Share of Ukraine held{}", by_actor(series));
    let top = pen.heading(&title, &headline(series, month))?;
    let bottom = pen.legend(&[
        (Swatch::Line(LINE), "reported".to_string()),
        (
            Swatch::Dashed(LINE),
            "months without a figure in between".to_string(),
        ),
        (Swatch::Band, month.long_name()),
    ])?;

    let points: Vec<(usize, f64)> = window
        .months
        .iter()
        .enumerate()
        .filter_map(|(i, m)| series.value(*m).map(|v| (i, v)))
        .collect();
    let (low, high) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.1), hi.max(p.1))
        });
    let pad = ((high - low) * 0.25).max(0.5);
    let ticks = nice_ticks(low - pad, high + pad, 5);
    let step = ticks.get(1).copied().unwrap_or(1.0) - ticks[0];
    let (y_low, y_high) = (ticks[0], *ticks.last().unwrap_or(&high));

    let tick_size = pen.px(13.0);
    let widest_tick = ticks
        .iter()
        .map(|t| pen.width(&format!("{}%", tick_label(*t, step)), tick_size))
        .max()
        .unwrap_or(0);
    let bounds = pen.bounds();
    let plot = Rect {
        x0: pen.margin() + (tick_size * 1.8) as i32 + widest_tick + 8,
        y0: top + (tick_size * 1.5) as i32,
        x1: bounds.x1 - pen.margin(),
        y1: bottom - (tick_size * 3.2) as i32,
    };
    let y_of = |v: f64| {
        plot.y1
            - (((v - y_low) / (y_high - y_low).max(f64::EPSILON)) * plot.height() as f64).round()
                as i32
    };
    let axis = MonthAxis {
        plot,
        count: window.months.len(),
    };
    let report_index = window.months.len() - 1;
    pen.fill(
        Rect {
            x0: axis.left(report_index).round() as i32,
            y0: plot.y0,
            x1: axis.left(report_index + 1).round() as i32,
            y1: plot.y1,
        },
        BAND,
    )?;
    for tick in &ticks {
        let y = y_of(*tick);
        pen.line(vec![(plot.x0, y), (plot.x1, y)], GRID, 1)?;
        pen.text(
            &format!("{}%", tick_label(*tick, step)),
            plot.x0 - 8,
            y + (tick_size * 0.35) as i32,
            tick_size,
            MUTED,
            HPos::Right,
        )?;
    }
    pen.vertical_text(
        "% of Ukraine's territory",
        pen.margin() + (tick_size * 0.9) as i32,
        (plot.y0 + plot.y1) / 2,
        tick_size,
        MUTED,
    )?;
    pen.line(vec![(plot.x0, plot.y1), (plot.x1, plot.y1)], AXIS, 1)?;

    let pixel = |(i, v): (usize, f64)| (axis.center(i), y_of(v));
    for pair in points.windows(2) {
        let segment = vec![pixel(pair[0]), pixel(pair[1])];
        if pair[1].0 == pair[0].0 + 1 {
            pen.line(segment, LINE, 3)?;
        } else {
            pen.dashed(segment, LINE, 2)?;
        }
    }
    let label_size = pen.px(13.0);
    let mut last_label_right = i32::MIN;
    for &(index, value) in points.iter().rev() {
        let (x, y) = pixel((index, value));
        let is_report = index == report_index;
        pen.dot(
            (x, y),
            if is_report { 7 } else { 5 },
            if is_report { HIGHLIGHT } else { LINE },
        )?;
        // Labels from the right, skipping any that would touch the previous one.
        let label = format!("{}%", thousands(value, 1));
        let width = pen.width(&label, label_size);
        if is_report || x + width / 2 + 4 < last_label_right || last_label_right == i32::MIN {
            pen.text(
                &label,
                x,
                y - (label_size * 0.9) as i32,
                label_size,
                if is_report { HIGHLIGHT } else { INK },
                HPos::Center,
            )?;
            last_label_right = x - width / 2;
        }
    }
    draw_month_labels(pen, &axis, &window)
}

/// The metric with the most regional figures this month, and those rows,
/// largest first.
fn regional_rows<'m, 'a>(summary: &MonthSummary<'m, 'a>) -> Option<Vec<SummaryRow<'m, 'a>>> {
    let regional: Vec<SummaryRow> = summary
        .rows
        .iter()
        .filter(|r| r.series.key.region.is_some())
        .copied()
        .collect();
    let metric = regional
        .iter()
        .map(|r| (&r.series.key.metric, r.series.info.order))
        .max_by_key(|(metric, order)| {
            (
                regional
                    .iter()
                    .filter(|r| &&r.series.key.metric == metric)
                    .count(),
                std::cmp::Reverse(*order),
            )
        })?
        .0
        .clone();
    let mut rows: Vec<SummaryRow> = regional
        .into_iter()
        .filter(|r| r.series.key.metric == metric)
        .collect();
    rows.sort_by(|a, b| b.value.value.total_cmp(&a.value.value));
    Some(rows)
}

fn draw_regions(pen: &Pen, summary: &MonthSummary) -> Result<()> {
    let month = summary.month;
    let rows = regional_rows(summary).context("no regional figures")?;
    let first = rows[0].series;
    let metric = &first.key.metric;
    let unit = first.info.unit_label.to_string();
    let is_flow = first.info.kind == Kind::Flow;
    let national = summary
        .monthly
        .primary(metric, month)
        .and_then(|s| s.get(month).map(|v| (s, v.value)))
        .filter(|(_, total)| *total > 0.0);

    let title = format!("{} by region, {}", first.info.title, month.long_name());
    let regional_total: f64 = rows.iter().map(|r| r.value.value).sum();
    let subtitle = match national {
        Some((series, total)) if is_flow => format!(
            "National total{}: {}  ·  the {} regions reported add up to {} ({:.0}%)",
            by_actor(series),
            with_unit(total, &unit),
            rows.len(),
            with_unit(regional_total, &unit),
            regional_total / total * 100.0
        ),
        _ => format!("{} regional figures reported", rows.len()),
    };
    let top = pen.heading(&title, &subtitle)?;
    let bounds = pen.bounds();
    let label_size = pen.px(15.0);

    // The national figure first, then each region, then what no region accounts for.
    let main_actor = first.key.actor.clone();
    let mut bars: Vec<(String, f64, RGBColor, String)> = Vec::new();
    let share = |value: f64| match national {
        Some((_, total)) if is_flow => format!("  ({:.0}% of national)", value / total * 100.0),
        _ => String::new(),
    };
    if let Some((series, total)) = national {
        bars.push((
            format!("National{}", by_actor(series)),
            total,
            HEADER,
            with_unit(total, &unit),
        ));
    }
    for row in rows.iter().take(12) {
        let region = row.series.key.region.clone().unwrap_or_default();
        let name = match &row.series.key.actor {
            Some(actor) if row.series.key.actor != main_actor => format!("{region} ({actor})"),
            _ => region,
        };
        let color = if row.value.basis == Basis::Derived {
            lighten(HIGHLIGHT)
        } else {
            HIGHLIGHT
        };
        let value = row.value.value;
        bars.push((
            name,
            value,
            color,
            format!("{}{}", with_unit(value, &unit), share(value)),
        ));
    }
    if let Some((_, total)) = national.filter(|_| is_flow) {
        let rest = total - regional_total;
        if rest > 0.0 {
            bars.push((
                "Not broken down".to_string(),
                rest,
                COMBINED,
                format!("{}{}", with_unit(rest, &unit), share(rest)),
            ));
        }
    }

    let name_width = bars
        .iter()
        .map(|b| pen.width(&b.0, label_size))
        .max()
        .unwrap_or(0)
        .min(bounds.width() / 3);
    let value_width = bars
        .iter()
        .map(|b| pen.width(&b.3, label_size))
        .max()
        .unwrap_or(0);
    let area = Rect {
        x0: pen.margin() + name_width + 12,
        y0: top + (label_size * 0.5) as i32,
        x1: bounds.x1 - pen.margin() - value_width - 12,
        y1: bounds.y1 - pen.margin() - (label_size * 1.5) as i32,
    };
    let max = bars
        .iter()
        .map(|b| b.1)
        .fold(0.0, f64::max)
        .max(f64::EPSILON);
    let row_height = (area.height() as f64 / bars.len().max(1) as f64).min(label_size * 4.5);
    // A short list sits in the middle rather than at the top of an empty chart.
    let block = row_height * bars.len() as f64;
    let y_start = area.y0 as f64 + ((area.height() as f64 - block) / 2.0).max(0.0);
    for (i, (name, value, color, text)) in bars.iter().enumerate() {
        let y0 = y_start + i as f64 * row_height;
        let bar = Rect {
            x0: area.x0,
            y0: (y0 + row_height * 0.2).round() as i32,
            x1: area.x0 + ((value.max(0.0) / max) * area.width() as f64).round() as i32,
            y1: (y0 + row_height * 0.8).round() as i32,
        };
        pen.fill(bar, *color)?;
        let baseline = (bar.y0 + bar.y1) / 2 + (label_size * 0.35) as i32;
        pen.text(name, area.x0 - 10, baseline, label_size, INK, HPos::Right)?;
        pen.text(text, bar.x1 + 8, baseline, label_size, INK, HPos::Left)?;
    }
    pen.line(
        vec![
            (area.x0, y_start as i32),
            (area.x0, (y_start + block) as i32),
        ],
        AXIS,
        1,
    )?;
    if rows.len() > 12 {
        pen.text(
            &format!("and {} more regions", rows.len() - 12),
            area.x0,
            bounds.y1 - pen.margin(),
            pen.px(13.0),
            MUTED,
            HPos::Left,
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The summary page.
// ---------------------------------------------------------------------------

fn draw_summary_page(area: &Area, summary: &MonthSummary) -> Result<()> {
    let pen = Pen::new(area, 1.0);
    let bounds = pen.bounds();
    let margin = 40;
    let month = summary.month;

    // Header band.
    let header = Rect {
        x0: 0,
        y0: 0,
        x1: bounds.x1,
        y1: 130,
    };
    pen.fill(header, HEADER)?;
    pen.bold_text(
        &format!("Frontline  ·  {}", month.long_name()),
        margin,
        68,
        44.0,
        WHITE,
    )?;
    let rule = match summary.monthly.policy {
        super::Policy::Latest => "the latest publication's claim counts",
        super::Policy::Median => "the median claim counts",
        super::Policy::Max => "the largest claim counts",
    };
    pen.text(
        &format!(
            "Monthly figures on the Russia–Ukraine war, read from news reports  ·  {rule}  ·  {} figures from {} documents",
            summary.rows.len(),
            summary.sources.len()
        ),
        margin,
        108,
        19.0,
        RGBColor(200, 210, 225),
        HPos::Left,
    )?;

    // Headline cards, up to five in a row.
    let headlines = summary.headlines();
    let per_row = headlines.len().clamp(1, 5);
    let gap = 20;
    let card_width = (bounds.width() - 2 * margin - gap * (per_row as i32 - 1)) / per_row as i32;
    let card_height = 190;
    let mut y = header.y1 + 30;
    for (i, row) in headlines.iter().enumerate() {
        let column = (i % per_row) as i32;
        if i > 0 && column == 0 {
            y += card_height + gap;
        }
        let x = margin + column * (card_width + gap);
        draw_card(
            &pen,
            Rect {
                x0: x,
                y0: y,
                x1: x + card_width,
                y1: y + card_height,
            },
            row,
        )?;
    }
    if !headlines.is_empty() {
        y += card_height + 30;
    }

    // Charts, two per row.
    let charts = available_charts(summary);
    let chart_gap = 20;
    let chart_width = (bounds.width() - 2 * margin - chart_gap) / 2;
    let chart_height = 480;
    for (i, chart) in charts.iter().enumerate() {
        let column = (i % 2) as i32;
        if i > 0 && column == 0 {
            y += chart_height + chart_gap;
        }
        let x = margin + column * (chart_width + chart_gap);
        let frame = Rect {
            x0: x,
            y0: y,
            x1: x + chart_width,
            y1: y + chart_height,
        };
        let sub = area.clone().shrink(
            (frame.x0, frame.y0),
            (frame.width() as u32, frame.height() as u32),
        );
        draw_chart(&Pen::new(&sub, EMBEDDED_CHART_SCALE), summary, *chart)?;
        pen.outline(frame, GRID)?;
    }
    if !charts.is_empty() {
        y += chart_height + 40;
    }

    // The sources footer takes what it needs from the bottom (up to 12 lines
    // in two columns); conflicts and checks come first in the space between,
    // then the table of every figure.
    let source_lines = summary.sources.len().div_ceil(2).clamp(1, 12) as i32;
    let footer_top = bounds.y1 - (110 + source_lines * SOURCE_LINE_HEIGHT);
    let min_table_height = 70 + 4 * TABLE_ROW_HEIGHT;
    let notes_bottom = draw_notes(
        &pen,
        summary,
        Rect {
            x0: margin,
            y0: y,
            x1: bounds.x1 - margin,
            y1: footer_top - 20 - min_table_height,
        },
    )?;
    draw_figures_table(
        &pen,
        summary,
        Rect {
            x0: margin,
            y0: notes_bottom + 16,
            x1: bounds.x1 - margin,
            y1: footer_top - 20,
        },
    )?;
    draw_sources_footer(
        &pen,
        summary,
        Rect {
            x0: margin,
            y0: footer_top,
            x1: bounds.x1 - margin,
            y1: bounds.y1 - 24,
        },
    )
}

const SOURCE_LINE_HEIGHT: i32 = 22;
const TABLE_ROW_HEIGHT: i32 = 27;

/// Every figure of the month, as `frontline report` prints it.
fn draw_figures_table(pen: &Pen, summary: &MonthSummary, rect: Rect) -> Result<()> {
    let mut y = rect.y0 + 24;
    pen.bold_text(
        &format!("All figures for {}", summary.month.long_name()),
        rect.x0,
        y,
        24.0,
        INK,
    )?;
    y += 22;
    let size = 15.0;
    let header = [
        "Figure", "Actor", "Region", "Value", "Basis", "Claims", "MoM", "YoY", "Rank",
    ];
    let right_aligned = [false, false, false, true, false, true, true, true, false];
    let rows: Vec<[String; 9]> = summary
        .rows
        .iter()
        .map(|row| {
            let key = &row.series.key;
            [
                row.series.info.title.to_string(),
                key.actor.clone().unwrap_or_default(),
                key.region.clone().unwrap_or_default(),
                row.value_text(),
                row.value.basis.as_str().replace('_', " "),
                if row.value.conflict {
                    format!("{} (conflict)", row.value.claims.len())
                } else {
                    row.value.claims.len().to_string()
                },
                row.mom_text(),
                row.yoy_text(),
                row.record_text(),
            ]
        })
        .collect();
    let gap = 28;
    let mut widths: Vec<i32> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| pen.width(&r[i], size))
                .chain([pen.width(header[i], size)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Give any shortfall to the widest text columns, which are cut to fit.
    let total: i32 = widths.iter().sum::<i32>() + gap * (widths.len() as i32 - 1);
    if total > rect.width() {
        let excess = total - rect.width();
        for i in [0, 8] {
            let cut = excess.min(widths[i] / 2) / 2 + 1;
            widths[i] -= cut;
        }
    }
    let capacity = ((rect.y1 - y) / TABLE_ROW_HEIGHT - 1).max(0) as usize;
    let shown = rows.len().min(capacity);
    let draw_row = |cells: &[String], baseline: i32, color: RGBColor| -> Result<()> {
        let mut x = rect.x0 + 10;
        for (i, cell) in cells.iter().enumerate() {
            let text = pen.fit(cell, size, widths[i]);
            if right_aligned[i] {
                pen.text(&text, x + widths[i], baseline, size, color, HPos::Right)?;
            } else {
                pen.text(&text, x, baseline, size, color, HPos::Left)?;
            }
            x += widths[i] + gap;
        }
        Ok(())
    };
    let header_cells: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    y += TABLE_ROW_HEIGHT;
    draw_row(&header_cells, y - 8, MUTED)?;
    pen.line(vec![(rect.x0, y), (rect.x1, y)], AXIS, 1)?;
    for (i, cells) in rows.iter().take(shown).enumerate() {
        if i % 2 == 1 {
            pen.fill(
                Rect {
                    x0: rect.x0,
                    y0: y,
                    x1: rect.x1,
                    y1: y + TABLE_ROW_HEIGHT,
                },
                CARD,
            )?;
        }
        y += TABLE_ROW_HEIGHT;
        draw_row(cells, y - 8, INK)?;
    }
    if shown < rows.len() {
        pen.text(
            &format!(
                "… and {} more rows: `frontline report` prints them all",
                rows.len() - shown
            ),
            rect.x0 + 10,
            y + TABLE_ROW_HEIGHT - 8,
            size,
            MUTED,
            HPos::Left,
        )?;
    }
    Ok(())
}

/// Conflicting claims, reported changes that do not add up, and values that
/// are not direct monthly claims.
fn draw_notes(pen: &Pen, summary: &MonthSummary, rect: Rect) -> Result<i32> {
    let mut notes: Vec<(RGBColor, String)> = Vec::new();
    for check in &summary.failed_checks {
        notes.push((
            HIGHLIGHT,
            format!(
                "Reported change does not add up — {}",
                check_text(summary.monthly, check)
            ),
        ));
    }
    for row in summary.conflicts() {
        notes.push((
            INK,
            format!(
                "Claims differ by more than 5% — {}: {}",
                row.label(),
                row.claims_text()
            ),
        ));
    }
    for row in summary
        .rows
        .iter()
        .filter(|r| r.value.basis != Basis::Claimed)
    {
        notes.push((
            MUTED,
            format!(
                "* {}: {} is a {}",
                row.label(),
                row.value_text(),
                basis_phrase(row.value.basis)
            ),
        ));
    }
    let mut y = rect.y0 + 24;
    pen.bold_text("Conflicts and checks", rect.x0, y, 24.0, INK)?;
    y += 40;
    let size = 17.0;
    let line_height = 26;
    if notes.is_empty() {
        pen.text(
            "No conflicting claims, and every reported change agrees with the series (within one point).",
            rect.x0,
            y,
            size,
            MUTED,
            HPos::Left,
        )?;
        return Ok(y + 10);
    }
    let mut hidden = 0;
    for (color, note) in &notes {
        let lines = pen.wrap(note, size, rect.width());
        if hidden > 0 || y + line_height * (lines.len() as i32 + 1) > rect.y1 {
            hidden += 1;
            continue;
        }
        for line in lines {
            pen.text(&line, rect.x0, y, size, *color, HPos::Left)?;
            y += line_height;
        }
        y += 6;
    }
    if hidden > 0 {
        pen.text(
            &format!("… and {hidden} more: `frontline report` prints them all"),
            rect.x0,
            y,
            size,
            MUTED,
            HPos::Left,
        )?;
        y += line_height;
    }
    Ok(y)
}

fn draw_card(pen: &Pen, rect: Rect, row: &SummaryRow) -> Result<()> {
    pen.fill(rect, CARD)?;
    let accent = match row.series.info.group {
        super::metrics::ChartGroup::Territory | super::metrics::ChartGroup::Share => HIGHLIGHT,
        super::metrics::ChartGroup::Attacks => DRONES,
        _ => BAR,
    };
    pen.fill(
        Rect {
            x1: rect.x0 + 6,
            ..rect
        },
        accent,
    )?;
    let x = rect.x0 + 22;
    let width = rect.width() - 34;
    let title_lines = pen.wrap(&row.series.info.title, 18.0, width);
    for (i, line) in title_lines.iter().take(2).enumerate() {
        pen.text(line, x, rect.y0 + 30 + i as i32 * 22, 18.0, INK, HPos::Left)?;
    }
    let mut value = row.value_text();
    if row.value.basis != Basis::Claimed {
        value.push('*');
    }
    pen.text(
        &pen.fit(&value, 40.0, width),
        x,
        rect.y0 + 102,
        40.0,
        INK,
        HPos::Left,
    )?;
    let change_line = |label: &str, change: Option<super::Change>, then: Month| match change {
        Some(_) => format!(
            "{label} {}",
            arrowed(change, &change_text(row.series, change))
        ),
        None => format!("{label} n/a (no figure for {})", then.abbreviation()),
    };
    let month = row.value.month;
    let mom = change_line("MoM", row.value.mom, month.previous());
    let yoy = change_line("YoY", row.value.yoy, month.offset(-12));
    pen.text(
        &pen.fit(&mom, 16.0, width),
        x,
        rect.y0 + 132,
        16.0,
        INK,
        HPos::Left,
    )?;
    pen.text(
        &pen.fit(&yoy, 16.0, width),
        x,
        rect.y0 + 155,
        16.0,
        INK,
        HPos::Left,
    )?;
    let note = row.record_text();
    let actor = row
        .series
        .key
        .actor
        .as_ref()
        .map(|a| format!("{a}  ·  "))
        .unwrap_or_default();
    pen.text(
        &pen.fit(&format!("{actor}{note}"), 14.0, width),
        x,
        rect.y0 + 178,
        14.0,
        MUTED,
        HPos::Left,
    )?;
    Ok(())
}

/// `▲ +240 km² (+52.1%)`.
fn arrowed(change: Option<super::Change>, text: &str) -> String {
    match change.map(|c| c.absolute) {
        Some(d) if d > 0.0 => format!("▲ {text}"),
        Some(d) if d < 0.0 => format!("▼ {text}"),
        _ => text.to_string(),
    }
}

fn draw_sources_footer(pen: &Pen, summary: &MonthSummary, rect: Rect) -> Result<()> {
    pen.line(vec![(rect.x0, rect.y0), (rect.x1, rect.y0)], GRID, 2)?;
    pen.bold_text(
        &format!("Sources behind the {} figures", summary.month.long_name()),
        rect.x0,
        rect.y0 + 36,
        20.0,
        INK,
    )?;
    let size = 14.0;
    let column_gap = 30;
    let column_width = (rect.width() - column_gap) / 2;
    let top = rect.y0 + 66;
    let per_column = ((rect.y1 - 30 - top) / SOURCE_LINE_HEIGHT + 1).max(1) as usize;
    let capacity = per_column * 2;
    let shown = if summary.sources.len() > capacity {
        capacity - 1
    } else {
        summary.sources.len()
    };
    for (i, source) in summary.sources.iter().take(shown).enumerate() {
        let column = (i / per_column) as i32;
        let line = (i % per_column) as i32;
        let text = pen.fit(&source.text(), size, column_width);
        pen.text(
            &text,
            rect.x0 + column * (column_width + column_gap),
            top + line * SOURCE_LINE_HEIGHT,
            size,
            MUTED,
            HPos::Left,
        )?;
    }
    if shown < summary.sources.len() {
        let more = format!(
            "… and {} more (`frontline export --shape series` lists the documents behind each figure)",
            summary.sources.len() - shown
        );
        pen.text(
            &pen.fit(&more, size, column_width),
            rect.x0 + column_width + column_gap,
            top + (per_column as i32 - 1) * SOURCE_LINE_HEIGHT,
            size,
            MUTED,
            HPos::Left,
        )?;
    }
    pen.text(
        &format!(
            "Generated by frontline {} from its fact store  ·  * not a direct monthly claim (see above)",
            env!("CARGO_PKG_VERSION")
        ),
        rect.x0,
        rect.y1,
        13.0,
        MUTED,
        HPos::Left,
    )?;
    Ok(())
}
