//! card.css as a tree of rules, read with cssparser, and each rule written
//! back minified (the live card's sheet).

use cssparser::{
    AtRuleParser, CowRcStr, DeclarationParser, ParseError, Parser, ParserInput, ParserState, QualifiedRuleParser, RuleBodyItemParser,
    RuleBodyParser, StyleSheetParser, Token,
};

use std::fmt::Write as _;

use crate::SOURCE;

/// A rule of card.css, its prelude and values with comments and needless
/// whitespace taken out (see [`minify`]).
pub(crate) enum Rule {
    Style { selectors: String, declarations: Vec<Declaration> },
    At { name: String, prelude: String, block: Option<Vec<Rule>> },
}

pub(crate) struct Declaration {
    pub(crate) name: String,
    pub(crate) value: String,
    pub(crate) important: bool,
}

impl Rule {
    pub(crate) fn write_min(&self, out: &mut String) {
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

pub(crate) fn parse_stylesheet(css: &str) -> Vec<Rule> {
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

    fn parse_block<'t>(
        &mut self,
        (name, prelude): (String, String),
        _: &ParserState,
        input: &mut Parser<'i, 't>,
    ) -> Result<Rule, ParseError<'i, ()>> {
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
pub(crate) fn minify(input: &mut Parser<'_, '_>) -> String {
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
