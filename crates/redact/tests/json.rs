//! JSON redaction: keys as context, numbers by shape, keys checked, agent-config
//! identity keys. Table-driven through `check_json`.

use realtime_redact::{
    is_identity_key, key_entity, redact_json_with, Entity, PlaceholderStyle, Policy, Redactor,
};
use serde_json::{json, Value};

fn check_json(input: Value, expected: Value) {
    let out = Redactor::default().redact_json(&input);
    assert_eq!(out.value, expected, "input: {input}");
}

#[test]
fn key_is_context_for_its_value() {
    let cases = [
        (json!({"ssn": "078051120"}), json!({"ssn": "[US_SSN]"})),
        (
            json!({"dob": "1985-03-02"}),
            json!({"dob": "[DATE_OF_BIRTH]"}),
        ),
        (
            json!({"first_name": "Priyanka"}),
            json!({"first_name": "[PERSON]"}),
        ),
        (json!({"cvv": "123"}), json!({"cvv": "[CREDIT_CARD]"})),
        (
            json!({"customerEmail": "not given"}),
            json!({"customerEmail": "[EMAIL]"}),
        ),
        (
            json!({"Last-Name": "Okafor"}),
            json!({"Last-Name": "[PERSON]"}),
        ),
        (
            json!({"DATE_OF_BIRTH": "3/2/85"}),
            json!({"DATE_OF_BIRTH": "[DATE_OF_BIRTH]"}),
        ),
        (json!({"zip": "94107"}), json!({"zip": "[STREET_ADDRESS]"})),
        (json!({"pin": "0420"}), json!({"pin": "[SECRET]"})),
        (json!({"iban": "DE00 1234"}), json!({"iban": "[IBAN]"})),
        (
            json!({"ipAddress": "10.0.0"}),
            json!({"ipAddress": "[IP_ADDRESS]"}),
        ),
        (json!({"name": "Priyanka"}), json!({"name": "[PERSON]"})),
        // a bare "name" holding an identifier is redacted as text
        (
            json!({"name": "get_weather"}),
            json!({"name": "get_weather"}),
        ),
        // compound keys whose head noun is not personal say nothing
        (
            json!({"tool_name": "Lookup", "file_name": "Ada", "product_name": "Grace", "company_name": "Acme", "voice_name": "Alloy"}),
            json!({"tool_name": "Lookup", "file_name": "Ada", "product_name": "Grace", "company_name": "Acme", "voice_name": "Alloy"}),
        ),
        // empty values and placeholders are kept (idempotent)
        (
            json!({"email": "", "phone": "[PHONE]"}),
            json!({"email": "", "phone": "[PHONE]"}),
        ),
        (
            json!({"phone": null, "email": true}),
            json!({"phone": null, "email": true}),
        ),
        // arrays and objects under a PII key: every element
        (
            json!({"emails": ["a", "b"], "address": {"line1": "1 Main", "country": "US"}}),
            json!({"emails": ["[EMAIL]", "[EMAIL]"], "address": {"line1": "[STREET_ADDRESS]", "country": "[STREET_ADDRESS]"}}),
        ),
        // inner keys keep their own meaning
        (
            json!({"customer": {"name": "Ann Lee", "plan": "pro", "phone": "555"}}),
            json!({"customer": {"name": "[PERSON]", "plan": "pro", "phone": "[PHONE]"}}),
        ),
    ];
    for (i, e) in cases {
        check_json(i, e);
    }
}

#[test]
fn numbers_by_shape_and_key() {
    let cases = [
        (
            json!({"card_number": 4111111111111111u64}),
            json!({"card_number": "[CREDIT_CARD]"}),
        ),
        (json!({"phone": 4155550195u64}), json!({"phone": "[PHONE]"})),
        (
            json!({"x": 4111111111111111u64}),
            json!({"x": "[CREDIT_CARD]"}),
        ),
        (json!({"x": 4155550195u64}), json!({"x": "[PHONE]"})),
        (json!({"x": 14155550195u64}), json!({"x": "[PHONE]"})),
        (json!({"from": 14155550195u64}), json!({"from": "[PHONE]"})),
        (json!({"x": 123456789}), json!({"x": "[US_SSN]"})),
        (
            json!({"cvv": 123, "zip": 94107, "pin": 1234}),
            json!({"cvv": "[CREDIT_CARD]", "zip": "[STREET_ADDRESS]", "pin": "[SECRET]"}),
        ),
        // small numbers, ids, counts, times, failing checksums stay
        (
            json!({"quantity": 3, "x": 42}),
            json!({"quantity": 3, "x": 42}),
        ),
        (
            json!({"order_id": 4155550195u64, "duration_ms": 4111111111111111u64}),
            json!({"order_id": 4155550195u64, "duration_ms": 4111111111111111u64}),
        ),
        (
            json!({"ts": 1732550400, "created_at": 1732550400000u64}),
            json!({"ts": 1732550400, "created_at": 1732550400000u64}),
        ),
        (
            json!({"x": 4111111111111112u64, "y": 1732550400, "z": 666123456}),
            json!({"x": 4111111111111112u64, "y": 1732550400, "z": 666123456}),
        ),
        (
            json!({"price": 12.5, "ratio": 0.25}),
            json!({"price": 12.5, "ratio": 0.25}),
        ),
        (
            json!({"list": [4155550195u64, 7]}),
            json!({"list": ["[PHONE]", 7]}),
        ),
    ];
    for (i, e) in cases {
        check_json(i, e);
    }
}

#[test]
fn keys_are_checked() {
    let cases = [
        (json!({"jane@example.com": 1}), json!({"[EMAIL]": 1})),
        (
            json!({"a@example.com": "x", "b@example.com": "y"}),
            json!({"[EMAIL]": "x", "[EMAIL]#2": "y"}),
        ),
        (
            json!({"[EMAIL]": 0, "a@example.com": 1, "b@example.com": 2}),
            json!({"[EMAIL]": 0, "[EMAIL]#2": 1, "[EMAIL]#3": 2}),
        ),
        (
            json!({"call 415-555-1212": true}),
            json!({"call [PHONE]": true}),
        ),
        (
            json!({"notes": {"x@y.io": {"phone": "1"}}}),
            json!({"notes": {"[EMAIL]": {"phone": "[PHONE]"}}}),
        ),
    ];
    for (i, e) in cases {
        check_json(i, e);
    }
}

#[test]
fn counts_hash_and_policy() {
    let r = Redactor::default();
    let out = r.redact_json(
        &json!({"ssn": "078051120", "a@b.co": "call 415-555-1212", "n": 4111111111111111u64}),
    );
    assert_eq!(out.counts.get("US_SSN"), Some(&1));
    assert_eq!(out.counts.get("EMAIL"), Some(&1));
    assert_eq!(out.counts.get("PHONE"), Some(&1));
    assert_eq!(out.counts.get("CREDIT_CARD"), Some(&1));

    let h = Redactor::new(Policy {
        placeholder: PlaceholderStyle::KeyedHash { key: b"k".to_vec() },
        ..Policy::default()
    })
    .unwrap();
    let a = h.redact("card 4111 1111 1111 1111").text;
    let tok = a.rsplit(' ').next().unwrap();
    let out = h.redact_json(&json!({"card": "4111-1111-1111-1111", "n": 4111111111111111u64}));
    assert_eq!(out.value["card"], tok);
    assert_eq!(out.value["n"], tok);
    let e1 = h.redact_json(&json!({"email": "Jane@Example.com"})).value;
    let e2 = h.redact("jane@example.com").text;
    assert_eq!(e1["email"], e2.as_str());
    // idempotent under hashing too
    assert_eq!(h.redact_json(&out.value).value, out.value);

    // disabled entities have no key rule; allow-listed values stay
    let only = Redactor::new(Policy::only([Entity::Email])).unwrap();
    let out = only.redact_json(&json!({"ssn": "078051120", "email": "x"}));
    assert_eq!(out.value, json!({"ssn": "078051120", "email": "[EMAIL]"}));
    let allow = Redactor::new(Policy {
        allow: vec!["1-800-555-0199".into()],
        ..Policy::default()
    })
    .unwrap();
    let out = allow.redact_json(&json!({"phone": "1 800 555 0199", "n": 18005550199u64}));
    assert_eq!(
        out.value,
        json!({"phone": "1 800 555 0199", "n": 18005550199u64})
    );
}

#[test]
fn caller_function_gets_key_rules() {
    let mut seen = Vec::new();
    let v = json!({"ssn": "078051120", "note": "hi", "x@y.com": 4155550195u64, "tags": ["a"]});
    let out = redact_json_with(&v, &mut |s| {
        seen.push(s.to_owned());
        if s.contains('@') {
            "[MAIL]".to_owned()
        } else {
            s.to_uppercase()
        }
    });
    assert_eq!(
        out,
        json!({"SSN": "[US_SSN]", "NOTE": "HI", "[MAIL]": "[PHONE]", "TAGS": ["A"]})
    );
    // values under PII keys never reach the function; keys do
    assert!(!seen.iter().any(|s| s == "078051120"));
    assert!(seen.iter().any(|s| s == "x@y.com"));
    let blank = redact_json_with(&json!({"dob": "1985-03-02", "ok": "k"}), &mut |_| {
        "[REDACTED]".into()
    });
    assert_eq!(
        blank,
        json!({"[REDACTED]": "[DATE_OF_BIRTH]", "[REDACTED]#2": "[REDACTED]"})
    );
}

#[test]
fn key_table() {
    use Entity::*;
    let cases: &[(&str, Option<Entity>)] = &[
        ("email", Some(Email)),
        ("e-mail", Some(Email)),
        ("E_MAIL", Some(Email)),
        ("emailAddress", Some(Email)),
        ("EmailAddress", Some(Email)),
        ("customerEmail", Some(Email)),
        ("contact_email", Some(Email)),
        ("user_email", Some(Email)),
        ("USER_EMAIL", Some(Email)),
        ("emails", Some(Email)),
        ("phone", Some(Phone)),
        ("phoneNumber", Some(Phone)),
        ("phone-number", Some(Phone)),
        ("caller_number", Some(Phone)),
        ("callerId", Some(Phone)),
        ("mobile", Some(Phone)),
        ("tel", Some(Phone)),
        ("fax", Some(Phone)),
        ("homePhone", Some(Phone)),
        ("cell_phone", Some(Phone)),
        ("ssn", Some(UsSsn)),
        ("SSN", Some(UsSsn)),
        ("social_security_number", Some(UsSsn)),
        ("socialSecurityNumber", Some(UsSsn)),
        ("dob", Some(DateOfBirth)),
        ("DOB", Some(DateOfBirth)),
        ("date_of_birth", Some(DateOfBirth)),
        ("dateOfBirth", Some(DateOfBirth)),
        ("birthdate", Some(DateOfBirth)),
        ("birthday", Some(DateOfBirth)),
        ("first_name", Some(Person)),
        ("firstName", Some(Person)),
        ("FirstName", Some(Person)),
        ("last_name", Some(Person)),
        ("lastname", Some(Person)),
        ("surname", Some(Person)),
        ("given_name", Some(Person)),
        ("full_name", Some(Person)),
        ("name", Some(Person)),
        ("Name", Some(Person)),
        ("customer_name", Some(Person)),
        ("callerName", Some(Person)),
        ("account_holder", Some(Person)),
        ("accountHolder", Some(Person)),
        ("cardholder_name", Some(Person)),
        ("name_on_card", Some(Person)),
        ("card", Some(CreditCard)),
        ("card_number", Some(CreditCard)),
        ("cardNumber", Some(CreditCard)),
        ("cc_number", Some(CreditCard)),
        ("pan", Some(CreditCard)),
        ("cvv", Some(CreditCard)),
        ("cvc", Some(CreditCard)),
        ("security_code", Some(CreditCard)),
        ("expiry", Some(CreditCard)),
        ("iban", Some(Iban)),
        ("account_number", Some(Iban)),
        ("routing_number", Some(Iban)),
        ("address", Some(StreetAddress)),
        ("street", Some(StreetAddress)),
        ("address_line1", Some(StreetAddress)),
        ("addressLine2", Some(StreetAddress)),
        ("billing_address", Some(StreetAddress)),
        ("zip", Some(StreetAddress)),
        ("zipcode", Some(StreetAddress)),
        ("zip_code", Some(StreetAddress)),
        ("postal_code", Some(StreetAddress)),
        ("postcode", Some(StreetAddress)),
        ("ip", Some(IpAddress)),
        ("ip_address", Some(IpAddress)),
        ("ipAddress", Some(IpAddress)),
        ("client_ip", Some(IpAddress)),
        ("password", Some(Secret)),
        ("passcode", Some(Secret)),
        ("pin", Some(Secret)),
        ("token", Some(Secret)),
        ("access_token", Some(Secret)),
        ("api_key", Some(Secret)),
        ("apiKey", Some(Secret)),
        ("x-api-key", Some(Secret)),
        ("secret", Some(Secret)),
        ("client_secret", Some(Secret)),
        ("Authorization", Some(Secret)),
        // not personal
        ("tool_name", None),
        ("toolName", None),
        ("file_name", None),
        ("filename", None),
        ("product_name", None),
        ("company_name", None),
        ("voice_name", None),
        ("hostname", None),
        ("email_verified", None),
        ("phone_type", None),
        ("max_tokens", None),
        ("token_count", None),
        ("next_page_token", None),
        ("mac_address", None),
        ("server_address", None),
        ("city", None),
        ("country", None),
        ("from", None),
        ("to", None),
        ("voicemail", None),
        ("quantity", None),
        ("update", None),
        ("deadline", None),
        ("keyword", None),
        ("id", None),
        ("line1", None),
    ];
    for &(k, e) in cases {
        assert_eq!(key_entity(k), e, "key {k:?}");
    }
}

#[test]
fn identity_keys_of_agent_config() {
    for k in [
        "emailAddress",
        "customerEmail",
        "contact_email",
        "caller_number",
        "name",
        "ssn",
        "user_email",
        "user",
        "caller",
        "customer",
        "user_id",
        "auth_user_id",
        "username",
        "dob",
    ] {
        assert!(is_identity_key(k), "{k}");
    }
    for k in [
        "model",
        "voice",
        "tool_name",
        "temperature",
        "from",
        "instructions",
        "city",
    ] {
        assert!(!is_identity_key(k), "{k}");
    }
}
