#!/usr/bin/env node
// Runs the npm package compromise (version pinned in package-lock.json) over the
// exported corpora and writes the spans it would mask, for score.py.
//
// Matches used, mapped to our types: .people() -> PERSON, .places() ->
// STREET_ADDRESS (compromise has no address finder; a place is the nearest),
// .emails() -> EMAIL, .phoneNumbers() -> PHONE. compromise has nothing for cards,
// SSNs, IBANs, IPs, secrets; dates need the separate compromise-dates plugin and
// would be any date, not a date of birth, so they are not used.
//
// Spans run from the first term's start to the last term's end (term offsets: the
// match-level offset of compromise 14 also counts trailing punctuation and is
// shifted after quotes). compromise counts UTF-16 code units; they are converted
// to Unicode scalar values, the unit of the gold files.
//
// Usage: node compromise_run.js DIR CORPUS...
// Writes DIR/CORPUS.compromise.jsonl (all four matches) and
// DIR/CORPUS.compromise-noplaces.jsonl (without .places(): any city or country is
// masked as a place, which costs precision on texts that only mention places).
'use strict';

const fs = require('fs');
const nlp = require('compromise');

const MATCHES = [
  ['people', 'PERSON'],
  ['places', 'STREET_ADDRESS'],
  ['emails', 'EMAIL'],
  ['phoneNumbers', 'PHONE'],
];

// UTF-16 index -> code point index, for every index 0..=text.length.
function codePointIndex(text) {
  const map = new Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 === text.length) cp++;
  }
  map[text.length] = cp;
  return map;
}

function spans(text) {
  const doc = nlp(text);
  const cpi = codePointIndex(text);
  const out = [];
  for (const [method, type] of MATCHES) {
    for (const m of doc[method]().json({ offset: true, terms: { offset: true } })) {
      if (!m.terms || m.terms.length === 0) continue;
      const first = m.terms[0].offset;
      const last = m.terms[m.terms.length - 1].offset;
      const start = cpi[first.start];
      const end = cpi[last.start + last.length];
      if (end > start) out.push({ start, end, type });
    }
  }
  return out;
}

function main() {
  const [dir, ...corpora] = process.argv.slice(2);
  if (!dir || corpora.length === 0) {
    console.error('usage: node compromise_run.js DIR CORPUS...');
    process.exit(2);
  }
  spans('warm up: call John Smith at 415-555-0134');
  let allBytes = 0;
  let allSecs = 0;
  for (const corpus of corpora) {
    const lines = fs
      .readFileSync(`${dir}/${corpus}.gold.jsonl`, 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const rows = [];
    const noPlaces = [];
    let bytes = 0;
    let secs = 0;
    for (const line of lines) {
      const g = JSON.parse(line);
      bytes += Buffer.byteLength(g.text, 'utf8');
      const t = process.hrtime.bigint();
      const s = spans(g.text);
      secs += Number(process.hrtime.bigint() - t) / 1e9;
      rows.push(JSON.stringify({ id: g.id, spans: s }));
      noPlaces.push(JSON.stringify({ id: g.id, spans: s.filter((x) => x.type !== 'STREET_ADDRESS') }));
    }
    fs.writeFileSync(`${dir}/${corpus}.compromise.jsonl`, rows.join('\n') + '\n');
    fs.writeFileSync(`${dir}/${corpus}.compromise-noplaces.jsonl`, noPlaces.join('\n') + '\n');
    allBytes += bytes;
    allSecs += secs;
    console.log(`${corpus}: ${bytes} bytes in ${secs.toFixed(1)} s, ${(bytes / 1e6 / secs).toFixed(3)} MB/s`);
  }
  console.log(`all: ${allBytes} bytes in ${allSecs.toFixed(1)} s, ${(allBytes / 1e6 / allSecs).toFixed(3)} MB/s`);
}

main();
