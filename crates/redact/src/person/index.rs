//! The per-text word index shared by every person detector: each token's folded
//! form, its name form (with a glued hyphenated part) and that form's gazetteer
//! membership, computed once per text instead of once per detector and position.
//!
//! Every entry is built by the same functions the detectors used to call per
//! look-up ([`fold_into`], the [`name_word`](super::word) joining rule, [`listed`]),
//! so a look-up here answers exactly what the call it replaces answered.

use std::cell::Cell;

use super::gazetteer::blocked;
use super::lowercase::lowercase_line;
use super::word::{fold_into, is_cap, listed_kinds};
use crate::detect::Names;
use crate::token::{Tk, Tok};

/// No string: the token does not fold (digits, other scripts, too long).
const NONE: u32 = u32::MAX;

/// Membership flags of a token's name form.
const GIVEN: u8 = Names::GIVEN;
const SURNAME: u8 = Names::SURNAME;
const ENGLISH: u8 = Names::ENGLISH;

/// The token's text is ASCII (its fold is its lowercase form).
const ASCII: u8 = 8;

/// A name without a cue may start at the token (`may_start_cueless`).
const CUELESS: u8 = 16;

/// The token has a name form: a word of at most 24 bytes that folds.
const NAMED: u8 = 32;

/// The name form joins a glued hyphenated part ("ji-woo"): `Entry::joined`.
const JOINED: u8 = 64;

/// The token follows a capitalised word on its line (`flags`): a possessive
/// there is the end of a longer name ("Dawit Wambui's"), and its stem is
/// looked up.
const AFTER_CAP: u8 = 0x80;

/// `lists` of an entry is known (computed on first use).
const KNOWN: u8 = 0x80;

/// `blocked` of a token's name form, computed on first use.
const UNKNOWN: u8 = 0;
const NO: u8 = 1;
const YES: u8 = 2;

#[derive(Debug, Clone)]
struct Entry {
    /// `fold` of the token's text: a range of the arena, or `NONE`.
    fold: (u32, u32),
    /// With `JOINED`: the name form "word-part" (a range of the arena).
    joined: (u32, u32),
    /// `ASCII`, `NAMED`, `JOINED` and `CUELESS` of the token.
    flags: u8,
    /// `GIVEN` / `SURNAME` (as [`listed_kinds`]) / `ENGLISH` of the name form,
    /// with `KNOWN`: looked up on first use.
    lists: Cell<u8>,
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

/// `GIVEN` / `SURNAME` / `ENGLISH` of a name form, with `KNOWN`; `single`: one
/// folded word (no '-', so the hyphen rules of [`listed_kinds`] cannot apply).
fn lists_of(names: &Names, w: &str, single: bool) -> u8 {
    let kinds = names.kinds(w);
    let (g, s) = if single {
        (kinds & GIVEN != 0, kinds & SURNAME != 0)
    } else {
        listed_kinds(names, w, kinds)
    };
    let mut l = KNOWN | (kinds & ENGLISH);
    if g {
        l |= GIVEN;
    }
    if s {
        l |= SURNAME;
    }
    l
}

impl<'a> Words<'a> {
    /// Indexes the tokens of `text`.
    pub(super) fn new(text: &str, toks: &[Tok], names: &'a Names) -> Self {
        // the text lowercased in place: an ASCII word's fold is its own byte range
        // (a word is letters and apostrophes); other words are folded after it
        let mut arena = String::with_capacity(text.len() + 32);
        arena.push_str(text);
        arena.make_ascii_lowercase();
        let all_ascii = text.is_ascii();
        let first_question = text.find('?').unwrap_or(usize::MAX);
        let mut ents: Vec<Entry> = Vec::with_capacity(toks.len());
        // words with a glued '-' after them: joined once every fold is known
        let mut hyphens: Vec<usize> = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            // only words and a lone apostrophe fold: digits, other punctuation
            // and placeholders never do
            let (fold, mut flags) = match t.kind {
                Tk::Word if all_ascii || text.as_bytes()[t.start..t.end].is_ascii() => {
                    ((t.start as u32, t.end as u32), ASCII)
                }
                Tk::Word => {
                    let s = arena.len();
                    if fold_into(&text[t.start..t.end], &mut arena) {
                        ((s as u32, arena.len() as u32), 0)
                    } else {
                        ((NONE, NONE), 0)
                    }
                }
                Tk::Punct(b'\'') => ((t.start as u32, t.end as u32), ASCII),
                _ => ((NONE, NONE), 0),
            };
            if t.kind == Tk::Word {
                if t.end - t.start <= 24 && fold.0 != NONE {
                    flags |= NAMED;
                    if toks
                        .get(k + 1)
                        .is_some_and(|p| p.kind == Tk::Punct(b'-') && !p.gap)
                    {
                        hyphens.push(k);
                    }
                }
                if is_cap(text, t) || t.start > first_question {
                    flags |= CUELESS;
                }
                if k > 0
                    && t.gap
                    && !t.nl
                    && toks[k - 1].kind == Tk::Word
                    && (toks[k - 1].cap
                        || text.as_bytes()[toks[k - 1].start] >= 0x80 && is_cap(text, &toks[k - 1]))
                {
                    flags |= AFTER_CAP;
                }
            }
            ents.push(Entry {
                fold,
                joined: (NONE, NONE),
                flags,
                lists: Cell::new(0),
                blocked: Cell::new(UNKNOWN),
            });
        }
        for k in hyphens {
            // the `name_word` rule: a glued part of at most 12 bytes that folds
            if toks
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
                ents[k].joined = (s as u32, arena.len() as u32);
                ents[k].flags |= JOINED;
            }
        }
        let mut ix = Words {
            names,
            arena,
            ents,
            first_question,
        };
        // a lowercase listed given name (or a possessive, "rashida's") in a line
        // without capitals: only there are the lists needed up front
        let mut line_lower: Option<bool> = None;
        for (k, t) in toks.iter().enumerate() {
            if t.nl {
                line_lower = None;
            }
            if ix.ents[k].flags & NAMED == 0
                || t.end - t.start < 3
                || !text.as_bytes()[t.start].is_ascii_lowercase()
                || !*line_lower.get_or_insert_with(|| lowercase_line(text, toks, k))
            {
                continue;
            }
            let (g, _) = ix.listed(k);
            if g || ix.name(k).is_some_and(|(w, _)| w.ends_with("'s")) {
                ix.ents[k].flags |= CUELESS;
            }
        }
        ix
    }

    #[inline]
    fn at(&self, (s, e): (u32, u32)) -> Option<&str> {
        (s != NONE).then(|| &self.arena[s as usize..e as usize])
    }

    /// `fold` of token `k`'s text (any kind of token); `None` past the end.
    #[inline]
    pub(super) fn fold(&self, k: usize) -> Option<&str> {
        self.at(self.ents.get(k)?.fold)
    }

    /// `token::lower` of token `k`'s text (any kind of token): its ASCII
    /// lowercase form when it is at most 24 ASCII letters and apostrophes.
    #[inline]
    pub(super) fn lower(&self, k: usize) -> Option<&str> {
        let e = self.ents.get(k)?;
        if e.flags & ASCII == 0 || e.fold.1 - e.fold.0 > 24 {
            return None;
        }
        self.at(e.fold)
    }

    /// The name form of token `k` and the token index after it, as `name_word`.
    #[inline]
    pub(super) fn name(&self, k: usize) -> Option<(&str, usize)> {
        let e = self.ents.get(k)?;
        if e.flags & NAMED == 0 {
            return None;
        }
        if e.flags & JOINED != 0 {
            return Some((self.at(e.joined)?, k + 3));
        }
        Some((self.at(e.fold)?, k + 1))
    }

    /// The lists holding token `k`'s name form (0 without one), looked up once.
    fn lists(&self, k: usize) -> u8 {
        let Some(e) = self.ents.get(k) else {
            return 0;
        };
        let l = e.lists.get();
        if l & KNOWN != 0 {
            return l;
        }
        let Some((w, next)) = self.name(k) else {
            return 0;
        };
        let mut l = lists_of(self.names, w, next == k + 1);
        // a possessive ("Matsumoto's account"): the lists of its stem
        if l & (GIVEN | SURNAME) == 0 && e.flags & AFTER_CAP != 0 {
            if let Some(stem) = w.strip_suffix("'s").filter(|s| s.len() >= 2) {
                l = lists_of(self.names, stem, next == k + 1);
            }
        }
        e.lists.set(l);
        l
    }

    /// [`listed`](super::word::listed) of token `k`'s name form; `(false, false)`
    /// without one.
    #[inline]
    pub(super) fn listed(&self, k: usize) -> (bool, bool) {
        let f = self.lists(k);
        (f & GIVEN != 0, f & SURNAME != 0)
    }

    /// Token `k`'s name form is an everyday English word that is also a name.
    #[inline]
    pub(super) fn english(&self, k: usize) -> bool {
        self.lists(k) & ENGLISH != 0
    }

    /// Whether a name without a cue can start at token `k`: a word that is
    /// capitalised, or follows a `?` (an answer to a name question), or is a
    /// lowercase listed given name (or a possessive, "rashida's"). Every other
    /// token is turned down by all three cueless rules (`position_name`,
    /// `lowercase_name`, a capitalised listed name), so it is skipped unlooked.
    #[inline]
    pub(super) fn may_start_cueless(&self, k: usize) -> bool {
        self.ents[k].flags & CUELESS != 0
    }

    /// `blocked` of token `k`'s name form (which must exist), computed once.
    pub(super) fn blocked(&self, k: usize) -> bool {
        let c = &self.ents[k].blocked;
        match c.get() {
            YES => true,
            NO => false,
            _ => {
                let w = self.name(k).map_or("", |(w, _)| w);
                // a possessive is blocked when its stem is ("Kellogg's")
                let b = blocked(w, self.names)
                    || w.strip_suffix("'s").is_some_and(|s| blocked(s, self.names));
                c.set(if b { YES } else { NO });
                b
            }
        }
    }

    /// `name_ok` of token `k`'s name form: listed and not blocked.
    #[inline]
    pub(super) fn name_ok(&self, k: usize) -> bool {
        let (g, s) = self.listed(k);
        (g || s) && !self.blocked(k)
    }
}
