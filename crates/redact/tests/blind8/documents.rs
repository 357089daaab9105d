//! Names in written documents: signatures ("Regards,", "Thanks --", "Best,"),
//! letterheads, form fields, e-mail headers with addresses, cc and attendee
//! lists, bullet lists and ticket assignments.

use super::names::{agent, local_part, person, two, Person};
use super::{company, issue, mail_domain, work_domain};
use crate::blindgen::{Rng, Sample, Text};

const P: &str = "PERSON";
const E: &str = "EMAIL";

pub(crate) fn sample(rng: &mut Rng) -> Sample {
    match rng.below(8) {
        0 | 1 => signature(rng),
        2 => letterhead(rng),
        3 => form(rng),
        4 | 5 => header(rng),
        6 => list(rng),
        _ => ticket(rng),
    }
}

fn role(rng: &mut Rng) -> &'static str {
    rng.item("Customer Success Lead|Billing Specialist|Team Leader, Retentions|Field Service Coordinator|Head of Claims|Senior Account Manager|Support Engineer")
}

fn signature(rng: &mut Rng) -> Sample {
    let a = person(rng);
    let mut t = Text::new();
    t.t("Hello,\n\nFollowing up on ").t(issue(rng));
    t.t(". The credit will appear on your next statement.\n\n");
    match rng.below(5) {
        0 => t.t("Regards,\n").p(P, &a.full).t("\n").t(role(rng)),
        1 => t.t("Thanks --\n").p(P, &a.given),
        2 => t.t("Best,\n").p(P, &a.full),
        3 => {
            let r = role(rng);
            t.t("Kind regards,\n\n")
                .p(P, &a.full)
                .t("\n")
                .t(r)
                .t(", ")
                .t(company(rng))
        }
        _ => t.t("Cheers, ").p(P, &a.given),
    };
    t.done("doc/signature")
}

fn letterhead(rng: &mut Rng) -> Sample {
    let (a, b) = two(rng);
    let mut t = Text::new();
    let head = if rng.chance(0.5) {
        a.full.to_uppercase()
    } else {
        a.full.clone()
    };
    t.p(P, &head)
        .t("\n")
        .t(role(rng))
        .t("\n")
        .t(company(rng))
        .t("\n\n");
    t.t("Dear ")
        .p(P, &b.full)
        .t(",\n\nThank you for your letter about ");
    t.t(issue(rng)).t(". We have reviewed your account.");
    t.done("doc/letterhead")
}

fn form(rng: &mut Rng) -> Sample {
    let a = person(rng);
    let mut t = Text::new();
    match rng.below(4) {
        0 => {
            t.t("Name: ")
                .p(P, &a.full)
                .t("\nAccount no: ")
                .t(&rng.digits(8));
            t.t("\nReason for contact: ").t(issue(rng));
        }
        1 => {
            t.t("First name: ")
                .p(P, &a.given)
                .t("\nLast name: ")
                .p(P, &a.surname);
            t.t("\nPreferred contact: e-mail\nConsent recorded: yes");
        }
        2 => {
            t.t("| Field | Value |\n| --- | --- |\n| Customer name | ")
                .p(P, &a.full);
            t.t(" |\n| Plan | Unlimited 5G |\n| Status | Active |");
        }
        _ => {
            t.t("Policyholder: ")
                .p(P, &a.full)
                .t("\nPolicy type: Home contents\nRenewal: June");
        }
    }
    t.done("doc/form")
}

fn email_of(rng: &mut Rng, p: &Person, work: bool) -> String {
    let d = if work {
        work_domain(rng)
    } else {
        mail_domain(rng)
    };
    format!("{}@{d}", local_part(rng, p))
}

fn header(rng: &mut Rng) -> Sample {
    let (a, b) = two(rng);
    let ea = email_of(rng, &a, false);
    let eb = email_of(rng, &b, true);
    let mut t = Text::new();
    match rng.below(3) {
        0 => {
            t.t("From: ").p(P, &a.full).t(" <").p(E, &ea).t(">\nTo: ");
            t.p(P, &b.full)
                .t(" <")
                .p(E, &eb)
                .t(">\nSubject: ")
                .t(issue(rng));
            t.t("\n\nHi ").p(P, &b.given).t(", any update on this?");
        }
        1 => {
            t.t("On Tue, 4 Jun at 10:12, ")
                .p(P, &a.full)
                .t(" <")
                .p(E, &ea);
            t.t("> wrote:\n> I still have not received the refund.");
        }
        _ => {
            t.t("Sent by ")
                .p(P, &a.full)
                .t(" (")
                .p(E, &ea)
                .t(") via the web form.\n");
            t.t("Assigned: ").p(P, &b.full).t(" <").p(E, &eb).t(">");
        }
    }
    t.done("doc/email-header")
}

fn list(rng: &mut Rng) -> Sample {
    let (a, b) = two(rng);
    let c = person(rng);
    let mut t = Text::new();
    match rng.below(3) {
        0 => {
            t.t("cc: ")
                .p(P, &a.full)
                .t(", ")
                .p(P, &b.full)
                .t(", ")
                .p(P, &c.full);
        }
        1 => {
            t.t("Attendees: ")
                .p(P, &a.full)
                .t("; ")
                .p(P, &b.full)
                .t("; ")
                .p(P, &c.full);
            t.t("\nAgenda: complaint backlog, weekend cover");
        }
        _ => {
            t.t("On call this weekend:\n- ")
                .p(P, &a.full)
                .t(" (billing)\n- ");
            t.p(P, &b.full)
                .t(" (network)\n• ")
                .p(P, &c.full)
                .t(" — backup");
        }
    }
    t.done("doc/list")
}

fn ticket(rng: &mut Rng) -> Sample {
    let a = person(rng);
    let ag = if rng.chance(0.5) {
        agent(rng)
    } else {
        person(rng).full
    };
    let mut t = Text::new();
    t.t(&format!(
        "Ticket #{} assigned to ",
        rng.range(10_000, 99_999)
    ));
    t.p(P, &ag).t(". Customer: ").p(P, &a.full).t(". Topic: ");
    t.t(issue(rng)).t(".");
    t.done("doc/ticket")
}
