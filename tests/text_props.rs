//! Property tests: every span the corpus and text layers hand on indexes the original
//! text exactly, whatever the text.

use proptest::prelude::*;
use whowhom::corpus::{decode_lossy, Field, FieldKind};
use whowhom::text::{split_sentences, tokenize, Span, TokenKind, MAX_SENTENCE_BYTES};

/// Text that looks like news: words, abbreviations, quotes, bullets, line breaks, junk.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Russia".to_string()),
        Just("the U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("Dec. 14".to_string()),
        Just("George W. Bush".to_string()),
        Just("said.".to_string()),
        Just("“We agree,”".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("• ".to_string()),
        Just("[ad_1]".to_string()),
        Just("Source link".to_string()),
        Just("1,340-kilometer".to_string()),
        Just("Moscow’s".to_string()),
        Just("?".to_string()),
        Just("...".to_string()),
        "[a-zA-Z]{1,9}",
        "\\PC{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn check_sentences(text: &str, region: Span) -> Result<(), TestCaseError> {
    let sentences = split_sentences(text, region);
    let mut last_end = region.start;
    for s in &sentences {
        prop_assert!(
            s.start >= last_end && s.end <= region.end && s.start < s.end,
            "{s:?} in {region:?}"
        );
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = s.of(text);
        prop_assert_eq!(t, t.trim());
        prop_assert!(s.len() <= MAX_SENTENCE_BYTES);
        last_end = s.end;
        let mut tok_end = s.start;
        for tok in tokenize(text, *s) {
            prop_assert!(
                tok.span.start >= tok_end && tok.span.end <= s.end && !tok.span.is_empty()
            );
            prop_assert!(
                text.is_char_boundary(tok.span.start) && text.is_char_boundary(tok.span.end)
            );
            prop_assert!(!tok.text(text).chars().all(char::is_whitespace));
            if tok.kind == TokenKind::Possessive {
                prop_assert!(tok.text(text).ends_with(['s', 'S']));
            }
            tok_end = tok.span.end;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sentence_and_token_spans_index_newsy_text(text in newsy()) {
        check_sentences(&text, Span::new(0, text.len()))?;
    }

    #[test]
    fn sentence_and_token_spans_index_any_text(text in any::<String>()) {
        check_sentences(&text, Span::new(0, text.len()))?;
    }

    #[test]
    fn regions_lie_inside_the_text_and_sentences_inside_regions(text in newsy()) {
        let field = Field::new(FieldKind::Body, text.clone(), Default::default(), 0);
        let mut last = 0;
        for r in &field.regions {
            prop_assert!(r.start >= last && r.end <= text.len() && !r.is_empty());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            last = r.end;
            check_sentences(&text, *r)?;
        }
    }

    #[test]
    fn lossy_decoding_maps_back_to_the_original_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let (text, map) = decode_lossy(bytes.clone());
        prop_assert_eq!(map.to_original(text.len()), bytes.len());
        let mut prev = 0;
        for (i, c) in text.char_indices() {
            let o = map.to_original(i);
            prop_assert!(o >= prev);
            prev = o;
            if c != '\u{FFFD}' {
                let mut buf = [0u8; 4];
                let enc = c.encode_utf8(&mut buf).as_bytes();
                prop_assert_eq!(&bytes[o..o + enc.len()], enc);
            }
        }
    }
}
