//! The declarations static HTML writes as inline styles (for the fragment
//! and for email, in each theme and direction), and the generated table
//! `inline_rules.rs` that src/render/style.rs includes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use cssparser::{ParseError, Parser, ParserInput, Token};

use crate::selectors::{named_classes, selector_list, Compound};
use crate::stylesheet::{minify, Declaration, Rule};
use crate::SOURCE;

/// The four ways the inline declarations are written.
#[derive(Clone, Copy)]
enum Output {
    /// The fragment: host-overridable `var(--brief-…, fallback)`, logical sides.
    Fragment,
    /// Email: plain values, physical sides for this direction.
    Email { rtl: bool },
}

/// Properties only a live, scripted card uses (its containers, animations,
/// pointer): static HTML leaves them out.
const LIVE_ONLY_PROPERTIES: &[&str] = &[
    "container-type",
    "container-name",
    "container",
    "contain-intrinsic-width",
    "contain-intrinsic-height",
    "contain-intrinsic-size",
    "content-visibility",
    "transition",
    "animation",
    "cursor",
    "scroll-margin",
];

/// Properties email clients strip or misapply.
const EMAIL_UNSAFE_PROPERTIES: &[&str] = &["position"];

/// Functions static HTML cannot use: container-relative sizes need the live
/// card's container, and email clients drop the whole declaration for any of these.
const LIVE_ONLY_FUNCTIONS: &[&str] = &["clamp", "min", "max", "calc", "color-mix", "env", "attr"];

/// The custom properties the card defines for a theme.
type Vars = BTreeMap<String, String>;

/// The declarations of one rule as static HTML writes them, or `None` for
/// those it leaves out (see the top of card.css).
fn inline_declarations(declarations: &[Declaration], vars: &Vars, output: Output) -> String {
    let mut out = Vec::new();
    for d in declarations {
        if d.name.starts_with("--") || LIVE_ONLY_PROPERTIES.contains(&d.name.as_str()) {
            continue;
        }
        let email = matches!(output, Output::Email { .. });
        if email && EMAIL_UNSAFE_PROPERTIES.contains(&d.name.as_str()) {
            continue;
        }
        let value = resolve(&d.value, vars, output);
        if !usable(&value, email) {
            continue;
        }
        let (name, value) = match output {
            Output::Fragment => (d.name.clone(), value),
            Output::Email { rtl } => physical(&d.name, &value, rtl),
        };
        out.push(format!("{name}:{value}{}", if d.important { "!important" } else { "" }));
    }
    out.join(";")
}

/// `value` with each `var()` resolved: the card's own custom properties
/// (`--fg`) by their definition for the theme; the host's (`--brief-fg`)
/// kept with a resolved fallback in the fragment, and replaced by that
/// fallback in email.
fn resolve(value: &str, vars: &Vars, output: Output) -> String {
    let mut input = ParserInput::new(value);
    let mut parser = Parser::new(&mut input);
    let mut out = String::new();
    resolve_into(&mut parser, vars, output, &mut out);
    out
}

fn resolve_into(input: &mut Parser<'_, '_>, vars: &Vars, output: Output, out: &mut String) {
    loop {
        let start = input.position();
        let token = match input.next_including_whitespace() {
            Ok(t) => t.clone(),
            Err(_) => return,
        };
        let close = match &token {
            Token::Function(f) if f.eq_ignore_ascii_case("var") => {
                let (name, fallback) = input
                    .parse_nested_block(|args| {
                        let name = args.expect_ident_cloned()?.to_string();
                        let fallback = args.try_parse(|a| a.expect_comma()).ok().map(|()| minify(args));
                        Ok::<_, ParseError<'_, ()>>((name, fallback))
                    })
                    .unwrap_or_else(|e| panic!("{SOURCE}: cannot read a var() in {value:?}: {e:?}", value = input.slice_from(start)));
                let fallback = fallback.map(|f| resolve(&f, vars, output));
                if name.starts_with("--brief-") {
                    let fallback = fallback.unwrap_or_else(|| panic!("{SOURCE}: var({name}) needs a fallback for static HTML"));
                    match output {
                        Output::Fragment => {
                            let _ = write!(out, "var({name},{fallback})");
                        }
                        Output::Email { .. } => out.push_str(&fallback),
                    }
                } else {
                    match vars.get(&name) {
                        Some(defined) => out.push_str(&resolve(defined, vars, output)),
                        None => out.push_str(&fallback.unwrap_or_else(|| panic!("{SOURCE}: {name} is not defined on .bc-card"))),
                    }
                }
                continue;
            }
            Token::Function(_) | Token::ParenthesisBlock => ")",
            Token::SquareBracketBlock => "]",
            _ => {
                out.push_str(input.slice_from(start));
                continue;
            }
        };
        out.push_str(input.slice_from(start));
        let _ = input.parse_nested_block(|nested| {
            resolve_into(nested, vars, output, out);
            Ok::<_, ParseError<'_, ()>>(())
        });
        out.push_str(close);
    }
}

/// Whether static HTML can use `value`: no [`LIVE_ONLY_FUNCTIONS`], no
/// container units (`cqi`), and in email no `var()` and no `inherit`
/// (Outlook's Word engine does not know it).
fn usable(value: &str, email: bool) -> bool {
    fn walk(p: &mut Parser<'_, '_>, email: bool) -> bool {
        while let Ok(token) = p.next() {
            let token = token.clone();
            let ok = match &token {
                Token::Function(f) => {
                    let f = f.to_ascii_lowercase();
                    !(LIVE_ONLY_FUNCTIONS.contains(&f.as_str()) || email && f == "var")
                }
                Token::Dimension { unit, .. } => !unit.to_ascii_lowercase().starts_with("cq"),
                Token::Ident(i) => !(email && i.eq_ignore_ascii_case("inherit")),
                _ => true,
            };
            if !ok {
                return false;
            }
            if matches!(token, Token::Function(_) | Token::ParenthesisBlock | Token::SquareBracketBlock) {
                let inner = p.parse_nested_block(|n| Ok::<_, ParseError<'_, ()>>(walk(n, email)));
                if inner != Ok(true) {
                    return false;
                }
            }
        }
        true
    }
    let mut input = ParserInput::new(value);
    walk(&mut Parser::new(&mut input), email)
}

/// A logical property or value as the physical one for a direction (email
/// clients such as Outlook ignore logical properties and `text-align:start`).
/// Build fails on a logical form not mapped here.
fn physical(name: &str, value: &str, rtl: bool) -> (String, String) {
    let (start, end) = if rtl { ("right", "left") } else { ("left", "right") };
    let corners = [("start-start", "top", start), ("start-end", "top", end), ("end-start", "bottom", start), ("end-end", "bottom", end)];
    let mut name = name.to_string();
    for (logical, block, inline) in corners {
        name = name.replace(&format!("border-{logical}-radius"), &format!("border-{block}-{inline}-radius"));
    }
    name = name.replace("-inline-start", &format!("-{start}")).replace("-inline-end", &format!("-{end}"));
    name = name.replace("-block-start", "-top").replace("-block-end", "-bottom");
    let value = match (name.as_str(), value) {
        ("text-align" | "float" | "clear", "start") => start.to_string(),
        ("text-align" | "float" | "clear", "end") => end.to_string(),
        _ => value.to_string(),
    };
    let logical = ["inline", "block-start", "block-end", "start-start", "start-end", "end-start", "end-end"];
    if logical.iter().any(|l| name.contains(l))
        || (matches!(name.as_str(), "text-align" | "float" | "clear") && matches!(value.as_str(), "start" | "end"))
    {
        panic!("{SOURCE}: no physical form for {name}:{value} in email; add it to physical() in build/inline.rs");
    }
    (name, value)
}

// ---- The generated table ---------------------------------------------------

struct InlineRule {
    compounds: Vec<Compound>,
    /// `[light, dark]`.
    fragment: [String; 2],
    /// `[light, dark]` × `[ltr, rtl]`.
    email: [[String; 2]; 2],
    specificity: (usize, usize),
    order: usize,
}

pub(crate) fn inline_rules(rules: &[Rule]) -> String {
    // The themes' custom properties: `.bc-card` defines them, `.bc-dark` redefines them.
    let mut light = Vars::new();
    let mut dark = Vars::new();
    for rule in rules {
        if let Rule::Style { selectors, declarations } = rule {
            let theme = match selectors.as_str() {
                ".bc-card" => vec![&mut light, &mut dark],
                ".bc-dark" => vec![&mut dark],
                _ => continue,
            };
            for vars in theme {
                for d in declarations.iter().filter(|d| d.name.starts_with("--")) {
                    vars.insert(d.name.clone(), d.value.clone());
                }
            }
        }
    }

    let mut inline = Vec::new();
    let mut named = Vec::new();
    collect_named(rules, &mut named);
    for (order, rule) in rules.iter().enumerate() {
        let Rule::Style { selectors, declarations } = rule else { continue };
        for compounds in selector_list(selectors).into_iter().flatten() {
            let classes = compounds.iter().map(|c| c.classes.len() + usize::from(c.dir.is_some()) + usize::from(c.first_child)).sum();
            let types = compounds.iter().filter(|c| c.typed).count();
            let fragment = [&light, &dark].map(|vars| inline_declarations(declarations, vars, Output::Fragment));
            let email = [&light, &dark].map(|vars| [false, true].map(|rtl| inline_declarations(declarations, vars, Output::Email { rtl })));
            if fragment.iter().all(String::is_empty) && email.iter().flatten().all(String::is_empty) {
                continue;
            }
            inline.push(InlineRule { compounds, fragment, email, specificity: (classes, types), order });
        }
    }
    // The cascade: by specificity, then in the order written.
    inline.sort_by_key(|r| (r.specificity, r.order));

    let mut out = String::from("// Generated by build/ (the build script) from src/card.css. Do not edit.\n\n");
    out.push_str("/// The rules of card.css static HTML applies, in cascade order (specificity, then source order).\n");
    out.push_str("const RULES: &[Rule] = &[\n");
    for r in &inline {
        out.push_str("    Rule {\n        selector: &[");
        // The subject first, then leftwards.
        for (i, c) in r.compounds.iter().rev().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let left = match c.left {
                None => "None".to_string(),
                Some(comb) => format!("Some(Combinator::{comb:?})"),
            };
            let _ = write!(
                out,
                "Compound {{ tags: &{:?}, classes: &{:?}, dir: {:?}, first_child: {}, left: {left} }}",
                c.tags, c.classes, c.dir, c.first_child
            );
        }
        let _ = writeln!(out, "],\n        fragment: {:?},\n        email: {:?},\n    }},", r.fragment, r.email);
    }
    out.push_str("];\n\n");
    out.push_str("/// Every class a selector of card.css names, live-only rules included.\n");
    let _ = writeln!(out, "#[cfg(test)]\nconst NAMED_CLASSES: &[&str] = &{named:?};\n");
    out.push_str("/// The card's colours `(name, fragment [light, dark], email [light, dark])`, from its custom properties.\n");
    out.push_str("const COLOURS: &[(&str, [&str; 2], [&str; 2])] = &[\n");
    for name in light.keys() {
        let var = format!("var({name})");
        let fragment = [&light, &dark].map(|vars| resolve(&var, vars, Output::Fragment));
        let email = [&light, &dark].map(|vars| resolve(&var, vars, Output::Email { rtl: false }));
        let _ = writeln!(out, "    ({:?}, {fragment:?}, {email:?}),", name.trim_start_matches("--"));
    }
    out.push_str("];\n");
    out
}

fn collect_named(rules: &[Rule], named: &mut Vec<String>) {
    for rule in rules {
        match rule {
            Rule::Style { selectors, .. } => named_classes(selectors, named),
            Rule::At { name, block: Some(block), .. } if name != "keyframes" => collect_named(block, named),
            Rule::At { .. } => {}
        }
    }
}
