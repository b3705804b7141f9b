//! Drawing the DOT with Graphviz: `dot` is run through graphviz-rust's `exec`, which
//! passes arguments directly (no shell), and the image comes back on its stdout.
//!
//! Graphviz is a program, not a library: when it is missing the user gets a message
//! saying how to install it, not an OS error.

use super::ExportError;
use graphviz_rust::cmd::{CommandArg, Format, Layout as Engine};
use graphviz_rust::dot_structures::Graph as DotGraph;
use graphviz_rust::printer::PrinterContext;
use std::io;
use std::path::Path;

/// Image formats, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    Svg,
    Png,
    Pdf,
}

impl Image {
    /// The format a file name asks for (`.svg`, `.png`, `.pdf`, any case).
    pub fn of_path(path: &Path) -> Option<Image> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Image::Svg),
            "png" => Some(Image::Png),
            "pdf" => Some(Image::Pdf),
            _ => None,
        }
    }
}

/// Graphviz layout engines offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Layered: reads well for who-did-what-to-whom.
    #[default]
    Dot,
    Neato,
    Fdp,
    Sfdp,
    Circo,
}

/// Run Graphviz on the DOT model (see [`super::dot::model`]) and return the image.
pub fn render(dot: DotGraph, image: Image, layout: Layout) -> Result<Vec<u8>, ExportError> {
    let format = match image {
        Image::Svg => Format::Svg,
        Image::Png => Format::Png,
        Image::Pdf => Format::Pdf,
    };
    let engine = match layout {
        Layout::Dot => Engine::Dot,
        Layout::Neato => Engine::Neato,
        Layout::Fdp => Engine::Fdp,
        Layout::Sfdp => Engine::Sfdp,
        Layout::Circo => Engine::Circo,
    };
    let args = vec![CommandArg::Format(format), CommandArg::Layout(engine)];
    graphviz_rust::exec(dot, &mut PrinterContext::default(), args).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ExportError::NoGraphviz,
        _ => ExportError::Graphviz(e.to_string().trim().to_string()),
    })
}
