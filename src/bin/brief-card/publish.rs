//! The file side of `brief-card site`: reading the folder of briefs and
//! the assets, and writing the site all at once.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use fs4::{FileExt, TryLockError};

use brief_card::format::MAX_PROBLEMS;
use brief_card::render::site::{self, File, FileProblem, Settings, Source};

use crate::failed::{fail, Failed};
use crate::input::{read_document, Unread};
use crate::output::{modified_rfc3339, write_output};

/// The file that marks a folder as a site this command wrote, so
/// that it may be replaced (and is never read as input).
pub const MARKER: &str = ".brief-card-site";

/// What `MARKER` says to whoever opens it, before the list of the files
/// the site wrote, one path a line: every other file in the folder is the
/// host's, and the next run carries it over.
const MARKER_TEXT: &str = "This folder was written by `brief-card site`; the next run replaces the files below and keeps any others.\n\n";

pub fn site(dir: &Path, out: &Path, assets: &Path, settings: &Settings) -> Result<(), Failed> {
    let folder = out_folder(out).map_err(fail)?;
    check_folders(dir, &folder).map_err(fail)?;
    let inputs = input_files(dir).map_err(fail)?;
    if inputs.is_empty() {
        return Err(fail(format!("{} holds no .json or .html files", dir.display())));
    }
    // Every problem of every file, then the names the briefs would share.
    let mut problems: Vec<String> = Vec::new();
    let mut sources = Vec::with_capacity(inputs.len());
    for file in &inputs {
        let shown = file.display().to_string();
        match read_document(file, &settings.options) {
            Ok(doc) => sources.push(Source { file: shown, doc, modified: modified_rfc3339(file) }),
            Err(Unread::File(message)) => problems.push(message),
            Err(Unread::Problems(ps)) => {
                problems.extend(ps.into_iter().map(|problem| FileProblem { file: shown.clone(), problem }.to_string()))
            }
        }
    }
    let assets = read_assets(assets).map_err(fail)?;
    let files = match site::build(&sources, assets, settings) {
        Ok(files) if problems.is_empty() => files,
        Ok(_) => Vec::new(),
        Err(names) => {
            problems.extend(names.iter().map(FileProblem::to_string));
            Vec::new()
        }
    };
    if !problems.is_empty() {
        // Listed as a brief's are: the first ones, then how many more.
        let count = problems.len();
        if count > MAX_PROBLEMS {
            problems.truncate(MAX_PROBLEMS);
            problems.push(format!("… and {} more problems", count - MAX_PROBLEMS));
        }
        return Err(fail(format!("{count} problem(s); nothing was written:\n{}", problems.join("\n"))));
    }
    let left = write_site(&folder, out, &files).map_err(|e| fail(format!("cannot write {}: {e}", out.display())))?;
    if let Some(earlier) = left {
        // The new site is in place; only the tidying failed, which is no reason to fail the build.
        eprintln!("brief-card: the new site is in {}; {earlier}", out.display());
    }
    let briefs: usize = sources.iter().map(|s| s.doc.briefs().len()).sum();
    write_output(None, &[&format!("{}: {briefs} briefs, {} files\n", out.display(), files.len() + 1)])
}

/// The folder `--out` names. Through a symlink (a deploy's `current` that
/// points to `releases/7`) it is the folder the link points to, replaced as
/// any other while the link stays as it is, as `--out FILE` writes through
/// a link to a file.
fn out_folder(out: &Path) -> Result<PathBuf, String> {
    // Its components, without a final `/`, through which the link itself would look like its folder.
    let out: PathBuf = out.components().collect();
    if !fs::symlink_metadata(&out).is_ok_and(|m| m.file_type().is_symlink()) {
        return Ok(out);
    }
    fs::canonicalize(&out).map_err(|e| {
        let target = fs::read_link(&out).map(|t| t.display().to_string()).unwrap_or_default();
        format!("{} is a symlink to {target}, which cannot be read ({e}): make that folder, or point the link to one", out.display())
    })
}

/// Refuses an `--out` that holds anything but an earlier site, and
/// one that holds the input (replacing it would delete the briefs).
fn check_folders(dir: &Path, out: &Path) -> Result<(), String> {
    if dir.join(MARKER).exists() {
        return Err(format!("{} is a site written by brief-card site, not a folder of briefs", dir.display()));
    }
    check_out(out)?;
    if let (Ok(d), Ok(o)) = (dir.canonicalize(), out.canonicalize()) {
        if d.starts_with(&o) {
            return Err(format!("{} is inside {}, which the site would replace", dir.display(), out.display()));
        }
    }
    Ok(())
}

/// Refuses an `--out` that holds anything but an earlier site.
fn check_out(out: &Path) -> Result<(), String> {
    match fs::symlink_metadata(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("cannot read {}: {e}", out.display())),
        Ok(m) if !m.is_dir() => {
            let what = if m.is_file() { "a file" } else { "not a folder" };
            return Err(format!("{} is {what}; --out must be a new or empty folder, or an earlier site", out.display()));
        }
        Ok(_) => {}
    }
    let empty = fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?.next().is_none();
    if !empty && !out.join(MARKER).is_file() {
        return Err(format!(
            "{} holds files that are not a site written by brief-card site (it has no {MARKER}); refusing to replace them: choose a new or empty folder",
            out.display()
        ));
    }
    Ok(())
}

/// The `.json` (and JSON-LD's `.jsonld`) and `.html` files under `dir`, sorted, leaving out
/// hidden files and folders and sites written earlier (their pages
/// and oEmbed JSON are outputs, not briefs); a folder or file reached again
/// through a symlink is read once. A symlink may lead anywhere inside `dir`,
/// but not out of it (a site publishes only what its folder holds: a link
/// to `/` would read the machine's files): a file so linked is an error
/// naming it, a folder is not read (and said so). Only plain files are read
/// (a FIFO so named would wait for a writer for ever): another is an error.
fn input_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let cannot = |path: &Path, e: io::Error| format!("cannot read {}: {e}", path.display());
    let root = fs::canonicalize(dir).map_err(|e| cannot(dir, e))?;
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    // Each folder once, however symlinks reach it again (a link to a parent would loop).
    let mut seen = std::collections::HashSet::new();
    while let Some(folder) = folders.pop() {
        if folder.join(MARKER).exists() || !seen.insert(fs::canonicalize(&folder).map_err(|e| cannot(&folder, e))?) {
            continue;
        }
        for entry in fs::read_dir(&folder).map_err(|e| cannot(&folder, e))? {
            let path = entry.map_err(|e| cannot(&folder, e))?.path();
            if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                continue;
            }
            let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
            let is_input = matches!(ext.as_deref(), Some("json" | "jsonld" | "html" | "htm"));
            let Ok(meta) = fs::metadata(&path) else {
                // A link to nothing (or one that loops) is a problem only where a brief was meant.
                if is_input {
                    return Err(format!("{} is a symlink that leads to no file", path.display()));
                }
                continue;
            };
            if !meta.is_dir() && !is_input {
                continue;
            }
            let real = fs::canonicalize(&path).map_err(|e| cannot(&path, e))?;
            let outside = !real.starts_with(&root);
            if meta.is_dir() {
                if outside {
                    // (A host's folder of images linked in, say: no briefs of this site.)
                    eprintln!("brief-card: warning: {} leads out of {} (to {}); not read", path.display(), dir.display(), real.display());
                } else {
                    folders.push(path);
                }
            } else if outside {
                return Err(format!(
                    "{} is a symlink to {}, outside {}: a site publishes only what its folder holds (copy the file in)",
                    path.display(),
                    real.display(),
                    dir.display()
                ));
            } else if !meta.is_file() {
                return Err(format!("{} is no plain file (a FIFO, a socket or a device), so it cannot be a brief", path.display()));
            } else {
                let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                found.push((is_link, path, real));
            }
        }
    }
    // A file reached by several names is read once, by its own name if one
    // of them is (not by a link to it), else by the first in order.
    found.sort();
    let mut read = std::collections::HashSet::new();
    let mut files: Vec<PathBuf> = found.into_iter().filter(|(_, _, real)| read.insert(real.clone())).map(|(_, path, _)| path).collect();
    files.sort();
    Ok(files)
}

/// The element and the wasm from a build: `brief-card.js`, and in
/// `pkg/` the glue, the binary and the glue's snippets.
fn read_assets(dir: &Path) -> Result<Vec<File>, String> {
    let pkg = dir.join("pkg");
    let needed = [dir.join("brief-card.js"), pkg.join("brief_card.js"), pkg.join("brief_card_bg.wasm")];
    if let Some(missing) = needed.iter().find(|p| !p.is_file()) {
        return Err(format!(
            "{} is missing: the site needs the built element and wasm. Build them with `bash scripts/build.sh` (it leaves them in www/), or give their folder with --assets DIR",
            missing.display()
        ));
    }
    let mut files = Vec::new();
    let read = |path: &Path, name: String, files: &mut Vec<File>| {
        fs::read(path).map(|bytes| files.push(File { path: name, bytes })).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    read(&dir.join("brief-card.js"), "brief-card.js".into(), &mut files)?;
    read(&pkg.join("brief_card.js"), "pkg/brief_card.js".into(), &mut files)?;
    read(&pkg.join("brief_card_bg.wasm"), "pkg/brief_card_bg.wasm".into(), &mut files)?;
    // The glue imports its JS snippets from pkg/snippets/… (only what is in
    // that folder: a symlink out of it would publish whatever it leads to).
    let snippets = pkg.join("snippets");
    let root = fs::canonicalize(&snippets).ok();
    let mut folders = vec![snippets];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else { continue };
        for entry in entries {
            let path = entry.map_err(|e| format!("cannot read {}: {e}", folder.display()))?.path();
            let real = fs::canonicalize(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if !root.as_ref().is_some_and(|root| real.starts_with(root)) {
                return Err(format!("{} is a symlink to {}, outside the assets' pkg/snippets/", path.display(), real.display()));
            }
            if path.is_dir() {
                folders.push(path);
            } else if !path.is_file() {
                return Err(format!("{} is no plain file (a FIFO, a socket or a device)", path.display()));
            } else {
                let relative = path.strip_prefix(dir).map_err(|e| e.to_string())?;
                let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                read(&path, name, &mut files)?;
            }
        }
    }
    Ok(files)
}

/// Writes `files` (and the marker) into a new temporary folder beside
/// `out`, then puts it in `out`'s place: one rename when `out` is new;
/// else the earlier site is renamed aside first, so there is a moment
/// with no `out` at all, but never a mix of old and new files (std
/// has no portable atomic exchange of two folders). The temporary
/// folder is removed if anything fails. Once the new site is in place,
/// an earlier one that cannot be removed is left aside, and said so (the
/// `Some`). `shown` is `out` as the user named it, for messages.
///
/// All of it holding the lock of `out`'s builds (see [`lock`]), first
/// removing what interrupted builds left.
fn write_site(out: &Path, shown: &Path, files: &[File]) -> io::Result<Option<String>> {
    let name = out
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "--out must name the site's folder (not . or ..)"))?
        .to_string_lossy()
        .into_owned();
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let lock = lock(parent, &name, shown)?;
    if lock.is_some() {
        let kept = put_back_earlier_site(out, parent, &name);
        remove_leftovers(parent, &name, kept.as_deref());
    }
    // Again, holding the lock: what `out` holds may have changed while this build waited.
    check_out(out).map_err(io::Error::other)?;
    let tmp = (0..100u32)
        .map(|attempt| parent.join(format!(".{name}.{}-{attempt}.tmp", std::process::id())))
        .find_map(|tmp| match fs::create_dir(&tmp) {
            Ok(()) => Some(Ok(tmp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => None,
            Err(e) => Some(Err(e)),
        })
        .unwrap_or_else(|| Err(io::Error::new(io::ErrorKind::AlreadyExists, "could not create a temporary folder")))?;
    let result = fill(&tmp, files).and_then(|()| keep_host_files(out, &tmp, files)).and_then(|()| swap(&tmp, out, parent, &name));
    if result.is_err() {
        let _ = remove(&tmp);
    }
    result
}

/// Takes the lock of the builds of the site `name` in `parent`: the file
/// `.NAME.lock` beside it (left there: removing a lock file others may be
/// waiting on would let two builds hold it at once), waiting while another
/// build holds it. The lock dies with its process, however that ends, so
/// while a build holds it no other build of the folder is running, and the
/// temporary folders of earlier ones are what interrupted builds left.
/// `None` where the file system has no locks (some network ones): the build
/// goes on, unable to tell a leftover from a running build's folder.
fn lock(parent: &Path, name: &str, shown: &Path) -> io::Result<Option<fs::File>> {
    let path = parent.join(format!(".{name}.lock"));
    let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    // Only a plain file is a lock: a folder, a FIFO (whose opening would
    // wait for a writer for ever) or a symlink (which would make a file
    // wherever it points) so named is refused, by its own name.
    match fs::symlink_metadata(&path) {
        Ok(found) if !found.is_file() => {
            let what = if found.is_dir() {
                "a folder"
            } else if found.is_symlink() {
                "a symlink"
            } else {
                "no plain file"
            };
            return Err(io::Error::other(format!("{} is {what}, where a build keeps its lock; remove it", path.display())));
        }
        _ => {}
    }
    // Locking needs only reading: a lock file another user made serves as well.
    let file = match fs::File::open(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            OpenOptions::new().write(true).create_new(true).open(&path).or_else(|_| fs::File::open(&path))
        }
        opened => opened,
    }
    .map_err(named)?;
    // Called through the trait: Rust 1.89's std has methods of these names.
    match FileExt::try_lock(&file) {
        Ok(()) => Ok(Some(file)),
        Err(TryLockError::WouldBlock) => {
            eprintln!("brief-card: waiting for another build of {} to finish", shown.display());
            FileExt::lock(&file).map(|()| Some(file))
        }
        Err(TryLockError::Error(_)) => Ok(None),
    }
}

/// An earlier site that a build killed between its two renames (see
/// [`swap`]) left aside, with no site in `out` (missing, or an empty folder
/// a deploy script made): put back in its place before anything else, so
/// that its host files are carried over and [`remove_leftovers`] does not
/// take the only copy of them. Such a kill leaves the pair
/// `.NAME.PID.old` and `.NAME.PID-N.tmp` (the new site, not yet renamed);
/// an `.old` alone is the earlier site of a build that succeeded but could
/// not remove it, whose host files are in `out` already. Returns the folder
/// that could not be put back, which must then not be removed.
fn put_back_earlier_site(out: &Path, parent: &Path, name: &str) -> Option<PathBuf> {
    let empty = fs::read_dir(out).map(|mut entries| entries.next().is_none());
    if !matches!(empty, Ok(true)) && fs::symlink_metadata(out).is_ok() {
        return None;
    }
    let names: Vec<String> = fs::read_dir(parent).ok()?.flatten().filter_map(|e| e.file_name().to_str().map(str::to_owned)).collect();
    let killed = |old: &&String| {
        let pid = old.strip_suffix(".old").and_then(|o| o.rsplit('.').next()).unwrap_or_default();
        let tmp = format!(".{name}.{pid}-");
        names.iter().any(|n| n.starts_with(&tmp) && is_leftover(n, name))
    };
    let aside = names
        .iter()
        .filter(|f| is_leftover(f, name) && f.ends_with(".old"))
        .filter(killed)
        .map(|f| parent.join(f))
        .filter(|path| path.join(MARKER).is_file())
        .max_by_key(|path| fs::metadata(path).and_then(|m| m.modified()).ok())?;
    match fs::remove_dir(out)
        .or_else(|e| if e.kind() == io::ErrorKind::NotFound { Ok(()) } else { Err(e) })
        .and_then(|()| fs::rename(&aside, out))
    {
        Ok(()) => {
            eprintln!("brief-card: put back the earlier site that an interrupted build had left at {}", aside.display());
            None
        }
        Err(e) => {
            eprintln!("brief-card: warning: cannot put back the earlier site left at {} ({e}); it is kept there", aside.display());
            Some(aside)
        }
    }
}

/// Removes what interrupted builds of the site `name` left beside it
/// (called holding the lock, so none of it is a running build's): their
/// temporary folders, and earlier sites they had put aside (or could not
/// remove). Only folders named as [`write_site`] and [`swap`] name them;
/// a symlink so named is left, as is anything else.
fn remove_leftovers(parent: &Path, name: &str, kept: Option<&Path>) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let Some(file) = entry.file_name().to_str().map(str::to_owned) else { continue };
        // An earlier site put aside is one (a folder a user so named is left).
        let a_site = !file.ends_with(".old") || entry.path().join(MARKER).is_file();
        let is_kept = kept.is_some_and(|k| k == entry.path());
        if is_leftover(&file, name) && a_site && !is_kept && entry.file_type().is_ok_and(|t| t.is_dir()) {
            if let Err(e) = remove(&entry.path()) {
                eprintln!("brief-card: warning: cannot remove {}, left by an earlier build ({e})", entry.path().display());
            }
        }
    }
}

/// Whether `file` is named as a build of the site `name` names its
/// temporary folder (`.NAME.PID-N.tmp`) or the earlier site it puts aside
/// (`.NAME.PID.old`). No other site's are: a name with more dots
/// (`.NAME.v2.PID.old`) is not matched.
fn is_leftover(file: &str, name: &str) -> bool {
    let Some(rest) = file.strip_prefix('.').and_then(|f| f.strip_prefix(name)).and_then(|f| f.strip_prefix('.')) else {
        return false;
    };
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match (rest.strip_suffix(".tmp"), rest.strip_suffix(".old")) {
        (Some(tmp), _) => tmp.split_once('-').is_some_and(|(pid, attempt)| number(pid) && number(attempt)),
        (_, Some(pid)) => number(pid),
        _ => false,
    }
}

fn fill(tmp: &Path, files: &[File]) -> io::Result<()> {
    for f in files {
        let path = tmp.join(&f.path);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(&path, &f.bytes)?;
    }
    let list: String = files.iter().map(|f| format!("{}\n", f.path)).collect();
    fs::write(tmp.join(MARKER), [MARKER_TEXT, &list].concat())
}

/// Carries the host's files over from the earlier site in `out` into the
/// new one (`tmp`), so that replacing the site whole loses none of them: a
/// favicon, `.well-known/`, a host's configuration. The host's files are
/// those the earlier site's marker does not list. One that the new site
/// would write too (or where it writes a file) is an error, before anything
/// is replaced. A marker that lists no file (emptied by hand, or written
/// before markers listed them) cannot tell the host's files from the
/// earlier site's: then those the new site writes are taken for the
/// site's, and every other is carried over, so that nothing of the host's
/// is lost. The host's own folders keep their permissions (a read-only
/// `.well-known/`).
fn keep_host_files(out: &Path, tmp: &Path, files: &[File]) -> io::Result<()> {
    let marker = match fs::read(out.join(MARKER)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", out.join(MARKER).display()))),
    };
    // Lines that are no UTF-8 name no file the site wrote.
    let marker = String::from_utf8_lossy(&marker);
    let written: std::collections::HashSet<&str> = marker.lines().skip_while(|l| !l.is_empty()).skip(1).collect();
    let mut hosts = Vec::new();
    files_under(out, Path::new(""), &mut hosts)?;
    hosts.retain(|path| path.as_os_str() != MARKER && !written.contains(slashed(path).as_str()));
    if written.is_empty() {
        let the_sites: std::collections::HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
        hosts.retain(|path| !the_sites.contains(slashed(path).as_str()));
    }
    for path in &hosts {
        let (earlier, new) = (out.join(path), tmp.join(path));
        // The path itself, or a folder on the way that is a file of the site's.
        let taken = path
            .ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .map(|a| tmp.join(a))
            .find(|at| fs::symlink_metadata(at).is_ok_and(|m| *at == new || !m.is_dir()));
        if let Some(taken) = taken {
            let what = if taken == new { String::new() } else { format!(" (the site writes {})", taken.display()) };
            let message =
                format!("{} is not a file an earlier site wrote, and this site writes it{what}: move it away first", earlier.display());
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, message));
        }
        if let Some(folder) = new.parent() {
            fs::create_dir_all(folder)?;
        }
        carry(&earlier, &new)?;
    }
    // Set last, deepest first, so that the copying above could write into
    // them; a folder the site writes into too is the site's.
    let mut folders: Vec<&Path> = hosts.iter().flat_map(|path| path.ancestors().skip(1)).filter(|f| !f.as_os_str().is_empty()).collect();
    folders.sort_by_key(|f| (std::cmp::Reverse(f.components().count()), f.to_path_buf()));
    folders.dedup();
    let the_sites = |folder: &Path| {
        let prefix = format!("{}/", slashed(folder));
        files.iter().any(|f| f.path.starts_with(&prefix))
    };
    for folder in folders.into_iter().filter(|f| !the_sites(f)) {
        fs::set_permissions(tmp.join(folder), fs::metadata(out.join(folder))?.permissions())?;
    }
    Ok(())
}

/// Copies a file, or makes the same symlink again (a host's link may point
/// to a folder, or outside the site). Nothing else is a site's: a FIFO
/// (whose copying would wait for a writer for ever), a socket or a device
/// is an error naming it, before anything is replaced.
fn carry(earlier: &Path, new: &Path) -> io::Result<()> {
    let kind = fs::symlink_metadata(earlier)?.file_type();
    #[cfg(unix)]
    if kind.is_symlink() {
        return std::os::unix::fs::symlink(fs::read_link(earlier)?, new);
    }
    if !kind.is_file() {
        let message = format!(
            "{} is no plain file (a FIFO, a socket or a device), which a site cannot carry over: move it away first",
            earlier.display()
        );
        return Err(io::Error::new(io::ErrorKind::InvalidInput, message));
    }
    fs::copy(earlier, new).map(drop)
}

/// The files (and symlinks) under `dir`/`at`, as paths relative to `dir`.
fn files_under(dir: &Path, at: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir.join(at))? {
        let entry = entry?;
        let path = at.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            files_under(dir, &path, found)?;
        } else {
            found.push(path);
        }
    }
    Ok(())
}

/// A relative path as the marker lists it: its parts joined by `/`.
fn slashed(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Puts `tmp` in `out`'s place (see [`write_site`]).
fn swap(tmp: &Path, out: &Path, parent: &Path, name: &str) -> io::Result<Option<String>> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(tmp, out).map(|()| None);
    }
    // The site's folder is the host's: it keeps its mode (a private 0700,
    // a setgid group folder) and, where this build may set them, its owner
    // and group, as the folders inside it do.
    let earlier = fs::metadata(out)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::chown(tmp, Some(earlier.uid()), Some(earlier.gid()));
    }
    fs::set_permissions(tmp, earlier.permissions())?;
    let old = parent.join(format!(".{name}.{}.old", std::process::id()));
    fs::rename(out, &old)?;
    if let Err(e) = fs::rename(tmp, out) {
        // Put the earlier site back.
        let _ = fs::rename(&old, out);
        return Err(e);
    }
    Ok(remove(&old).err().map(|e| format!("the earlier one is left at {} ({e}): remove it by hand", old.display())))
}

/// Removes a folder this command renamed aside or made, read-only folders
/// of the host's in it too (their copies are in the new site).
fn remove(dir: &Path) -> io::Result<()> {
    if fs::remove_dir_all(dir).is_ok() {
        return Ok(());
    }
    let _ = writable(dir);
    fs::remove_dir_all(dir)
}

/// Makes `dir` and the folders under it writable by their owner.
fn writable(dir: &Path) -> io::Result<()> {
    let mut permissions = fs::metadata(dir)?.permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        permissions.set_mode(permissions.mode() | 0o700);
    }
    #[cfg(not(unix))]
    permissions.set_readonly(false);
    fs::set_permissions(dir, permissions)?;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            writable(&entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_are_named_as_a_build_of_the_same_site_names_them() {
        for ours in [".public.123-0.tmp", ".public.9-99.tmp", ".public.123.old", ".site.v2.4-0.tmp"] {
            let name = if ours.starts_with(".site") { "site.v2" } else { "public" };
            assert!(is_leftover(ours, name), "{ours}");
        }
        for theirs in
            [".public.tmp", ".public.old", ".public.-0.tmp", ".public.1-.tmp", ".public.1-0.tmp.bak", ".public.a-0.tmp", ".public.lock"]
        {
            assert!(!is_leftover(theirs, "public"), "{theirs}");
        }
        // Another site's, whose name starts as this one's.
        assert!(!is_leftover(".public.v2.4-0.tmp", "public") && !is_leftover(".public.v2.4.old", "public"));
        assert!(!is_leftover(".publicity.4-0.tmp", "public") && !is_leftover("public.4-0.tmp", "public"));
    }
}
