//! Scraping junk: lines that web scrapers leave in article text.
//!
//! Ad placeholders (`[ad_1]`), share and comment boilerplate (`Source link`,
//! `Related Post`, `Leave a Reply`), and embedded tweets (`pic.twitter.com/…` lines,
//! `— Name (@handle) January 4, 2022` attributions) are not text of any event. They are
//! cut out of the article's regions; the text itself is never changed, so spans stay
//! exact.

use crate::text::Span;
use memchr::memmem;
use regex::Regex;
use std::sync::LazyLock;

/// What a line of scraped text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Text,
    /// A junk line; the article goes on after it.
    Junk,
    /// Boilerplate that ends the article: everything from here on is the site's, not
    /// the article's (related links, comment forms).
    Trailer,
}

static AD_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[ad_\d+\]").expect("static regex"));
// Handles and English month names are ASCII: ASCII classes keep the regex small (the
// Unicode `\w` thirty times over took ~20 ms to compile, in every run that met a tweet).
static TWEET_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[—–-]\s*[^()]{1,80}\(@(?-u:\w){1,30}\)\s*(?-u:\w)+\s+\d{1,2},\s*\d{4}$")
        .expect("static regex")
});

// Built once: a searcher's set-up costs more than searching an article.
static AD_FINDER: LazyLock<memmem::Finder> = LazyLock::new(|| memmem::Finder::new("[ad_"));
static PIC_FINDER: LazyLock<memmem::Finder> =
    LazyLock::new(|| memmem::Finder::new("pic.twitter.com/"));
static HANDLE_FINDER: LazyLock<memmem::Finder> = LazyLock::new(|| memmem::Finder::new("(@"));

fn classify(line: &str) -> LineKind {
    let t = line.trim();
    if t.is_empty() {
        return LineKind::Text;
    }
    // Every line of every article comes here: compare without lower-casing it, and
    // ask the regexes only about lines that open as their matches must.
    let starts = |p: &str| t.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    if t.eq_ignore_ascii_case("source link")
        || t.eq_ignore_ascii_case("related post")
        || t.eq_ignore_ascii_case("related posts")
        || starts("leave a reply")
        || starts("leave a comment")
    {
        return LineKind::Trailer;
    }
    if (t.starts_with("[ad_") && AD_MARKER.find(t).is_some_and(|m| m.len() == t.len()))
        || t.contains("pic.twitter.com/")
        || (t.starts_with(['—', '–', '-']) && t.contains("(@") && TWEET_ATTRIBUTION.is_match(t))
    {
        return LineKind::Junk;
    }
    LineKind::Text
}

/// The regions of `text[start..]` that are article text: runs of non-junk lines, with
/// inline ad markers cut out. Regions are trimmed and never empty.
pub(crate) fn article_regions(text: &str, start: usize) -> Vec<Span> {
    let body = &text.as_bytes()[start..];
    // A junk line holds one of these markers, and most articles hold none: their
    // lines need only be asked whether they could open a trailer, by their first byte
    // (classifying every line was a fiftieth of a build). One pass for bytes of the
    // markers that news text seldom has comes before the markers are looked for.
    let marked = memchr::memchr3(b'[', b'@', b'/', body).is_some();
    let ads = marked && AD_FINDER.find(body).is_some();
    let junk =
        ads || marked && (PIC_FINDER.find(body).is_some() || HANDLE_FINDER.find(body).is_some());
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    let mut pos = start;
    let ends = memchr::memchr_iter(b'\n', body).map(|i| start + i + 1);
    for end in ends.chain(std::iter::once(text.len())) {
        if end == pos {
            break;
        }
        let line_span = Span::new(pos, end);
        pos = end;
        match kind_of(line_span.of(text), junk) {
            LineKind::Text => {
                open.get_or_insert(line_span.start);
            }
            kind => {
                if let Some(s) = open.take() {
                    push_text(text, Span::new(s, line_span.start), ads, &mut regions);
                }
                if kind == LineKind::Trailer {
                    return regions;
                }
            }
        }
    }
    if let Some(s) = open {
        push_text(text, Span::new(s, text.len()), ads, &mut regions);
    }
    regions
}

/// [`classify`], answered by the line's first byte that is not ASCII white space when
/// the article holds no junk marker: text unless that byte could open a trailer.
fn kind_of(line: &str, junk: bool) -> LineKind {
    if junk {
        return classify(line);
    }
    // ASCII white space as `str::trim` knows it: after it, an ASCII byte is the
    // first character of the trimmed line.
    match line.bytes().find(|b| !matches!(b, b' ' | b'\t'..=b'\r')) {
        None => LineKind::Text,
        Some(b) if b.is_ascii() && !matches!(b | 0x20, b's' | b'r' | b'l') => LineKind::Text,
        Some(_) => classify(line),
    }
}

/// Add a region, cutting out inline ad markers (when the article has any) and
/// trimming whitespace.
fn push_text(text: &str, region: Span, ads: bool, out: &mut Vec<Span>) {
    let mut from = region.start;
    if ads {
        for m in AD_MARKER.find_iter(region.of(text)) {
            let piece = Span::new(from, region.start + m.start()).trim(text);
            if !piece.is_empty() {
                out.push(piece);
            }
            from = region.start + m.end();
        }
    }
    let piece = Span::new(from, region.end).trim(text);
    if !piece.is_empty() {
        out.push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line classified, ad markers looked for in every region: what
    /// [`article_regions`] answers with its shortcuts.
    fn regions_line_by_line(text: &str, start: usize) -> Vec<Span> {
        let mut regions = Vec::new();
        let mut open: Option<usize> = None;
        let mut pos = start;
        for line in text[start..].split_inclusive('\n') {
            let line_span = Span::new(pos, pos + line.len());
            pos += line.len();
            match classify(line) {
                LineKind::Text => {
                    open.get_or_insert(line_span.start);
                }
                kind => {
                    if let Some(s) = open.take() {
                        push_text(text, Span::new(s, line_span.start), true, &mut regions);
                    }
                    if kind == LineKind::Trailer {
                        return regions;
                    }
                }
            }
        }
        if let Some(s) = open {
            push_text(text, Span::new(s, text.len()), true, &mut regions);
        }
        regions
    }

    proptest::proptest! {
        /// The shortcuts change nothing, whatever lines, blanks and markers come.
        #[test]
        fn shortcuts_find_the_regions_of_every_line_classified(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "Putin spoke.", "\n", " ", "\u{a0}", "\u{b}", "\t", "Source link", "source LINK",
                "Related Posts", "Leave a reply", "Saudi", "related", "Le", "[ad_1]", "[ad_x]",
                "pic.twitter.com/x", "— Oana (@nato) January 4, 2022", "(@", "-", "–", "l", "é",
            ][..]), 0..24),
            start in 0usize..4,
        ) {
            let text: String = pieces.concat();
            let start = (0..=start.min(text.len())).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
            proptest::prop_assert_eq!(article_regions(&text, start), regions_line_by_line(&text, start));
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        article_regions(text, 0)
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn ad_lines_and_trailers_are_cut() {
        let text = "[ad_1]\nPutin called for talks.\nThe Kremlin said so.\ntop\n[ad_2]\nSource link\nMore links";
        assert_eq!(
            texts(text),
            ["Putin called for talks.\nThe Kremlin said so.\ntop"]
        );
    }

    #[test]
    fn tweets_are_cut_but_text_around_them_kept() {
        let text = "NATO met.\n— Oana Lungescu (@NATOpress) January 4, 2022\nSee pic.twitter.com/x1\nBorrell spoke.";
        assert_eq!(texts(text), ["NATO met.", "Borrell spoke."]);
    }

    #[test]
    fn inline_ad_markers_are_cut_out_of_a_line() {
        let text = "Russia warned [ad_1] NATO.";
        assert_eq!(texts(text), ["Russia warned", "NATO."]);
    }

    #[test]
    fn related_post_ends_the_article() {
        let text = "Ukraine asked.\n\nRelated Post\n\nLeave a Reply\n\nYour email address";
        assert_eq!(texts(text), ["Ukraine asked."]);
    }
}
