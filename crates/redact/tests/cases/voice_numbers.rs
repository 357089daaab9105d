//! Numbers as callers say them: a correction that restates the last group of a
//! phone number said in one breath; a number said in two parts over turns, and
//! read back. Values are invented for these tables.

use super::check;

#[test]
fn corrected_in_one_breath() {
    let cases = [
        (
            "my cell is six one seven two two four eight one no sorry eight one three nine",
            "my cell is [PHONE]",
        ),
        (
            "the number is three one two five five five zero one I mean zero one four four thanks",
            "the number is [PHONE] thanks",
        ),
    ];
    for (i, e) in cases {
        check(i, e);
    }
}

#[test]
fn split_over_turns_and_read_back() {
    let cases = [
        (
            "caller: my number, it's six one seven\nagent: six one seven yes\ncaller: four four two nine eight one three",
            "caller: my number, it's [PHONE]\nagent: [PHONE] yes\ncaller: [PHONE]",
        ),
        (
            "caller: for the social the first three are five two eight\nagent: okay\ncaller: then four four one nine six seven",
            "caller: for the social the first three are [US_SSN]\nagent: okay\ncaller: then [US_SSN]",
        ),
        (
            "user: it's four five three two one five six seven\nbot: okay\nuser: eight nine zero one two three four zero",
            "user: it's [CREDIT_CARD]\nbot: okay\nuser: [CREDIT_CARD]",
        ),
    ];
    for (i, e) in cases {
        check(i, e);
    }
    for i in [
        "the claim was filed in 2019 96770 is the zip of the office",
        "my order number is 519-7634232-6093838",
        "we open at three thirty and close at nine",
    ] {
        check(i, i);
    }
}
