//! Person names: introduced in context ("my name is ...", "this is ... speaking",
//! "ask for ...", "the account holder is ...", titles), or a common given name
//! followed by a common surname (lists shipped in `data/`).

use crate::detect::{Cand, Found, Names};
use crate::token::{lower, Kw, Tk, Tok};
use crate::Entity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// "my name is": lowercase names from the lists accepted too.
    Strong,
    /// "this is", "I'm", "hi", "thanks": needs a listed given name or a cue after it.
    Weak,
    /// Mr, Ms, Dr...: any capitalised word.
    Title,
    /// "my husband", "the technician": a capitalised or listed given name.
    Relation,
    /// "Customer Grace Hernandez", "Contact Minh at": capitalised words, the
    /// first a listed given name or surname.
    Label,
}

/// Capitalised words that are not names even after a trigger.
fn not_a_name(w: &str) -> bool {
    matches!(
        w,
        "i" | "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "it"
            | "my"
            | "your"
            | "our"
            | "we"
            | "you"
            | "he"
            | "she"
            | "they"
            | "sure"
            | "yes"
            | "no"
            | "not"
            | "just"
            | "calling"
            | "here"
            | "hi"
            | "hello"
            | "thanks"
            | "thank"
            | "okay"
            | "ok"
            | "so"
            | "well"
            | "um"
            | "uh"
            | "and"
            | "but"
            | "or"
            | "customer"
            | "support"
            | "service"
            | "team"
            | "sales"
            | "billing"
            | "technical"
            | "tech"
            | "good"
            | "great"
            | "fine"
            | "sorry"
            | "going"
            | "trying"
            | "looking"
            | "regarding"
            | "about"
            | "from"
            | "with"
            | "at"
            | "in"
            | "on"
            | "for"
            | "to"
            | "of"
            | "is"
            | "was"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "what"
            | "who"
            | "how"
            | "why"
            | "when"
            | "where"
            | "please"
            | "can"
            | "could"
            | "would"
            | "will"
            | "do"
            | "does"
            | "did"
            | "have"
            | "has"
            | "had"
            | "be"
            | "been"
            | "are"
            | "am"
            | "if"
            | "there"
            | "their"
            | "his"
            | "her"
            | "its"
            | "all"
            | "any"
            | "some"
            | "one"
            | "two"
            | "right"
            | "correct"
            | "still"
            | "also"
            | "really"
            | "actually"
            | "happy"
            | "glad"
            | "interested"
            | "new"
            | "unable"
            | "able"
            | "available"
            | "done"
            | "ready"
            | "back"
            | "out"
            | "over"
            | "up"
            | "down"
            | "because"
            | "as"
            | "by"
            | "speaking"
            | "name"
            | "names"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "professor"
            | "doctor"
            | "mister"
            | "mx"
            | "dame"
            | "lady"
            | "lord"
            | "us"
            | "care"
            | "id"
            | "details"
            | "info"
            | "information"
            | "miss"
            | "sir"
            | "madam"
            | "ma'am"
            | "everyone"
            | "everybody"
            | "me"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "tonight"
            | "later"
            | "twice"
            | "once"
            | "earlier"
            | "last"
            | "every"
            | "never"
            | "asap"
            | "anytime"
            | "whenever"
            | "guys"
            | "folks"
            | "again"
            | "there's"
            | "it's"
            | "i'm"
            | "we're"
            | "you're"
            | "that's"
            | "let"
            | "let's"
            | "morning"
            | "afternoon"
            | "evening"
            | "very"
            | "much"
            | "bank"
            | "company"
            | "department"
            | "office"
            | "agent"
            | "manager"
            | "supervisor"
            | "account"
            | "holder"
            | "card"
            | "number"
            | "email"
            | "phone"
            | "address"
            | "assistant"
            | "bot"
            | "ai"
            | "virtual"
            | "automated"
            | "system"
            | "reaching"
            | "called"
            | "named"
            | "yeah"
            | "yep"
            | "yup"
            | "nope"
            | "bye"
            | "goodbye"
            | "spelled"
            | "spell"
    )
}

/// Common English words that follow name cues ("I'm calling", "this is urgent",
/// "thanks anyway", "my husband said"): a lowercase word after an open cue is a
/// name only when it is none of these (nor a function word or everyday name-word).
fn common_word(w: &str) -> bool {
    matches!(
        w,
        "calling"
            | "call"
            | "just"
            | "wondering"
            | "hoping"
            | "having"
            | "getting"
            | "urgent"
            | "ridiculous"
            | "confused"
            | "stuck"
            | "locked"
            | "worried"
            | "concerned"
            | "upset"
            | "frustrated"
            | "sure"
            | "afraid"
            | "home"
            | "away"
            | "busy"
            | "free"
            | "moving"
            | "retired"
            | "pregnant"
            | "sick"
            | "late"
            | "early"
            | "new"
            | "old"
            | "fine"
            | "good"
            | "great"
            | "well"
            | "ok"
            | "okay"
            | "alright"
            | "sorry"
            | "anyway"
            | "anyways"
            | "again"
            | "kindly"
            | "much"
            | "lot"
            | "lots"
            | "heaps"
            | "mate"
            | "buddy"
            | "man"
            | "dude"
            | "love"
            | "dear"
            | "everyone"
            | "guys"
            | "all"
            | "both"
            | "said"
            | "says"
            | "told"
            | "asked"
            | "wants"
            | "wanted"
            | "needs"
            | "needed"
            | "has"
            | "had"
            | "got"
            | "gets"
            | "went"
            | "goes"
            | "came"
            | "comes"
            | "called"
            | "calls"
            | "passed"
            | "died"
            | "lives"
            | "lived"
            | "works"
            | "worked"
            | "left"
            | "paid"
            | "pays"
            | "uses"
            | "used"
            | "bought"
            | "ordered"
            | "booked"
            | "signed"
            | "opened"
            | "closed"
            | "made"
            | "did"
            | "does"
            | "is"
            | "was"
            | "will"
            | "would"
            | "should"
            | "could"
            | "can"
            | "might"
            | "must"
            | "and"
            | "who"
            | "which"
            | "that"
            | "there"
            | "here"
            | "too"
            | "also"
            | "only"
            | "even"
            | "still"
            | "already"
            | "now"
            | "then"
            | "today"
            | "tonight"
            | "tomorrow"
            | "yesterday"
            | "soon"
            | "back"
            | "out"
            | "in"
            | "on"
            | "off"
            | "up"
            | "down"
            | "over"
            | "around"
            | "something"
            | "nothing"
            | "anything"
            | "everything"
            | "someone"
            | "somebody"
            | "anyone"
            | "anybody"
            | "nobody"
            | "it"
            | "this"
            | "these"
            | "those"
            | "them"
            | "him"
            | "her"
            | "us"
            | "me"
            | "you"
            | "your"
            | "my"
            | "our"
            | "their"
            | "his"
            | "that's"
            | "what's"
            | "it's"
            | "sign"
            | "stay"
            | "come"
            | "get"
            | "go"
            | "live"
            | "been"
            | "being"
            | "be"
            | "here's"
            | "there's"
            | "over's"
            | "right"
            | "correct"
            | "wrong"
            | "trying"
            | "looking"
            | "waiting"
            | "hold"
            | "holding"
            | "checking"
            | "following"
            | "reaching"
            | "returning"
            | "able"
            | "unable"
            | "happy"
            | "glad"
            | "interested"
            | "ready"
            | "done"
            | "finished"
            | "available"
            | "speaking"
            | "from"
            | "about"
            | "regarding"
            | "re"
            | "with"
            | "for"
            | "to"
            | "of"
            | "at"
            | "by"
            | "help"
            | "support"
            | "service"
            | "billing"
            | "sales"
            | "accounts"
            | "account"
            | "card"
            | "order"
            | "bill"
            | "claim"
            | "refund"
            | "reservation"
            | "booking"
            | "appointment"
            | "prescription"
            | "refill"
            | "flight"
            | "laptop"
            | "phone"
            | "number"
            | "email"
            | "address"
            | "password"
            | "problem"
            | "issue"
            | "question"
            | "warranty"
            | "review"
            | "contract"
            | "investigation"
            | "construction"
            | "maintenance"
            | "pressure"
            | "control"
            | "way"
            | "what"
            | "how"
            | "why"
            | "when"
            | "where"
            | "please"
            | "thanks"
            | "thank"
            | "cheers"
            | "yes"
            | "no"
            | "not"
            | "so"
            | "like"
            | "um"
            | "uh"
            | "oh"
            | "hmm"
            | "a"
            | "an"
            | "the"
            | "i"
            | "i'm"
            | "we"
            | "they"
            | "he"
            | "she"
            | "hi"
            | "hello"
            | "hey"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "there'll"
            | "gonna"
            | "wanna"
            | "gotta"
            | "bad"
            | "terrible"
            | "awful"
            | "annoying"
            | "weird"
            | "strange"
            | "broken"
            | "missing"
            | "gone"
            | "lost"
            | "stolen"
            | "damaged"
            | "expired"
            | "overcharged"
            | "charged"
            | "billed"
            | "double"
            | "twice"
            | "once"
            | "sir"
            | "madam"
            | "ma'am"
            | "folks"
            | "team"
            | "department"
            | "desk"
            | "agent"
            | "manager"
            | "supervisor"
            | "someone's"
            | "wait"
            | "hang"
            | "remain"
            | "keep"
            | "put"
            | "still's"
            | "line"
            | "tons"
            | "loads"
            | "bunch"
            | "plenty"
            | "outside"
            | "inside"
            | "downstairs"
            | "upstairs"
            | "nearby"
            | "abroad"
            | "overseas"
            | "local"
            | "online"
            | "offline"
            | "awake"
            | "asleep"
            | "tired"
            | "alone"
            | "driving"
            | "dispatch"
            | "reception"
            | "security"
            | "finance"
            | "payroll"
            | "hr"
            | "legal"
            | "nursing"
            | "admissions"
            | "claims"
            | "underwriting"
            | "collections"
            | "fraud"
            | "networking"
            | "receivable"
            | "payable"
            | "returns"
            | "shipping"
            | "technical"
            | "tech"
            | "customer"
            | "operator"
            | "voicemail"
            | "reservations"
            | "housekeeping"
            | "disappointed"
            | "unhappy"
            | "curious"
            | "positive"
            | "pretty"
            | "quite"
            | "kind"
            | "sort"
            | "literally"
            | "basically"
            | "currently"
            | "travelling"
            | "traveling"
            | "retiring"
    )
}

/// A lowercase word that may be a name after an open cue: not a function word, an
/// everyday word that is also a name, a common word, or a verb form.
fn open_word(lw: &str, names: &Names) -> bool {
    let (g, sur) = listed(names, lw);
    lw.len() >= 2
        && !not_a_name(lw)
        && !everyday_word(lw)
        && !common_word(lw)
        && (g || sur || !(lw.len() >= 5 && (lw.ends_with("ing") || lw.ends_with("ed"))))
        && !lw.ends_with("ly")
}

/// Cues after which an unlisted lowercase name is taken when a boundary follows it
/// ("this is thuy how can i help", "you're speaking with przemyslaw", "transfer
/// you to harika reddy in networking", "for my mom soo-ah zhou it's about").
fn open_cue(words: &[&str]) -> bool {
    let n = words.len();
    let Some(&last) = words.last() else {
        return false;
    };
    let prev = if n >= 2 { words[n - 2] } else { "" };
    let prev2 = if n >= 3 { words[n - 3] } else { "" };
    match last {
        // "hi, I'm Tariq Khalil": at the start of a turn or after a greeting
        "i'm" | "im" => n == 1 || greeting(prev),
        "am" => prev == "i" && (n == 2 || greeting(prev2)),
        "is" => prev == "this",
        "with" | "to" => {
            matches!(
                prev,
                "speaking"
                    | "speak"
                    | "talking"
                    | "talk"
                    | "talked"
                    | "spoke"
                    | "spoken"
                    | "me"
                    | "through"
            ) || transfer_to(prev, prev2)
                || send_to(last, prev, prev2)
                || help_with(last, prev, prev2)
        }
        // "thanks anahera", "bye tamati" (not "hi": "hi battery is at 76%")
        "thanks" | "bye" => true,
        "you" => prev == "thank",
        // "oh it's X", "hi Priya, it's X"
        "it's" => {
            matches!(prev, "oh" | "hi" | "hey" | "hello") || matches!(prev2, "hi" | "hey" | "hello")
        }
        _ => false,
    }
}

fn greeting(w: &str) -> bool {
    matches!(
        w,
        "hi" | "hello" | "hey" | "yes" | "yeah" | "and" | "morning" | "afternoon" | "evening"
    )
}

/// "transfer you to", "connect you with", "put you through to".
fn transfer_to(prev: &str, prev2: &str) -> bool {
    prev == "you" && matches!(prev2, "transfer" | "connect" | "put" | "forward" | "patch")
}

/// "send it to", "ship them to".
fn send_to(last: &str, prev: &str, prev2: &str) -> bool {
    last == "to"
        && matches!(prev, "it" | "them" | "this" | "that")
        && matches!(
            prev2,
            "send" | "ship" | "mail" | "deliver" | "forward" | "address" | "post"
        )
}

/// "anything else I can help with, Rawiri?"
fn help_with(last: &str, prev: &str, prev2: &str) -> bool {
    last == "with" && prev == "help" && prev2 == "can"
}

/// An unlisted lowercase word taken after an open cue must end the name at a
/// boundary, or (for a first word) be followed by one more name word that does.
fn open_run_ok(text: &str, toks: &[Tok], next: usize, count: usize, names: &Names) -> bool {
    if boundary_at(text, toks, next) {
        return true;
    }
    count == 0
        && toks.get(next).is_some_and(|t| t.kind == Tk::Word && !t.nl)
        && name_word(text, toks, next).is_some_and(|(w, n2)| {
            let (g, sur) = listed(names, &w);
            (g || sur || open_word(&w, names)) && boundary_at(text, toks, n2)
        })
}

/// Whether the word at `k` is a listed surname ("june shin", "chase anozie" with
/// "anozie" unlisted is not).
fn surname_follows(text: &str, toks: &[Tok], k: usize, names: &Names) -> bool {
    toks.get(k).is_some_and(|t| t.kind == Tk::Word && !t.nl)
        && name_word(text, toks, k).is_some_and(|(w, _)| listed(names, &w).1 && !not_a_name(&w))
}

/// Words and marks that end a name said after an open cue.
fn boundary_at(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return true;
    };
    if t.nl {
        return true;
    }
    match t.kind {
        Tk::Punct(b',' | b'.' | b'?' | b'!' | b':' | b'/' | b';' | b'-') => true,
        Tk::Word => {
            let mut b = [0u8; 24];
            // "send it to valentina fernandes at web dot de": an e-mail's local part
            let domain = |i: usize| {
                toks.get(i).is_some_and(|d| {
                    d.kind == Tk::Punct(b'.')
                        || d.kw == Kw::Dot
                        || (d.kind == Tk::Word && text[d.start..d.end].eq_ignore_ascii_case("dot"))
                })
            };
            lower(&text[t.start..t.end], &mut b).is_some_and(|w| {
                (w != "at" || !domain(k + 2))
                    && is_cue_after(w)
                    || matches!(
                        w,
                        "i" | "i'm"
                            | "im"
                            | "how"
                            | "what"
                            | "who"
                            | "it's"
                            | "its"
                            | "the"
                            | "she"
                            | "he"
                            | "she's"
                            | "he's"
                            | "they"
                            | "is"
                            | "was"
                            | "thanks"
                            | "thank"
                            | "bye"
                            | "please"
                            | "can"
                            | "could"
                            | "would"
                            | "we"
                            | "you"
                            | "my"
                            | "did"
                            | "do"
                            | "in"
                            | "for"
                            | "about"
                            | "have"
                            | "so"
                            | "um"
                            | "uh"
                    )
                    || (w.len() >= 6 && w.ends_with("ing"))
                    // the next speaker's label: "... speaking with thuy caller: hi"
                    || toks.get(k + 1).is_some_and(|p| p.kind == Tk::Punct(b':'))
            })
        }
        _ => false,
    }
}

/// An all-caps word among all-caps words ("HI YEAH, I'M MOVING"): shouting or a
/// caps fragment, where a capital says nothing about a name.
fn shouting(text: &str, toks: &[Tok], k: usize) -> bool {
    let caps = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.kind == Tk::Word
                && t.end - t.start >= 2
                && text[t.start..t.end]
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'\'')
        })
    };
    caps(k) && ((k > 0 && caps(k - 1)) || caps(k + 1) || (k > 1 && caps(k - 2)) || caps(k + 2))
}

fn trigger_after(words: &[&str]) -> Option<Trigger> {
    // words: up to 3 lowercased words ending at the token before the name
    let n = words.len();
    let last = *words.last()?;
    let prev = if n >= 2 { words[n - 2] } else { "" };
    let prev2 = if n >= 3 { words[n - 3] } else { "" };
    match last {
        "mr" | "mrs" | "ms" | "miss" | "mister" | "dr" | "doctor" | "prof" | "professor" | "mx"
        | "madam" | "sir" | "mrs." => Some(Trigger::Title),
        "is" if prev == "name" || prev == "surname" => Some(Trigger::Strong),
        "name's" | "named" | "surname" => Some(Trigger::Strong),
        // "first name Tomasz", "my father's name, Mei Nowak"
        "name"
            if matches!(
                prev,
                "first" | "last" | "middle" | "full" | "maiden" | "given" | "family"
            ) || (prev.len() > 2 && prev.ends_with("'s")) =>
        {
            Some(Trigger::Strong)
        }
        "is" if prev == "holder" || (prev == "this" && prev2 != "what") => {
            Some(if prev == "holder" {
                Trigger::Strong
            } else {
                Trigger::Weak
            })
        }
        "for" if prev == "ask" || prev == "asking" => Some(Trigger::Strong),
        "with" | "to"
            if matches!(
                prev,
                "speaking"
                    | "speak"
                    | "talking"
                    | "talk"
                    | "talked"
                    | "spoke"
                    | "spoken"
                    | "chatted"
            ) =>
        {
            Some(Trigger::Weak)
        }
        // "transfer me to", "put me through to", "connect me to"
        "to" if prev == "me" || prev == "through" => Some(Trigger::Weak),
        // "I'll transfer you to", "send it to ... at <address>"
        "to" | "with" if transfer_to(prev, prev2) || send_to(last, prev, prev2) => {
            Some(Trigger::Weak)
        }
        "with" if help_with(last, prev, prev2) => Some(Trigger::Weak),
        // "could you let Ahmed know"
        "let" if prev == "you" || prev == "please" || prev == "can" => Some(Trigger::Weak),
        "i'm" | "im" => Some(Trigger::Weak),
        "am" if prev == "i" => Some(Trigger::Weak),
        // "everyone calls me Meg": naming; "call me" may be "call me tomorrow"
        "me" if matches!(prev, "calls" | "called") && prev2 != "you" && prev2 != "who" => {
            Some(Trigger::Strong)
        }
        "me" if prev == "call" => Some(Trigger::Weak),
        // "identified herself as Jae-won Kaur"
        "as" if matches!(prev, "herself" | "himself" | "themselves" | "themself") => {
            Some(Trigger::Relation)
        }
        "ok" | "okay" => Some(Trigger::Weak),
        "hi" | "hello" | "hey" | "thanks" | "dear" | "bye" | "goodbye" => Some(Trigger::Weak),
        "you" if prev == "thank" => Some(Trigger::Weak),
        "by" if prev == "signed" || prev == "authorized" => Some(Trigger::Weak),
        // "the reservation is under Okonkwo", "booked under"
        "under"
            if [prev, prev2].iter().any(|w| {
                matches!(
                    *w,
                    "booked"
                        | "reservation"
                        | "booking"
                        | "account"
                        | "order"
                        | "registered"
                        | "listed"
                        | "ticket"
                        | "table"
                        | "it"
                        | "it's"
                        | "put"
                        | "seat"
                        | "seats"
                        | "file"
                        | "name"
                        | "room"
                        | "policy"
                        | "claim"
                        | "appointment"
                        | "prescription"
                )
            }) =>
        {
            Some(Trigger::Strong)
        }
        "it's" | "its" => Some(Trigger::Weak),
        // "my husband Emeka", "the technician, Wei Tanaka,"
        "wife" | "husband" | "son" | "daughter" | "manager" | "boss" | "father" | "mother"
        | "dad" | "mom" | "brother" | "sister" | "partner" | "colleague" | "coworker"
        | "friend" | "technician" | "rep" | "landlord" | "neighbor" | "nurse" | "customer"
        | "caller" | "client" | "agent" | "grandson" | "granddaughter" | "grandmother"
        | "grandfather" | "grandma" | "grandpa" | "niece" | "nephew" | "aunt" | "uncle"
        | "cousin" | "fiance" | "fiancee" | "girlfriend" | "boyfriend" | "spouse" | "stepson"
        | "stepdaughter" | "beneficiary" | "roommate" | "caregiver"
            if matches!(
                prev,
                "my" | "our" | "his" | "her" | "the" | "their" | "your"
            ) =>
        {
            Some(Trigger::Relation)
        }
        _ => None,
    }
}

fn is_trigger_last(w: &str) -> bool {
    !matches!(w, "here" | "speaking")
}

fn is_cue_after(w: &str) -> bool {
    matches!(
        w,
        "speaking" | "from" | "calling" | "here" | "with" | "at" | "and" | "on" | "over" | "know"
    )
}

/// Given names that are also everyday words ("will", "may", "grace"): in lowercase
/// text they are names only with a strong cue.
fn everyday_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "may"
            | "june"
            | "april"
            | "august"
            | "grace"
            | "mark"
            | "bill"
            | "rose"
            | "crystal"
            | "faith"
            | "hope"
            | "joy"
            | "summer"
            | "autumn"
            | "frank"
            | "sue"
            | "pat"
            | "chase"
            | "hunter"
            | "guy"
            | "ray"
            | "rich"
            | "lane"
            | "major"
            | "young"
            | "amber"
            | "ruby"
            | "pearl"
            | "ivy"
            | "olive"
            | "ginger"
            | "holly"
            | "iris"
            | "penny"
            | "sandy"
            | "rusty"
            | "chance"
            | "chuck"
            | "cliff"
            | "dale"
            | "dean"
            | "drew"
            | "gene"
            | "glen"
            | "jack"
            | "jay"
            | "jewel"
            | "ken"
            | "lee"
            | "miles"
            | "nick"
            | "reed"
            | "rob"
            | "rod"
            | "ross"
            | "sterling"
            | "max"
            | "dawn"
            | "sunny"
            | "sky"
            | "star"
            | "love"
            | "don"
            | "van"
            | "long"
            | "min"
            | "sai"
            | "ma"
            | "le"
            | "li"
            | "ye"
            | "su"
            | "lu"
            | "hu"
            | "sun"
            | "song"
            | "ren"
            | "ping"
            | "tao"
            | "nam"
            | "bao"
            | "mai"
            | "uma"
            | "noor"
    )
}

/// The word at token `k`, lowercased, with a glued hyphenated part ("Ji-woo",
/// "Al-Sayed"); and the token index after it.
fn name_word(text: &str, toks: &[Tok], k: usize) -> Option<(String, usize)> {
    let t = toks.get(k)?;
    if t.kind != Tk::Word || t.end - t.start > 24 {
        return None;
    }
    let mut w = fold(&text[t.start..t.end])?;
    let mut next = k + 1;
    if toks
        .get(k + 1)
        .is_some_and(|p| p.kind == Tk::Punct(b'-') && !p.gap)
        && toks
            .get(k + 2)
            .is_some_and(|n| n.kind == Tk::Word && !n.gap && n.end - n.start <= 12)
    {
        let n = &toks[k + 2];
        if let Some(l) = fold(&text[n.start..n.end]) {
            w.push('-');
            w.push_str(&l);
            next = k + 3;
        }
    }
    Some((w, next))
}

/// Lowercase ASCII form of a word in a Latin script, accents removed ("José" →
/// "jose", "Søren" → "soren", "Wójcik" → "wojcik"); `None` for other scripts.
pub(crate) fn fold(w: &str) -> Option<String> {
    if w.is_ascii() {
        if !w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\'') {
            return None;
        }
        return Some(w.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_ascii_alphabetic() || c == '\'' {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let l = c.to_lowercase().next().unwrap_or(c);
        let m = match l {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ā' | 'ă' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            '\u{2019}' => "'",
            _ => return None,
        };
        out.push_str(m);
    }
    Some(out)
}

/// First letter uppercase, in any Latin script ("José", "Øyvind", "Ó").
fn is_cap(text: &str, t: &Tok) -> bool {
    t.cap
        || (t.kind == Tk::Word
            && text.as_bytes()[t.start] >= 0x80
            && text[t.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase))
}

/// Lowercase name particles inside a surname ("van der Berg", "de la Cruz",
/// "da Silva", "St. Clair", "Ó Briain").
fn particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "la"
            | "le"
            | "da"
            | "das"
            | "do"
            | "dos"
            | "du"
            | "di"
            | "von"
            | "ter"
            | "ten"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "st"
            | "o"
            | "mac"
            | "ni"
            | "nic"
    )
}

/// After a given name at `j`: up to three particles, then a capitalised word.
/// Returns the token index of that word.
fn after_particles(text: &str, toks: &[Tok], mut j: usize) -> Option<usize> {
    let mut n = 0;
    while n < 3 {
        let t = toks.get(j)?;
        if t.kind != Tk::Word || t.nl || !t.gap && n == 0 {
            break;
        }
        let w = fold(&text[t.start..t.end])?;
        if !particle(&w) {
            break;
        }
        j += 1;
        // "St." / "St Clair"
        if toks
            .get(j)
            .is_some_and(|p| p.kind == Tk::Punct(b'.') && !p.gap)
            && w == "st"
        {
            j += 1;
        }
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let t = toks.get(j)?;
    (t.kind == Tk::Word && !t.nl && is_cap(text, t) && t.end - t.start >= 2).then_some(j)
}

/// Spelled letters confirming the word before them: "Siobhan, S I O B H A N",
/// "mehmet, m-e-h-m-e-t". Both the word and the letters are the name.
fn spelled_names(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        if !(t.kind == Tk::Word && t.end - t.start == 1) {
            k += 1;
            continue;
        }
        let mut letters = String::new();
        let mut j = k;
        let mut last = k;
        let mut dashed = false;
        while let Some(x) = toks.get(j) {
            if x.kind == Tk::Word && x.end - x.start == 1 && (j == k || x.gap || dashed) {
                letters.push(text.as_bytes()[x.start].to_ascii_lowercase() as char);
                last = j;
                j += 1;
                dashed = false;
            } else if x.kind == Tk::Punct(b'-') && !x.gap && !dashed && j > k {
                dashed = true;
                j += 1;
            } else if x.kind == Tk::Punct(b',')
                && !dashed
                && j > k
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.kind == Tk::Word && n.end - n.start == 1)
            {
                // "M, O, R, A, D, I"
                dashed = true;
                j += 1;
            } else {
                break;
            }
        }
        if letters.len() >= 2 && k >= 1 {
            let mut w = k - 1;
            if toks[w].kind == Tk::Punct(b',') && w >= 1 {
                w -= 1;
            }
            // "Moradi, that's M O R A D I", "udeh spelled u-d-e-h"
            for _ in 0..2 {
                let skip = toks[w].kind == Tk::Word
                    && fold(&text[toks[w].start..toks[w].end]).is_some_and(|x| {
                        matches!(x.as_str(), "that's" | "thats" | "spelled" | "spelt" | "is")
                    });
                if !skip || w == 0 {
                    break;
                }
                w -= 1;
                if toks[w].kind == Tk::Punct(b',') && w >= 1 {
                    w -= 1;
                }
            }
            let prev = &toks[w];
            if prev.kind == Tk::Word {
                if let Some(pw) = fold(&text[prev.start..prev.end]) {
                    if pw == letters && !not_a_name(&pw) && prev.kw == Kw::None {
                        out.push(person(prev.start, prev.end));
                        out.push(person(toks[k].start, toks[last].end));
                    }
                }
            }
        }
        k = last + 1;
    }
}

/// "this is rhys okonkwo calling": "calling"/"speaking"/"here" within two
/// words after token `k` (a lowercase unlisted name said before it).
fn self_cue_follows(text: &str, toks: &[Tok], k: usize) -> bool {
    (k..k + 2).any(|i| {
        toks.get(i).is_some_and(|t| {
            t.kind == Tk::Word
                && matches!(
                    fold(&text[t.start..t.end]).as_deref(),
                    Some("calling" | "speaking" | "here")
                )
        })
    }) && toks.get(k).is_some_and(|t| t.kind == Tk::Word && !t.nl)
}

/// Words that label a field or a role holding a person's name: "Caller: ...",
/// "Beneficiary | ...", "Customer Grace Hernandez".
fn label_word(w: &str) -> bool {
    matches!(
        w,
        "name"
            | "caller"
            | "contact"
            | "customer"
            | "client"
            | "beneficiary"
            | "holder"
            | "cardholder"
            | "patient"
            | "assignee"
            | "recipient"
            | "payee"
            | "agent"
            | "attn"
            | "attention"
            | "passenger"
            | "guest"
            | "applicant"
            | "requester"
            | "technician"
            | "tenant"
            | "subscriber"
            | "to"
    )
}

/// Words that make a capitalised phrase an organisation, not a person.
fn org_word(w: &str) -> bool {
    matches!(
        w,
        "team"
            | "department"
            | "dept"
            | "group"
            | "desk"
            | "inc"
            | "corp"
            | "corporation"
            | "llc"
            | "ltd"
            | "gmbh"
            | "plc"
            | "co"
            | "services"
            | "solutions"
            | "systems"
            | "labs"
            | "technologies"
            | "partners"
            | "associates"
            | "holdings"
            | "foundation"
            | "clinic"
            | "pharmacy"
            | "inn"
            | "hotel"
            | "hotels"
            | "suites"
            | "resort"
            | "airways"
            | "airlines"
            | "bank"
            | "insurance"
            | "mutual"
            | "energy"
            | "power"
            | "electric"
            | "union"
            | "federal"
            | "medical"
            | "health"
            | "healthcare"
            | "support"
            | "motors"
            | "university"
            | "college"
            | "school"
            | "hospital"
            | "accounts"
            | "receivable"
            | "payable"
            | "billing"
            | "dispatch"
            | "reception"
    )
}

/// Labels that may also name the speaker of a transcript line.
fn speaker_label(w: &str) -> bool {
    matches!(
        w,
        "agent" | "customer" | "caller" | "client" | "guest" | "technician" | "contact"
    )
}

/// After a label at `k`: `:` or `|` (JSON keys: `"name": "`), the index of the
/// value's first token.
fn label_value(toks: &[Tok], k: usize) -> Option<usize> {
    let mut j = k + 1;
    if toks.get(j).is_some_and(|t| t.kind == Tk::Punct(b'"')) {
        j += 1;
    }
    let t = toks.get(j)?;
    if !matches!(t.kind, Tk::Punct(b':' | b'|' | b'=')) {
        return None;
    }
    j += 1;
    if toks
        .get(j)
        .is_some_and(|t| t.kind == Tk::Punct(b'"') && !t.nl)
    {
        j += 1;
    }
    (toks.get(j).is_some_and(|t| !t.nl)).then_some(j)
}

/// Whether a (possibly hyphenated) word is a listed given name / surname.
fn listed(names: &Names, w: &str) -> (bool, bool) {
    let given = names.given.contains(w);
    let sur = names.surnames.contains(w)
        || w.split_once('-').is_some_and(|(a, b)| {
            matches!(a, "al" | "el" | "abu" | "bin" | "ibn" | "ben")
                && (names.surnames.contains(b) || b.len() >= 4)
                || names.surnames.contains(a) && names.surnames.contains(b)
        });
    (given, sur)
}

/// A word that may start a clause before a name said first ("Yan here").
fn clause_opener(w: &str) -> bool {
    matches!(
        w,
        "yeah"
            | "yes"
            | "yep"
            | "hi"
            | "hey"
            | "hello"
            | "okay"
            | "ok"
            | "so"
            | "um"
            | "uh"
            | "right"
            | "sure"
            | "well"
            | "oh"
            | "and"
            | "hmm"
            | "mean"
            | "basically"
            | "like"
            | "know"
            | "alright"
    )
}

/// Finds person names.
pub(crate) fn detect(
    text: &str,
    toks: &[Tok],
    names: &Names,
    name_cue: bool,
    cap_pair: bool,
    out: &mut Vec<Cand>,
) {
    let mut k = if name_cue { 0 } else { toks.len() };
    while k < toks.len() {
        let t = &toks[k];
        if t.kw != Kw::NameCue {
            k += 1;
            continue;
        }
        let mut b0 = [0u8; 24];
        let mut b1 = [0u8; 24];
        let mut b2 = [0u8; 24];
        let Some(w) = lower(&text[t.start..t.end], &mut b0) else {
            k += 1;
            continue;
        };
        if w == "line" {
            // "Oguz Celik on the line"
            if k >= 3 && word_is(text, toks, k - 1, "the") && word_is(text, toks, k - 2, "on") {
                if let Some((s, e)) = name_before(text, toks, k - 2, names) {
                    out.push(person(s, e));
                }
            }
            k += 1;
            continue;
        }
        if !is_trigger_last(w) {
            if let Some((s, e)) = name_before(text, toks, k, names) {
                out.push(person(s, e));
            }
            k += 1;
            continue;
        }
        if w == "is" && word_is(text, toks, k + 1, "the") && word_is(text, toks, k + 2, "name") {
            // "Wei Brown is the name on the account"
            if let Some((s, e)) = name_before(text, toks, k, names) {
                out.push(person(s, e));
            }
        }
        let word_at = |i: usize, buf: &'_ mut [u8; 24]| -> Option<usize> {
            let t = toks.get(i)?;
            if t.kind != Tk::Word {
                return None;
            }
            lower(&text[t.start..t.end], buf).map(str::len)
        };
        let p1 = if k >= 1 {
            word_at(k - 1, &mut b1)
        } else {
            None
        };
        let p2 = if k >= 2 && p1.is_some() {
            word_at(k - 2, &mut b2)
        } else {
            None
        };
        let mut refs: [&str; 3] = [""; 3];
        let mut n = 0;
        if let (Some(l2), Some(_)) = (p2, p1) {
            refs[n] = std::str::from_utf8(&b2[..l2]).unwrap_or("");
            n += 1;
        }
        if let Some(l1) = p1 {
            refs[n] = std::str::from_utf8(&b1[..l1]).unwrap_or("");
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
        let trig = if speaker {
            Some(Trigger::Label)
        } else if label_at.is_some() {
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
            let Some((lw, next)) = name_word(text, toks, end_tok) else {
                break;
            };
            if count >= 1 && particle(&lw) {
                // "Declan da Silva", "Eilidh van der Berg"
                if let Some(sj) = after_particles(text, toks, end_tok) {
                    end_tok = name_word(text, toks, sj).map_or(sj + 1, |(_, nx)| nx);
                    count += 1;
                    break;
                }
            }
            // "this is April Choi", "ask for june shin": a month that is a given
            // name, when a listed surname follows
            let month_name = matches!(n.kw, Kw::Month(4 | 5 | 6 | 8))
                && lw.len() >= 3
                && surname_follows(text, toks, next, names);
            // a speaker label ("... who am i speaking with CALLER: venkatesh")
            let labels_next = trig != Trigger::Label
                && toks.get(next).is_some_and(|p| p.kind == Tk::Punct(b':'))
                && (speaker_label(&lw) || lw.len() == 1);
            if labels_next
                || not_a_name(&lw)
                || (n.kw != Kw::None && n.kw != Kw::NameCue && !month_name)
            {
                break;
            }
            let (given, sur) = listed(names, &lw);
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
                        count == 0 && (w != "under" || open_word(&lw, names))
                            || is_listed
                            || open_word(&lw, names) && boundary_at(text, toks, next)
                    }
                    Trigger::Title => true,
                    Trigger::Label => false,
                    Trigger::Weak | Trigger::Relation => {
                        let plain = if count == 0 {
                            given
                                && (!everyday_word(&lw)
                                    || open && surname_follows(text, toks, next, names))
                                || trig == Trigger::Weak && self_cue_follows(text, toks, next)
                        } else {
                            sur || (given && !everyday_word(&lw))
                        };
                        if !plain
                            && open
                            && open_word(&lw, names)
                            && open_run_ok(text, toks, next, count, names)
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
            toks.get(i).is_some_and(|x| {
                x.kind == Tk::Word && fold(&text[x.start..x.end]).is_some_and(|f| org_word(&f))
            })
        }) {
            k += 1;
            continue;
        }
        // "Agent: Wells Fargo, ...": a listed surname then an unlisted word is a firm
        if trig == Trigger::Label && count == 2 && first_listed && {
            let (g0, _) =
                name_word(text, toks, j).map_or((false, false), |(f, _)| listed(names, &f));
            let (g1, s1) = toks
                .get(end_tok - 1)
                .and_then(|_| {
                    let mut i = end_tok - 1;
                    while i > j && toks[i].kind != Tk::Word {
                        i -= 1;
                    }
                    name_word(text, toks, i)
                })
                .map_or((false, false), |(f, _)| listed(names, &f));
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
                    if let Some((gw, nx)) = name_word(text, toks, end_tok + 1) {
                        if names.given.contains(gw.as_str()) {
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
                let mut bb = [0u8; 24];
                lower(&text[n.start..n.end], &mut bb).map(is_cue_after)
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
    spelled_names(text, toks, out);
    if !cap_pair {
        return;
    }
    // Given name + surname, both capitalised, both in the lists (or the surname
    // after particles: "Declan da Silva", "Mary Ó Briain").
    let mut k = 0;
    while k + 1 < toks.len() {
        let a = &toks[k];
        if !(a.kind == Tk::Word && is_cap(text, a) && a.end - a.start >= 3)
            || (k > 0 && toks[k - 1].kind == Tk::Punct(b'-') && !a.gap)
        {
            k += 1;
            continue;
        }
        let Some((wa, mut j)) = name_word(text, toks, k) else {
            k += 1;
            continue;
        };
        if !names.given.contains(wa.as_str()) {
            k += 1;
            continue;
        }
        // optional middle initial
        if toks
            .get(j)
            .is_some_and(|t| t.kind == Tk::Word && t.cap && t.end - t.start == 1)
            && toks.get(j + 1).is_some_and(|p| p.kind == Tk::Punct(b'.'))
        {
            j += 2;
        }
        let (bj, particles) = match after_particles(text, toks, j) {
            Some(x) => (x, true),
            None => (j, false),
        };
        let Some(b) = toks.get(bj) else { break };
        if !(b.kind == Tk::Word
            && is_cap(text, b)
            && (b.gap || particles)
            && !b.nl
            && b.end - b.start >= 2)
        {
            k += 1;
            continue;
        }
        let Some((wb, nk)) = name_word(text, toks, bj) else {
            k += 1;
            continue;
        };
        // "my account at Morgan Stanley", "in Santa Clara": a place or a firm
        let after_at =
            k > 0 && (word_is(text, toks, k - 1, "at") || word_is(text, toks, k - 1, "in"));
        if !after_at
            && (particles || listed(names, &wb).1 || surname_like(&wb, names))
            && !not_a_name(&wb)
            && !street_word(&wb)
        {
            out.push(person(a.start, toks[nk - 1].end));
            k = nk;
        } else {
            k += 1;
        }
    }
}

fn surname_like(w: &str, names: &Names) -> bool {
    if names.surnames.contains(w) {
        return true;
    }
    // Mc/Mac/O'/D' prefixes and common endings of surnames not in the list
    let b = w.as_bytes();
    (w.starts_with("mc") || w.starts_with("o'") || w.starts_with("d'")) && b.len() >= 4
        || (w.starts_with("mac") && b.len() >= 6)
        || (w.len() >= 6
            && (w.ends_with("son")
                || w.ends_with("sen")
                || w.ends_with("ski")
                || w.ends_with("berg")
                || w.ends_with("stein")
                || w.ends_with("ez")
                || w.ends_with("ova")))
}

/// Street words that are also surnames: "Jackson Street" is a place.
fn street_word(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "road"
            | "rd"
            | "boulevard"
            | "blvd"
            | "drive"
            | "court"
            | "ct"
            | "highway"
            | "parkway"
            | "terrace"
            | "circle"
            | "plaza"
            | "square"
            | "alley"
            | "crescent"
            | "expressway"
            | "freeway"
            | "turnpike"
            | "route"
            | "county"
            | "city"
            | "center"
            | "station"
            | "airport"
            | "university"
            | "college"
            | "school"
            | "hospital"
            | "bridge"
            | "beach"
            | "valley"
            | "springs"
            | "falls"
            | "heights"
            | "hills"
            | "island"
            | "islands"
            | "harbor"
            | "harbour"
            | "canyon"
            | "creek"
            | "river"
            | "hole"
            | "mall"
            | "bank"
    )
}

fn person(start: usize, end: usize) -> Cand {
    Cand {
        start,
        end,
        found: Found::Entity(Entity::Person),
        prio: 5,
        norm: None,
    }
}

fn word_is(text: &str, toks: &[Tok], k: usize, w: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == Tk::Word && text[t.start..t.end].eq_ignore_ascii_case(w))
}

/// A name said before its cue ("Yan here", "Ji-woo speaking", "Wei Brown is the
/// name on the account"): one or two words ending at token `cue`; the first a
/// listed given name, or a capitalised word opening the clause.
fn name_before(text: &str, toks: &[Tok], cue: usize, names: &Names) -> Option<(usize, usize)> {
    // the word ending right before the cue (a hyphenated name is three tokens)
    let mut starts: Vec<usize> = Vec::with_capacity(2);
    let mut k = cue;
    while starts.len() < 2 && k > 0 {
        let mut s = k - 1;
        if toks[s].kind != Tk::Word {
            break;
        }
        if s >= 2 && toks[s - 1].kind == Tk::Punct(b'-') && !toks[s - 1].gap && !toks[s].gap {
            s -= 2;
        }
        starts.push(s);
        k = s;
        if toks[s].nl {
            break;
        }
    }
    let opener = |s: usize| -> bool {
        if s == 0 {
            return true;
        }
        let p = &toks[s - 1];
        match p.kind {
            Tk::Punct(_) => true,
            Tk::Word => {
                let mut b = [0u8; 24];
                lower(&text[p.start..p.end], &mut b).is_some_and(clause_opener)
            }
            _ => false,
        }
    };
    let info = |s: usize| -> Option<(bool, bool, bool)> {
        let (w, _) = name_word(text, toks, s)?;
        if not_a_name(&w) || toks[s].kw != Kw::None {
            return None;
        }
        let (g, sur) = listed(names, &w);
        Some((toks[s].cap, g && (toks[s].cap || !everyday_word(&w)), sur))
    };
    let last = *starts.first()?;
    let (cap1, given1, sur1) = info(last)?;
    if let Some(&first) = starts.get(1) {
        if let Some((cap0, given0, _)) = info(first) {
            if given0 && (sur1 || cap1 || given1) && (opener(first) || cap0 || !toks[first].gap) {
                return Some((toks[first].start, toks[cue - 1].end));
            }
            if given0 && (sur1 || given1) {
                return Some((toks[first].start, toks[cue - 1].end));
            }
        }
    }
    // "Sign here" is no name: after "here" only a listed given name
    let here = word_is(text, toks, cue, "here");
    if (given1 || (cap1 && !here)) && opener(last) {
        return Some((toks[last].start, toks[cue - 1].end));
    }
    // unlisted lowercase: "caller: manaia here", "yeah hi oguz celik on the line",
    // "duke energy thuy speaking how may i help"
    let open = |s: usize| name_word(text, toks, s).is_some_and(|(w, _)| open_word(&w, names));
    if open(last) && toks[last].kw == Kw::None {
        if let Some(&first) = starts.get(1) {
            if open(first) && toks[first].kw == Kw::None && opener(first) {
                return Some((toks[first].start, toks[cue - 1].end));
            }
        }
        let speaking = word_is(text, toks, cue, "speaking") && boundary_at(text, toks, cue + 1);
        if opener(last) || speaking {
            return Some((toks[last].start, toks[cue - 1].end));
        }
    }
    None
}
