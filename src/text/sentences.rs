//! Sentence splitting for news text.
//!
//! News breaks sentences in three ways: terminal punctuation (with the usual traps:
//! "U.S.", "Mr.", "Dec. 14", "George W. Bush"), line breaks after headlines and title
//! lines that have no full stop, and bullets or tweet lines. A rule-based splitter gets
//! these right without a model, and is fast enough to run over archives.

use super::Span;

/// Sentences longer than this are cut at a word boundary: a run of text with no
/// sentence end (a scraped table, a 50 MB line) must not become one unbounded sentence.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// Abbreviations that never end a sentence: titles and ranks come before a name.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm",
    "Cmdr", "Brig", "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Hon", "St", "Mt", "Ft", "Fr", "No",
    "Nos", "Vol", "vs", "Sr", "Jr", "Messrs", "Supt", "Insp", "approx", "cf", "e.g", "i.e",
];

/// Month abbreviations: not an end before a day number ("Dec. 14"), an end otherwise
/// ("on Friday 7 Jan. They will…").
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Words that open sentences. After a dotted abbreviation ("U.S.", "a.m.") a sentence
/// ends only where one of these follows, since a capitalised name usually continues
/// the same sentence ("the U.S. State Department").
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "Also",
    "There",
    "What",
    "Why",
    "How",
    "Some",
    "Many",
    "Most",
    "No",
    "Both",
    "According",
    "Officials",
    "Mr",
    "Mrs",
    "Ms",
];

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '·' | '◦' | '▪' | '►' | '*' | '-' | '–' | '—')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '}')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Split `region` of `text` into sentence spans (trimmed, non-empty, in order).
pub fn split_sentences(text: &str, region: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = region.start;
    let r = region.of(text);
    // Split into lines first: a line break ends a sentence unless the text plainly
    // runs on (the next line starts in lower case, or this one ends mid-clause).
    let mut units: Vec<Span> = Vec::new();
    let mut unit_start: Option<usize> = None;
    // The lines as `str::split_inclusive('\n')` gives them, by the memchr crate's
    // search (the standard library's was a hundredth of extraction).
    let ends = memchr::memchr_iter(b'\n', r.as_bytes()).map(|i| region.start + i + 1);
    let lines: Vec<Span> = ends
        .chain(std::iter::once(region.end))
        .filter_map(|end| {
            let s = (end > line_start).then(|| Span::new(line_start, end));
            line_start = end;
            s
        })
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let content = line.trim(text);
        if content.is_empty() {
            if let Some(s) = unit_start.take() {
                units.push(Span::new(s, line.start));
            }
            continue;
        }
        let mut start = content.start;
        let mut bulleted = false;
        let c = content.of(text);
        if let Some(first) = c.chars().next() {
            let rest = &c[first.len_utf8()..];
            if is_bullet(first) && rest.starts_with([' ', '\t']) {
                // A bullet marker is not part of the sentence.
                if let Some(s) = unit_start.take() {
                    units.push(Span::new(s, line.start));
                }
                start = content.start + first.len_utf8();
                bulleted = true;
            }
        }
        unit_start.get_or_insert(start);
        let next = lines
            .get(i + 1)
            .map(|l| l.trim(text))
            .filter(|l| !l.is_empty());
        let runs_on = match next {
            None => false,
            Some(n) => {
                let last = c.chars().next_back().unwrap_or('.');
                let mut next_chars = n.of(text).chars();
                let first_next = next_chars.next().unwrap_or('A');
                let next_bulleted = is_bullet(first_next)
                    && next_chars.next().is_some_and(|c| c == ' ' || c == '\t');
                !bulleted
                    && !next_bulleted
                    && (first_next.is_lowercase()
                        || matches!(last, ',' | ';' | ':' | '(' | '-' | '–'))
            }
        };
        if !runs_on {
            if let Some(s) = unit_start.take() {
                units.push(Span::new(s, content.end));
            }
        }
    }
    if let Some(s) = unit_start.take() {
        units.push(Span::new(s, region.end));
    }
    for unit in units {
        split_unit(text, unit, &mut out);
    }
    out
}

/// Split one run of text (no sentence-ending line breaks inside) at terminal punctuation.
fn split_unit(text: &str, unit: Span, out: &mut Vec<Span>) {
    let u = unit.of(text);
    let bytes = u.as_bytes();
    let mut start = 0;
    // Terminals are found by their first byte ('…' opens with 0xE2, like a few other
    // characters the check below turns away): a unit is scanned as bytes, not decoded
    // character by character. ASCII bytes and lead bytes are always character boundaries.
    let mut from = 0;
    while let Some(i) = next_terminal_byte(bytes, from) {
        let Some(c) = u[i..].chars().next().filter(|&c| is_terminal(c)) else {
            from = i + 1;
            continue;
        };
        // Take the rest of the terminal run and any closing quotes or brackets.
        let mut end = i + c.len_utf8();
        while let Some(d) = u[end..]
            .chars()
            .next()
            .filter(|&d| is_terminal(d) || is_closer(d))
        {
            end += d.len_utf8();
        }
        from = end;
        let after = &u[end..];
        let next_word_at = after.len() - after.trim_start().len();
        if next_word_at == 0 && !after.is_empty() {
            continue; // "16.00", "U.S.-led": no space, no end
        }
        if after.trim_start().is_empty() {
            continue; // the unit's end is the sentence's end anyway
        }
        let next = after.trim_start();
        if c == '.' && !ends_sentence(&u[start..i], next) {
            continue;
        }
        if next.chars().next().is_some_and(|n| n.is_lowercase()) {
            continue; // "?" he asked; "U.S. officials"
        }
        push(text, Span::new(unit.start + start, unit.start + end), out);
        start = end;
    }
    push(text, Span::new(unit.start + start, unit.end), out);
}

/// Whether a byte may open a terminal character: ".", "!", "?", or the lead byte of
/// "…".
#[inline]
fn may_be_terminal(b: u8) -> bool {
    (b == b'.') | (b == b'!') | (b == b'?') | (b == 0xE2)
}

/// The first byte at or after `from` that may open a terminal character.
fn next_terminal_byte(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    // Sixteen bytes at a time, tested without branching so that the test compiles to
    // vector compares: most of a sentence holds no terminal at all.
    while let Some(chunk) = bytes.get(at..at + 16) {
        if chunk.iter().fold(false, |any, &b| any | may_be_terminal(b)) {
            break;
        }
        at += 16;
    }
    bytes[at..]
        .iter()
        .position(|&b| may_be_terminal(b))
        .map(|k| at + k)
}

/// Whether a full stop after `before` ends the sentence, given the text that follows.
fn ends_sentence(before: &str, next: &str) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\'' | '‘'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let next_word: &str = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let next_is_digit = next.starts_with(|c: char| c.is_ascii_digit());
    if word.is_empty() {
        return true;
    }
    if TITLE_ABBREVIATIONS.contains(&word) {
        return false;
    }
    if MONTH_ABBREVIATIONS.contains(&word) {
        return !next_is_digit;
    }
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        // An initial ("George W. Bush"); a lone lower-case letter is a list item.
        if first.is_uppercase() {
            return false;
        }
    }
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        // "U.S.", "a.m.": a capitalised name after it continues the sentence.
        return SENTENCE_OPENERS.contains(&next_word);
    }
    true
}

/// Record a sentence: trimmed, cut at [`MAX_SENTENCE_BYTES`], and only if it holds a
/// word or number.
fn push(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut span = span.trim(text);
    while span.len() > MAX_SENTENCE_BYTES {
        let s = span.of(text);
        let mut cut = MAX_SENTENCE_BYTES;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(ws) = s[..cut].rfind(char::is_whitespace) {
            if ws > MAX_SENTENCE_BYTES / 2 {
                cut = ws;
            }
        }
        push_one(text, Span::new(span.start, span.start + cut), out);
        span = Span::new(span.start + cut, span.end).trim(text);
    }
    push_one(text, span, out);
}

fn push_one(text: &str, span: Span, out: &mut Vec<Span>) {
    let span = span.trim(text);
    if span.of(text).chars().any(char::is_alphanumeric) {
        out.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Blinken met George W. Bush in St. Petersburg on Dec. 14. The U.S. State Department said so."),
            [
                "Mr. Blinken met George W. Bush in St. Petersburg on Dec. 14.",
                "The U.S. State Department said so."
            ]
        );
    }

    #[test]
    fn a_dotted_abbreviation_ends_a_sentence_before_an_opener() {
        assert_eq!(
            split("Russia blamed the U.S. The talks failed."),
            ["Russia blamed the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn month_abbreviation_ends_a_sentence_before_a_capital() {
        assert_eq!(
            split("The meeting will be held on Friday 7 Jan. They will discuss Russia."),
            [
                "The meeting will be held on Friday 7 Jan.",
                "They will discuss Russia."
            ]
        );
    }

    #[test]
    fn headlines_without_full_stop_are_sentences() {
        assert_eq!(
            split("Russia Demands NATO Forces to Leave Bulgaria\nMeanwhile, Russia seeks talks."),
            [
                "Russia Demands NATO Forces to Leave Bulgaria",
                "Meanwhile, Russia seeks talks."
            ]
        );
    }

    #[test]
    fn wrapped_lines_continuing_in_lower_case_are_joined() {
        assert_eq!(
            split("Russia warned\nthe alliance on Friday."),
            ["Russia warned\nthe alliance on Friday."]
        );
    }

    #[test]
    fn quotes_close_with_the_sentence() {
        assert_eq!(
            split("“We agreed,” the minister said. “Talks go on.” Lavrov left."),
            [
                "“We agreed,” the minister said.",
                "“Talks go on.”",
                "Lavrov left."
            ]
        );
    }

    #[test]
    fn numbers_and_lower_case_after_question_marks_do_not_split() {
        assert_eq!(
            split("Finland shares a 1,340-kilometer border at 16.00 hours. \"Why?\" he asked."),
            [
                "Finland shares a 1,340-kilometer border at 16.00 hours.",
                "\"Why?\" he asked."
            ]
        );
    }

    #[test]
    fn bullets_are_sentences_without_their_marker() {
        assert_eq!(
            split("Key points:\n• Russia massed troops\n• NATO sent ships"),
            ["Key points:", "Russia massed troops", "NATO sent ships"]
        );
    }

    #[test]
    fn a_run_without_sentence_ends_is_cut() {
        let text = "word ".repeat(3000);
        let s = split_sentences(&text, Span::new(0, text.len()));
        assert!(s.len() >= 3);
        assert!(s.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
    }
}
