#!/usr/bin/python3
"""Validates JSON documents against a JSON Schema (draft 2020-12) with Debian's
python3-jsonschema (Draft202012Validator). Used by the integration tests.

usage: validate_json.py SCHEMA.json DOCS.ndjson   (one JSON document per line)
Exit 0 when every line validates; 1 and one line per error on stdout otherwise.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    bad = 0
    with open(sys.argv[2], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            for err in validator.iter_errors(json.loads(line)):
                bad += 1
                path = "/".join(str(p) for p in err.absolute_path)
                print(f"line {n}: /{path}: {err.message}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
