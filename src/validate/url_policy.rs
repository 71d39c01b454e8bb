//! The URL policy: every URL in a brief passes through [`check`], and only
//! what it returns is ever written into the card.
//!
//! We read URLs the way the WHATWG URL parser (what browsers use) reads
//! them, so that an obfuscated `java\tscript:` or `\u0001javascript:` is seen
//! as the `javascript` scheme it would become in a browser, then decide on an
//! allow-list. The result is the re-serialised URL (scheme lower-cased,
//! controls gone, unsafe characters percent-encoded), never the raw input.
//!
//! The reading is ours, and so is what is written out, so that a brief is
//! accepted or refused alike by the command line and by every browser (their
//! URL parsers differ at the edges: Chromium passes invalid Punycode hosts
//! through). What the policy leaves to a real WHATWG parser ([`Whatwg`]) is
//! where an already-checked relative reference goes against an
//! already-checked base: the browser's own `URL` in the browser, natively
//! the `url` crate, which follows the same standard. (In the browser the
//! module asks the browser's own parser, which is there already, rather than
//! carrying a second one.)
//! tests/url_oracle.rs checks against the crate that we read every scheme as
//! WHATWG does.
//!
//! `admit` is the whole policy for a brief's URL: [`check`], then what the
//! settings ask of it ([`UrlSettings`]: a base to resolve against, absolute
//! URLs only for email, the origins images may come from), and the length
//! limit of what is written out.

use percent_encoding::utf8_percent_encode;

use crate::format::limits::MAX_URL_CHARS;
use crate::format::patterns::URL_ENCODED as ENCODED;

/// Where a URL appears decides which schemes may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// `href` of a link: http, https, mailto, or a relative reference.
    Link,
    /// `src` of an image: http, https, or a relative reference.
    Resource,
}

/// Why a URL was refused; [`UrlProblem::message`] says it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    /// Nothing is left once surrounding spaces and control characters are stripped.
    Empty,
    /// The scheme (given, lowercased) is not allowed for this use.
    SchemeNotAllowed(String),
    /// An http(s) URL without `//host`, or with an empty host.
    MissingHost,
    /// The URL carries `user:password@`.
    Credentials,
    /// The port is not a number from 0 to 65535.
    BadPort,
    /// The host contains characters or a form a browser would not accept.
    BadHost,
}

impl UrlProblem {
    /// The problem in words, for a [`crate::validate::Problem`] message.
    pub fn message(&self) -> String {
        match self {
            UrlProblem::Empty => "must not be empty".into(),
            UrlProblem::SchemeNotAllowed(s) => format!("scheme \"{s}\" is not allowed"),
            UrlProblem::MissingHost => "must be an absolute http(s) URL with a host (https://host/…) or a relative reference".into(),
            UrlProblem::Credentials => "must not contain credentials (user:password@)".into(),
            UrlProblem::BadPort => "has an invalid port".into(),
            UrlProblem::BadHost => "has an invalid host".into(),
        }
    }
}

/// How relative URLs are treated: kept (they resolve against the host page),
/// resolved against a base, or refused (email needs absolute URLs).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct UrlSettings {
    /// An absolute http(s) URL, already through the URL policy.
    pub base: Option<String>,
    /// Refuse relative URLs when there is no base (email needs absolute ones).
    pub absolute_only: bool,
    /// The WHATWG URL parser that resolves a reference against `base`: the
    /// `url` crate natively, the browser's own `URL` in the browser. A
    /// wasm32 build without the `web` feature has none by default (only a
    /// protocol-relative reference resolves then): give it one to resolve
    /// paths, or email refuses them.
    pub whatwg: Whatwg,
    /// The only origins images and logos may come from; `None`: any.
    pub image_origins: Option<Vec<String>>,
}

impl Default for UrlSettings {
    fn default() -> Self {
        UrlSettings { base: None, absolute_only: false, whatwg: DEFAULT_WHATWG, image_origins: None }
    }
}

/// Why [`admit`] refused a URL; [`Refusal::message`] says it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The URL as written ([`check`]).
    Written(UrlProblem),
    /// Longer than a URL field holds once percent-encoded (its length then).
    LongEncoded(usize),
    /// What the base made of it ([`check`] of the resolved URL).
    Resolved(UrlProblem),
    /// Relative, with no base, where only absolute URLs do (email).
    Relative,
    /// Relative still after the base: no URL parser resolved the path.
    Unresolved,
    /// Longer than a URL field holds once resolved (its length then).
    LongResolved(usize),
    /// An image from an origin the settings do not allow (that origin).
    Origin(String),
}

impl Refusal {
    /// The refusal in words, for a problem at the URL's path.
    pub(crate) fn message(&self) -> String {
        match self {
            Refusal::Written(problem) => problem.message(),
            Refusal::LongEncoded(n) => format!("must be at most {MAX_URL_CHARS} characters once percent-encoded (has {n})"),
            Refusal::Resolved(problem) => format!("resolved against the base URL, {}", problem.message()),
            Refusal::Relative => "is a relative URL; email needs absolute ones (give a base URL)".into(),
            Refusal::Unresolved => {
                "is a relative URL that no URL parser resolved against the base URL; email needs absolute ones (see UrlSettings::whatwg)"
                    .into()
            }
            Refusal::LongResolved(n) => format!("must be at most {MAX_URL_CHARS} characters once resolved against the base URL (has {n})"),
            Refusal::Origin(origin) => format!("comes from {origin}, which options.imageOrigins does not allow"),
        }
    }
}

/// A brief's URL as the card writes it out, or why it may not be: through
/// [`check`], resolved against the settings' base (else, where only absolute
/// URLs do, against `brief_page`, the brief's own page), and held to the
/// settings' image origins. The length limit holds for the URL as written out
/// too (percent-encoding can make it 9 times longer, a base longer still), so
/// that any output validates again: the page the command line writes, whose
/// brief has its URLs resolved, reads back.
pub(crate) fn admit(raw: &str, usage: UrlUse, settings: &UrlSettings, brief_page: Option<&str>) -> Result<String, Refusal> {
    let url = check(raw, usage).map_err(Refusal::Written)?;
    if url.len() > MAX_URL_CHARS {
        return Err(Refusal::LongEncoded(url.len()));
    }
    let url = if !is_relative(&url) {
        url
    } else {
        match settings.base.as_deref().or(brief_page.filter(|_| settings.absolute_only)) {
            // What a base makes of a reference passes the policy too: a base
            // a Rust program set unchecked (`javascript:…`) must not turn a
            // brief's `//host/…` into a script.
            Some(base) => check(&resolve(base, &url, settings.whatwg), usage).map_err(Refusal::Resolved)?,
            None if settings.absolute_only => return Err(Refusal::Relative),
            None => url,
        }
    };
    // A base resolves a path only through a URL parser (`UrlSettings::whatwg`),
    // which a wasm32 build without the `web` feature is not given.
    if settings.absolute_only && is_relative(&url) {
        return Err(Refusal::Unresolved);
    }
    if url.len() > MAX_URL_CHARS {
        return Err(Refusal::LongResolved(url.len()));
    }
    // An image from an origin the host did not allow; a relative one is the host's own.
    if let (UrlUse::Resource, Some(allowed), Some(origin)) = (usage, &settings.image_origins, origin(&url)) {
        if !allowed.iter().any(|a| same_origin(a, origin)) {
            return Err(Refusal::Origin(origin.to_owned()));
        }
    }
    Ok(url)
}

/// Whether `origin` is the allowed origin `allowed` (`https://host`); a
/// protocol-relative `origin` (`//host`, whose scheme is the page's) is
/// allowed by the host's origin of either scheme.
fn same_origin(allowed: &str, origin: &str) -> bool {
    allowed == origin || (origin.starts_with("//") && allowed.strip_suffix(origin).is_some_and(|s| s == "https:" || s == "http:"))
}

/// Checks `raw` against the policy for `usage`, returning the URL to write out.
pub fn check(raw: &str, usage: UrlUse) -> Result<String, UrlProblem> {
    match already_plain(raw) {
        Some(url) => Ok(url),
        None => read(raw, usage),
    }
}

/// The common case, decided with one copy: an http(s) URL that is already
/// what [`read`] would write out (lower-case scheme and host, a host that
/// [`host_parses`] with no port or credentials, and nothing to strip or
/// percent-encode). `None` sends anything else through
/// the full reading. Most of a brief's URLs are like this, and the full
/// reading costs several copies and scans each.
fn already_plain(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix("https://").or_else(|| raw.strip_prefix("http://"))?;
    let (host, tail) = rest.split_at_checked(find(rest, ends_authority).unwrap_or(rest.len()))?;
    // Nothing to strip or percent-encode, no `\\` to read as `/`.
    let plain = |b: &u8| *b > b' ' && *b < 0x7f && !matches!(b, b'"' | b'<' | b'>' | b'`' | b'\\' | b'[' | b']');
    // No upper case, no credentials; port, IPv4 and Punycode are the full reading's.
    let odd_in_host = |b: &u8| b.is_ascii_uppercase() || *b == b'@';
    if !rest.as_bytes().iter().all(plain) || host.is_empty() || host.as_bytes().iter().any(odd_in_host) || !host_parses(host, false) {
        return None;
    }
    let mut url = String::with_capacity(raw.len() + 1);
    url.push_str(raw);
    if tail.is_empty() {
        url.push('/');
    }
    Some(url)
}

/// The full reading, as the WHATWG URL parser reads `raw`, then the allow-list.
fn read(raw: &str, usage: UrlUse) -> Result<String, UrlProblem> {
    // WHATWG: strip leading and trailing C0 controls and spaces, then remove
    // every tab and newline, wherever it is.
    let mut cleaned = raw.trim_matches(|c: char| c <= ' ').replace(['\t', '\n', '\r'], "");
    if cleaned.is_empty() {
        return Err(UrlProblem::Empty);
    }
    let colon = scheme_len(&cleaned);
    // Lower-cased where it is, in the copy we own (not in a copy of its own).
    if let Some(scheme) = colon.and_then(|colon| cleaned.get_mut(..colon)) {
        scheme.make_ascii_lowercase();
    }
    // Browsers read `\` as `/` in http(s) URLs and relative references: in all but mailto: URLs.
    let path = backslashes_to_slashes(&cleaned);
    let Some(colon) = colon else {
        // A protocol-relative reference names a host: the same rules as http(s).
        return if path.starts_with("//") { http("", &path) } else { Ok(encode(String::new(), &path)) };
    };
    // The scheme with its colon, as it is written out.
    let (scheme, rest) = path.split_at_checked(colon + 1).unwrap_or_default();
    match scheme {
        "https:" | "http:" => http(scheme, rest),
        "mailto:" if usage == UrlUse::Link => Ok(encode(String::new(), &cleaned)),
        _ => Err(UrlProblem::SchemeNotAllowed(scheme.get(..colon).unwrap_or("").into())),
    }
}

/// The length of the scheme `s` starts with, if any: an ASCII letter, then
/// letters, digits, `+`, `-` or `.`, then `:`.
fn scheme_len(s: &str) -> Option<usize> {
    // One pass, up to the colon or the first byte no scheme may hold.
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b == b':' {
            return (i > 0).then_some(i);
        }
        if !(b.is_ascii_alphabetic() || (i > 0 && (b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.')))) {
            return None;
        }
    }
    None
}

/// An absolute http(s) URL: `//host[:port]` then path, query and fragment,
/// written out after `scheme` (`https:`, `http:`, or nothing for a
/// protocol-relative reference). `rest` has its `\` read as `/` already,
/// as browsers read them in these schemes.
fn http(scheme: &str, rest: &str) -> Result<String, UrlProblem> {
    let Some(after) = rest.strip_prefix("//") else {
        return Err(UrlProblem::MissingHost);
    };
    let (authority, tail) = after.split_at_checked(find(after, ends_authority).unwrap_or(after.len())).unwrap_or((after, ""));
    if authority.contains('@') {
        return Err(UrlProblem::Credentials);
    }
    let colon = authority.as_bytes().iter().rposition(|&b| b == b':');
    let (host, port) = match colon.and_then(|i| Some((authority.get(..i)?, authority.get(i + 1..)?))) {
        // An IPv6 literal has colons of its own: a port colon comes after `]`.
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (authority, None),
    };
    if host.is_empty() {
        return Err(UrlProblem::MissingHost);
    }
    let ipv6 = host.as_bytes().first() == Some(&b'[') && host.as_bytes().last() == Some(&b']');
    let inner = if ipv6 { host.get(1..host.len() - 1).unwrap_or("") } else { host };
    if inner.is_empty() || !host_parses(inner, ipv6) {
        return Err(UrlProblem::BadHost);
    }
    let mut out = String::with_capacity(scheme.len() + 2 + host.len() + tail.len() + 1);
    out.push_str(scheme);
    out.push_str("//");
    out.push_str(host);
    if let Some(written) = out.get_mut(scheme.len()..) {
        written.make_ascii_lowercase();
    }
    if let Some(port) = port {
        let number = decimal(port.as_bytes()).filter(|&p| p <= 65535).ok_or(UrlProblem::BadPort)?;
        // As the URL standard writes a port: a number (`0443` is 443), left
        // out when it is the scheme's default, so `https://a:443/` and
        // `https://a/` are one URL and one origin.
        let default = match scheme {
            "https:" => Some(443),
            "http:" => Some(80),
            _ => None,
        };
        if !port.is_empty() && default != Some(number) {
            out.push(':');
            out.push_str(&number.to_string());
        }
    }
    if tail.is_empty() {
        out.push('/');
    }
    Ok(encode(out, tail))
}

/// What browsers would refuse in a host (without the brackets of an IPv6
/// literal): spaces, controls and the characters the URL standard forbids
/// there; an IPv6 literal with other than hex digits, `:` and `.`; a host
/// ending in a number that is not a dotted quad of bytes (browsers read it
/// as IPv4); characters IDNA refuses, drops or maps to ASCII punctuation;
/// an `xn--` label that is not Punycode for a non-ASCII name. (Not the
/// whole of UTS 46, whose mapping is the browser's business: what this lets
/// through and a browser cannot parse is a link that goes nowhere, never a
/// link somewhere else.)
fn host_parses(host: &str, ipv6: bool) -> bool {
    let bytes = host.as_bytes();
    // All of these are ASCII, so looking at bytes is looking at characters.
    // (An IPv6 literal of these holds none of the bytes forbidden in other hosts.)
    if ipv6 {
        return bytes.iter().all(|&b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    let forbidden =
        |&b: &u8| b <= b' ' || matches!(b, b'<' | b'>' | b'"' | b'^' | b'|' | b'%' | b'`' | b'{' | b'}' | b'[' | b']' | b':' | 0x7f);
    if bytes.iter().any(forbidden) {
        return false;
    }
    if ends_in_number(bytes) {
        return is_ipv4(without_trailing_dots(bytes));
    }
    // IDNA allows all of ASCII that is left: no need to decode an ASCII host.
    (host.is_ascii() || host.chars().all(idna_allows))
        && bytes.split(is_dot).all(|label| match label.split_at_checked(4) {
            Some(([b'x' | b'X', b'n' | b'N', b'-', b'-'], punycode)) => punycode_names_unicode(punycode),
            _ => true,
        })
}

fn is_dot(b: &u8) -> bool {
    *b == b'.'
}

fn without_trailing_dots(mut host: &[u8]) -> &[u8] {
    while let [name @ .., b'.'] = host {
        host = name;
    }
    host
}

/// True when the last label of `host` (trailing dots aside) is a number,
/// which browsers then read as IPv4: `example.123.` does, `123.example` not.
fn ends_in_number(host: &[u8]) -> bool {
    let last = without_trailing_dots(host).rsplit(|&b| b == b'.').next().unwrap_or_default();
    !last.is_empty() && last.iter().all(u8::is_ascii_digit)
}

/// A dotted quad of numbers from 0 to 255, each of one to three
/// characters (as written by hand: `+1` reads as 1, as Rust's `u16` parser
/// reads it; the policy has always let that through).
fn is_ipv4(name: &[u8]) -> bool {
    let mut parts = 0;
    for part in name.split(is_dot) {
        let digits = part.strip_prefix(b"+").unwrap_or(part);
        if part.len() > 3 || digits.is_empty() || decimal(digits).is_none_or(|n| n > 255) {
            return false;
        }
        parts += 1;
    }
    parts == 4
}

/// The value of up to five ASCII digits (no digits read as 0: an empty port); `None` for anything else.
fn decimal(digits: &[u8]) -> Option<u32> {
    if digits.len() > 5 {
        return None;
    }
    digits.iter().try_fold(0, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
}

/// False for what IDNA refuses in a host (private use, unassigned planes,
/// noncharacters, invisible and replacement characters) or maps to ASCII
/// (spaces, full-width and small forms, letter-like symbols), which could
/// then be punctuation no host may hold.
fn idna_allows(c: char) -> bool {
    !matches!(c,
        '\u{80}'..='\u{a0}' | '\u{ad}' | '\u{180e}' | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}' | '\u{205f}'..='\u{206f}'
        | '\u{2100}'..='\u{214f}' | '\u{2460}'..='\u{24ff}' | '\u{3000}' | '\u{e000}'..='\u{f8ff}' | '\u{fdd0}'..='\u{fdef}'
        | '\u{fe00}'..='\u{fe0f}' | '\u{fe50}'..='\u{fe6f}' | '\u{feff}' | '\u{ff00}'..='\u{ffef}' | '\u{fff0}'..='\u{ffff}'
        | '\u{323b0}'..='\u{10ffff}')
        && (c as u32) & 0xfffe != 0xfffe
}

/// True when a Punycode label (without its `xn--`) is valid (RFC 3492, as
/// the `idna` crate decodes it) and names a non-ASCII name that
/// [`idna_allows`] throughout.
fn punycode_names_unicode(label: &[u8]) -> bool {
    let name = std::str::from_utf8(label).ok().and_then(idna::punycode::decode);
    name.is_some_and(|name| name.iter().any(|c| !c.is_ascii()) && name.iter().copied().all(idna_allows))
}

/// A WHATWG URL parser's answer to one question: where `reference` goes
/// against `base`, serialised (`None` if it cannot be resolved). The policy
/// never asks it about a scheme or a host: the allow-list is ours. The
/// caller chooses the parser: natively the `url` crate, in the browser its
/// own `URL` (the boundary passes it in), so this module knows neither.
pub type Whatwg = fn(base: &str, reference: &str) -> Option<String>;

/// The `url` crate, which follows the WHATWG standard.
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_WHATWG: Whatwg = |base, reference| url::Url::parse(base).and_then(|b| b.join(reference)).ok().map(String::from);

/// No parser: in the browser the boundary passes the browser's own; until
/// then a reference resolves as RFC 3986 would (see [`resolve`]).
#[cfg(target_arch = "wasm32")]
pub const DEFAULT_WHATWG: Whatwg = |_, _| None;

/// `out` followed by `s` with [`ENCODED`] percent-encoded.
fn encode(mut out: String, s: &str) -> String {
    out.extend(utf8_percent_encode(s, ENCODED));
    out
}

/// `s` with every `\` read as `/`, as browsers read it in http(s) URLs.
fn backslashes_to_slashes(s: &str) -> String {
    s.replace('\\', "/")
}

/// Where the authority of a URL ends (and its path, query or fragment begins).
fn ends_authority(b: u8) -> bool {
    matches!(b, b'/' | b'?' | b'#')
}

/// The index of the first byte of `s` that `stop` picks.
fn find(s: &str, stop: fn(u8) -> bool) -> Option<usize> {
    s.as_bytes().iter().position(|&b| stop(b))
}

/// The origin (`https://host[:port]`) of an absolute http(s) URL as
/// [`check`] writes it, or `//host[:port]` for a protocol-relative one
/// (whose scheme is the page's); `None` for a path-relative reference or `mailto:`.
pub(crate) fn origin(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).or_else(|| url.strip_prefix("//"))?;
    let end = url.len() - rest.len() + find(rest, ends_authority).unwrap_or(rest.len());
    url.get(..end)
}

/// True when `url` (as returned by [`check`]) is a relative reference,
/// which resolves against the page it is shown on.
pub fn is_relative(url: &str) -> bool {
    scheme_len(url).is_none()
}

/// Resolves a reference returned by [`check`] against an absolute http(s)
/// `base` (also returned by [`check`]), as the WHATWG parser does (which
/// also writes out what it resolves, as browsers would). It can only fail
/// for a protocol-relative reference to a host our reading lets through but
/// UTS 46 refuses (see SECURITY.md, known issues): that one takes the base's
/// scheme, as RFC 3986 resolves it, so a base URL never turns an accepted
/// brief into a refused one.
pub fn resolve(base: &str, reference: &str, whatwg: Whatwg) -> String {
    if !is_relative(reference) {
        return reference.into();
    }
    whatwg(base, reference).unwrap_or_else(|| {
        let scheme = base.get(..scheme_len(base).map_or(0, |colon| colon + 1)).unwrap_or("");
        if reference.starts_with("//") {
            format!("{scheme}{reference}")
        } else {
            reference.to_owned()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(s: &str) -> Result<String, UrlProblem> {
        check(s, UrlUse::Link)
    }

    #[test]
    fn the_plain_case_is_exactly_what_the_full_reading_writes() {
        // Every combination of scheme, host and rest, common and odd: where
        // the shortcut answers, it answers what the full reading does.
        let schemes = ["https://", "http://", "HTTPS://", "Http://", "https:/", "https:", "ftp://", "https:\\\\", " https://", "https:///"];
        let hosts = [
            "example.org",
            "Example.org",
            "a-b.c0.example",
            "example.org.",
            "...",
            "",
            "127.0.0.1",
            "1.2.3",
            "0x7f.1",
            "example.123",
            "xn--caf-dma.example",
            "xn--.example",
            "ex\u{e9}.org",
            "[::1]",
            "example.org:8080",
            "user@example.org",
            "ex ample.org",
            "exa%41.org",
            "a_b.org",
            "a!$&'()*+,;=~.org",
            "a\\b.org",
            "@x",
            "x:",
            "1.2.3.4",
            "256.1.1.1",
            "a--b.org",
            "xn--mnchen-3ya.de",
            "x.1e",
            "a|b",
            "a^b",
        ];
        let tails = [
            "",
            "/",
            "/a/b?q=1&r=2#frag",
            "?q",
            "#x",
            "/a b",
            "/\"q\"",
            "/<x>",
            "/`",
            "/a\\b",
            "/%41",
            "/\u{e9}",
            "/\t",
            "/\u{7f}",
            "/~!$&'()*+,;=:@",
            "/a\n",
        ];
        let mut plain = 0;
        for scheme in schemes {
            for host in hosts {
                for tail in tails {
                    let raw = [scheme, host, tail].concat();
                    for usage in [UrlUse::Link, UrlUse::Resource] {
                        assert_eq!(check(&raw, usage), read(&raw, usage), "{raw:?}");
                    }
                    plain += usize::from(already_plain(&raw).is_some());
                }
            }
        }
        assert!(plain > 40, "the shortcut answers the common case ({plain})");
        assert_eq!(already_plain("https://example.org/a?b#c").as_deref(), Some("https://example.org/a?b#c"));
        assert_eq!(already_plain("https://EXAMPLE.org/"), None);
    }

    // (proptest is a native dev-dependency only.)
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 5000, ..Default::default() })]
        #[test]
        fn the_plain_case_agrees_with_the_full_reading_on_any_url(
            scheme in "(https?|HTTPS|ftp)://",
            host in "[a-z0-9.\\-]{0,6}[A-Z0-9_~!@:\\[\\]%\\\\ é.\\-]?[a-z0-9.\\-]{0,6}",
            tail in "(/[a-z]{0,3})?[/?#\\\\ \"<>`%é\t]?[a-z/]{0,3}",
        ) {
            let raw = [scheme, host, tail].concat();
            proptest::prop_assert_eq!(check(&raw, UrlUse::Link), read(&raw, UrlUse::Link), "{:?}", raw);
        }
    }

    #[test]
    fn allows_http_https_mailto_and_relative() {
        assert_eq!(link("https://Example.org/a b?q=\"x\"#f").unwrap(), "https://example.org/a%20b?q=%22x%22#f");
        assert_eq!(link("HTTP://example.org").unwrap(), "http://example.org/");
        assert_eq!(link("http://example.org:8080/x").unwrap(), "http://example.org:8080/x");
        assert_eq!(link("http://[::1]:8080/").unwrap(), "http://[::1]:8080/");
        // Ports as the URL standard writes them: a number, the scheme's default left out.
        assert_eq!(link("https://example.org:443/x").unwrap(), "https://example.org/x");
        assert_eq!(link("HTTP://example.org:0080").unwrap(), "http://example.org/");
        assert_eq!(link("https://example.org:80/").unwrap(), "https://example.org:80/");
        assert_eq!(link("http://example.org:08080/").unwrap(), "http://example.org:8080/");
        assert_eq!(link("https://example.org:/").unwrap(), "https://example.org/");
        assert_eq!(link("//cdn.example.org:443/x").unwrap(), "//cdn.example.org:443/x", "the page's scheme decides");
        assert_eq!(link("mailto:desk@example.org?subject=Hi there").unwrap(), "mailto:desk@example.org?subject=Hi%20there");
        assert_eq!(link("/briefs/1").unwrap(), "/briefs/1");
        assert_eq!(link("briefs/é").unwrap(), "briefs/%C3%A9");
        assert_eq!(link("//cdn.example.org/x").unwrap(), "//cdn.example.org/x");
        assert_eq!(link("#section").unwrap(), "#section");
        assert_eq!(link("  \u{1}https://example.org/\u{0} ").unwrap(), "https://example.org/");
        assert_eq!(link("https:\\\\example.org\\a").unwrap(), "https://example.org/a");
    }

    #[test]
    fn refuses_script_schemes_however_obfuscated() {
        let script = UrlProblem::SchemeNotAllowed("javascript".into());
        for s in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}\u{2}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "\tjavascript:alert(1)",
            "j\na\tv\ra\nscript\t:alert(1)",
            "\u{0}javascript:alert(1)",
            "javascript\t:alert(1)",
        ] {
            assert_eq!(link(s), Err(script.clone()), "{s:?}");
        }
        assert_eq!(link("data:text/html,<script>alert(1)</script>"), Err(UrlProblem::SchemeNotAllowed("data".into())));
        assert_eq!(link("vbscript:msgbox(1)"), Err(UrlProblem::SchemeNotAllowed("vbscript".into())));
        assert_eq!(link("file:///etc/passwd"), Err(UrlProblem::SchemeNotAllowed("file".into())));
        assert_eq!(check("mailto:a@b.c", UrlUse::Resource), Err(UrlProblem::SchemeNotAllowed("mailto".into())));
        assert_eq!(link("javascript:x").unwrap_err().message(), "scheme \"javascript\" is not allowed");
    }

    #[test]
    fn entity_or_fullwidth_lookalikes_stay_harmless_relative_paths() {
        // No HTML is decoded: "&#106;avascript:" is a relative path, percent-safe.
        assert_eq!(link("&#106;avascript:alert(1)").unwrap(), "&#106;avascript:alert(1)");
        assert!(is_relative(&link("ｊavascript:alert(1)").unwrap()));
    }

    #[test]
    fn resolves_relative_references_against_a_base() {
        let base = "https://example.org/briefs/2023/raisi?x=1#top";
        for (r, want) in [
            ("other", "https://example.org/briefs/2023/other"),
            ("../a/./b", "https://example.org/briefs/a/b"),
            ("/x?q#f", "https://example.org/x?q#f"),
            ("//cdn.example.net/i.png", "https://cdn.example.net/i.png"),
            ("?y=2", "https://example.org/briefs/2023/raisi?y=2"),
            ("#f", "https://example.org/briefs/2023/raisi?x=1#f"),
            ("../../../../..", "https://example.org/"),
            ("mailto:a@b.c", "mailto:a@b.c"),
        ] {
            assert_eq!(resolve(base, r, DEFAULT_WHATWG), want, "{r}");
        }
        assert_eq!(resolve("https://example.org", "a", DEFAULT_WHATWG), "https://example.org/a");
        // A host our reading lets through and WHATWG refuses (U+0378 is unassigned): the base's scheme, as RFC 3986 gives.
        let odd = link("//a\u{378}.example/x").unwrap();
        assert_eq!(DEFAULT_WHATWG(base, &odd), None, "WHATWG refuses it");
        assert_eq!(resolve(base, &odd, DEFAULT_WHATWG), "https://a\u{378}.example/x");
    }

    #[test]
    fn dot_segments_are_removed_within_the_path_only() {
        // As the WHATWG parser resolves them (and writes them out: a path `/`
        // for an empty one, the host in Punycode).
        let base = "https://example.org/briefs/2023/raisi?x=1#top";
        for (base, r, want) in [
            (base, ".", "https://example.org/briefs/2023/"),
            (base, "..", "https://example.org/briefs/"),
            (base, "./", "https://example.org/briefs/2023/"),
            (base, "a/.", "https://example.org/briefs/2023/a/"),
            (base, "a/..", "https://example.org/briefs/2023/"),
            (base, "a//b/../c", "https://example.org/briefs/2023/a//c"),
            (base, "/a/b/../../..", "https://example.org/"),
            ("https://example.org?q=1", "x", "https://example.org/x"),
            ("https://example.org?q=1", "?y", "https://example.org/?y"),
            ("https://münchen.example/a/b", "../c#d", "https://xn--mnchen-3ya.example/c#d"),
            ("http://h.example:8080/a/b/", "c/./../d?e", "http://h.example:8080/a/b/d?e"),
        ] {
            assert_eq!(resolve(base, r, DEFAULT_WHATWG), want, "{base} + {r}");
        }
    }

    #[test]
    fn every_byte_of_a_non_ascii_character_is_encoded() {
        assert_eq!(link("a😀b c").unwrap(), "a%F0%9F%98%80b%20c");
        assert_eq!(link("/é?é#é").unwrap(), "/%C3%A9?%C3%A9#%C3%A9");
        assert_eq!(link("mailto:a b@c.d?s=é").unwrap(), "mailto:a%20b@c.d?s=%C3%A9");
        assert_eq!(link("https://EXAMPLE.org/\u{e9}\u{10ffff}\\").unwrap(), "https://example.org/%C3%A9%F4%8F%BF%BF/");
    }

    #[test]
    fn square_brackets_are_encoded_outside_an_ipv6_host() {
        // Drupal's and JSON:API's filters, PHP's arrays: valid to browsers,
        // refused by HTML checkers in an href.
        assert_eq!(
            link("https://example.org/search?filter[tag]=x&ids[]=1").unwrap(),
            "https://example.org/search?filter%5Btag%5D=x&ids%5B%5D=1"
        );
        assert_eq!(link("https://[::1]:8080/a[b]#c[d]").unwrap(), "https://[::1]:8080/a%5Bb%5D#c%5Bd%5D");
        assert_eq!(link("//[2001:db8::1]/x[1]").unwrap(), "//[2001:db8::1]/x%5B1%5D");
        assert_eq!(link("list?page[number]=2").unwrap(), "list?page%5Bnumber%5D=2");
    }

    #[test]
    fn refuses_malformed_http() {
        assert_eq!(link("https:example.org"), Err(UrlProblem::MissingHost));
        assert_eq!(link("https://"), Err(UrlProblem::MissingHost));
        assert_eq!(link("https://user:pw@example.org/"), Err(UrlProblem::Credentials));
        assert_eq!(link("https://example.org:http/"), Err(UrlProblem::BadPort));
        assert_eq!(link("https://exa mple.org/"), Err(UrlProblem::BadHost));
        assert_eq!(link("https://:javascript:"), Err(UrlProblem::BadHost));
        assert_eq!(link("https://a:b:80/"), Err(UrlProblem::BadHost));
        assert_eq!(link("https://[]/"), Err(UrlProblem::BadHost));
        assert_eq!(link("https://example.org:65536/"), Err(UrlProblem::BadPort));
        assert_eq!(link("//user:pw@evil.example/"), Err(UrlProblem::Credentials));
        assert_eq!(link("//?/x"), Err(UrlProblem::MissingHost));
        assert_eq!(link("\\\\cdn.example.org\\x").unwrap(), "//cdn.example.org/x");
        assert_eq!(link(" \t "), Err(UrlProblem::Empty));
    }

    #[test]
    fn punycode_labels_must_name_unicode() {
        for label in ["mnchen-3ya", "bcher-kva", "wgv71a119e", "80ak6aa92e", "MNCHEN-3YA"] {
            assert!(punycode_names_unicode(label.as_bytes()), "{label:?}");
        }
        // Not Punycode, or naming ASCII only (the basic part alone, or nothing).
        // A delimiter first, with nothing basic before it (`xn---…`): not Punycode, as the URL standard reads it.
        for bad in ["", "-", "a", "99999999999", "ab!c", "ü-kva", "abc-", "a-b-c", "-> $1.00 <--", "-wgv71a119e"] {
            assert!(!punycode_names_unicode(bad.as_bytes()), "{bad:?}");
        }
    }

    #[test]
    fn hosts_browsers_cannot_parse_are_refused() {
        // The WHATWG parser (UTS 46) refuses these, so a link to them would go nowhere.
        for host in [
            "xn--",
            "xn--a.org",
            "XN--A.org",
            "xn--ls8h-.la",
            "a.xn--9999999999.org",
            "localhost\u{ff1a}",
            "a\u{3000}b.org",
            "\u{e000}.org",
            "x\u{fe5e1}.org",
            "\u{2100}.org",
            "a\u{fe55}b.org",
        ] {
            let url = format!("https://{host}/");
            assert_eq!(link(&url), Err(UrlProblem::BadHost), "{url:?}");
        }
        // Real internationalised names stay: as Unicode or as Punycode.
        for host in ["xn--mnchen-3ya.de", "münchen.de", "xn--wgv71a119e.jp", "日本語.jp", "xn--80ak6aa92e.com", "ex--ample.org"] {
            let url = format!("https://{host}/");
            assert!(link(&url).is_ok(), "{url:?}: {:?}", link(&url));
        }
    }
}
