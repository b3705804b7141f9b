//! English inflection for trigger words: every form a verb or noun takes in news.
//!
//! Generated, not listed: regular rules (with both British and American consonant
//! doubling) plus a table of irregular verbs. Over-generation is harmless here, since
//! forms are only looked up, never produced.

/// Irregular verbs: base, past, past participle.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("be", "was", "been"),
    ("beat", "beat", "beaten"),
    ("begin", "began", "begun"),
    ("bid", "bid", "bid"),
    ("break", "broke", "broken"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("buy", "bought", "bought"),
    ("come", "came", "come"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("draw", "drew", "drawn"),
    ("drive", "drove", "driven"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("have", "had", "had"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("keep", "kept", "kept"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("meet", "met", "met"),
    ("put", "put", "put"),
    ("rise", "rose", "risen"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shoot", "shot", "shot"),
    ("slay", "slew", "slain"),
    ("speak", "spoke", "spoken"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("strike", "struck", "struck"),
    ("take", "took", "taken"),
    ("tell", "told", "told"),
    ("throw", "threw", "thrown"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("write", "wrote", "written"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Third person singular: "meets", "pushes", "denies".
fn third_person(base: &str) -> String {
    let b = base.as_bytes();
    if base.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &base[..base.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|s| base.ends_with(s))
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    }
}

/// Stems for "-ed" and "-ing": the base, and with its final consonant doubled where a
/// short vowel precedes it ("stop" → "stopp", "travel" → "travell").
fn stems(base: &str) -> Vec<String> {
    let b = base.as_bytes();
    let mut out = vec![base.to_string()];
    let n = b.len();
    if n >= 3
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
    {
        out.push(format!("{base}{}", b[n - 1] as char));
    }
    out
}

/// Every form of a verb: base, -s, past, participle, -ing.
pub fn verb_forms(base: &str) -> Vec<String> {
    let base = base.to_lowercase();
    let mut out = vec![base.clone(), third_person(&base)];
    if let Some(&(_, past, part)) = IRREGULAR.iter().find(|(b, _, _)| *b == base) {
        out.push(past.to_string());
        out.push(part.to_string());
        if base == "be" {
            out.extend(["is", "are", "were", "am"].map(String::from));
        }
    }
    let b = base.as_bytes();
    if base.ends_with('e') {
        let stem = &base[..base.len() - 1];
        out.push(format!("{base}d"));
        if base.ends_with("ee") || base.ends_with("ye") || base.ends_with("oe") {
            out.push(format!("{base}ing"));
        } else if base.ends_with("ie") {
            out.push(format!("{}ying", &base[..base.len() - 2]));
        } else {
            out.push(format!("{stem}ing"));
        }
    } else if base.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        out.push(format!("{}ied", &base[..base.len() - 1]));
        out.push(format!("{base}ing"));
    } else {
        for stem in stems(&base) {
            out.push(format!("{stem}ed"));
            out.push(format!("{stem}ing"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Singular and plural of a noun.
pub fn noun_forms(base: &str) -> Vec<String> {
    let base = base.to_lowercase();
    let mut out = vec![base.clone()];
    if !base.ends_with('s') {
        out.push(third_person(&base));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_verbs() {
        assert!(verb_forms("meet").contains(&"met".into()));
        assert!(verb_forms("deny").contains(&"denied".into()));
        assert!(verb_forms("deny").contains(&"denies".into()));
        assert!(verb_forms("urge").contains(&"urging".into()));
        assert!(verb_forms("travel").contains(&"travelled".into()));
        assert!(verb_forms("travel").contains(&"traveled".into()));
        assert!(verb_forms("slam").contains(&"slammed".into()));
        assert!(verb_forms("visit").contains(&"visits".into()));
        assert!(verb_forms("seek").contains(&"sought".into()));
        assert!(verb_forms("reach").contains(&"reaches".into()));
    }

    #[test]
    fn nouns_take_plurals() {
        assert_eq!(noun_forms("visit"), ["visit", "visits"]);
        assert_eq!(noun_forms("talks"), ["talks"]);
        assert_eq!(noun_forms("accusation"), ["accusation", "accusations"]);
    }
}
