//! Dates of birth said the way callers say them: after a cue that ends its
//! sentence, with "slash" between the parts, with a two-digit year in words,
//! corrected mid-answer; and dates that are not birth dates. Values are
//! invented for these tables.

use super::check;

#[test]
fn spoken_birth_dates() {
    let cases = [
        (
            "Date of birth please. March 3rd 1971 thanks",
            "Date of birth please. [DATE_OF_BIRTH] thanks",
        ),
        (
            "agent: and his date of birth\ncaller: oh four slash nineteen slash eighty two",
            "agent: and his date of birth\ncaller: [DATE_OF_BIRTH]",
        ),
        (
            "my birthday is august the ninth seventy one",
            "my birthday is [DATE_OF_BIRTH]",
        ),
        (
            "date of birth is the second of may sixty eight",
            "date of birth is [DATE_OF_BIRTH]",
        ),
        (
            "I was born on nine twelve twenty oh three",
            "I was born on [DATE_OF_BIRTH]",
        ),
        (
            "born june fourth nineteen eighty no wait july fourth nineteen eighty",
            "born [DATE_OF_BIRTH] no wait [DATE_OF_BIRTH]",
        ),
    ];
    for (i, e) in cases {
        check(i, e);
    }
}

#[test]
fn other_dates_stay() {
    let cases = [
        "I was born in Ohio. We moved on 3/4/2019 to Denver.",
        "the appointment is march the fifth at ten",
        "your bill from june twelfth twenty oh four is paid",
    ];
    for i in cases {
        check(i, i);
    }
}
