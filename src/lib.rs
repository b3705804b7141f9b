//! whowhom: who did what to whom, read from news.
//!
//! The library is a one-way pipeline; each stage is a module named for it:
//!
//! ```text
//! corpus ─► text ─► extract ─► resolve ─► graph ─► query / export
//!             ▲         ▲
//!           schema   gazetteer   (loaded once, read-only)
//! ```
//!
//! * [`corpus`] reads files and directories into [`corpus::Article`]s (dates, junk lines).
//! * [`text`] splits an article into sentences and tokens with byte spans.
//! * [`schema`] and [`gazetteer`] load the relation schema and the actor gazetteer.
//! * [`extract`] turns sentences into events; [`resolve`] gives each actor phrase one
//!   canonical actor; together they make [`triple::Triple`]s.
//! * [`graph`] merges triples into a graph with provenance and reads and writes it.
//! * [`query`] answers questions of the graph: who pressured whom, paths, neighbours.
//! * [`export`] writes the graph as DOT, RON, JSON, GraphML or CSV, and draws it with
//!   Graphviz.
//! * [`eval`] scores triples against a gold set as `shared/eval/score.py` does.
//! * [`diag`] carries the problems found on the way, so that a bad file is reported and
//!   skipped rather than ending the run.
//!
//! See `ARCHITECTURE.md` for the map and the invariants.

pub mod cli;
pub mod corpus;
pub mod diag;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod query;
pub mod resolve;
pub mod schema;
pub mod text;
pub mod triple;

mod atomic;
mod datafile;
pub use datafile::DataError;
