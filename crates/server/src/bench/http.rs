//! `bench --url`: the workload driven through a running `realtime-store serve`
//! over HTTP/1.1 with keep-alive connections (one pooled client; each live slot
//! reuses a connection), the same calls and the same closed loop as in process.

use anyhow::Context;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use hyper::{Method, Request, StatusCode};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use realtime_store::{Event, PageRequest, SessionEvent, SessionMeta, WriteOutcome};
use serde_json::Value;

use super::target::Target;

/// A running service.
#[derive(Debug)]
pub(crate) struct HttpTarget {
    client: Client<HttpConnector, Full<Bytes>>,
    base: String,
    auth: Option<HeaderValue>,
}

/// Percent-encodes a path segment or query value (session ids and cursors are
/// mostly safe already; anything else is escaped).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl HttpTarget {
    /// A client for the service at `url` (`http://host:port`, no TLS), with the
    /// bearer `token` when the service requires one.
    pub(crate) fn new(url: &str, token: Option<&str>) -> anyhow::Result<HttpTarget> {
        let base = url.trim_end_matches('/').to_owned();
        anyhow::ensure!(
            base.starts_with("http://"),
            "--url must start with http:// (bench speaks plain HTTP/1.1 to a local service)"
        );
        let _: hyper::Uri = base.parse().context("--url is not a valid URL")?;
        let auth = token
            .map(|t| HeaderValue::from_str(&format!("Bearer {t}")))
            .transpose()
            .map_err(|_| anyhow::anyhow!("the token has characters a header cannot carry"))?;
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let client = Client::builder(TokioExecutor::new())
            .pool_max_idle_per_host(1024)
            .build(connector);
        Ok(HttpTarget { client, base, auth })
    }

    /// Sends one request and answers its status and body.
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        content_type: &'static str,
        body: Bytes,
    ) -> anyhow::Result<(StatusCode, Bytes)> {
        let mut req = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        if !body.is_empty() {
            req = req.header(CONTENT_TYPE, content_type);
        }
        if let Some(a) = &self.auth {
            req = req.header(AUTHORIZATION, a.clone());
        }
        let req = req.body(Full::new(body)).context("building a request")?;
        let res = self
            .client
            .request(req)
            .await
            .with_context(|| format!("sending a request to {}", self.base))?;
        let status = res.status();
        let body = res
            .into_body()
            .collect()
            .await
            .context("reading an answer")?
            .to_bytes();
        Ok((status, body))
    }

    /// Sends one request and answers its body; a status other than 2xx is an
    /// error naming the route, the status and the error code.
    async fn send(
        &self,
        method: Method,
        path: &str,
        content_type: &'static str,
        body: Bytes,
    ) -> anyhow::Result<Bytes> {
        let (status, body) = self.exchange(method, path, content_type, body).await?;
        if !status.is_success() {
            let code = serde_json::from_slice::<Value>(&body)
                .ok()
                .and_then(|v| v["error"]["code"].as_str().map(str::to_owned))
                .unwrap_or_default();
            let route = path.split('?').next().unwrap_or(path);
            anyhow::bail!(
                "{route}: the service answered {status}{}",
                if code.is_empty() {
                    String::new()
                } else {
                    format!(" ({code})")
                }
            );
        }
        Ok(body)
    }

    /// The service's peak resident memory, from its `/metrics`.
    pub(crate) async fn peak_rss(&self) -> Option<u64> {
        let body = self
            .send(Method::GET, "/metrics", "", Bytes::new())
            .await
            .ok()?;
        let text = String::from_utf8_lossy(&body);
        let line = text
            .lines()
            .find(|l| l.starts_with("realtime_store_process_peak_resident_memory_bytes "))?;
        line.split_whitespace()
            .nth(1)?
            .parse::<f64>()
            .ok()
            .map(|v| v as u64)
    }
}

fn outcome(body: &[u8]) -> anyhow::Result<WriteOutcome> {
    serde_json::from_slice(body).context("the service's answer is not an outcome")
}

impl Target for HttpTarget {
    async fn save_meta(&self, meta: &SessionMeta) -> anyhow::Result<()> {
        let path = format!("/v1/sessions/{}", escape(&meta.session_id));
        let body = serde_json::to_vec(meta)?;
        self.send(Method::PUT, &path, "application/json", body.into())
            .await?;
        Ok(())
    }

    async fn append(
        &self,
        session_id: &str,
        event: &Event,
        naive: bool,
    ) -> anyhow::Result<WriteOutcome> {
        anyhow::ensure!(!naive, "the naive path runs in process only");
        let id = escape(session_id);
        let (route, body) = match event {
            Event::Transcript(s) => ("transcripts", serde_json::to_vec(s)?),
            Event::ToolEvent(t) => ("tool-events", serde_json::to_vec(t)?),
            Event::Summary(s) => ("summary", serde_json::to_vec(s)?),
            Event::Usage(u) => ("usage", serde_json::to_vec(u)?),
        };
        let path = format!("/v1/sessions/{id}/{route}");
        let res = self
            .send(Method::POST, &path, "application/json", body.into())
            .await?;
        outcome(&res)
    }

    async fn transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> anyhow::Result<(u64, Option<String>)> {
        let mut path = format!("/v1/sessions/{}/transcripts", escape(session_id));
        if let Some(c) = &page.cursor {
            path.push_str(&format!("?cursor={}", escape(c)));
        }
        let (status, res) = self.exchange(Method::GET, &path, "", Bytes::new()).await?;
        if status == StatusCode::NOT_FOUND && page.cursor.is_none() {
            // A call that was never stored (consent not given): nothing to read,
            // as in process.
            return Ok((0, None));
        }
        anyhow::ensure!(
            status.is_success(),
            "reading a transcript: the service answered {status}"
        );
        let v: Value = serde_json::from_slice(&res).context("a transcript page")?;
        let rows = v["items"].as_array().map_or(0, Vec::len) as u64;
        let next = v["next_cursor"].as_str().map(str::to_owned);
        Ok((rows, next))
    }

    async fn ingest(&self, batch: Vec<SessionEvent>) -> anyhow::Result<u64> {
        let mut body = Vec::with_capacity(batch.len() * 256);
        for e in &batch {
            serde_json::to_writer(&mut body, e)?;
            body.push(b'\n');
        }
        let res = self
            .send(
                Method::POST,
                "/v1/ingest",
                "application/x-ndjson",
                body.into(),
            )
            .await?;
        let mut persisted = 0;
        for line in res.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            let v: Value = serde_json::from_slice(line).context("an ingest result line")?;
            persisted += u64::from(v["outcome"] == "persisted");
        }
        Ok(persisted)
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_keeps_safe_bytes_and_escapes_the_rest() {
        assert_eq!(escape("bench1-a.b_c~"), "bench1-a.b_c~");
        assert_eq!(escape("a/b c:é"), "a%2Fb%20c%3A%C3%A9");
    }

    #[test]
    fn only_plain_http_is_accepted() {
        assert!(super::HttpTarget::new("https://example.com", None).is_err());
        assert!(super::HttpTarget::new("http://127.0.0.1:1", Some("t")).is_ok());
    }
}
