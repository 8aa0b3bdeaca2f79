//! Number half of the peer evaluation: scores `frontline::number` (and, for
//! measures, `Lexicon::match_unit`) against Recognizers-Text's English
//! NumberModel, PercentModel, NumberRangeModel and DimensionModel, and
//! quantulum3's quantities, read from disk and never copied into the project.
//!
//! A case passes when what we find equals, in order, what the case expects
//! within scope. A case is skipped, with its reason counted, when any
//! expected result is something a news parser for this project does not
//! model: fractions, negative numbers, powers, Indian numbering, numbers read
//! after "point", comparison symbols, units the lexicon does not know. What
//! we find is read the way each peer reads text:
//! - NumberModel counts neither ordinals nor designations ("S-300"), nor digits
//!   glued to a unit ("180ml"); a range gives its two ends.
//! - NumberRangeModel ranges are compared by their bounds; whether a bound is
//!   open or closed is not compared ("more than 30" and "at least 30" are
//!   both `AtLeast` for us).
//! - Measures are (value, canonical unit). A range gives its midpoint for
//!   quantulum, and for Recognizers only its high end, the number written next
//!   to the unit ("eight to 10 feet" is "10 feet" there).

use std::path::Path;

use anyhow::Context as _;
use frontline::fact::Qualifier;
use frontline::lexicon::Lexicon;
use frontline::number::{find_numbers, NumberKind, NumberMatch};
use serde_json::Value;

use super::Score;

/// `NumberModel.json`: every number in a sentence, in order.
pub fn evaluate_number_model(path: &Path) -> anyhow::Result<Score> {
    let mut score = Score::default();
    for case in read_cases(path)? {
        let input = case["Input"].as_str().unwrap_or_default();
        let mut expected = Vec::new();
        let mut out_of_scope = None;
        for result in results(&case) {
            let text = result["Text"].as_str().unwrap_or_default();
            let resolution = &result["Resolution"];
            let value = resolution["value"].as_str().unwrap_or_default();
            let subtype = resolution["subtype"].as_str().unwrap_or_default();
            let span = (
                result["Start"].as_u64().unwrap_or(0) as usize,
                result["End"].as_u64().unwrap_or(0) as usize,
            );
            out_of_scope = number_out_of_scope(text, subtype, value).or_else(|| {
                text.starts_with(|c: char| c.is_ascii_digit())
                    .then(|| digits_out_of_scope(input, span))
                    .flatten()
            });
            if out_of_scope.is_some() {
                break;
            }
            match value.parse::<f64>() {
                Ok(parsed) => expected.push(parsed),
                Err(_) => out_of_scope = Some("no numeric value"),
            }
        }
        if let Some(reason) = out_of_scope {
            score.skip(reason);
            continue;
        }
        let got = plain_numbers(input);
        score.record(same_values(&expected, &got), || {
            format!("{input:?}: expected {expected:?}, got {got:?}")
        });
    }
    Ok(score)
}

/// `PercentModel.json`: every percentage, in order.
pub fn evaluate_percent_model(path: &Path) -> anyhow::Result<Score> {
    let mut score = Score::default();
    for case in read_cases(path)? {
        let input = case["Input"].as_str().unwrap_or_default();
        let mut expected = Vec::new();
        let mut out_of_scope = None;
        for result in results(&case) {
            let text = result["Text"].as_str().unwrap_or_default().to_lowercase();
            let value = result["Resolution"]["value"].as_str().unwrap_or_default();
            out_of_scope = if value == "null" || value.is_empty() {
                Some("percentage without a value")
            } else if value.starts_with('-') {
                Some("negative number")
            } else if text.starts_with("percent") || text.starts_with("per cent") {
                Some("value written after the word ('per cent of 10')")
            } else {
                None
            };
            if out_of_scope.is_some() {
                break;
            }
            match value.trim_end_matches('%').parse::<f64>() {
                Ok(parsed) => expected.push(parsed),
                Err(_) => out_of_scope = Some("no numeric value"),
            }
        }
        if let Some(reason) = out_of_scope {
            score.skip(reason);
            continue;
        }
        let got: Vec<f64> = find_numbers(input)
            .iter()
            .filter(|m| m.kind == NumberKind::Percent)
            .flat_map(ends)
            .collect();
        score.record(same_values(&expected, &got), || {
            format!("{input:?}: expected {expected:?}, got {got:?}")
        });
    }
    Ok(score)
}

type Bounds = (Option<f64>, Option<f64>);

/// `NumberRangeModel.json`: ranges and one-sided bounds, in order.
pub fn evaluate_number_range_model(path: &Path) -> anyhow::Result<Score> {
    let mut score = Score::default();
    for case in read_cases(path)? {
        let input = case["Input"].as_str().unwrap_or_default();
        let mut expected: Vec<Bounds> = Vec::new();
        let mut out_of_scope = None;
        for result in results(&case) {
            let text = result["Text"].as_str().unwrap_or_default();
            let value = result["Resolution"]["value"].as_str().unwrap_or_default();
            let bounds = parse_interval(value);
            out_of_scope = range_out_of_scope(text, bounds);
            if out_of_scope.is_some() {
                break;
            }
            match bounds {
                Some(bounds) => expected.push(bounds),
                None => out_of_scope = Some("no numeric value"),
            }
        }
        if let Some(reason) = out_of_scope {
            score.skip(reason);
            continue;
        }
        let got: Vec<Bounds> = find_numbers(input).iter().filter_map(bounds_of).collect();
        let passed = expected.len() == got.len()
            && expected
                .iter()
                .zip(&got)
                .all(|(e, g)| same_bound(e.0, g.0) && same_bound(e.1, g.1));
        score.record(passed, || {
            format!("{input:?}: expected {expected:?}, got {got:?}")
        });
    }
    Ok(score)
}

/// `DimensionModel.json`: lengths and areas (value and unit), in order;
/// cases about other dimensions only are skipped.
pub fn evaluate_dimension_model(path: &Path) -> anyhow::Result<Score> {
    let lexicon = Lexicon::default_lexicon();
    let mut score = Score::default();
    for case in read_cases(path)? {
        let input = case["Input"].as_str().unwrap_or_default();
        let mut expected: Vec<Measure> = Vec::new();
        let mut out_of_scope: Option<String> = None;
        let mut other_dimension: Option<String> = None;
        for result in results(&case) {
            let text = result["Text"].as_str().unwrap_or_default();
            let resolution = &result["Resolution"];
            let subtype = resolution["subtype"].as_str().unwrap_or_default();
            if subtype != "Length" && subtype != "Area" {
                other_dimension.get_or_insert_with(|| subtype.to_string());
                continue;
            }
            let unit = resolution["unit"].as_str().unwrap_or_default();
            let value = resolution["value"].as_str().and_then(|v| v.parse().ok());
            match measure_in_scope(&lexicon, text, RECOGNIZERS_UNITS, unit, value) {
                Ok(measure) => expected.push(measure),
                Err(reason) => {
                    out_of_scope = Some(reason);
                    break;
                }
            }
        }
        if let (None, true, Some(other)) = (&out_of_scope, expected.is_empty(), other_dimension) {
            out_of_scope = Some(format!("no length or area expected ({other})"));
        }
        if let Some(reason) = out_of_scope {
            score.skip(&reason);
            continue;
        }
        let got: Vec<Measure> = measures(&lexicon, input, RangeReading::HighEnd)
            .into_iter()
            .filter(|m| m.unit != "dimensionless" && m.unit != "percentage")
            .collect();
        score.record(same_measures(&expected, &got), || {
            format!("{input:?}: expected {expected:?}, got {got:?}")
        });
    }
    Ok(score)
}

/// quantulum3 `quantities.json`: plain numbers, percentages, lengths and
/// areas, in order; cases with any other unit are skipped.
pub fn evaluate_quantulum(path: &Path) -> anyhow::Result<Score> {
    let lexicon = Lexicon::default_lexicon();
    let mut score = Score::default();
    for case in read_cases(path)? {
        let input = case["req"].as_str().unwrap_or_default();
        let mut expected: Vec<Measure> = Vec::new();
        let mut out_of_scope: Option<String> = mentions_money(input).then(|| "money".to_string());
        for result in case["res"].as_array().into_iter().flatten() {
            if out_of_scope.is_some() {
                break;
            }
            let surface = result["surface"].as_str().unwrap_or_default();
            let unit = result["unit"].as_str().unwrap_or_default();
            let value = result["value"].as_f64();
            let measure = match unit {
                "dimensionless" | "percentage" => {
                    if let Some(reason) = fraction_or_compound(surface) {
                        Err(reason.to_string())
                    } else if value.is_some_and(|v| v < 0.0) {
                        Err("negative number".to_string())
                    } else {
                        value
                            .map(|value| Measure {
                                value,
                                unit: unit.to_string(),
                            })
                            .ok_or_else(|| "no numeric value".to_string())
                    }
                }
                _ => measure_in_scope(&lexicon, surface, QUANTULUM_UNITS, unit, value),
            };
            match measure {
                Ok(measure) => expected.push(measure),
                Err(reason) => {
                    out_of_scope = Some(reason);
                    break;
                }
            }
        }
        if let Some(reason) = out_of_scope {
            score.skip(&reason);
            continue;
        }
        let got = measures(&lexicon, input, RangeReading::Midpoint);
        score.record(same_measures(&expected, &got), || {
            format!("{input:?}: expected {expected:?}, got {got:?}")
        });
    }
    Ok(score)
}

fn read_cases(path: &Path) -> anyhow::Result<Vec<Value>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let cases: Vec<Value> = serde_json::from_str(&raw)
        .with_context(|| format!("{} is not a JSON array", path.display()))?;
    Ok(cases)
}

fn results(case: &Value) -> impl Iterator<Item = &Value> {
    case["Results"].as_array().into_iter().flatten()
}

/// Equal up to the rounding of the peers' printed decimals.
fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_values(expected: &[f64], got: &[f64]) -> bool {
    expected.len() == got.len() && expected.iter().zip(got).all(|(e, g)| same_value(*e, *g))
}

fn same_bound(expected: Option<f64>, got: Option<f64>) -> bool {
    match (expected, got) {
        (None, None) => true,
        (Some(e), Some(g)) => same_value(e, g),
        _ => false,
    }
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

const FRACTION_WORDS: &[&str] = &[
    "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifths",
    "sixths", "sevenths", "eighth", "eighths", "ninths", "tenths",
];

fn number_out_of_scope(text: &str, subtype: &str, value: &str) -> Option<&'static str> {
    if subtype == "fraction" || text.contains(['/', '½', '⅓', '⅔', '¼', '¾', '⅙']) {
        Some("fraction")
    } else if subtype == "power" {
        Some("power or scientific notation")
    } else if value.starts_with('-') {
        Some("negative number")
    } else if has_word(text, "lakh") || has_word(text, "crore") {
        Some("Indian numbering (lakh, crore)")
    } else if has_word(text, "point") {
        Some("digits read out after 'point'")
    } else if has_decimal_comma_or_indian_groups(text) {
        Some("decimal comma or Indian digit groups (1,3 / 12,34,567)")
    } else {
        None
    }
}

/// "1,3", "1.111,11", "12,34,567": a comma followed by one or two digits.
fn has_decimal_comma_or_indian_groups(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        let digits = bytes[i + 1..]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count();
        *b == b',' && i > 0 && bytes[i - 1].is_ascii_digit() && (1..=2).contains(&digits)
    })
}

/// Digits that NumberModel reads out of a date, a phone number, an address
/// ("5/17/2018", "+1-222-2222", "192.168.1.2") or a designation ("SCP-173"):
/// by design these are not numbers for us. `span` is in characters, end
/// inclusive.
fn digits_out_of_scope(input: &str, (start, end): (usize, usize)) -> Option<&'static str> {
    let chars: Vec<char> = input.chars().collect();
    let at = |index: Option<usize>| index.and_then(|i| chars.get(i).copied());
    let before = at(start.checked_sub(1));
    let before2 = at(start.checked_sub(2));
    let after = at(end.checked_add(1));
    let after2 = at(end.checked_add(2));
    let joiner = |c: Option<char>| c.is_some_and(|c| matches!(c, '.' | '/' | '-' | ':' | '+'));
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    if (joiner(before) && digit(before2)) || (joiner(after) && digit(after2)) || before == Some('+')
    {
        Some("digits of a date, phone number or address")
    } else if letter(before) || (joiner(before) && letter(before2)) {
        Some("digits of a designation (SCP-173)")
    } else {
        None
    }
}

/// Numbers the way NumberModel counts them.
fn plain_numbers(input: &str) -> Vec<f64> {
    find_numbers(input)
        .iter()
        .filter(|m| matches!(m.kind, NumberKind::Cardinal | NumberKind::Percent))
        .filter(|m| !input[m.end..].starts_with(char::is_alphabetic))
        .flat_map(ends)
        .collect()
}

/// A range's two ends, or the single value.
fn ends(found: &NumberMatch) -> Vec<f64> {
    match (found.low, found.high) {
        (Some(low), Some(high)) => vec![low, high],
        _ => vec![found.value],
    }
}

/// "(20,35]", "[30,)", "(,100]" → bounds; brackets are not compared.
fn parse_interval(value: &str) -> Option<Bounds> {
    let inner = value.get(1..value.len().checked_sub(1)?)?;
    let (low, high) = inner.split_once(',')?;
    let bound = |text: &str| -> Option<Option<f64>> {
        let text = text.trim();
        if text.is_empty() {
            Some(None)
        } else {
            text.parse().ok().map(Some)
        }
    };
    Some((bound(low)?, bound(high)?))
}

fn range_out_of_scope(text: &str, bounds: Option<Bounds>) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let values = bounds.map(|(low, high)| [low, high]).unwrap_or_default();
    if text.contains(['<', '>', '=', '~']) {
        Some("comparison symbols")
    } else if lower.contains("equal") {
        Some("'equal to' phrasing")
    } else if find_numbers(text)
        .iter()
        .any(|m| m.kind == NumberKind::Ordinal)
    {
        Some("ordinal bounds")
    } else if values.iter().flatten().any(|v| *v < 0.0) {
        Some("negative number")
    } else if values.iter().flatten().any(|v| v.fract() != 0.0) {
        Some("fraction")
    } else {
        None
    }
}

fn bounds_of(found: &NumberMatch) -> Option<Bounds> {
    if !matches!(found.kind, NumberKind::Cardinal | NumberKind::Percent) {
        return None;
    }
    if let (Some(low), Some(high)) = (found.low, found.high) {
        return Some((Some(low), Some(high)));
    }
    match found.qualifier {
        Qualifier::AtLeast => Some((Some(found.value), None)),
        Qualifier::AtMost => Some((None, Some(found.value))),
        Qualifier::Exact | Qualifier::Approx => None,
    }
}

/// A value with a canonical unit: a lexicon unit name, "dimensionless" or
/// "percentage".
#[derive(Debug, Clone, PartialEq)]
struct Measure {
    value: f64,
    unit: String,
}

fn same_measures(expected: &[Measure], got: &[Measure]) -> bool {
    expected.len() == got.len()
        && expected
            .iter()
            .zip(got)
            .all(|(e, g)| e.unit == g.unit && same_value(e.value, g.value))
}

/// Peer unit name → (our canonical name, a surface that names it).
type UnitTable = &'static [(&'static str, &'static str, &'static str)];

const RECOGNIZERS_UNITS: UnitTable = &[
    ("Kilometer", "km", "kilometres"),
    ("Meter", "m", "metres"),
    ("Mile", "mi", "miles"),
    ("Nautical mile", "nmi", "nautical miles"),
    ("Centimeter", "cm", "centimetres"),
    ("Millimeter", "mm", "millimetres"),
    ("Decimeter", "dm", "decimetres"),
    ("Picometer", "pm", "picometres"),
    ("Foot", "ft", "feet"),
    ("Yard", "yd", "yards"),
    ("Inch", "in", "inches"),
    ("Square kilometer", "km2", "square kilometres"),
    ("Square meter", "m2", "square metres"),
    ("Square mile", "mi2", "square miles"),
    ("Square foot", "ft2", "square feet"),
    ("Hectare", "ha", "hectares"),
    ("Acre", "acre", "acres"),
];

const QUANTULUM_UNITS: UnitTable = &[
    ("kilometre", "km", "kilometres"),
    ("metre", "m", "metres"),
    ("mile", "mi", "miles"),
    ("nautical mile", "nmi", "nautical miles"),
    ("centimetre", "cm", "centimetres"),
    ("millimetre", "mm", "millimetres"),
    ("nanometre", "nm", "nanometres"),
    ("picometre", "pm", "picometres"),
    ("attometre", "am", "attometres"),
    ("foot", "ft", "feet"),
    ("yard", "yd", "yards"),
    ("inch", "in", "inches"),
    ("square kilometre", "km2", "square kilometres"),
    ("square metre", "m2", "square metres"),
    ("square mile", "mi2", "square miles"),
    ("hectare", "ha", "hectares"),
    ("acre", "acre", "acres"),
];

/// The expected measure, or why it is out of scope.
fn measure_in_scope(
    lexicon: &Lexicon,
    text: &str,
    table: UnitTable,
    unit: &str,
    value: Option<f64>,
) -> Result<Measure, String> {
    let modelled = table.iter().find(|(peer, canonical, surface)| {
        *peer == unit
            && lexicon
                .match_unit(surface)
                .is_some_and(|found| found.name == *canonical)
    });
    let Some((_, canonical, _)) = modelled else {
        return Err(format!("unit not modelled: {unit}"));
    };
    if let Some(reason) = fraction_or_compound(text) {
        return Err(reason.to_string());
    }
    let value = value.ok_or_else(|| "unit without a number".to_string())?;
    if value < 0.0 {
        return Err("negative number".to_string());
    }
    Ok(Measure {
        value,
        unit: canonical.to_string(),
    })
}

/// Amounts of money are not measures we model, whatever a peer makes of them.
fn mentions_money(input: &str) -> bool {
    const CURRENCY_WORDS: &[&str] = &[
        "dollar", "dollars", "euro", "euros", "yen", "yuan", "rouble", "roubles", "ruble",
        "rubles", "hryvnia", "hryvnias", "cent", "cents", "penny", "pence", "dime", "dimes",
    ];
    input.contains(['$', '€', '£', '¥']) || CURRENCY_WORDS.iter().any(|w| has_word(input, w))
}

/// "1/4 mile", "two and a half miles", "5 ft 2 in": outside what we model.
fn fraction_or_compound(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    if lower.contains(['/', '½', '⅓', '⅔', '¼', '¾', '⅙'])
        || FRACTION_WORDS.iter().any(|w| has_word(&lower, w))
    {
        return Some("fraction");
    }
    let digit_groups = lower
        .split(|c: char| !c.is_ascii_digit() && c != '.' && c != ',')
        .filter(|part| part.chars().any(|c| c.is_ascii_digit()))
        .count();
    (digit_groups > 1 && !lower.contains(" to ") && !lower.contains('-') && !lower.contains('–'))
        .then_some("compound measure (5 ft 2 in)")
}

/// How a peer reads "8 to 10 feet".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeReading {
    /// quantulum: one quantity, the midpoint.
    Midpoint,
    /// Recognizers: only the number written next to the unit is a measure.
    HighEnd,
}

/// Every number in `input` with the unit written after it: a length or area
/// from the lexicon, "percentage", or "dimensionless".
fn measures(lexicon: &Lexicon, input: &str, ranges: RangeReading) -> Vec<Measure> {
    find_numbers(input)
        .iter()
        .filter_map(|found| {
            let unit = match found.kind {
                NumberKind::Percent => "percentage".to_string(),
                NumberKind::Cardinal => match lexicon.match_unit(&input[found.end..]) {
                    Some(unit) if unit.dimension == "length" || unit.dimension == "area" => {
                        unit.name
                    }
                    _ => "dimensionless".to_string(),
                },
                NumberKind::Ordinal | NumberKind::Designation => return None,
            };
            let value = match (ranges, found.high) {
                (RangeReading::HighEnd, Some(high)) => high,
                _ => found.value,
            };
            Some(Measure { value, unit })
        })
        .collect()
}
