//! Sentence splitting and tokenization on arbitrary (lossily decoded) bytes: every
//! span is in order, inside its parent, on character boundaries, and not too long.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whowhom::corpus::{decode_lossy, Field, FieldKind};
use whowhom::text::{split_sentences, tokenize, MAX_SENTENCE_BYTES};

fuzz_target!(|data: &[u8]| {
    let (text, map) = decode_lossy(data.to_vec());
    assert!(map.to_original(text.len()) == data.len());
    let field = Field::new(FieldKind::Body, text, map, 0);
    let text = &field.text;
    for region in &field.regions {
        let mut last = region.start;
        for s in split_sentences(text, *region) {
            assert!(s.start >= last && s.start < s.end && s.end <= region.end);
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(s.len() <= MAX_SENTENCE_BYTES);
            last = s.end;
            let mut tok_end = s.start;
            for t in tokenize(text, s) {
                assert!(t.span.start >= tok_end && t.span.end <= s.end && !t.span.is_empty());
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                tok_end = t.span.end;
            }
        }
    }
});
