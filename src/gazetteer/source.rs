//! Users' dictionary files: telling their format, reading their bytes, and handing
//! each to its format's loader as one layer of the gazetteer.

use super::builder::Builder;
use super::{cameo, csv, ron, Origin};
use crate::datafile::{parse_ron, DataError};
use std::path::Path;
use std::sync::Arc;

/// The format of a dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The schema of `data/actors.ron`.
    Ron,
    /// Comma-separated, header `alias,id,name,kind,country,role,from,until`.
    Csv,
    /// The same, tab-separated.
    Tsv,
    /// A CAMEO (TABARI/PETRARCH) actor or agent dictionary.
    Cameo,
}

impl Format {
    /// The format named on the command line (`ron`, `csv`, `tsv`, `cameo`).
    pub fn parse(name: &str) -> Result<Format, String> {
        match name.to_ascii_lowercase().as_str() {
            "ron" => Ok(Format::Ron),
            "csv" => Ok(Format::Csv),
            "tsv" => Ok(Format::Tsv),
            "cameo" => Ok(Format::Cameo),
            _ => Err(format!(
                "{name:?} is not a dictionary format (ron, csv, tsv, cameo)"
            )),
        }
    }

    /// The format a file's name says (`*.ron`, `*.csv`, `*.tsv`, `*.actors.txt`,
    /// `*.agents.txt`, and other `*.txt` as CAMEO).
    pub fn of_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let ext = name.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "ron" => Some(Format::Ron),
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "txt" => Some(Format::Cameo),
            _ => None,
        }
    }
}

/// A user's dictionary, read.
#[derive(Debug, Clone)]
pub struct UserFile {
    /// The file as the user named it, for messages and origins.
    pub name: String,
    pub text: String,
    pub format: Format,
}

impl UserFile {
    /// Read `path`; `format` overrides what the name says. Bytes that are not UTF-8
    /// are read as U+FFFD and reported beside the file.
    pub fn read(
        path: &Path,
        format: Option<Format>,
    ) -> Result<(UserFile, Option<DataError>), String> {
        let name = path.display().to_string();
        let format = format.or_else(|| Format::of_path(path)).ok_or_else(|| {
            format!(
                "{name}: cannot tell the dictionary format from the name; give --gazetteer-format"
            )
        })?;
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let (text, problem) = match String::from_utf8(bytes) {
            Ok(t) => (t, None),
            Err(e) => {
                let bytes = e.into_bytes();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let line = text.find('\u{FFFD}').map(|at| line_at(&text, at));
                let p = DataError::new(&name, line, "invalid UTF-8: read as U+FFFD");
                (text, Some(p))
            }
        };
        Ok((UserFile { name, text, format }, problem))
    }
}

/// The 1-based line of byte `at`.
pub(crate) fn line_at(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Add one user file to `b` as the current layer. A file that cannot be read at all
/// (malformed RON) is an error, as an unreadable path is; problems of single entries
/// and lines go to `b`.
pub(crate) fn add(b: &mut Builder, f: &UserFile) -> Result<(), DataError> {
    let name: Arc<str> = Arc::from(f.name.as_str());
    match f.format {
        Format::Ron => {
            let parsed = parse_ron(&f.name, &f.text)?;
            let file = ron::RonFile {
                name,
                text: &f.text,
                parsed,
            };
            ron::add_layer(b, &[file]);
        }
        Format::Csv => csv::add(b, &name, &f.text, b',')?,
        Format::Tsv => csv::add(b, &name, &f.text, b'\t')?,
        Format::Cameo => cameo::add(b, &name, &f.text),
    }
    Ok(())
}

/// The origin of line `line` of `file`.
pub(crate) fn at(file: &Arc<str>, line: usize) -> Origin {
    Origin {
        file: file.clone(),
        line: Some(line),
    }
}
