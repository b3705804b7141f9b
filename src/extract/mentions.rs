//! Actor mentions: gazetteer names found in a sentence.
//!
//! One trie over every name of every actor, built once. A mention can only start where
//! a token does (or after a hyphen inside one: "US-led"), so the trie is walked from
//! those places alone rather than searched across every byte: an unanchored search
//! reported every name inside every word ("us" in "thus") only for the token checks to
//! throw them away. Matching is ASCII-case-insensitive (headlines are Title Case, wire
//! copy is sometimes upper case) and then checked against the name's own
//! capitalisation: an acronym must match exactly ("US" is not "us"), a capitalised word
//! must be capitalised in the text. Among overlapping matches the longest wins
//! ("Russian Foreign Ministry" over "Russian").

use super::classes::Class;
use super::words::SievedSet;
use crate::gazetteer::{ActorId, Gazetteer, NameKind};
use crate::text::{tokenize, Span, Token};
use rustc_hash::FxHashSet;
use std::cell::RefCell;

thread_local! {
    /// The candidate matches of the sentence being read, one list per thread: a new
    /// list per sentence was one allocation in thirty.
    static CANDIDATES: RefCell<Vec<(usize, usize, u32)>> = RefCell::default();
}

/// One actor mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where it is, in the coordinates of the text the sentence came from.
    pub span: Span,
    /// Token range within the sentence.
    pub start: usize,
    pub end: usize,
    pub actor: ActorId,
    pub via: NameKind,
}

/// A byte trie of names, ASCII letters folded to lower case (other bytes exact), laid
/// out in one array in depth-first order so that a walk touches few cache lines.
///
/// A node at offset `o` of `data`: a header (`len` children | `ends` << 10), the
/// children's bytes packed four to a word, their offsets, then the patterns ending at
/// the node.
#[derive(Debug, Clone)]
struct Trie {
    /// The root's children by byte (0: none).
    root: Box<[u32; 256]>,
    data: Vec<u32>,
}

impl Trie {
    /// A trie of (pattern id, pattern) pairs.
    ///
    /// Built from the patterns sorted by their folded bytes, without a tree of maps
    /// first (a map per node was two fifths of start-up): in that order each pattern
    /// adds the nodes of its bytes past the prefix it shares with the one before, and
    /// nodes come out in the depth-first order, children by byte, that the layout
    /// wants. Patterns that fold alike end at one node, in the order given.
    fn new<'p>(patterns: impl IntoIterator<Item = (u32, &'p str)>) -> Self {
        let mut folded = Vec::new();
        // (start, end) in `folded`, pattern id.
        let mut keys: Vec<(usize, usize, u32)> = Vec::new();
        for (id, p) in patterns {
            let start = folded.len();
            folded.extend(p.bytes().map(|b| b.to_ascii_lowercase()));
            keys.push((start, folded.len(), id));
        }
        let bytes = |&(start, end, _): &(usize, usize, u32)| &folded[start..end];
        // Stable: patterns that fold alike keep their order.
        keys.sort_by(|a, b| bytes(a).cmp(bytes(b)));

        struct Node {
            parent: usize,
            byte: u8,
            children: usize,
            /// The range of `keys` ending here.
            ends: std::ops::Range<usize>,
        }
        let mut nodes = vec![Node {
            parent: 0,
            byte: 0,
            children: 0,
            ends: 0..0,
        }];
        // The nodes along the previous pattern's bytes, the root first.
        let mut path = vec![0];
        let mut previous: &[u8] = &[];
        for (i, key) in keys.iter().enumerate() {
            let b = bytes(key);
            let shared = previous.iter().zip(b).take_while(|(x, y)| x == y).count();
            path.truncate(shared + 1);
            for &byte in &b[shared..] {
                let parent = path[path.len() - 1];
                nodes[parent].children += 1;
                nodes.push(Node {
                    parent,
                    byte,
                    children: 0,
                    ends: 0..0,
                });
                path.push(nodes.len() - 1);
            }
            // Patterns that fold alike are neighbours in `keys`.
            let ends = &mut nodes[path[b.len()]].ends;
            if ends.start == ends.end {
                ends.start = i;
            }
            ends.end = i + 1;
            previous = b;
        }
        let words = |n: &Node| n.children.div_ceil(4);
        let mut offset = Vec::with_capacity(nodes.len());
        let mut len = 0;
        for n in &nodes {
            offset.push(len);
            len += 1 + words(n) + n.children + n.ends.len();
        }
        let mut data = vec![0u32; len];
        for (n, &at) in nodes.iter().zip(&offset) {
            data[at] = n.children as u32 | (n.ends.len() as u32) << 10;
            let ids = at + 1 + words(n) + n.children;
            for (slot, key) in data[ids..].iter_mut().zip(&keys[n.ends.clone()]) {
                *slot = key.2;
            }
        }
        // Each node into its parent's child list; siblings come in byte order.
        let mut filled = vec![0usize; nodes.len()];
        let mut root = Box::new([0; 256]);
        for (c, n) in nodes.iter().enumerate().skip(1) {
            let p = &nodes[n.parent];
            let (at, k) = (offset[n.parent], filled[n.parent]);
            filled[n.parent] += 1;
            data[at + 1 + k / 4] |= u32::from(n.byte) << (8 * (k % 4));
            data[at + 1 + words(p) + k] = offset[c] as u32;
            if n.parent == 0 {
                root[usize::from(n.byte)] = offset[c] as u32;
            }
        }
        Trie { root, data }
    }

    /// Every pattern that `s[from..]` starts with, as (from, end offset in `s`,
    /// pattern).
    ///
    /// Called at nearly every token: the walk reads each node's header once, for its
    /// children and its patterns alike.
    fn prefixes_at(&self, s: &[u8], from: usize, out: &mut Vec<(usize, usize, u32)>) {
        let data = self.data.as_slice();
        let mut rest = s.get(from..).unwrap_or_default().iter();
        let Some(&first) = rest.next() else {
            return;
        };
        let mut at = self.root[usize::from(first.to_ascii_lowercase())] as usize;
        let mut end = from + 1;
        while at != 0 {
            let header = data[at];
            let len = (header & 0x3ff) as usize;
            let words = len.div_ceil(4);
            let ends = (header >> 10) as usize;
            if ends > 0 {
                let ids = at + 1 + words + len;
                for &id in &data[ids..ids + ends] {
                    out.push((from, end, id));
                }
            }
            let Some(&b) = rest.next() else {
                return;
            };
            at = Self::child(
                &data[at + 1..at + 1 + words + len],
                len,
                b.to_ascii_lowercase(),
            );
            end += 1;
        }
    }

    /// The child on (folded) byte `b` of a node whose `len` children are `node`
    /// (their bytes packed four to a word, then their offsets), or 0 for none (offset 0
    /// is the root, which is no one's child).
    #[inline]
    fn child(node: &[u32], len: usize, b: u8) -> usize {
        let words = len.div_ceil(4);
        // Four child bytes per word compared at once: a node after a common first
        // letter ("s", "the ") has dozens of children, and a byte-by-byte scan of them
        // was most of the walk's time.
        let wanted = u32::from(b) * 0x0101_0101;
        for (w, &keys) in node[..words].iter().enumerate() {
            let x = keys ^ wanted;
            // The lowest byte flagged is the first zero byte of `x` (borrows only
            // run upwards from a zero byte), so it is exact.
            let zero = x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080;
            if zero != 0 {
                let k = w * 4 + (zero.trailing_zeros() / 8) as usize;
                // Padding bytes of the last word are zero: they match a zero byte.
                return if k < len { node[words + k] as usize } else { 0 };
            }
        }
        0
    }
}

/// The compiled name matcher.
#[derive(Debug, Clone)]
pub struct MentionFinder {
    names: Trie,
    /// The names that text starting with a character other than a capital can match:
    /// a name that opens with a capital needs one ([`case_fits`]).
    uncapitalised: Trie,
    /// Per pattern: (actor, how it names it, the name text and its case rule).
    patterns: Vec<(ActorId, NameKind, String, CaseRule)>,
    /// The first token of every name, lower-cased.
    first_words: SievedSet,
}

impl MentionFinder {
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let mut seen = FxHashSet::default();
        let mut patterns = Vec::new();
        for n in gazetteer.names() {
            // The first actor to claim a surface form keeps it; the gazetteer reports
            // shared names as warnings.
            if seen.insert(n.text.as_str()) {
                patterns.push((n.actor, n.kind, n.text.clone(), CaseRule::of(&n.text)));
            }
        }
        let all = patterns
            .iter()
            .enumerate()
            .map(|(id, p)| (id as u32, p.2.as_str()));
        let names = Trie::new(all.clone());
        let uncapitalised = Trie::new(all.filter(|(_, p)| !needs_capital(p)));
        let first_words = SievedSet::new(patterns.iter().filter_map(|(_, _, name, _)| {
            let first = tokenize(name, Span::new(0, name.len()))
                .into_iter()
                .next()?;
            Some(first.text(name).to_lowercase())
        }));
        MentionFinder {
            names,
            uncapitalised,
            patterns,
            first_words,
        }
    }

    /// Mentions in `sentence` of `text`, given its tokens and their lower-cased texts;
    /// non-overlapping, in order.
    pub fn find(
        &self,
        text: &str,
        sentence: Span,
        tokens: &[Token],
        words: &[String],
    ) -> Vec<Mention> {
        let opens = |i: usize| words.get(i).is_none_or(|w| self.first_words.contains(w));
        self.find_where(text, sentence, tokens, opens)
    }

    /// [`Self::find`], given per token whether its word opens some name (the first
    /// words of names are [`Self::first_words`]).
    pub fn find_classified(
        &self,
        text: &str,
        sentence: Span,
        tokens: &[Token],
        classes: &[Class],
    ) -> Vec<Mention> {
        let opens = |i: usize| classes.get(i).is_none_or(|c| c.has(Class::OPENS_NAME));
        self.find_where(text, sentence, tokens, opens)
    }

    /// The first token of every name, lower-cased.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.first_words.words()
    }

    fn find_where<F: Fn(usize) -> bool>(
        &self,
        text: &str,
        sentence: Span,
        tokens: &[Token],
        opens: F,
    ) -> Vec<Mention> {
        CANDIDATES.with_borrow_mut(|candidates| {
            candidates.clear();
            let found = self.find_in(text, sentence, tokens, Some(&opens), candidates);
            // Debug builds check that the first-word test turned away no mention.
            #[cfg(debug_assertions)]
            {
                let mut all = Vec::new();
                let every = self.find_in(text, sentence, tokens, None::<&F>, &mut all);
                debug_assert_eq!(found, every, "{:?}", sentence.of(text));
            }
            // A sentence of thousands of names (a list, a table) leaves no large
            // buffer behind.
            if candidates.capacity() > 1 << 12 {
                *candidates = Vec::new();
            }
            found
        })
    }

    /// [`Self::find`], walking the tries only from tokens that open some name when
    /// `opens` is given, from every token when not.
    fn find_in<F: Fn(usize) -> bool>(
        &self,
        text: &str,
        sentence: Span,
        tokens: &[Token],
        opens: Option<&F>,
        candidates: &mut Vec<(usize, usize, u32)>,
    ) -> Vec<Mention> {
        let s = sentence.of(text);
        let bytes = s.as_bytes();
        // Every name starting at a token, or after a hyphen inside one.
        let mut names_at = |p: usize| {
            let capital = match bytes.get(p) {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => s[p..].chars().next().is_some_and(char::is_uppercase),
            };
            let trie = if capital {
                &self.names
            } else {
                &self.uncapitalised
            };
            trie.prefixes_at(bytes, p, candidates);
        };
        // Few tokens have a hyphen: the sentence's hyphens are found once, and each
        // token asks whether the next one falls inside it.
        let mut hyphens = memchr::memchr_iter(b'-', bytes).peekable();
        for (i, t) in tokens.iter().enumerate() {
            let (a, b) = (t.span.start - sentence.start, t.span.end - sentence.start);
            while hyphens.next_if(|&h| h < a).is_some() {}
            let hyphen = hyphens.peek().is_some_and(|&h| h < b);
            // A name starting at a token's start with no hyphen in it covers the whole
            // token first ("US-led" aside, a mention starts and ends on token
            // boundaries): a token that is no name's first token starts none, and most
            // tokens are turned away without a walk.
            if hyphen || opens.is_none_or(|opens| opens(i)) {
                names_at(a);
            }
            if hyphen {
                for p in a + 1..b {
                    if bytes[p - 1] == b'-' {
                        names_at(p);
                    }
                }
            }
        }
        // In the order an overlapping search reports them: by end, longest first, then
        // by pattern (ties below keep this order).
        candidates.sort_unstable_by_key(|&(start, end, pattern)| (end, start, pattern));
        let mut found: Vec<Mention> = Vec::with_capacity(candidates.len());
        for &(m_start, m_end, pattern) in candidates.iter() {
            let (actor, via, ref name, ref rule) = self.patterns[pattern as usize];
            let matched = &s[m_start..m_end];
            let fits = rule.fits(name, matched);
            debug_assert_eq!(fits, case_fits(name, matched), "{name:?} {matched:?}");
            if !fits {
                continue;
            }
            let span = Span::new(sentence.start + m_start, sentence.start + m_end);
            // A mention starts and ends on token boundaries, or at a hyphen inside a
            // compound ("US-led", "US-European").
            // Tokens are in order and disjoint: binary searches find the first token
            // ending after the match's start, and the first ending at or after its end.
            let start = tokens.partition_point(|t| t.span.end <= span.start);
            if tokens.get(start).is_none_or(|t| t.span.start > span.start) {
                continue;
            }
            let starts_ok =
                tokens[start].span.start == span.start || text[..span.start].ends_with('-');
            let end = tokens[start..].partition_point(|t| t.span.end < span.end);
            if tokens
                .get(start + end)
                .is_none_or(|t| t.span.start >= span.end)
            {
                continue;
            }
            let last = &tokens[start + end];
            let ends_ok = last.span.end == span.end || text[span.end..].starts_with('-');
            if !starts_ok || !ends_ok {
                continue;
            }
            // "pro-Russian separatists" are not Russia's.
            // Only the few bytes before: lower-casing the whole text up to here for each
            // mention made a long article quadratic.
            let before = &text.as_bytes()[..span.start];
            if [&b"pro-"[..], b"anti-", b"non-"].iter().any(|p| {
                before.len() >= p.len() && before[before.len() - p.len()..].eq_ignore_ascii_case(p)
            }) {
                continue;
            }
            found.push(Mention {
                span,
                start,
                end: start + end + 1,
                actor,
                via,
            });
        }
        // Longest first; keep each match that overlaps nothing already kept.
        found.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
        // In place: the kept ones gather at the front.
        let mut kept = 0;
        for i in 0..found.len() {
            let m = found[i];
            if found[..kept]
                .iter()
                .all(|k| m.end <= k.start || m.start >= k.end)
            {
                found[kept] = m;
                kept += 1;
            }
        }
        found.truncate(kept);
        found.sort_by_key(|m| m.start);
        found
    }
}

/// Acronyms that some house styles write in title case ("Nato", "Opec").
const TITLE_CASE_ACRONYMS: &[&str] = &[
    "NATO", "OPEC", "ASEAN", "UNICEF", "UNESCO", "ECOWAS", "UNHCR", "UNRWA", "OSCE", "CSTO",
    "SEATO", "MERCOSUR", "FRELIMO", "INTERPOL",
];

/// Whether a name fits only text that starts with a capital ([`case_fits`] of its
/// first word): it opens with one, and is not an acronym that may be written in any
/// case after its first letter.
fn needs_capital(name: &str) -> bool {
    let Some(first) = name.split_whitespace().next() else {
        return false;
    };
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    let upper = first.chars().filter(|c| c.is_uppercase()).count();
    let acronym = letters >= 2 && upper == letters;
    name.starts_with(char::is_uppercase) && !(acronym && TITLE_CASE_ACRONYMS.contains(&first))
}

/// [`case_fits`] of one name, worked out once: where its acronyms and capitalised
/// words are (its lower-case words fit any case). A match of a name has the name's
/// bytes up to ASCII case, so its words are at the same offsets.
#[derive(Debug, Clone, Default)]
struct CaseRule {
    checks: smallvec::SmallVec<[WordCheck; 2]>,
}

#[derive(Debug, Clone, Copy)]
enum WordCheck {
    /// A capitalised word at this offset: the match's word must be capitalised.
    Capital { at: usize },
    /// An acronym: exactly, or (`title_case`) in the house style "Nato".
    Acronym {
        at: usize,
        len: usize,
        title_case: bool,
    },
}

impl CaseRule {
    fn of(name: &str) -> Self {
        let mut checks = smallvec::SmallVec::new();
        for n in name.split_whitespace() {
            // `n` is a piece of `name`: its offset is the distance between them.
            let at = n.as_ptr() as usize - name.as_ptr() as usize;
            let letters = n.chars().filter(|c| c.is_alphabetic()).count();
            let upper = n.chars().filter(|c| c.is_uppercase()).count();
            if letters >= 2 && upper == letters {
                checks.push(WordCheck::Acronym {
                    at,
                    len: n.len(),
                    title_case: TITLE_CASE_ACRONYMS.contains(&n),
                });
            } else if n.chars().next().is_some_and(char::is_uppercase) {
                checks.push(WordCheck::Capital { at });
            }
        }
        CaseRule { checks }
    }

    /// [`case_fits`]`(name, matched)`, where `matched` is a match of `name`.
    #[inline]
    fn fits(&self, name: &str, matched: &str) -> bool {
        let capital = |s: &str| match s.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => s.chars().next().is_some_and(char::is_uppercase),
        };
        self.checks.iter().all(|&check| match check {
            WordCheck::Capital { at } => matched.get(at..).is_some_and(capital),
            WordCheck::Acronym {
                at,
                len,
                title_case,
            } => {
                let (Some(m), Some(n)) = (matched.get(at..at + len), name.get(at..at + len)) else {
                    return false;
                };
                m == n || (title_case && m.chars().skip(1).all(|c| !c.is_uppercase()))
            }
        })
    }
}

/// Whether the text's capitalisation fits the name's: acronyms exactly, capitalised
/// words capitalised; lower-case words ("the", "of") in any case. (Matching asks a
/// name's [`CaseRule`]; debug builds check it against this.)
fn case_fits(name: &str, matched: &str) -> bool {
    name.split_whitespace()
        .zip(matched.split_whitespace())
        .all(|(n, m)| {
            let letters = n.chars().filter(|c| c.is_alphabetic()).count();
            let upper = n.chars().filter(|c| c.is_uppercase()).count();
            if letters >= 2 && upper == letters {
                // "NATO", and the house style "Nato" of a few pronounced acronyms;
                // never "us" for "US", nor "Sadr" for "SADR".
                n == m
                    || (TITLE_CASE_ACRONYMS.contains(&n)
                        && m.chars().skip(1).all(|c| !c.is_uppercase()))
            } else if n.chars().next().is_some_and(char::is_uppercase) {
                m.chars().next().is_some_and(char::is_uppercase)
            } else {
                true
            }
        })
}

#[cfg(test)]
mod tests {
    use super::{case_fits, Trie};
    use proptest::prelude::*;

    impl Trie {
        /// The trie as first built: a tree of maps, then flattened.
        fn by_maps<'p>(patterns: impl IntoIterator<Item = (u32, &'p str)>) -> Self {
            #[derive(Default)]
            struct Build {
                next: std::collections::BTreeMap<u8, usize>,
                ends: Vec<u32>,
            }
            let mut tree = vec![Build::default()];
            for (id, p) in patterns {
                let mut at = 0;
                for &b in p.as_bytes() {
                    let b = b.to_ascii_lowercase();
                    at = match tree[at].next.get(&b) {
                        Some(&n) => n,
                        None => {
                            tree.push(Build::default());
                            let n = tree.len() - 1;
                            tree[at].next.insert(b, n);
                            n
                        }
                    };
                }
                tree[at].ends.push(id);
            }
            let size = |n: &Build| 1 + n.next.len().div_ceil(4) + n.next.len() + n.ends.len();
            // Depth first: a name's nodes lie close together.
            let mut order = Vec::with_capacity(tree.len());
            let mut offset = vec![0u32; tree.len()];
            let mut len = 0;
            let mut stack = vec![0usize];
            while let Some(n) = stack.pop() {
                offset[n] = len as u32;
                len += size(&tree[n]);
                order.push(n);
                stack.extend(tree[n].next.values().rev());
            }
            let mut data = Vec::with_capacity(len);
            for &n in &order {
                let node = &tree[n];
                data.push(node.next.len() as u32 | (node.ends.len() as u32) << 10);
                let bytes: Vec<u8> = node.next.keys().copied().collect();
                for chunk in bytes.chunks(4) {
                    let mut word = [0u8; 4];
                    word[..chunk.len()].copy_from_slice(chunk);
                    data.push(u32::from_le_bytes(word));
                }
                data.extend(node.next.values().map(|&c| offset[c]));
                data.extend(&node.ends);
            }
            let mut root = Box::new([0; 256]);
            for (&b, &child) in &tree[0].next {
                root[usize::from(b)] = offset[child];
            }
            Trie { root, data }
        }
    }

    #[test]
    fn the_gazetteers_trie_is_laid_out_as_by_maps() {
        let g = crate::gazetteer::Gazetteer::builtin().unwrap();
        let names: Vec<String> = g.names().iter().map(|n| n.text.clone()).collect();
        let all = || {
            names
                .iter()
                .enumerate()
                .map(|(i, p)| (i as u32, p.as_str()))
        };
        let (new, old) = (Trie::new(all()), Trie::by_maps(all()));
        assert!(new.data.len() > 100_000, "{} words", new.data.len());
        assert_eq!(new.root, old.root);
        assert_eq!(new.data, old.data);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// The trie's walk (four child bytes compared at once) finds exactly the
        /// patterns that the text starts with, ASCII case folded.
        #[test]
        fn trie_finds_the_prefixes_a_scan_finds(
            // Few first bytes and many second ones: nodes with many children (several
            // words of child bytes) as well as nodes with few.
            patterns in prop::collection::vec(r"[a-cA-C \-\x00é][a-zA-Z0-9 \-\x00é]{0,5}", 1..80),
            text in r"[a-cA-C \-\x00é][a-zA-Z0-9 \-\x00é]{0,11}",
        ) {
            let trie = Trie::new(patterns.iter().enumerate().map(|(i, p)| (i as u32, p.as_str())));
            let by_maps = Trie::by_maps(patterns.iter().enumerate().map(|(i, p)| (i as u32, p.as_str())));
            prop_assert_eq!(&trie.root, &by_maps.root);
            prop_assert_eq!(&trie.data, &by_maps.data);
            let bytes = text.as_bytes();
            for from in 0..bytes.len() {
                let mut found = Vec::new();
                trie.prefixes_at(bytes, from, &mut found);
                found.sort_unstable();
                let mut expected: Vec<(usize, usize, u32)> = patterns
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| {
                        bytes.len() - from >= p.len()
                            && bytes[from..from + p.len()].eq_ignore_ascii_case(p.as_bytes())
                    })
                    .map(|(i, p)| (from, from + p.len(), i as u32))
                    .collect();
                expected.sort_unstable();
                prop_assert_eq!(found, expected, "{:?} in {:?} at {}", patterns, text, from);
            }
        }
    }

    #[test]
    fn acronyms_match_exactly_and_names_need_capitals() {
        assert!(case_fits("US", "US"));
        assert!(!case_fits("US", "us"));
        assert!(case_fits("the Kremlin", "The Kremlin"));
        assert!(!case_fits("Turkey", "turkey"));
        assert!(case_fits("Russia", "RUSSIA"));
    }
}
