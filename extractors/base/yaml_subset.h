#pragma once
// A small, fast reader for the YAML subset the gazetteer files are written in, into a light
// tree; anything outside the subset is handed to yaml-cpp and its result converted into the
// same tree, so callers see one shape whichever reader ran.
//
// The subset (everything else is "not in the subset"):
//   - comments: '#' at the start of a line or after a space, outside quotes;
//   - a block map at column 0 of `key:` / `key: value` lines; block maps nest by indentation
//     (spaces only), e.g. the keys of a block-sequence item;
//   - block sequences of `- item` lines under a `key:` (indented, or at the key's column);
//     an item is a flow collection, a scalar, `key: value` lines starting on the dash line,
//     or a deeper block node on the following lines;
//   - flow sequences `[a, 'b c', "d"]` and flow maps `{k: v, k: [a, b]}` on one line;
//   - plain scalars (one line), 'single' ('' for a quote) and "double" quoted scalars
//     (escapes \" \\ \/ \n \t \uXXXX), empty values (null), plain ~ / null / Null / NULL (null).
// Out of the subset (the caller then falls back to yaml-cpp): anchors, aliases, tags, block
// scalars (| >), multi-line plain or quoted scalars, flow collections spanning lines, tabs,
// directives and document markers, duplicate keys, complex (?) keys, a byte-order mark,
// control characters, invalid UTF-8, and anything whose meaning could differ between YAML
// readers (a plain scalar starting with an indicator, ':' or '?' in a flow plain scalar, ...).
//
// Limits (outside them the text is "not in the subset"): nesting depth 16, 16 KiB per line,
// 64 MiB per text, 1,000,000 nodes per text. The yaml-cpp conversion keeps the same depth and
// node limits and fails (a kParse error) past them.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu::yaml_subset {

inline constexpr int kMaxDepth = 16;
inline constexpr size_t kMaxLineBytes = 16 * 1024;
inline constexpr size_t kMaxTextBytes = 64u * 1024 * 1024;
inline constexpr size_t kMaxNodes = 1'000'000;

enum class Kind { kNull, kScalar, kSequence, kMap };

// One node of the light tree. Plain data; compare with ==.
struct Node {
  Kind kind = Kind::kNull;
  int line = 0;                                // 1-based source line, 0 when unknown
  std::string text;                            // kScalar: the scalar's value (quotes resolved)
  std::vector<Node> items;                     // kSequence: the items, in order
  std::vector<std::pair<Node, Node>> entries;  // kMap: (key, value) pairs, in source order

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsMap() const { return kind == Kind::kMap; }
  // The value of the first entry whose key is the scalar `key`; nullptr when there is none or
  // this is not a map. (A null key matches "null", as yaml-cpp's lookup does.)
  const Node* Find(std::string_view key) const;
  // A key as text: the scalar's text, "null" for a null key, "" for a collection key.
  std::string_view KeyText() const;

  friend bool operator==(const Node&, const Node&) = default;
};

// Either a tree or why the text is not in the subset.
struct SubsetResult {
  Node root;           // the document; kNull for an empty one (only comments / blank lines)
  std::string reason;  // empty on success, else "line N: <what is outside the subset>"
  int line = 0;        // the line `reason` is about (1-based), 0 when the whole text

  bool ok() const { return reason.empty(); }
};

// Reads `text` when it lies wholly in the subset. Never throws; on anything outside the subset
// (see above), including text that is not YAML at all, returns a result with `reason` set and
// no tree. A text in the subset reads to the same tree yaml-cpp gives (ConvertWithYamlCpp).
SubsetResult ParseSubset(std::string_view text);

// Reads `text` with yaml-cpp and converts the document into the light tree (node lines from
// yaml-cpp's marks; a null map value without a mark takes its key's line). Fails with kParse
// "<file>: YAML: <yaml-cpp message>" on bad YAML, "<file>: YAML: ..." naming the limit when
// the document is deeper than kMaxDepth or has more than kMaxNodes nodes (aliases expanded).
Result<Node> ConvertWithYamlCpp(std::string_view text, std::string_view file);

// How ParseDocument reads. kSubsetThenYamlCpp is the default; the others are for tests.
enum class Reader { kSubsetThenYamlCpp, kYamlCppOnly };
// Sets the reader ParseDocument uses in this process (all threads). For tests.
void SetReaderForTesting(Reader reader);

// Reads one YAML document: ParseSubset, and ConvertWithYamlCpp when the text is outside the
// subset. Errors are ConvertWithYamlCpp's (a text in the subset never fails).
Result<Node> ParseDocument(std::string_view text, std::string_view file);

}  // namespace hallyu::yaml_subset
