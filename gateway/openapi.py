"""One OpenAPI document for the whole product, merged from every service's own."""

from __future__ import annotations

import json
from typing import Any


def merge_openapi(docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Prefix every path with /api and merge components; clashing schema names get the service name."""
    merged: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Outbound CRM API", "version": "0.1.0",
                 "description": "Every service behind the gateway. Errors are application/problem+json."},
        "paths": {},
        "components": {"schemas": {}, "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}},
        "security": [{"bearer": []}],
    }
    schemas: dict[str, Any] = merged["components"]["schemas"]
    for service in sorted(docs):
        doc = docs[service]
        renames: dict[str, str] = {}
        for name, schema in doc.get("components", {}).get("schemas", {}).items():
            if name in schemas and schemas[name] != schema:
                renames[name] = f"{service}_{name}"
        text = json.dumps(doc)
        for old, new in renames.items():
            text = text.replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
        doc = json.loads(text)
        for name, schema in doc.get("components", {}).get("schemas", {}).items():
            schemas[renames.get(name, name)] = schema
        for path, item in doc.get("paths", {}).items():
            merged["paths"]["/api" + path] = item
    merged["paths"] = dict(sorted(merged["paths"].items()))
    merged["components"]["schemas"] = dict(sorted(schemas.items()))
    return merged
