//! Database URLs as they may be shown: passwords masked.

/// A database URL with every secret masked: the password of the user-info part
/// (`postgres://user:***@host/db`) and the values of query parameters that carry
/// secrets (`password`, `sslpassword`, `passfile`, `token`, `secret`...). Safe for
/// logs and error messages.
///
/// ```
/// use realtime_store::mask_url;
/// assert_eq!(mask_url("postgres://u:pw@h/db"), "postgres://u:***@h/db");
/// assert_eq!(
///     mask_url("postgres://h/db?user=u&password=pw&sslmode=disable"),
///     "postgres://h/db?user=u&password=***&sslmode=disable"
/// );
/// ```
pub fn mask_url(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let mut out = match (base.find("://"), base.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &base[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &base[..s + 3], &base[at..]),
                None => base.to_owned(),
            }
        }
        _ => base.to_owned(),
    };
    if let Some(q) = query {
        let masked: Vec<String> = q
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) if is_secret_key(k) => format!("{k}=***"),
                _ => pair.to_owned(),
            })
            .collect();
        out.push('?');
        out.push_str(&masked.join("&"));
    }
    out
}

fn is_secret_key(k: &str) -> bool {
    let k = k.to_ascii_lowercase();
    ["password", "pass", "secret", "token", "key", "auth"]
        .iter()
        .any(|s| k.contains(s))
        && k != "sslkey_path"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_survive() {
        for (url, secret) in [
            ("postgres://u:hunter2@h:5432/db", "hunter2"),
            ("postgresql://h/db?password=hunter2", "hunter2"),
            ("postgres://h/db?sslpassword=hunter2&x=1", "hunter2"),
            ("postgres://u:a%40b@h/db?password=c", "a%40b"),
            ("postgres://u:p@ss@h/db", "p@ss"),
        ] {
            let m = mask_url(url);
            assert!(!m.contains(secret), "{m}");
        }
        assert_eq!(mask_url("sqlite://x.db"), "sqlite://x.db");
        assert_eq!(
            mask_url("postgres://u@h/db?schema=s"),
            "postgres://u@h/db?schema=s"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,100}") {
            let _ = mask_url(&s);
        }
    }
}
