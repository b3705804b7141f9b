//! Names of new actors: plurals of group nouns, and whether two spellings are close.

pub use crate::gazetteer::fuzzy::slug;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_of_group_nouns() {
        assert_eq!(plural("gunman"), "gunmen");
        assert_eq!(plural("militant"), "militants");
        assert_eq!(plural("rebels"), "rebels");
    }
}
