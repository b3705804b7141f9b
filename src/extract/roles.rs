//! Role titles: the words news uses for offices ("foreign minister", "secretary of
//! state", "chancellor") and for unnamed persons ("spokeswoman", "envoy").

use crate::extract::words::Filter;
use crate::gazetteer::Office;

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Title phrases (lower case) grouped by the office they name; `None` for posts that
/// are not one of the resolvable offices.
const TITLE_TABLE: &[(Option<Office>, &[&str])] = &[
    (
        Some(Office::HeadOfState),
        &[
            "president",
            "king",
            "queen",
            "emir",
            "sultan",
            "supreme leader",
            "monarch",
            "head of state",
            "leader",
        ],
    ),
    (
        Some(Office::HeadOfGovernment),
        &[
            "prime minister",
            "premier",
            "chancellor",
            "taoiseach",
            "pm",
            "head of government",
            "state counsellor",
        ],
    ),
    (
        Some(Office::ForeignMinister),
        &[
            "foreign minister",
            "foreign secretary",
            "secretary of state",
            "minister of foreign affairs",
            "foreign affairs minister",
            "external affairs minister",
            "minister of external affairs",
            "top diplomat",
            "chief diplomat",
            "foreign policy chief",
            "high representative",
        ],
    ),
    (
        Some(Office::DefenceMinister),
        &[
            "defense minister",
            "defence minister",
            "defense secretary",
            "defence secretary",
            "minister of defense",
            "minister of defence",
            "secretary of defense",
            "war minister",
        ],
    ),
    (
        Some(Office::OrganizationLeader),
        &[
            "secretary general",
            "secretary-general",
            "director general",
            "director-general",
            "commission president",
            "secgen",
        ],
    ),
    (
        None,
        &[
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "minister",
            "deputy foreign minister",
            "deputy prime minister",
            "vice president",
            "deputy",
            "ambassador",
            "envoy",
            "senator",
            "governor",
            "general",
            "gen.",
            "commander",
            "chairman",
            "chairwoman",
            "adviser",
            "advisor",
            "national security adviser",
            "press secretary",
            "secretary",
            "mayor",
            "opposition leader",
            "cleric",
            "assistant secretary of state",
            "under secretary",
            "deputy secretary of state",
            "interior minister",
            "finance minister",
            "trade minister",
            "justice minister",
            "energy minister",
            "economy minister",
            "official",
            "chief",
            "lt.",
            "col.",
            "maj.",
            "capt.",
            "sen.",
            "rep.",
            "gov.",
            "dr.",
            "mr.",
            "mrs.",
            "ms.",
            "prince",
            "sheikh",
            "ayatollah",
            "marshal",
            "crown prince",
            "head",
        ],
    ),
];

/// Each title as its words, with its office, by its first word; and a filter of the
/// first words (`title_at` is asked at nearly every token).
type TitleIndex = FxHashMap<&'static str, Vec<(Vec<&'static str>, Option<Office>)>>;
static TITLES: LazyLock<(Filter, TitleIndex)> = LazyLock::new(|| {
    let mut by_first = TitleIndex::default();
    let mut filter = Filter::EMPTY;
    for (office, phrases) in TITLE_TABLE {
        for p in phrases.iter() {
            let words: Vec<&'static str> = p.split(' ').collect();
            filter = filter.with(words[0]);
            by_first.entry(words[0]).or_default().push((words, *office));
        }
    }
    (filter, by_first)
});

/// A title found at some position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleHit {
    pub office: Option<Office>,
    /// Tokens the title covers.
    pub len: usize,
    /// A plural title ("ministers").
    pub plural: bool,
}

/// The longest title starting at `i` in the lower-cased words.
pub fn title_at(words: &[String], i: usize) -> Option<TitleHit> {
    let mut best: Option<TitleHit> = None;
    // A one-word title may be plural ("officials"): look it up by its singular too.
    let word = words.get(i).map(String::as_str).unwrap_or("");
    let singular = title_singular(word);
    let candidates = [Some(word), singular]
        .into_iter()
        .flatten()
        .filter(|w| TITLES.0.admits(w))
        .filter_map(|w| TITLES.1.get(w));
    for (title, office) in candidates.flatten() {
        let n = title.len();
        if i + n > words.len() {
            continue;
        }
        let same = (0..n - 1).all(|k| words[i + k] == title[k]);
        let last = &words[i + n - 1];
        // "the foreign ministers of India and Pakistan": one holder each.
        let plural = last.len() == title[n - 1].len() + 1
            && last.starts_with(title[n - 1])
            && last.ends_with('s');
        if same && (last == title[n - 1] || plural) && best.is_none_or(|b| n > b.len) {
            best = Some(TitleHit {
                office: *office,
                len: n,
                plural,
            });
        }
    }
    best
}

/// Prefixes that make a title not the current holder's ("former president") or a
/// different post ("deputy foreign minister").
pub const TITLE_PREFIXES: [&str; 13] = [
    "former",
    "ex",
    "ex-",
    "late",
    "then",
    "acting",
    "interim",
    "deputy",
    "vice",
    "assistant",
    "outgoing",
    "incoming",
    "new",
];

// The chunker asks a token's class (`classes.rs`); tests ask this.
#[cfg(test)]
pub fn is_title_prefix(w: &str) -> bool {
    TITLE_PREFIXES.contains(&w)
}

/// The first word of every title (in the singular).
pub fn title_first_words() -> impl Iterator<Item = &'static str> {
    TITLES.1.keys().copied()
}

/// The singular a one-word title is looked up by when `word` may be its plural
/// ("officials").
pub fn title_singular(word: &str) -> Option<&str> {
    word.strip_suffix('s').filter(|_| word.len() > 3)
}

/// Whether a title starts with `w`. (The chunker asks the class of a plural title's
/// word, `classes.rs`; tests ask this.)
#[cfg(test)]
pub fn is_title_first_word(w: &str) -> bool {
    TITLES.0.admits(w) && TITLES.1.contains_key(w)
}

/// Whether a title prefix means the office is not the one held now.
pub fn prefix_changes_office(w: &str) -> bool {
    matches!(
        w,
        "former"
            | "ex"
            | "ex-"
            | "late"
            | "then"
            | "deputy"
            | "vice"
            | "assistant"
            | "outgoing"
            | "incoming"
    )
}

/// "counterpart(s)": a person holding the same office as someone in context.
pub fn is_counterpart(w: &str) -> bool {
    matches!(w, "counterpart" | "counterparts")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn longest_title_wins() {
        let w = words("secretary of state antony blinken");
        assert_eq!(
            title_at(&w, 0),
            Some(TitleHit {
                office: Some(Office::ForeignMinister),
                len: 3,
                plural: false
            })
        );
        let w = words("foreign minister sergei lavrov");
        assert_eq!(
            title_at(&w, 0).unwrap().office,
            Some(Office::ForeignMinister)
        );
        let w = words("spokeswoman maria");
        assert_eq!(
            title_at(&w, 0),
            Some(TitleHit {
                office: None,
                len: 1,
                plural: false
            })
        );
        assert_eq!(title_at(&words("russia"), 0), None);
        assert!(title_at(&words("foreign ministers of"), 0).unwrap().plural);
    }
}
