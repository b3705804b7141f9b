//! Mood: whether the text asserts an event, schedules it, only supposes it, or says it
//! did not happen (see `shared/spec/relations.md`).
//!
//! Read from the trigger's verb group (modals, "will", negation, "refused to", "plans
//! to"), its clause (an "if"/"unless" clause), and what embeds it (a complement of
//! accuse/deny/fear/allege/claim, or of deter/prevent). Plain reporting verbs (say,
//! announce) change nothing, except that "would" after them is the report's future.

use super::lexicon::TriggerHit;
use super::words;
use crate::schema::Pos;
use crate::text::Token;
use crate::triple::Mood;

/// How far back an embedding word may govern the trigger, in tokens.
const EMBED_WINDOW: usize = 14;

/// Words that close the reach of an embedder or a condition.
fn closes_scope(w: &str) -> bool {
    matches!(
        w,
        ";" | "." | "but" | "while" | "whereas" | "however" | "meanwhile" | "which" | "who"
    )
}

/// Verbs of wishing and trying: the event after them has not happened.
fn is_wish(w: &str) -> bool {
    const WISHES: &[&str] = &[
        "want",
        "wants",
        "wanted",
        "seek",
        "seeks",
        "sought",
        "hope",
        "hopes",
        "hoped",
        "try",
        "tries",
        "tried",
        "trying",
        "aim",
        "aims",
        "aimed",
        "wish",
        "wishes",
        "intend",
        "intends",
        "need",
        "needs",
        "needed",
        "willingness",
        "readiness",
        "willing",
        "ready",
        "prepared",
    ];
    WISHES.contains(&w)
}

/// Verbs of appeal and demand whose object is asked to act.
fn is_appeal(w: &str) -> bool {
    const APPEALS: &[&str] = &[
        "urge",
        "urged",
        "urges",
        "urging",
        "ask",
        "asked",
        "asks",
        "asking",
        "press",
        "pressed",
        "presses",
        "pressing",
        "call",
        "called",
        "calls",
        "calling",
        "demand",
        "demanded",
        "demands",
        "want",
        "wants",
        "wanted",
        "encourage",
        "encouraged",
        "encourages",
        "invite",
        "invited",
        "invites",
        "appeal",
        "appealed",
        "appeals",
        "persuade",
        "persuaded",
        "tell",
        "told",
        "tells",
        "threaten",
        "threatened",
        "threatens",
        "threatening",
        "vow",
        "vowed",
        "vows",
        "promise",
        "promised",
        "promises",
        "pledge",
        "pledged",
        "pledges",
        "warn",
        "warned",
        "warns",
    ];
    APPEALS.contains(&w)
}

pub fn mood_of(words: &[String], _tokens: &[Token], hit: &TriggerHit, relation: &str) -> Mood {
    // A nominal event takes the mood of the verb that carries it: "will hold
    // in-person negotiations" is scheduled.
    let start = match hit.pos {
        Pos::Noun => (hit.start.saturating_sub(3)..hit.start)
            .rev()
            .find(|&k| words::is_light_verb(&words[k]))
            .unwrap_or(hit.start),
        Pos::Verb => hit.start,
    };
    // The verb group: contiguous auxiliaries, modals, negators, adverbs and control
    // verbs right before the trigger.
    let mut group = Vec::new();
    let mut j = start;
    while j > 0 && j + 8 > start {
        let w = words[j - 1].as_str();
        let in_group = words::is_aux(w)
            || words::is_modal(w)
            || words::is_future(w)
            || words::is_negator(w)
            || words::is_refusal(w)
            || words::is_scheduler(w)
            // "the urgent need to start talks", "hopes to meet"
            || (is_wish(w) && group.last() == Some(&"to"))
            || matches!(
                w,
                "to" | "also"
                    | "again"
                    | "be"
                    | "been"
                    | "not"
                    | "ever"
                    | "soon"
                    | "then"
                    | "still"
                    | "want"
                    | "wants"
                    | "seek"
                    | "seeks"
                    | "going"
                    | "off"
                    | "on"
                    // "was not allowed to meet", "were able to agree"
                    | "allowed"
                    | "permitted"
                    | "able"
            )
            || (w.len() > 4 && w.ends_with("ly"));
        if !in_group {
            break;
        }
        group.push(w);
        j -= 1;
    }
    let has = |f: fn(&str) -> bool| group.iter().any(|w| f(w));
    // A wish or an appeal is not the event: "wants to meet", "urged X to meet".
    let wished = group.iter().any(|w| is_wish(w))
        || (group.last() == Some(&"to")
            && (1..=4).any(|k| j.checked_sub(k).is_some_and(|x| is_appeal(&words[x]))));
    // What governs the clause: look back to the nearest scope-closing word.
    // A verb coordinated by "and" right before its group is a sibling of what came
    // before, not embedded in it: "said it was concerned and urged India to …".
    // (A condition still covers both: "if Russia invades and occupies …".)
    // A gerund after "and" stays inside the charge: "accused X of shelling towns and
    // killing civilians".
    let coordinated =
        j > 0 && words[j - 1] == "and" && hit.pos == Pos::Verb && !words[hit.head].ends_with("ing");
    let scope_start = (0..start)
        .rev()
        .take(EMBED_WINDOW)
        .take_while(|&x| !closes_scope(&words[x]))
        .last()
        .unwrap_or(start);
    let scope = &words[scope_start..start];
    let conditional = scope.iter().any(|w| w == "if" || w == "unless")
        || words[..start].first().is_some_and(|w| w == "should");
    let self_embedding = matches!(
        relation,
        "accuses" | "denies" | "rejects" | "warns" | "threatens"
    );
    let embedded = !self_embedding
        && !coordinated
        && scope.iter().enumerate().any(|(k, w)| {
            words::is_embedder(w)
                && scope_start + k + group.len() < start
                && !(k + 1 == scope.len() && hit.pos == Pos::Noun)
        });
    let reported_would =
        group.contains(&"would") && scope.iter().any(|w| words::is_reporting(w)) && !conditional;
    // "has not ruled out talks", "did not rule out military action": a possibility.
    let ruled_out = (start.saturating_sub(4)..start)
        .any(|k| words[k] == "out" && k > 0 && words[k - 1].starts_with("rul"));
    // A condition after the deed in its clause: "to impose sanctions on Russia if it
    // invades". A warning, threat or demand that names its condition is itself made
    // (spec), so only its own deed is conditional.
    let conditioned = !self_embedding
        && !matches!(relation, "demands" | "urges")
        && words[hit.end..words.len().min(hit.end + 10)]
            .iter()
            .take_while(|w| !matches!(w.as_str(), ";" | "." | "but" | "while" | "," | "and"))
            .any(|w| w == "if" || w == "unless");
    if conditional || embedded || ruled_out || conditioned {
        return Mood::Hypothetical;
    }
    if has(words::is_negator) || group.iter().any(|w| words::is_refusal(w)) {
        return Mood::Negated;
    }
    if wished {
        return Mood::Hypothetical;
    }

    if reported_would {
        return Mood::Scheduled;
    }
    if has(words::is_modal) {
        return Mood::Hypothetical;
    }
    if has(words::is_future)
        || group
            .iter()
            .any(|w| words::is_scheduler(w) || *w == "to" && group.len() > 1)
            && !group
                .iter()
                .any(|w| matches!(*w, "allowed" | "permitted" | "able"))
    {
        return Mood::Scheduled;
    }
    if hit.pos == Pos::Noun {
        let before = &words[start.saturating_sub(3)..start];
        if before.iter().any(|w| {
            matches!(
                w.as_str(),
                "upcoming" | "planned" | "scheduled" | "next" | "proposed" | "forthcoming"
            )
        }) {
            return Mood::Scheduled;
        }
        if before.iter().any(|w| {
            matches!(
                w.as_str(),
                "possible" | "potential" | "for" | "new" | "any" | "further"
            )
        }) && relation == "attacks"
        {
            return Mood::Hypothetical;
        }
        // "any agreement that may be reached", "a possible meeting": not (yet) a deed.
        let right_before = &words[hit.start.saturating_sub(2)..hit.start];
        let modal_relative = words[hit.end..words.len().min(hit.end + 3)]
            .windows(2)
            .any(|p| matches!(p[0].as_str(), "that" | "which") && words::is_modal(&p[1]));
        if right_before
            .iter()
            .any(|w| matches!(w.as_str(), "any" | "possible" | "potential" | "eventual"))
            || modal_relative
        {
            return Mood::Hypothetical;
        }
        // "The summit between A and B was cancelled": called off after its noun.
        let clause: Vec<&str> = words[hit.end..words.len().min(hit.end + 9)]
            .iter()
            .map(String::as_str)
            .take_while(|w| !closes_scope(w) && *w != ",")
            .collect();
        if clause.windows(2).any(|p| {
            words::is_be(p[0]) && (words::is_refusal(p[1]) || p[1] == "not")
                || matches!(p, ["been", r] if words::is_refusal(r))
        }) {
            return Mood::Negated;
        }
        let after = &words[hit.end..words.len().min(hit.end + 4)];
        if after
            .iter()
            .any(|w| matches!(w.as_str(), "scheduled" | "planned" | "will" | "set"))
        {
            return Mood::Scheduled;
        }
    }
    Mood::Asserted
}
