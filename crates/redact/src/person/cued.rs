//! Names introduced by a cue: a trigger phrase, title, relation or label, then
//! the name words that follow it.

use super::before::name_before;
use super::cues::{
    boundary_at, help_with, is_cue_after, is_trigger_last, open_cue, open_run_ok, open_word,
    self_cue_follows, send_to, surname_follows, trigger_after, Trigger,
};
use super::guards::org_word;
use super::index::Words;
use super::labels::{label_value, label_word, speaker_label};
use super::vocab::{everyday_word, not_a_name, particle};
use super::word::{after_particles, is_cap, shouting};
use super::{person, word_is};
use crate::detect::{Cand, Names};
use crate::token::{Kw, Tk, Tok};

/// Finds names after cue words (tokens marked `Kw::NameCue`).
pub(super) fn cued_names(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    names: &Names,
    name_cue: bool,
    out: &mut Vec<Cand>,
) {
    let mut k = if name_cue { 0 } else { toks.len() };
    while k < toks.len() {
        let t = &toks[k];
        if t.kw != Kw::NameCue {
            k += 1;
            continue;
        }
        let Some(w) = ix.lower(k) else {
            k += 1;
            continue;
        };
        if w == "line" {
            // "Oguz Celik on the line"
            if k >= 3 && word_is(text, toks, k - 1, "the") && word_is(text, toks, k - 2, "on") {
                if let Some((s, e)) = name_before(text, toks, ix, k - 2, names) {
                    out.push(person(s, e));
                }
            }
            k += 1;
            continue;
        }
        if !is_trigger_last(w) {
            if let Some((s, e)) = name_before(text, toks, ix, k, names) {
                out.push(person(s, e));
            }
            k += 1;
            continue;
        }
        if w == "is" && word_is(text, toks, k + 1, "the") && word_is(text, toks, k + 2, "name") {
            // "Wei Brown is the name on the account"
            if let Some((s, e)) = name_before(text, toks, ix, k, names) {
                out.push(person(s, e));
            }
        }
        let word_at = |i: usize| -> Option<&str> {
            if toks.get(i)?.kind != Tk::Word {
                return None;
            }
            ix.lower(i)
        };
        let p1 = if k >= 1 { word_at(k - 1) } else { None };
        let p2 = if k >= 2 && p1.is_some() {
            word_at(k - 2)
        } else {
            None
        };
        let mut refs: [&str; 3] = [""; 3];
        let mut n = 0;
        if let (Some(l2), Some(_)) = (p2, p1) {
            refs[n] = l2;
            n += 1;
        }
        if let Some(l1) = p1 {
            refs[n] = l1;
            n += 1;
        }
        refs[n] = w;
        n += 1;
        // `user_agent`: a compound key is a label only when it ends in "name"
        let compound = k > 0 && toks[k - 1].kind == Tk::Punct(b'_') && !t.gap;
        let label_at = if label_word(w) && (w == "name" || !compound) {
            label_value(toks, k)
        } else {
            None
        };
        // "Agent:", "Customer:" also label who speaks in a transcript ("Agent:
        // Perfect, let me check"): there the value must be a listed name alone
        let speaker = label_at.is_some() && speaker_label(w);
        // "the name on the account is Tesfaye Bekele" (on the card, the policy...)
        let name_on = w == "is"
            && p2 == Some("the")
            && p1.is_some_and(|p| {
                matches!(
                    p,
                    "account" | "card" | "policy" | "booking" | "reservation" | "file" | "order"
                )
            })
            && k >= 4
            && word_is(text, toks, k - 3, "on")
            && word_is(text, toks, k - 4, "name");
        let trig = if speaker {
            Some(Trigger::Label)
        } else if label_at.is_some() || name_on {
            Some(Trigger::Strong)
        } else {
            trigger_after(&refs[..n]).or_else(|| {
                (label_word(w) && !matches!(w, "to" | "name") && t.cap).then_some(Trigger::Label)
            })
        };
        let Some(trig) = trig else {
            k += 1;
            continue;
        };
        // "3038 Old Mill Dr near the park", "974 washington dr edison": a street
        // suffix, not a title
        if trig == Trigger::Title
            && w == "dr"
            && k > 0
            && toks[k - 1].kind == Tk::Word
            && toks[k - 1].kw == Kw::None
            && (toks[k - 1].cap
                || (2..=4).any(|d| {
                    k >= d
                        && (toks[k - d].kind == Tk::Num
                            || matches!(toks[k - d].kw, Kw::Digit(_) | Kw::Teen(_) | Kw::Tens(_)))
                }))
        {
            k += 1;
            continue;
        }
        // the name follows, optionally after a title's dot or a comma
        let mut j = label_at.unwrap_or(k + 1);
        if label_at.is_none()
            && toks.get(j).is_some_and(|t| t.kind == Tk::Punct(b','))
            && (matches!(
                w,
                "hi" | "hello" | "hey" | "thanks" | "you" | "bye" | "goodbye" | "dear" | "name"
            ) || trig == Trigger::Relation
                || open_cue(&refs[..n]))
        {
            j += 1;
        }
        if w == "name" && toks.get(j).is_some_and(|t| t.kind == Tk::Punct(b':')) {
            j += 1;
        }
        if trig == Trigger::Title
            && toks
                .get(j)
                .is_some_and(|t| t.kind == Tk::Punct(b'.') && !t.gap)
        {
            j += 1;
        }
        let mut end_tok = j;
        let mut count = 0;
        let mut first_listed = false;
        let open = matches!(trig, Trigger::Weak | Trigger::Relation)
            && (trig == Trigger::Relation || open_cue(&refs[..n]));
        let mut via_open = false;
        while end_tok < toks.len() && count < 3 {
            let n = &toks[end_tok];
            if n.kind != Tk::Word || n.nl {
                break;
            }
            let Some((lw, next)) = ix.name(end_tok) else {
                break;
            };
            if count >= 1 && particle(lw) {
                // "Declan da Silva", "Eilidh van der Berg"
                if let Some(sj) = after_particles(text, toks, ix, end_tok) {
                    end_tok = ix.name(sj).map_or(sj + 1, |(_, nx)| nx);
                    count += 1;
                    break;
                }
            }
            // "this is April Choi", "ask for june shin": a month that is a given
            // name, when a listed surname follows
            let month_name = matches!(n.kw, Kw::Month(4 | 5 | 6 | 8))
                && lw.len() >= 3
                && surname_follows(toks, ix, next);
            // a speaker label ("... who am i speaking with CALLER: venkatesh")
            let labels_next = trig != Trigger::Label
                && toks.get(next).is_some_and(|p| p.kind == Tk::Punct(b':'))
                && (speaker_label(lw) || lw.len() == 1);
            // "Dear Sra. Bautista": the title is no name, its own cue takes the
            // name after it
            let title_first = count == 0
                && trig != Trigger::Title
                && lw.len() <= 9
                && matches!(trigger_after(&[lw]), Some(Trigger::Title));
            if labels_next
                || title_first
                || not_a_name(lw)
                || (n.kw != Kw::None && n.kw != Kw::NameCue && !month_name)
            {
                break;
            }
            let (given, sur) = ix.listed(end_tok);
            let is_listed = given || sur;
            let capd = is_cap(text, n) && !shouting(text, toks, end_tok);
            let ok = if capd {
                true
            } else {
                match trig {
                    // "my name is priya": any word that is not a function word
                    // "it's under rawiri tawhiri checking in": an unlisted second
                    // word when a boundary follows it
                    Trigger::Strong => {
                        count == 0 && (w != "under" || open_word(lw, names))
                            || is_listed
                            || open_word(lw, names) && boundary_at(text, toks, next)
                    }
                    // "mr okafor" in lowercase speech; never the verb after it
                    Trigger::Title => count == 0 || sur && !everyday_word(lw),
                    Trigger::Label => false,
                    Trigger::Weak | Trigger::Relation => {
                        let plain = if count == 0 {
                            given && (!everyday_word(lw) || open && surname_follows(toks, ix, next))
                                || trig == Trigger::Weak && self_cue_follows(toks, ix, next)
                        } else {
                            sur || (given && !everyday_word(lw))
                        };
                        if !plain
                            && open
                            && open_word(lw, names)
                            && open_run_ok(text, toks, ix, next, count, names)
                        {
                            via_open = true;
                            true
                        } else {
                            plain
                        }
                    }
                }
            };
            if !ok {
                break;
            }
            if count == 0 {
                first_listed = given || (trig != Trigger::Weak && is_listed);
            }
            count += 1;
            end_tok = next;
            // "J." middle initial
            if end_tok + 1 < toks.len()
                && toks[end_tok].kind == Tk::Word
                && toks[end_tok].end - toks[end_tok].start == 1
                && toks[end_tok].cap
                && toks[end_tok + 1].kind == Tk::Punct(b'.')
                && toks
                    .get(end_tok + 2)
                    .is_some_and(|x| x.cap && x.kind == Tk::Word)
            {
                end_tok += 2;
            }
            if count == 2 && !capd && trig != Trigger::Strong {
                break;
            }
        }
        if count == 0 {
            k += 1;
            continue;
        }
        // "send it to Minh Do at 12 Elm Street": only before an address ("send it to
        // valentina fernandes at web dot de" is an e-mail)
        if n == 3
            && send_to(refs[2], refs[1], refs[0])
            && !(word_is(text, toks, end_tok, "at")
                && toks.get(end_tok + 1).is_some_and(|d| {
                    d.kind == Tk::Num || matches!(d.kw, Kw::Digit(_) | Kw::Teen(_) | Kw::Tens(_))
                }))
        {
            k += 1;
            continue;
        }
        // "anything else I can help with, Rawiri?" (not "I can help with refunds")
        if n == 3
            && help_with(refs[2], refs[1], refs[0])
            && !(k.saturating_sub(6)..k).any(|i| word_is(text, toks, i, "else"))
        {
            k += 1;
            continue;
        }
        // a name right before "at x dot y" is an e-mail's local part
        if word_is(text, toks, end_tok, "at")
            && toks
                .get(end_tok + 2)
                .is_some_and(|d| d.kind == Tk::Punct(b'.') || d.kw == Kw::Dot)
        {
            k += 1;
            continue;
        }
        if via_open && (count > 2 || !boundary_at(text, toks, end_tok)) {
            k += 1;
            continue;
        }
        // "Assignee: Platform Team", "Ship to: Acme Corp": an organisation
        if (j..=end_tok).any(|i| {
            toks.get(i)
                .is_some_and(|x| x.kind == Tk::Word && ix.fold(i).is_some_and(org_word))
        }) {
            k += 1;
            continue;
        }
        // "Agent: Wells Fargo, ...": a listed surname then an unlisted word is a firm
        if trig == Trigger::Label && count == 2 && first_listed && {
            let (g0, _) = ix.listed(j);
            let (g1, s1) = toks
                .get(end_tok - 1)
                .map(|_| {
                    let mut i = end_tok - 1;
                    while i > j && toks[i].kind != Tk::Word {
                        i -= 1;
                    }
                    ix.listed(i)
                })
                .unwrap_or((false, false));
            !g0 && !g1 && !s1
        } {
            k += 1;
            continue;
        }
        if (trig == Trigger::Label || matches!(w, "ok" | "okay")) && !first_listed {
            k += 1;
            continue;
        }
        if speaker
            && toks.get(end_tok).is_some_and(|n| {
                !n.nl && !matches!(n.kind, Tk::Punct(b'|' | b';' | b',' | b'(' | b'"' | b'.'))
            })
        {
            k += 1;
            continue;
        }
        if count == 1
            && label_at.is_some()
            && toks.get(end_tok).is_some_and(|t| t.kind == Tk::Punct(b','))
        {
            // "Patient: Lindqvist, Olivia"
            if let Some(g) = toks.get(end_tok + 1) {
                if g.kind == Tk::Word && is_cap(text, g) && !g.nl {
                    if let Some((_, nx)) = ix.name(end_tok + 1) {
                        if ix.listed(end_tok + 1).0 {
                            end_tok = nx;
                        }
                    }
                }
            }
        }
        if trig == Trigger::Weak && !first_listed && !via_open && open && count <= 3 {
            // "I'll transfer you to Tsion Gebremedhin in networking"
            if !boundary_at(text, toks, end_tok) {
                k += 1;
                continue;
            }
        } else if trig == Trigger::Weak && !first_listed && !via_open {
            // "This is Priya from support": unknown name, but a cue follows.
            let cue = toks.get(end_tok).and_then(|n| {
                if matches!(n.kind, Tk::Punct(b',' | b'.' | b'?' | b'!')) {
                    return Some(true);
                }
                ix.lower(end_tok).map(is_cue_after)
            });
            let cue = cue.unwrap_or(end_tok == toks.len());
            if !cue || count > 2 {
                k += 1;
                continue;
            }
        }
        let s = toks[j].start;
        let e = toks[end_tok - 1].end;
        out.push(person(s, e));
        k = end_tok;
    }
}
