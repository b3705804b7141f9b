//! Property tests of the text layer's fast paths: sentences and tokens are the same as
//! those of the plain implementations they replaced, kept here as the reference (the
//! tokenizer's reference splits words with `unicode-segmentation` alone).

use proptest::prelude::*;
use whowhom::text::{split_sentences, tokenize, tokenize_into, Span, Token};

#[allow(clippy::all)]
mod reference_sentences {
    use whowhom::text::Span;

    pub const MAX_SENTENCE_BYTES: usize = 4000;

    /// Abbreviations that never end a sentence: titles and ranks come before a name.
    const TITLE_ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm",
        "Cmdr", "Brig", "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Hon", "St", "Mt", "Ft", "Fr",
        "No", "Nos", "Vol", "vs", "Sr", "Jr", "Messrs", "Supt", "Insp", "approx", "cf", "e.g",
        "i.e",
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
        let lines: Vec<Span> = r
            .split_inclusive('\n')
            .map(|l| {
                let s = Span::new(line_start, line_start + l.len());
                line_start += l.len();
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
        let mut start = 0;
        let mut iter = u.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !is_terminal(c) {
                continue;
            }
            // Take the rest of the terminal run and any closing quotes or brackets.
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if is_terminal(d) || is_closer(d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
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
}

#[allow(clippy::all)]
mod reference_tokens {
    use unicode_segmentation::UnicodeSegmentation;
    use whowhom::text::{Span, Token, TokenKind};

    /// Abbreviations that keep their full stop as part of the word.
    const STOP_ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm",
        "Cmdr", "Brig", "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Hon", "St", "Mt", "Ft", "Jr",
        "Sr", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "Co", "Corp", "Inc", "Ltd", "vs",
    ];

    fn classify(s: &str) -> TokenKind {
        let mut chars = s.chars();
        let Some(first) = chars.next() else {
            return TokenKind::Symbol;
        };
        if s.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else if first.is_numeric() {
            TokenKind::Number
        } else if first.is_ascii_punctuation() || is_unicode_punct(first) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        }
    }

    fn is_unicode_punct(c: char) -> bool {
        matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | '–'
                | '—'
                | '…'
                | '‹'
                | '›'
                | '„'
                | '‚'
                | '·'
                | '•'
        )
    }

    fn is_hyphen(s: &str) -> bool {
        matches!(s, "-" | "‐" | "‑")
    }

    /// Tokenize `span` of `text`. Token spans are in `text`'s coordinates.
    pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
        let s = span.of(text);
        let mut out: Vec<Token> = Vec::with_capacity(s.len() / 5 + 1);
        // `glued` is true while the previous piece touched this one (no space between).
        let mut prev_end = usize::MAX;
        for (at, piece) in s.split_word_bound_indices() {
            if piece.chars().all(char::is_whitespace) {
                continue;
            }
            let start = span.start + at;
            let end = start + piece.len();
            let glued = prev_end == start;
            prev_end = end;
            if glued {
                if let Some(&last) = out.last() {
                    let last_text = last.span.of(text);
                    // "U.S" + "." → "U.S."; "W" + "." → "W."; "Mr" + "." → "Mr."
                    if piece == "." && last.kind == TokenKind::Word && keeps_stop(last_text) {
                        if let Some(l) = out.last_mut() {
                            l.span.end = end;
                        }
                        continue;
                    }
                    // word "-" word → one compound word
                    if last.kind == TokenKind::Punct && is_hyphen(last_text) && out.len() >= 2 {
                        let before = out[out.len() - 2];
                        if before.span.end == last.span.start
                            && matches!(before.kind, TokenKind::Word | TokenKind::Number)
                            && piece.chars().next().is_some_and(char::is_alphanumeric)
                        {
                            out.pop();
                            if let Some(compound) = out.last_mut() {
                                compound.span.end = end;
                                compound.kind = TokenKind::Word;
                            }
                            continue;
                        }
                    }
                }
            }
            push_word(text, Span::new(start, end), &mut out);
        }
        merge_entities(text, &mut out);
        out
    }

    /// Leftovers of scraping: HTML entities written out as text ("Sudan #39;s",
    /// "quot;peace quot;"). They are read for what they stand for (an apostrophe, a
    /// possessive, a quote) without changing the text.
    fn merge_entities(text: &str, tokens: &mut Vec<Token>) {
        let mut i = 0;
        while i < tokens.len() {
            let t = |k: usize| tokens.get(k).map_or("", |x: &Token| x.text(text));
            let glued = |a: usize, b: usize| {
                tokens
                    .get(a)
                    .zip(tokens.get(b))
                    .is_some_and(|(x, y)| x.span.end == y.span.start)
            };
            let start = if t(i) == "&" && glued(i, i + 1) {
                i + 1
            } else {
                i
            };
            let (len, is_named) = match (t(start), t(start + 1), t(start + 2)) {
                ("#", "39" | "34" | "8217" | "8220" | "8221", ";")
                    if glued(start, start + 1) && glued(start + 1, start + 2) =>
                {
                    (3, false)
                }
                ("quot" | "amp" | "apos" | "nbsp" | "lt" | "gt", ";", _)
                    if glued(start, start + 1) =>
                {
                    (2, true)
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            let last = start + len - 1;
            let mut end = last;
            let mut kind = TokenKind::Punct;
            if !is_named
                && t(start + 1) == "39"
                && t(last + 1).eq_ignore_ascii_case("s")
                && glued(last, last + 1)
                && i > 0
            {
                end = last + 1;
                kind = TokenKind::Possessive;
            }
            let span = Span::new(tokens[i].span.start, tokens[end].span.end);
            tokens.splice(i..=end, [Token { span, kind }]);
            i += 1;
        }
    }

    /// Whether a word takes the full stop that follows it.
    fn keeps_stop(word: &str) -> bool {
        if STOP_ABBREVIATIONS.contains(&word) {
            return true;
        }
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c.is_uppercase(), // an initial
            _ => {
                word.contains('.')
                    && word
                        .split('.')
                        .all(|p| p.chars().count() <= 2 && !p.is_empty())
            }
        }
    }

    /// Push a word, splitting off a possessive "'s".
    fn push_word(text: &str, span: Span, out: &mut Vec<Token>) {
        let w = span.of(text);
        for clitic in ["'s", "’s", "'S", "’S"] {
            if let Some(stem) = w.strip_suffix(clitic) {
                if !stem.is_empty() && stem.chars().any(char::is_alphanumeric) {
                    out.push(Token {
                        span: Span::new(span.start, span.start + stem.len()),
                        kind: classify(stem),
                    });
                    out.push(Token {
                        span: Span::new(span.start + stem.len(), span.end),
                        kind: TokenKind::Possessive,
                    });
                    return;
                }
            }
        }
        out.push(Token {
            span,
            kind: classify(w),
        });
    }
}

/// Text that looks like news, with the characters the fast paths treat apart: terminals,
/// closers, the lead byte of "…" in other characters (curly quotes, dashes), clitics,
/// hyphens, entities, line breaks and bullets.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Russia".to_string()),
        Just("the U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("Dec. 14".to_string()),
        Just("George W. Bush".to_string()),
        Just("said.".to_string()),
        Just("“We agree,”".to_string()),
        Just("Why?!".to_string()),
        Just("wait…".to_string()),
        Just("— ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("• ".to_string()),
        Just("1,340-kilometer".to_string()),
        Just("Moscow’s".to_string()),
        Just("Russia's".to_string()),
        Just("Sudan #39;s".to_string()),
        Just("&quot;peace quot;".to_string()),
        Just("al-Assad".to_string()),
        Just("...".to_string()),
        Just("  ".to_string()),
        Just("\t\r\u{b}\u{c}".to_string()),
        "[a-zA-Z]{1,9}",
        r"[a-z.'’\-]{1,6}",
        "\\PC{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    (
        prop::collection::vec(piece, 0..60),
        prop::sample::select(vec!["", " ", "\n"]),
    )
        .prop_map(|(v, sep)| v.join(sep))
}

fn same_as_reference(text: &str) -> Result<(), TestCaseError> {
    let region = Span::new(0, text.len());
    let sentences = split_sentences(text, region);
    prop_assert_eq!(
        &sentences,
        &reference_sentences::split_sentences(text, region)
    );
    let mut buf: Vec<Token> = vec![Token {
        span: Span::new(0, 0),
        kind: whowhom::text::TokenKind::Symbol,
    }];
    for span in sentences.into_iter().chain([region]) {
        let tokens = tokenize(text, span);
        prop_assert_eq!(
            &tokens,
            &reference_tokens::tokenize(text, span),
            "{:?}",
            span.of(text)
        );
        tokenize_into(text, span, &mut buf);
        prop_assert_eq!(&buf, &tokens);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    #[test]
    fn newsy_text_splits_and_tokenizes_as_before(text in newsy()) {
        same_as_reference(&text)?;
    }

    #[test]
    fn any_text_splits_and_tokenizes_as_before(text in any::<String>()) {
        same_as_reference(&text)?;
    }
}

#[test]
fn news_splits_and_tokenizes_as_before() {
    for text in [
        "Mr. Blinken met George W. Bush in St. Petersburg on Dec. 14. The U.S. said so.",
        "“We agreed,” the minister said. “Talks go on.” Lavrov left… Then? Nothing!",
        "Key points:\n• Russia massed troops\n• NATO sent ships\nSudan #39;s army said quot;no quot;",
        "Russia’s pro-Russian al-Assad, 1,340-kilometer border; 10:30 a.m. — in Niinistö's words",
    ] {
        same_as_reference(text).unwrap();
    }
}
