//! Extraction: sentences to typed, dated triples with moods.
//!
//! An [`Extractor`] is compiled once from the schema and the gazetteer (the trigger
//! lexicon and the name automaton) and is then read-only, so one can serve many
//! threads. Per sentence it tokenizes, finds actor mentions and triggers, and asks the
//! grammar for events; [`Extractor::extract`] turns those into [`Triple`]s.

mod classes;
mod dateline;
mod dates;
mod grammar;
mod inflect;
mod lexicon;
mod mentions;
mod mood;
pub mod np;
mod quotes;
mod roles;
pub(crate) mod words;

pub use classes::Class;
pub use grammar::{Arg, RawEvent};
pub use inflect::{noun_forms, verb_forms};
pub use lexicon::{Lexicon, TriggerHit};
pub use mentions::{Mention, MentionFinder};

use crate::corpus::{Article, Field, FieldKind};
use crate::gazetteer::fuzzy::PersonIndex;
use crate::gazetteer::places::Places;
use crate::gazetteer::Gazetteer;
use crate::resolve::{Entities, Entity, Resolver};
use crate::schema::Schema;
use crate::text::{split_sentences, Span, Token};
use crate::triple::{Mood, Object, Triple};
use classes::Classifier;
use np::{Chunker, Np, Reference};
use rustc_hash::FxHashSet as HashSet;
use std::sync::Arc;

/// Lower-cased surnames of the persons a document introduced (an Fx set: every word
/// of the document is looked up in it).
pub type Surnames = rustc_hash::FxHashSet<String>;

/// A sentence analysed: tokens, mentions, triggers, actor phrases and events.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    /// The text the spans index (the whole field).
    pub text: &'a str,
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Lower-cased token texts.
    pub words: Vec<String>,
    /// The word classes of the tokens.
    pub classes: Vec<Class>,
    pub mentions: Vec<Mention>,
    pub triggers: Vec<TriggerHit>,
    pub nps: Vec<Np>,
    pub events: Vec<RawEvent>,
    /// The dateline's place, when the sentence opens with one.
    pub dateline_place: Option<crate::gazetteer::ActorId>,
    /// Tokens before this one are a dateline.
    from: usize,
}

/// Every sentence gets a token list, a lower-cased string and a class per token, made and
/// dropped by the million: a thread keeps the spent ones of its last articles and
/// writes the next sentences into them, which saves an allocation and a free each.
mod spare {
    use super::classes::{Class, Classifier};
    use crate::text::{tokenize_into, Span, Token};
    use std::cell::RefCell;

    /// Enough for a long article; more are dropped, and so are lists and words grown
    /// unusually long, so memory stays bounded whatever the input.
    const KEEP_WORDS: usize = 1 << 15;
    const KEEP_LISTS: usize = 1 << 11;
    const LONGEST_LIST: usize = 1 << 10;
    const LONGEST_WORD: usize = 64;

    #[derive(Default)]
    struct Spare {
        words: Vec<String>,
        /// Word lists with their strings still in them (rewritten in place by the
        /// next sentence), `in_lists` strings in all: at most [`KEEP_WORDS`].
        word_lists: Vec<Vec<String>>,
        in_lists: usize,
        token_lists: Vec<Vec<Token>>,
        class_lists: Vec<Vec<Class>>,
    }

    impl Spare {
        /// Keep loose strings for later words, up to [`KEEP_WORDS`] and none grown
        /// unusually long; the rest are dropped.
        fn keep_words(&mut self, words: impl Iterator<Item = String>) {
            let room = KEEP_WORDS.saturating_sub(self.words.len());
            let kept = words.filter(|w| w.capacity() <= LONGEST_WORD).take(room);
            self.words.extend(kept);
        }
    }

    thread_local! {
        static SPARE: RefCell<Spare> = RefCell::default();
    }

    /// The tokens of `span` of `text`.
    pub(super) fn tokens(text: &str, span: Span) -> Vec<Token> {
        let mut tokens = SPARE.with_borrow_mut(|s| s.token_lists.pop().unwrap_or_default());
        tokenize_into(text, span, &mut tokens);
        tokens
    }

    /// The lower-cased texts of `tokens` of `span` of `text`, as `str::to_lowercase`
    /// writes them.
    pub(super) fn lowercased(tokens: &[Token], text: &str, span: Span) -> Vec<String> {
        // Most sentences are ASCII: their words need no test each.
        let ascii = span.of(text).is_ascii();
        let write = |w: &mut String, t: &Token| {
            let s = t.text(text);
            w.clear();
            if ascii || s.is_ascii() {
                w.push_str(s);
                w.make_ascii_lowercase();
            } else {
                // Unicode lower-casing depends on context (a final sigma).
                w.push_str(&s.to_lowercase());
            }
        };
        SPARE.with_borrow_mut(|spare| {
            let mut out = spare.word_lists.pop().unwrap_or_default();
            spare.in_lists -= out.len();
            // The list's own strings first, then spare ones; strings left over go back.
            if out.len() > tokens.len() {
                spare.keep_words(out.drain(tokens.len()..));
            }
            let (reused, more) = tokens.split_at(out.len());
            for (w, t) in out.iter_mut().zip(reused) {
                write(w, t);
            }
            for t in more {
                let mut w = spare.words.pop().unwrap_or_default();
                write(&mut w, t);
                out.push(w);
            }
            out
        })
    }

    /// The classes of `tokens` of `text`, given their lower-cased `words`.
    pub(super) fn classes(
        classifier: &Classifier,
        tokens: &[Token],
        text: &str,
        words: &[String],
    ) -> Vec<Class> {
        let mut out = SPARE.with_borrow_mut(|s| s.class_lists.pop().unwrap_or_default());
        out.extend(
            tokens
                .iter()
                .zip(words)
                .map(|(t, w)| classifier.of_token(t, text, w)),
        );
        out
    }

    /// Keep a document's sentences' tokens and words for the sentences to come.
    pub(super) fn give_back(sentences: Vec<super::Sentence>) {
        SPARE.with_borrow_mut(|spare| {
            for sentence in sentences {
                let (mut tokens, mut words, mut classes) =
                    (sentence.tokens, sentence.words, sentence.classes);
                let list_kept = spare.word_lists.len() < KEEP_LISTS
                    && words.capacity() <= LONGEST_LIST
                    && spare.in_lists + words.len() <= KEEP_WORDS;
                if list_kept {
                    // The list keeps its strings, but none grown unusually long.
                    words.retain(|w| w.capacity() <= LONGEST_WORD);
                    spare.in_lists += words.len();
                    spare.word_lists.push(words);
                } else {
                    spare.keep_words(words.drain(..));
                    if spare.word_lists.len() < KEEP_LISTS && words.capacity() <= LONGEST_LIST {
                        spare.word_lists.push(words);
                    }
                }
                tokens.clear();
                if spare.token_lists.len() < KEEP_LISTS && tokens.capacity() <= LONGEST_LIST {
                    spare.token_lists.push(tokens);
                }
                classes.clear();
                if spare.class_lists.len() < KEEP_LISTS && classes.capacity() <= LONGEST_LIST {
                    spare.class_lists.push(classes);
                }
            }
        });
    }
}

/// An actor phrase of an article and the actor it resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedMention {
    pub actor: crate::triple::ActorRef,
    /// The phrase as written ("the Kremlin", "Moscow's", "the minister").
    pub surface: String,
    pub sentence: usize,
}

/// The compiled extractor.
#[derive(Debug, Clone)]
pub struct Extractor {
    schema: Schema,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    mentions: MentionFinder,
    classifier: Classifier,
    people: PersonIndex,
    places: Places,
}

impl Extractor {
    pub fn new(schema: Schema, gazetteer: Gazetteer) -> Self {
        let lexicon = Lexicon::new(&schema);
        let mentions = MentionFinder::new(&gazetteer);
        let classifier = Classifier::new(mentions.first_words(), lexicon.heads());
        let people = PersonIndex::new(&gazetteer);
        // The built-in cities name the built-in countries; a user gazetteer without
        // them (--no-builtin-gazetteer) simply has no city places.
        let places = Places::builtin(&gazetteer).unwrap_or_default();
        Extractor {
            schema,
            gazetteer,
            lexicon,
            mentions,
            classifier,
            people,
            places,
        }
    }

    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The index of people's names for spelling variants.
    pub fn people(&self) -> &PersonIndex {
        &self.people
    }

    /// Analyse one sentence. `surnames` are the lower-cased surnames of persons the
    /// document has introduced; a capitalised token among them is a person mention.
    pub fn analyse<'a>(
        &self,
        text: &'a str,
        span: Span,
        lead: bool,
        surnames: &Surnames,
    ) -> Sentence<'a> {
        let mut sentence = self.analyse_words(text, span, lead);
        self.read_phrases(&mut sentence, surnames);
        self.find_events(&mut sentence);
        sentence
    }

    /// [`Self::analyse`] up to the names and triggers: the phrases are read once it is
    /// known that the document has a trigger at all, and its events once the
    /// document's surnames are known, since those may change the phrases.
    fn analyse_words<'a>(&self, text: &'a str, span: Span, lead: bool) -> Sentence<'a> {
        let tokens = spare::tokens(text, span);
        let words = spare::lowercased(&tokens, text, span);
        let classes = spare::classes(&self.classifier, &tokens, text, &words);
        let mut mentions = self.mentions.find_classified(text, span, &tokens, &classes);
        let mut skip_to = 0;
        let mut dateline_place = None;
        if lead {
            // Datelines may come chained: "Canadian Press - BEIJING (AP) -".
            while let Some((start, _)) = dateline::dateline(
                &tokens[skip_to..],
                &words[skip_to..],
                text,
                (skip_to == 0).then_some(&mentions[..]),
            ) {
                let start = skip_to + start;
                dateline_place = mentions
                    .iter()
                    .find(|m| m.start >= skip_to && m.end <= start)
                    .map(|m| m.actor)
                    .or(dateline_place);
                skip_to = start;
            }
        }
        let tags = dateline::agency_tags(&words);
        mentions.retain(|m| {
            m.start >= skip_to && !tags.iter().any(|&(a, b)| m.start >= a && m.end <= b)
        });
        // A word right after an adjective ("Swedish attack") reads as a noun.
        let after_adjective: Vec<usize> = mentions
            .iter()
            .filter(|m| m.via == crate::gazetteer::NameKind::Adjective)
            .map(|m| m.end)
            .collect();
        let mut triggers =
            self.lexicon
                .find_classified(text, &tokens, &words, &after_adjective, &classes);
        triggers.retain(|t| t.start >= skip_to);
        Sentence {
            text,
            span,
            tokens,
            words,
            classes,
            mentions,
            triggers,
            nps: Vec::new(),
            events: Vec::new(),
            dateline_place,
            from: skip_to,
        }
    }

    /// The actor phrases of a sentence, given the surnames the document has
    /// introduced.
    fn read_phrases(&self, sentence: &mut Sentence, surnames: &Surnames) {
        let chunker = Chunker {
            text: sentence.text,
            tokens: &sentence.tokens,
            words: &sentence.words,
            classes: &sentence.classes,
            mentions: &sentence.mentions,
            gazetteer: &self.gazetteer,
            people: &self.people,
            surnames,
            from: sentence.from,
            places: &self.places,
            mention_starts: np::mention_starts(&sentence.mentions, sentence.tokens.len()),
        };
        sentence.nps = chunker.chunk();
    }

    /// The events of a sentence whose phrases have been read.
    fn find_events(&self, sentence: &mut Sentence) {
        sentence.events = grammar::Grammar {
            schema: &self.schema,
            tokens: &sentence.tokens,
            words: &sentence.words,
            nps: &sentence.nps,
            verb_heads: sentence
                .triggers
                .iter()
                .filter(|t| t.pos == crate::schema::Pos::Verb)
                .map(|t| t.head)
                .collect(),
        }
        .events(&sentence.triggers);
    }

    /// Every triple of an article, in sentence order, all moods.
    pub fn extract(&self, article: &Article) -> Vec<Triple> {
        self.extract_inner(article, None)
    }

    /// Every triple of an article, and every actor phrase with the actor it was
    /// resolved to (for `whowhom actors`: which surface forms name whom).
    pub fn extract_with_mentions(
        &self,
        article: &Article,
        mentions: &mut Vec<ResolvedMention>,
    ) -> Vec<Triple> {
        self.extract_inner(article, Some(mentions))
    }

    /// Extraction proper; the surface forms of resolved phrases are collected only
    /// when asked for (`extract` would allocate one string per phrase for nothing).
    fn extract_inner(
        &self,
        article: &Article,
        mut mentions: Option<&mut Vec<ResolvedMention>>,
    ) -> Vec<Triple> {
        // The sentences, in reading order, with the field they belong to.
        let mut sentences: Vec<(&Field, Span)> = Vec::new();
        for field in article.fields() {
            for region in &field.regions {
                for span in split_sentences(&field.text, *region) {
                    sentences.push((field, span));
                }
            }
        }
        // The lead: the first body sentence, or the one after it when that is a
        // headline (no full stop). A dateline can open either.
        let first_body = sentences
            .iter()
            .position(|(f, _)| f.kind == FieldKind::Body);
        let is_headline = |i: usize| {
            sentences.get(i).is_some_and(|(f, s)| {
                !s.of(&f.text)
                    .trim_end_matches(['"', '”', '\'', '’', ')'])
                    .ends_with(['.', '!', '?'])
            })
        };
        let lead_index = first_body.map(|b| {
            if is_headline(b) && b + 1 < sentences.len() {
                b + 1
            } else {
                b
            }
        });
        let is_lead = |i: usize| first_body.is_some_and(|b| i == b) || Some(i) == lead_index;
        let mut analysed: Vec<Sentence> = sentences
            .iter()
            .enumerate()
            .map(|(i, (f, span))| self.analyse_words(&f.text, *span, is_lead(i)))
            .collect();
        // Every event has a trigger: a document without one has no triple, and its
        // phrases matter only to a caller that wants them (`actors`). A fifth of the
        // scale corpus's articles have none, most of them short wire items.
        if mentions.is_none() && analysed.iter().all(|s| s.triggers.is_empty()) {
            spare::give_back(analysed);
            return Vec::new();
        }
        let no_surnames = Surnames::default();
        for sentence in &mut analysed {
            self.read_phrases(sentence, &no_surnames);
        }
        // Persons introduced by full name: their surnames are mentions from here on.
        let surnames = self.surnames(&analysed);
        // Only the phrases change: tokens, names and triggers stay.
        for sentence in &mut analysed {
            if !surnames.is_empty() && sentence.words.iter().any(|w| surnames.contains(w)) {
                self.read_phrases(sentence, &surnames);
            }
            self.find_events(sentence);
        }
        // An undated article still has a time: the one at which the people it names
        // held office. It serves resolution only; the output keeps `date: null`.
        let date = article.date.or_else(|| self.infer_date(&analysed));
        let mut resolver = Resolver::new(&self.gazetteer, &self.people, date);
        resolver.item_country = self.item_country(&analysed, lead_index);
        resolver.prime(
            sentences
                .iter()
                .zip(&analysed)
                .flat_map(|((f, _), s)| s.nps.iter().map(move |np| (np, f.text.as_str()))),
        );
        // Resolve every phrase in reading order first: a quote's speaker may be named
        // sentences after the quote opened.
        let mut entities: Vec<Vec<Entities>> = sentences
            .iter()
            .zip(&analysed)
            .enumerate()
            .map(|(index, ((field, _), sentence))| {
                sentence
                    .nps
                    .iter()
                    .map(|np| resolver.resolve_np(np, &field.text, index))
                    .collect()
            })
            .collect();
        // "We" and "I" inside a quote are its speaker.
        let words: Vec<&[String]> = analysed.iter().map(|s| s.words.as_slice()).collect();
        let nps: Vec<&[Np]> = analysed.iter().map(|s| s.nps.as_slice()).collect();
        for (index, q) in quotes::document_quotes(&words, &nps)
            .into_iter()
            .enumerate()
        {
            let Some((ss, sn)) = q.speaker else { continue };
            let speaker = entities[ss][sn].clone();
            for (n, np) in analysed[index].nps.iter().enumerate() {
                let first_person = np
                    .refs
                    .iter()
                    .all(|r| matches!(r, Reference::Pronoun { first: true, .. }));
                let inside = q.ranges.iter().any(|&(a, b)| np.start >= a && np.end <= b);
                if first_person && inside && (index, n) != (ss, sn) {
                    entities[index][n] = speaker.clone();
                }
            }
        }
        let mut out = Vec::new();
        for (index, ((field, _), sentence)) in sentences.iter().zip(&analysed).enumerate() {
            let entities = &entities[index];
            if let Some(mentions) = mentions.as_deref_mut() {
                for (np, es) in sentence.nps.iter().zip(entities) {
                    let surface = &field.text[sentence.tokens[np.start].span.start
                        ..sentence.tokens[np.end - 1].span.end];
                    for e in es {
                        mentions.push(ResolvedMention {
                            actor: e.actor.clone(),
                            surface: surface.to_string(),
                            sentence: index,
                        });
                    }
                }
            }
            let mut seen = HashSet::default();
            let first = out.len();
            for e in &sentence.events {
                for (subject, object) in pairs(e, entities, &field.text) {
                    let key = (subject.actor.id.clone(), e.relation, object.clone(), e.mood);
                    if !seen.insert(key) {
                        continue;
                    }
                    let object =
                        earlier_act_owner(&out, self.schema.name(e.relation), subject, &object)
                            .unwrap_or(object);
                    out.push(
                        self.triple(article, field, index, sentence, date, e, subject, object),
                    );
                }
            }
            // One deed read twice, once with its actor and once with a phrase for a
            // concept ("defended itself against accusations by X"): keep the actor.
            let mut this_sentence = out.split_off(first);
            let with_actor: HashSet<(Arc<str>, String, Mood)> = this_sentence
                .iter()
                .filter(|t| matches!(t.object, Object::Actor(_)))
                .map(|t| (t.subject.id.clone(), t.relation.clone(), t.mood))
                .collect();
            this_sentence.retain(|t| {
                matches!(t.object, Object::Actor(_))
                    || !with_actor.contains(&(t.subject.id.clone(), t.relation.clone(), t.mood))
            });
            out.extend(this_sentence);
        }
        spare::give_back(analysed);
        out
    }

    /// A gazetteer actor as the stream writes it, with its affiliation on `date`.
    pub fn actor_ref(
        &self,
        id: crate::gazetteer::ActorId,
        date: Option<chrono::NaiveDate>,
    ) -> crate::triple::ActorRef {
        Resolver::new(&self.gazetteer, &self.people, date)
            .known(id)
            .actor
    }

    /// The date at which most of the office holders an article names held office: the
    /// first day on which the most of them were in office together.
    fn infer_date(&self, sentences: &[Sentence]) -> Option<chrono::NaiveDate> {
        use crate::gazetteer::ActorKind;
        let mut persons: Vec<crate::gazetteer::ActorId> = sentences
            .iter()
            .flat_map(|s| s.mentions.iter().map(|m| m.actor))
            .filter(|&a| self.gazetteer.actor(a).kind == ActorKind::Person)
            .collect();
        persons.sort();
        persons.dedup();
        let roles = |a: crate::gazetteer::ActorId| self.gazetteer.actor(a).roles.iter();
        let candidates = persons.iter().flat_map(|&a| roles(a).map(|r| r.from));
        let score = |d: chrono::NaiveDate| {
            persons
                .iter()
                .filter(|&&a| roles(a).any(|r| r.covers(d)))
                .count()
        };
        candidates
            .map(|d| (score(d), std::cmp::Reverse(d)))
            .filter(|(s, _)| *s > 0)
            .max()
            .map(|(_, std::cmp::Reverse(d))| d)
    }

    /// The country an item is about: its dateline's place, else the first country
    /// its lead names, else the first country anywhere in it.
    fn item_country(
        &self,
        sentences: &[Sentence],
        lead: Option<usize>,
    ) -> Option<crate::gazetteer::ActorId> {
        use crate::gazetteer::ActorKind;
        if let Some(p) = sentences.iter().find_map(|s| s.dateline_place) {
            return Some(self.country_of(p));
        }
        // Else the country the item names most, ties going to the one its lead names
        // first.
        let countries = |s: &Sentence| -> Vec<crate::gazetteer::ActorId> {
            s.mentions
                .iter()
                .map(|m| self.country_of(m.actor))
                .filter(|&c| self.gazetteer.actor(c).kind == ActorKind::Country)
                .collect()
        };
        let mut counts: std::collections::BTreeMap<crate::gazetteer::ActorId, usize> =
            Default::default();
        for s in sentences {
            for c in countries(s) {
                *counts.entry(c).or_default() += 1;
            }
        }
        let lead_order: Vec<crate::gazetteer::ActorId> = lead
            .and_then(|l| sentences.get(l))
            .map(countries)
            .unwrap_or_default();
        let rank = |c: &crate::gazetteer::ActorId| {
            lead_order.iter().position(|x| x == c).unwrap_or(usize::MAX)
        };
        counts
            .into_iter()
            .max_by(|(a, na), (b, nb)| na.cmp(nb).then(rank(b).cmp(&rank(a))).then(b.cmp(a)))
            .map(|(c, _)| c)
    }

    /// The country a place stands for (a capital's country), or the place itself.
    fn country_of(&self, id: crate::gazetteer::ActorId) -> crate::gazetteer::ActorId {
        use crate::gazetteer::ActorKind;
        let a = self.gazetteer.actor(id);
        match (a.kind, a.country) {
            (ActorKind::Country, _) => id,
            (_, Some(c)) => c,
            _ => id,
        }
    }

    /// Lower-cased surnames of persons introduced by a full name (two words or more)
    /// that the gazetteer does not already name.
    fn surnames(&self, sentences: &[Sentence]) -> Surnames {
        let mut out = Surnames::default();
        for s in sentences {
            for np in &s.nps {
                for r in &np.refs {
                    if let Reference::Person { name, .. } = r {
                        let words: Vec<&str> = name.of(s.text).split_whitespace().collect();
                        if words.len() >= 2 {
                            if let Some(last) = words.last() {
                                out.insert(last.trim_end_matches([',', '.']).to_lowercase());
                            }
                        }
                    }
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn triple(
        &self,
        article: &Article,
        field: &Field,
        index: usize,
        sentence: &Sentence,
        date: Option<chrono::NaiveDate>,
        e: &RawEvent,
        subject: &Entity,
        object: Object,
    ) -> Triple {
        let map = &field.source_map;
        let span = sentence.span;
        // Event dates need the article's own date (or --date): an inferred one is
        // only good enough to pick office holders.
        let event_date = article.date.and(date).and_then(|d| {
            dates::event_date(&sentence.words, e.head, Some(d), e.mood == Mood::Scheduled)
        });
        Triple {
            doc: article.id.clone(),
            date: article.date,
            event_date,
            sentence: index,
            span: [map.to_original(span.start), map.to_original(span.end)],
            text: span.of(&field.text).to_string(),
            field: (field.kind == FieldKind::Title).then_some("title"),
            subject: subject.actor.clone(),
            relation: self.schema.name(e.relation).to_string(),
            object,
            theme: e.theme.map(|t| t.of(&field.text).to_string()),
            mood: e.mood,
            confidence: e.confidence,
        }
    }
}

/// Whose charge or proposal a bare "the accusation", "the ultimatum" is: the actor who
/// made such an act against this subject earlier in the document ("Canada accused
/// India … New Delhi rejected the accusation" → denies(India, Canada)).
fn earlier_act_owner(
    earlier: &[Triple],
    relation: &str,
    subject: &Entity,
    object: &Object,
) -> Option<Object> {
    let Object::Concept { concept } = object else {
        return None;
    };
    let lower = concept.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 3 {
        return None;
    }
    let acts: &[&str] = match (relation, *words.last()?) {
        (
            "denies" | "criticizes",
            "accusation" | "accusations" | "allegation" | "allegations" | "charge" | "charges"
            | "claim" | "claims" | "criticism",
        ) => &["accuses", "criticizes"],
        (
            "rejects" | "criticizes",
            "demand" | "demands" | "ultimatum" | "proposal" | "proposals" | "offer" | "call"
            | "calls" | "request" | "requests" | "appeal" | "terms" | "conditions",
        ) => &["demands", "urges"],
        ("rejects" | "criticizes" | "denies", "threat" | "threats" | "warning" | "warnings") => {
            &["threatens", "warns"]
        }
        _ => return None,
    };
    earlier
        .iter()
        .rev()
        .find(|t| {
            acts.contains(&t.relation.as_str())
                && t.mood.is_fact()
                && t.subject.id != subject.actor.id
                && match &t.object {
                    Object::Actor(a) => a.id == subject.actor.id,
                    Object::Concept { .. } => true,
                }
        })
        .map(|t| Object::Actor(t.subject.clone()))
}

/// The (subject, object) pairs of an event: coordination multiplies, a phrase paired
/// with itself ("X and Y met") gives each pair once, and nobody acts on themselves.
fn pairs<'e>(e: &RawEvent, entities: &'e [Entities], text: &str) -> Vec<(&'e Entity, Object)> {
    let mut out = Vec::new();
    match (e.subject, e.object) {
        (Arg::Np { np: s, .. }, Arg::Np { np: o, skip }) if s == o => {
            let all = &entities[s];
            if skip == 1 && e.subject == (Arg::Np { np: s, skip: 0 }) {
                for (i, a) in all.iter().enumerate() {
                    for b in &all[i + 1..] {
                        out.push((a, Object::Actor(b.actor.clone())));
                        if e.mutual {
                            out.push((b, Object::Actor(a.actor.clone())));
                        }
                    }
                }
            }
        }
        (Arg::Np { np: s, .. }, Arg::Np { np: o, .. }) => {
            for a in &entities[s] {
                for b in &entities[o] {
                    if a.actor.id != b.actor.id {
                        out.push((a, Object::Actor(b.actor.clone())));
                        if e.mutual {
                            out.push((b, Object::Actor(a.actor.clone())));
                        }
                    }
                }
            }
        }
        (Arg::Np { np: s, .. }, Arg::Concept(span)) => {
            for a in &entities[s] {
                out.push((
                    a,
                    Object::Concept {
                        concept: span.of(text).to_string(),
                    },
                ));
            }
        }
        (Arg::Concept(_), _) => {}
    }
    out
}
