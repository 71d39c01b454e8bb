//! Reading what a command is given: a brief, a feed or a JSON-LD document
//! (JSON), or a saved HTML page, read for its JSON-LD; from a file or
//! standard input (`-`), within the size limits. JSON must be UTF-8; a page
//! may be in any encoding it declares.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use brief_card::format::limits::{MAX_INPUT_BYTES, MAX_PAGE_BYTES};
use brief_card::format::Problem;
use brief_card::validate::options::Options;
use brief_card::Document;

use crate::failed::{fail, report, Failed};

/// The document in `file`: JSON (a brief, a feed, or JSON-LD), or a
/// saved HTML page, read for its JSON-LD. Problems are reported here.
pub(crate) fn load(file: &Path, options: &Options) -> Result<Document, Failed> {
    match read_document(file, options) {
        Ok(doc) => Ok(doc),
        Err(Unread::Problems(problems)) => Err(report(problems)),
        Err(Unread::File(message)) => Err(fail(message)),
    }
}

/// Why a file gave no document.
pub(crate) enum Unread {
    /// Its content is not a brief: every problem, with its path.
    Problems(Vec<Problem>),
    /// It could not be read (the message names the file).
    File(String),
}

pub(crate) fn read_document(file: &Path, options: &Options) -> Result<Document, Unread> {
    let text = read_input(file).map_err(Unread::File)?;
    if is_html(&text) {
        brief_card::load_html_page(&text, options).map_err(Unread::Problems)
    } else if text.len() > MAX_INPUT_BYTES {
        Err(Unread::File(format!("{} is larger than {MAX_INPUT_BYTES} bytes, the limit for a brief", name(file))))
    } else {
        brief_card::load(&text, options).map_err(Unread::Problems)
    }
}

/// JSON never starts with `<`; an HTML page (after a byte-order mark and
/// white space, as editors save them) always does.
fn is_html(text: &str) -> bool {
    text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace()).starts_with('<')
}

pub(crate) fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

pub(crate) fn name(file: &Path) -> String {
    if is_stdio(file) {
        "standard input".into()
    } else {
        file.display().to_string()
    }
}

/// The text of `file` (`-`: standard input), at most the limit of a
/// saved page (a brief's own, smaller limit is checked once it is known
/// not to be a page).
fn read_input(file: &Path) -> Result<String, String> {
    let name = name(file);
    let limit = MAX_PAGE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let read = if is_stdio(file) {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        return Err(format!("cannot read {name}: {e}"));
    }
    if bytes.len() > MAX_PAGE_BYTES {
        // Past both limits: which one it broke depends on what it is.
        let what = if is_html(&String::from_utf8_lossy(bytes.get(..1024).unwrap_or(&bytes))) {
            format!("{MAX_PAGE_BYTES} bytes, the limit for an HTML page")
        } else {
            format!("{MAX_INPUT_BYTES} bytes, the limit for a brief")
        };
        return Err(format!("{name} is larger than {what}"));
    }
    String::from_utf8(bytes).or_else(|e| {
        // JSON is UTF-8; a saved page may be in the encoding it declares.
        let page = brief_card::jsonld::decode_page(e.as_bytes());
        if is_html(&page) {
            Ok(page)
        } else {
            Err(format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
        }
    })
}
