//! Numbers as callers say them: a correction that restates the last group of a
//! phone number said in one breath. Values are invented for these tables.

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
