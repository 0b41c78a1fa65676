#pragma once
// A cheap pass over raw HTML before Gumbo sees it.
//
// Gumbo 0.10.1 spends most of its time tokenising <script>/<style> text that
// extraction never reads, and its tree construction is super-linear in the depth
// of open elements (see the project note shared/notes/gumbo-limits.md). PrescanHtml copies
// the page while
//   - dropping the bodies of <script>, <style> and <svg> elements (the tags stay),
//     except scripts whose type contains "ld+json", which are kept for metadata;
//   - dropping comments (an unterminated comment drops the rest of the page, as
//     a browser would treat it as comment text);
//   - dropping open tags that would nest deeper than `max_depth` (and their
//     matching close tags), so Gumbo's open-element stack stays bounded;
//   - stopping after `max_elements` open tags or `max_output_bytes` of output
//     (the rest is cut at a tag boundary; truncated = true).
// It never fails and runs in time linear in the input.

#include <cstddef>
#include <string>
#include <string_view>

namespace hallyu::internal {

struct PrescanLimits {
  std::size_t max_depth = 256;              // open elements deeper than this are dropped
  std::size_t max_elements = 50000;         // open tags kept before the page is cut
  std::size_t max_output_bytes = 4u << 20;  // bytes handed to Gumbo; the page is cut after
};

struct PrescanResult {
  std::string html;                // what to hand to Gumbo
  std::size_t dropped_tags = 0;    // open tags dropped for depth
  bool truncated = false;          // true when max_elements cut the page
  std::size_t max_depth_seen = 0;  // deepest nesting estimate before dropping
};

// Copies `html` applying the rules above. Bad input (binary, unterminated
// constructs) is copied through or dropped, never an error.
PrescanResult PrescanHtml(std::string_view html, const PrescanLimits& limits);

}  // namespace hallyu::internal
