//! The session browser, end to end, in headless Chromium (Debian's package) against
//! the real binary: data created through the API, then what a person sees and
//! clicks. Screenshots land in the test's target temp dir.

mod support;

#[path = "support/cdp.rs"]
mod cdp;

use serde_json::json;
use support::{recent, Server, TOKEN};

#[test]
fn a_person_browses_a_call_and_erases_its_user() {
    let exe = cdp::chromium_path();
    let s = Server::start(&[]);
    let t = recent() - 30_000;
    let put = |id: &str, user: &str, start: i64| {
        let (st, b) = s.call("PUT", &format!("/v1/sessions/{id}"), Some(json!({
            "consent": "ACCEPTED", "user": {"id": user}, "voice": "alloy", "persona": "acme-support", "started_at": start
        })));
        assert_eq!(st, 200, "{b}");
    };
    put("call_maria", "user_maria", t);
    put("call_other", "user_other", t - 60_000);
    let segs = json!([
        {"item_id": "i1", "role": "assistant", "text": "Hi, this call is recorded. Is that okay?", "started_at": t},
        {"item_id": "i2", "role": "user", "text": "Sure. My email is maria.garcia@example.com <script>alert(1)</script>", "started_at": t + 4000},
        {"item_id": "i3", "role": "assistant", "text": "Thanks, let me look up your order.", "started_at": t + 9000},
    ]);
    assert_eq!(
        s.call("POST", "/v1/sessions/call_maria/transcripts", Some(segs))
            .0,
        200
    );
    let tool = json!({"call_id": "c1", "name": "lookup_order", "args": {"order_id": "88231", "email": "maria.garcia@example.com"},
                      "result": {"status": "shipped", "eta": "Thursday"}, "duration_ms": 182, "at": t + 10_000});
    assert_eq!(
        s.call("POST", "/v1/sessions/call_maria/tool-events", Some(tool))
            .0,
        200
    );
    let summary = json!({"text": "Maria asked about order 88231; it shipped.", "key_points": ["Order shipped via UPS", "Callback 415-555-0132"], "at": t + 20_000});
    assert_eq!(
        s.call("PUT", "/v1/sessions/call_maria/summary", Some(summary))
            .0,
        200
    );
    let usage = json!([{"kind": "input_tokens", "value": 1830, "at": t + 20_000}, {"kind": "audio_input_seconds", "value": 31.4, "at": t + 20_000}]);
    assert_eq!(
        s.call("POST", "/v1/sessions/call_maria/usage", Some(usage))
            .0,
        200
    );
    let end = json!({"consent": "ACCEPTED", "ended_at": t + 25_000});
    assert_eq!(s.call("PUT", "/v1/sessions/call_maria", Some(end)).0, 200);

    let shots = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let mut b = cdp::Browser::launch(&exe);
    b.goto(&format!("{}/", s.url));

    // The token is asked for, and kept for the tab.
    b.wait_for("the login form", "!document.getElementById('login').hidden");
    b.type_into("#token", TOKEN);
    b.click("#login-form button[type=submit]");
    b.wait_for(
        "the sessions list",
        "document.querySelectorAll('#sessions tbody tr').length === 2",
    );
    assert_eq!(
        b.eval(&format!(
            "sessionStorage.getItem('realtime-store-token') === {}",
            json!(TOKEN)
        )),
        json!(true)
    );
    let list = b.text("#sessions");
    assert!(
        list.contains("call_maria") && list.contains("user_maria") && list.contains("ACCEPTED"),
        "{list}"
    );
    assert!(list.contains("ended") && list.contains("active"), "{list}");
    b.wait_for(
        "the health badge",
        "document.getElementById('health').textContent === 'ok'",
    );

    // Filtering by user.
    b.type_into("#filters input[name=user_id]", "user_other");
    b.click("#filters button[type=submit]");
    b.wait_for("the filtered list", "document.querySelectorAll('#sessions tbody tr').length === 1 && document.querySelector('#sessions tbody').innerText.includes('call_other')");
    b.click("#filters button[type=reset]");
    b.wait_for(
        "the unfiltered list",
        "document.querySelectorAll('#sessions tbody tr').length === 2",
    );
    b.screenshot(&shots.join("serve_browser_list.png"));

    // Into the call.
    b.click("#sessions tbody tr[data-session=call_maria] a");
    b.wait_for(
        "the transcript",
        "document.querySelectorAll('#timeline li').length === 3",
    );
    assert_eq!(b.text("#s-title"), "call_maria");
    assert_eq!(b.text("#s-consent"), "ACCEPTED");
    assert_eq!(b.text("#s-status"), "ended");
    let timeline = b.text("#timeline");
    assert!(
        timeline.contains("ASSISTANT") || timeline.contains("assistant"),
        "{timeline}"
    );
    assert!(timeline.contains("My email is [EMAIL]"), "{timeline}");
    assert!(!timeline.contains("maria.garcia@example.com"), "{timeline}");
    assert_eq!(
        b.eval("document.querySelector('#timeline li.user mark.pii').textContent"),
        json!("[EMAIL]")
    );
    // Stored text is shown as text, never parsed as HTML.
    assert!(timeline.contains("<script>alert(1)</script>"), "{timeline}");
    assert_eq!(
        b.eval("document.querySelectorAll('#timeline script').length"),
        json!(0)
    );
    let args = b.text(".tool pre.args");
    assert!(
        args.contains("\"order_id\": \"88231\"") && args.contains("\"email\": \"[EMAIL]\""),
        "pretty-printed: {args}"
    );
    assert!(b
        .text(".tool pre.result")
        .contains("\"status\": \"shipped\""));
    assert!(b.text(".tool h3").contains("lookup_order"));
    let summary = b.text("#summary");
    assert!(
        summary.contains("order 88231") && summary.contains("Callback [PHONE]"),
        "{summary}"
    );
    let usage = b.text("#usage");
    assert!(
        usage.contains("input_tokens") && usage.contains("1,830"),
        "{usage}"
    );
    b.screenshot(&shots.join("serve_browser_session.png"));

    // Export: the download goes through the API with the token.
    b.click("#export-vcon");
    b.wait_for(
        "the export toast",
        "document.getElementById('toast').textContent.includes('as vcon')",
    );

    // Erase the user, after a confirmation (cancel first: nothing happens).
    b.click("#erase-user");
    b.wait_for(
        "the confirmation",
        "document.getElementById('confirm').open",
    );
    assert!(b.text("#confirm-text").contains("user_maria"));
    b.click("#confirm-cancel");
    b.wait_for(
        "the dialog to close",
        "!document.getElementById('confirm').open",
    );
    assert_eq!(
        s.call("GET", "/v1/sessions/call_maria", None).0,
        200,
        "cancel erases nothing"
    );
    b.click("#erase-user");
    b.wait_for(
        "the confirmation",
        "document.getElementById('confirm').open",
    );
    b.click("#confirm-ok");
    b.wait_for("the list without the erased call", "!document.getElementById('list').hidden && document.querySelectorAll('#sessions tbody tr').length === 1");
    assert!(b.text("#toast").contains("Erased user user_maria"));
    b.screenshot(&shots.join("serve_browser_erased.png"));
    assert_eq!(s.call("GET", "/v1/sessions/call_maria", None).0, 404);
    assert_eq!(s.call("GET", "/v1/sessions/call_other", None).0, 200);

    // Delete the other session from its page.
    b.click("#sessions tbody tr[data-session=call_other] a");
    b.wait_for(
        "the session page",
        "document.getElementById('s-title').textContent === 'call_other'",
    );
    b.click("#delete-session");
    b.wait_for(
        "the confirmation",
        "document.getElementById('confirm').open",
    );
    b.click("#confirm-ok");
    b.wait_for(
        "the empty list",
        "!document.getElementById('list').hidden && !document.getElementById('empty').hidden",
    );
    assert_eq!(s.call("GET", "/v1/sessions/call_other", None).0, 404);

    // Paging: 21 sessions are two pages of 20.
    for i in 0..21 {
        put(&format!("page_{i:02}"), "user_pages", t - i * 1000);
    }
    b.click("#filters button[type=submit]");
    b.wait_for("the first page", "document.querySelectorAll('#sessions tbody tr').length === 20 && !document.getElementById('next').disabled");
    assert!(b.text("#sessions tbody tr").contains("page_00"));
    b.click("#next");
    b.wait_for("the second page", "document.querySelectorAll('#sessions tbody tr').length === 1 && document.getElementById('page-no').textContent === 'page 2'");
    assert!(b.text("#sessions tbody").contains("page_20"));
    b.click("#prev");
    b.wait_for(
        "the first page again",
        "document.querySelectorAll('#sessions tbody tr').length === 20",
    );
    eprintln!("screenshots in {}", shots.display());
}
