//! blind7 record families: e-mail signatures, letterheads (multi-line
//! addresses), addresses in sentences, and names mixed with addresses,
//! phones and e-mails.

use super::names::{full, org, title};
use super::{address, address_lines, email_for, phone};
use crate::blindgen::{Rng, Sample, Text};

const ROLES: &str = "Head of Procurement|Regional Sales Manager|Senior Research Fellow|\
Chief Operating Officer|Export Coordinator|Programme Officer|Associate Professor|Legal Counsel";

/// An e-mail signature: name, role, organisation, then phone, e-mail, maybe address.
pub(crate) fn signature(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let n = full(rng);
    t.t(rng.item("Thanks for the quick turnaround.|Please find the signed copy attached.|See you in Accra next month.|Looking forward to your reply."));
    t.t(rng.item(
        "\n\nBest regards,\n|\n\nKind regards,\n|\n\nCheers,\n|\n\n--\n|\n\nWarm regards,\n",
    ));
    t.p("PERSON", &n)
        .t("\n")
        .t(rng.item(ROLES))
        .t(" | ")
        .t(org(rng));
    if rng.chance(0.8) {
        let p = phone(rng);
        t.t(rng.item("\nTel: |\nM: |\nMobile: |\nPhone "))
            .p("PHONE", &p);
    }
    if rng.chance(0.7) {
        let e = email_for(rng, &n);
        t.t(rng.item("\n|\nE: |\nEmail: ")).p("EMAIL", &e);
    }
    if rng.chance(0.5) {
        let a = address(rng);
        t.t("\n").p("STREET_ADDRESS", &a);
    }
    t.done("signature")
}

/// A letterhead: sender block with a multi-line address, date, recipient block.
pub(crate) fn letterhead(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let n = full(rng);
    if rng.chance(0.5) {
        t.t(title(rng));
    }
    t.p("PERSON", &n).t("\n");
    if rng.chance(0.5) {
        t.t(org(rng)).t("\n");
    }
    let country = rng.chance(0.7);
    let a = address_lines(rng, country).join("\n");
    t.p("STREET_ADDRESS", &a);
    t.t(&format!(
        "\n\n{} {} 2024\n\n",
        rng.range(1, 28),
        rng.item("January|March|June|September|November")
    ));
    if rng.chance(0.6) {
        let r = full(rng);
        let b = address_lines(rng, true).join("\n");
        t.t("To: ")
            .p("PERSON", &r)
            .t("\n")
            .p("STREET_ADDRESS", &b)
            .t("\n\n");
    }
    t.t(rng.item(
        "Re: Renewal of the distribution agreement\n\nDear colleagues,|\
         Subject: Invoice 2024/117\n\nTo whom it may concern,|\
         Re: Your application of 4 April\n\nDear Sir or Madam,",
    ));
    t.done("letterhead")
}

/// An address inside a sentence: shipping, visiting, registered office, moving.
pub(crate) fn address_sentence(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let a = address(rng);
    match rng.below(8) {
        0 => t
            .t("Please ship the samples to ")
            .p("STREET_ADDRESS", &a)
            .t(" before the end of the month."),
        1 => t
            .t("Our new office is at ")
            .p("STREET_ADDRESS", &a)
            .t(", two minutes from the metro."),
        2 => t.t("Registered office: ").p("STREET_ADDRESS", &a),
        3 => t
            .t("The workshop will take place at ")
            .p("STREET_ADDRESS", &a)
            .t(" (third floor, ask at the front desk)."),
        4 => t
            .t("We have moved! From 1 July our address is ")
            .p("STREET_ADDRESS", &a)
            .t("."),
        5 => t
            .t("Delivery address:\n")
            .p("STREET_ADDRESS", &address_lines(rng, true).join("\n")),
        6 => t
            .t("Returns go to ")
            .p("STREET_ADDRESS", &a)
            .t("; include the RMA number on the box."),
        _ => t
            .t("She grew up in Mombasa but now lives at ")
            .p("STREET_ADDRESS", &a)
            .t(" with her two sons."),
    };
    t.done("address_sentence")
}

/// A name with an address, a phone and an e-mail in running text or a form.
pub(crate) fn mixed(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let n = full(rng);
    let a = address(rng);
    let p = phone(rng);
    let e = email_for(rng, &n);
    if rng.chance(0.5) {
        t.t("Name: ").p("PERSON", &n);
        t.t("\nAddress: ").p("STREET_ADDRESS", &a);
        t.t("\nPhone: ").p("PHONE", &p);
        t.t("\nEmail: ").p("EMAIL", &e);
        t.t("\nPreferred language: ")
            .t(rng.item("Swahili|Portuguese|Tagalog|Arabic|French"));
    } else {
        t.t("For the visa letter, the host is ")
            .p("PERSON", &n)
            .t(", resident at ")
            .p("STREET_ADDRESS", &a)
            .t(", reachable on ")
            .p("PHONE", &p)
            .t(" or at ")
            .p("EMAIL", &e)
            .t(".");
    }
    t.done("mixed")
}
