//! Event dates: "on Thursday", "on December 14", "yesterday", resolved against the
//! article's date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn month(w: &str) -> Option<u32> {
    let m = match w.trim_end_matches('.') {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn day(w: &str) -> Option<u32> {
    let d: u32 = w
        .trim_end_matches(|c: char| c.is_alphabetic() || c == ',')
        .parse()
        .ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// Whether a word may open a time expression: a day number (what `u32` parses opens
/// with a digit or "+"), or a word whose first three letters begin a day or month name.
/// Every word of a sentence is tried against every event's trigger: most are turned
/// away here rather than by the string matches below.
#[inline]
fn may_open_date(w: &str) -> bool {
    let b = w.as_bytes();
    match b {
        [d, ..] if d.is_ascii_digit() || *d == b'+' => true,
        [a, b, c, ..] => matches!(
            &[*a, *b, *c],
            b"yes"
                | b"tod"
                | b"ton"
                | b"tom"
                | b"mon"
                | b"tue"
                | b"wed"
                | b"thu"
                | b"fri"
                | b"sat"
                | b"sun"
                | b"jan"
                | b"feb"
                | b"mar"
                | b"apr"
                | b"may"
                | b"jun"
                | b"jul"
                | b"aug"
                | b"sep"
                | b"oct"
                | b"nov"
                | b"dec"
        ),
        _ => false,
    }
}

/// A time expression starting at word `i`: the date it names, resolved against
/// `article`; `future` prefers the next such day to the last one.
pub fn date_at(words: &[String], i: usize, article: NaiveDate, future: bool) -> Option<NaiveDate> {
    if !may_open_date(&words[i]) {
        return None;
    }
    read_date(words, i, article, future)
}

/// [`date_at`] without the first check.
fn read_date(words: &[String], i: usize, article: NaiveDate, future: bool) -> Option<NaiveDate> {
    let w = words[i].as_str();
    match w {
        "yesterday" => return Some(article - Duration::days(1)),
        "today" | "tonight" => return Some(article),
        "tomorrow" => return Some(article + Duration::days(1)),
        _ => {}
    }
    if let Some(wd) = weekday(w) {
        // "Friday 7 Jan" / "Friday, January 7": the explicit date wins.
        if let Some(d) = words
            .get(i + 1)
            .and_then(|n| date_at(words, i + 1 + usize::from(n == ","), article, future))
        {
            return Some(d);
        }
        let back = (article.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
        return Some(if future {
            let ahead =
                (wd.num_days_from_monday() + 7 - article.weekday().num_days_from_monday()) % 7;
            article + Duration::days(i64::from(if ahead == 0 { 7 } else { ahead }))
        } else {
            article - Duration::days(i64::from(back))
        });
    }
    // "December 14" / "14 December" / "Dec. 14, 2021"
    let (m, d, next) = if let Some(m) = month(w) {
        (m, day(words.get(i + 1)?)?, i + 2)
    } else {
        let d = day(w)?;
        (month(words.get(i + 1)?)?, d, i + 2)
    };
    let explicit_year = words
        .get(next + usize::from(words.get(next).is_some_and(|w| w == ",")))
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|y| (1900..=2100).contains(y));
    let year = explicit_year.unwrap_or(article.year());
    let mut date = NaiveDate::from_ymd_opt(year, m, d)?;
    if explicit_year.is_none() {
        // A past event named without a year lies before the article; a scheduled one after.
        if !future && date > article + Duration::days(7) {
            date = NaiveDate::from_ymd_opt(year - 1, m, d)?;
        } else if future && date + Duration::days(7) < article {
            date = NaiveDate::from_ymd_opt(year + 1, m, d)?;
        }
    }
    Some(date)
}

/// The date of the time expression nearest to the trigger at `at` in a sentence.
pub fn event_date(
    words: &[String],
    at: usize,
    article: Option<NaiveDate>,
    future: bool,
) -> Option<NaiveDate> {
    let article = article?;
    let mut best: Option<(usize, NaiveDate)> = None;
    for i in 0..words.len() {
        if let Some(d) = date_at(words, i, article, future) {
            let distance = i.abs_diff(at);
            if best.is_none_or(|(b, _)| distance < b) {
                best = Some((distance, d));
            }
        }
    }
    best.map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_lowercase).collect()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekdays_are_the_last_or_next_such_day() {
        // 2022-01-21 is a Friday.
        let w = words("met on Thursday");
        assert_eq!(
            event_date(&w, 0, Some(d("2022-01-21")), false),
            Some(d("2022-01-20"))
        );
        assert_eq!(
            event_date(&w, 0, Some(d("2022-01-21")), true),
            Some(d("2022-01-27"))
        );
    }

    #[test]
    fn month_and_day_with_and_without_year() {
        assert_eq!(
            event_date(
                &words("talks on December 14"),
                0,
                Some(d("2022-01-02")),
                false
            ),
            Some(d("2021-12-14"))
        );
        assert_eq!(
            event_date(
                &words("held on January 10 in Geneva"),
                0,
                Some(d("2022-01-02")),
                true
            ),
            Some(d("2022-01-10"))
        );
        assert_eq!(
            event_date(&words("on Friday 7 Jan"), 0, Some(d("2022-01-04")), true),
            Some(d("2022-01-07"))
        );
        assert_eq!(
            event_date(&words("on Dec. 14 , 2021"), 0, Some(d("2022-03-01")), false),
            Some(d("2021-12-14"))
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// The first check turns away only words that open no date.
        #[test]
        fn the_first_check_turns_away_no_date(
            w in proptest::collection::vec(
                r"(yesterday|today|tonight|tomorrow|[a-z]{3,9}day|[a-z]{2,9}\.?|sept?\.?|[+]?[0-9]{1,4}(th|st|,)?|,|\PC{0,4})",
                1..6,
            ),
            future: bool,
        ) {
            let article = d("2022-01-21");
            for i in 0..w.len() {
                proptest::prop_assert_eq!(
                    date_at(&w, i, article, future),
                    read_date(&w, i, article, future),
                    "{:?} at {}", w, i
                );
            }
        }
    }

    #[test]
    fn first_check_passes_every_name() {
        for w in [
            "yesterday",
            "today",
            "tonight",
            "tomorrow",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "jan.",
            "feb",
            "march",
            "april",
            "may",
            "june",
            "july",
            "aug.",
            "sept.",
            "september",
            "oct",
            "november",
            "dec.",
            "14",
            "+7",
            "7th",
        ] {
            assert!(may_open_date(w), "{w}");
        }
    }

    #[test]
    fn relative_days_and_no_date() {
        assert_eq!(
            event_date(&words("said yesterday"), 0, Some(d("2022-01-02")), false),
            Some(d("2022-01-01"))
        );
        assert_eq!(event_date(&words("said yesterday"), 0, None, false), None);
        assert_eq!(
            event_date(&words("met in Geneva"), 0, Some(d("2022-01-02")), false),
            None
        );
    }
}
