//! Reading inputs: files and directories, `.txt` and `.jsonl`, streamed one article at
//! a time so that memory does not grow with the corpus.

use super::{date_marker, decode_lossy, Article, Field, FieldKind};
use crate::diag::{Place, Problem};
use chrono::NaiveDate;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read as _};
use std::path::{Path, PathBuf};

/// A batch of articles ends once its texts reach this size: callers keep a few batches
/// in flight, and a run of very long articles must not fill memory.
const BATCH_BYTES: usize = 4 << 20;

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The date of articles that carry none (`--date`).
    pub default_date: Option<NaiveDate>,
    /// A `.txt` article larger than this is skipped with a message: one article is
    /// never that large, and reading it whole would cost that much memory.
    pub max_article_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            default_date: None,
            max_article_bytes: 256 * 1024 * 1024,
        }
    }
}

/// What reading yields: an article, or a problem with some input.
#[derive(Debug)]
pub enum Read {
    Article(Box<Article>),
    Problem(Problem),
}

/// A stream over every article under some paths, in a deterministic order: inputs in
/// the order given, directory entries sorted by name.
pub struct Inputs {
    options: ReadOptions,
    pending_paths: VecDeque<PathBuf>,
    pending: VecDeque<Read>,
    jsonl: Option<JsonlFile>,
}

/// Read the articles under `paths` (files or directories, recursively).
pub fn read_inputs(paths: &[PathBuf], options: ReadOptions) -> Inputs {
    Inputs {
        options,
        pending_paths: paths.iter().cloned().collect(),
        pending: VecDeque::new(),
        jsonl: None,
    }
}

impl Iterator for Inputs {
    type Item = Read;

    fn next(&mut self) -> Option<Read> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some(file) = &mut self.jsonl {
                if !file.next_record(&self.options, &mut self.pending) {
                    self.jsonl = None;
                }
                continue;
            }
            let path = self.pending_paths.pop_front()?;
            self.open(path);
        }
    }
}

impl Inputs {
    /// Fill `batch` with up to `size` articles (for parallel extraction), or fewer once
    /// their texts reach `BATCH_BYTES` (one article at least), handing the problems
    /// met on the way to `on_problem`; false once nothing is left.
    pub fn next_batch(
        &mut self,
        batch: &mut Vec<Box<Article>>,
        size: usize,
        mut on_problem: impl FnMut(Problem),
    ) -> bool {
        batch.clear();
        let mut bytes = 0;
        for item in self.by_ref() {
            match item {
                Read::Article(a) => {
                    bytes += a.fields().map(|f| f.text.len()).sum::<usize>();
                    batch.push(a);
                    if batch.len() == size || bytes >= BATCH_BYTES {
                        return true;
                    }
                }
                Read::Problem(p) => on_problem(p),
            }
        }
        !batch.is_empty()
    }

    /// Queue what `path` holds: expand a directory, read a `.txt`, open a `.jsonl`.
    fn open(&mut self, path: PathBuf) {
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                let why = if e.kind() == std::io::ErrorKind::NotFound {
                    "no such file or directory".to_string()
                } else {
                    format!("cannot read: {e}")
                };
                self.pending
                    .push_back(Read::Problem(Problem::skipped(&path, Place::File, why)));
                return;
            }
        };
        if meta.is_dir() {
            self.expand_dir(&path);
        } else if is_jsonl(&path) {
            match File::open(&path) {
                Ok(f) => self.jsonl = Some(JsonlFile::new(path, f)),
                Err(e) => self.pending.push_back(Read::Problem(Problem::skipped(
                    &path,
                    Place::File,
                    format!("cannot open: {e}"),
                ))),
            }
        } else {
            read_txt(&path, meta.len(), &self.options, &mut self.pending);
        }
    }

    /// Put the article files under `dir` at the front of the queue, sorted by path.
    fn expand_dir(&mut self, dir: &Path) {
        let mut found = Vec::new();
        let walk = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                    found.push(e.into_path())
                }
                Ok(_) => {}
                Err(e) => {
                    let at = e.path().unwrap_or(dir).to_path_buf();
                    let why = if e.loop_ancestor().is_some() {
                        "directory symlink loop; not followed".to_string()
                    } else {
                        match e.io_error() {
                            Some(io) => format!("cannot read: {io}"),
                            None => e.to_string(),
                        }
                    };
                    self.pending
                        .push_back(Read::Problem(Problem::skipped(&at, Place::File, why)));
                }
            }
        }
        if found.is_empty() {
            self.pending.push_back(Read::Problem(Problem::skipped(
                dir,
                Place::File,
                "no .txt or .jsonl articles in this directory",
            )));
        }
        for path in found.into_iter().rev() {
            self.pending_paths.push_front(path);
        }
    }
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn is_jsonl(path: &Path) -> bool {
    has_extension(path, "jsonl")
}

fn is_article_file(path: &Path) -> bool {
    has_extension(path, "txt") || is_jsonl(path)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Bytes that do not occur in text: NUL and C0 controls other than whitespace.
fn is_binary_byte(b: u8) -> bool {
    b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
}

/// A file is binary when its head holds a NUL and a tenth of it is not text (control
/// bytes, or bytes that are not UTF-8). A stray NUL in prose does not make it binary.
fn looks_binary(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(8192)];
    let first_nul = head.iter().position(|&b| b == 0)?;
    let control = head.iter().filter(|&&b| is_binary_byte(b)).count();
    let invalid = match std::str::from_utf8(head) {
        Ok(_) => 0,
        Err(_) => String::from_utf8_lossy(head).matches('\u{FFFD}').count(),
    };
    ((control + invalid) * 10 >= head.len()).then_some(first_nul)
}

/// Read one `.txt` article and queue it (or the problem with it).
fn read_txt(path: &Path, size: u64, options: &ReadOptions, out: &mut VecDeque<Read>) {
    let skip = |out: &mut VecDeque<Read>, place, why: String| {
        out.push_back(Read::Problem(Problem::skipped(path, place, why)))
    };
    if size > options.max_article_bytes {
        let mb = |n: u64| n as f64 / (1024.0 * 1024.0);
        return skip(
            out,
            Place::File,
            format!(
                "file is {:.1} MiB, over the {:.0} MiB limit for one article (--max-article-mb)",
                mb(size),
                mb(options.max_article_bytes)
            ),
        );
    }
    let mut bytes = Vec::with_capacity(size as usize);
    let read = File::open(path).and_then(|f| {
        f.take(options.max_article_bytes + 1)
            .read_to_end(&mut bytes)
    });
    if let Err(e) = read {
        return skip(out, Place::File, format!("cannot read: {e}"));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return skip(out, Place::File, "empty file: no text to read".into());
    }
    if let Some(nul) = looks_binary(&bytes) {
        return skip(
            out,
            Place::Byte(nul),
            "binary file (NUL and control bytes), not text".into(),
        );
    }
    let (text, source_map) = decode_lossy(bytes);
    if let Some(at) = source_map.first_invalid() {
        out.push_back(Read::Problem(Problem::warning(
            path,
            Place::Byte(at),
            format!(
                "invalid UTF-8; {} invalid sequence(s) read as U+FFFD",
                source_map.invalid_count()
            ),
        )));
    }
    let mut date = options.default_date;
    let mut start = 0;
    if let Some((marker, text_start)) = date_marker(&text) {
        start = text_start;
        match marker {
            Ok(d) => date = Some(d),
            Err(why) => out.push_back(Read::Problem(Problem::warning(path, Place::Byte(0), why))),
        }
    }
    let body = Field::new(FieldKind::Body, text, source_map, start);
    out.push_back(Read::Article(Box::new(Article {
        id: file_name(path),
        date,
        title: None,
        body,
    })));
}

/// One JSON Lines record, as the spec fixes it. The fields only looked at are borrowed
/// from the line where they can be (no escapes in them).
#[derive(Deserialize)]
struct Record<'a> {
    id: Option<serde_json::Value>,
    text: Option<String>,
    #[serde(borrow)]
    date: Option<Cow<'a, str>>,
    title: Option<String>,
    #[allow(dead_code)] // read so that a record with a url is valid; not used yet
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
}

/// A record's day: the first ten bytes of its date ("2022-01-21T10:00:00Z" is a day)
/// as YYYY-MM-DD.
fn record_day(date: &str) -> Option<NaiveDate> {
    let day = date.get(..10).unwrap_or(date);
    // Nearly every date is ten digits and dashes: read them without chrono's format
    // parser, which costs more than the rest of the record. Anything else, and a day
    // no calendar has, is the parser's to judge.
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *day.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
            let year = n(&digits[..4]) as i32;
            if let Some(d) = NaiveDate::from_ymd_opt(year, n(&digits[4..6]), n(&digits[6..])) {
                return Some(d);
            }
        }
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// A `.jsonl` file being read line by line.
struct JsonlFile {
    path: PathBuf,
    reader: BufReader<File>,
    line_no: usize,
    buf: Vec<u8>,
}

impl JsonlFile {
    fn new(path: PathBuf, file: File) -> Self {
        JsonlFile {
            path,
            reader: BufReader::with_capacity(1 << 16, file),
            line_no: 0,
            buf: Vec::new(),
        }
    }

    /// Queue the next article and the problems with it; false at the end of the file.
    fn next_record(&mut self, options: &ReadOptions, out: &mut VecDeque<Read>) -> bool {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    if self.line_no == 0 {
                        out.push_back(Read::Problem(Problem::skipped(
                            &self.path,
                            Place::File,
                            "empty file: no records",
                        )));
                    }
                    return false;
                }
                Ok(_) => {}
                Err(e) => {
                    out.push_back(Read::Problem(Problem::skipped(
                        &self.path,
                        Place::Line(self.line_no + 1),
                        format!("cannot read on from here: {e}"),
                    )));
                    return false;
                }
            }
            self.line_no += 1;
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            self.parse_line(options, out);
            return true;
        }
    }

    fn parse_line(&self, options: &ReadOptions, out: &mut VecDeque<Read>) {
        let place = Place::Line(self.line_no);
        let mut problem = |severity_skip: bool, why: String| {
            out.push_back(Read::Problem(if severity_skip {
                Problem::skipped(&self.path, place.clone(), why)
            } else {
                Problem::warning(&self.path, place.clone(), why)
            }))
        };
        let text = match std::str::from_utf8(&self.buf) {
            Ok(t) => t,
            Err(e) => {
                return problem(
                    true,
                    format!(
                        "invalid UTF-8 at byte {} of the line; JSON must be UTF-8",
                        e.valid_up_to()
                    ),
                )
            }
        };
        let text = text.trim_end_matches(['\n', '\r']);
        let record: Record = match serde_json::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                // serde_json appends "at line 1 column N"; the line is ours to name.
                let mut why = e.to_string();
                if let Some(at) = why.rfind(" at line ") {
                    why.truncate(at);
                }
                return problem(
                    true,
                    format!("malformed JSON at column {}: {why}", e.column()),
                );
            }
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(_) => {
                return problem(true, "\"id\" must be a non-empty string or a number".into())
            }
            None => return problem(true, "record has no \"id\"".into()),
        };
        let Some(body) = record.text else {
            return problem(true, format!("record {id:?} has no \"text\""));
        };
        if body.trim().is_empty() && record.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return problem(true, format!("record {id:?} has an empty \"text\""));
        }
        let mut date = options.default_date;
        if let Some(d) = record.date.as_deref().filter(|d| !d.is_empty()) {
            // Accept full timestamps ("2022-01-21T10:00:00Z"): the day is what counts.
            match record_day(d) {
                Some(d) => date = Some(d),
                None => problem(
                    false,
                    format!("record {id:?}: \"date\" {d:?} is not a YYYY-MM-DD date; article kept without it"),
                ),
            }
        }
        let title = record
            .title
            .filter(|t| !t.trim().is_empty())
            .map(|t| Field::new(FieldKind::Title, t, Default::default(), 0));
        out.push_back(Read::Article(Box::new(Article {
            id,
            date,
            title,
            body: Field::new(FieldKind::Body, body, Default::default(), 0),
        })));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_day_is_the_day_chrono_reads() {
        let dates = [
            "2022-01-21",
            "2022-01-21T10:00:00Z",
            "2022-02-29",
            "2024-02-29",
            "0000-01-01",
            "9999-12-31",
            "2022-13-01",
            "2022-00-10",
            "2022-1-21",
            "2022-01-2",
            "22-01-2100",
            "+2022-01-21",
            "2022/01/21",
            "２０２２-01-21",
            "2022-01-21 ",
            " 2022-01-21",
            "20220121",
            "",
            "-",
        ];
        for d in dates {
            let chrono = NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok();
            assert_eq!(record_day(d), chrono, "{d:?}");
        }
    }
}
