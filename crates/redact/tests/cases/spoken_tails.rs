//! The rest of a spoken street address: a unit said in words (with its letter),
//! "in" before the city, and a postcode said digit by digit; and what must stay
//! outside it. Values are invented for these tables.

use super::check;

#[test]
fn spoken_tails_are_part_of_the_address() {
    let cases = [
        (
            "it's two nine one seven Juniper Hollow Road unit forty one Ogden Utah eight four four oh two",
            "it's [STREET_ADDRESS]",
        ),
        (
            "ship it to sixty one twelve Amberfield Lane apartment nine b in Salem Oregon, nine seven three oh one please",
            "ship it to [STREET_ADDRESS] please",
        ),
        (
            "um seven Larkspur Court, suite two oh four Macon Georgia three one two oh one ok",
            "um [STREET_ADDRESS] ok",
        ),
    ];
    for (i, e) in cases {
        check(i, e);
    }
}

#[test]
fn what_follows_stays_outside() {
    let cases = [
        (
            "The office moved to 88 Quarry Lane, Tacoma, WA 98414 in January.",
            "The office moved to [STREET_ADDRESS] in January.",
        ),
        (
            "I live on 12 Orchard Street in Springfield and work downtown",
            "I live on [STREET_ADDRESS] in Springfield and work downtown",
        ),
        (
            "The visit is booked for 12 rue des Tanneurs, 69002 Lyon on Thursday between 1 and 5.",
            "The visit is booked for [STREET_ADDRESS] on Thursday between 1 and 5.",
        ),
    ];
    for (i, e) in cases {
        check(i, e);
    }
}
