#!/usr/bin/env python3
"""Validates SARIF files against the SARIF 2.1.0 schema beside this script.

Exit 0 = valid, 1 = invalid (errors printed), 3 = jsonschema is not installed.
"""
import json, os, sys

try:
    import jsonschema
except ImportError:
    print("jsonschema not installed")
    sys.exit(3)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "sarif-schema-2.1.0.json")) as f:
    schema = json.load(f)
validator = jsonschema.Draft4Validator(schema)
bad = 0
for path in sys.argv[1:]:
    with open(path) as f:
        log = json.load(f)
    for error in sorted(validator.iter_errors(log), key=lambda e: list(e.path)):
        bad += 1
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
sys.exit(1 if bad else 0)
