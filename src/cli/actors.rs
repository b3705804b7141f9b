//! `whowhom actors`: every resolved actor with the surface forms that named it, or how
//! one mention is resolved (`--explain`).

use super::output::table;
use super::{Failure, InputArgs, StderrReport};
use crate::corpus::{read_inputs, Read, ReadOptions};
use crate::diag::Report;
use crate::extract::{Extractor, ResolvedMention};
use crate::gazetteer::ActorKind;
use crate::graph::Graph;
use crate::triple::ActorRef;
use clap::Args;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Args)]
pub struct ActorsArgs {
    #[command(flatten)]
    input: InputArgs,
    /// List the actors of this graph file instead of reading INPUTS.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    graph: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Say how a mention ("Moscow", "Blinkon") is resolved, and by which file and line.
    #[arg(long, value_name = "MENTION")]
    explain: Option<String>,
}

/// One actor and how the text named it.
#[derive(Debug, Serialize)]
struct Summary {
    id: String,
    name: String,
    kind: ActorKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    mentions: usize,
    /// Surface form → count.
    forms: BTreeMap<String, usize>,
    documents: BTreeSet<String>,
}

pub fn run(args: ActorsArgs) -> Result<u8, Failure> {
    let extractor = args.input.extractor().map_err(Failure::input)?;
    if let Some(m) = &args.explain {
        return explain(&extractor, m, args.json);
    }
    let mut report = StderrReport::default();
    let mut actors: BTreeMap<String, Summary> = BTreeMap::new();
    if let Some(path) = &args.graph {
        let g = Graph::load(path, &mut report).map_err(|e| Failure::input(e.to_string()))?;
        for ix in g.node_indices() {
            let n = g.node(ix);
            let Some(kind) = n.kind.actor_kind() else {
                continue;
            };
            let a = ActorRef {
                id: n.key.clone().into(),
                name: n.name.clone().into(),
                kind,
                country: n.country.as_deref().map(Arc::from),
            };
            summary(&mut actors, &a);
        }
    } else {
        let options = ReadOptions {
            default_date: args.input.date,
            max_article_bytes: args.input.max_article_mb.saturating_mul(1024 * 1024),
        };
        let mut mentions: Vec<ResolvedMention> = Vec::new();
        for item in read_inputs(&args.input.paths(), options) {
            match item {
                Read::Article(a) => {
                    mentions.clear();
                    extractor.extract_with_mentions(&a, &mut mentions);
                    for m in &mentions {
                        let s = summary(&mut actors, &m.actor);
                        s.mentions += 1;
                        *s.forms.entry(m.surface.clone()).or_default() += 1;
                        s.documents.insert(a.id.clone());
                    }
                }
                Read::Problem(p) => report.report(p),
            }
        }
    }
    let list: Vec<&Summary> = actors.values().collect();
    let mut out = io::stdout().lock();
    let written = if args.json {
        serde_json::to_writer_pretty(&mut out, &list)
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|s| {
                let mut forms: Vec<(&String, &usize)> = s.forms.iter().collect();
                forms.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                let shown: Vec<String> = forms
                    .iter()
                    .take(4)
                    .map(|(f, n)| format!("{f} ×{n}"))
                    .collect();
                vec![
                    s.id.clone(),
                    s.name.clone(),
                    s.kind.to_string(),
                    s.country.clone().unwrap_or_default(),
                    s.mentions.to_string(),
                    s.documents.len().to_string(),
                    shown.join("; "),
                ]
            })
            .collect();
        table(
            &mut out,
            &["id", "name", "kind", "country", "mentions", "docs", "forms"],
            &rows,
        )
    };
    written.map_err(|e| Failure::input(format!("cannot write output: {e}")))?;
    Ok(u8::from(report.skipped > 0))
}

fn summary<'a>(actors: &'a mut BTreeMap<String, Summary>, a: &ActorRef) -> &'a mut Summary {
    actors.entry(a.id.to_string()).or_insert_with(|| Summary {
        id: a.id.to_string(),
        name: a.name.to_string(),
        kind: a.kind,
        country: a.country.as_deref().map(str::to_string),
        mentions: 0,
        forms: BTreeMap::new(),
        documents: BTreeSet::new(),
    })
}

/// How the gazetteer resolves one surface form.
#[derive(Debug, Serialize)]
struct Explanation {
    mention: String,
    id: String,
    name: String,
    kind: ActorKind,
    /// How the form names the actor: name, adjective, demonym, capital, seat.
    via: String,
    /// The file and line of the entry.
    source: String,
}

fn explain(extractor: &Extractor, mention: &str, json: bool) -> Result<u8, Failure> {
    let g = extractor.gazetteer();
    let mut found: Vec<Explanation> = g
        .explain(mention)
        .into_iter()
        .map(|(id, via, origin)| {
            let a = g.actor(id);
            Explanation {
                mention: mention.trim().to_string(),
                id: a.key.to_string(),
                name: a.name.to_string(),
                kind: a.kind,
                via: format!("{via:?}").to_lowercase(),
                source: origin.to_string(),
            }
        })
        .collect();
    if found.is_empty() {
        if let Some(id) = extractor.people().find(mention) {
            let a = g.actor(id);
            found.push(Explanation {
                mention: mention.to_string(),
                id: a.key.to_string(),
                name: a.name.to_string(),
                kind: a.kind,
                via: "spelling variant".into(),
                source: a.origin.to_string(),
            });
        }
    }
    let mut out = io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &found)
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else if found.is_empty() {
        writeln!(
            out,
            "{mention:?} is no name in the gazetteer; in text it becomes an actor only through a title, role or group noun (a new actor with an id from its name)"
        )
    } else {
        let rows: Vec<Vec<String>> = found
            .iter()
            .map(|e| {
                vec![
                    e.mention.clone(),
                    e.id.clone(),
                    e.name.clone(),
                    e.kind.to_string(),
                    e.via.clone(),
                    e.source.clone(),
                ]
            })
            .collect();
        table(
            &mut out,
            &["mention", "id", "name", "kind", "via", "source"],
            &rows,
        )
    };
    written.map_err(|e| Failure::input(format!("cannot write output: {e}")))?;
    Ok(0)
}
