//! The benchmark's text: 4,000 transcript-like segments from a fixed seed, about
//! 10% of them carrying PII (written and spoken). Shared by `benches/throughput.rs`
//! and `examples/bench_segments.rs` (the profiling and mask-diff harness).

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PLAIN: &[&str] = &[
    "Sure, I can help you with that. Can you tell me a little more about what happened?",
    "Okay so basically the app keeps logging me out every time I switch to another screen.",
    "I understand, that sounds really frustrating, let me take a look at your account.",
    "Thanks for waiting, I really appreciate your patience while I check this for you.",
    "Um, yeah, it started maybe last week, I'm not totally sure to be honest with you.",
    "Alright, I've gone ahead and reset that for you, could you try it again now?",
    "No, it still isn't working, I get the same error as before when I log in.",
    "Let me transfer you to our technical team, they'll be able to dig into it further.",
    "Is there anything else I can help you with today before we wrap up the call?",
    "We'll send you an update by email once the engineering team has looked into it.",
    "The meeting moved to 10:30 tomorrow and the plan costs $49.99 a month now.",
    "I ordered 3 of them back in 2023 and only two arrived in the box.",
    "Great, that's everything, thank you so much for calling and have a lovely day.",
    "Hold on one second while I pull up the notes from your previous conversation.",
];

const PII: &[&str] = &[
    "Yeah my number is four one five, five five five, one two one two if you need it.",
    "You can reach me at (415) 555-0134 or by email at jane.doe@example.com anytime.",
    "The card is 4111 1111 1111 1111 and it expires at the end of next year.",
    "My social is 123-45-6789 and my date of birth is March 5th, 1985.",
    "Hi, my name is Priya Raman and I live at 742 Evergreen Terrace, Springfield, IL 62704.",
    "My email is john dot smith at gmail dot com, all lowercase please.",
    "Please wire it to GB82 WEST 1234 5698 7654 32 by Friday if possible.",
    "The server at 192.168.10.25 rejected the key AKIAIOSFODNN7EXAMPLE this morning.",
];

/// The 4,000 segments, always the same.
pub(crate) fn segments() -> Vec<String> {
    let mut r = Rng(42);
    (0..4000)
        .map(|i| {
            if i % 10 == 3 {
                r.pick(PII).to_owned()
            } else {
                r.pick(PLAIN).to_owned()
            }
        })
        .collect()
}
