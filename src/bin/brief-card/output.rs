//! Writing what a command made: to standard output, or to a file
//! atomically (a temporary file beside it, then renamed), except where the
//! path names no regular file (a device, a FIFO), which is written in place.

use std::fmt::Write as _;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::failed::{fail, Failed};
use crate::input::is_stdio;

/// Writes `parts` to standard output, or atomically to `out`.
pub(crate) fn write_output(out: Option<&Path>, parts: &[&str]) -> Result<(), Failed> {
    match out.filter(|p| !is_stdio(p)) {
        None => {
            let mut stdout = io::stdout().lock();
            let written = parts.iter().try_for_each(|p| stdout.write_all(p.as_bytes())).and_then(|()| stdout.flush());
            match written {
                // The reader went away (`| head`): nothing left to say.
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(fail(format!("cannot write to standard output: {e}"))),
                _ => Ok(()),
            }
        }
        Some(path) => write_file(path, &parts.concat()).map_err(|e| fail(format!("cannot write {}: {e}", path.display()))),
    }
}

/// Writes `data` to `path`: atomically where that is (or will be) a regular
/// file, through to the file a symlink names (the link stays a link); in
/// place into anything else (`/dev/stdout`, a FIFO), which is never
/// replaced, and into a file the user may write in a folder they may not
/// (where no temporary file can go beside it).
fn write_file(path: &Path, data: &str) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(found) if !found.is_file() => write_in_place(path, data),
        Ok(_) => {
            let file = fs::canonicalize(path)?;
            match write_atomically(&file, data) {
                Err(e) if e.kind() == io::ErrorKind::PermissionDenied => write_in_place(&file, data),
                written => written,
            }
        }
        Err(_) => write_atomically(path, data),
    }
}

fn write_in_place(path: &Path, data: &str) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).truncate(true).open(path)?;
    file.write_all(data.as_bytes())?;
    file.flush()
}

/// Writes a temporary file next to `path`, then renames it over `path`,
/// so readers see the old file or the whole new one, never a part.
fn write_atomically(path: &Path, data: &str) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let keep_mode = fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| m.permissions());
    for attempt in 0..100u32 {
        let tmp = dir.join(format!(".{}.{}-{attempt}.tmp", name.to_string_lossy(), std::process::id()));
        let mut file = match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let result = (|| {
            file.write_all(data.as_bytes())?;
            if let Some(mode) = &keep_mode {
                file.set_permissions(mode.clone())?;
            }
            file.sync_all()?;
            drop(file);
            fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        return result;
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "could not create a temporary file"))
}

/// The time now as RFC 3339 (UTC, whole seconds), or `SOURCE_DATE_EPOCH`
/// when set (the reproducible-builds convention): the `updated` of
/// briefs that have no date, when their file's own time is unknown.
pub(crate) fn now_rfc3339() -> String {
    rfc3339(source_date_epoch().unwrap_or_else(SystemTime::now)).unwrap_or_default()
}

/// When the file at `path` last changed, as RFC 3339, and no later than
/// `SOURCE_DATE_EPOCH` when that is set (as reproducible builds clamp
/// files' times: a fresh checkout's files all have the time of the
/// checkout).
pub(crate) fn modified_rfc3339(path: &Path) -> Option<String> {
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok()?;
    rfc3339(source_date_epoch().map_or(modified, |epoch| modified.min(epoch)))
}

/// Refuses a `SOURCE_DATE_EPOCH` that is set but is no time a build can be
/// dated by, as the convention asks: ignored, it left the build quietly
/// dated by the clock, and so not reproducible. (Set to nothing, it is unset.)
pub(crate) fn check_source_date_epoch() -> Result<(), String> {
    match std::env::var_os("SOURCE_DATE_EPOCH") {
        // (Not UTF-8 is not whole seconds either.)
        Some(value) if !value.to_string_lossy().trim().is_empty() && source_date_epoch().is_none() => Err(format!(
            "SOURCE_DATE_EPOCH is {value:?}: it must be whole seconds since 1970-01-01T00:00:00Z (digits only, before the year 10000)"
        )),
        _ => Ok(()),
    }
}

/// `SOURCE_DATE_EPOCH`, when it is set to a time that can be written: its
/// digits (as `date +%s` writes them; not `+5`).
fn source_date_epoch() -> Option<SystemTime> {
    let value = std::env::var("SOURCE_DATE_EPOCH").ok()?;
    let digits = value.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs = digits.parse::<u64>().ok()?;
    UNIX_EPOCH.checked_add(Duration::from_secs(secs)).filter(|&time| rfc3339(time).is_some())
}

/// `time` in UTC, to the second; `None` outside the years 1970 to 9999,
/// which humantime cannot write (it panics before 1970).
fn rfc3339(time: SystemTime) -> Option<String> {
    time.duration_since(UNIX_EPOCH).ok()?;
    let mut text = String::new();
    write!(text, "{}", humantime::format_rfc3339_seconds(time)).ok()?;
    Some(text)
}
