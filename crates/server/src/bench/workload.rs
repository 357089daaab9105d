//! The generated voice workload (SPEC §8): per session a meta, 40 transcript
//! segments (about 10% with PII), 4 tool events, 1 summary and usage; about 10%
//! of sessions not `ACCEPTED`. Deterministic for a seed, and generated call by
//! call when a phase reaches it ([`Workload::call`]), so the bench's memory does
//! not grow with the number of sessions.

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use realtime_store::{
    Consent, Event, Role, SessionMeta, Summary, Timestamp, ToolEvent, ToolStatus,
    TranscriptSegment, UsageEvent, User,
};
use serde_json::json;

/// One generated call.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    /// Its session id.
    pub(crate) id: String,
    /// The first meta (its consent decides what is stored).
    pub(crate) meta: SessionMeta,
    /// Its events, in the order a live platform sends them.
    pub(crate) events: Vec<Event>,
}

const PLAIN: [&str; 12] = [
    "Thanks for calling, how can I help you today?",
    "I would like to check the status of my order from last week.",
    "Sure, let me pull that up for you, one moment please.",
    "It says the package left the warehouse on Tuesday morning.",
    "Great, and when should it arrive at my place?",
    "The carrier estimates delivery by Thursday afternoon.",
    "Can I change the delivery window to the evening instead?",
    "Yes, I have updated the window to six to nine in the evening.",
    "Perfect, that works much better with my schedule.",
    "Is there anything else I can help you with today?",
    "No, that is everything, thank you for your help.",
    "You're welcome, have a wonderful rest of your day.",
];

/// Sentences with PII of several kinds (what the redactor must catch).
const PII: [&str; 8] = [
    "My email is {first}.{last}@example.com if you need it.",
    "You can reach me at 415-555-{n4} any time after five.",
    "My name is {First} {Last} and I am calling about my account.",
    "The card number is 4242 4242 4242 4242, expiry next year.",
    "My social is 123-45-{n4}, do you need my date of birth too?",
    "Call me back on +1 212 555 {n4} please.",
    "I live at {n3} Maple Street, Springfield.",
    "It's {first} dot {last} at gmail dot com.",
];

const FIRST: [&str; 8] = [
    "maria", "james", "aisha", "chen", "olga", "tomas", "priya", "kwame",
];
const LAST: [&str; 8] = [
    "garcia", "smith", "okafor", "wang", "ivanova", "novak", "sharma", "mensah",
];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn pii_line(rng: &mut SmallRng) -> String {
    let t = PII[rng.gen_range(0..PII.len())];
    let (f, l) = (
        FIRST[rng.gen_range(0..FIRST.len())],
        LAST[rng.gen_range(0..LAST.len())],
    );
    t.replace("{first}", f)
        .replace("{last}", l)
        .replace("{First}", &cap(f))
        .replace("{Last}", &cap(l))
        .replace("{n4}", &format!("{:04}", rng.gen_range(0..10_000)))
        .replace("{n3}", &format!("{}", rng.gen_range(10..999)))
}

/// Events of every call: 40 segments, 4 tool events, a summary, 2 usage events.
pub(crate) const EVENTS_PER_CALL: usize = 47;

/// The workload, as a recipe: call `i` is made when asked for, the same every
/// time (its own random stream, from the seed and `i`).
#[derive(Debug, Clone)]
pub(crate) struct Workload {
    sessions: usize,
    seed: u64,
    run: String,
    base: i64,
}

impl Workload {
    /// `sessions` calls, ids prefixed with `run`.
    pub(crate) fn new(sessions: usize, seed: u64, run: &str) -> Self {
        Workload {
            sessions,
            seed,
            run: run.to_owned(),
            base: Timestamp::now().as_millis() - 3_600_000,
        }
    }

    /// The same calls under other ids.
    pub(crate) fn with_run(&self, run: &str) -> Self {
        Workload {
            run: run.to_owned(),
            ..self.clone()
        }
    }

    /// Number of calls.
    pub(crate) fn len(&self) -> usize {
        self.sessions
    }

    /// Number of events in all.
    pub(crate) fn events(&self) -> u64 {
        (self.sessions * EVENTS_PER_CALL) as u64
    }

    /// Call `i` (`None` past the end).
    pub(crate) fn get(&self, i: usize) -> Option<Call> {
        (i < self.sessions).then(|| self.call(i))
    }

    fn call(&self, i: usize) -> Call {
        // SmallRng::seed_from_u64 mixes its seed: neighbouring seeds give
        // unrelated streams.
        let mut rng =
            SmallRng::seed_from_u64(self.seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let (run, base) = (&self.run, self.base);
        let id = format!("{run}-{i:06}");
        let consent = match rng.gen_range(0..100) {
            0..=4 => Consent::Declined,
            5..=9 => Consent::Pending,
            _ => Consent::Accepted,
        };
        let t0 = base + i as i64 * 10;
        let at = |s: i64| Timestamp::from_millis(t0 + s * 1000);
        let mut meta = SessionMeta::new(&id, consent);
        meta.user = Some(User::new(format!("user-{}", i % 500)));
        meta.voice = Some("alloy".into());
        meta.persona = Some("support".into());
        meta.started_at = Some(at(0));
        let mut events = Vec::with_capacity(47);
        for n in 0..40 {
            let text = if rng.gen_range(0..10) == 0 {
                pii_line(&mut rng)
            } else {
                PLAIN[rng.gen_range(0..PLAIN.len())].to_owned()
            };
            events.push(Event::Transcript(TranscriptSegment {
                item_id: Some(format!("item_{n:03}")),
                role: if n % 2 == 0 {
                    Role::Assistant
                } else {
                    Role::User
                },
                text,
                started_at: at(2 * n),
                ended_at: Some(at(2 * n + 1)),
            }));
            if n % 10 == 9 {
                let k = n / 10;
                events.push(Event::ToolEvent(ToolEvent {
                    call_id: Some(format!("call_{k}")),
                    name: "lookup_order".into(),
                    args: json!({"order_id": format!("{}", 80_000 + i), "step": k}),
                    result: Some(json!({"status": "shipped", "eta": "Thursday"})),
                    status: ToolStatus::Ok,
                    duration_ms: Some(120 + k as u64),
                    at: at(2 * n + 1),
                }));
            }
        }
        events.push(Event::Summary(Summary {
            text: "Caller asked about an order; delivery window moved to the evening.".into(),
            key_points: vec!["order status".into(), "delivery window changed".into()],
            at: at(81),
        }));
        for (k, (kind, v)) in [("audio_seconds", 80.0), ("output_tokens", 1200.0)]
            .into_iter()
            .enumerate()
        {
            events.push(Event::Usage(UsageEvent {
                event_id: Some(format!("usage_{k}")),
                kind: kind.into(),
                value: v,
                meta: None,
                at: at(82),
            }));
        }
        debug_assert_eq!(events.len(), EVENTS_PER_CALL);
        Call { id, meta, events }
    }
}

/// The whole workload at once (tests).
#[cfg(test)]
pub(crate) fn generate(sessions: usize, seed: u64, run: &str) -> Vec<Call> {
    let w = Workload::new(sessions, seed, run);
    (0..sessions).filter_map(|i| w.get(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workload_has_the_specified_shape() {
        let calls = generate(200, 7, "t");
        assert_eq!(calls.len(), 200);
        let c = &calls[0];
        let n = |f: fn(&Event) -> bool| c.events.iter().filter(|e| f(e)).count();
        assert_eq!(n(|e| matches!(e, Event::Transcript(_))), 40);
        assert_eq!(n(|e| matches!(e, Event::ToolEvent(_))), 4);
        assert_eq!(n(|e| matches!(e, Event::Summary(_))), 1);
        let not_accepted = calls
            .iter()
            .filter(|c| c.meta.consent != Consent::Accepted)
            .count();
        assert!(
            (5..=40).contains(&not_accepted),
            "about 10%: {not_accepted}"
        );
        // Times follow the clock; content and consent follow the seed.
        let texts = |calls: &[Call]| -> Vec<String> {
            calls
                .iter()
                .flat_map(|c| {
                    c.events.iter().filter_map(|e| match e {
                        Event::Transcript(s) => Some(s.text.clone()),
                        _ => None,
                    })
                })
                .collect()
        };
        let again = generate(200, 7, "t");
        assert_eq!(texts(&calls), texts(&again), "deterministic for a seed");
        let consents = |calls: &[Call]| calls.iter().map(|c| c.meta.consent).collect::<Vec<_>>();
        assert_eq!(consents(&calls), consents(&again));
        assert_ne!(
            texts(&calls),
            texts(&generate(200, 8, "t")),
            "another seed, another workload"
        );
    }
}
