//! Explicit directional formatting kept inside the string that writes it.
//!
//! Unicode's bidirectional controls (the embeddings and overrides
//! U+202A–202E, closed by PDF U+202C; the isolates U+2066–2068, closed by
//! PDI U+2069) apply from where they are written to their closer, or else
//! to the end of the paragraph. A brief's text is placed next to other text
//! in every output: runs of one paragraph, a byline's names, the titles a
//! feed's description joins, the page's `<title>`. An override left open in
//! one string (U+202E, "right-to-left override") would reverse what follows
//! it there, the "Trojan Source" trick of making text read as something it
//! is not. A closer with no opener would end an isolate around the string.
//!
//! So each string is balanced on its own: controls it pairs stay, as the
//! writer meant them; an opener it leaves open and a closer it never opened
//! are removed. Nothing is added, so text never grows past its limit, and
//! balancing balanced text changes nothing. Pairs are matched as the
//! Unicode Bidirectional Algorithm (UAX #9, rules X1–X8) matches them: a
//! PDI closes its isolate and whatever was opened inside it; a PDF closes
//! only an embedding or override opened after the last open isolate.

/// `s` with the directional controls it does not pair removed.
pub(crate) fn balanced(s: String) -> String {
    // Every control is U+202A–202E or U+2066–2069; their UTF-8 starts with
    // 0xE2, which most text has only in punctuation (’ “ —), if at all.
    if !s.as_bytes().contains(&0xE2) || !s.chars().any(is_control) {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    // The openers still open, innermost last, with where they are in `out`.
    let mut open: Vec<(Control, usize)> = Vec::new();
    for c in s.chars() {
        match control(c) {
            Some(Control::ClosesEmbedding) => match open.last() {
                Some((Control::OpensEmbedding, _)) => {
                    open.pop();
                }
                _ => continue,
            },
            // The isolate closes, and so does every embedding opened inside it.
            Some(Control::ClosesIsolate) => match open.iter().rposition(|(kind, _)| *kind == Control::OpensIsolate) {
                Some(isolate) => open.truncate(isolate),
                None => continue,
            },
            Some(opens) => open.push((opens, out.len())),
            None => {}
        }
        out.push(c);
    }
    // Last first, so that the places of the others stay where they were.
    for (_, at) in open.into_iter().rev() {
        out.remove(at);
    }
    out
}

/// What a directional control does.
#[derive(Clone, Copy, PartialEq)]
enum Control {
    /// LRE, RLE, LRO, RLO.
    OpensEmbedding,
    /// LRI, RLI, FSI.
    OpensIsolate,
    /// PDF.
    ClosesEmbedding,
    /// PDI.
    ClosesIsolate,
}

/// Whether `c` is one of the directional controls balanced here.
fn is_control(c: char) -> bool {
    control(c).is_some()
}

fn control(c: char) -> Option<Control> {
    match c {
        '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => Some(Control::OpensEmbedding),
        '\u{2066}' | '\u{2067}' | '\u{2068}' => Some(Control::OpensIsolate),
        '\u{202C}' => Some(Control::ClosesEmbedding),
        '\u{2069}' => Some(Control::ClosesIsolate),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::balanced;

    const RLO: char = '\u{202E}';
    const PDF: char = '\u{202C}';
    const RLI: char = '\u{2067}';
    const PDI: char = '\u{2069}';
    const LRE: char = '\u{202A}';

    fn b(s: &str) -> String {
        balanced(s.to_owned())
    }

    #[test]
    fn text_without_controls_is_kept() {
        assert_eq!(b("What’s next — “Forests”"), "What’s next — “Forests”");
        assert_eq!(b("گزارش ۱۴۰۳"), "گزارش ۱۴۰۳");
    }

    #[test]
    fn an_override_left_open_is_removed() {
        assert_eq!(b(&format!("invoice{RLO}fdp.exe")), "invoicefdp.exe");
    }

    #[test]
    fn pairs_stay_as_written() {
        let s = format!("a{RLO}bc{PDF}d {RLI}ﻉ{PDI} {LRE}{RLO}x{PDF}{PDF}");
        assert_eq!(b(&s), s);
    }

    #[test]
    fn closers_without_openers_are_removed() {
        assert_eq!(b(&format!("{PDI}a{PDF}b")), "ab");
    }

    #[test]
    fn an_isolate_closes_what_was_opened_inside_it() {
        let s = format!("{RLI}a{RLO}b{PDI}");
        assert_eq!(b(&s), s);
        // A PDF inside an isolate cannot close an embedding outside it.
        assert_eq!(b(&format!("{RLO}a{RLI}b{PDF}c{PDI}")), format!("a{RLI}bc{PDI}"));
    }

    #[test]
    fn balancing_twice_changes_nothing() {
        for s in [format!("{RLI}{RLO}{PDF}{PDF}{PDI}{PDI}{RLO}"), format!("{LRE}{RLI}{PDF}{PDI}x{PDF}")] {
            let once = b(&s);
            assert_eq!(b(&once), once, "{s:?}");
        }
    }

    // (proptest is a native dev-dependency only.)
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 5000, ..Default::default() })]
        #[test]
        fn only_controls_go_and_once_is_enough(s in "[a\u{647}\u{202A}-\u{202E}\u{2066}-\u{2069}]{0,12}") {
            let once = balanced(s.clone());
            let text = |s: &str| s.chars().filter(|&c| !super::is_control(c)).collect::<String>();
            proptest::prop_assert_eq!(text(&once), text(&s), "every other character stays");
            let mut rest = s.chars();
            proptest::prop_assert!(once.chars().all(|c| rest.any(|r| r == c)), "nothing added or moved: {:?}", once);
            proptest::prop_assert_eq!(balanced(once.clone()), once);
        }

        #[test]
        fn embeddings_alone_are_closed_in_order(s in "[a\u{202A}-\u{202E}]{0,12}") {
            // Without isolates, balanced is the bracket rule: no prefix closes
            // more than it opened, and the whole closes all it opened.
            let mut depth = 0i32;
            for c in balanced(s).chars() {
                depth += match c {
                    '\u{202C}' => -1,
                    'a' => 0,
                    _ => 1,
                };
                proptest::prop_assert!(depth >= 0);
            }
            proptest::prop_assert_eq!(depth, 0);
        }
    }
}
