//! `brief-card`, the command-line renderer:
//!
//! ```sh
//! brief-card render brief.json > card.html        # an HTML fragment; `-` reads standard input
//! brief-card render --email brief.json            # the email-safe variant
//! brief-card page brief.json > brief.html         # a whole standalone page
//! brief-card check brief.json                     # validate: problems on stderr, exit status 1 if any
//! brief-card render article.html                   # the card from a saved page's schema.org JSON-LD
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
            Command::Render { email, render, output } => {
                let options = Options { email, ..options(&render) };
                let doc = load(&render.file, &options)?;
                let html = if email { render::email(&doc, &options) } else { render::fragment(&doc, &options) };
                write_output(output.out.as_deref(), &[&html, "\n"])
            }
            Command::Page { script, render, output } => {
                let options = options(&render);
                let doc = load(&render.file, &options)?;
                write_output(output.out.as_deref(), &[&page::page_with_script(&doc, &options, &script)])
            }
            Command::Check { email, base_url, file } => {
                let options = Options { email, base_url, ..Options::default() };
                load(&file, &options)?;
                write_output(None, &["ok\n"])
            }
        }
    }

    /// The document in `file`: JSON (a brief, a feed, or JSON-LD), or a
    /// saved HTML page, read for its JSON-LD. Problems are reported here.
    fn load(file: &Path, options: &Options) -> Result<Document, Failed> {
        let text = read_input(file)?;
        let loaded = if is_html(&text) {
            brief_card::load_html_page(&text, options)
        } else if text.len() > MAX_INPUT_BYTES {
            return Err(fail(format!("{} is larger than {MAX_INPUT_BYTES} bytes, the limit for a brief", name(file))));
        } else {
            brief_card::load(&text, options)
        };
        loaded.map_err(report)
    }

    /// JSON never starts with `<`; an HTML page (after a byte-order mark and
    /// white space, as editors save them) always does.
    fn is_html(text: &str) -> bool {
        text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace()).starts_with('<')
    }

    fn options(r: &RenderArgs) -> Options {
        Options {
            theme: r.theme,
            layout: r.layout,
            locale: r.locale.clone(),
            link_target: r.link_target,
            base_url: r.base_url.clone(),
            labels: r.labels.clone().unwrap_or_default(),
            heading_level: r.heading_level.unwrap_or(2),
            shadow: false,
            ..Options::default()
        }
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
    fn read_input(file: &Path) -> Result<String, Failed> {
        let name = name(file);
        let limit = MAX_PAGE_BYTES as u64 + 1;
        let mut bytes = Vec::new();
        let read = if is_stdio(file) {
            io::stdin().lock().take(limit).read_to_end(&mut bytes)
        } else {
            File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
        };
        if let Err(e) = read {
            return Err(fail(format!("cannot read {name}: {e}")));
        }
        if bytes.len() > MAX_PAGE_BYTES {
            return Err(fail(format!("{name} is larger than {MAX_PAGE_BYTES} bytes, the limit for an HTML page")));
        }
        String::from_utf8(bytes)
            .map_err(|e| fail(format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())))
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
}
