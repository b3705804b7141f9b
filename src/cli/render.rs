//! `whowhom render`: the graph drawn by Graphviz (SVG, PNG or PDF, by the output's
//! extension), with the same filters and drawing options as `export --format dot`.

use super::export::{DotArgs, FilterArgs};
use super::query::GraphArgs;
use super::Failure;
use crate::export::render::{render, Image, Layout};
use crate::export::{dot, write_atomic};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Engine {
    /// Layered, edges mostly one way.
    Dot,
    /// Spring model.
    Neato,
    /// Force-directed.
    Fdp,
    /// Force-directed, for large graphs.
    Sfdp,
    /// Circular.
    Circo,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The image to write: .svg, .png or .pdf.
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
    /// Graphviz layout engine.
    #[arg(long, value_enum, default_value_t = Engine::Dot)]
    layout: Engine,
    /// Also write the DOT given to Graphviz to FILE (written even when Graphviz is
    /// missing).
    #[arg(long, value_name = "FILE")]
    dot_out: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    dot: DotArgs,
    #[command(flatten)]
    graph: GraphArgs,
}

pub fn run(args: RenderArgs) -> Result<u8, Failure> {
    let image = Image::of_path(&args.output).ok_or_else(|| {
        Failure::input(format!(
            "{}: cannot tell the image format; name the file .svg, .png or .pdf",
            args.output.display()
        ))
    })?;
    let g = args.graph.load()?;
    let selected = args.filters.select(&g)?;
    let model = dot::model(&selected, g.extractor.schema(), &args.dot.style());
    let fail = |e: crate::export::ExportError| Failure::input(e.to_string());
    if let Some(p) = &args.dot_out {
        // Written first, so that it is there even when Graphviz is not.
        write_atomic(p, dot::print(&model).as_bytes()).map_err(fail)?;
    }
    let layout = match args.layout {
        Engine::Dot => Layout::Dot,
        Engine::Neato => Layout::Neato,
        Engine::Fdp => Layout::Fdp,
        Engine::Sfdp => Layout::Sfdp,
        Engine::Circo => Layout::Circo,
    };
    let bytes = render(model, image, layout).map_err(fail)?;
    write_atomic(&args.output, &bytes).map_err(fail)?;
    Ok(g.code())
}
