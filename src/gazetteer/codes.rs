//! What the parts of a CAMEO dictionary mean: codes and their dates, sectors, the
//! upper-case `WORDS_JOINED_` names, and titles inside names.
//!
//! Kept apart from the line reader ([`super::cameo`]) so that the meaning of a code
//! can be tested on its own and shared with the CSV reader (titles).

use super::{ActorKind, Office};
use chrono::{Datelike, NaiveDate};

/// One code of an entry with its dates: `[ZRBGOV >20150601]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code {
    pub code: String,
    pub from: Option<NaiveDate>,
    /// The first day the code no longer holds.
    pub until: Option<NaiveDate>,
}

impl Code {
    pub fn dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }

    /// The three-letter country (or `IGO`-style) part.
    pub fn prefix(&self) -> &str {
        self.code.get(..3).unwrap_or(&self.code)
    }

    /// The sector codes after the prefix, three letters each.
    pub fn sectors(&self) -> Vec<&str> {
        let rest = self.code.get(3..).unwrap_or("");
        (0..rest.len() / 3)
            .filter_map(|i| rest.get(i * 3..i * 3 + 3))
            .collect()
    }

    /// A bare country code (`ZRB`): the entry names a place.
    pub fn is_place(&self) -> bool {
        self.code.len() == 3 && !is_international(&self.code)
    }
}

/// Prefixes of international actors rather than countries.
pub(crate) fn is_international(prefix: &str) -> bool {
    matches!(
        prefix,
        "IGO" | "NGO" | "IMG" | "MNC" | "UIS" | "NGM" | "INT"
    )
}

/// Parse the inside of one bracket: `CODE`, `CODE >D`, `CODE <D`, `CODE D-D`.
/// `Ok(None)` for TABARI's null code `---`.
pub(crate) fn parse_code(inside: &str) -> Result<Option<Code>, String> {
    let mut parts = inside.split_whitespace();
    let code = parts.next().ok_or("empty code []")?;
    if code.chars().all(|c| c == '-') {
        return Ok(None);
    }
    if !code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '~')
    {
        return Err(format!("{code:?} is not a CAMEO code"));
    }
    let (mut from, mut until) = (None, None);
    if let Some(d) = parts.next() {
        if let Some(d) = d.strip_prefix('>') {
            from = Some(date(d)?);
        } else if let Some(d) = d.strip_prefix('<') {
            until = Some(date(d)?);
        } else if let Some((a, b)) = d.split_once('-') {
            let (a, b) = (date(a)?, date(b)?);
            if b < a {
                return Err(format!("date range {d} ends before it begins"));
            }
            // A CAMEO range includes its last day.
            from = Some(a);
            until = b.succ_opt();
        } else {
            return Err(format!("{d:?} is not >DATE, <DATE or DATE-DATE"));
        }
    }
    if let Some(extra) = parts.next() {
        return Err(format!("unexpected {extra:?} after the date"));
    }
    Ok(Some(Code {
        code: code.to_string(),
        from,
        until,
    }))
}

/// A six-digit (YYMMDD, years before 30 in this century) or eight-digit date.
pub(crate) fn date(s: &str) -> Result<NaiveDate, String> {
    let bad = || format!("impossible date {s:?}");
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (y, m, d) = match s.len() {
        6 => {
            let yy = n(0..2).ok_or_else(bad)? as i32;
            (
                if yy < 30 { 2000 + yy } else { 1900 + yy },
                n(2..4),
                n(4..6),
            )
        }
        8 => (n(0..4).ok_or_else(bad)? as i32, n(4..6), n(6..8)),
        _ => return Err(bad()),
    };
    let (m, d) = (m.ok_or_else(bad)?, d.ok_or_else(bad)?);
    NaiveDate::from_ymd_opt(y, m, d)
        .filter(|d| d.year() >= 1000)
        .ok_or_else(bad)
}

/// The kind of a non-person actor by its first sector.
pub(crate) fn kind_of_sector(sector: Option<&str>) -> ActorKind {
    match sector {
        Some("GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY") => ActorKind::Body,
        Some("REB" | "INS" | "SEP" | "OPP" | "RAD" | "UAF" | "CRM" | "IMG") => ActorKind::Group,
        _ => ActorKind::Organization,
    }
}

/// Sector codes and the word a role title uses for them.
const SECTORS: &[(&str, &str)] = &[
    ("GOV", "government"),
    ("MIL", "military"),
    ("COP", "police"),
    ("JUD", "judiciary"),
    ("LEG", "legislature"),
    ("SPY", "intelligence"),
    ("OPP", "opposition"),
    ("REB", "rebels"),
    ("INS", "insurgents"),
    ("SEP", "separatists"),
    ("ELI", "elite"),
    ("PTY", "party"),
    ("BUS", "business"),
    ("MED", "media"),
    ("EDU", "education"),
    ("HLH", "health"),
    ("HRI", "human rights"),
    ("LAB", "labour"),
    ("REF", "refugees"),
    ("CVL", "civilians"),
    ("REL", "religion"),
    ("CRM", "criminals"),
    ("UAF", "armed forces"),
    ("RAD", "radicals"),
    ("MOD", "moderates"),
    ("DEV", "development"),
    ("AGR", "agriculture"),
    ("ENV", "environment"),
];

/// The title of a role a code gives ("government" for `GOV`; the code itself when
/// it has no word).
pub(crate) fn title_of_sector(sector: Option<&str>) -> String {
    match sector {
        None => "member".to_string(),
        Some(s) => SECTORS
            .iter()
            .find(|(c, _)| *c == s)
            .map_or_else(|| s.to_lowercase(), |(_, w)| w.to_string()),
    }
}

/// The sector code a role title stands for, the inverse of [`title_of_sector`].
pub(crate) fn sector_of_title(title: &str) -> Option<&'static str> {
    SECTORS.iter().find(|(_, w)| *w == title).map(|(c, _)| *c)
}

/// Titles that may open a name ("PRESIDENT_KRELL_VANTOS"), longest first where one
/// is the start of another; `None` for honorifics that give no office.
const TITLES: &[(&str, Option<Office>)] = &[
    ("deputy prime minister", Some(Office::Other)),
    ("prime minister", Some(Office::HeadOfGovernment)),
    ("vice president", Some(Office::Other)),
    ("president", Some(Office::HeadOfState)),
    ("premier", Some(Office::HeadOfGovernment)),
    ("pm", Some(Office::HeadOfGovernment)),
    ("chancellor", Some(Office::HeadOfGovernment)),
    ("foreign minister", Some(Office::ForeignMinister)),
    ("minister of foreign affairs", Some(Office::ForeignMinister)),
    ("defense minister", Some(Office::DefenceMinister)),
    ("defence minister", Some(Office::DefenceMinister)),
    ("secretary general", Some(Office::OrganizationLeader)),
    ("secretary-general", Some(Office::OrganizationLeader)),
    ("king", Some(Office::HeadOfState)),
    ("queen", Some(Office::HeadOfState)),
    ("emir", Some(Office::HeadOfState)),
    ("minister", Some(Office::Other)),
    ("ambassador", Some(Office::Other)),
    ("general", Some(Office::Other)),
    ("governor", Some(Office::Other)),
    ("senator", Some(Office::Other)),
    ("mayor", Some(Office::Other)),
    ("spokesman", Some(Office::Other)),
    ("spokeswoman", Some(Office::Other)),
    ("mr", None),
    ("mr.", None),
    ("mrs", None),
    ("mrs.", None),
    ("ms", None),
    ("dr", None),
    ("dr.", None),
    ("sir", None),
];

/// The title that opens `words` (lower case): its text, office, and length in words.
pub(crate) fn title_at(words: &[String]) -> Option<(&'static str, Option<Office>, usize)> {
    TITLES.iter().find_map(|&(t, office)| {
        let n = t.split(' ').count();
        let fits = words.len() >= n && t.split(' ').zip(words).all(|(a, b)| a == b);
        fits.then_some((t, office, n))
    })
}

/// The office a free-text title names (CSV `role` column): "president" is a head of
/// state, an unknown title is `Other`.
pub(crate) fn office_of_title(title: &str) -> Office {
    let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
    match title_at(&words) {
        Some((_, Some(office), n)) if n == words.len() => office,
        _ => Office::Other,
    }
}

/// Lower-case particles inside names ("Nuri al Maliki", "Ursula von der Leyen").
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "al" | "el"
            | "bin"
            | "ibn"
            | "bint"
            | "abu"
            | "de"
            | "del"
            | "da"
            | "di"
            | "van"
            | "von"
            | "der"
            | "du"
            | "des"
            | "la"
            | "le"
            | "of"
            | "the"
            | "and"
            | "for"
    )
}

/// The words of a CAMEO name: `KRELL_VANTOS_` → `["KRELL", "VANTOS"]`.
pub(crate) fn words(raw: &str) -> Vec<&str> {
    raw.split('_').filter(|w| !w.is_empty()).collect()
}

/// How news writes a name the dictionary writes upper case: "Krell Vantos",
/// "Nuri al-Maliki"; a short single word stays an acronym ("UN", "EU").
pub(crate) fn display(words: &[&str]) -> String {
    if let [w] = words {
        if w.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
            return w.to_string();
        }
    }
    words
        .iter()
        .map(|w| {
            // "AL-MALIKI" → "al-Maliki": a particle glued by a hyphen stays lower case.
            w.split('-')
                .enumerate()
                .map(|(i, part)| {
                    let lower = part.to_lowercase();
                    if is_particle(&lower) && (i > 0 || words.len() > 1 || w.contains('-')) {
                        lower
                    } else {
                        capitalise(&lower)
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut done = false;
    for c in w.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// The slug of an id: lower case ASCII letters and digits joined by `_`.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&w.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn codes_and_dates() {
        let c = parse_code("ZRBGOV >20150601").unwrap().unwrap();
        assert_eq!((c.prefix(), c.sectors()), ("ZRB", vec!["GOV"]));
        assert_eq!(c.from, Some(d("2015-06-01")));
        let c = parse_code("IRQELI 680101-000101").unwrap().unwrap();
        assert_eq!(
            (c.from, c.until),
            (Some(d("1968-01-01")), Some(d("2000-01-02")))
        );
        assert_eq!(
            parse_code("ZRB <150601").unwrap().unwrap().until,
            Some(d("2015-06-01"))
        );
        assert!(parse_code("IRQOCC 1920030320-20060520").is_err());
        assert!(parse_code("ZRB >20150231").is_err());
        assert!(parse_code("ZRB 20150601-20140101").is_err());
        assert_eq!(parse_code("---").unwrap(), None);
        assert!(parse_code("ZRB GOV").is_err());
    }

    #[test]
    fn names_read_as_news_writes_them() {
        assert_eq!(display(&words("KRELL_VANTOS_")), "Krell Vantos");
        assert_eq!(display(&words("NURI_AL-MALIKI_")), "Nuri al-Maliki");
        assert_eq!(display(&words("UN_")), "UN");
        assert_eq!(display(&words("IRAQ")), "Iraq");
        assert_eq!(display(&words("BANK_OF_CHINA_")), "Bank of China");
    }

    #[test]
    fn titles_open_names() {
        let w: Vec<String> = ["foreign", "minister", "lavrov"].map(String::from).to_vec();
        assert_eq!(
            title_at(&w),
            Some(("foreign minister", Some(Office::ForeignMinister), 2))
        );
        assert_eq!(office_of_title("President"), Office::HeadOfState);
        assert_eq!(office_of_title("chief whip"), Office::Other);
    }
}
