#pragma once
// Validates JSON payloads against the project's JSON Schemas (schemas/*.json) with a
// real validator: Debian's python3-jsonschema (Draft202012Validator), run through
// tests/support/validate_json.py. Not a hand-rolled subset.

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hallyu::testing {

// Success when every document in `docs` (one JSON text each) validates against
// `schema_file` (relative to the source tree, e.g. "schemas/casting.json"); else
// a failure carrying the validator's messages.
::testing::AssertionResult ValidatesAgainstSchema(const std::string& schema_file,
                                                  const std::vector<std::string>& docs);

}  // namespace hallyu::testing
