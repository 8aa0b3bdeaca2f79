//! Property tests for `frontline::number`: any integer up to 10^12 written the
//! ways news text writes it (comma groups, space groups, a scale word, English
//! words) reads back as itself, as one expression spanning the whole text.

use frontline::number::{find_numbers, parse_number, NumberKind};
use proptest::prelude::*;

/// The only expression found in `text` spans all of it and has `value`.
fn reads_back(text: &str, value: f64) -> Result<(), TestCaseError> {
    prop_assert_eq!(parse_number(text), Some(value), "parse_number({:?})", text);
    let found = find_numbers(text);
    prop_assert_eq!(found.len(), 1, "find_numbers({:?}) = {:?}", text, found);
    let only = &found[0];
    prop_assert_eq!(
        (only.start, only.end),
        (0, text.len()),
        "span of {:?}",
        text
    );
    prop_assert_eq!(only.kind, NumberKind::Cardinal);
    prop_assert_eq!(only.value, value);
    Ok(())
}

/// 1234567 → "1,234,567" with `separator` between groups of three.
fn grouped(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 0 < n < 1000 in words: "three hundred and forty-two".
fn small_in_words(n: u64, with_and: bool) -> String {
    let mut parts = Vec::new();
    let (hundreds, rest) = (n / 100, n % 100);
    if hundreds > 0 {
        parts.push(format!("{} hundred", UNITS[hundreds as usize]));
    }
    if rest > 0 {
        if hundreds > 0 && with_and {
            parts.push("and".to_string());
        }
        if rest < 20 {
            parts.push(UNITS[rest as usize].to_string());
        } else if rest % 10 == 0 {
            parts.push(TENS[(rest / 10) as usize].to_string());
        } else {
            parts.push(format!(
                "{}-{}",
                TENS[(rest / 10) as usize],
                UNITS[(rest % 10) as usize]
            ));
        }
    }
    parts.join(" ")
}

/// Any n < 10^12 in English words: "two billion five hundred thousand and six".
fn in_words(n: u64, with_and: bool) -> String {
    if n == 0 {
        return "zero".to_string();
    }
    let scales = [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ];
    let mut parts = Vec::new();
    let mut rest = n;
    for (size, name) in scales {
        if rest >= size {
            parts.push(format!("{} {name}", small_in_words(rest / size, with_and)));
            rest %= size;
        }
    }
    if rest > 0 {
        if !parts.is_empty() && rest < 100 && with_and {
            parts.push("and".to_string());
        }
        parts.push(small_in_words(rest, with_and));
    }
    parts.join(" ")
}

proptest! {
    #[test]
    fn comma_groups_read_back(n in 0u64..1_000_000_000_000) {
        reads_back(&grouped(n, ","), n as f64)?;
    }

    #[test]
    fn space_groups_read_back(
        n in 0u64..1_000_000_000_000,
        separator in prop::sample::select(vec![" ", "\u{a0}", "\u{2009}", "\u{202f}"]),
    ) {
        reads_back(&grouped(n, separator), n as f64)?;
    }

    #[test]
    fn scale_words_read_back(
        hundredths in 1u64..100_000,
        scale in prop::sample::select(vec![
            (1_000u64, "thousand"), (1_000_000, "million"), (1_000_000_000, "billion"),
        ]),
    ) {
        let (size, name) = scale;
        let mantissa = match (hundredths / 100, hundredths % 100) {
            (whole, 0) => whole.to_string(),
            (whole, cents) if cents % 10 == 0 => format!("{whole}.{}", cents / 10),
            (whole, cents) => format!("{whole}.{cents:02}"),
        };
        prop_assume!(hundredths >= 100 || hundredths % 100 != 0);
        let value = hundredths * size / 100;
        reads_back(&format!("{mantissa} {name}"), value as f64)?;
    }

    #[test]
    fn english_words_read_back(n in 0u64..1_000_000_000_000, with_and in any::<bool>()) {
        reads_back(&in_words(n, with_and), n as f64)?;
    }

    #[test]
    fn any_text_is_safe(text in "\\PC{0,40}") {
        for found in find_numbers(&text) {
            prop_assert!(found.start <= found.value_start && found.value_start < found.end);
            prop_assert!(text.is_char_boundary(found.start) && text.is_char_boundary(found.end));
            prop_assert!(found.end <= text.len());
        }
    }
}
