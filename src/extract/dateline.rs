//! Datelines and agency tags: "TEHRAN (Reuters) -", "NAJAF, Iraq -", "AFP -", and a
//! headline's "(AFP)". They are not text of any event, but a dateline names the place
//! an item comes from, which gives groups their nationality when the text leaves it out.

use super::mentions::Mention;
use crate::gazetteer::{ActorId, NameKind};
use crate::text::{Token, TokenKind};

/// News agencies as they appear in tags.
pub fn is_agency(w: &str) -> bool {
    matches!(
        w,
        "afp"
            | "ap"
            | "reuters"
            | "upi"
            | "xinhua"
            | "interfax"
            | "ria"
            | "irna"
            | "kcna"
            | "yonhap"
            | "kyodo"
            | "dpa"
            | "efe"
            | "ansa"
            | "cp"
            | "canadian"
            | "press"
            | "bloomberg"
            | "aljazeera"
            | "tass"
    )
}

/// Where the text of a lead sentence starts after its dateline, and the dateline's
/// place (resolved by the gazetteer mentions inside it).
pub fn dateline(
    tokens: &[Token],
    words: &[String],
    text: &str,
    // The sentence's mentions when this is its first dateline: only the first may
    // have lost its dash.
    first: Option<&[Mention]>,
) -> Option<(usize, Option<ActorId>)> {
    let Some(dash) =
        (0..tokens.len().min(10)).find(|&i| matches!(words[i].as_str(), "-" | "--" | "—" | "–"))
    else {
        return bare_dateline(tokens, text, first?);
    };
    if dash == 0 {
        return None;
    }
    let head = &tokens[..dash];
    let shouting = head.iter().any(|t| {
        let s = t.text(text);
        t.kind == TokenKind::Word
            && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !s.chars().any(char::is_lowercase)
    });
    let tagged = words[..dash].iter().any(|w| is_agency(w));
    let all_header = head.iter().all(|t| {
        let s = t.text(text);
        t.kind != TokenKind::Word || s.starts_with(|c: char| c.is_uppercase())
    });
    if !(all_header && (shouting || tagged)) {
        return None;
    }
    let place = first
        .unwrap_or_default()
        .iter()
        .filter(|m| m.end <= dash)
        .map(|m| m.actor)
        .next();
    Some((dash + 1, place))
}

/// A dateline whose dash was lost in transmission: "BAGHDAD US warplanes struck …",
/// "NEW YORK Iran's foreign minister …". The place is shouted (all capitals, five
/// letters or more, so that "NATO Secretary General …" is no dateline) and the text
/// goes on with a capitalised word; an organization's name in capitals is no place.
fn bare_dateline(
    tokens: &[Token],
    text: &str,
    mentions: &[Mention],
) -> Option<(usize, Option<ActorId>)> {
    let shouted = |t: &Token| {
        let s = t.text(text);
        t.kind == TokenKind::Word
            && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && s.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'')
    };
    let head = tokens.iter().take(4).take_while(|t| shouted(t)).count();
    let letters: usize = tokens[..head]
        .iter()
        .map(|t| t.text(text).chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let next = tokens.get(head)?;
    let goes_on = next.kind == TokenKind::Word && {
        let s = next.text(text);
        s.starts_with(char::is_uppercase) && s.chars().any(char::is_lowercase)
    } || (shouted(next)
        && head < 4
        && tokens.get(head + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text(text).starts_with(char::is_lowercase)
        }));
    let named = mentions
        .iter()
        .any(|m| m.start < head && matches!(m.via, NameKind::Name | NameKind::Adjective));
    if head == 0 || letters < 5 || !goes_on || named {
        return None;
    }
    let place = mentions
        .iter()
        .filter(|m| m.end <= head)
        .map(|m| m.actor)
        .next();
    Some((head, place))
}

/// Token ranges inside parentheses that hold only an agency name: "(AFP)".
pub fn agency_tags(words: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        if words[i] == "(" {
            if let Some(close) = (i + 1..words.len().min(i + 4)).find(|&j| words[j] == ")") {
                if close > i + 1 && words[i + 1..close].iter().all(|w| is_agency(w)) {
                    out.push((i, close + 1));
                }
            }
        }
    }
    out
}
