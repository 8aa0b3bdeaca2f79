//! What the report knows about each metric beyond its name: a title, a unit
//! label, whether it is a flow (summed over time) or a stock (a level at a
//! date), which chart shows it, and which metrics add up to it.
//!
//! Metrics not in this table (from a user lexicon) still get a series, a row in
//! the summary and columns in the export; they just have no chart.

use std::borrow::Cow;

/// How values of a metric combine over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A quantity per period (km² gained, drones launched): days add up to a
    /// month; month-on-month change is a ratio.
    Flow,
    /// A level at a point in time (share of Ukraine held): the latest reading
    /// of the month stands for it; change is a difference in points.
    Stock,
}

/// The chart a metric is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartGroup {
    Territory,
    Share,
    Attacks,
    AirDefence,
    /// Summary table and export only.
    None,
}

/// Presentation facts about one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricInfo {
    pub title: Cow<'static, str>,
    /// Unit as printed after a value (`km²`, `%`, empty for counts).
    pub unit_label: Cow<'static, str>,
    pub kind: Kind,
    pub group: ChartGroup,
    /// Metrics whose values add up to this one in the same month.
    pub parts: &'static [&'static str],
    /// Position in tables: known metrics first, in this table's order.
    pub order: usize,
}

struct Known {
    name: &'static str,
    title: &'static str,
    unit_label: &'static str,
    kind: Kind,
    group: ChartGroup,
    parts: &'static [&'static str],
}

const KNOWN: &[Known] = &[
    Known {
        name: "territory_gained",
        title: "Territory gained",
        unit_label: "km²",
        kind: Kind::Flow,
        group: ChartGroup::Territory,
        parts: &[],
    },
    Known {
        name: "territory_controlled_pct",
        title: "Share of Ukraine held",
        unit_label: "%",
        kind: Kind::Stock,
        group: ChartGroup::Share,
        parts: &[],
    },
    Known {
        name: "territory_gained_pct",
        title: "Share of Ukraine gained",
        unit_label: "pp",
        kind: Kind::Flow,
        group: ChartGroup::None,
        parts: &[],
    },
    Known {
        name: "territory_controlled",
        title: "Territory held",
        unit_label: "km²",
        kind: Kind::Stock,
        group: ChartGroup::None,
        parts: &[],
    },
    Known {
        name: "drones_and_missiles_launched",
        title: "Drones and missiles launched",
        unit_label: "",
        kind: Kind::Flow,
        group: ChartGroup::Attacks,
        parts: &["drones_launched", "missiles_launched"],
    },
    Known {
        name: "drones_launched",
        title: "Drones launched",
        unit_label: "",
        kind: Kind::Flow,
        group: ChartGroup::Attacks,
        parts: &[],
    },
    Known {
        name: "missiles_launched",
        title: "Missiles launched",
        unit_label: "",
        kind: Kind::Flow,
        group: ChartGroup::Attacks,
        parts: &[],
    },
    Known {
        name: "glide_bombs_launched",
        title: "Glide bombs launched",
        unit_label: "",
        kind: Kind::Flow,
        group: ChartGroup::None,
        parts: &[],
    },
    Known {
        name: "drones_and_missiles_downed",
        title: "Drones and missiles shot down",
        unit_label: "",
        kind: Kind::Flow,
        group: ChartGroup::AirDefence,
        parts: &["drones_downed", "missiles_downed"],
    },
    Known {
        name: "drones_downed",
        title: "Drones shot down",
        unit_label: "",
        kind: Kind::Flow,
        group: ChartGroup::AirDefence,
        parts: &[],
    },
    Known {
        name: "missiles_downed",
        title: "Missiles shot down",
        unit_label: "",
        kind: Kind::Flow,
        group: ChartGroup::AirDefence,
        parts: &[],
    },
    Known {
        name: "drones_lost",
        title: "Drones lost from radar",
        unit_label: "",
        kind: Kind::Flow,
        group: ChartGroup::None,
        parts: &[],
    },
];

/// What the report knows about `metric`, whose facts carry `unit`.
///
/// ```
/// use frontline::report::metrics::{info, Kind};
/// assert_eq!(info("territory_gained", "km2").unit_label, "km²");
/// let custom = info("tanks_destroyed", "count");
/// assert_eq!(custom.title, "Tanks destroyed");
/// assert_eq!(custom.kind, Kind::Flow);
/// ```
pub fn info(metric: &str, unit: &str) -> MetricInfo {
    if let Some((order, known)) = KNOWN.iter().enumerate().find(|(_, k)| k.name == metric) {
        return MetricInfo {
            title: Cow::Borrowed(known.title),
            unit_label: Cow::Borrowed(known.unit_label),
            kind: known.kind,
            group: known.group,
            parts: known.parts,
            order,
        };
    }
    MetricInfo {
        title: Cow::Owned(sentence_case(&metric.replace('_', " "))),
        unit_label: Cow::Owned(unit_label(unit).to_string()),
        // A percentage is a share of something at a date, never a per-month amount.
        kind: if unit == "percent" {
            Kind::Stock
        } else {
            Kind::Flow
        },
        group: ChartGroup::None,
        parts: &[],
        order: KNOWN.len(),
    }
}

/// Metrics defined as the sum of others, with their parts.
pub fn composites() -> impl Iterator<Item = (&'static str, &'static [&'static str])> {
    KNOWN
        .iter()
        .filter(|k| !k.parts.is_empty())
        .map(|k| (k.name, k.parts))
}

/// The printed form of a stored unit name.
pub fn unit_label(unit: &str) -> &str {
    match unit {
        "km2" => "km²",
        "mi2" => "mi²",
        "m2" => "m²",
        "percent" => "%",
        "count" | "" => "",
        other => other,
    }
}

fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_metrics_keep_table_order() {
        assert!(info("territory_gained", "km2").order < info("drones_launched", "count").order);
        assert!(info("missiles_downed", "count").order < info("x", "count").order);
    }

    #[test]
    fn percentages_of_unknown_metrics_are_stocks() {
        assert_eq!(info("share_of_grid_offline", "percent").kind, Kind::Stock);
        assert_eq!(info("share_of_grid_offline", "percent").unit_label, "%");
    }

    #[test]
    fn combined_launches_are_drones_plus_missiles() {
        let parts: Vec<_> = composites()
            .filter(|(name, _)| *name == "drones_and_missiles_launched")
            .flat_map(|(_, parts)| parts.iter().copied())
            .collect();
        assert_eq!(parts, ["drones_launched", "missiles_launched"]);
    }
}
