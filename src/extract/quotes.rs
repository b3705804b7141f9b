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

/// Token ranges `[start, end)` inside quotation marks.
pub fn quoted_ranges(words: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, w) in words.iter().enumerate() {
        let straight = w == "\"" || w == "quot;";
        match open {
            None if is_open(w) || straight => open = Some(i + 1),
            Some(s) if is_close(w) || straight => {
                out.push((s, i));
                open = None;
            }
            _ => {}
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
