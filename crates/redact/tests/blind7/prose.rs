//! blind7 name families in prose: with cues, without cues, in lists, as
//! speaker tags of minutes and interviews, after titles (titles not gold).

use super::names::{family, full, given, org, title};
use crate::blindgen::{Rng, Sample, Text};

/// Names after an explicit cue (introductions, roles, "signed by").
pub(crate) fn cued(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let n = full(rng);
    match rng.below(8) {
        0 => t
            .t("My name is ")
            .p("PERSON", &n)
            .t(" and I am writing on behalf of ")
            .t(org(rng))
            .t("."),
        1 => t
            .t("Please welcome our new finance director, ")
            .p("PERSON", &n)
            .t(", who joins us from ")
            .t(org(rng))
            .t("."),
        2 => t
            .t("The contract was signed by ")
            .p("PERSON", &n)
            .t(" on 3 March in the presence of two witnesses."),
        3 => t
            .t("You can ask for ")
            .p("PERSON", &n)
            .t(" at reception; she handles all visitor badges."),
        4 => t
            .t("Contact person: ")
            .p("PERSON", &n)
            .t(rng.item(" (procurement)| — logistics|, site manager")),
        5 => t
            .t("I spoke with ")
            .p("PERSON", &n)
            .t(" yesterday about the shipment delayed in Rotterdam."),
        6 => t
            .t("Applicant: ")
            .p("PERSON", &n)
            .t("\nNationality: ")
            .t(rng.item("Kenyan|Peruvian|Vietnamese|Polish|Egyptian|Filipino"))
            .t("\nPurpose of visit: conference"),
        _ => t
            .t("This is ")
            .p("PERSON", &n)
            .t(" from ")
            .t(org(rng))
            .t(", returning your call about the invoice."),
    };
    t.done("cued")
}

/// Names without a cue: subjects of sentences, objects, possessives.
pub(crate) fn uncued(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let a = full(rng);
    let b = full(rng);
    match rng.below(7) {
        0 => t
            .p("PERSON", &a)
            .t(" and ")
            .p("PERSON", &b)
            .t(" presented the quarterly results to the board."),
        1 => t
            .t("After the workshop, ")
            .p("PERSON", &a)
            .t(" flew back to Nairobi while ")
            .p("PERSON", &b)
            .t(" stayed in Lisbon."),
        2 => t
            .p("PERSON", &a)
            .t(" will lead the Jakarta pilot; questions go to ")
            .p("PERSON", &b)
            .t("."),
        3 => t
            .t("The award went to ")
            .p("PERSON", &a)
            .t(", whose thesis on groundwater in the Sahel was praised by the jury."),
        4 => t
            .t("According to ")
            .p("PERSON", &a)
            .t(", the harvest in the valley was the best in a decade."),
        5 => t
            .t("We thank ")
            .p("PERSON", &a)
            .t(" for the translation and ")
            .p("PERSON", &b)
            .t(" for the photographs."),
        _ => t
            .p("PERSON", &a)
            .t(" declined to comment when reached by phone on Tuesday."),
    };
    t.done("uncued")
}

/// Names in lists: attendees, recipients, a committee, semicolons and bullets.
pub(crate) fn list(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let k = rng.range(3, 6) as usize;
    let (head, sep, bullet) = match rng.below(4) {
        0 => ("Attendees: ", "; ", ""),
        1 => ("Present: ", ", ", ""),
        2 => ("Steering committee:\n", "\n", "- "),
        _ => ("Cc: ", ", ", ""),
    };
    t.t(head);
    for i in 0..k {
        if i > 0 {
            t.t(sep);
        }
        t.t(bullet);
        let n = full(rng);
        t.p("PERSON", &n);
        if rng.chance(0.3) {
            t.t(rng.item(" (chair)| (remote)| (minutes)| (observer)"));
        }
    }
    if rng.chance(0.4) {
        t.t(if sep == "\n" { "\n" } else { ". " }).t("Apologies: ");
        let n = full(rng);
        t.p("PERSON", &n).t(".");
    }
    t.done("list")
}

/// Speaker tags of minutes, interviews and chat logs.
pub(crate) fn speaker_tags(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let a = full(rng);
    let b = full(rng);
    let upper = rng.chance(0.25);
    let tag = |s: &str| {
        if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        }
    };
    let lines = [
        "We need the customs papers before Friday.",
        "I'll check with the warehouse in Durban.",
        "The translation of chapter four is almost done.",
        "Can we move the call to nine o'clock Lagos time?",
        "Agreed. Let's revisit the budget next week.",
        "The samples arrived damaged, so we asked for new ones.",
    ];
    let k = rng.range(2, 4) as usize;
    for i in 0..k {
        if i > 0 {
            t.t("\n");
        }
        let who = if i % 2 == 0 { tag(&a) } else { tag(&b) };
        if rng.chance(0.3) {
            t.t(&format!(
                "[{:02}:{:02}] ",
                rng.range(0, 59),
                rng.range(0, 59)
            ));
        }
        t.p("PERSON", &who).t(": ").t(lines[rng.below(lines.len())]);
    }
    t.done("speaker_tags")
}

/// Names after titles and honorifics (the title is not part of the span),
/// single family names after a title, single given names after a cue.
pub(crate) fn titled(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    match rng.below(5) {
        0 => {
            let n = full(rng);
            t.t("Dear ")
                .t(title(rng))
                .p("PERSON", &n)
                .t(",\nThank you for your letter of 12 May.");
        }
        1 => {
            let f = family(rng);
            t.t("The keynote by ")
                .t(title(rng))
                .p("PERSON", f)
                .t(" has moved to Hall B.");
        }
        2 => {
            let n = full(rng);
            t.t("Appointment with ")
                .t(title(rng))
                .p("PERSON", &n)
                .t(" confirmed for Thursday at 10:30.");
        }
        3 => {
            let g = given(rng);
            t.t("Hi ")
                .p("PERSON", g)
                .t(", just checking you received the revised drawings?");
        }
        _ => {
            let n = full(rng);
            let f = family(rng);
            t.t(title(rng))
                .p("PERSON", &n)
                .t(" and ")
                .t(title(rng))
                .p("PERSON", f)
                .t(" co-authored the report.");
        }
    }
    t.done("titled")
}
