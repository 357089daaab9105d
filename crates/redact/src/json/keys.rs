//! What a JSON key says about its value: `"ssn"`, `"customerEmail"`,
//! `"date-of-birth"`, `"first_name"`... in any case style.
//!
//! A key is split into lowercase words (snake, kebab, camel, Pascal, UPPER, dots
//! and spaces; letters and digits apart; glued compounds such as `firstname` or
//! `zipcode` split at a known head), trailing numbers dropped (`address_line1`,
//! `email2`). The **last words decide** (the head noun of a compound): `tool_name`,
//! `file_name`, `company_name` end in "name" but their modifier is not a person,
//! so they do not match; `customer_email` ends in "email" and does. The tables are
//! below, one function per entity.

use crate::Entity;

/// How sure a key is: `Weak` for a bare `"name"`, which in tool arguments is most
/// often a person but sometimes an identifier (`"name": "get_weather"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    Strong,
    Weak,
}

/// Heads that glued compounds are split at (`firstname` → `first` `name`).
const HEADS: &[&str] = &[
    "name", "address", "number", "email", "mail", "phone", "code", "date", "key", "token",
    "holder", "day", "card", "word", "line",
];

/// Splits a key into lowercase words.
pub(crate) fn words(key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = key.chars().collect();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            flush(&mut cur, &mut out);
            continue;
        }
        if let Some(&p) = i.checked_sub(1).and_then(|j| chars.get(j)) {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (p.is_lowercase() && c.is_uppercase())
                || (p.is_uppercase() && c.is_uppercase() && next_lower)
                || (p.is_alphabetic() && c.is_numeric())
                || (p.is_numeric() && c.is_alphabetic());
            if boundary && p.is_alphanumeric() {
                flush(&mut cur, &mut out);
            }
        }
        cur.extend(c.to_lowercase());
    }
    flush(&mut cur, &mut out);
    // trailing numbers: `address_line1`, `email2`, `phone_2`
    while out.len() > 1 && out.last().is_some_and(|w| w.chars().all(char::is_numeric)) {
        out.pop();
    }
    // glued compounds, split at a known head: `firstname`, `zipcode`, `emailaddress`
    let mut split = Vec::with_capacity(out.len() + 2);
    for w in out {
        split.extend(split_compound(&w));
    }
    split
}

/// Whole words that end in a head but are not compounds of it.
fn unsplittable(w: &str) -> bool {
    matches!(
        w,
        "surname"
            | "username"
            | "nickname"
            | "rename"
            | "keyword"
            | "password"
            | "passcode"
            | "birthday"
            | "update"
            | "email"
            | "gmail"
            | "hotmail"
            | "voicemail"
            | "today"
            | "holiday"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "someday"
            | "midday"
            | "online"
            | "offline"
            | "deadline"
            | "timeline"
            | "headline"
            | "pipeline"
            | "inline"
            | "outline"
            | "guideline"
            | "baseline"
            | "airline"
            | "hotline"
            | "landline"
            | "monkey"
            | "turkey"
            | "hockey"
            | "jockey"
            | "donkey"
    )
}

fn split_compound(w: &str) -> Vec<String> {
    if unsplittable(w) {
        return vec![w.to_owned()];
    }
    // "dateofbirth", "nameoncard", "socialsecuritynumber"
    for (glued, parts) in [
        ("dateofbirth", &["date", "of", "birth"][..]),
        ("nameoncard", &["name", "on", "card"][..]),
        (
            "socialsecuritynumber",
            &["social", "security", "number"][..],
        ),
        ("socialsecurity", &["social", "security"][..]),
        ("ipaddress", &["ip", "address"][..]),
        ("ipaddr", &["ip", "addr"][..]),
        ("cellphone", &["cell", "phone"][..]),
        ("creditcard", &["credit", "card"][..]),
        ("debitcard", &["debit", "card"][..]),
        ("cardholder", &["card", "holder"][..]),
        ("accountholder", &["account", "holder"][..]),
        ("apikey", &["api", "key"][..]),
    ] {
        if w == glued {
            return parts.iter().map(|p| (*p).to_owned()).collect();
        }
        if let Some(pre) = w.strip_suffix(glued).filter(|p| p.len() >= 2) {
            let mut v = vec![pre.to_owned()];
            v.extend(parts.iter().map(|p| (*p).to_owned()));
            return v;
        }
    }
    for h in HEADS {
        if let Some(pre) = w.strip_suffix(h) {
            if pre.len() >= 2 && !unsplittable(pre) {
                let mut v = split_compound(pre);
                v.push((*h).to_owned());
                return v;
            }
        }
    }
    vec![w.to_owned()]
}

/// What a JSON key says its value is, matched case- and style-insensitively.
///
/// `Some(entity)` for keys whose value identifies or reaches a person:
///
/// | entity | keys (any case style; any personal prefix such as `customer_`, `user`, `contact`) |
/// | --- | --- |
/// | `EMAIL` | `email`, `e-mail`, `mail`, `email_address`, `emailAddress`, `customerEmail`, `contact_email`, `user_email` |
/// | `PHONE` | `phone`, `phone_number`, `telephone`, `tel`, `mobile`, `cell_phone`, `cell_number`, `fax`, `msisdn`, `caller_number`, `callback_number`, `contact_number`, `from_number`, `to_number`, `caller_id` |
/// | `CREDIT_CARD` | `card`, `card_number`, `credit_card`, `cc`, `cc_number`, `pan`, `cvv`, `cvv2`, `cvc`, `csc`, `security_code`, `expiry`, `exp_date`, `card_expiry` |
/// | `US_SSN` | `ssn`, `social_security_number`, `social_security`, `social` |
/// | `DATE_OF_BIRTH` | `dob`, `date_of_birth`, `birthdate`, `birth_date`, `birthday`, any key with the word `birth` |
/// | `PERSON` | `name` (bare), `first_name`, `last_name`, `middle_name`, `given_name`, `family_name`, `full_name`, `surname`, `forename`, `maiden_name`, `nickname`, `display_name`, `username`, `<personal>_name` (`customer_name`, `caller_name`, `patient_name`...), `name_on_card`, `account_holder`, `cardholder` |
/// | `IBAN` | `iban`, `account_number`, `bank_account`, `routing_number`, `sort_code`, `bic`, `swift_code` |
/// | `STREET_ADDRESS` | `address` (and `home_address`, `billing_address`...; not `ip_address`, `mac_address`, `server_address`...), `street`, `street_name`, `street_address`, `address_line1`, `addr`, `zip`, `zipcode`, `postal_code`, `postcode` |
/// | `IP_ADDRESS` | `ip`, `ip_address`, `ipv4`, `ipv6`, `client_ip`, `remote_ip` |
/// | `SECRET` | `password`, `passwd`, `pwd`, `passcode`, `passphrase`, `pin`, `otp`, `token`, `access_token`, `api_key`, `secret`, `client_secret`, `private_key`, `authorization`, `auth`, `cookie`, `credentials`, `verification_code`, `pin_code` |
///
/// The last words decide: `tool_name`, `file_name`, `product_name`,
/// `company_name`, `voice_name`, `email_verified`, `phone_type`, `max_tokens`,
/// `token_count` do not match. A city, state or country alone is not matched (it
/// does not identify a person); `from` / `to` are not keys of their own (a phone
/// number or e-mail under them is caught by its shape).
pub fn key_entity(key: &str) -> Option<Entity> {
    key_rule(key).map(|(e, _)| e)
}

/// Whether a key of an agent config holds user identity: [`key_entity`] is
/// `Some`, or the key names the user record itself (`user`, `caller`,
/// `customer`, `user_id`, `auth_user_id`, `username`...), whose whole value
/// (often an object) identifies the user.
pub fn is_identity_key(key: &str) -> bool {
    if key_rule(key).is_some() {
        return true;
    }
    let w = words(key);
    let Some(last) = w.last().map(String::as_str) else {
        return false;
    };
    let prev = w.len().checked_sub(2).map(|i| w[i].as_str());
    matches!(last, "user" | "caller" | "customer" | "contact" | "owner")
        || (matches!(last, "id" | "uid")
            && matches!(prev, Some("user" | "caller" | "customer" | "contact")))
}

/// The entity and strength of a key, if any.
pub(crate) fn key_rule(key: &str) -> Option<(Entity, Strength)> {
    let w = words(key);
    let n = w.len();
    let last = w.last()?.as_str();
    let at = |back: usize| -> &str { n.checked_sub(back + 1).map_or("", |i| w[i].as_str()) };
    let prev = at(1);
    let strong = |e| Some((e, Strength::Strong));
    if w.iter()
        .any(|x| x == "birth" || x == "dob" || x == "birthday")
    {
        return strong(Entity::DateOfBirth);
    }
    if let Some(e) = email(last, prev) {
        return strong(e);
    }
    if let Some(e) = address(last, prev, at(2)) {
        return strong(e);
    }
    if let Some(e) = person(last, prev, at(2), &w) {
        return Some(e);
    }
    if let Some(e) = phone(last, prev) {
        return strong(e);
    }
    if let Some(e) = card(last, prev) {
        return strong(e);
    }
    if let Some(e) = ssn(last, prev) {
        return strong(e);
    }
    if let Some(e) = bank(last, prev) {
        return strong(e);
    }
    if let Some(e) = secret(last, prev) {
        return strong(e);
    }
    None
}

fn email(last: &str, prev: &str) -> Option<Entity> {
    let hit = match last {
        "email" | "emails" => true,
        "mail" => !matches!(prev, "voice" | "snail" | "junk" | "post"),
        "address" | "addr" | "id" => matches!(prev, "email" | "mail" | "e"),
        _ => false,
    };
    hit.then_some(Entity::Email)
}

fn address(last: &str, prev: &str, prev2: &str) -> Option<Entity> {
    match last {
        "ip" | "ipv4" | "ipv6" => return Some(Entity::IpAddress),
        "address" | "addr" | "addresses" if matches!(prev, "ip" | "ipv4" | "ipv6") => {
            return Some(Entity::IpAddress)
        }
        _ => {}
    }
    let hit = match last {
        "address" | "addr" | "addresses" => !matches!(
            prev,
            "mac"
                | "server"
                | "host"
                | "wallet"
                | "contract"
                | "memory"
                | "web"
                | "bind"
                | "listen"
                | "remote"
                | "local"
                | "proxy"
                | "socket"
                | "network"
                | "multicast"
                | "broadcast"
                | "url"
                | "base"
                | "bluetooth"
                | "hardware"
                | "gateway"
                | "node"
                | "peer"
        ),
        "street" | "zip" | "zipcode" | "postcode" | "postal" => true,
        "name" => prev == "street",
        "code" => matches!(prev, "zip" | "postal" | "post"),
        "line" => prev == "address" || prev == "street" || (prev == "addr" && prev2.is_empty()),
        _ => false,
    };
    hit.then_some(Entity::StreetAddress)
}

/// Modifiers of `name` that make it a person's name.
fn personal(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "last"
            | "given"
            | "family"
            | "middle"
            | "full"
            | "maiden"
            | "legal"
            | "display"
            | "nick"
            | "sur"
            | "fore"
            | "real"
            | "preferred"
            | "my"
            | "your"
            | "user"
            | "customer"
            | "caller"
            | "callee"
            | "client"
            | "contact"
            | "patient"
            | "guest"
            | "passenger"
            | "traveler"
            | "traveller"
            | "recipient"
            | "sender"
            | "person"
            | "member"
            | "owner"
            | "holder"
            | "cardholder"
            | "account"
            | "employee"
            | "student"
            | "driver"
            | "beneficiary"
            | "spouse"
            | "parent"
            | "child"
            | "guardian"
            | "emergency"
            | "applicant"
            | "subscriber"
            | "buyer"
            | "payer"
            | "payee"
            | "tenant"
            | "landlord"
            | "doctor"
            | "physician"
            | "attendee"
            | "visitor"
            | "candidate"
            | "signer"
            | "signatory"
            | "consignee"
            | "addressee"
            | "father"
            | "mother"
            | "husband"
            | "wife"
            | "partner"
            | "kin"
            | "human"
            | "people"
            | "reporter"
            | "requester"
            | "requestor"
            | "booker"
            | "lead"
            | "primary"
            | "secondary"
    )
}

fn person(last: &str, prev: &str, prev2: &str, w: &[String]) -> Option<(Entity, Strength)> {
    let p = Some((Entity::Person, Strength::Strong));
    match last {
        "name" | "names" => {
            if prev.is_empty() {
                return Some((Entity::Person, Strength::Weak));
            }
            // "customer_first_name", "contact_person_name"
            if personal(prev) || (prev == "person" && personal(prev2)) {
                return p;
            }
            None
        }
        "surname" | "forename" | "firstname" | "lastname" | "fullname" | "username"
        | "nickname" | "cardholder" | "signatory" => p,
        "holder" if matches!(prev, "account" | "card" | "policy") => p,
        // "name_on_card", "name_first"
        "card" | "account" if prev == "on" && prev2 == "name" => p,
        "first" | "last" | "given" | "family" | "full" | "middle"
            if prev == "name" && w.len() == 2 =>
        {
            p
        }
        _ => None,
    }
}

fn phone(last: &str, prev: &str) -> Option<Entity> {
    let hit = match last {
        "phone" | "phones" | "telephone" | "tel" | "mobile" | "fax" | "msisdn" | "landline"
        | "cellphone" | "whatsapp" => true,
        "number" | "num" | "no" | "nr" | "e164" => matches!(
            prev,
            "phone"
                | "telephone"
                | "tel"
                | "mobile"
                | "cell"
                | "fax"
                | "caller"
                | "callback"
                | "contact"
                | "from"
                | "to"
                | "home"
                | "work"
                | "office"
                | "sms"
                | "whatsapp"
                | "dialed"
                | "dialled"
                | "destination"
        ),
        "id" => prev == "caller",
        _ => false,
    };
    hit.then_some(Entity::Phone)
}

fn card(last: &str, prev: &str) -> Option<Entity> {
    let hit = match last {
        "card" => matches!(
            prev,
            "" | "credit" | "debit" | "payment" | "bank" | "charge"
        ),
        "cc" | "pan" | "cvv" | "cvv2" | "cvc" | "cvc2" | "csc" | "expiry" => true,
        "number" | "num" | "no" => matches!(prev, "card" | "cc" | "pan"),
        "code" => matches!(prev, "security" | "cvv" | "cvc"),
        "date" => matches!(prev, "expiry" | "exp"),
        "exp" | "expiration" => prev == "card",
        _ => false,
    };
    hit.then_some(Entity::CreditCard)
}

fn ssn(last: &str, prev: &str) -> Option<Entity> {
    let hit = match last {
        "ssn" | "ssns" => true,
        "social" => prev.is_empty(),
        "security" => prev == "social",
        "number" | "num" | "no" => prev == "security" || prev == "ssn",
        _ => false,
    };
    hit.then_some(Entity::UsSsn)
}

fn bank(last: &str, prev: &str) -> Option<Entity> {
    let hit = match last {
        "iban" | "bic" => true,
        "number" | "num" | "no" | "nr" => {
            matches!(prev, "account" | "acct" | "routing" | "iban" | "aba")
        }
        "account" => prev == "bank",
        "code" => matches!(prev, "sort" | "swift" | "bic"),
        "routing" => true,
        _ => false,
    };
    hit.then_some(Entity::Iban)
}

fn secret(last: &str, prev: &str) -> Option<Entity> {
    let hit = match last {
        "password" | "passwd" | "pwd" | "passcode" | "passphrase" | "pin" | "otp" | "secret"
        | "authorization" | "auth" | "cookie" | "credentials" | "credential" | "apikey"
        | "bearer" | "jwt" => true,
        "token" => !matches!(
            prev,
            "max" | "num" | "next" | "page" | "continuation" | "cursor"
        ),
        "key" => matches!(
            prev,
            "api" | "secret" | "private" | "access" | "signing" | "encryption" | "auth" | "license"
        ),
        "code" => matches!(prev, "pin" | "otp" | "verification" | "auth" | "one"),
        "word" => prev == "pass",
        _ => false,
    };
    hit.then_some(Entity::Secret)
}

/// Keys whose numbers are counts, ids, times or amounts: a number under them is
/// never read as a phone, card or SSN by its shape alone.
pub(crate) fn numeric_key(key: &str) -> bool {
    let w = words(key);
    let Some(last) = w.last().map(String::as_str) else {
        return false;
    };
    w.iter().any(|x| {
        matches!(
            x.as_str(),
            "order" | "invoice" | "tracking" | "transaction" | "confirmation" | "ticket" | "sku"
        )
    }) || matches!(
        last,
        "id" | "ids"
            | "uuid"
            | "count"
            | "total"
            | "amount"
            | "price"
            | "cost"
            | "qty"
            | "quantity"
            | "size"
            | "length"
            | "len"
            | "bytes"
            | "ms"
            | "millis"
            | "seconds"
            | "secs"
            | "duration"
            | "timestamp"
            | "ts"
            | "time"
            | "epoch"
            | "version"
            | "seq"
            | "sequence"
            | "index"
            | "idx"
            | "offset"
            | "limit"
            | "page"
            | "tokens"
            | "at"
            | "latency"
            | "elapsed"
            | "nanos"
            | "ns"
            | "us"
            | "balance"
            | "cents"
            | "year"
            | "revision"
            | "hash"
            | "checksum"
            | "crc"
            | "seed"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_styles() {
        assert_eq!(words("emailAddress"), ["email", "address"]);
        assert_eq!(words("customerEmail"), ["customer", "email"]);
        assert_eq!(words("e-mail"), ["e", "mail"]);
        assert_eq!(words("IPAddress"), ["ip", "address"]);
        assert_eq!(words("address_line1"), ["address", "line"]);
        assert_eq!(words("FIRST_NAME"), ["first", "name"]);
        assert_eq!(words("firstname"), ["first", "name"]);
        assert_eq!(words("zipcode"), ["zip", "code"]);
        assert_eq!(words("dateOfBirth"), ["date", "of", "birth"]);
        assert_eq!(words("surname"), ["surname"]);
        assert_eq!(words("toolname"), ["tool", "name"]);
    }
}
