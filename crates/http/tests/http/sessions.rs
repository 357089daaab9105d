//! Sessions: upsert, read, list with filters and paging, delete, erase a user.

use axum::http::{Method, StatusCode};
use serde_json::json;

use super::common::{recent, Api};

#[tokio::test]
async fn put_get_list_delete() {
    let api = Api::new();
    let r = api
        .put(
            "/v1/sessions/sess_1",
            json!({"consent": "ACCEPTED", "user": {"id": "user_1"}, "voice": "alloy",
                   "started_at": recent(), "config": {"model": "gpt-realtime"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json(), json!({"outcome": "persisted"}));

    let s = api.get("/v1/sessions/sess_1").await.json();
    assert_eq!(s["id"], "sess_1");
    assert_eq!(s["user_id"], "user_1");
    assert_eq!(s["consent"], "ACCEPTED");
    assert_eq!(s["status"], "active");
    assert_eq!(s["voice"], "alloy");

    // Hang-up, with an RFC 3339 end time.
    let end = realtime_store::Timestamp::now().to_rfc3339();
    let r = api
        .put(
            "/v1/sessions/sess_1",
            json!({"session_id": "sess_1", "consent": "ACCEPTED", "ended_at": end}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(
        api.get("/v1/sessions/sess_1").await.json()["status"],
        "ended"
    );

    let list = api.get("/v1/sessions").await.json();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert!(list["next_cursor"].is_null());

    let r = api.call(Method::DELETE, "/v1/sessions/sess_1", None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = api.get("/v1/sessions/sess_1").await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let r = api.call(Method::DELETE, "/v1/sessions/sess_1", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn body_id_must_match_the_path() {
    let api = Api::new();
    let r = api
        .put(
            "/v1/sessions/a",
            json!({"session_id": "b", "consent": "ACCEPTED"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["error"]["field"], "session_id");
    assert!(api.get("/v1/sessions/b").await.status == StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn declined_and_pending_sessions_are_not_stored() {
    let api = Api::new();
    let r = api
        .put("/v1/sessions/d1", json!({"consent": "DECLINED"}))
        .await;
    assert_eq!(
        r.json(),
        json!({"outcome": "dropped", "reason": "consent_declined"})
    );
    let r = api
        .put("/v1/sessions/p1", json!({"consent": "PENDING"}))
        .await;
    assert_eq!(r.json(), json!({"outcome": "buffered"}));
    assert_eq!(
        api.get("/v1/sessions/d1").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        api.get("/v1/sessions/p1").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn filters_and_paging() {
    let api = Api::new();
    let base = recent() - 3_600_000;
    for i in 0..5 {
        let user = if i % 2 == 0 { "even" } else { "odd" };
        let r = api
            .put(
                &format!("/v1/sessions/s{i}"),
                json!({"consent": "ACCEPTED", "user": {"id": user}, "started_at": base + i * 60_000}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&api.get("/v1/sessions?user_id=even").await.json()),
        ["s4", "s2", "s0"]
    );
    let after = realtime_store::Timestamp::from_millis(base + 2 * 60_000).to_rfc3339();
    let r = api
        .get(&format!(
            "/v1/sessions?started_after={after}&started_before={}",
            base + 4 * 60_000
        ))
        .await;
    assert_eq!(ids(&r.json()), ["s3", "s2"]);
    assert_eq!(
        ids(&api
            .get("/v1/sessions?consent=accepted&status=active&limit=10")
            .await
            .json())
        .len(),
        5
    );
    assert!(ids(&api.get("/v1/sessions?status=ended").await.json()).is_empty());

    let mut seen = Vec::new();
    let mut url = "/v1/sessions?limit=2".to_owned();
    loop {
        let page = api.get(&url).await.json();
        seen.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => url = format!("/v1/sessions?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, ["s4", "s3", "s2", "s1", "s0"]);

    for (q, field) in [
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("consent=maybe", "consent"),
        ("status=paused", "status"),
        ("started_after=yesterday", "started_after"),
        ("bogus=1", "query"),
        ("limit=1&limit=2", "limit"),
    ] {
        let r = api.get(&format!("/v1/sessions?{q}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{q}");
        assert_eq!(r.json()["error"]["field"], field, "{q}");
    }
}

#[tokio::test]
async fn erase_user_removes_everything_of_theirs() {
    let api = Api::new();
    api.accepted("e1", "user_gone").await;
    api.accepted("e2", "user_gone").await;
    api.accepted("k1", "user_kept").await;
    let seg = json!({"role": "user", "text": "hello", "started_at": recent()});
    api.post("/v1/sessions/e1/transcripts", seg).await;
    let r = api.call(Method::DELETE, "/v1/users/user_gone", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let c = r.json();
    assert_eq!(
        (
            c["users"].as_u64(),
            c["sessions"].as_u64(),
            c["transcripts"].as_u64()
        ),
        (Some(1), Some(2), Some(1))
    );
    assert_eq!(
        api.get("/v1/sessions/e1").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(api.get("/v1/sessions/k1").await.status, StatusCode::OK);
    // Erasing again is harmless.
    assert_eq!(
        api.call(Method::DELETE, "/v1/users/user_gone", None)
            .await
            .json()["sessions"],
        0
    );
    let r = api.call(Method::DELETE, "/v1/users/bad%20id", None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn unicode_round_trips() {
    let api = Api::new();
    let id = "sess_ünï";
    let r = api
        .put(
            &format!("/v1/sessions/{}", "sess_%C3%BCn%C3%AF"),
            json!({"consent": "ACCEPTED"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "ids are ASCII: {id}");
    api.accepted("sess_u", "user_u").await;
    let text = "Grüße aus Köln — 東京 🚀 ok";
    let r = api
        .post(
            "/v1/sessions/sess_u/transcripts",
            json!({"role": "user", "text": text, "started_at": recent()}),
        )
        .await;
    assert_eq!(r.json(), json!({"outcome": "persisted"}), "{}", r.text());
    let page = api.get("/v1/sessions/sess_u/transcripts").await.json();
    assert_eq!(page["items"][0]["text"], text);
}

#[tokio::test]
async fn only_an_explicit_reconsent_lifts_a_withdrawal() {
    let api = Api::new();
    api.accepted("rc1", "user_rc").await;
    let seg = || json!({"role": "user", "text": "hello", "started_at": recent()});
    assert_eq!(
        api.post("/v1/sessions/rc1/transcripts", seg()).await.json()["outcome"],
        "persisted"
    );
    let r = api
        .put("/v1/sessions/rc1", json!({"consent": "DECLINED"}))
        .await;
    assert_eq!(r.json()["outcome"], "dropped", "{}", r.text());
    let r = api
        .put("/v1/sessions/rc1", json!({"consent": "ACCEPTED"}))
        .await;
    assert_ne!(
        r.json()["outcome"],
        "persisted",
        "a plain upsert does not bring it back: {}",
        r.text()
    );
    assert_eq!(
        api.post("/v1/sessions/rc1/transcripts", seg()).await.json()["outcome"],
        "dropped"
    );

    let r = api
        .post("/v1/sessions/rc1/reconsent", json!({"consent": "DECLINED"}))
        .await;
    assert_eq!(
        (r.status, r.json()["error"]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("consent"))
    );
    let r = api
        .post(
            "/v1/sessions/rc1/reconsent",
            json!({"user": {"id": "user_rc"}}),
        )
        .await;
    assert_eq!(r.json(), json!({"outcome": "persisted"}), "{}", r.text());
    assert_eq!(
        api.post("/v1/sessions/rc1/transcripts", seg()).await.json()["outcome"],
        "persisted"
    );
    assert_eq!(
        api.get("/v1/sessions/rc1").await.json()["consent"],
        "ACCEPTED"
    );
}
