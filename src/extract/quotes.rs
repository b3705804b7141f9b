//! Quotes and their speakers: a first-person statement inside a quote is the
//! speaker's ("“We call on Russia to …,” said Prime Minister Kiril Petkov").

use super::np::Np;
use super::words;

fn is_open(w: &str) -> bool {
    matches!(w, "“" | "«" | "„")
}

fn is_close(w: &str) -> bool {
    matches!(w, "”" | "»")
}

/// The quotes of one sentence of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceQuotes {
    /// Token ranges `[start, end)` inside quotation marks (a quote that opened in an
    /// earlier sentence starts at 0; one that goes on ends at the sentence's end).
    pub ranges: Vec<(usize, usize)>,
    /// Who says them: (sentence, phrase) of the speaker, which may come sentences later.
    pub speaker: Option<(usize, usize)>,
}

/// Quotes across a document's sentences, each with its speaker where the text names one.
pub fn document_quotes(words: &[&[String]], nps: &[&[Np]]) -> Vec<SentenceQuotes> {
    let mut out: Vec<SentenceQuotes> = vec![SentenceQuotes::default(); words.len()];
    // The sentence where the open quote began, if one is open.
    let mut open_since: Option<usize> = None;
    for (i, ws) in words.iter().enumerate() {
        let mut start = open_since.map(|_| 0);
        for (k, w) in ws.iter().enumerate() {
            // Every quotation mark opens with one of these bytes: skip the other words
            // before comparing strings.
            if !matches!(w.as_bytes().first(), Some(b'"' | b'q' | 0xE2 | 0xC2)) {
                continue;
            }
            let straight = w == "\"" || w == "quot;";
            match start {
                None if is_open(w) || straight => {
                    start = Some(k + 1);
                    open_since = Some(i);
                }
                Some(s) if is_close(w) || straight => {
                    out[i].ranges.push((s, k));
                    start = None;
                    // The quote closes here: its speaker follows (or preceded it).
                    let first = open_since.take().unwrap_or(i);
                    if let Some(n) = speaker(ws, nps[i], &out[i].ranges) {
                        for q in out.iter_mut().take(i + 1).skip(first) {
                            q.speaker = Some((i, n));
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out[i].ranges.push((s, ws.len()));
        }
    }
    out
}

/// The phrase that says a sentence's quote: `“…,” said X`, `“…,” X said`, or
/// `X said: “…”`.
pub fn speaker(words: &[String], nps: &[Np], quotes: &[(usize, usize)]) -> Option<usize> {
    let &(first_start, _) = quotes.first()?;
    let &(_, last_end) = quotes.last()?;
    // After the quote: skip the closing mark and a comma.
    let mut k = last_end + 1;
    while words.get(k).is_some_and(|w| w == "," || is_close(w)) {
        k += 1;
    }
    if words.get(k).is_some_and(|w| words::is_reporting(w)) {
        if let Some(n) = nps.iter().position(|np| np.start > k && np.start <= k + 2) {
            return Some(n);
        }
    }
    if let Some(n) = nps.iter().position(|np| np.start == k) {
        if words
            .get(nps[n].end)
            .is_some_and(|w| words::is_reporting(w))
        {
            return Some(n);
        }
    }
    // Before the quote: "X said: “…”".
    let before = first_start.checked_sub(1)?;
    nps.iter().rposition(|np| {
        np.end < before
            && np.end + 3 >= before
            && words.get(np.end).is_some_and(|w| words::is_reporting(w))
    })
}
