//! Tokenization: words, numbers and punctuation with byte spans.
//!
//! Unicode word boundaries (UAX #29: `bounds.rs`, `unicode-segmentation` beyond ASCII)
//! do the hard part;
//! on top of them news needs a few joins and one split: dotted abbreviations keep their
//! final stop ("U.S."), hyphenated compounds stay one word ("al-Assad", "1,340-kilometer",
//! "pro-Russian"), and the possessive "'s" becomes a token of its own ("Russia's" →
//! "Russia" "'s") because grammar needs it.

use super::bounds::{AsciiWords, WordBounds};
use super::Span;

/// The coarse class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits, dots of an abbreviation, hyphens, apostrophes).
    Word,
    /// Digits, possibly with separators ("100,000", "16.00", "1,340-kilometer" is a Word).
    Number,
    /// The possessive clitic "'s" / "’s" (or a bare "'" after a plural).
    Possessive,
    /// Punctuation: one character.
    Punct,
    /// Anything else: symbols, emoji.
    Symbol,
}

/// One token: a span into the text that was tokenized, and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        self.span.of(source)
    }
}

/// Abbreviations that keep their full stop as part of the word (a `match`: the
/// compiler sorts the comparisons by length).
#[rustfmt::skip]
fn is_stop_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Gen" | "Lt" | "Col" | "Maj" | "Capt" | "Sgt"
            | "Cpl" | "Adm" | "Cmdr" | "Brig" | "Sen" | "Rep" | "Gov" | "Pres" | "Amb" | "Rev"
            | "Hon" | "St" | "Mt" | "Ft" | "Jr" | "Sr" | "No" | "Jan" | "Feb" | "Mar" | "Apr"
            | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "Co" | "Corp"
            | "Inc" | "Ltd" | "vs"
    )
}

fn classify(s: &str) -> TokenKind {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return TokenKind::Symbol;
    };
    // Most tokens are words that open with an ASCII letter: no need to look further.
    if first.is_ascii_alphabetic() || s.chars().any(char::is_alphabetic) {
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
    let mut out = Vec::new();
    tokenize_into(text, span, &mut out);
    out
}

/// [`tokenize`] into `out`, which is cleared first: a caller tokenizing sentence after
/// sentence can keep one buffer rather than allocate one per sentence.
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.of(text);
    // Most sentences of news are ASCII, and their pieces are found by a byte table.
    if s.is_ascii() {
        tokenize_pieces(text, span, AsciiWords::new(s), out);
    } else {
        tokenize_pieces(text, span, word_bounds(s), out);
    }
}

/// The pieces of `s` that are not blank, by the word boundaries of any text.
fn word_bounds(s: &str) -> impl Iterator<Item = (usize, &str)> {
    WordBounds::without_spaces(s).filter(|&(_, piece)| !is_blank(piece))
}

/// [`tokenize_into`] from the word-boundary pieces of `span` of `text` that are not
/// blank (at their offsets in the span): abbreviations take their stop, hyphenated
/// compounds join, possessives split off, written-out HTML entities merge.
fn tokenize_pieces<'a>(
    text: &str,
    span: Span,
    pieces: impl Iterator<Item = (usize, &'a str)>,
    out: &mut Vec<Token>,
) {
    let s = span.of(text);
    out.clear();
    // News averages about six bytes a token: one allocation nearly always suffices.
    out.reserve(s.len() / 5 + 1);
    // `glued` is true while the previous piece touched this one (no space between).
    let mut prev_end = usize::MAX;
    for (at, piece) in pieces {
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
        push_word(text, Span::new(start, end), out);
    }
    // Every entity ends in a ';': without one there is nothing to merge.
    if s.as_bytes().contains(&b';') {
        merge_entities(text, out);
    }
}

/// Whether a piece is all whitespace; a piece opening with an ASCII character other than
/// whitespace (nearly all of them) is answered by its first byte.
#[inline]
fn is_blank(piece: &str) -> bool {
    match piece.as_bytes().first() {
        Some(&b) if b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r') => false,
        _ => piece.chars().all(char::is_whitespace),
    }
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
            ("quot" | "amp" | "apos" | "nbsp" | "lt" | "gt", ";", _) if glued(start, start + 1) => {
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
    if is_stop_abbreviation(word) {
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
    if let Some(stem) = possessive_stem(w) {
        let at = span.start + stem.len();
        out.push(Token {
            span: Span::new(span.start, at),
            kind: classify(stem),
        });
        out.push(Token {
            span: Span::new(at, span.end),
            kind: TokenKind::Possessive,
        });
    } else {
        out.push(Token {
            span,
            kind: classify(w),
        });
    }
}

/// The stem of a word that ends in a possessive clitic ("'s", "’s", "'S", "’S") after
/// a letter or digit somewhere before it: "Russia" of "Russia's".
fn possessive_stem(w: &str) -> Option<&str> {
    let b = w.as_bytes();
    // Every clitic ends in "s" or "S": other words need no further checks.
    if !matches!(b.last(), Some(b's' | b'S')) {
        return None;
    }
    let apostrophe = if b.len() >= 2 && b[b.len() - 2] == b'\'' {
        1
    } else if b.len() >= 4 && b[b.len() - 4..b.len() - 1] == *"’".as_bytes() {
        3
    } else {
        return None;
    };
    let stem = &w[..w.len() - 1 - apostrophe];
    stem.chars().any(char::is_alphanumeric).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    /// The tokens of `text` by the word boundaries of any text, as non-ASCII text is
    /// tokenized: the oracle for the ASCII path.
    fn by_word_bounds(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize_pieces(text, Span::new(0, text.len()), word_bounds(text), &mut out);
        out
    }

    /// Pieces of news text that the joins and splits act on.
    const ASCII_PIECES: &[&str] = &[
        "a", "Bush", "U", "S", "Mr", "No", "e", "g", "10", "000", ".", ".", ",", ";", ":", "'",
        "'s", "'S", "s", "-", "-", " ", " ", "  ", "\t", "\r\n", "\n", "\u{b}", "#", "39", "&",
        "quot", "amp", "\"", "(", "_", "\u{7f}", "\u{1}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// ASCII text is tokenized as by the word boundaries of any text.
        #[test]
        fn ascii_tokens_are_the_word_bound_tokens(
            v in proptest::collection::vec(proptest::sample::select(ASCII_PIECES), 0..24)
        ) {
            let text: String = v.concat();
            proptest::prop_assert_eq!(
                tokenize(&text, Span::new(0, text.len())),
                by_word_bounds(&text),
                "{:?}",
                text
            );
        }
    }

    #[test]
    fn abbreviations_keep_their_stop() {
        assert_eq!(
            toks("the U.S. and Mr. Bush"),
            ["the", "U.S.", "and", "Mr.", "Bush"]
        );
        assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
    }

    #[test]
    fn sentence_final_stop_is_a_token() {
        assert_eq!(
            toks("Russia warned NATO."),
            ["Russia", "warned", "NATO", "."]
        );
    }

    #[test]
    fn possessives_split_and_compounds_join() {
        assert_eq!(
            toks("Russia's pro-Russian al-Assad"),
            ["Russia", "'s", "pro-Russian", "al-Assad"]
        );
        assert_eq!(toks("Moscow’s"), ["Moscow", "’s"]);
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(
            toks("a 1,340-kilometer border, 100,000 troops"),
            ["a", "1,340-kilometer", "border", ",", "100,000", "troops"]
        );
        let t = tokenize("100,000", Span::new(0, 7));
        assert_eq!(t[0].kind, TokenKind::Number);
    }

    #[test]
    fn html_entities_are_read_as_what_they_stand_for() {
        let text = "Sudan #39;s army said quot;no quot;";
        let t = tokenize(text, Span::new(0, text.len()));
        let shown: Vec<(&str, TokenKind)> = t.iter().map(|t| (t.text(text), t.kind)).collect();
        assert_eq!(
            shown,
            [
                ("Sudan", TokenKind::Word),
                ("#39;s", TokenKind::Possessive),
                ("army", TokenKind::Word),
                ("said", TokenKind::Word),
                ("quot;", TokenKind::Punct),
                ("no", TokenKind::Word),
                ("quot;", TokenKind::Punct),
            ]
        );
    }

    #[test]
    fn curly_quotes_are_punctuation() {
        let text = "“immediate” talks";
        let t = tokenize(text, Span::new(0, text.len()));
        assert_eq!(t[0].kind, TokenKind::Punct);
        assert_eq!(t[1].text(text), "immediate");
    }
}
