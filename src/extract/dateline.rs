//! Datelines and agency tags: "TEHRAN (Reuters) -", "NAJAF, Iraq -", "AFP -", and a
//! headline's "(AFP)". They are not text of any event, but a dateline names the place
//! an item comes from, which gives groups their nationality when the text leaves it out.

use super::mentions::Mention;
use crate::gazetteer::ActorId;
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
    mentions: &[Mention],
) -> Option<(usize, Option<ActorId>)> {
    let dash =
        (0..tokens.len().min(10)).find(|&i| matches!(words[i].as_str(), "-" | "--" | "—" | "–"))?;
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
    let place = mentions
        .iter()
        .filter(|m| m.end <= dash)
        .map(|m| m.actor)
        .next();
    Some((dash + 1, place))
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
