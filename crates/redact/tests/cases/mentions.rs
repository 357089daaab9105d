//! A name found once is the same name where the text says it again, bare:
//! before and after the full mention, in either case; words that are also
//! everyday English stay words elsewhere. Values are invented for these tables.

use super::check;

#[test]
fn other_mentions_of_a_found_name_are_redacted() {
    let cases = [
        // the given name alone, before and after the full name
        (
            "Hi this is Bartholomew oh sorry Bartholomew Okonkwo, I called earlier. Yes Bartholomew, I have the notes.",
            "Hi this is [PERSON] oh sorry [PERSON], I called earlier. Yes [PERSON], I have the notes.",
        ),
        // lowercase speech, the surname again on a later turn
        (
            "caller: my name is ingrid halvorsen\nagent: thanks ingrid, and halvorsen with an h?",
            "caller: my name is [PERSON]\nagent: thanks [PERSON], and [PERSON] with an h?",
        ),
        // the full name again: one placeholder
        (
            "The account holder is Wojciech Brzezinski. Wojciech Brzezinski called twice.",
            "The account holder is [PERSON]. [PERSON] called twice.",
        ),
    ];
    for (input, want) in cases {
        check(input, want);
    }
}

#[test]
fn everyday_words_in_a_found_name_stay_words_elsewhere() {
    let cases = [
        (
            "caller: my name is hope whitaker\nagent: i hope that helps, whitaker is noted",
            "caller: my name is [PERSON]\nagent: i hope that helps, [PERSON] is noted",
        ),
        // no name found: nothing carries over
        (
            "We will park the car near the grace chapel.",
            "We will park the car near the grace chapel.",
        ),
    ];
    for (input, want) in cases {
        check(input, want);
    }
}

#[test]
fn the_name_on_the_account_is_a_cue() {
    let cases = [
        (
            "uh the name on the account is tesfaye bekele",
            "uh the name on the account is [PERSON]",
        ),
        (
            "The name on the card is Ngozi Adebayo-Okafor.",
            "The name on the card is [PERSON].",
        ),
        // what the name is, not a name
        (
            "the name on the account is wrong, can you fix it",
            "the name on the account is wrong, can you fix it",
        ),
        (
            "the name on the policy is misspelled",
            "the name on the policy is misspelled",
        ),
        // the account itself
        (
            "the account is overdue since march",
            "the account is overdue since march",
        ),
    ];
    for (input, want) in cases {
        check(input, want);
    }
}
