//! Spoken e-mail addresses with spelled parts: a country code or a domain said
//! letter by letter, a local part spelled before its digits or around a "dot".
//! Values are invented for these tables.

use super::check;

#[test]
fn spelled_parts_of_spoken_emails() {
    let cases = [
        ("it's bartek dash nowak at mail dot p l", "it's [EMAIL]"),
        (
            "send it to wenjun at q q dot com thanks",
            "send it to [EMAIL] thanks",
        ),
        ("mkowalska at yahoo dot com dot b r", "[EMAIL]"),
        (
            "my email is o b i dot a n n a two one at gmail dot com",
            "my email is [EMAIL]",
        ),
        (
            "k e m i underscore a d e one nine eight at outlook dot com",
            "[EMAIL]",
        ),
    ];
    for (i, e) in cases {
        check(i, e);
    }
    for i in ["meet me at home dot ok", "it is a dot com at large"] {
        check(i, i);
    }
}
