//! Extraction: sentences to typed, dated triples with moods.
//!
//! An [`Extractor`] is compiled once from the schema and the gazetteer (the trigger
//! lexicon and the name automaton) and is then read-only, so one can serve many
//! threads. Per sentence it tokenizes, finds actor mentions and triggers, and asks the
//! grammar for events; [`Extractor::extract`] turns those into [`Triple`]s.

mod inflect;
mod lexicon;
mod mentions;
mod simple;

pub use inflect::{noun_forms, verb_forms};
pub use lexicon::{Lexicon, TriggerHit};
pub use mentions::{Mention, MentionFinder};

use crate::corpus::{Article, Field, FieldKind};
use crate::gazetteer::{ActorId, ActorKind, Gazetteer};
use crate::schema::{RelationId, Schema};
use crate::text::{split_sentences, tokenize, Span, Token};
use crate::triple::{ActorRef, Mood, Object, Triple};
use chrono::NaiveDate;

/// What an event's object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventObject {
    Actor(Mention),
    /// A short phrase of the sentence, when no actor is named.
    Concept(Span),
}

/// One event found in a sentence, before it is written as a triple.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub relation: RelationId,
    pub subject: Mention,
    pub object: EventObject,
    pub theme: Option<Span>,
    pub mood: Mood,
    pub confidence: f32,
}

/// A sentence ready for the grammar: its text, tokens, mentions and triggers.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    /// The text the spans index (the whole field).
    pub text: &'a str,
    pub span: Span,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub triggers: Vec<TriggerHit>,
}

/// The compiled extractor.
#[derive(Debug, Clone)]
pub struct Extractor {
    schema: Schema,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    mentions: MentionFinder,
}

impl Extractor {
    pub fn new(schema: Schema, gazetteer: Gazetteer) -> Self {
        let lexicon = Lexicon::new(&schema);
        let mentions = MentionFinder::new(&gazetteer);
        Extractor {
            schema,
            gazetteer,
            lexicon,
            mentions,
        }
    }

    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Tokenize one sentence and find its mentions and triggers.
    pub fn analyse<'a>(&self, text: &'a str, span: Span) -> Sentence<'a> {
        let tokens = tokenize(text, span);
        let mentions = self.mentions.find(text, span, &tokens);
        let triggers = self.lexicon.find(text, &tokens);
        Sentence {
            text,
            span,
            tokens,
            mentions,
            triggers,
        }
    }

    /// The events of one sentence.
    pub fn events(&self, sentence: &Sentence) -> Vec<Event> {
        simple::events(&self.schema, &self.gazetteer, sentence)
    }

    /// Every triple of an article, in sentence order, all moods.
    pub fn extract(&self, article: &Article) -> Vec<Triple> {
        let mut out = Vec::new();
        let mut index = 0;
        for field in article.fields() {
            for region in &field.regions {
                for span in split_sentences(&field.text, *region) {
                    let sentence = self.analyse(&field.text, span);
                    for event in self.events(&sentence) {
                        out.push(self.triple(article, field, index, span, &event));
                    }
                    index += 1;
                }
            }
        }
        out
    }

    fn triple(
        &self,
        article: &Article,
        field: &Field,
        index: usize,
        span: Span,
        e: &Event,
    ) -> Triple {
        let map = &field.source_map;
        Triple {
            doc: article.id.clone(),
            date: article.date,
            event_date: None,
            sentence: index,
            span: [map.to_original(span.start), map.to_original(span.end)],
            text: span.of(&field.text).to_string(),
            field: (field.kind == FieldKind::Title).then_some("title"),
            subject: self.actor_ref(e.subject.actor, article.date),
            relation: self.schema.name(e.relation).to_string(),
            object: match e.object {
                EventObject::Actor(m) => Object::Actor(self.actor_ref(m.actor, article.date)),
                EventObject::Concept(s) => Object::Concept {
                    concept: s.of(&field.text).to_string(),
                },
            },
            theme: e.theme.map(|s| s.of(&field.text).to_string()),
            mood: e.mood,
            confidence: e.confidence,
        }
    }

    /// An actor as the stream writes it, with its affiliation on `date`.
    pub fn actor_ref(&self, id: ActorId, date: Option<NaiveDate>) -> ActorRef {
        let a = self.gazetteer.actor(id);
        let country = match a.kind {
            ActorKind::Country => None,
            ActorKind::Person => self.gazetteer.affiliation(id, date),
            _ => a.country,
        };
        ActorRef {
            id: a.key.clone(),
            name: a.name.clone(),
            kind: a.kind,
            country: country.map(|c| self.gazetteer.actor(c).key.clone()),
        }
    }
}
