//! The text layer: sentences and tokens with byte spans.
//!
//! Owns segmentation only: it knows abbreviations, initials, quotes, headlines and
//! bullets, but nothing of actors or events. Every span it returns indexes the string
//! it was given exactly (see the property tests in `tests/text_props.rs`).

mod bounds;
mod sentences;
mod span;
mod tokens;

pub use sentences::{split_sentences, MAX_SENTENCE_BYTES};
pub use span::Span;
pub use tokens::{tokenize, tokenize_into, Token, TokenKind};
