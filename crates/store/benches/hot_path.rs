//! The in-process hot path of one append, without a database: consent check
//! (the gate's cached state), validation, redaction, and the group-commit
//! enqueue/answer round trip over the in-memory backend. Regressions in any of
//! these show here. Run: `cargo bench -p realtime-store --bench hot_path`.
// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use realtime_store::{
    Consent, GroupCommit, MemoryStore, PersistenceStore, RealtimeStore, Role, SessionMeta,
    Timestamp, TranscriptSegment,
};

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let store = rt.block_on(async {
        let s = RealtimeStore::new(GroupCommit::new(MemoryStore::default()));
        s.save_session_meta(SessionMeta::new("bench", Consent::Accepted))
            .await
            .expect("meta");
        s
    });
    let plain = "Sure, let me pull that up for you, one moment please.";
    let pii = "My email is maria.garcia@example.com and my cell is 415-555-0132.";
    let mut g = c.benchmark_group("append_transcript");
    g.throughput(Throughput::Elements(1));
    for (name, text) in [("plain", plain), ("pii", pii)] {
        // The same segment every time: after the first it is a duplicate, so the
        // backend stays small and the path measured is the store's own.
        let seg = TranscriptSegment::new(Role::User, text, Timestamp::now());
        g.bench_function(name, |b| {
            b.iter_batched(
                || seg.clone(),
                |s| {
                    rt.block_on(store.append_transcript("bench", s))
                        .expect("append")
                },
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
    let mut g = c.benchmark_group("pending_session");
    g.throughput(Throughput::Elements(1));
    // Consent declined: validated, then dropped without touching the backend.
    let declined = rt.block_on(async {
        let s = RealtimeStore::new(MemoryStore::default());
        s.save_session_meta(SessionMeta::new("declined", Consent::Declined))
            .await
            .expect("meta");
        s
    });
    let seg = TranscriptSegment::new(Role::User, pii, Timestamp::now());
    g.bench_function("declined_drop", |b| {
        b.iter_batched(
            || seg.clone(),
            |s| {
                rt.block_on(declined.append_transcript("declined", s))
                    .expect("append")
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
