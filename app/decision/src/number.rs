//! Figures as people type them ("36h", "2 days", "1.5k/s", "300 KB") and as links write them.
//!
//! Reading is lenient about spacing, case, thousands separators and unit spellings; writing is
//! canonical and short, so the same figure always gives the same link.

use crate::model::Unit;

/// Why a text is not a figure in the expected unit.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum NumberError {
    #[error("not a number")]
    NotANumber,
    #[error("needs a unit")]
    MissingUnit,
    #[error("unknown unit “{0}”")]
    UnknownUnit(String),
}

/// Reads a figure in `unit` from text. Durations need a unit; everything else may be bare.
pub fn parse(unit: Unit, text: &str) -> Result<f64, NumberError> {
    let t = text.trim().to_ascii_lowercase().replace(['_', ','], "");
    let split = t
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+' || c == 'e'))
        .map_or(t.len(), |(i, _)| i);
    // "1e3" is a number, but "1e" followed by letters is a unit: back off to the last digit.
    let (mut num, mut rest) = t.split_at(split);
    while num.ends_with('e') {
        num = &num[..num.len() - 1];
        rest = &t[num.len()..];
    }
    let value: f64 = num.parse().map_err(|_| NumberError::NotANumber)?;
    if !value.is_finite() {
        return Err(NumberError::NotANumber);
    }
    let suffix = rest.trim().trim_start_matches("per ").trim();
    let factor = match unit {
        Unit::Seconds => duration_factor(suffix)?,
        Unit::PerSecond => rate_factor(suffix)?,
        Unit::Count | Unit::PerMonth => count_factor(suffix, unit)?,
        Unit::Kilobytes => size_factor(suffix)?,
        Unit::Megabytes => memory_factor(suffix)?,
        Unit::Milliseconds => millis_factor(suffix)?,
    };
    Ok(value * factor)
}

fn unknown(s: &str) -> NumberError {
    NumberError::UnknownUnit(s.chars().take(12).collect())
}

/// The year figures are read and shown in, in seconds: 365 days (see `duration_factor`).
const SECONDS_PER_YEAR: f64 = 31_536_000.0;

fn duration_factor(s: &str) -> Result<f64, NumberError> {
    Ok(match s {
        "" => return Err(NumberError::MissingUnit),
        "ms" | "msec" | "millisecond" | "milliseconds" => 0.001,
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600.0,
        "d" | "day" | "days" => 86_400.0,
        "w" | "wk" | "week" | "weeks" => 604_800.0,
        // A year as 365 days and a month as a twelfth of it: AWS gives run limits in years
        // (Step Functions Standard's "1 year" is 31,536,000 s), so a run of "1y" or "12mo"
        // is that year, not six hours over it as a 365.25-day average year would be.
        "mo" | "mon" | "month" | "months" => SECONDS_PER_YEAR / 12.0,
        "y" | "yr" | "yrs" | "year" | "years" => SECONDS_PER_YEAR,
        other => return Err(unknown(other)),
    })
}

fn rate_factor(s: &str) -> Result<f64, NumberError> {
    // "1.5k", "1.5k/s", "30/min", "1000 per hour" (arrives here as "hour"), "2m" (million).
    let s = s.replace(" per ", "/").replace("per ", "/");
    let (scale, per) = s.split_once('/').unwrap_or((&s, ""));
    let (scale, per) = (scale.trim(), per.trim());
    match magnitude(scale) {
        Some(m) => Ok(m / per_unit(per).ok_or_else(|| unknown(per))?),
        None if per.is_empty() => Ok(1.0 / per_unit(scale).ok_or_else(|| unknown(scale))?),
        None => Err(unknown(scale)),
    }
}

/// Seconds in the time unit of a rate ("per minute" is 60).
fn per_unit(s: &str) -> Option<f64> {
    Some(match s {
        "" | "s" | "sec" | "second" | "seconds" => 1.0,
        "min" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hour" | "hours" => 3_600.0,
        "d" | "day" | "days" => 86_400.0,
        _ => return None,
    })
}

fn count_factor(s: &str, unit: Unit) -> Result<f64, NumberError> {
    let s = if unit == Unit::PerMonth {
        s.trim_end_matches("/month")
            .trim_end_matches("/mo")
            .trim_end_matches("a month")
            .trim()
    } else {
        s
    };
    magnitude(s).ok_or_else(|| unknown(s))
}

/// `k`, `m`/`M`/`mn`/`million`, `b`/`bn`/`billion` suffixes.
fn magnitude(s: &str) -> Option<f64> {
    Some(match s {
        "" => 1.0,
        "k" | "thousand" => 1e3,
        "m" | "mn" | "mio" | "million" => 1e6,
        "b" | "bn" | "billion" => 1e9,
        _ => return None,
    })
}

fn size_factor(s: &str) -> Result<f64, NumberError> {
    Ok(match s {
        "" | "k" | "kb" | "kib" | "kbyte" | "kbytes" | "kilobyte" | "kilobytes" => 1.0,
        "b" | "byte" | "bytes" => 1.0 / 1_024.0,
        "m" | "mb" | "mib" | "megabyte" | "megabytes" => 1_024.0,
        other => return Err(unknown(other)),
    })
}

fn memory_factor(s: &str) -> Result<f64, NumberError> {
    Ok(match s {
        "" | "m" | "mb" | "mib" | "megabyte" | "megabytes" => 1.0,
        "g" | "gb" | "gib" | "gigabyte" | "gigabytes" => 1_024.0,
        other => return Err(unknown(other)),
    })
}

fn millis_factor(s: &str) -> Result<f64, NumberError> {
    Ok(match s {
        "" | "ms" | "msec" | "millisecond" | "milliseconds" => 1.0,
        "s" | "sec" | "second" | "seconds" => 1_000.0,
        "m" | "min" | "minute" | "minutes" => 60_000.0,
        other => return Err(unknown(other)),
    })
}

/// A figure at the precision links carry: thousandths of its unit, and whole units from a
/// billion up. Above that an f64 cannot hold every thousandth, so rounding to thousandths,
/// writing the figure and reading it back could land one thousandth away (a property test
/// found `runs_per_month=4466402.376460105m` doing so). Applying it twice changes nothing.
pub fn link_precision(v: f64) -> f64 {
    if v.abs() >= 1e9 {
        v.round()
    } else {
        (v * 1000.0).round() / 1000.0
    }
}

/// The canonical text a link carries for a figure: short, unit-bearing where needed, and
/// read back to the same value by [`parse`].
pub fn canonical(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Seconds => {
            // The largest unit that divides the figure evenly, so 36h stays 36h.
            for (suffix, secs) in [("d", 86_400.0), ("h", 3_600.0), ("m", 60.0), ("s", 1.0)] {
                let n = value / secs;
                if n >= 1.0 && (n - n.round()).abs() < 1e-9 {
                    return format!("{}{suffix}", n.round());
                }
            }
            format!("{}s", trim(value))
        }
        _ => trim(value),
    }
}

/// Up to three decimals, without trailing zeros.
fn trim(v: f64) -> String {
    let s = format!("{:.3}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Groups digits in threes: 1234567 → "1,234,567"; keeps up to `decimals` decimals.
pub fn group(v: f64, decimals: usize) -> String {
    let neg = v < 0.0;
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::with_capacity(s.len() + 4);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if neg {
        out.insert(0, '-');
    }
    out
}

/// A figure for people: "1.2 million", "25,000", "0.5", "0.0012".
pub fn human(v: f64) -> String {
    let a = v.abs();
    if a >= 1e12 {
        format!("{} trillion", sig(v / 1e12))
    } else if a >= 1e9 {
        format!("{} billion", sig(v / 1e9))
    } else if a >= 1e6 {
        format!("{} million", sig(v / 1e6))
    } else if a >= 100.0 {
        group(v.round(), 0)
    } else if a >= 10.0 {
        group(v, 1)
    } else if a >= 0.01 || a == 0.0 {
        group(v, 2)
    } else {
        // Small figures keep two significant digits: 0.001 reads "0.001", not "0".
        group(v, two_significant(a).min(12))
    }
}

/// Three significant figures at most, trailing zeros dropped; figures under 0.01 keep two
/// significant digits, so a question's smallest figure (0.001 KB) never reads "0 KB".
fn sig(v: f64) -> String {
    let a = v.abs();
    let decimals = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 0.01 || a == 0.0 {
        2
    } else {
        two_significant(a).min(12)
    };
    group(v, decimals)
}

/// A duration for people: "36 hours", "14 days", "90 seconds", "1.5 years".
pub fn human_duration(secs: f64) -> String {
    let units = [
        ("year", SECONDS_PER_YEAR),
        ("day", 86_400.0),
        ("hour", 3_600.0),
        ("minute", 60.0),
        ("second", 1.0),
    ];
    for (name, size) in units {
        let n = secs / size;
        if n >= 1.0 || name == "second" {
            let text = sig(n);
            let plural = if text == "1" { "" } else { "s" };
            return format!("{text} {name}{plural}");
        }
    }
    unreachable!("the last unit always matches")
}

/// A figure with its unit for people.
pub fn with_unit(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Seconds => human_duration(v),
        Unit::PerSecond => format!("{} per second", human(v)),
        Unit::Count => human(v),
        Unit::Kilobytes if v >= 1_024.0 => format!("{} MB", sig(v / 1_024.0)),
        Unit::Kilobytes => format!("{} KB", sig(v)),
        Unit::Megabytes => format!("{} MB", human(v)),
        Unit::Milliseconds => format!("{} ms", human(v)),
        Unit::PerMonth => format!("{} a month", human(v)),
    }
}

/// US dollars for people: "$1,234", "$2.04", "$0.000089".
pub fn usd(v: f64) -> String {
    let a = v.abs();
    if a >= 1_000.0 {
        format!("${}", group(v.round(), 0))
    } else if a >= 0.01 || a == 0.0 {
        format!("${}", format_fixed(v, 2))
    } else {
        // Tiny per-run figures: two significant digits.
        format!("${}", format_fixed(v, two_significant(a).min(10)))
    }
}

/// The decimals that keep two significant digits of `a` (0 < `a` < 1): 3 for 0.0012.
fn two_significant(a: f64) -> usize {
    (-a.log10()).ceil() as usize + 1
}

fn format_fixed(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let int: f64 = int.parse().unwrap_or(0.0);
    if frac.is_empty() {
        group(int, 0)
    } else {
        format!("{}.{frac}", group(int.trunc(), 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn a_figure_at_link_precision_reads_back_as_itself() {
        // Large figures, where thousandths are past what an f64 holds, and small ones.
        for v in [
            4_466_402_376_460.106,
            9.9e12,
            1e13,
            1e9 + 0.4,
            123_456.789_4,
            0.000_6,
            36.0,
        ] {
            let kept = link_precision(v);
            assert_eq!(link_precision(kept), kept, "{v}");
            let text = canonical(Unit::PerMonth, kept);
            let back = link_precision(parse(Unit::PerMonth, &text).unwrap());
            assert_eq!(back, kept, "{v} -> {text}");
        }
    }

    #[rstest]
    #[case("90s", 90.0)]
    #[case("20m", 1_200.0)]
    #[case("36h", 129_600.0)]
    #[case("14d", 1_209_600.0)]
    #[case("2d", 172_800.0)]
    #[case("2 days", 172_800.0)]
    #[case("1.5h", 5_400.0)]
    #[case(" 1.5 Hours ", 5_400.0)]
    #[case("18 months", 47_304_000.0)]
    #[case("12mo", 31_536_000.0)]
    #[case("1y", 31_536_000.0)]
    #[case("500ms", 0.5)]
    fn durations(#[case] text: &str, #[case] secs: f64) {
        assert!(
            (parse(Unit::Seconds, text).unwrap() - secs).abs() < 1e-6,
            "{text}"
        );
    }

    #[rstest]
    #[case("")]
    #[case("5")]
    #[case("abc")]
    #[case("5 fortnights")]
    #[case("inf")]
    #[case("NaN s")]
    fn bad_durations(#[case] text: &str) {
        assert!(parse(Unit::Seconds, text).is_err(), "{text}");
    }

    #[rstest]
    #[case("450", 450.0)]
    #[case("1,500", 1_500.0)]
    #[case("1.5k", 1_500.0)]
    #[case("20k/s", 20_000.0)]
    #[case("2M", 2_000_000.0)]
    #[case("30/min", 0.5)]
    #[case("3600 per hour", 1.0)]
    #[case("1e3", 1_000.0)]
    fn rates(#[case] text: &str, #[case] v: f64) {
        assert!(
            (parse(Unit::PerSecond, text).unwrap() - v).abs() < 1e-9,
            "{text}"
        );
    }

    #[test]
    fn sizes_and_counts() {
        assert_eq!(parse(Unit::Kilobytes, "300").unwrap(), 300.0);
        assert_eq!(parse(Unit::Kilobytes, "1MB").unwrap(), 1_024.0);
        assert_eq!(parse(Unit::Kilobytes, "1.5 mb").unwrap(), 1_536.0);
        assert_eq!(parse(Unit::Count, "24,000").unwrap(), 24_000.0);
        assert_eq!(parse(Unit::Count, "24k").unwrap(), 24_000.0);
        assert_eq!(parse(Unit::PerMonth, "10B").unwrap(), 1e10);
        assert_eq!(parse(Unit::Megabytes, "1GB").unwrap(), 1_024.0);
        assert_eq!(parse(Unit::Milliseconds, "1.5s").unwrap(), 1_500.0);
        assert!(parse(Unit::Count, "12 apples").is_err());
    }

    #[test]
    fn canonical_round_trips() {
        for (unit, v) in [
            (Unit::Seconds, 129_600.0),
            (Unit::Seconds, 90.0),
            (Unit::Seconds, 5_400.0),
            (Unit::Seconds, 0.5),
            (Unit::Seconds, 1_209_600.0),
            (Unit::PerSecond, 0.5),
            (Unit::PerSecond, 450.0),
            (Unit::Count, 24_000.0),
        ] {
            let text = canonical(unit, v);
            assert!((parse(unit, &text).unwrap() - v).abs() < 1e-9, "{text}");
        }
        assert_eq!(canonical(Unit::Seconds, 129_600.0), "36h");
        assert_eq!(canonical(Unit::Seconds, 5_400.0), "90m");
        assert_eq!(canonical(Unit::Seconds, 1_209_600.0), "14d");
    }

    #[test]
    fn for_people() {
        assert_eq!(group(1_234_567.0, 0), "1,234,567");
        assert_eq!(human(25_000.0), "25,000");
        assert_eq!(human(1_200_000.0), "1.2 million");
        assert_eq!(human(2.59e10), "25.9 billion");
        assert_eq!(human_duration(129_600.0), "1.5 days");
        assert_eq!(human_duration(3_600.0), "1 hour");
        assert_eq!(human_duration(90.0), "1.5 minutes");
        assert_eq!(usd(250.0), "$250.00");
        assert_eq!(usd(1_234_567.8), "$1,234,568");
        assert_eq!(usd(0.000089), "$0.000089");
        assert_eq!(with_unit(Unit::Kilobytes, 2_048.0), "2 MB");
        // The smallest figures questions take read as themselves, not "0" (a notice said
        // "below the smallest figure … takes (0 KB)").
        assert_eq!(with_unit(Unit::Kilobytes, 0.001), "0.001 KB");
        assert_eq!(human_duration(0.001), "0.001 seconds");
    }
}
