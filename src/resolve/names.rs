//! Names: slugs for new actors' ids, and spelling variants of people's names.

use crate::gazetteer::{ActorId, ActorKind, Gazetteer, NameKind};
use std::collections::HashMap;

/// Lower-case ASCII slug, words joined by `_` ("José Manuel Albares" → "jose_manuel_albares").
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// Latin letters with diacritics to their base letter; others unchanged.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'Ś' | 'Š' | 'Ş' => 'S',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        'ğ' => 'g',
        'ř' => 'r',
        'ť' => 't',
        'ď' => 'd',
        _ => c,
    }
}

/// Regular plural of a group noun ("militant" → "militants", "gunman" → "gunmen").
pub fn plural(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix("man") {
        format!("{stem}men")
    } else if noun.ends_with('s')
        || noun.ends_with("men")
        || matches!(noun, "opposition" | "militia")
    {
        if noun == "militia" {
            "militias".into()
        } else {
            noun.to_string()
        }
    } else {
        format!("{noun}s")
    }
}

/// Whether two spellings name the same person: equal after folding, or close.
pub fn similar(a: &str, b: &str) -> bool {
    let (a, b) = (slug(a), slug(b));
    a == b || strsim::jaro_winkler(&a, &b) >= 0.9
}

/// The gazetteer person a misspelt or variant name refers to: the person with a
/// full-name alias within a close Jaro-Winkler distance, accepted only when no other
/// person comes near (so two people with near names never merge).
pub fn fuzzy_person(g: &Gazetteer, name: &str) -> Option<ActorId> {
    let target = slug(name);
    if !target.contains('_') {
        return None; // a lone word is a surname: coreference's job, not spelling's
    }
    let mut best: HashMap<ActorId, f64> = HashMap::new();
    for n in g.names() {
        if n.kind != NameKind::Name || g.actor(n.actor).kind != ActorKind::Person {
            continue;
        }
        let candidate = slug(&n.text);
        if !candidate.contains('_') {
            continue;
        }
        let score = strsim::jaro_winkler(&candidate, &target);
        let e = best.entry(n.actor).or_insert(0.0);
        *e = e.max(score);
    }
    let mut ranked: Vec<(ActorId, f64)> = best.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    match ranked.as_slice() {
        [(id, s), rest @ ..] if *s >= 0.93 && rest.first().is_none_or(|(_, r)| s - r >= 0.03) => {
            Some(*id)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slug("José Manuel Albares"), "jose_manuel_albares");
        assert_eq!(slug("Sauli Niinistö"), "sauli_niinisto");
        assert_eq!(slug("George W. Bush"), "george_w_bush");
    }

    #[test]
    fn plurals_of_group_nouns() {
        assert_eq!(plural("gunman"), "gunmen");
        assert_eq!(plural("militant"), "militants");
        assert_eq!(plural("rebels"), "rebels");
    }
}
