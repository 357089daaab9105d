// realtime-store session browser. Plain JS, no dependencies, no innerHTML with data:
// every stored string goes into the page as a text node.
"use strict";

const TOKEN_KEY = "realtime-store-token";
const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);

// ---------- DOM helpers (text only) ----------
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// Redaction placeholders such as [EMAIL] or [PHONE:7f3a9c], highlighted.
const PLACEHOLDER = /\[[A-Z][A-Z_]*(?::[0-9a-f]+)?\]/g;
function highlighted(text) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of String(text).matchAll(PLACEHOLDER)) {
    if (m.index > last) frag.append(document.createTextNode(text.slice(last, m.index)));
    frag.append(el("mark", { class: "pii", title: "redacted before storage", text: m[0] }));
    last = m.index + m[0].length;
  }
  if (last < text.length) frag.append(document.createTextNode(text.slice(last)));
  return frag;
}

function fmtTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toLocaleString();
}

function clock(iso) {
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

function badge(node, value) {
  node.textContent = value;
  node.className = "badge " + value;
}

function toast(msg) {
  const t = $("toast");
  t.textContent = msg;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 3000);
}

// ---------- API ----------
class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || ("HTTP " + status));
    this.status = status;
    this.code = body && body.error && body.error.code;
  }
}

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) opts.headers["Authorization"] = "Bearer " + token;
  const res = await fetch(path, opts);
  if (res.status === 401) {
    showLogin("The token was refused.");
    throw new ApiError(401, null);
  }
  if (res.status === 204) return null;
  const body = res.headers.get("content-type")?.startsWith("application/json") ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

// ---------- views ----------
function show(id) {
  for (const s of ["login", "list", "session"]) $(s).hidden = s !== id;
  $("logout").hidden = !sessionStorage.getItem(TOKEN_KEY);
}

function showLogin(message) {
  show("login");
  $("login-error").textContent = message || "";
  $("token").focus();
}

const listState = { cursors: [null], index: 0 };

function filterQuery() {
  const f = new FormData($("filters"));
  const q = new URLSearchParams();
  for (const [k, v] of f.entries()) {
    if (!v) continue;
    if (k === "started_after" || k === "started_before") {
      const d = new Date(v);
      if (!isNaN(d)) q.set(k, d.toISOString());
    } else {
      q.set(k, String(v).trim());
    }
  }
  return q;
}

async function renderList() {
  show("list");
  $("list-error").textContent = "";
  const q = filterQuery();
  q.set("limit", String(PAGE_SIZE));
  const cursor = listState.cursors[listState.index];
  if (cursor) q.set("cursor", cursor);
  let page;
  try {
    page = await api("/v1/sessions?" + q.toString());
  } catch (e) {
    if (e.status !== 401) $("list-error").textContent = e.message;
    return;
  }
  const tbody = $("sessions").querySelector("tbody");
  clear(tbody);
  for (const s of page.items) {
    const open = () => { location.hash = "#/s/" + encodeURIComponent(s.id); };
    const link = el("a", { href: "#/s/" + encodeURIComponent(s.id), text: s.id });
    tbody.append(el("tr", { onclick: open, "data-session": s.id },
      el("td", {}, link),
      el("td", { text: s.user_id || "—" }),
      el("td", {}, el("time", { datetime: s.started_at, text: fmtTime(s.started_at) })),
      el("td", { text: [s.voice, s.persona].filter(Boolean).join(" / ") || "—" }),
      el("td", {}, el("span", { class: "badge " + s.consent, text: s.consent })),
      el("td", {}, el("span", { class: "badge " + s.status, text: s.status }))));
  }
  $("empty").hidden = page.items.length > 0;
  listState.cursors[listState.index + 1] = page.next_cursor || null;
  $("prev").disabled = listState.index === 0;
  $("next").disabled = !page.next_cursor;
  $("page-no").textContent = "page " + (listState.index + 1);
}

async function allPages(path) {
  const items = [];
  let cursor = null;
  do {
    const page = await api(path + "?limit=1000" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

async function optional(promise) {
  try { return await promise; } catch (e) { if (e.status === 404) return null; throw e; }
}

let current = null;

async function renderSession(id) {
  show("session");
  $("s-error").textContent = "";
  const base = "/v1/sessions/" + encodeURIComponent(id);
  let s, transcripts, tools, summary, usage;
  try {
    s = await api(base);
    [transcripts, tools, summary, usage] = await Promise.all([
      allPages(base + "/transcripts"),
      allPages(base + "/tool-events"),
      optional(api(base + "/summary")),
      api(base + "/usage"),
    ]);
  } catch (e) {
    if (e.status === 404) { $("s-title").textContent = id; $("s-error").textContent = "This session is not stored (or no longer)."; }
    else if (e.status !== 401) $("s-error").textContent = e.message;
    clear($("timeline")); clear($("tools")); clear($("s-meta"));
    current = null;
    return;
  }
  current = s;
  $("s-title").textContent = s.id;
  badge($("s-consent"), s.consent);
  badge($("s-status"), s.status);
  $("erase-user").disabled = !s.user_id;

  const meta = $("s-meta");
  clear(meta);
  const row = (k, v) => { if (v !== null && v !== undefined && v !== "") meta.append(el("dt", { text: k }), el("dd", { text: v })); };
  row("User", s.user_id);
  row("Started", fmtTime(s.started_at));
  row("Ended", fmtTime(s.ended_at));
  row("Voice", s.voice);
  row("Persona", s.persona);
  row("Provider session", s.provider_session_id);
  for (const [k, v] of Object.entries(s.timings || {})) row(k.replace(/_/g, " "), fmtTime(v));

  const tl = $("timeline");
  clear(tl);
  for (const seg of transcripts) {
    tl.append(el("li", { class: seg.role, "data-seq": seg.seq },
      el("span", { class: "who", text: seg.role }),
      el("time", { datetime: seg.started_at, text: clock(seg.started_at) }),
      el("div", { class: "text" }, highlighted(seg.text))));
  }
  $("no-transcript").hidden = transcripts.length > 0;

  const sum = $("summary");
  clear(sum);
  if (summary) {
    sum.append(el("p", { class: "text" }, highlighted(summary.text)));
    if (summary.key_points.length) {
      const ul = el("ul", { class: "key-points" });
      for (const k of summary.key_points) ul.append(el("li", {}, highlighted(k)));
      sum.append(el("h3", { text: "Key points" }), ul);
    }
    sum.append(el("p", { class: "muted", text: "version " + summary.version + " · " + fmtTime(summary.at) }));
  } else {
    sum.append(el("p", { class: "muted", text: "No summary." }));
  }

  const ub = $("usage").querySelector("tbody");
  clear(ub);
  for (const [kind, total] of Object.entries(usage.totals)) {
    ub.append(el("tr", {}, el("th", { text: kind }), el("td", { text: Number(total).toLocaleString() })));
  }
  $("no-usage").hidden = Object.keys(usage.totals).length > 0;

  const tb = $("tools");
  clear(tb);
  for (const t of tools) {
    tb.append(el("div", { class: "tool" },
      el("h3", {}, t.name + " ", el("span", { class: "badge " + t.status, text: t.status })),
      el("p", { class: "muted", text: clock(t.at) + (t.duration_ms != null ? " · " + t.duration_ms + " ms" : "") + (t.call_id ? " · " + t.call_id : "") }),
      el("div", { class: "muted", text: "arguments" }),
      el("pre", { class: "args" }, highlighted(JSON.stringify(t.args, null, 2))),
      el("div", { class: "muted", text: "result" }),
      el("pre", { class: "result" }, highlighted(t.result === null || t.result === undefined ? "—" : JSON.stringify(t.result, null, 2)))));
  }
  $("no-tools").hidden = tools.length > 0;
}

// ---------- actions ----------
function confirmDialog(title, text) {
  const d = $("confirm");
  $("confirm-title").textContent = title;
  $("confirm-text").textContent = text;
  return new Promise((resolve) => {
    d.addEventListener("close", () => resolve(d.returnValue === "ok"), { once: true });
    d.returnValue = "cancel";
    d.showModal();
  });
}

async function download(format) {
  if (!current) return;
  const token = sessionStorage.getItem(TOKEN_KEY);
  const res = await fetch("/v1/sessions/" + encodeURIComponent(current.id) + "/export?format=" + format,
    { headers: token ? { Authorization: "Bearer " + token } : {} });
  if (!res.ok) { $("s-error").textContent = "Export failed (HTTP " + res.status + ")"; return; }
  const blob = await res.blob();
  const a = el("a", { href: URL.createObjectURL(blob), download: current.id + (format === "vcon" ? ".vcon.json" : ".json") });
  document.body.append(a);
  a.click();
  a.remove();
  toast("Exported " + current.id + " as " + format);
}

async function deleteSession() {
  if (!current) return;
  const ok = await confirmDialog("Delete session?", "Session " + current.id + " and its transcript, tool calls, summary and usage will be deleted. This cannot be undone.");
  if (!ok) return;
  try {
    await api("/v1/sessions/" + encodeURIComponent(current.id), { method: "DELETE" });
    toast("Deleted session " + current.id);
    location.hash = "#/";
  } catch (e) { $("s-error").textContent = e.message; }
}

async function eraseUser() {
  if (!current || !current.user_id) return;
  const user = current.user_id;
  const ok = await confirmDialog("Erase user?", "User " + user + " and every session of theirs will be erased. This cannot be undone.");
  if (!ok) return;
  try {
    const c = await api("/v1/users/" + encodeURIComponent(user), { method: "DELETE" });
    toast("Erased user " + user + ": " + c.sessions + " sessions, " + c.transcripts + " transcript segments");
    location.hash = "#/";
  } catch (e) { $("s-error").textContent = e.message; }
}

async function health() {
  try {
    const res = await fetch("/healthz");
    const h = await res.json();
    badge($("health"), h.status);
    $("health").title = h.backend + (h.spool_depth ? " · spool " + h.spool_depth : "");
  } catch (_) {
    badge($("health"), "unavailable");
  }
}

// ---------- routing ----------
function route() {
  const m = location.hash.match(/^#\/s\/(.+)$/);
  if (m) renderSession(decodeURIComponent(m[1]));
  else renderList();
}

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    $("token").value = "";
    route();
  });
  $("logout").addEventListener("click", () => { sessionStorage.removeItem(TOKEN_KEY); showLogin(""); });
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); listState.cursors = [null]; listState.index = 0; renderList(); });
  $("filters").addEventListener("reset", () => { setTimeout(() => { listState.cursors = [null]; listState.index = 0; renderList(); }); });
  $("prev").addEventListener("click", () => { if (listState.index > 0) { listState.index--; renderList(); } });
  $("next").addEventListener("click", () => { if (listState.cursors[listState.index + 1]) { listState.index++; renderList(); } });
  $("export-vcon").addEventListener("click", () => download("vcon"));
  $("export-json").addEventListener("click", () => download("json"));
  $("delete-session").addEventListener("click", deleteSession);
  $("erase-user").addEventListener("click", eraseUser);
  window.addEventListener("hashchange", route);
  health();
  route();
});
