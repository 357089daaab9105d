//! Names spelled letter by letter: in the next turn, after a spelling cue, with
//! the spelling alphabet, and the letter runs that are not names; names cut
//! before a speaker tag or a pronoun; brands, identifiers and places that are
//! not names. Values are invented for these tables.

use super::check;

#[test]
fn spelled_names_are_redacted() {
    let cases = [
        // the word said earlier, the letters in a later turn
        (
            "Agent: what's the surname?\nCaller: Wierzbowska\nAgent: how do you spell that?\nCaller: W. I. E. R. Z. B. O. W. S. K. A., yes",
            "Agent: what's the surname?\nCaller: [PERSON]\nAgent: how do you spell that?\nCaller: [PERSON], yes",
        ),
        // right after the word, lowercase
        (
            "it's brzezicki, b r z e z i c k i",
            "it's [PERSON], [PERSON]",
        ),
        // after a spelling cue, no word to match
        (
            "could you spell the last name for me? sure, Q U A R T E Y",
            "could you spell the last name for me? sure, [PERSON]",
        ),
        // the spelling alphabet, commas between letters
        (
            "so it's Tekle, T as in tango, E as in echo, K, L, E",
            "so it's [PERSON], [PERSON]",
        ),
        (
            "that's spelled m-b-a-y-e",
            "that's spelled [PERSON]",
        ),
        // the ICAO alphabet alone, and the older word-for-letter alphabets
        (
            "the account's under Okonjo that's oscar kilo o as in oscar november juliet oscar",
            "the account's under [PERSON] that's [PERSON]",
        ),
        (
            "it's under bekele that's boy edward k for king edward l as in lincoln edward",
            "it's under [PERSON] that's [PERSON]",
        ),
        // "hyphen" inside the letters; the word said before in a hyphenated form
        (
            "It's Yusuf Al-Amin. Could you spell the last name. Sure A L hyphen A M I N.",
            "It's [PERSON]. Could you spell the last name. Sure [PERSON].",
        ),
        // the run stops before a speaker tag
        (
            "C: that's spelled D as in delta, U as in uniform, M, A A: thanks",
            "C: that's spelled [PERSON] A: thanks",
        ),
    ];
    for (i, e) in cases {
        check(i, e);
    }
}

#[test]
fn letter_runs_that_are_not_names() {
    let cases = [
        "press A B or C to continue",
        "the T V in my tv room is broken",
        "Plan A, B, C and D are all options",
        "I need an X-ray and a t-shirt",
        "the options are a, b, c",
        // spelled codes: letters beside digits
        "the confirmation is eight g as in golf quebec d as in delta papa hotel",
        "the promo code is echo echo charlie foxtrot seven echo",
        "I booked the Delta hotel package",
    ];
    for i in cases {
        check(i, i);
    }
}

#[test]
fn names_end_before_tags_and_pronouns() {
    let cases = [
        (
            "SPEAKER_01: yeah it's bautista SPEAKER_00: and the first name",
            "SPEAKER_01: yeah it's [PERSON] SPEAKER_00: and the first name",
        ),
        (
            "Thank you Rasmus I've got your account up.",
            "Thank you [PERSON] I've got your account up.",
        ),
        (
            "Assistant: last name ferreira User: the adjuster never called",
            "Assistant: last name [PERSON] User: the adjuster never called",
        ),
    ];
    for (i, e) in cases {
        check(i, e);
    }
    for i in [
        "thank you i'll have faith in you",
        "i'm due for a cleaning it's been ten months",
        "okay i'll come into the branch on madison avenue",
    ] {
        check(i, i);
    }
}

#[test]
fn brands_identifiers_places_and_sentence_dots() {
    for i in [
        "a bottle of jack daniel's and a pint of ben & jerry's",
        "I want to return the Eddie Bauer sweater from macy's",
        "{\"name\": \"book_flight\", \"arguments\": {\"seat\": \"14C\"}}",
        "I'm moving to Austin next month. We do service Austin.",
        "customers in Hanoi and Charlotte are also affected",
    ] {
        check(i, i);
    }
    check(
        "address updated to 79 Quarry Terrace. No further action.",
        "address updated to [STREET_ADDRESS]. No further action.",
    );
    check("my name is Eddie Morales", "my name is [PERSON]");
}
