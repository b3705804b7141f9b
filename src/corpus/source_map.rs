//! Lossy UTF-8 decoding that remembers where every byte came from.
//!
//! Invalid UTF-8 is read, not skipped: each invalid sequence becomes U+FFFD. The
//! replacement is three bytes long where the original may be one or two, so spans
//! into the decoded text would drift from the file's bytes. [`SourceMap`] records each
//! replacement so that offsets are reported in the file's own coordinates.

/// One invalid sequence replaced by U+FFFD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Replacement {
    /// Offset of the U+FFFD in the decoded text.
    decoded: usize,
    /// Offset of the invalid bytes in the original.
    original: usize,
    /// How many original bytes the replacement stands for.
    original_len: usize,
}

const REPLACEMENT_LEN: usize = '\u{FFFD}'.len_utf8();

/// Maps offsets in lossily decoded text back to the original bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    replacements: Vec<Replacement>,
}

impl SourceMap {
    /// True when the text was valid UTF-8 and offsets need no mapping.
    pub fn is_identity(&self) -> bool {
        self.replacements.is_empty()
    }

    /// Original byte offset of the first invalid sequence, if any.
    pub fn first_invalid(&self) -> Option<usize> {
        self.replacements.first().map(|r| r.original)
    }

    /// The number of invalid sequences replaced.
    pub fn invalid_count(&self) -> usize {
        self.replacements.len()
    }

    /// Map a byte offset in the decoded text to the original bytes.
    pub fn to_original(&self, decoded: usize) -> usize {
        let i = self.replacements.partition_point(|r| r.decoded <= decoded);
        if i == 0 {
            return decoded;
        }
        let r = &self.replacements[i - 1];
        if decoded < r.decoded + REPLACEMENT_LEN {
            // Inside (or at) a replacement character: point at the invalid bytes.
            if decoded == r.decoded {
                r.original
            } else {
                r.original + r.original_len
            }
        } else {
            r.original + r.original_len + (decoded - r.decoded - REPLACEMENT_LEN)
        }
    }
}

/// Decode `bytes`, replacing invalid sequences as `String::from_utf8_lossy` does, and
/// keep the map from decoded offsets to original ones.
pub fn decode_lossy(bytes: Vec<u8>) -> (String, SourceMap) {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, SourceMap::default()),
        Err(e) => e.into_bytes(),
    };
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut map = SourceMap::default();
    let mut rest = &bytes[..];
    let mut consumed = 0;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                out.push_str(valid);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY-free: the prefix is valid by construction of `valid_up_to`.
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len() - good);
                map.replacements.push(Replacement {
                    decoded: out.len(),
                    original: consumed + good,
                    original_len: bad,
                });
                out.push('\u{FFFD}');
                consumed += good + bad;
                rest = &rest[good + bad..];
            }
        }
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_text_maps_to_itself() {
        let (text, map) = decode_lossy(b"Russia warned NATO.".to_vec());
        assert_eq!(text, "Russia warned NATO.");
        assert!(map.is_identity());
        assert_eq!(map.to_original(7), 7);
    }

    #[test]
    fn offsets_after_invalid_bytes_point_at_the_original() {
        let raw = b"Russia \xff\xfe warned NATO.".to_vec();
        let (text, map) = decode_lossy(raw.clone());
        assert_eq!(text, "Russia \u{FFFD}\u{FFFD} warned NATO.");
        assert_eq!(map.first_invalid(), Some(7));
        let w = text.find("warned").unwrap();
        assert_eq!(&raw[map.to_original(w)..map.to_original(w + 6)], b"warned");
        assert_eq!(map.to_original(text.len()), raw.len());
    }
}
