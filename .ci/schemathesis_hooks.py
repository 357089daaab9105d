"""Schemathesis hooks for realtime-store: NDJSON bodies of POST /v1/ingest.

A request body of `application/x-ndjson` is written as one JSON line per
generated object (an array becomes several lines); an answer is read as the
array of its lines, which is what the OpenAPI document describes.
"""
import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson_serializer(ctx, value):
    items = value if isinstance(value, list) else [value]
    return "".join(json.dumps(v) + "\n" for v in items).encode("utf-8")


@schemathesis.deserializer("application/x-ndjson")
def ndjson_deserializer(ctx, response):
    text = response.content.decode("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
