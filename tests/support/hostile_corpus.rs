//! tests/hostile/corpus.txt, read natively.

/// The hostile corpus shared with the browser suites (one JSON string per line; lone
/// surrogates become U+FFFD, as they do on their way into the module).
pub fn strings() -> Vec<String> {
    include_str!("../hostile/corpus.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| match serde_json::from_str::<serde_json::Value>(&without_lone_surrogates(l)) {
            Ok(serde_json::Value::String(s)) => s,
            other => panic!("corpus line is not a JSON string: {l:.60} ({other:?})"),
        })
        .collect()
}

/// JSON text with each `\uXXXX` escape of a lone surrogate written as U+FFFD,
/// as a browser's TextEncoder writes it on its way into the module (serde_json
/// refuses lone surrogates).
fn without_lone_surrogates(json: &str) -> String {
    let surrogate = |s: &str, lead: bool| {
        let hex = s.strip_prefix("\\u").and_then(|h| h.get(..4)).and_then(|h| u16::from_str_radix(h, 16).ok());
        hex.is_some_and(|u| if lead { (0xD800..0xDC00).contains(&u) } else { (0xDC00..0xE000).contains(&u) })
    };
    let (mut out, mut rest) = (String::new(), json);
    // Escape by escape, so that an escaped backslash followed by `u` is left alone.
    while let Some(at) = rest.find('\\') {
        let (before, escape) = rest.split_at(at);
        out.push_str(before);
        let paired = surrogate(escape, true) && escape.get(6..).is_some_and(|next| surrogate(next, false));
        let len = if paired {
            12
        } else if surrogate(escape, true) || surrogate(escape, false) {
            out.push_str("\\ufffd");
            rest = &escape[6..];
            continue;
        } else {
            2
        };
        out.push_str(&escape[..len]);
        rest = &escape[len..];
    }
    out.push_str(rest);
    out
}
