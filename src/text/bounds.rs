//! Word boundaries (UAX #29) with an ASCII fast path.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// Word boundaries (UAX #29): the pieces of `split_word_bound_indices`, found by a byte
/// table where the text is ASCII.
///
/// The text is cut into chunks at places that are boundaries whatever surrounds them (after
/// a line feed; after a space, before an ASCII character that is not one), so that each
/// chunk splits alone: an ASCII chunk by [`ascii_break`], any other by
/// `unicode-segmentation`. News is mostly ASCII; the Unicode tables cost a binary search
/// per character.
pub(super) struct WordBounds<'a> {
    s: &'a str,
    /// The next piece starts here.
    at: usize,
    /// The current chunk ends here.
    chunk_end: usize,
    /// The current chunk, when it is not ASCII, and where it starts.
    unicode: Option<(usize, UWordBoundIndices<'a>)>,
    /// Leave out the pieces of ASCII spaces.
    skip_spaces: bool,
}

impl<'a> WordBounds<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        WordBounds {
            s,
            at: 0,
            chunk_end: 0,
            unicode: None,
            skip_spaces: false,
        }
    }
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            if let Some(piece) = self.piece() {
                return piece;
            }
        }
    }
}

impl<'a> WordBounds<'a> {
    /// Word boundaries without the pieces of ASCII spaces between words, which a
    /// tokenizer drops: half of all pieces, each a call of its own.
    pub(super) fn without_spaces(s: &'a str) -> Self {
        WordBounds {
            skip_spaces: true,
            ..WordBounds::new(s)
        }
    }

    /// The next piece (`Some(None)` at the end), or None to be asked again: a chunk
    /// was started or a run of spaces skipped.
    #[inline]
    fn piece(&mut self) -> Option<Option<(usize, &'a str)>> {
        if let Some((base, pieces)) = &mut self.unicode {
            if let Some((k, piece)) = pieces.next() {
                return Some(Some((*base + k, piece)));
            }
            self.unicode = None;
            self.at = self.chunk_end;
        }
        let b = self.s.as_bytes();
        if self.at >= b.len() {
            return Some(None);
        }
        if self.at >= self.chunk_end {
            // The next chunk. Chunks that are ASCII may be taken together (a chunk end
            // is a boundary under the ASCII rules, which never look across one), so the
            // chunk runs to the last chunk end before the next non-ASCII byte, found
            // sixteen bytes at a time; only where a word holds non-ASCII is a chunk cut
            // to the one word and given to the Unicode tables.
            let start = self.at;
            let non_ascii = first_non_ascii(b, start);
            let ascii_end = match non_ascii {
                None => Some(b.len()),
                Some(q) => (start + 1..=q).rev().find(|&e| chunk_ends_before(b, e)),
            };
            match ascii_end {
                Some(end) => self.chunk_end = end,
                None => {
                    let mut end = start + 1;
                    while end < b.len() && !chunk_ends_before(b, end) {
                        end += 1;
                    }
                    self.chunk_end = end;
                    self.unicode = Some((start, self.s[start..end].split_word_bound_indices()));
                    return None;
                }
            }
        }
        let chunk = &b[..self.chunk_end];
        let start = self.at;
        let mut end = start + 1;
        // Letters and digits next to each other never break (WB5, WB8 to WB10), whatever
        // surrounds them: most of a word is crossed without the rules.
        if chunk[start].is_ascii_alphanumeric() {
            while end < chunk.len() && chunk[end].is_ascii_alphanumeric() {
                end += 1;
            }
        } else if chunk[start] == b' ' {
            // Spaces hold together (WB3d) and break before anything else.
            while end < chunk.len() && chunk[end] == b' ' {
                end += 1;
            }
            self.at = end;
            if self.skip_spaces {
                return None;
            }
            return Some(Some((start, &self.s[start..end])));
        }
        while end < chunk.len() && !ascii_break(chunk, start, end) {
            end += 1;
        }
        self.at = end;
        Some(Some((start, &self.s[start..end])))
    }
}

/// Whether a chunk ends before `b[i]` (`0 < i < b.len()`): after a line feed, or after a
/// space before an ASCII character that is not one. A boundary whatever surrounds it.
#[inline]
fn chunk_ends_before(b: &[u8], i: usize) -> bool {
    let (p, c) = (b[i - 1], b[i]);
    p == b'\n' || (p == b' ' && c != b' ' && c.is_ascii())
}

/// Where the first byte at or after `from` that is not ASCII is.
#[inline]
fn first_non_ascii(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    // Sixteen bytes at a time, without branching, so that it compiles to vector code.
    while let Some(chunk) = b.get(at..at + 16) {
        if chunk.iter().fold(0, |any, &c| any | c) >= 0x80 {
            break;
        }
        at += 16;
    }
    b[at..].iter().position(|c| !c.is_ascii()).map(|k| at + k)
}

/// Word break classes (UAX #29) of ASCII characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wb {
    Other,
    ALetter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    ExtendNumLet,
    Space,
    Cr,
    Lf,
    Newline,
}

/// The class of an ASCII byte, by table.
fn wb(c: u8) -> Wb {
    WB_TABLE[usize::from(c & 0x7f)]
}

static WB_TABLE: [Wb; 128] = {
    let mut t = [Wb::Other; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = wb_of(c as u8);
        c += 1;
    }
    t
};

const fn wb_of(c: u8) -> Wb {
    match c {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::ALetter,
        b'0'..=b'9' => Wb::Numeric,
        b':' => Wb::MidLetter,
        b',' | b';' => Wb::MidNum,
        b'.' => Wb::MidNumLet,
        b'\'' => Wb::SingleQuote,
        b'_' => Wb::ExtendNumLet,
        b' ' => Wb::Space,
        b'\r' => Wb::Cr,
        b'\n' => Wb::Lf,
        0x0b | 0x0c => Wb::Newline,
        _ => Wb::Other,
    }
}

/// Whether there is a word boundary before `s[i]` (`from < i < s.len()`), in ASCII
/// text that starts at `from` (rules WB3 to WB13b; the others need non-ASCII).
fn ascii_break(s: &[u8], from: usize, i: usize) -> bool {
    use Wb::*;
    let class = |k: usize| (from..s.len()).contains(&k).then(|| wb(s[k]));
    let (a, b) = (wb(s[i - 1]), wb(s[i]));
    let mid_letter = |c: Wb| matches!(c, MidLetter | MidNumLet | SingleQuote);
    let mid_num = |c: Wb| matches!(c, MidNum | MidNumLet | SingleQuote);
    match (a, b) {
        (Cr, Lf) => false,
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => true,
        (Space, Space) => false,
        (ALetter, ALetter) => false,
        (ALetter, m) if mid_letter(m) && class(i + 1) == Some(ALetter) => false,
        (m, ALetter) if mid_letter(m) && i >= 2 && class(i - 2) == Some(ALetter) => false,
        (Numeric, Numeric) | (ALetter, Numeric) | (Numeric, ALetter) => false,
        (m, Numeric) if mid_num(m) && i >= 2 && class(i - 2) == Some(Numeric) => false,
        (Numeric, m) if mid_num(m) && class(i + 1) == Some(Numeric) => false,
        (ALetter | Numeric | ExtendNumLet, ExtendNumLet) => false,
        (ExtendNumLet, ALetter | Numeric) => false,
        _ => true,
    }
}

/// The pieces of an all-ASCII text that are not blank, as [`WordBounds`] cuts them:
/// a run of letters, digits and underscores (with a `.`, `'` or `:` between letters,
/// or a `.`, `'`, `,` or `;` between digits: "U.S", "can't", "1,340"), or any other
/// single byte. One class lookup a byte; about a fifth of the instructions of
/// [`WordBounds`], whose chunking and rules serve any text.
pub(super) struct AsciiWords<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> AsciiWords<'a> {
    /// `s` must be ASCII (checked in debug builds).
    pub(super) fn new(s: &'a str) -> Self {
        debug_assert!(s.is_ascii());
        AsciiWords { s, at: 0 }
    }
}

/// Byte classes of [`AsciiWords`]: word characters (letters, digits, `_`), the
/// characters that join letters or digits when between two of them, and blanks.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const UNDERSCORE: u8 = 4;
const JOINS_LETTERS: u8 = 8;
const JOINS_DIGITS: u8 = 16;
const BLANK: u8 = 32;
const WORD: u8 = LETTER | DIGIT | UNDERSCORE;

static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        // The same classes as the word-break table: one source for both.
        t[c] = match wb_of(c as u8) {
            Wb::ALetter => LETTER,
            Wb::Numeric => DIGIT,
            Wb::ExtendNumLet => UNDERSCORE,
            Wb::MidLetter => JOINS_LETTERS,
            Wb::MidNum => JOINS_DIGITS,
            Wb::MidNumLet | Wb::SingleQuote => JOINS_LETTERS | JOINS_DIGITS,
            // `char::is_whitespace` of ASCII: tab, line feed, vertical tab, form feed,
            // carriage return, space.
            Wb::Space | Wb::Cr | Wb::Lf | Wb::Newline => BLANK,
            Wb::Other if c == 0x09 => BLANK,
            Wb::Other => 0,
        };
        c += 1;
    }
    t
};

impl<'a> Iterator for AsciiWords<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let b = self.s.as_bytes();
        let class = |k: usize| b.get(k).map_or(0, |&c| ASCII_CLASS[usize::from(c & 0x7f)]);
        let mut start = self.at;
        while class(start) & BLANK != 0 {
            start += 1;
        }
        if start >= b.len() {
            self.at = start;
            return None;
        }
        let mut end = start + 1;
        if class(start) & WORD != 0 {
            loop {
                let c = class(end);
                if c & WORD != 0 {
                    // Word characters never break between them (WB5, WB8 to WB10,
                    // WB13a, WB13b).
                    end += 1;
                } else if c & (JOINS_LETTERS | JOINS_DIGITS) != 0 {
                    // WB6/7 and WB11/12: a joiner between two letters or two digits.
                    let (before, after) = (class(end - 1), class(end + 1));
                    let letters = before & after & LETTER != 0 && c & JOINS_LETTERS != 0;
                    let digits = before & after & DIGIT != 0 && c & JOINS_DIGITS != 0;
                    if !(letters || digits) {
                        break;
                    }
                    end += 2;
                } else {
                    break;
                }
            }
        }
        self.at = end;
        Some((start, &self.s[start..end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same_as_unicode(s: &str) -> Result<(), TestCaseError> {
        let ours: Vec<(usize, &str)> = WordBounds::new(s).collect();
        let theirs: Vec<(usize, &str)> = s.split_word_bound_indices().collect();
        prop_assert_eq!(ours, theirs, "{:?}", s);
        Ok(())
    }

    /// Characters that the ASCII rules treat apart, and some that send a chunk to
    /// the Unicode tables (accents, curly quotes, a combining mark, joiners, flags).
    const CHARS: &[char] = &[
        'a', 'Z', 'q', '0', '7', ':', ',', ';', '.', '\'', '"', '_', ' ', ' ', '\r', '\n', '\t',
        '\u{b}', '\u{c}', '-', '!', '(', '$', '#', '&', 'ö', '’', '“', '\u{301}', '\u{200d}',
        '\u{a0}', '\u{2003}', '🇺', '🇸', '×', 'א', 'ア', '٣',
    ];

    /// The ASCII pieces that are not blank, by [`WordBounds`].
    fn ascii_same_as_bounds(s: &str) -> Result<(), TestCaseError> {
        let ours: Vec<(usize, &str)> = AsciiWords::new(s).collect();
        let theirs: Vec<(usize, &str)> = WordBounds::new(s)
            .filter(|(_, p)| !p.chars().all(char::is_whitespace))
            .collect();
        prop_assert_eq!(ours, theirs, "{:?}", s);
        Ok(())
    }

    /// Every ASCII class, the joiners many times over.
    const ASCII_CHARS: &[char] = &[
        'a', 'Z', 'q', '0', '7', ':', ':', ',', ',', ';', '.', '.', '\'', '\'', '"', '_', ' ', ' ',
        '\r', '\n', '\t', '\u{b}', '\u{c}', '\u{1c}', '\u{1f}', '\u{0}', '\u{7f}', '-', '!', '(',
        '$', '#', '&', '~',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn pieces_are_unicode_segmentations(
            v in prop::collection::vec(prop::sample::select(CHARS), 0..32)
        ) {
            same_as_unicode(&v.into_iter().collect::<String>())?;
        }

        #[test]
        fn pieces_of_any_text(s in "\\PC{0,40}") {
            same_as_unicode(&s)?;
        }

        /// Leaving out spaces leaves every other piece as it was.
        #[test]
        fn pieces_without_spaces_are_the_pieces_less_spaces(
            v in prop::collection::vec(prop::sample::select(CHARS), 0..32)
        ) {
            let s: String = v.into_iter().collect();
            let spaces = |p: &str| p.bytes().all(|b| b == b' ');
            let all: Vec<(usize, &str)> =
                WordBounds::new(&s).filter(|(_, p)| !spaces(p)).collect();
            let fewer: Vec<(usize, &str)> =
                WordBounds::without_spaces(&s).filter(|(_, p)| !spaces(p)).collect();
            prop_assert_eq!(all, fewer);
        }

        #[test]
        fn ascii_pieces_are_the_word_bounds(
            v in prop::collection::vec(prop::sample::select(ASCII_CHARS), 0..32)
        ) {
            ascii_same_as_bounds(&v.into_iter().collect::<String>())?;
        }

        #[test]
        fn ascii_pieces_of_any_ascii(s in "[\\x00-\\x7f]{0,40}") {
            ascii_same_as_bounds(&s)?;
        }
    }

    #[test]
    fn news() {
        for s in [
            "The U.S. said 1,340-kilometer border's \"quiet\"; e.g. 3.5% at 10:30 a.m.",
            "Mr. Lavrov’s “immediate” talks — in Niinistö's words\r\n  end",
        ] {
            same_as_unicode(s).unwrap();
            if s.is_ascii() {
                ascii_same_as_bounds(s).unwrap();
            }
        }
    }
}
