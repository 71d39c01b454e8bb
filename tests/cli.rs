//! The `brief-card` binary, run as a user would: exit statuses, standard
//! input, `--out` atomicity, problem reports, and snapshots of `render`.
//!
//! Snapshots live in tests/snapshots/; `UPDATE_SNAPSHOTS=1 cargo test --test cli`
//! rewrites them (review the diff before committing).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use brief_card::Options;

const BASE: &str = "https://example.org/briefs/";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every example brief: (file, text).
fn examples() -> Vec<(PathBuf, String)> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("www/briefs"))
        .expect("www/briefs")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "expected the example briefs, found {files:?}");
    files.into_iter().map(|p| (p.clone(), fs::read_to_string(&p).expect("read example"))).collect()
}

fn example(name: &str) -> PathBuf {
    root().join("www/briefs").join(name)
}

fn run(args: &[&str]) -> Output {
    run_with_stdin(args, None)
}

fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief-card"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run brief-card");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        // The binary may stop reading early (input over the limit): ignore EPIPE.
        let _ = pipe.write_all(input);
    }
    child.wait_with_output().expect("wait for brief-card")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed by a signal")
}

/// Asserts a clean failure: exit status 1, something on stderr, nothing on stdout, no panic.
fn assert_bad_input(o: &Output, what: &str) {
    assert_eq!(code(o), 1, "{what}: exit status; stderr: {}", stderr(o));
    assert!(o.stdout.is_empty(), "{what}: nothing on stdout, got {}", stdout(o));
    let err = stderr(o);
    assert!(!err.trim().is_empty(), "{what}: a message on stderr");
    assert!(!err.contains("panicked"), "{what}: panicked: {err}");
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

fn dir_listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).expect("read dir").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The paths of problem lines (`path: message`; a line without a path has path "").
fn paths_of(problems: &[brief_card::Problem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn every_example_checks_renders_and_makes_a_page() {
    for (file, text) in examples() {
        let f = file.to_str().expect("utf-8 path");

        let o = run(&["check", f]);
        assert_eq!(code(&o), 0, "check {f}: {}", stderr(&o));
        assert_eq!(stdout(&o).trim(), "ok");
        assert!(o.stderr.is_empty());

        let o = run(&["render", f]);
        assert_eq!(code(&o), 0, "render {f}: {}", stderr(&o));
        let want = brief_card::render_html(&text, &Options::default()).expect("example renders");
        assert_eq!(stdout(&o), format!("{want}\n"), "render {f} is the library's fragment");

        let o = run(&["render", "--email", "--base-url", BASE, f]);
        assert_eq!(code(&o), 0, "render --email {f}: {}", stderr(&o));
        let mut options = Options::default();
        options.email = true;
        options.base_url = Some(BASE.into());
        assert_eq!(stdout(&o), format!("{}\n", brief_card::render_html(&text, &options).expect("email renders")));

        let o = run(&["page", f]);
        assert_eq!(code(&o), 0, "page {f}: {}", stderr(&o));
        let page = stdout(&o);
        assert!(page.starts_with("<!doctype html>\n<html"), "page {f}");
        assert!(page.trim_end().ends_with("</html>"), "page {f}");
        let doc = brief_card::load(&text, &Options::default()).expect("example loads");
        assert_eq!(page, brief_card::render::page::page(&doc, &Options::default()));

        for (flag, value) in
            [("--theme", "dark"), ("--theme", "auto"), ("--layout", "compact"), ("--link-target", "_blank"), ("--locale", "de")]
        {
            let o = run(&["render", flag, value, f]);
            assert_eq!(code(&o), 0, "render {flag} {value} {f}: {}", stderr(&o));
        }
    }
}

#[test]
fn options_reach_the_output() {
    let flash = example("flash-brief.json");
    let f = flash.to_str().expect("path");
    let plain = stdout(&run(&["render", f]));
    assert!(plain.contains("June 13, 2023"));
    assert!(!plain.contains("target=\"_blank\""));

    let dark = stdout(&run(&["render", "--theme", "dark", f]));
    assert!(dark.contains("bc-dark") && dark.contains("#15181e"), "dark colours");
    let blank = stdout(&run(&["render", "--link-target", "_blank", f]));
    assert!(blank.contains("target=\"_blank\" rel=\"noopener noreferrer\""));
    let german = stdout(&run(&["render", "--locale", "de", f]));
    assert!(german.contains("13. Juni 2023"));
    let compact = stdout(&run(&["render", "--layout", "compact", f]));
    assert!(compact.contains("bc-compact") && !compact.contains("Expert Analysis"));

    let es = example("resumen-es.json");
    let es = es.to_str().expect("path");
    let relative = stdout(&run(&["render", es]));
    assert!(relative.contains("href=\"/es/analisis/iran-america-latina\""));
    let absolute = stdout(&run(&["render", "--base-url", "https://example.org/es/", es]));
    assert!(absolute.contains("href=\"https://example.org/es/analisis/iran-america-latina\""));

    let words = stdout(&run(&["render", "--labels", r#"{"quotes":"Voices","readMore":"Whole brief"}"#, f]));
    assert!(words.contains(">Voices<") && words.contains(">Whole brief<") && !words.contains("Expert Analysis"));
    let bad = run(&["render", "--labels", r#"{"quotes":3}"#, f]);
    assert_eq!(code(&bad), 2, "a usage error");
    assert!(stderr(&bad).contains("labels.quotes: expected a string"), "{}", stderr(&bad));

    // --image-origins, as imageOrigins: an image or logo from elsewhere is a problem.
    let pictured = r#"{"title": "T", "image": {"src": "https://img.example/a.jpg", "alt": "A"}, "publisher": {"name": "P", "logo": "https://logo.example/l.png"}}"#;
    let o = run_with_stdin(&["render", "--image-origins", "HTTPS://Img.Example,https://logo.example", "-"], Some(pictured.as_bytes()));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run_with_stdin(&["render", "--image-origins", "https://img.example", "-"], Some(pictured.as_bytes()));
    assert_eq!(stderr(&o), "publisher.logo: comes from https://logo.example, which options.imageOrigins does not allow\n");
    assert_eq!(code(&run(&["render", "--image-origins", "javascript:alert(1)", f])), 2, "a usage error");
    // --locale as the locale option reads it.
    assert_eq!(code(&run(&["render", "--locale", "123", f])), 2, "no language tag");
    assert!(stdout(&run(&["render", "--locale", " de_DE ", f])).contains("13. Juni 2023"));

    let page = stdout(&run(&["page", "--script", "/static/brief-card.js", f]));
    assert!(page.contains("<script type=\"module\" src=\"/static/brief-card.js\"></script>"));
    let page = stdout(&run(&["page", f]));
    assert!(page.contains("<script type=\"module\" src=\"brief-card.js\"></script>"));
}

/// `render --declarative-shadow-dom`: the live card (with its buttons) in a
/// declarative shadow root of <brief-card>, the element's attributes from
/// the flags, and the brief's JSON for the element. The flags the element
/// could not carry into its own render are refused; a page's JSON carries
/// --labels, so that its element shows those words too.
#[test]
fn declarative_shadow_dom_is_the_live_card_for_the_element() {
    let flash = example("flash-brief.json");
    let f = flash.to_str().expect("path");
    let html = stdout(&run(&["render", "--declarative-shadow-dom", "--theme", "dark", "--heading-level", "3", f]));
    assert!(
        html.starts_with(r#"<brief-card theme="dark" layout="full" heading-level="3"><template shadowrootmode="open"><style>:host{"#),
        "{html}"
    );
    let (shadow, light) = html.split_once("</template>").expect("a template");
    assert!(shadow.contains(r#"class="bc-copy""#) && shadow.contains("<h4 "), "the live card: {shadow}");
    assert!(!shadow.contains(r#" style=""#), "classes, not inline styles");
    let json = light
        .split_once(r#"<script type="application/json">"#)
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .expect("the brief's JSON")
        .0;
    let brief: serde_json::Value = serde_json::from_str(json).expect("JSON");
    assert_eq!(brief["title"], "Iran’s Raisi Embarks on Five-Day Tour of Latin American Countries");
    assert!(light.ends_with("</a></p></brief-card>\n"), "a fallback link: {light}");
    for flag in [&["--email"][..], &["--labels", r#"{"quotes":"Voices"}"#], &["--base-url", BASE]] {
        let refused = run(&[&["render", "--declarative-shadow-dom"][..], flag, &[f]].concat());
        assert_eq!(code(&refused), 2, "{flag:?}: {}", stderr(&refused));
    }

    let page = stdout(&run(&["page", "--labels", r#"{"quotes":"Voices"}"#, f]));
    assert!(page.contains(r#""labels":{"quotes":"Voices"}"#), "the page's JSON carries --labels");
}

#[test]
fn email_needs_absolute_urls_a_base_or_the_briefs_own_page() {
    // resumen-es's related link is relative; the brief's own url is its page,
    // which the link resolves against when no base URL is given.
    let es = example("resumen-es.json");
    let es = es.to_str().expect("path");
    let o = run(&["render", "--email", es]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("href=\"https://example.org/es/analisis/iran-america-latina\""), "{}", stdout(&o));
    let o = run(&["check", "--email", es]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));

    // A brief with no page of its own needs a base URL.
    let o = run_with_stdin(&["render", "--email", "-"], Some(br#"{"title":"t","related":[{"title":"r","url":"/r"}]}"#));
    assert_bad_input(&o, "email without a base URL");
    assert_eq!(stderr(&o), "related[0].url: is a relative URL; email needs absolute ones (give a base URL)\n");

    // A base URL, when given, is what relative URLs resolve against.
    let o = run(&["render", "--email", "--base-url", "https://mirror.example/es/", es]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("https://mirror.example/es/analisis/iran-america-latina"));
}

/// An email long enough for Gmail to clip gets a warning on standard error
/// (and is written all the same); the example feed's does not.
#[test]
fn email_that_gmail_would_clip_is_warned_of() {
    let feed: serde_json::Value = serde_json::from_str(&fs::read_to_string(example("feed.json")).expect("feed")).expect("JSON");
    let twelve = serde_json::Value::Array([feed.as_array().expect("a feed").as_slice(); 4].concat());
    let o = run_with_stdin(&["render", "--email", "-"], Some(twelve.to_string().as_bytes()));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).len() > 100 * 1024, "{} bytes", stdout(&o).len());
    assert!(stderr(&o).starts_with("brief-card: warning: the email is ") && stderr(&o).contains("Gmail"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--layout compact"), "the way to shorten it: {}", stderr(&o));
    // Already compact: the warning does not suggest what was done.
    let many = serde_json::Value::Array([feed.as_array().expect("a feed").as_slice(); 33].concat());
    let o = run_with_stdin(&["render", "--email", "--layout", "compact", "-"], Some(many.to_string().as_bytes()));
    assert!(stderr(&o).contains("Gmail") && !stderr(&o).contains("--layout compact"), "{}", stderr(&o));
    let three = run(&["render", "--email", example("feed.json").to_str().expect("path")]);
    assert_eq!((code(&three), stderr(&three)), (0, String::new()));
}

/// Email's and the static fragment's styles are inline, so they cannot
/// follow the reader's light or dark setting: `--theme auto` writes the
/// light card and says so.
#[test]
fn static_html_with_the_auto_theme_is_light_and_says_so() {
    let f = example("minimal.json");
    let f = f.to_str().expect("path");
    let auto = run(&["render", "--email", "--theme", "auto", f]);
    let light = run(&["render", "--email", "--theme", "light", f]);
    assert_eq!((code(&auto), auto.stdout == light.stdout), (0, true));
    assert!(stderr(&auto).contains("no \"auto\" theme"), "{}", stderr(&auto));
    assert_eq!(stderr(&light), "");
    // So with the static fragment; server rendering follows the setting and says nothing.
    let fragment = run(&["render", "--theme", "auto", f]);
    assert_eq!(code(&fragment), 0);
    assert!(stderr(&fragment).contains("static HTML has no \"auto\" theme"), "{}", stderr(&fragment));
    let served = run(&["render", "--declarative-shadow-dom", "--theme", "auto", f]);
    assert_eq!((code(&served), stderr(&served).as_str()), (0, ""));
}

/// A page whose brief has a relative address or image is written, but its
/// share preview would lack them (Open Graph takes absolute URLs only): the
/// command says so, by the fields' paths, and says nothing with a base.
#[test]
fn page_warns_of_relative_addresses_that_share_previews_cannot_use() {
    let brief: &[u8] = br#"{"title":"t","url":"/b/1","image":{"src":"i.jpg","alt":""}}"#;
    let o = run_with_stdin(&["page", "-"], Some(brief));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "brief-card: warning: url is relative, so the page's share preview cannot use it (give --base-url, or the brief an absolute url)\n\
         brief-card: warning: image.src is relative, so the page's share preview cannot use it (give --base-url, or the brief an absolute url)\n"
    );
    // A relative image of a brief whose own url is absolute is read against that page, as email reads it.
    let o = run_with_stdin(&["page", "-"], Some(br#"{"title":"t","url":"https://example.org/b/1","image":{"src":"i.jpg","alt":""}}"#));
    assert_eq!((code(&o), stderr(&o)), (0, String::new()));
    assert!(stdout(&o).contains("<meta property=\"og:image\" content=\"https://example.org/b/i.jpg\">"), "{}", stdout(&o));
    let o = run_with_stdin(&["page", "--base-url", "https://example.org/", "-"], Some(brief));
    assert_eq!((code(&o), stderr(&o)), (0, String::new()));
    assert!(stdout(&o).contains("<meta property=\"og:image\" content=\"https://example.org/i.jpg\">"));
}

#[test]
fn standard_input_is_read_from_dash() {
    for (file, text) in examples() {
        let f = file.to_str().expect("path");
        for args in [vec!["render"], vec!["render", "--email", "--base-url", BASE], vec!["page"], vec!["check"]] {
            let from_file = run(&[&args[..], &[f]].concat());
            let from_stdin = run_with_stdin(&[&args[..], &["-"]].concat(), Some(text.as_bytes()));
            assert_eq!(code(&from_stdin), 0, "{args:?} - < {f}: {}", stderr(&from_stdin));
            assert_eq!(from_stdin.stdout, from_file.stdout, "{args:?} - < {f}");
        }
    }
    let o = run_with_stdin(&["render", "-"], Some(b"{\"title\": \"From stdin\"}"));
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains(">From stdin</h2>"));
}

#[test]
fn out_writes_the_file_atomically() {
    let dir = scratch("out-good");
    let target = dir.join("card.html");
    let flash = example("flash-brief.json");
    let f = flash.to_str().expect("path");
    let t = target.to_str().expect("path");

    let o = run(&["render", "--out", t, f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "nothing on stdout with --out");
    assert_eq!(fs::read(&target).expect("written"), run(&["render", f]).stdout);
    assert_eq!(dir_listing(&dir), ["card.html"], "no temporary file left behind");

    // Overwrites an existing file, in place of the old one.
    let o = run(&["page", "-o", t, f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(fs::read(&target).expect("written"), run(&["page", f]).stdout);
    assert_eq!(dir_listing(&dir), ["card.html"]);

    // A relative --out path is relative to the working directory.
    let o =
        Command::new(env!("CARGO_BIN_EXE_brief-card")).current_dir(&dir).args(["render", "--out", "rel.html", f]).output().expect("run");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(dir_listing(&dir), ["card.html", "rel.html"]);
}

#[cfg(unix)]
#[test]
fn out_writes_through_symlinks_and_into_devices_never_replacing_them() {
    use std::os::unix::fs::symlink;
    let dir = scratch("out-links");
    let flash = example("flash-brief.json");
    let f = flash.to_str().expect("path");
    // A link to a file: the file gets the card, the link stays a link.
    let target = dir.join("target.html");
    fs::write(&target, "old").expect("write");
    let link = dir.join("link.html");
    symlink(&target, &link).expect("symlink");
    let o = run(&["render", "--out", link.to_str().expect("path"), f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "the link was replaced");
    assert_eq!(fs::read(&target).expect("read"), run(&["render", f]).stdout);
    // A link to a device (as /dev/stdout is): written into, not replaced by a file.
    let device = dir.join("null");
    symlink("/dev/null", &device).expect("symlink");
    let o = run(&["render", "--out", device.to_str().expect("path"), f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(fs::symlink_metadata(&device).expect("link").file_type().is_symlink(), "the link was replaced");
    assert_eq!(dir_listing(&dir), ["link.html", "null", "target.html"], "no temporary file left behind");
}

#[test]
fn bad_input_writes_no_file_and_keeps_the_old_one() {
    let dir = scratch("out-bad");
    let bad = dir.join("bad.json");
    fs::write(&bad, r#"{"title": "", "url": "javascript:alert(1)"}"#).expect("write");
    let broken = dir.join("broken.json");
    fs::write(&broken, "{\"title\": ").expect("write");
    let fresh = dir.join("fresh.html");
    let existing = dir.join("existing.html");
    fs::write(&existing, "previous content").expect("write");

    for input in [&bad, &broken, &dir.join("missing.json")] {
        let i = input.to_str().expect("path");
        for cmd in [&["render"][..], &["render", "--email"], &["page"]] {
            for out in [&fresh, &existing] {
                let o = run(&[cmd, &["--out", out.to_str().expect("path"), i]].concat());
                assert_bad_input(&o, &format!("{cmd:?} {i}"));
            }
        }
    }
    assert!(!fresh.exists(), "no output file for bad input");
    assert_eq!(fs::read_to_string(&existing).expect("still there"), "previous content");
    assert_eq!(dir_listing(&dir), ["bad.json", "broken.json", "existing.html"], "no temporary file left behind");

    // An output directory that does not exist: a clear message, exit status 1.
    let nowhere = dir.join("no/such/dir/card.html");
    let o = run(&["render", "--out", nowhere.to_str().expect("path"), example("minimal.json").to_str().expect("path")]);
    assert_bad_input(&o, "unwritable --out");
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
}

#[test]
fn problems_are_the_libraries_problems_one_per_line() {
    let hostile = r#"{
        "version": 2, "id": "has space", "title": "  ", "date": "2023-02-30", "url": "javascript:alert(1)",
        "lang": "not a tag", "dir": "sideways",
        "image": {"src": "data:image/png;base64,AAAA"},
        "summary": {"paragraphs": ["ok", 3, [{"text": "x", "href": "java\tscript:alert(1)"}]]},
        "quotes": [{"text": "q"}],
        "related": [{"title": "r"}, {"title": "s", "url": "vbscript:x"}],
        "tags": [{"label": ""}, "tag"]
    }"#;
    let want = brief_card::check(hostile);
    assert!(want.len() >= 10, "the hostile brief has many problems: {want:?}");
    let want_lines = paths_of(&want);
    for args in [&["check", "-"][..], &["render", "-"], &["page", "-"], &["render", "--email", "--base-url", BASE, "-"]] {
        let o = run_with_stdin(args, Some(hostile.as_bytes()));
        assert_bad_input(&o, &format!("{args:?}"));
        let got: Vec<String> = stderr(&o).lines().map(str::to_owned).collect();
        assert_eq!(got, want_lines, "{args:?} prints every problem of brief_card::check");
    }
    assert!(want_lines.iter().any(|l| l.starts_with("summary.paragraphs[2][0].href: scheme \"javascript\"")));

    // A feed: paths carry the index of the brief.
    let feed = r#"[{"title": "ok"}, {"title": "bad", "related": [{"title": "x", "url": "javascript:void 0"}]}]"#;
    let o = run_with_stdin(&["check", "-"], Some(feed.as_bytes()));
    assert_eq!(code(&o), 1);
    assert_eq!(stderr(&o), "[1].related[0].url: scheme \"javascript\" is not allowed\n");
}

#[test]
fn broken_json_is_one_line_with_its_position() {
    // The positions serde_json reports: at the end of the text it names the
    // last character read (column 0 of an empty line).
    for (text, position) in [
        ("{\n  \"title\": \"x\",\n  oops\n}", "line 3, column 3"),
        ("{\"title\": \"x\"", "line 1, column 13"),
        ("[1,]", "line 1, column 4"),
        ("{\"title\": \"a\nb\"}", "line 2, column 0"),
    ] {
        for cmd in ["render", "page", "check"] {
            let o = run_with_stdin(&[cmd, "-"], Some(text.as_bytes()));
            assert_bad_input(&o, &format!("{cmd} {text:?}"));
            let err = stderr(&o);
            assert_eq!(err.lines().count(), 1, "{cmd} {text:?}: one line: {err}");
            assert!(err.starts_with("invalid JSON at ") && err.contains(position), "{cmd} {text:?}: {err}");
        }
    }
    // Nothing has no place to point at (as the browser's reading says it).
    for cmd in ["render", "page", "check"] {
        let o = run_with_stdin(&[cmd, "-"], Some(b" \n"));
        assert_eq!((code(&o), stderr(&o).as_str()), (1, "invalid JSON: the input is empty\n"), "{cmd}");
    }
}

#[test]
fn hostile_bytes_fail_cleanly() {
    let deep = "[".repeat(100_000);
    let huge = format!("{{\"title\": \"{}\"}}", "x".repeat(brief_card::format::limits::MAX_INPUT_BYTES));
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("not UTF-8", vec![b'{', 0xff, 0xfe, b'}']),
        ("NUL bytes", b"\0\0\0".to_vec()),
        ("deep nesting", deep.into_bytes()),
        ("over the size limit", huge.into_bytes()),
        ("a number", b"42".to_vec()),
        ("an empty feed", b"[]".to_vec()),
        ("a BOM then garbage", b"\xef\xbb\xbf}".to_vec()),
    ];
    for (what, bytes) in &inputs {
        for cmd in ["render", "page", "check"] {
            let o = run_with_stdin(&[cmd, "-"], Some(bytes));
            assert_bad_input(&o, &format!("{cmd}: {what}"));
        }
    }
    let o = run_with_stdin(&["check", "-"], Some(&inputs[0].1));
    assert!(stderr(&o).contains("not UTF-8"), "{}", stderr(&o));
}

#[test]
fn unreadable_files_and_usage_errors() {
    let o = run(&["render", "/no/such/brief.json"]);
    assert_bad_input(&o, "missing file");
    assert!(stderr(&o).contains("cannot read /no/such/brief.json"), "{}", stderr(&o));

    let o = run(&["check", root().join("www/briefs").to_str().expect("path")]);
    assert_bad_input(&o, "a directory");
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));

    let minimal = example("minimal.json");
    let m = minimal.to_str().expect("path");
    for args in [
        &[][..],
        &["render"],
        &["frobnicate", m],
        &["render", "--theme", "neon", m],
        &["render", "--layout", "tiny", m],
        &["render", "--link-target", "_top", m],
        &["render", "--base-url", "/relative/", m],
        &["render", "--base-url", "javascript:alert(1)//", m],
        &["render", "--base-url", "ftp://example.org/", m],
        &["render", "--base-url", "https://user:pw@example.org/", m],
        &["render", "--base-url", "https://example.org/sub/?q=1", m],
        &["site", ".", "--out", "/tmp/never", "--base-url", "https://example.org/sub/#frag"],
        &["render", "--locale", "", m],
        &["render", "--locale", "en US", m],
        &["page", "--script", "javascript:alert(1)", m],
        &["check", "--theme", "dark", m],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?} is a usage error: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    let o = run(&["--help"]);
    assert_eq!(code(&o), 0);
    for word in ["render", "page", "check"] {
        assert!(stdout(&o).contains(word));
    }
}

#[test]
fn check_exit_status() {
    let o = run_with_stdin(&["check", "-"], Some(br#"{"title": "fine"}"#));
    assert_eq!((code(&o), stdout(&o).as_str(), stderr(&o).as_str()), (0, "ok\n", ""));
    let o = run_with_stdin(&["check", "-"], Some(br#"{"title": 1}"#));
    assert_eq!((code(&o), stdout(&o).as_str(), stderr(&o).as_str()), (1, "", "title: expected a string, found a number\n"));
}

/// Compares `actual` with tests/snapshots/`name`, or rewrites it when UPDATE_SNAPSHOTS=1.
fn snapshot(name: &str, actual: &str) {
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        fs::create_dir_all(path.parent().expect("parent")).expect("create tests/snapshots");
        fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_SNAPSHOTS=1 to create it)", path.display()));
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
        panic!(
            "{} differs from the output (first differing line: {line}).\nexpected:\n{expected}\nactual:\n{actual}\nIf the change is intended, run UPDATE_SNAPSHOTS=1 cargo test --test cli and review the diff.",
            path.display()
        );
    }
}

#[test]
fn render_snapshots() {
    for name in ["minimal", "flash-brief"] {
        let file = example(&format!("{name}.json"));
        let o = run(&["render", file.to_str().expect("path")]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        snapshot(&format!("{name}.render.html"), &stdout(&o));
    }
}

/// A saved article page as publishers write them: the JSON-LD in two
/// scripts of the head (the article, and the people it names), a paywall
/// marker, markup and script text that only look like JSON-LD.
const SAVED_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Grid deal | Example News</title>
<script>var s = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Fake"}</' + 'script>';</script>
<script type="application/ld+json" id="article-ld">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","@id":"https://news.example/grid/","url":"https://news.example/grid/","mainEntity":{"@id":"https://news.example/grid/#article"}},
 {"@type":"NewsArticle","@id":"https://news.example/grid/#article","headline":"Ministers agree on a grid deal","datePublished":"2024-05-01T10:00:00+0000",
  "description":"Energy ministers agreed to link their grids.","author":{"@id":"#ana"},"keywords":"Energy, Europe",
  "hasPart":[{"@type":"Quotation","text":"A good deal.","creator":{"@id":"#ben"}}],
  "citation":[{"@type":"Report","name":"Grid outlook","url":"https://news.example/reports/grid"}]}]}
</script>
<script type="application/ld+json">[{"@context":"https://schema.org","@id":"#ana","@type":"Person","name":"Ana Ruiz"},
 {"@context":"https://schema.org","@id":"#ben","@type":"Person","name":"Ben Ode","jobTitle":"Economist"}]</script>
</head><body><!-- <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"In a comment"}</script> -->
<article><h1>Ministers agree on a grid deal</h1><p>Body text.</p></article></body></html>"##;

#[test]
fn commands_read_a_saved_html_page() {
    let dir = scratch("html-page");
    let file = dir.join("article.html");
    fs::write(&file, SAVED_PAGE).expect("write page");
    let f = file.to_str().expect("utf-8 path");

    let o = run(&["check", f]);
    assert_eq!((code(&o), stdout(&o).as_str()), (0, "ok\n"), "{}", stderr(&o));
    let o = run(&["render", f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let html = scraper::Html::parse_fragment(&stdout(&o));
    let text = |css: &str| {
        html.select(&scraper::Selector::parse(css).expect("selector")).map(|e| e.text().collect::<String>()).collect::<Vec<_>>()
    };
    assert_eq!(text("h2"), ["Ministers agree on a grid deal"]);
    assert_eq!(text(".bc-byline"), ["By Ana Ruiz"]);
    assert_eq!(text("blockquote"), ["A good deal."]);
    assert_eq!(text(".bc-related-link"), ["Grid outlook"]);
    assert_eq!(text(".bc-chip"), ["Energy", "Europe"]);
    assert_eq!(text("time"), ["May 1, 2024"]);
    assert!(!stdout(&o).contains("Fake") && !stdout(&o).contains("In a comment"));

    // The same from standard input, and as a standalone page.
    let o = run_with_stdin(&["render", "--email", "-"], Some(SAVED_PAGE.as_bytes()));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(&["page", f]);
    assert!(code(&o) == 0 && stdout(&o).contains("<title>Ministers agree on a grid deal</title>"), "{}", stderr(&o));

    // Problems name the script by its id, else by its index.
    let bad = SAVED_PAGE.replace("https://news.example/reports/grid", "javascript:alert(1)").replace(r#""name":"Ben Ode""#, r#""name":5"#);
    fs::write(&file, bad).expect("write page");
    let o = run(&["check", f]);
    assert_bad_input(&o, "check a bad page");
    assert_eq!(
        stderr(&o).lines().collect::<Vec<_>>(),
        [
            "script[1][1].name: expected a string, found a number",
            "script#article-ld.@graph[1].citation[0].url: scheme \"javascript\" is not allowed",
        ]
    );
    let o = run(&["render", "--out", dir.join("card.html").to_str().expect("path"), f]);
    assert_bad_input(&o, "render a bad page");
    assert_eq!(dir_listing(&dir), ["article.html"]);

    // A page without JSON-LD says so, and so does one whose JSON-LD is not schema.org's.
    let o = run_with_stdin(&["check", "-"], Some(b"\xef\xbb\xbf  <!doctype html><p>No data here.</p>"));
    assert_bad_input(&o, "a page without JSON-LD");
    assert_eq!(stderr(&o), "the page has no JSON-LD (no <script type=\"application/ld+json\">)\n");
    let other = br#"<!doctype html><script type="application/ld+json">{"@context": "https://w3id.org/security/v2", "id": "x"}</script>"#;
    let o = run_with_stdin(&["check", "-"], Some(other));
    assert_bad_input(&o, "a page whose JSON-LD is not schema.org's");
    assert!(stderr(&o).starts_with("no schema.org JSON-LD"), "{}", stderr(&o));
}

#[test]
fn a_saved_page_in_the_encoding_it_declares_is_read_as_a_browser_reads_it() {
    // An older European site's ISO-8859-1 page ("Société Générale", "Énergie"),
    // and the same undeclared (windows-1252, with its curly quotes).
    let latin1 = |head: &str| {
        [
            format!("<!doctype html><html lang=fr><head>{head}<script type=\"application/ld+json\">").as_bytes(),
            b"{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": \"Soci\xe9t\xe9 G\xe9n\xe9rale \x93ench\xe8re\x94\", \"keywords\": \"\xc9nergie\"}",
            b"</script></head><body></body></html>",
        ]
        .concat()
    };
    for head in [r#"<meta charset="iso-8859-1">"#, r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">"#, ""] {
        let o = run_with_stdin(&["render", "-"], Some(&latin1(head)));
        assert_eq!(code(&o), 0, "{head}: {}", stderr(&o));
        assert!(stdout(&o).contains("Société Générale “enchère”") && stdout(&o).contains("Énergie"), "{head}: {}", stdout(&o));
    }
    // JSON must still be UTF-8.
    let o = run_with_stdin(&["check", "-"], Some(b"{\"title\": \"Soci\xe9t\xe9\"}"));
    assert_bad_input(&o, "JSON in ISO-8859-1");
    assert!(stderr(&o).contains("not UTF-8"), "{}", stderr(&o));
}

#[test]
fn a_page_of_one_brief_makes_its_title_the_h1_and_the_element_keeps_the_level() {
    let file = scratch("heading-level").join("b.json");
    std::fs::write(&file, r#"{"title": "One", "summary": {"paragraphs": ["p"]}}"#).unwrap();
    let o = run(&["page", file.to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(page.contains("heading-level=\"1\""), "the element upgrades at the same level");
    assert_eq!(page.matches("<h1").count(), 1, "one h1: the card's title");
    assert!(page.contains("<h2 class=\"bc-heading\""), "block headings one below");
    let o = run(&["render", "--heading-level", "3", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("<h3 class=\"bc-title\""));
    assert_eq!(code(&run(&["render", "--heading-level", "5", file.to_str().unwrap()])), 2);
}

/// Stand-ins for the built element and wasm, in `dir` (the site copies them).
/// A scratch folder `name` holding a folder of one brief and the site's assets: (the folder, the briefs, the assets).
fn site_of_one_brief(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = scratch(name);
    let assets = site_assets(&dir);
    let briefs = dir.join("briefs");
    fs::create_dir_all(&briefs).expect("mkdir");
    fs::write(briefs.join("one.json"), r#"{"title":"One"}"#).expect("write");
    (dir, briefs, assets)
}

fn site_assets(dir: &Path) -> PathBuf {
    let assets = dir.join("assets");
    fs::create_dir_all(assets.join("pkg")).expect("assets");
    for f in ["brief-card.js", "pkg/brief_card.js", "pkg/brief_card_bg.wasm"] {
        fs::write(assets.join(f), f).expect("asset");
    }
    assets
}

/// `brief-card site IN --out OUT --base-url BASE --assets ASSETS`.
fn site(input: &Path, out: &Path, assets: &Path) -> Output {
    let p = |p: &Path| p.to_str().expect("path").to_owned();
    run(&["site", &p(input), "--out", &p(out), "--base-url", BASE, "--assets", &p(assets)])
}

/// Every file under `dir`, relative, with its contents.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(f) = folders.pop() {
        for e in fs::read_dir(&f).expect("read dir") {
            let path = e.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                all.push((path.strip_prefix(dir).expect("under").display().to_string(), fs::read(&path).expect("read")));
            }
        }
    }
    all.sort();
    all
}

#[test]
fn a_site_base_without_its_final_slash_still_names_the_sites_folder() {
    let dir = scratch("site-base-slash");
    let assets = site_assets(&dir);
    let briefs = dir.join("briefs");
    fs::create_dir_all(&briefs).expect("mkdir");
    fs::write(briefs.join("r.json"), r#"{"id":"r","title":"Relative","image":{"src":"img.png","alt":""}}"#).expect("brief");
    let p = |p: &Path| p.to_str().expect("path").to_owned();
    for base in ["https://b.example/news", "https://b.example/news/"] {
        let out = dir.join("public");
        let _ = fs::remove_dir_all(&out);
        let o = run(&["site", &p(&briefs), "--out", &p(&out), "--base-url", base, "--assets", &p(&assets)]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let page = fs::read_to_string(out.join("r/index.html")).expect("page");
        assert!(page.contains("src=\"https://b.example/news/img.png\""), "{base}: the image inside the site's folder");
    }
}

#[test]
fn site_with_one_bad_brief_writes_nothing_and_keeps_the_earlier_site() {
    let dir = scratch("site-bad");
    let assets = site_assets(&dir);
    let briefs = dir.join("briefs");
    fs::create_dir_all(briefs.join("more")).expect("mkdir");
    for (name, text) in examples() {
        fs::write(briefs.join(name.file_name().expect("name")), text).expect("copy");
    }
    let out = dir.join("public");
    let o = site(&briefs, &out, &assets);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("{}: 7 briefs, 30 files\n", out.display()));
    let before = tree(&out);

    // One bad brief, in a subfolder, and a saved page without JSON-LD.
    let bad = briefs.join("more/bad.json");
    let related = r#"[{"title":"a","url":"/a"},{"title":"b","url":"/b"},{"title":"c","url":"javascript:alert(1)"}]"#;
    fs::write(&bad, format!(r#"{{"id":"bad","title":" ","related":{related}}}"#)).expect("write");
    fs::write(briefs.join("page.html"), "<!doctype html><title>no data</title>").expect("write");
    let o = site(&briefs, &out, &assets);
    assert_bad_input(&o, "a folder with a bad brief");
    let err = stderr(&o);
    let bad_name = bad.display().to_string();
    for line in [format!("{bad_name}: title: "), format!("{bad_name}: related[2].url: scheme \"javascript\" is not allowed")] {
        assert!(err.lines().any(|l| l.starts_with(&line)), "{line:?} in\n{err}");
    }
    assert!(err.contains(&format!("{}: ", briefs.join("page.html").display())), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(tree(&out), before, "the earlier site is untouched");
    // Only the lock of the site's builds, which the first one left.
    assert_eq!(dir_listing(&dir), [".public.lock", "assets", "briefs", "public"], "no temporary folder left beside it");

    // Nor is a new site started.
    let o = site(&briefs, &dir.join("new"), &assets);
    assert_bad_input(&o, "a new --out");
    assert!(!dir.join("new").exists());

    // Fixed, the site is replaced whole: the earlier one's files are gone, and the
    // host's own (Netlify's _headers, GitHub Pages' CNAME, a favicon, .well-known/,
    // a file beside a brief's page: any file the earlier site did not write) are
    // carried over.
    fs::remove_file(&bad).expect("rm");
    fs::remove_file(briefs.join("page.html")).expect("rm");
    fs::write(briefs.join("more/late.json"), r#"{"id":"late","title":"Late","date":"2030-01-01"}"#).expect("write");
    let hosts = ["_headers", "CNAME", "favicon.ico", ".well-known/security.txt", "minimal/extra.png"];
    for host in hosts {
        fs::create_dir_all(out.join(host).parent().expect("folder")).expect("mkdir");
        fs::write(out.join(host), format!("the host's {host}")).expect("write");
    }
    // A host's read-only folder keeps its permissions (that it does not stop the earlier
    // site's removal needs a user other than root: the test below).
    #[cfg(unix)]
    let mode = |path: &Path| std::os::unix::fs::PermissionsExt::mode(&fs::metadata(path).expect("stat").permissions()) & 0o777;
    #[cfg(unix)]
    let set_mode = |path: &Path, mode: u32| fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(mode)).expect("chmod");
    #[cfg(unix)]
    set_mode(&out.join(".well-known"), 0o555);
    let o = site(&briefs, &out, &assets);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    #[cfg(unix)]
    {
        assert_eq!(mode(&out.join(".well-known")), 0o555);
        set_mode(&out.join(".well-known"), 0o755);
    }
    for host in hosts {
        assert_eq!(fs::read_to_string(out.join(host)).ok(), Some(format!("the host's {host}")), "{host} kept");
        fs::remove_file(out.join(host)).expect("rm");
    }
    let after = tree(&out);
    assert_eq!(after.len(), before.len() + 3);
    assert!(after.iter().any(|(p, _)| p == "late/oembed.json"));
    assert_eq!(dir_listing(&dir), [".public.lock", "assets", "briefs", "public"], "the earlier site was removed, not left aside");
    let index = fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.find("href=\"late/\"") < index.find("href=\"minimal/\""), "newest first");

    // A brief taken out takes its pages with it, but not a host's file beside them.
    fs::rename(briefs.join("minimal.json"), dir.join("minimal.json")).expect("mv");
    fs::write(out.join("minimal/extra.png"), "the host's").expect("write");
    let o = site(&briefs, &out, &assets);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(dir_listing(&out.join("minimal")), ["extra.png"]);

    // A host's file where the new site would write one is refused, before anything is replaced.
    fs::write(out.join("minimal/index.html"), "the host's page").expect("write");
    fs::rename(dir.join("minimal.json"), briefs.join("minimal.json")).expect("mv back");
    let kept = tree(&out);
    let o = site(&briefs, &out, &assets);
    assert_bad_input(&o, "a host's file in the site's way");
    assert!(stderr(&o).contains("minimal/index.html is not a file an earlier site wrote"), "{}", stderr(&o));
    assert_eq!(tree(&out), kept, "the earlier site is untouched");
    assert_eq!(dir_listing(&dir), [".public.lock", "assets", "briefs", "public"], "no temporary folder left beside it");
}

/// What interrupted builds left beside `--out` (their temporary folders, an
/// earlier site put aside) goes with the next build, and nothing else does;
/// a running build's folder stays, for the next build waits for its lock.
/// The lock is a plain file of its own: anything else so named is refused by
/// its name, at once, and nothing is made where a symlink points.
#[cfg(unix)]
#[test]
fn site_refuses_a_lock_that_is_no_plain_file() {
    let (dir, briefs, assets) = site_of_one_brief("site-lock-kinds");
    let lock = dir.join(".public.lock");
    let fifo = Command::new("mkfifo").arg(&lock).status().expect("mkfifo");
    assert!(fifo.success());
    let started = std::time::Instant::now();
    let o = site(&briefs, &dir.join("public"), &assets);
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "a FIFO is not opened: opening it waits for a writer");
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains(".public.lock is no plain file"), "{}", stderr(&o));
    fs::remove_file(&lock).expect("rm");
    fs::create_dir(&lock).expect("mkdir");
    assert!(stderr(&site(&briefs, &dir.join("public"), &assets)).contains(".public.lock is a folder"));
    fs::remove_dir(&lock).expect("rmdir");
    std::os::unix::fs::symlink(dir.join("elsewhere"), &lock).expect("symlink");
    assert!(stderr(&site(&briefs, &dir.join("public"), &assets)).contains(".public.lock is a symlink"));
    assert!(!dir.join("elsewhere").exists(), "nothing made where it points");
}

#[test]
fn site_removes_what_interrupted_builds_left_and_nothing_else() {
    let (dir, briefs, assets) = site_of_one_brief("site-leftovers");
    let folder_with_a_page = |name: &str| {
        fs::create_dir_all(dir.join(name).join("one")).expect("mkdir");
        fs::write(dir.join(name).join("one/index.html"), "a page").expect("write");
    };
    // As builds killed while writing leave them (one had put the earlier site aside: a site, with its marker).
    let leftovers = [".public.4000001-0.tmp", ".public.4000001-1.tmp", ".public.4000002.old"];
    // Named almost so, or another site's, or not a folder, or named so but no site (a user's folder).
    let others = [
        ".public.tmp",
        ".public.v2.4000001-0.tmp",
        ".public.v2.4000002.old",
        ".publicity.4000001-0.tmp",
        ".public.4000003-0.tmp.bak",
        ".public.4000007.old",
    ];
    leftovers.iter().chain(&others).for_each(|name| folder_with_a_page(name));
    fs::write(dir.join(".public.4000002.old/.brief-card-site"), "written by brief-card site\n\none/index.html\n").expect("marker");
    fs::write(dir.join(".public.4000004-0.tmp"), "a file").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&briefs, dir.join(".public.4000005-0.tmp")).expect("symlink");

    let o = site(&briefs, &dir.join("public"), &assets);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut expected: Vec<&str> = others.to_vec();
    expected.extend([".public.4000004-0.tmp", ".public.lock", "assets", "briefs", "public"]);
    #[cfg(unix)]
    expected.push(".public.4000005-0.tmp");
    expected.sort();
    assert_eq!(dir_listing(&dir), expected);
    assert_eq!(dir_listing(&briefs), ["one.json"], "a symlink named so is not followed");

    // A build that runs is not interrupted: the next one waits for its lock, then removes its folder if it is left.
    folder_with_a_page(".public.4000006-0.tmp");
    let lock = fs::File::open(dir.join(".public.lock")).expect("the lock");
    fs4::FileExt::lock(&lock).expect("lock");
    let p = |p: &Path| p.to_str().expect("path").to_owned();
    let mut build = Command::new(env!("CARGO_BIN_EXE_brief-card"))
        .args(["site", &p(&briefs), "--out", &p(&dir.join("public")), "--base-url", BASE, "--assets", &p(&assets)])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run brief-card");
    let mut said = std::io::BufReader::new(build.stderr.take().expect("stderr"));
    let mut waiting = String::new();
    std::io::BufRead::read_line(&mut said, &mut waiting).expect("read stderr");
    assert!(waiting.starts_with("brief-card: waiting for another build of "), "{waiting}");
    assert!(dir.join(".public.4000006-0.tmp/one/index.html").exists(), "kept while the lock is held");
    drop(lock);
    assert!(build.wait().expect("wait").success());
    assert!(!dir.join(".public.4000006-0.tmp").exists(), "removed once the build holds the lock");
}

#[test]
fn site_refuses_an_out_folder_that_is_not_a_site() {
    let dir = scratch("site-refuse");
    let assets = site_assets(&dir);
    let out = dir.join("docs");
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(out.join("notes.txt"), "mine").expect("write");
    let o = site(&root().join("www/briefs"), &out, &assets);
    assert_bad_input(&o, "a non-site --out");
    assert!(stderr(&o).contains("not a site written by brief-card site"), "{}", stderr(&o));
    assert_eq!(dir_listing(&out), ["notes.txt"]);
    assert_eq!(dir_listing(&dir), ["assets", "docs"]);

    // A file, and a folder holding the input, are refused too; an empty folder is fine.
    let o = site(&root().join("www/briefs"), &out.join("notes.txt"), &assets);
    assert_bad_input(&o, "a file as --out");
    fs::remove_file(out.join("notes.txt")).expect("rm");
    fs::create_dir_all(out.join("in")).expect("mkdir");
    fs::copy(example("minimal.json"), out.join("in/minimal.json")).expect("copy");
    fs::write(out.join(".brief-card-site"), "").expect("marker");
    let o = site(&out.join("in"), &out, &assets);
    assert_bad_input(&o, "the input inside --out");
    assert!(stderr(&o).contains("which the site would replace"), "{}", stderr(&o));
    let empty = dir.join("empty");
    fs::create_dir_all(&empty).expect("mkdir");
    assert_eq!(code(&site(&root().join("www/briefs"), &empty, &assets)), 0);
}

/// A symlink as `--out`, as deploys keep `current` pointing to a release's
/// folder: the folder it points to is replaced, all or nothing as any
/// other, and the link stays as it was.
#[cfg(unix)]
#[test]
fn site_through_a_symlinked_out_replaces_the_folder_it_points_to() {
    let dir = scratch("site-symlink-out");
    let assets = site_assets(&dir);
    let briefs = dir.join("briefs");
    fs::create_dir_all(&briefs).expect("mkdir");
    fs::write(briefs.join("a.json"), r#"{"id":"a","title":"A"}"#).expect("write");
    let release = dir.join("releases").join("1");
    fs::create_dir_all(&release).expect("mkdir");
    assert_eq!(code(&site(&briefs, &release, &assets)), 0);
    fs::write(release.join("CNAME"), "briefs.example").expect("write");
    let current = dir.join("current");
    std::os::unix::fs::symlink("releases/1", &current).expect("symlink");
    fs::write(briefs.join("b.json"), r#"{"id":"b","title":"B"}"#).expect("write");
    // With a final `/` too, through which the link looks like a folder.
    for out in [current.clone(), dir.join("current/")] {
        let o = site(&briefs, &out, &assets);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(stdout(&o).starts_with(&format!("{}: 2 briefs, ", out.display())), "{}", stdout(&o));
    }
    assert_eq!(fs::read_link(&current).expect("still a link"), Path::new("releases/1"));
    assert!(release.join("b/index.html").is_file(), "the new site is in the folder the link points to");
    assert_eq!(fs::read_to_string(release.join("CNAME")).ok().as_deref(), Some("briefs.example"), "the host's file kept");
    assert_eq!(dir_listing(&dir.join("releases")), [".1.lock", "1"], "nothing left beside it");
    assert_eq!(dir_listing(&dir), ["assets", "briefs", "current", "releases"]);

    // A link to no folder is refused, as a link.
    std::os::unix::fs::symlink("releases/2", dir.join("next")).expect("symlink");
    let o = site(&briefs, &dir.join("next"), &assets);
    assert_bad_input(&o, "a link to no folder");
    assert!(stderr(&o).contains("next is a symlink to releases/2, which cannot be read"), "{}", stderr(&o));
    assert_eq!(dir_listing(&dir.join("releases")), [".1.lock", "1"]);
}

#[cfg(unix)]
#[test]
fn site_reads_a_folder_once_however_symlinks_reach_it() {
    let dir = scratch("site-loop");
    let assets = site_assets(&dir);
    let briefs = dir.join("briefs");
    fs::create_dir_all(briefs.join("sub")).expect("mkdir");
    fs::write(briefs.join("one.json"), r#"{"title":"One"}"#).expect("write");
    // A link back to the top: followed, the walk would never end (or report each brief again and again).
    std::os::unix::fs::symlink(&briefs, briefs.join("sub").join("loop")).expect("symlink");
    let o = site(&briefs, &dir.join("out"), &assets);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(dir.join("out").join("one").join("index.html").exists());
}

#[test]
fn site_reports_briefs_that_would_share_a_page() {
    let dir = scratch("site-collide");
    let assets = site_assets(&dir);
    let briefs = dir.join("briefs");
    fs::create_dir_all(&briefs).expect("mkdir");
    fs::write(briefs.join("a.json"), r#"{"id":"Caracas","title":"A"}"#).expect("write");
    fs::write(briefs.join("b.json"), r#"{"id":"caracas","title":"B"}"#).expect("write");
    fs::write(briefs.join("caracas.json"), r#"{"title":"C"}"#).expect("write");
    let o = site(&briefs, &dir.join("out"), &assets);
    assert_bad_input(&o, "two briefs, one name");
    let err = stderr(&o);
    let a = briefs.join("a.json").display().to_string();
    assert!(
        err.contains(&format!(
            "{}: id: its page would be named \"caracas\" (from its id), as is the page of {a}",
            briefs.join("b.json").display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}: its page would be named \"caracas\" (from its file name)", briefs.join("caracas.json").display())),
        "{err}"
    );
    assert!(!dir.join("out").exists());
}

#[test]
fn site_says_how_to_build_missing_assets() {
    let dir = scratch("site-assets");
    let o = site(&root().join("www/briefs"), &dir.join("out"), &dir.join("nothing"));
    assert_bad_input(&o, "no assets");
    assert!(stderr(&o).contains("bash scripts/build.sh"), "{}", stderr(&o));
    assert!(!dir.join("out").exists());
}

/// An undated brief is as new as its file, so that rebuilding the site
/// leaves its feeds as they were (a feed reader would show the brief as
/// changed); `SOURCE_DATE_EPOCH` is the latest any file's time may be.
#[test]
fn site_dates_an_undated_brief_in_the_feeds_by_its_files_time() {
    let dir = scratch("site-undated");
    let assets = site_assets(&dir);
    let briefs = dir.join("briefs");
    fs::create_dir_all(&briefs).expect("mkdir");
    let undated = briefs.join("u.json");
    fs::write(&undated, r#"{"id":"u","title":"Undated"}"#).expect("write");
    fs::write(briefs.join("d.json"), r#"{"id":"d","title":"Dated","date":"2020-01-02"}"#).expect("write");
    let written = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_715_000_000); // 2024-05-06T12:53:20Z
    fs::File::options().write(true).open(&undated).and_then(|f| f.set_modified(written)).expect("set the file's time");
    let out = dir.join("public");
    let p = |p: &Path| p.to_str().expect("path").to_owned();
    let site_with = |epoch: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_brief-card"));
        command.args(["site", &p(&briefs), "--out", &p(&out), "--base-url", BASE, "--assets", &p(&assets)]);
        match epoch {
            Some(secs) => command.env("SOURCE_DATE_EPOCH", secs),
            None => command.env_remove("SOURCE_DATE_EPOCH"),
        };
        let o = command.stdin(Stdio::null()).output().expect("run brief-card");
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let atom = fs::read_to_string(out.join("feed.xml")).expect("feed.xml");
        let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join("feed.json")).expect("feed.json")).expect("JSON");
        (atom, json)
    };
    let (atom, json) = site_with(None);
    let entry = atom.split("<entry").find(|e| e.contains("<title>Undated</title>")).expect("the undated entry");
    assert!(entry.contains("<updated>2024-05-06T12:53:20Z</updated>"), "{entry}");
    assert!(atom.contains("<id>https://example.org/briefs/</id>\n  <updated>2024-05-06T12:53:20Z</updated>"), "the feed's: {atom}");
    assert_eq!(json["items"][1]["date_modified"], "2024-05-06T12:53:20Z");
    assert_eq!(site_with(None).0, atom, "a rebuild writes the same feed");
    // A later SOURCE_DATE_EPOCH leaves the file's time; an earlier one is the latest it may be.
    assert_eq!(site_with(Some("1800000000")).1["items"][1]["date_modified"], "2024-05-06T12:53:20Z");
    assert_eq!(site_with(Some("1700000000")).1["items"][1]["date_modified"], "2023-11-14T22:13:20Z");
    assert!(stdout(&run(&["site", "--help"])).contains("SOURCE_DATE_EPOCH"), "--help says so");
    // One that is no time is refused, as the convention asks (ignored, the
    // build was quietly dated by the clock), and the site is left as it was.
    let before = fs::read_to_string(out.join("feed.xml")).expect("feed.xml");
    for malformed in ["abc", "-5", "1.5", "+5", "99999999999999"] {
        let o = Command::new(env!("CARGO_BIN_EXE_brief-card"))
            .args(["site", &p(&briefs), "--out", &p(&out), "--base-url", BASE, "--assets", &p(&assets)])
            .env("SOURCE_DATE_EPOCH", malformed)
            .stdin(Stdio::null())
            .output()
            .expect("run brief-card");
        assert_eq!(code(&o), 1, "{malformed}");
        assert!(stderr(&o).contains("SOURCE_DATE_EPOCH"), "{}", stderr(&o));
        assert_eq!(fs::read_to_string(out.join("feed.xml")).expect("feed.xml"), before);
    }
}

#[test]
fn oembed_prints_one_briefs_oembed() {
    let url = "https://briefs.example.net/raisi-latin-america-tour-2023/";
    let file = example("flash-brief.json");
    let o = run(&[
        "oembed",
        file.to_str().expect("path"),
        "--url",
        url,
        "--maxwidth",
        "400",
        "--maxheight",
        "300",
        "--provider-name",
        "Example Policy Institute",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!((json["version"].as_str(), json["type"].as_str()), (Some("1.0"), Some("rich")));
    assert_eq!((json["width"].as_u64(), json["height"].as_u64()), (Some(400), Some(300)));
    assert_eq!(json["provider_name"], "Example Policy Institute");
    assert_eq!(json["provider_url"], "https://briefs.example.net/");
    assert_eq!(json["author_name"], "Example Policy Institute");
    assert!(json["html"].as_str().expect("html").contains(&format!("src=\"{url}embed.html\"")));

    // The provider's URL is the site's base, as `site` writes it, wherever the site lives.
    let nested = run(&["oembed", file.to_str().expect("path"), "--url", "https://news.example/briefs/raisi/"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&nested)).expect("JSON");
    assert_eq!(json["provider_url"], "https://news.example/briefs/");

    let o = run(&["oembed", example("feed.json").to_str().expect("path"), "--url", url]);
    assert_bad_input(&o, "a feed");
    assert!(stderr(&o).contains("oembed takes one brief"), "{}", stderr(&o));
    let o = run(&["oembed", file.to_str().expect("path"), "--url", url, "--maxwidth", "0"]);
    assert_eq!(code(&o), 2, "a zero maxwidth is bad usage");
}

/// Whether the tests run as root (as CI does), for whom no folder is read-only.
#[cfg(unix)]
fn running_as_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout == b"0\n")
}

/// The host's read-only folder in an earlier site, rebuilt by an ordinary
/// user: as root every folder is writable, so the test runs the command as
/// `nobody` (util-linux's setpriv) over files `nobody` owns.
#[cfg(unix)]
#[test]
fn site_rebuilds_over_a_read_only_host_folder_as_an_ordinary_user() {
    use std::os::unix::fs::PermissionsExt;
    const NOBODY: u32 = 65534;
    let as_root = running_as_root();
    if as_root && Command::new("setpriv").arg("--version").output().is_err() {
        eprintln!("skipped: running as root, and no setpriv to run the command as another user");
        return;
    }
    let dir = scratch("site-read-only-host");
    let assets = site_assets(&dir);
    let briefs = dir.join("briefs");
    fs::create_dir_all(&briefs).expect("mkdir");
    fs::copy(root().join("www/briefs/minimal.json"), briefs.join("minimal.json")).expect("copy");
    let out = dir.join("public");
    let site_as_user = || {
        let p = |p: &Path| p.to_str().expect("path").to_owned();
        let args = ["site", &p(&briefs), "--out", &p(&out), "--base-url", BASE, "--assets", &p(&assets)].map(str::to_owned);
        let mut command = if as_root {
            let mut c = Command::new("setpriv");
            c.args([&format!("--reuid={NOBODY}"), &format!("--regid={NOBODY}"), "--clear-groups", env!("CARGO_BIN_EXE_brief-card")]);
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_brief-card"))
        };
        command.args(args).stdin(Stdio::null()).output().expect("run brief-card")
    };
    let give_to_nobody = |path: &Path| {
        if as_root {
            chown_all(path, NOBODY);
        }
    };
    give_to_nobody(&dir);
    let o = site_as_user();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // The host adds a read-only folder, with a read-only folder in it.
    let acme = out.join(".well-known/acme");
    fs::create_dir_all(&acme).expect("mkdir");
    fs::write(acme.join("token"), "the host's").expect("write");
    give_to_nobody(&out);
    for folder in [&acme, &out.join(".well-known")] {
        fs::set_permissions(folder, fs::Permissions::from_mode(0o555)).expect("chmod");
    }
    let o = site_as_user();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no warning: the earlier site was removed");
    assert_eq!(fs::read_to_string(acme.join("token")).ok().as_deref(), Some("the host's"));
    for folder in [&acme, &out.join(".well-known")] {
        assert_eq!(fs::metadata(folder).expect("stat").permissions().mode() & 0o777, 0o555, "{}", folder.display());
        fs::set_permissions(folder, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    assert_eq!(dir_listing(&dir), [".public.lock", "assets", "briefs", "public"], "the earlier site was removed, not left aside");
}

/// `path` and everything in it, owned by `user`.
#[cfg(unix)]
fn chown_all(path: &Path, user: u32) {
    std::os::unix::fs::chown(path, Some(user), Some(user)).expect("chown");
    if path.is_dir() {
        for entry in fs::read_dir(path).expect("read dir") {
            chown_all(&entry.expect("entry").path(), user);
        }
    }
}

/// JSON-LD's own file extension, `.jsonld`, is an input of the site like `.json`.
#[test]
fn site_reads_jsonld_files() {
    let (dir, briefs, assets) = site_of_one_brief("site-jsonld");
    fs::write(briefs.join("story.jsonld"), r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"From JSON-LD"}"#)
        .expect("write");
    let o = site(&briefs, &dir.join("out"), &assets);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let page = fs::read_to_string(dir.join("out").join("story").join("index.html")).expect("the story's page");
    assert!(page.contains("From JSON-LD"));
}

/// The host's files in an earlier site, as a host adds them after a build.
fn add_host_files(out: &Path) {
    fs::create_dir_all(out.join("images")).expect("mkdir");
    fs::create_dir_all(out.join(".well-known")).expect("mkdir");
    for (file, text) in [("favicon.ico", "icon"), ("images/logo.png", "logo"), (".well-known/security.txt", "contact"), ("CNAME", "news")] {
        fs::write(out.join(file), text).expect("host file");
    }
}

fn has_host_files(out: &Path) -> bool {
    ["favicon.ico", "images/logo.png", ".well-known/security.txt", "CNAME"].iter().all(|f| out.join(f).is_file())
}

/// A marker emptied by hand (or no UTF-8) cannot say which files the site wrote: the host's
/// are kept all the same, and the files the new site writes are taken for the site's.
#[test]
fn site_keeps_the_hosts_files_whatever_its_marker_says() {
    let (dir, briefs, assets) = site_of_one_brief("site-marker");
    let out = dir.join("public");
    for emptied in [true, false] {
        let _ = fs::remove_dir_all(&out);
        assert_eq!(code(&site(&briefs, &out, &assets)), 0);
        add_host_files(&out);
        // Emptied, or with a line that is no UTF-8 after the site's list.
        let mut marker = if emptied { Vec::new() } else { fs::read(out.join(".brief-card-site")).expect("marker") };
        marker.extend_from_slice(if emptied { b"" } else { b"\xff\n" });
        fs::write(out.join(".brief-card-site"), &marker).expect("marker");
        let o = site(&briefs, &out, &assets);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(has_host_files(&out), "emptied {emptied}: {:?}", dir_listing(&out));
        assert!(out.join("one/index.html").is_file());
    }
}

/// A build killed between its two renames leaves no site in --out, the earlier one aside: the
/// next build puts it back first, so its host files are carried over, not removed with it.
#[test]
fn site_after_a_build_killed_between_its_renames_keeps_the_hosts_files() {
    let (dir, briefs, assets) = site_of_one_brief("site-killed");
    let out = dir.join("public");
    assert_eq!(code(&site(&briefs, &out, &assets)), 0);
    add_host_files(&out);
    // As the kill left it: the earlier site aside, the new one not yet renamed into place; and
    // (the second time) an empty --out a deploy script made before the build.
    for make_out in [false, true] {
        fs::rename(&out, dir.join(".public.4000009.old")).expect("aside");
        fs::create_dir_all(dir.join(".public.4000009-0.tmp/one")).expect("the new site");
        if make_out {
            fs::create_dir(&out).expect("mkdir -p public");
        }
        let o = site(&briefs, &out, &assets);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(stderr(&o).contains("put back the earlier site"), "{}", stderr(&o));
        assert!(has_host_files(&out), "{:?}", dir_listing(&out));
        assert_eq!(dir_listing(&dir), [".public.lock", "assets", "briefs", "public"]);
    }
    // An earlier site a build that succeeded could not remove (no new site beside it) is not
    // put back once the user has removed --out: its files are what they removed.
    fs::write(out.join("old-host.txt"), "removed by the user").expect("write");
    fs::rename(&out, dir.join(".public.4000010.old")).expect("aside");
    let o = site(&briefs, &out, &assets);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!out.join("old-host.txt").exists() && !dir.join(".public.4000010.old").exists());
}

/// Only plain files are read or carried over: a FIFO (which would wait for a writer for ever)
/// among the briefs or in the earlier site is a problem naming it, and nothing is replaced.
#[test]
#[cfg(unix)]
fn site_refuses_fifos_instead_of_waiting_on_them() {
    let (dir, briefs, assets) = site_of_one_brief("site-fifo");
    let out = dir.join("public");
    let fifo = |path: &Path| assert!(Command::new("mkfifo").arg(path).status().expect("mkfifo").success());
    fifo(&briefs.join("pipe.json"));
    let o = site(&briefs, &out, &assets);
    assert_bad_input(&o, "a FIFO among the briefs");
    assert!(stderr(&o).contains("pipe.json is no plain file"), "{}", stderr(&o));
    assert!(!out.exists());

    fs::remove_file(briefs.join("pipe.json")).expect("rm");
    assert_eq!(code(&site(&briefs, &out, &assets)), 0);
    let before = tree(&out);
    fifo(&out.join("host-pipe"));
    let o = site(&briefs, &out, &assets);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("host-pipe is no plain file"), "{}", stderr(&o));
    fs::remove_file(out.join("host-pipe")).expect("the FIFO is still there");
    assert_eq!(tree(&out), before, "the earlier site as it was");
}

/// A symlink among the briefs may lead anywhere inside their folder (read once), not out of
/// it: a site publishes only what its folder holds. Nor may the assets' snippets lead out.
#[test]
#[cfg(unix)]
fn site_reads_nothing_through_a_symlink_out_of_its_folder() {
    let (dir, briefs, assets) = site_of_one_brief("site-symlink-out");
    let out = dir.join("public");
    std::os::unix::fs::symlink(briefs.join("one.json"), briefs.join("again.json")).expect("symlink");
    std::os::unix::fs::symlink(briefs.join("one.json"), briefs.join("zlink.json")).expect("symlink");
    let o = site(&briefs, &out, &assets);
    assert_eq!(code(&o), 0, "the same brief through a link inside the folder is read once: {}", stderr(&o));
    assert!(out.join("one").is_dir() && !out.join("again").exists() && !out.join("zlink").exists(), "by its own name");

    fs::create_dir_all(dir.join("secret")).expect("mkdir");
    fs::write(dir.join("secret/draft.json"), r#"{"title":"Private draft","id":"private-draft"}"#).expect("write");
    // A folder linked from outside (a host's images, say) is not read, and said so.
    std::os::unix::fs::symlink(dir.join("secret"), briefs.join("link")).expect("symlink");
    let o = site(&briefs, &out, &assets);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("link leads out of") && stderr(&o).contains("not read"), "{}", stderr(&o));
    assert!(!out.join("private-draft").exists());
    fs::remove_file(briefs.join("link")).expect("rm");
    // A brief linked from outside is an error naming it.
    std::os::unix::fs::symlink(dir.join("secret/draft.json"), briefs.join("draft.json")).expect("symlink");
    let o = site(&briefs, &out, &assets);
    assert_bad_input(&o, "a brief linked from out of the folder");
    assert!(stderr(&o).contains("draft.json is a symlink to") && stderr(&o).contains("outside"), "{}", stderr(&o));
    assert!(!out.join("private-draft").exists());
    fs::remove_file(briefs.join("draft.json")).expect("rm");

    fs::create_dir_all(assets.join("pkg/snippets")).expect("mkdir");
    std::os::unix::fs::symlink(dir.join("secret"), assets.join("pkg/snippets/leak")).expect("symlink");
    let o = site(&briefs, &out, &assets);
    assert_bad_input(&o, "a snippet link out of the assets");
    assert!(stderr(&o).contains("outside the assets' pkg/snippets/"), "{}", stderr(&o));
}

/// The site's folder is the host's: a rebuild keeps its mode (a private one stays private).
#[test]
#[cfg(unix)]
fn site_keeps_the_mode_of_its_folder() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, briefs, assets) = site_of_one_brief("site-mode");
    let out = dir.join("public");
    assert_eq!(code(&site(&briefs, &out, &assets)), 0);
    fs::set_permissions(&out, fs::Permissions::from_mode(0o2750)).expect("chmod");
    let o = site(&briefs, &out, &assets);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(fs::metadata(&out).expect("stat").permissions().mode() & 0o7777, 0o2750);
}

/// A host's folder where the new site writes a file is refused by its name, and a brief whose
/// page name is too long for a folder is a problem naming the brief, not a failed write.
#[test]
fn site_names_what_stands_in_the_way_of_a_file_it_writes() {
    let (dir, briefs, assets) = site_of_one_brief("site-in-the-way");
    let out = dir.join("public");
    assert_eq!(code(&site(&briefs, &out, &assets)), 0);
    fs::remove_file(out.join("feed.xml")).expect("rm");
    fs::create_dir_all(out.join("feed.xml")).expect("mkdir");
    fs::write(out.join("feed.xml/note.txt"), "the host's").expect("write");
    let o = site(&briefs, &out, &assets);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("the site writes") && stderr(&o).contains("feed.xml"), "{}", stderr(&o));
    fs::remove_dir_all(out.join("feed.xml")).expect("rm");

    fs::write(briefs.join("long.json"), format!(r#"{{"title":"Long","id":"{}"}}"#, "a".repeat(300))).expect("write");
    let o = site(&briefs, &out, &assets);
    assert_bad_input(&o, "a page name too long for a folder");
    assert!(stderr(&o).contains("long.json: id: its page would be named by 300 characters"), "{}", stderr(&o));
}

/// A site's problems are listed as a brief's are: the first 50, then how many more.
#[test]
fn site_lists_fifty_problems_then_a_count() {
    let (dir, briefs, assets) = site_of_one_brief("site-many-problems");
    for i in 0..60 {
        fs::write(briefs.join(format!("bad-{i:02}.json")), r#"{"title":""}"#).expect("write");
    }
    let o = site(&briefs, &dir.join("public"), &assets);
    assert_bad_input(&o, "sixty bad briefs");
    let lines: Vec<String> = stderr(&o).lines().map(str::to_owned).collect();
    assert!(lines[0].ends_with("60 problem(s); nothing was written:"), "{}", lines[0]);
    assert_eq!(lines.len(), 1 + 50 + 1, "{lines:?}");
    assert_eq!(lines[51], "… and 10 more problems");
}
