#![cfg(not(target_arch = "wasm32"))]
//! The URL policy against an independent WHATWG URL parser (the `url` crate,
//! which reads URLs as browsers do): for arbitrary and URL-shaped strings,
//! and for every string of tests/hostile/corpus.txt,
//!
//! - whatever scheme the WHATWG parser reads in a raw string, if it is not
//!   http, https (or mailto, for links), `url_policy::check` refuses it;
//!   that is the security property, so it is read both alone and against an
//!   http(s) base (relative references resolve against the host page);
//! - an absolute URL `check` returns parses, where it parses at all, with
//!   the same scheme, and that scheme is allowed; a relative one resolves
//!   against an http(s) base to http(s) (never to some other scheme);
//! - `url_policy::resolve` sends a relative reference to the same scheme,
//!   host and port as the WHATWG parser does.
//!
//! Known bug (ignored tests at the end, `cargo test --test url_oracle -- --ignored`):
//! `check` accepts some authorities no browser can parse (ports above 65535,
//! invalid IPv4 such as `999.999.999.999`, `[x]`, hosts IDNA refuses) and
//! does not check the authority of protocol-relative references at all
//! (`//user:pw@host/` passes although `https://user:pw@host/` is refused;
//! `//?/x` resolves to `https://?/x` against a base). Such URLs are inert in
//! a browser (never followed, never fetched), so the security properties
//! above hold; the policy's promise to re-serialise "as the WHATWG parser
//! reads it" does not.

#[path = "support/hostile_corpus.rs"]
mod hostile_corpus;

use brief_card::validate::url_policy::{self, check, UrlUse};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::sync::atomic::{AtomicUsize, Ordering};
use url::Url;

const BASE: &str = "https://host.example/dir/page?q=1#f";
const CASES: u32 = 10_000;

fn allowed(usage: UrlUse) -> &'static [&'static str] {
    match usage {
        UrlUse::Link => &["http", "https", "mailto"],
        UrlUse::Resource => &["http", "https"],
    }
}

/// The corpus shared with the browser suites.
fn corpus() -> Vec<String> {
    hostile_corpus::strings()
}

fn sel(items: &[&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(items.to_vec()).prop_map(String::from).boxed()
}

/// Pieces that URLs, and attacks on URL parsers, are made of.
fn url_ish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => sel(&[
            "javascript", "JaVaScRiPt", "java", "script", "vbscript", "data", "http", "https", "HTTPS", "mailto", "file",
            "ftp", "blob", "about", "x", "j", "ws", "livescript",
        ]),
        6 => sel(&[
            ":", ":", "//", "/", "\\", "\\\\", "?", "#", "@", ".", "..", "[", "]", "%", "%0a", "%2F", "%00", "&#58;", ";",
            ",", "=", "+", "-", "'", "\"", "<", ">", "`", "{", "}", "|", "^", " ",
        ]),
        3 => sel(&["\t", "\n", "\r", "\0", "\u{1}", "\u{1f}", "\u{7f}", "\u{a0}", "\u{200b}", "\u{ad}", "\u{202e}", "\u{feff}", "\u{fffd}", "\u{3000}", "\u{ff1a}"]),
        4 => sel(&[
            "example.org", "evil.example", "EXAMPLE.org", "127.0.0.1", "0x7f.1", "999.1.1.1", "1.2.3.4.5", "[::1]", "[::ffff:1.2.3.4]",
            "xn--", "xn--80ak6aa92e.com", "ex ample", "éxample.org", "ｅｘａｍｐｌｅ.org", "user:pw@", "a@b", "localhost", "_",
        ]),
        2 => sel(&[":80", ":443", ":0", ":65535", ":65536", ":99999", ":", ":x", ":-1", ":080"]),
        2 => "[a-zA-Z0-9]{1,6}".boxed(),
        1 => any::<char>().prop_map(String::from).boxed(),
    ];
    prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
}

fn strings() -> impl Strategy<Value = String> {
    prop_oneof![4 => url_ish(), 1 => any::<String>(), 1 => "[\\x00-\\x7f]{0,24}"]
}

fn runner() -> TestRunner {
    TestRunner::new(Config { cases: CASES, failure_persistence: None, ..Config::default() })
}

/// The security property, for one string: every scheme the WHATWG parser
/// reads (alone, or against an http(s) base) that is not allowed is refused.
fn refuses_what_whatwg_reads_as_other_schemes(raw: &str) -> Result<(), String> {
    for usage in [UrlUse::Link, UrlUse::Resource] {
        let got = check(raw, usage);
        let base = Url::parse(BASE).map_err(|e| e.to_string())?;
        for (how, parsed) in [("alone", Url::parse(raw)), ("against the base", base.join(raw))] {
            if let Ok(u) = parsed {
                if !allowed(usage).contains(&u.scheme()) && got.is_ok() {
                    return Err(format!(
                        "{raw:?} ({usage:?}): WHATWG reads scheme {:?} {how}, but check() accepted it as {got:?}",
                        u.scheme()
                    ));
                }
            }
        }
    }
    Ok(())
}

/// For one string: what check() returns keeps an allowed scheme wherever it parses.
fn accepted_urls_keep_an_allowed_scheme(raw: &str) -> Result<(), String> {
    for usage in [UrlUse::Link, UrlUse::Resource] {
        let Ok(out) = check(raw, usage) else { continue };
        if out.chars().any(|c| c <= ' ' || matches!(c, '"' | '<' | '>' | '`' | '\u{7f}')) && url_policy::is_relative(&out) {
            return Err(format!("{raw:?}: relative output {out:?} has a character that should be percent-encoded"));
        }
        if url_policy::is_relative(&out) {
            if let Ok(u) = Url::parse(BASE).and_then(|b| b.join(&out)) {
                if !["http", "https"].contains(&u.scheme()) {
                    return Err(format!("{raw:?}: relative {out:?} resolves to scheme {:?}", u.scheme()));
                }
            }
        } else {
            let scheme = out.split(':').next().unwrap_or("");
            if !allowed(usage).contains(&scheme) {
                return Err(format!("{raw:?} ({usage:?}): check() returned scheme {scheme:?}: {out:?}"));
            }
            if let Ok(u) = Url::parse(&out) {
                if u.scheme() != scheme {
                    return Err(format!("{raw:?}: check() returned {out:?} (scheme {scheme:?}), WHATWG reads scheme {:?}", u.scheme()));
                }
            }
        }
    }
    Ok(())
}

/// For one string: an accepted URL parses (absolute) or resolves (relative). Fails today: see the module docs.
fn accepted_urls_parse(raw: &str) -> Result<(), String> {
    let Ok(out) = check(raw, UrlUse::Link) else { return Ok(()) };
    if unparseable(&out) {
        return Err(format!("{raw:?}: check() accepted it as {out:?}, which WHATWG cannot parse"));
    }
    Ok(())
}

/// The known bug's class: an accepted URL that does not parse as WHATWG reads it.
fn unparseable(out: &str) -> bool {
    let parsed = match (url_policy::is_relative(out), out.starts_with("//")) {
        (true, true) => Url::parse(&format!("https:{out}")),
        (true, false) => Url::parse(BASE).and_then(|b| b.join(out)),
        (false, _) => Url::parse(out),
    };
    parsed.is_err()
}

/// For one string: what check() returns passes check() again, unchanged (the
/// standalone page re-emits checked URLs for its live card, which checks
/// them again; `https://a:b:` once gave `https://a:b/`, then "has an invalid port").
fn check_is_idempotent(raw: &str) -> Result<(), String> {
    for usage in [UrlUse::Link, UrlUse::Resource] {
        let Ok(once) = check(raw, usage) else { continue };
        match check(&once, usage) {
            Ok(twice) if twice == once => {}
            other => return Err(format!("{raw:?} ({usage:?}): check() gives {once:?}, and checking that gives {other:?}")),
        }
    }
    Ok(())
}

/// For one string: resolve() goes where WHATWG's join goes (scheme, host, port).
fn resolve_agrees_on_the_origin(raw: &str) -> Result<(), String> {
    let Ok(reference) = check(raw, UrlUse::Link) else { return Ok(()) };
    if !url_policy::is_relative(&reference) {
        return Ok(());
    }
    let ours = url_policy::resolve(BASE, &reference, url_policy::DEFAULT_WHATWG);
    let (Ok(theirs), Ok(ours_parsed)) = (Url::parse(BASE).and_then(|b| b.join(&reference)), Url::parse(&ours)) else {
        return Ok(()); // unparseable: covered by accepted_urls_parse
    };
    let origin = |u: &Url| (u.scheme().to_string(), u.host_str().map(str::to_string), u.port_or_known_default());
    if origin(&theirs) != origin(&ours_parsed) {
        return Err(format!("{raw:?}: resolve() gives {ours:?}, WHATWG gives {:?}", theirs.as_str()));
    }
    Ok(())
}

fn run(name: &str, property: fn(&str) -> Result<(), String>) -> usize {
    let count = AtomicUsize::new(0);
    // The corpus first, every string, then generated ones.
    let corpus = corpus();
    for s in &corpus {
        if let Err(e) = property(s) {
            panic!("{name}: corpus string fails: {e}");
        }
    }
    runner()
        .run(&strings(), |s| {
            count.fetch_add(1, Ordering::Relaxed);
            property(&s).map_err(TestCaseError::fail)
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let n = count.load(Ordering::Relaxed);
    println!("{name}: {} corpus strings + {n} generated cases", corpus.len());
    n
}

#[test]
fn check_refuses_every_scheme_whatwg_reads_outside_the_allow_list() {
    assert!(run("refuses other schemes", refuses_what_whatwg_reads_as_other_schemes) >= CASES as usize);
}

#[test]
fn accepted_urls_keep_an_allowed_scheme_and_relative_ones_stay_relative() {
    assert!(run("accepted keep scheme", accepted_urls_keep_an_allowed_scheme) >= CASES as usize);
}

#[test]
fn check_accepts_its_own_output_unchanged() {
    assert!(run("idempotent", check_is_idempotent) >= CASES as usize);
}

#[test]
fn resolve_goes_where_whatwg_goes() {
    assert!(run("resolve origin", resolve_agrees_on_the_origin) >= CASES as usize);
}

#[test]
fn obfuscated_script_schemes_are_refused() {
    // Every C0 control and space before the scheme; tab, LF, CR anywhere in it.
    let mut cases = Vec::new();
    for c in (0u8..=0x20).map(char::from) {
        cases.push(format!("{c}javascript:alert(1)"));
        cases.push(format!("{c}{c}vbscript:x"));
        cases.push(format!("data:text/html,x{c}"));
    }
    let js = "javascript";
    for ws in ['\t', '\n', '\r'] {
        for i in 1..=js.len() {
            cases.push(format!("{}{ws}{}:alert(1)", &js[..i], &js[i..]));
        }
    }
    for mask in 0u32..1024 {
        let mixed: String = js.chars().enumerate().map(|(i, ch)| if mask >> i & 1 == 1 { ch.to_ascii_uppercase() } else { ch }).collect();
        cases.push(format!("{mixed}:alert(1)"));
    }
    for s in &cases {
        for usage in [UrlUse::Link, UrlUse::Resource] {
            assert!(check(s, usage).is_err(), "{s:?} accepted as {:?}", check(s, usage));
        }
        refuses_what_whatwg_reads_as_other_schemes(s).unwrap();
    }
    println!("obfuscated schemes: {} strings", cases.len());
}

// ---- authorities the policy refuses ----------------------------------------

/// Unparseable by every browser (WHATWG), or credentials the policy refuses
/// in the absolute form; `//…` references get the same checks.
const SHOULD_BE_REFUSED: &[&str] = &[
    "https://evil.example:65536/",
    "https://evil.example:99999/",
    "https://evil.example:80:80/",
    "http://[/",
    "http://]/",
    "http://[::1/",
    "http://[]/",
    "http://[x]/",
    "https://ex[ample.org/",
    "http://999.999.999.999/",
    "http://1.2.3.4.5/",
    "http://\u{fffd}/",
    "http://\u{ad}/",
    "http://\u{200b}/",
    "https://\u{202e}elpmaxe.org/",
    "//user:pw@evil.example/",
    "\\\\user:pw@evil.example/",
    "//?/C:/x",
    "\\\\?\\C:\\x",
    "//evil.example:99999/",
    "//[/",
    "https://javascript:javascript:",
    "https://a:b:/",
    "https://xn--/",
    "https://xn--a.org/",
    "//xn--:",
    "\\\\localhost\u{ff1a}",
    "//\r\u{fe5e1}",
    "https://a\u{3000}b.org/",
];

#[test]
fn regression_invalid_authorities_are_refused() {
    let accepted: Vec<String> =
        SHOULD_BE_REFUSED.iter().filter_map(|s| check(s, UrlUse::Link).ok().map(|out| format!("{s:?} -> {out:?}"))).collect();
    assert!(accepted.is_empty(), "accepted:\n{}", accepted.join("\n"));
}

#[test]
fn accepted_corpus_urls_parse_with_whatwg() {
    let corpus = corpus();
    let failures: Vec<String> = corpus.iter().filter_map(|s| accepted_urls_parse(s).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("accepted parse: {} corpus strings", corpus.len());
}

#[test]
#[ignore = "known gap: hosts are checked against the IDNA rules that need no Unicode tables (Punycode, private use, \
            full-width forms…), not against UTS 46's tables or its bidi rule, so about 1 in 50,000 generated strings \
            (e.g. unassigned code points) is accepted though a browser cannot parse it: inert, the link goes nowhere"]
fn accepted_urls_parse_with_whatwg() {
    run("accepted parse", accepted_urls_parse);
}

#[test]
fn the_known_bug_is_still_inert() {
    // Whatever the policy lets through of the list above is inert: no script
    // scheme, and an absolute result keeps http(s).
    for s in SHOULD_BE_REFUSED {
        refuses_what_whatwg_reads_as_other_schemes(s).unwrap();
        accepted_urls_keep_an_allowed_scheme(s).unwrap();
    }
}
