//! The selectors static HTML can decide, read from cssparser's tokens: types,
//! classes, `:where()` of types, `[dir=…]`, `:first-child`, and the
//! descendant, child and next-sibling combinators.

use cssparser::{ParseError, Parser, ParserInput, Token};

use crate::SOURCE;

/// How a compound relates to the one on its left.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Combinator {
    Descendant,
    Child,
    Next,
}

/// A compound selector: any of `tags` (none: any element) with all of
/// `classes`, and the `dir` attribute and being a first child when asked.
#[derive(Default)]
pub(crate) struct Compound {
    pub(crate) tags: Vec<String>,
    pub(crate) classes: Vec<String>,
    pub(crate) dir: Option<String>,
    pub(crate) first_child: bool,
    /// The combinator between this compound and the one on its left.
    pub(crate) left: Option<Combinator>,
    /// A type selector counts in specificity (a `:where()` does not).
    pub(crate) typed: bool,
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
pub(crate) fn selector_list(text: &str) -> Vec<Option<Vec<Compound>>> {
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
pub(crate) fn named_classes(text: &str, out: &mut Vec<String>) {
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
