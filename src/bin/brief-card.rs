//! `brief-card`, the command-line renderer:
//!
//! ```sh
//! brief-card render brief.json > card.html        # an HTML fragment; `-` reads standard input
//! brief-card render --email brief.json            # the email-safe variant
//! brief-card page brief.json > brief.html         # a whole standalone page
//! brief-card check brief.json                     # validate: problems on stderr, exit status 1 if any
//! brief-card render article.html                   # the card from a saved page's schema.org JSON-LD
//! brief-card site briefs/ --out public/ --base-url https://briefs.example.net/   # a whole site
//! brief-card oembed brief.json --url https://briefs.example.net/NAME/            # one brief's oEmbed JSON
//! ```
//!
//! Every command reads a brief or a feed, a schema.org JSON-LD document
//! (told apart by its `@context`), or a saved HTML page (text that starts
//! with `<`), whose `<script type="application/ld+json">` elements are read
//! as one graph.
//!
//! Exit status: 0 done, 1 bad input (every problem on standard error, one
//! `path: message` per line) or a file that cannot be read or written,
//! 2 bad usage. `--out FILE` is written atomically (a temporary file in the
//! same directory, then renamed), and not at all when the input is bad.
//! `site` does the same with a folder: the whole site is written into a
//! temporary folder beside `--out`, then renamed into place.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fs::{self, File, OpenOptions};
    use std::io::{self, Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use brief_card::format::limits::{MAX_INPUT_BYTES, MAX_PAGE_BYTES};
    use brief_card::format::{self, Checked, Problem};
    use brief_card::validate::labels::Labels;
    use brief_card::validate::options::{Layout, LinkTarget, Options, Theme};
    use brief_card::validate::url_policy::{self, UrlUse};
    use brief_card::render::site::{self, Embed};
    use brief_card::render::{self, page};
    use brief_card::Document;
    use serde::Deserialize;
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    use clap::{Args, Parser, Subcommand};

    #[derive(Parser)]
    #[command(
        name = "brief-card",
        version,
        about = "Render policy and news briefs (JSON, schema.org JSON-LD, or a saved page's JSON-LD) as static HTML: a fragment, an email-safe card or a standalone page.",
        after_help = "Exit status: 0 done, 1 bad input or unreadable/unwritable file, 2 bad usage."
    )]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Render a brief (or a feed) as an HTML fragment with inline styles
        Render {
            /// The email-safe variant: layout tables, plain colours, absolute URLs only
            #[arg(long)]
            email: bool,
            /// Server rendering: the live card as <brief-card> in declarative shadow DOM
            /// (<template shadowrootmode="open">), which the element upgrades with no flash
            #[arg(long, conflicts_with_all = ["email", "labels", "base_url"])]
            declarative_shadow_dom: bool,
            #[command(flatten)]
            render: RenderArgs,
            #[command(flatten)]
            output: Output,
        },
        /// Render a whole standalone HTML page (metadata, JSON-LD, the card with its static fallback)
        Page {
            /// URL of the script defining <brief-card>, relative to the page
            #[arg(long, value_name = "URL", default_value = page::DEFAULT_SCRIPT, value_parser = script_url)]
            script: String,
            #[command(flatten)]
            render: RenderArgs,
            #[command(flatten)]
            output: Output,
        },
        /// Make a folder of briefs into a site for any static host: a page, an embed page and
        /// oEmbed JSON per brief, an index, Atom and JSON feeds, a sitemap, and the element and wasm
        #[command(after_help = SITE_HELP)]
        Site {
            /// The folder of briefs (.json: a brief, a feed or JSON-LD) and saved pages (.html), subfolders included
            #[arg(value_name = "DIR")]
            dir: PathBuf,
            /// The folder to write: new, empty, or a site this command made earlier (replaced whole)
            #[arg(long, short, value_name = "OUT")]
            out: PathBuf,
            /// The absolute http(s) URL the site will be served from; every URL in it starts so
            #[arg(long, value_name = "URL", value_parser = base_url)]
            base_url: String,
            /// Who publishes the site: oEmbed's provider_name, the title of the index and feeds [default: the base URL's host]
            #[arg(long, value_name = "NAME", value_parser = provider_name)]
            provider_name: Option<String>,
            /// The built element and wasm: a folder holding brief-card.js and pkg/ (as `bash scripts/build.sh` leaves www/)
            #[arg(long, value_name = "DIR", default_value = "www")]
            assets: PathBuf,
            /// Colour theme of the cards
            #[arg(long, value_name = "THEME", default_value = "light", value_parser = choice(&Theme::ALL, Theme::as_str))]
            theme: Theme,
        },
        /// Print the oEmbed 1.0 JSON ("rich": an iframe of the embed page) for one brief published by `site`
        Oembed {
            /// The brief's page, as `site` publishes it: BASE/NAME/ (its embed page is BASE/NAME/embed.html)
            #[arg(long, value_name = "URL", value_parser = base_url)]
            url: String,
            /// The widest the embed may be, in CSS pixels
            #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
            maxwidth: Option<u32>,
            /// The tallest the embed may be, in CSS pixels
            #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
            maxheight: Option<u32>,
            /// oEmbed's provider_name [default: the URL's host]
            #[arg(long, value_name = "NAME", value_parser = provider_name)]
            provider_name: Option<String>,
            /// The brief (JSON), JSON-LD, or a saved HTML page; `-` reads standard input
            #[arg(value_name = "FILE")]
            file: PathBuf,
        },
        /// Validate a brief: every problem on standard error, exit status 1 if any
        Check {
            /// Also require what email needs (absolute URLs, unless --base-url is given)
            #[arg(long)]
            email: bool,
            /// Resolve relative URLs against this absolute http(s) URL
            #[arg(long, value_name = "URL", value_parser = base_url)]
            base_url: Option<String>,
            /// The brief or feed (JSON), JSON-LD, or a saved HTML page; `-` reads standard input
            #[arg(value_name = "FILE")]
            file: PathBuf,
        },
    }

    #[derive(Args)]
    struct RenderArgs {
        /// Colour theme
        #[arg(long, value_name = "THEME", default_value = "light", value_parser = choice(&Theme::ALL, Theme::as_str))]
        theme: Theme,
        /// Full card, or title, date, summary and a link
        #[arg(long, value_name = "LAYOUT", default_value = "full", value_parser = choice(&Layout::ALL, Layout::as_str))]
        layout: Layout,
        /// Locale for dates (default: the brief's lang)
        #[arg(long, value_name = "TAG", value_parser = locale)]
        locale: Option<String>,
        /// Where links open; _blank links get rel="noopener noreferrer"
        #[arg(long, value_name = "TARGET", default_value = "_self", value_parser = choice(&LinkTarget::ALL, LinkTarget::as_str))]
        link_target: LinkTarget,
        /// Make relative URLs absolute against this absolute http(s) URL
        #[arg(long, value_name = "URL", value_parser = base_url)]
        base_url: Option<String>,
        /// The level of the card's title, 1 to 4 (block headings one below); default 2 (a page of one brief uses 1: its title is the page's h1)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
        heading_level: Option<u8>,
        /// Words to use instead of the built-in ones, as the `labels` option:
        /// a JSON object, e.g. '{"summary":"What happened","readMore":"More"}'
        #[arg(long, value_name = "JSON", value_parser = labels)]
        labels: Option<Labels>,
        /// The brief or feed (JSON), JSON-LD, or a saved HTML page; `-` reads standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
    }

    #[derive(Args)]
    struct Output {
        /// Write to FILE (atomically) instead of standard output
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    }

    /// One of the values of an option (`Theme::ALL`, …), by its name.
    fn choice<T: Copy + Send + Sync + 'static>(all: &'static [T], name: fn(T) -> &'static str) -> impl TypedValueParser<Value = T> {
        PossibleValuesParser::new(all.iter().map(|&v| name(v))).map(move |given| all.iter().copied().find(|&v| name(v) == given).unwrap_or(all[0]))
    }

    /// `--base-url`: an absolute http(s) URL that the URL policy accepts.
    fn base_url(raw: &str) -> Result<String, String> {
        let parsed = url::Url::parse(raw.trim()).map_err(|e| format!("not an absolute URL ({e})"))?;
        if !matches!(parsed.scheme(), "http" | "https") || !parsed.has_host() {
            return Err("must be an absolute http(s) URL".into());
        }
        match url_policy::check(parsed.as_str(), UrlUse::Resource) {
            Ok(u) if !url_policy::is_relative(&u) => Ok(u),
            Ok(_) => Err("must be an absolute http(s) URL".into()),
            Err(p) => Err(p.message()),
        }
    }

    const SITE_HELP: &str = "Each brief gets a folder NAME/ (index.html, embed.html, oembed.json), NAME being its id, else its \
file's name (NAME-2, NAME-3… for the briefs of a feed file that have no id). Relative URLs in briefs are read against --base-url. \
Bad input anywhere (or two briefs with one name) prints every problem and writes nothing.";

    /// `--provider-name`: any text that is not blank.
    fn provider_name(raw: &str) -> Result<String, String> {
        Some(raw.trim().to_owned()).filter(|n| !n.is_empty()).ok_or_else(|| "must not be blank".into())
    }

    /// The host of an absolute URL (already checked by [`base_url`]).
    fn host(url: &str) -> String {
        url::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_default()
    }

    /// `--script`: an http(s) URL or a relative reference.
    fn script_url(raw: &str) -> Result<String, String> {
        url_policy::check(raw, UrlUse::Resource).map_err(|p| p.message())
    }

    /// `--labels`: a JSON object of words, read as the `labels` option is.
    fn labels(raw: &str) -> Result<Labels, String> {
        let labels: serde_json::Value = serde_json::from_str(raw).map_err(|e| format!("invalid JSON: {e}"))?;
        let options = Checked::<format::Options>::deserialize(serde_json::json!({ "labels": labels })).map_err(|e| e.to_string())?;
        brief_card::validate::options(options)
            .map(|o| o.labels)
            .map_err(|problems| problems.iter().map(|p| p.line().replacen("options.labels", "labels", 1)).collect::<Vec<_>>().join("; "))
    }

    /// `--locale`: a language tag such as `en`, `pt-BR`.
    fn locale(raw: &str) -> Result<String, String> {
        let tag = raw.trim();
        let ok = !tag.is_empty() && tag.len() <= 35 && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(tag.replace('_', "-"))
        } else {
            Err("must be a language tag such as \"en\" or \"pt-BR\"".into())
        }
    }

    /// What went wrong, already said on standard error.
    struct Failed;

    pub fn main() -> ExitCode {
        match run(Cli::parse()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(Failed) => ExitCode::from(1),
        }
    }

    fn run(cli: Cli) -> Result<(), Failed> {
        match cli.command {
            Command::Render { email, declarative_shadow_dom, render, output } => {
                let mut options = options(&render);
                options.email = email;
                options.declarative_shadow_dom = declarative_shadow_dom;
                let doc = load(&render.file, &options)?;
                let html = render::html(&doc, &options);
                write_output(output.out.as_deref(), &[&html, "\n"])
            }
            Command::Page { script, render, output } => {
                let options = options(&render);
                let doc = load(&render.file, &options)?;
                write_output(output.out.as_deref(), &[&page::page_with_script(&doc, &options, &script)])
            }
            Command::Site { dir, out, base_url, provider_name, assets, theme } => {
                let provider_name = provider_name.unwrap_or_else(|| host(&base_url));
                let mut settings = site::Settings::new(base_url.clone(), provider_name, now_rfc3339());
                settings.options.theme = theme;
                // Relative URLs in the briefs are read against the site: its
                // pages sit in folders, and feeds and oEmbed are read elsewhere.
                settings.options.base_url = Some(base_url);
                settings.options.shadow = false;
                publish::site(&dir, &out, &assets, &settings)
            }
            Command::Oembed { url, maxwidth, maxheight, provider_name, file } => {
                let mut options = Options::default();
                options.base_url = Some(url.clone());
                let doc = load(&file, &options)?;
                let [brief] = doc.briefs() else {
                    return Err(fail(format!("{} holds a feed of {} briefs; oembed takes one brief", name(&file), doc.briefs().len())));
                };
                let provider_url = url::Url::parse(&url).map(|u| u.origin().ascii_serialization() + "/").unwrap_or_default();
                let name = provider_name.unwrap_or_else(|| host(&url));
                let request = Embed { page_url: &url, provider_name: &name, provider_url: &provider_url, maxwidth, maxheight };
                let json = serde_json::to_string_pretty(&site::oembed(brief, &request)).unwrap_or_default();
                write_output(None, &[&json, "\n"])
            }
            Command::Check { email, base_url, file } => {
                let mut options = Options::default();
                options.email = email;
                options.base_url = base_url;
                load(&file, &options)?;
                write_output(None, &["ok\n"])
            }
        }
    }

    /// The document in `file`: JSON (a brief, a feed, or JSON-LD), or a
    /// saved HTML page, read for its JSON-LD. Problems are reported here.
    fn load(file: &Path, options: &Options) -> Result<Document, Failed> {
        match read_document(file, options) {
            Ok(doc) => Ok(doc),
            Err(Unread::Problems(problems)) => Err(report(problems)),
            Err(Unread::File(message)) => Err(fail(message)),
        }
    }

    /// Why a file gave no document.
    enum Unread {
        /// Its content is not a brief: every problem, with its path.
        Problems(Vec<Problem>),
        /// It could not be read (the message names the file).
        File(String),
    }

    fn read_document(file: &Path, options: &Options) -> Result<Document, Unread> {
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

    fn options(r: &RenderArgs) -> Options {
        let mut o = Options::default();
        o.theme = r.theme;
        o.layout = r.layout;
        o.locale = r.locale.clone();
        o.link_target = r.link_target;
        o.base_url = r.base_url.clone();
        o.labels = r.labels.clone().unwrap_or_default();
        o.heading_level = r.heading_level.unwrap_or(o.heading_level);
        o.shadow = false;
        o
    }

    /// Prints every problem, one `path: message` per line, on standard error.
    fn report(problems: Vec<Problem>) -> Failed {
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "{}", format::describe(&problems));
        Failed
    }

    fn fail(message: String) -> Failed {
        let _ = writeln!(io::stderr().lock(), "brief-card: {message}");
        Failed
    }

    fn is_stdio(path: &Path) -> bool {
        path.as_os_str() == "-"
    }

    fn name(file: &Path) -> String {
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
            return Err(format!("{name} is larger than {MAX_PAGE_BYTES} bytes, the limit for an HTML page"));
        }
        String::from_utf8(bytes).map_err(|e| format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
    }

    /// Writes `parts` to standard output, or atomically to `out`.
    fn write_output(out: Option<&Path>, parts: &[&str]) -> Result<(), Failed> {
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
            Some(path) => write_atomically(path, &parts.concat()).map_err(|e| fail(format!("cannot write {}: {e}", path.display()))),
        }
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
    /// briefs that have no date.
    fn now_rfc3339() -> String {
        let from_env = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<u64>().ok());
        let secs = from_env.unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()));
        let (days, rest) = (secs / 86_400, secs % 86_400);
        // Days since 1970-01-01 to a civil date (Howard Hinnant's days_from_civil, inverted).
        let z = days as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// The file side of `brief-card site`: reading the folder of briefs and
    /// the assets, and writing the site all at once.
    mod publish {
        use std::fs;
        use std::io;
        use std::path::{Path, PathBuf};

        use brief_card::render::site::{self, File, FileProblem, Settings, Source};

        use super::{fail, read_document, write_output, Failed, Unread};

        /// The file that marks a folder as a site this command wrote, so
        /// that it may be replaced (and is never read as input).
        pub const MARKER: &str = ".brief-card-site";

        /// What `MARKER` says to whoever opens it.
        const MARKER_TEXT: &str = "This folder was written by `brief-card site`; the next run replaces it whole.\n";

        pub fn site(dir: &Path, out: &Path, assets: &Path, settings: &Settings) -> Result<(), Failed> {
            check_folders(dir, out).map_err(fail)?;
            let inputs = input_files(dir).map_err(|e| fail(format!("cannot read {}: {e}", dir.display())))?;
            if inputs.is_empty() {
                return Err(fail(format!("{} holds no .json or .html files", dir.display())));
            }
            // Every problem of every file, then the names the briefs would share.
            let mut problems: Vec<String> = Vec::new();
            let mut sources = Vec::with_capacity(inputs.len());
            for file in &inputs {
                let shown = file.display().to_string();
                match read_document(file, &settings.options) {
                    Ok(doc) => sources.push(Source { file: shown, doc }),
                    Err(Unread::File(message)) => problems.push(message),
                    Err(Unread::Problems(ps)) => problems.extend(ps.into_iter().map(|problem| FileProblem { file: shown.clone(), problem }.to_string())),
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
                return Err(fail(format!("{} problem(s); nothing was written:\n{}", problems.len(), problems.join("\n"))));
            }
            write_site(out, &files).map_err(|e| fail(format!("cannot write {}: {e}", out.display())))?;
            let briefs: usize = sources.iter().map(|s| s.doc.briefs().len()).sum();
            write_output(None, &[&format!("{}: {briefs} briefs, {} files\n", out.display(), files.len() + 1)])
        }

        /// Refuses an `--out` that holds anything but an earlier site, and
        /// one that holds the input (replacing it would delete the briefs).
        fn check_folders(dir: &Path, out: &Path) -> Result<(), String> {
            if dir.join(MARKER).exists() {
                return Err(format!("{} is a site written by brief-card site, not a folder of briefs", dir.display()));
            }
            match fs::symlink_metadata(out) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
                Err(e) => return Err(format!("cannot read {}: {e}", out.display())),
                Ok(m) if !m.is_dir() => return Err(format!("{} is not a folder; --out must be a new or empty folder, or an earlier site", out.display())),
                Ok(_) => {}
            }
            let empty = fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?.next().is_none();
            if !empty && !out.join(MARKER).is_file() {
                return Err(format!(
                    "{} holds files that are not a site written by brief-card site (it has no {MARKER}); refusing to replace them: choose a new or empty folder",
                    out.display()
                ));
            }
            if let (Ok(d), Ok(o)) = (dir.canonicalize(), out.canonicalize()) {
                if d.starts_with(&o) {
                    return Err(format!("{} is inside {}, which the site would replace", dir.display(), out.display()));
                }
            }
            Ok(())
        }

        /// The `.json` and `.html` files under `dir`, sorted, leaving out
        /// hidden files and folders and sites written earlier (their pages
        /// and oEmbed JSON are outputs, not briefs).
        fn input_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
            let mut found = Vec::new();
            let mut folders = vec![dir.to_path_buf()];
            while let Some(folder) = folders.pop() {
                if folder.join(MARKER).exists() {
                    continue;
                }
                for entry in fs::read_dir(&folder)? {
                    let path = entry?.path();
                    if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                        continue;
                    }
                    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
                    if path.is_dir() {
                        folders.push(path);
                    } else if matches!(ext.as_deref(), Some("json" | "html" | "htm")) {
                        found.push(path);
                    }
                }
            }
            found.sort();
            Ok(found)
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
            // The glue imports its JS snippets from pkg/snippets/…
            let mut folders = vec![pkg.join("snippets")];
            while let Some(folder) = folders.pop() {
                let Ok(entries) = fs::read_dir(&folder) else { continue };
                for entry in entries {
                    let path = entry.map_err(|e| format!("cannot read {}: {e}", folder.display()))?.path();
                    if path.is_dir() {
                        folders.push(path);
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
        /// folder is removed if anything fails.
        fn write_site(out: &Path, files: &[File]) -> io::Result<()> {
            let name = out.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a folder name"))?.to_string_lossy().into_owned();
            let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let tmp = (0..100u32)
                .map(|attempt| parent.join(format!(".{name}.{}-{attempt}.tmp", std::process::id())))
                .find_map(|tmp| match fs::create_dir(&tmp) {
                    Ok(()) => Some(Ok(tmp)),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => None,
                    Err(e) => Some(Err(e)),
                })
                .unwrap_or_else(|| Err(io::Error::new(io::ErrorKind::AlreadyExists, "could not create a temporary folder")))?;
            let result = fill(&tmp, files).and_then(|()| swap(&tmp, out, parent, &name));
            if result.is_err() {
                let _ = fs::remove_dir_all(&tmp);
            }
            result
        }

        fn fill(tmp: &Path, files: &[File]) -> io::Result<()> {
            for f in files {
                let path = tmp.join(&f.path);
                if let Some(folder) = path.parent() {
                    fs::create_dir_all(folder)?;
                }
                fs::write(&path, &f.bytes)?;
            }
            fs::write(tmp.join(MARKER), MARKER_TEXT)
        }

        fn swap(tmp: &Path, out: &Path, parent: &Path, name: &str) -> io::Result<()> {
            if fs::symlink_metadata(out).is_err() {
                return fs::rename(tmp, out);
            }
            let old = parent.join(format!(".{name}.{}.old", std::process::id()));
            fs::rename(out, &old)?;
            if let Err(e) = fs::rename(tmp, out) {
                // Put the earlier site back.
                let _ = fs::rename(&old, out);
                return Err(e);
            }
            fs::remove_dir_all(&old)
        }
    }
}
