#!/usr/bin/env python3
"""Validate api/examples/* against the component schemas named in the manifest.

    python3 tools/validate_examples.py

Supports the subset of OpenAPI 3.0 schemas we use: $ref, type, required, properties,
items, enum, pattern, nullable, minimum/maximum, minItems.
"""
import json
import os
import re
import sys

import yaml

SPEC = "api/openapi.yaml"
EXAMPLES = "api/examples"
TYPES = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float), "boolean": bool}


def resolve(spec, schema):
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = spec["components"]["schemas"][name]
    return schema


def validate(spec, schema, value, path, errors):
    schema = resolve(spec, schema)
    if value is None:
        if not schema.get("nullable"):
            errors.append(f"{path}: null is not allowed")
        return
    kind = schema.get("type")
    if kind and (not isinstance(value, TYPES[kind]) or (kind in ("integer", "number") and isinstance(value, bool))):
        errors.append(f"{path}: expected {kind}, got {type(value).__name__}")
        return
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in {schema['enum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{path}: below minimum")
    if kind == "object":
        for req in schema.get("required", []):
            if req not in value:
                errors.append(f"{path}: missing required property {req!r}")
        props = schema.get("properties", {})
        for k, v in value.items():
            if k in props:
                validate(spec, props[k], v, f"{path}.{k}", errors)
            else:
                errors.append(f"{path}: unknown property {k!r}")
    if kind == "array":
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{path}: fewer than {schema['minItems']} items")
        for i, item in enumerate(value):
            validate(spec, schema.get("items", {}), item, f"{path}[{i}]", errors)


def main():
    spec = yaml.safe_load(open(SPEC, encoding="utf-8"))
    manifest = yaml.safe_load(open(os.path.join(EXAMPLES, "manifest.yaml"), encoding="utf-8"))
    failed = 0
    for entry in manifest["examples"]:
        value = json.load(open(os.path.join(EXAMPLES, entry["file"]), encoding="utf-8"))
        errors = []
        validate(spec, {"$ref": f"#/components/schemas/{entry['schema']}"}, value, entry["file"], errors)
        for e in errors:
            print(e)
        failed += bool(errors)
        print(f"{'FAIL' if errors else 'ok  '} {entry['file']} ({entry['schema']})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
