//! vCon export, validated against the IETF vCon JSON schema (tests/data).

use serde_json::{json, Value};

use super::common::{recent, Api};

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../data/vcon_json_schema.json")).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the vCon schema compiles")
}

fn assert_valid(v: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(v)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "not a valid vCon: {errors:#?}\n{v:#}");
}

#[tokio::test]
async fn a_full_session_exports_as_a_valid_vcon() {
    let api = Api::new();
    let t = recent() - 10_000;
    api.put("/v1/sessions/vc1", json!({"consent": "ACCEPTED", "user": {"id": "user_v"}, "persona": "acme-support", "started_at": t})).await;
    for (i, (role, text)) in [
        ("assistant", "Hello, how can I help?"),
        ("user", "My email is jane@example.com"),
        ("system", "note"),
        ("tool", "order shipped"),
    ]
    .iter()
    .enumerate()
    {
        let seg = json!({"item_id": format!("i{i}"), "role": role, "text": text, "started_at": t + i as i64 * 1000, "ended_at": t + i as i64 * 1000 + 800});
        api.post("/v1/sessions/vc1/transcripts", seg).await;
    }
    api.post("/v1/sessions/vc1/tool-events", json!({"call_id": "c1", "name": "lookup", "args": {"email": "jane@example.com"}, "result": {"ok": true}, "at": t + 1500})).await;
    api.post("/v1/sessions/vc1/summary", json!({"text": "Caller asked about an order", "key_points": ["order shipped"], "at": t + 5000})).await;
    api.post(
        "/v1/sessions/vc1/usage",
        json!({"kind": "input_tokens", "value": 42, "at": t + 5000}),
    )
    .await;

    let r = api.get("/v1/sessions/vc1/export?format=vcon").await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.headers["content-disposition"],
        "attachment; filename=\"vc1.vcon.json\""
    );
    let v = r.json();
    assert_valid(&v);
    assert_eq!(v["dialog"].as_array().unwrap().len(), 4);
    assert_eq!(v["dialog"][1]["body"], "My email is [EMAIL]");
    assert_eq!(v["dialog"][1]["parties"], json!([0, 1]));
    assert_eq!(v["dialog"][0]["originator"], 1);
    assert_eq!(v["parties"][0]["uuid"], "user_v");
    assert_eq!(v["parties"][1]["name"], "acme-support");
    assert_eq!(
        v["parties"].as_array().unwrap().len(),
        4,
        "system and tool parties"
    );
    assert_eq!(v["analysis"][0]["type"], "summary");
    assert_eq!(v["analysis"][0]["body"]["key_points"][0], "order shipped");
    assert_eq!(v["attachments"][0]["purpose"], "tool_call");
    assert_eq!(
        v["attachments"][0]["dialog"], 1,
        "the last dialog before the call"
    );
    assert_eq!(v["attachments"][0]["body"]["args"]["email"], "[EMAIL]");
    assert_eq!(v["attachments"][1]["purpose"], "usage");
    assert!(!r.text().contains("jane@example.com"));

    let j = api.get("/v1/sessions/vc1/export").await.json();
    assert_eq!(j["session"]["id"], "vc1");
    assert_eq!(j["transcripts"].as_array().unwrap().len(), 4);
    assert_eq!(
        api.get("/v1/sessions/vc1/export?format=xml").await.status,
        400
    );
}

#[tokio::test]
async fn an_empty_session_is_a_valid_vcon_too() {
    let api = Api::new();
    api.accepted("vc2", "user_v").await;
    let v = api.get("/v1/sessions/vc2/export?format=vcon").await.json();
    assert_valid(&v);
    // The validator is not vacuous.
    let mut bad = v.clone();
    bad["dialog"] = json!([{"type": "text"}]);
    assert!(!validator().is_valid(&bad));
}
