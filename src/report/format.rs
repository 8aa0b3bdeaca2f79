//! Numbers as people read them (`5,660`, `+52.1%`) and as spreadsheets read
//! them (`5490.196078`, never `5.49e3`).

/// `value` with `decimals` digits after the point and a comma between
/// thousands: `thousands(5660.0, 0)` is `5,660`.
///
/// ```
/// use frontline::report::format::thousands;
/// assert_eq!(thousands(1234567.891, 1), "1,234,567.9");
/// assert_eq!(thousands(-5490.2, 0), "-5,490");
/// assert_eq!(thousands(0.04, 1), "0.0");
/// ```
pub fn thousands(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match fixed.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (fixed.as_str(), None),
    };
    let mut grouped = String::with_capacity(fixed.len() + whole.len() / 3 + 1);
    let is_zero = fixed.bytes().all(|b| b == b'0' || b == b'.');
    if value < 0.0 && !is_zero {
        grouped.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// The number of decimals worth showing for `value`: none for whole numbers
/// and large values, one for tens, two below ten.
pub fn natural_decimals(value: f64) -> usize {
    let magnitude = value.abs();
    if (value - value.round()).abs() < 1e-9 || magnitude >= 1000.0 {
        0
    } else if magnitude >= 10.0 {
        1
    } else {
        2
    }
}

/// A value for display: `5,660`, `19.3`, `5,490`.
pub fn human(value: f64) -> String {
    let shown = thousands(value, natural_decimals(value));
    trim_zeros(&shown)
}

/// A value with its unit label: `701 km²`, `19.3%`, `5,660`.
pub fn with_unit(value: f64, unit_label: &str) -> String {
    match unit_label {
        "" => human(value),
        "%" => format!("{}%", human(value)),
        unit => format!("{} {unit}", human(value)),
    }
}

/// A change with its sign: `+240`, `-24`, `0`.
pub fn signed(value: f64) -> String {
    let text = human(value);
    if value > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

/// A percentage change with its sign and one decimal: `+52.1%`.
pub fn signed_pct(value: f64) -> String {
    let text = thousands(value, 1);
    if value > 0.0 && text != "0.0" {
        format!("+{text}%")
    } else {
        format!("{text}%")
    }
}

/// `12.500` → `12.5`, `12.000` → `12`; leaves whole numbers alone.
fn trim_zeros(text: &str) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(999.0, 0), "999");
        assert_eq!(thousands(1000.0, 0), "1,000");
        assert_eq!(thousands(5660.0, 0), "5,660");
        assert_eq!(thousands(123456.0, 0), "123,456");
    }

    #[test]
    fn human_values_drop_needless_decimals() {
        assert_eq!(human(701.0), "701");
        assert_eq!(human(19.3), "19.3");
        assert_eq!(human(5600.0 / 1.02), "5,490");
        assert_eq!(human(2.25), "2.25");
        assert_eq!(with_unit(701.0, "km²"), "701 km²");
        assert_eq!(with_unit(19.3, "%"), "19.3%");
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(signed(240.0), "+240");
        assert_eq!(signed(-24.0), "-24");
        assert_eq!(signed(0.0), "0");
        assert_eq!(signed_pct(52.066), "+52.1%");
        assert_eq!(signed_pct(-3.31), "-3.3%");
        assert_eq!(signed_pct(0.01), "0.0%");
    }
}
