//! Spelling variants of people's names: "Anthony Blinkon" is Antony Blinken, and two
//! people whose names are close are never merged.
//!
//! An index of every multi-word person name (folded to an ASCII slug), blocked by the
//! first letter of the surname so that a look-up compares a few hundred names, not
//! every name in the gazetteer.

use super::{ActorId, ActorKind, Gazetteer, NameKind};
use rustc_hash::{FxHashMap, FxHashSet};

/// How close (Jaro-Winkler on slugs) a spelling must be to a known name.
const ACCEPT: f64 = 0.93;
/// How far ahead of any other person the best match must be.
const MARGIN: f64 = 0.03;
/// Scores below this can neither be accepted nor keep the best from its margin
/// (ACCEPT - MARGIN, less a hundredth for rounding): such candidates may be skipped.
const IRRELEVANT: f64 = ACCEPT - MARGIN - 0.01;

/// A known name: its slug, its person, and how often each character occurs in it.
type Candidate = (String, ActorId, Letters);

/// Multi-word person names by the first two letters of their last word (a typo seldom
/// falls there, and the block keeps each look-up to a few names).
#[derive(Debug, Clone, Default)]
pub struct PersonIndex {
    by_initial: FxHashMap<(char, char), Vec<Candidate>>,
    /// First and last words of every known name: a variant shares one of them
    /// exactly ("*Anthony* Blinkon", "Sergey *Lavrov*"), which spares most look-ups
    /// the string comparison.
    words: FxHashSet<String>,
}

impl PersonIndex {
    pub fn new(g: &Gazetteer) -> Self {
        let mut by_initial: FxHashMap<(char, char), Vec<Candidate>> = FxHashMap::default();
        let mut words = FxHashSet::default();
        for n in g.names() {
            if n.kind != NameKind::Name || g.actor(n.actor).kind != ActorKind::Person {
                continue;
            }
            let s = slug(&n.text);
            if let Some(initial) = surname_initial(&s) {
                if let (Some(first), Some(last)) = (s.split('_').next(), s.rsplit('_').next()) {
                    words.insert(first.to_string());
                    words.insert(last.to_string());
                }
                let letters = Letters::of(s.as_bytes());
                by_initial
                    .entry(initial)
                    .or_default()
                    .push((s, n.actor, letters));
            }
        }
        // Shortest first: a look-up takes only the names within its reach in length.
        for block in by_initial.values_mut() {
            block.sort_by_key(|c| c.0.len());
        }
        PersonIndex { by_initial, words }
    }

    /// Whether a name whose slug opens with the word `first` and ends with the word
    /// `last` may be a variant at all: it must share one of them with a known name
    /// ([`PersonIndex::find`] asks the same of the slug). Lets a caller that has the
    /// words at hand skip the slug of the many capitalised word pairs that are no one's.
    pub fn may_find(&self, first: &str, last: &str) -> bool {
        self.words.contains(first) || self.words.contains(last)
    }

    /// The person a variant spelling names, when exactly one person is that close.
    pub fn find(&self, name: &str) -> Option<ActorId> {
        let target = slug(name);
        let (Some(first), Some(last)) = (target.split('_').next(), target.rsplit('_').next())
        else {
            return None;
        };
        if !self.may_find(first, last) {
            return None;
        }
        let block = self.by_initial.get(&surname_initial(&target)?)?;
        // Jaro-Winkler cannot reach the bar across a difference in length of more than
        // four characters (the block is sorted by length), nor with too few characters
        // in common.
        let from = block.partition_point(|c| c.0.len() + 4 < target.len());
        let to = block.partition_point(|c| c.0.len() <= target.len() + 4);
        let letters = Letters::of(target.as_bytes());
        let mut best: FxHashMap<ActorId, f64> = FxHashMap::default();
        for (candidate, actor, their_letters) in &block[from..to] {
            if max_jaro_winkler(candidate.len(), target.len(), letters.common(their_letters))
                < IRRELEVANT
            {
                continue;
            }
            let score = jaro_winkler(candidate.as_bytes(), target.as_bytes());
            let e = best.entry(*actor).or_insert(0.0);
            *e = e.max(score);
        }
        let mut ranked: Vec<(ActorId, f64)> = best.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        match ranked.as_slice() {
            [(id, s), rest @ ..]
                if *s >= ACCEPT && rest.first().is_none_or(|(_, r)| s - r >= MARGIN) =>
            {
                Some(*id)
            }
            _ => None,
        }
    }
}

/// How often each character of a slug occurs (letters, digits; anything else in one
/// bucket, which can only overcount what two slugs share).
#[derive(Debug, Clone)]
struct Letters([u16; 37]);

impl Letters {
    fn of(slug: &[u8]) -> Self {
        let mut counts = [0u16; 37];
        for &b in slug {
            let k = match b {
                b'a'..=b'z' => usize::from(b - b'a'),
                b'0'..=b'9' => 26 + usize::from(b - b'0'),
                _ => 36,
            };
            counts[k] = counts[k].saturating_add(1);
        }
        Letters(counts)
    }

    /// Characters two slugs have in common, counted with repetition: at least as
    /// many as Jaro can match.
    fn common(&self, other: &Letters) -> usize {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| usize::from(*a.min(b)))
            .sum()
    }
}

/// The most Jaro-Winkler can give two strings of these lengths with `common`
/// characters in common: every one matched, none transposed, a four-character prefix.
fn max_jaro_winkler(a_len: usize, b_len: usize, common: usize) -> f64 {
    if a_len == 0 || b_len == 0 {
        return 1.0;
    }
    let m = common.min(a_len).min(b_len) as f64;
    let jaro = (m / a_len as f64 + m / b_len as f64 + 1.0) / 3.0;
    jaro + 0.4 * (1.0 - jaro)
}

/// Jaro-Winkler similarity of two slugs, as `strsim::jaro_winkler` computes it (the
/// same steps, so the same value), on bytes: slugs are ASCII, so bytes are characters,
/// and the flags of short slugs live on the stack.
fn jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    let sim = jaro(a, b);
    if sim > 0.7 {
        let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

fn jaro(a: &[u8], b: &[u8]) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let search_range = (a_len.max(b_len) / 2).saturating_sub(1);
    let mut stack = [false; 128];
    let mut heap = Vec::new();
    let flags: &mut [bool] = if a_len + b_len <= stack.len() {
        &mut stack[..a_len + b_len]
    } else {
        heap.resize(a_len + b_len, false);
        &mut heap
    };
    let (a_flags, b_flags) = flags.split_at_mut(a_len);
    let mut matches = 0usize;
    for (i, x) in a.iter().enumerate() {
        let lo = i.saturating_sub(search_range);
        let hi = b_len.min(i + search_range + 1);
        for j in lo..hi {
            if *x == b[j] && !b_flags[j] {
                a_flags[i] = true;
                b_flags[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut b_matched = b.iter().zip(b_flags.iter()).filter(|(_, f)| **f);
    for (x, _) in a.iter().zip(a_flags.iter()).filter(|(_, f)| **f) {
        if let Some((y, _)) = b_matched.next() {
            if x != y {
                transpositions += 1;
            }
        }
    }
    transpositions /= 2;
    ((matches as f64 / a_len as f64)
        + (matches as f64 / b_len as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

/// The first two letters of the last word of a multi-word slug.
fn surname_initial(slug: &str) -> Option<(char, char)> {
    let (_, last) = slug.rsplit_once('_')?;
    let mut c = last.chars();
    Some((c.next()?, c.next().unwrap_or(' ')))
}

/// Lower-case ASCII slug, words joined by `_` ("José Manuel Albares" → "jose_manuel_albares").
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// Latin letters with diacritics to their base letter; others unchanged.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'Ś' | 'Š' | 'Ş' => 'S',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        'ğ' => 'g',
        'ř' => 'r',
        'ť' => 't',
        'ď' => 'd',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slug("José Manuel Albares"), "jose_manuel_albares");
        assert_eq!(slug("Sauli Niinistö"), "sauli_niinisto");
        assert_eq!(slug("George W. Bush"), "george_w_bush");
    }

    proptest::proptest! {
        #[test]
        fn jaro_winkler_is_strsims(a in "[a-e_]{0,12}", b in "[a-e_]{0,12}") {
            let ours = jaro_winkler(a.as_bytes(), b.as_bytes());
            proptest::prop_assert_eq!(ours.to_bits(), strsim::jaro_winkler(&a, &b).to_bits());
        }
    }

    proptest::proptest! {
        #[test]
        fn the_bound_bounds(a in "[a-e_1]{0,14}", b in "[a-e_1]{0,14}") {
            let common = Letters::of(a.as_bytes()).common(&Letters::of(b.as_bytes()));
            let bound = max_jaro_winkler(a.len(), b.len(), common);
            proptest::prop_assert!(jaro_winkler(a.as_bytes(), b.as_bytes()) <= bound);
        }
    }

    #[test]
    fn jaro_winkler_of_long_slugs_is_strsims() {
        let a = "abdulrahman_bin_hamad_al_thani_".repeat(5);
        let b = "abdulrahman_bin_hamad_al_than".repeat(5);
        assert_eq!(
            jaro_winkler(a.as_bytes(), b.as_bytes()).to_bits(),
            strsim::jaro_winkler(&a, &b).to_bits()
        );
    }

    #[test]
    fn variants_find_their_person_and_near_names_stay_apart() {
        let g = Gazetteer::builtin().unwrap();
        let ix = PersonIndex::new(&g);
        let key = |n: &str| ix.find(n).map(|id| g.actor(id).key.clone());
        assert_eq!(key("Anthony Blinkon").as_deref(), Some("antony_blinken"));
        assert_eq!(key("Sergey Lavrov").as_deref(), Some("sergei_lavrov"));
        assert_eq!(key("Joe Bide").as_deref(), Some("joe_biden"));
        assert_eq!(key("Margarita Roblez").as_deref(), Some("margarita_robles"));
        assert_eq!(key("Nobody Atall"), None);
    }
}
