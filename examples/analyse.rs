//! Print how whowhom reads sentences: tokens with mentions, actor phrases, triggers and
//! events. A tool for developing the grammar:
//!
//!     cargo run --example analyse -- "Russia warned NATO on Friday." [YYYY-MM-DD]

use whowhom::corpus::{Article, Field, FieldKind};
use whowhom::extract::Extractor;
use whowhom::gazetteer::Gazetteer;
use whowhom::schema::Schema;
use whowhom::text::{split_sentences, Span};

fn main() {
    let mut args = std::env::args().skip(1);
    let text = args.next().unwrap_or_default();
    let date = args.next().and_then(|d| d.parse().ok());
    let (Ok(schema), Ok(gazetteer)) = (Schema::builtin(), Gazetteer::builtin()) else {
        eprintln!("built-in data does not load");
        return;
    };
    let x = Extractor::new(schema, gazetteer);
    let none = Default::default();
    for span in split_sentences(&text, Span::new(0, text.len())) {
        let s = x.analyse(&text, span, true, &none);
        println!("== {}", span.of(&text));
        for m in &s.mentions {
            println!(
                "  mention {}..{} {:?} {:?}",
                m.start,
                m.end,
                m.span.of(&text),
                m.via
            );
        }
        for np in &s.nps {
            let words: Vec<&str> = s.tokens[np.start..np.end]
                .iter()
                .map(|t| t.text(&text))
                .collect();
            println!(
                "  np {}..{} {:?} prep={:?} poss={} {:?}",
                np.start,
                np.end,
                words.join(" "),
                np.prep,
                np.possessive,
                np.refs
            );
        }
        for t in &s.triggers {
            println!(
                "  trigger {} @{} {:?}",
                x.schema().name(t.relation),
                t.head,
                t.pos
            );
        }
        for e in &s.events {
            println!(
                "  event {} {:?} -> {:?} {}",
                x.schema().name(e.relation),
                e.subject,
                e.object,
                e.mood
            );
        }
    }
    let article = Article {
        id: "example".into(),
        date,
        title: None,
        body: Field::new(FieldKind::Body, text.clone(), Default::default(), 0),
    };
    for t in x.extract(&article) {
        println!(
            "{} {} {} [{}]",
            t.subject.name,
            t.relation,
            t.object.display_name(),
            t.mood
        );
    }
}
