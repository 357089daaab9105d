//! The per-text word index shared by every person detector: each token's folded
//! form, its name form (with a glued hyphenated part) and that form's gazetteer
//! membership, computed once per text instead of once per detector and position.
//!
//! Every entry is built by the same functions the detectors used to call per
//! look-up ([`fold_into`], the [`name_word`](super::word) joining rule, [`listed`]),
//! so a look-up here answers exactly what the call it replaces answered.

use std::cell::Cell;

use super::gazetteer::blocked;
use super::word::{fold_into, listed_kinds};
use crate::detect::Names;
use crate::token::{Tk, Tok};

/// No string: the token does not fold (digits, other scripts, too long).
const NONE: u32 = u32::MAX;

/// Membership flags of a token's name form.
const GIVEN: u8 = Names::GIVEN;
const SURNAME: u8 = Names::SURNAME;
const ENGLISH: u8 = Names::ENGLISH;

/// `blocked` of a token's name form, computed on first use.
const UNKNOWN: u8 = 0;
const NO: u8 = 1;
const YES: u8 = 2;

#[derive(Debug, Clone)]
struct Entry {
    /// `fold` of the token's text: a range of the arena, or `NONE`.
    fold: (u32, u32),
    /// `name_word` of the token: a range of the arena, or `NONE`.
    name: (u32, u32),
    /// The token index after the name form.
    next: u32,
    /// `GIVEN` / `SURNAME` (as [`listed_kinds`]) / `ENGLISH` of the name form.
    flags: u8,
    /// `blocked` of the name form: `UNKNOWN` until asked.
    blocked: Cell<u8>,
}

/// Folded forms and list membership of every token of one text.
#[derive(Debug)]
pub(super) struct Words<'a> {
    names: &'a Names,
    arena: String,
    ents: Vec<Entry>,
    /// Byte offset of the first `?` of the text (`usize::MAX` without one): no
    /// name question precedes a token starting there or before.
    pub(super) first_question: usize,
}

impl<'a> Words<'a> {
    /// Indexes the tokens of `text`.
    pub(super) fn new(text: &str, toks: &[Tok], names: &'a Names) -> Self {
        let mut arena = String::with_capacity(text.len() + 16);
        let mut ents: Vec<Entry> = Vec::with_capacity(toks.len());
        for t in toks {
            // only words and a lone apostrophe fold: digits, other punctuation
            // and placeholders never do
            let s = arena.len();
            let ok = match t.kind {
                Tk::Word => fold_into(&text[t.start..t.end], &mut arena),
                Tk::Punct(b'\'') => {
                    arena.push('\'');
                    true
                }
                _ => false,
            };
            let fold = if ok {
                (s as u32, arena.len() as u32)
            } else {
                (NONE, NONE)
            };
            ents.push(Entry {
                fold,
                name: (NONE, NONE),
                next: 0,
                flags: 0,
                blocked: Cell::new(UNKNOWN),
            });
        }
        for k in 0..toks.len() {
            let Some((name, next)) = Self::join(toks, &ents, &mut arena, k) else {
                continue;
            };
            let w = &arena[name.0 as usize..name.1 as usize];
            let kinds = names.kinds(w);
            let (g, s) = listed_kinds(names, w, kinds);
            let mut flags = kinds & ENGLISH;
            if g {
                flags |= GIVEN;
            }
            if s {
                flags |= SURNAME;
            }
            let e = &mut ents[k];
            e.name = name;
            e.next = next as u32;
            e.flags = flags;
        }
        Words {
            names,
            arena,
            ents,
            first_question: text.bytes().position(|b| b == b'?').unwrap_or(usize::MAX),
        }
    }

    /// The `name_word` rule: a word of at most 24 bytes that folds, joined with a
    /// glued hyphenated part of at most 12 bytes that folds ("ji-woo").
    fn join(
        toks: &[Tok],
        ents: &[Entry],
        arena: &mut String,
        k: usize,
    ) -> Option<((u32, u32), usize)> {
        let t = &toks[k];
        if t.kind != Tk::Word || t.end - t.start > 24 || ents[k].fold.0 == NONE {
            return None;
        }
        if toks
            .get(k + 1)
            .is_some_and(|p| p.kind == Tk::Punct(b'-') && !p.gap)
            && toks
                .get(k + 2)
                .is_some_and(|n| n.kind == Tk::Word && !n.gap && n.end - n.start <= 12)
            && ents[k + 2].fold.0 != NONE
        {
            let (a, b) = ents[k].fold;
            let (c, d) = ents[k + 2].fold;
            let s = arena.len();
            // rare (hyphenated names): copies through a temporary
            let joined = format!(
                "{}-{}",
                &arena[a as usize..b as usize],
                &arena[c as usize..d as usize]
            );
            arena.push_str(&joined);
            return Some(((s as u32, arena.len() as u32), k + 3));
        }
        Some((ents[k].fold, k + 1))
    }

    fn at(&self, (s, e): (u32, u32)) -> Option<&str> {
        (s != NONE).then(|| &self.arena[s as usize..e as usize])
    }

    /// `fold` of token `k`'s text (any kind of token); `None` past the end.
    pub(super) fn fold(&self, k: usize) -> Option<&str> {
        self.at(self.ents.get(k)?.fold)
    }

    /// The name form of token `k` and the token index after it, as `name_word`.
    pub(super) fn name(&self, k: usize) -> Option<(&str, usize)> {
        let e = self.ents.get(k)?;
        Some((self.at(e.name)?, e.next as usize))
    }

    /// [`listed`] of token `k`'s name form; `(false, false)` without one.
    pub(super) fn listed(&self, k: usize) -> (bool, bool) {
        let f = self.ents.get(k).map_or(0, |e| e.flags);
        (f & GIVEN != 0, f & SURNAME != 0)
    }

    /// Token `k`'s name form is an everyday English word that is also a name.
    pub(super) fn english(&self, k: usize) -> bool {
        self.ents.get(k).is_some_and(|e| e.flags & ENGLISH != 0)
    }

    /// `blocked` of token `k`'s name form (which must exist), computed once.
    pub(super) fn blocked(&self, k: usize) -> bool {
        let c = &self.ents[k].blocked;
        match c.get() {
            YES => true,
            NO => false,
            _ => {
                let w = self.name(k).map_or("", |(w, _)| w);
                let b = blocked(w, self.names);
                c.set(if b { YES } else { NO });
                b
            }
        }
    }

    /// `name_ok` of token `k`'s name form: listed and not blocked.
    pub(super) fn name_ok(&self, k: usize) -> bool {
        let (g, s) = self.listed(k);
        (g || s) && !self.blocked(k)
    }
}
