//! Field and role labels that hold a person's name ("Caller:", "Customer Grace").

use crate::token::{Tk, Tok};

/// Words that label a field or a role holding a person's name: "Caller: ...",
/// "Beneficiary | ...", "Customer Grace Hernandez".
pub(super) fn label_word(w: &str) -> bool {
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
            | "policyholder"
            | "insured"
            | "claimant"
            | "member"
            | "owner"
            | "assigned"
            | "sender"
    )
}

/// Labels that may also name the speaker of a transcript line.
pub(super) fn speaker_label(w: &str) -> bool {
    matches!(
        w,
        "agent" | "customer" | "caller" | "client" | "guest" | "technician" | "contact"
    )
}

/// After a label at `k`: `:` or `|` (JSON keys: `"name": "`), the index of the
/// value's first token.
pub(super) fn label_value(toks: &[Tok], k: usize) -> Option<usize> {
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
