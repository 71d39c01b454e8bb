//! Reads `src/card.css`, the card's one stylesheet, and writes two files
//! into `OUT_DIR`:
//!
//! - `card.min.css`: the stylesheet without comments and needless whitespace,
//!   the live card's `CARD_CSS` (src/lib.rs);
//! - `inline_rules.rs`: the rules static HTML can apply as inline styles,
//!   with their declarations resolved for the fragment and for email,
//!   `include!`d by src/render/style.rs.
//!
//! The rules for what becomes inline are written at the top of card.css and
//! of src/render/style.rs. CSS is read with `cssparser` (Servo's tokenizer and
//! rule parser); the selectors static HTML can decide are few (types, classes,
//! `:where()` of types, and the descendant, child and next-sibling
//! combinators), so they are read from its tokens here.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use cssparser::{
    AtRuleParser, CowRcStr, DeclarationParser, ParseError, Parser, ParserInput, ParserState, QualifiedRuleParser, RuleBodyItemParser,
    RuleBodyParser, StyleSheetParser, Token,
};

const SOURCE: &str = "src/card.css";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    let css = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let rules = parse_stylesheet(&css);
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);

    let mut min = String::new();
    for rule in &rules {
        rule.write_min(&mut min);
    }
    write(&out_dir.join("card.min.css"), &min);
    write(&out_dir.join("inline_rules.rs"), &inline_rules(&rules));
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

// ---- The stylesheet as a tree of rules -------------------------------------

/// A rule of card.css, its prelude and values with comments and needless
/// whitespace taken out (see [`minify`]).
enum Rule {
    Style { selectors: String, declarations: Vec<Declaration> },
    At { name: String, prelude: String, block: Option<Vec<Rule>> },
}

struct Declaration {
    name: String,
    value: String,
    important: bool,
}

impl Rule {
    fn write_min(&self, out: &mut String) {
        match self {
            Rule::Style { selectors, declarations } => {
                out.push_str(selectors);
                out.push('{');
                for (i, d) in declarations.iter().enumerate() {
                    if i > 0 {
                        out.push(';');
                    }
                    let _ = write!(out, "{}:{}{}", d.name, d.value, if d.important { "!important" } else { "" });
                }
                out.push('}');
            }
            Rule::At { name, prelude, block } => {
                let _ = write!(out, "@{name}");
                if !prelude.is_empty() {
                    out.push(' ');
                    out.push_str(prelude);
                }
                match block {
                    Some(rules) => {
                        out.push('{');
                        for r in rules {
                            r.write_min(out);
                        }
                        out.push('}');
                    }
                    None => out.push(';'),
                }
            }
        }
    }
}

fn parse_stylesheet(css: &str) -> Vec<Rule> {
    let mut input = ParserInput::new(css);
    let mut parser = Parser::new(&mut input);
    rule_list(&mut parser)
}

fn rule_list<'i>(input: &mut Parser<'i, '_>) -> Vec<Rule> {
    StyleSheetParser::new(input, &mut Rules)
        .map(|r| r.unwrap_or_else(|(e, text)| panic!("{SOURCE}: cannot read {text:?}: {e:?}")))
        .collect()
}

/// Reads rule lists: the stylesheet, and the blocks of `@media`,
/// `@container` and `@keyframes` (whose `from{…}` reads as a style rule).
struct Rules;

impl<'i> QualifiedRuleParser<'i> for Rules {
    type Prelude = String;
    type QualifiedRule = Rule;
    type Error = ();

    fn parse_prelude<'t>(&mut self, input: &mut Parser<'i, 't>) -> Result<String, ParseError<'i, ()>> {
        Ok(minify(input))
    }

    fn parse_block<'t>(&mut self, selectors: String, _: &ParserState, input: &mut Parser<'i, 't>) -> Result<Rule, ParseError<'i, ()>> {
        let declarations = RuleBodyParser::new(input, &mut Declarations)
            .map(|d| d.unwrap_or_else(|(e, text)| panic!("{SOURCE}: cannot read the declaration {text:?} in {selectors}: {e:?}")))
            .collect();
        Ok(Rule::Style { selectors, declarations })
    }
}

impl<'i> AtRuleParser<'i> for Rules {
    type Prelude = (String, String);
    type AtRule = Rule;
    type Error = ();

    fn parse_prelude<'t>(&mut self, name: CowRcStr<'i>, input: &mut Parser<'i, 't>) -> Result<(String, String), ParseError<'i, ()>> {
        Ok((name.to_string(), minify(input)))
    }

    fn rule_without_block(&mut self, (name, prelude): (String, String), _: &ParserState) -> Result<Rule, ()> {
        Ok(Rule::At { name, prelude, block: None })
    }

    fn parse_block<'t>(&mut self, (name, prelude): (String, String), _: &ParserState, input: &mut Parser<'i, 't>) -> Result<Rule, ParseError<'i, ()>> {
        Ok(Rule::At { name, prelude, block: Some(rule_list(input)) })
    }
}

/// Reads the declarations of a style rule.
struct Declarations;

impl<'i> DeclarationParser<'i> for Declarations {
    type Declaration = Declaration;
    type Error = ();

    fn parse_value<'t>(&mut self, name: CowRcStr<'i>, input: &mut Parser<'i, 't>) -> Result<Declaration, ParseError<'i, ()>> {
        let value = minify(input);
        let (value, important) = match value.strip_suffix("!important") {
            Some(v) => (v.trim_end().to_string(), true),
            None => (value, false),
        };
        Ok(Declaration { name: name.to_string(), value, important })
    }
}

impl<'i> AtRuleParser<'i> for Declarations {
    type Prelude = ();
    type AtRule = Declaration;
    type Error = ();
}

impl<'i> QualifiedRuleParser<'i> for Declarations {
    type Prelude = ();
    type QualifiedRule = Declaration;
    type Error = ();
}

impl<'i> RuleBodyItemParser<'i, Declaration, ()> for Declarations {
    fn parse_declarations(&self) -> bool {
        true
    }
    fn parse_qualified(&self) -> bool {
        false
    }
}

/// The rest of `input` as text, token by token: comments out, each run of
/// whitespace one space, and none where it cannot matter (after `(` and `,`,
/// before `)` and `,`, around `>`). The space of a descendant combinator
/// (`.bc-card :where(…)`) and of values (`1em + 2cqi`) stays.
fn minify(input: &mut Parser<'_, '_>) -> String {
    let mut out = String::new();
    minify_into(input, &mut out);
    out
}

fn minify_into(input: &mut Parser<'_, '_>, out: &mut String) {
    let mut space = false;
    loop {
        let start = input.position();
        let token = match input.next_including_whitespace_and_comments() {
            Ok(t) => t.clone(),
            Err(_) => return,
        };
        match token {
            Token::WhiteSpace(_) => {
                space = true;
                continue;
            }
            Token::Comment(_) => continue,
            _ => {}
        }
        let glued = matches!(token, Token::Comma | Token::Delim('>'));
        if space && !glued && !out.is_empty() && !out.ends_with(['(', '[', ',', '>']) {
            out.push(' ');
        }
        space = false;
        out.push_str(input.slice_from(start));
        let close = match token {
            Token::Function(_) | Token::ParenthesisBlock => ")",
            Token::SquareBracketBlock => "]",
            Token::CurlyBracketBlock => "}",
            _ => continue,
        };
        let _ = input.parse_nested_block(|nested| {
            minify_into(nested, out);
            Ok::<_, ParseError<'_, ()>>(())
        });
        out.push_str(close);
    }
}

// ---- Selectors static HTML can decide --------------------------------------

/// How a compound relates to the one on its left.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Combinator {
    Descendant,
    Child,
    Next,
}

/// A compound selector: any of `tags` (none: any element) with all of
/// `classes`, and the `dir` attribute and being a first child when asked.
#[derive(Default)]
struct Compound {
    tags: Vec<String>,
    classes: Vec<String>,
    dir: Option<String>,
    first_child: bool,
    /// The combinator between this compound and the one on its left.
    left: Option<Combinator>,
    /// A type selector counts in specificity (a `:where()` does not).
    typed: bool,
}

/// One selector of a list, as compounds from left to right, or `None` when
/// static HTML cannot decide it (pseudo-classes but `:first-child`,
/// pseudo-elements, attributes but `[dir=…]`, `:host`, `:is()`, `~`, two `+`
/// in a row, ids).
fn selector(input: &mut Parser<'_, '_>) -> Option<Vec<Compound>> {
    let mut compounds = Vec::new();
    let mut current = Compound::default();
    let mut empty = true;
    let mut pending: Option<Combinator> = None;
    let mut decidable = true;
    while let Ok(token) = input.next_including_whitespace() {
        let token = token.clone();
        match token {
            Token::WhiteSpace(_) if !empty => {
                pending.get_or_insert(Combinator::Descendant);
                continue;
            }
            Token::WhiteSpace(_) => continue,
            Token::Delim('>') => {
                pending = Some(Combinator::Child);
                continue;
            }
            Token::Delim('+') => {
                pending = Some(Combinator::Next);
                continue;
            }
            _ => {}
        }
        if let Some(c) = pending.take() {
            compounds.push(std::mem::take(&mut current));
            current.left = Some(c);
        }
        empty = false;
        match token {
            Token::Delim('.') => match input.next_including_whitespace().cloned() {
                Ok(Token::Ident(class)) => current.classes.push(class.to_string()),
                _ => decidable = false,
            },
            Token::Ident(tag) if current.tags.is_empty() => {
                current.tags.push(tag.to_ascii_lowercase());
                current.typed = true;
            }
            Token::Delim('*') => {}
            Token::SquareBracketBlock => {
                let dir = input.parse_nested_block(|attr| {
                    let name = attr.expect_ident_cloned()?;
                    attr.expect_delim('=')?;
                    let value = attr.expect_ident_or_string()?.to_string();
                    attr.expect_exhausted()?;
                    Ok::<_, ParseError<'_, ()>>(name.eq_ignore_ascii_case("dir").then_some(value))
                });
                match dir {
                    Ok(Some(dir)) if current.dir.is_none() => current.dir = Some(dir),
                    _ => decidable = false,
                }
            }
            Token::Colon => match input.next_including_whitespace().cloned() {
                Ok(Token::Ident(p)) if p.eq_ignore_ascii_case("first-child") => current.first_child = true,
                Ok(Token::Function(f)) if f.eq_ignore_ascii_case("where") && current.tags.is_empty() => {
                    let tags = input.parse_nested_block(|list| {
                        list.parse_comma_separated(|one| one.expect_ident().map(|t| t.to_ascii_lowercase()).map_err(Into::into))
                    });
                    match tags {
                        Ok::<_, ParseError<'_, ()>>(tags) => current.tags = tags,
                        Err(_) => decidable = false,
                    }
                }
                _ => decidable = false,
            },
            _ => decidable = false,
        }
    }
    compounds.push(current);
    let twice_next = compounds.windows(2).any(|w| w.iter().all(|c| c.left == Some(Combinator::Next)));
    (decidable && !twice_next && pending.is_none()).then_some(compounds)
}

/// Every selector of a list (`None` for those static HTML cannot decide).
fn selector_list(text: &str) -> Vec<Option<Vec<Compound>>> {
    let mut input = ParserInput::new(text);
    let mut parser = Parser::new(&mut input);
    parser
        .parse_comma_separated(|one| {
            let s = selector(one);
            while one.next().is_ok() {}
            Ok::<_, ParseError<'_, ()>>(s)
        })
        .unwrap_or_else(|e| panic!("{SOURCE}: cannot read the selectors {text:?}: {e:?}"))
}

/// Every class a selector list names, wherever it stands.
fn named_classes(text: &str, out: &mut Vec<String>) {
    let mut input = ParserInput::new(text);
    let mut parser = Parser::new(&mut input);
    fn walk(p: &mut Parser<'_, '_>, out: &mut Vec<String>) {
        let mut dot = false;
        while let Ok(token) = p.next_including_whitespace() {
            let token = token.clone();
            match &token {
                Token::Ident(class) if dot && !out.iter().any(|c| c.as_str() == &**class) => out.push(class.to_string()),
                Token::Function(_) | Token::ParenthesisBlock | Token::SquareBracketBlock => {
                    let _ = p.parse_nested_block(|n| {
                        walk(n, out);
                        Ok::<_, ParseError<'_, ()>>(())
                    });
                }
                _ => {}
            }
            dot = matches!(token, Token::Delim('.'));
        }
    }
    walk(&mut parser, out);
}

// ---- Declarations for static HTML ------------------------------------------

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
const LIVE_ONLY_PROPERTIES: &[&str] =
    &["container-type", "container-name", "container", "contain-intrinsic-width", "contain-intrinsic-height", "contain-intrinsic-size", "content-visibility", "transition", "animation", "cursor", "scroll-margin"];

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
    if logical.iter().any(|l| name.contains(l)) || (matches!(name.as_str(), "text-align" | "float" | "clear") && matches!(value.as_str(), "start" | "end")) {
        panic!("{SOURCE}: no physical form for {name}:{value} in email; add it to build.rs's physical()");
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

fn inline_rules(rules: &[Rule]) -> String {
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

    let mut out = String::from("// Generated by build.rs from src/card.css. Do not edit.\n\n");
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
