#pragma once
// Body-text quality metric used by public extraction benchmarks: Unicode \w+
// tokens, overlapping 4-token shingles counted with repeats; per-page precision
// and recall from the shared shingles (multiset intersection). The Python peer
// script bench/extract/peers.py computes exactly the same thing.

#include <string>
#include <string_view>
#include <vector>

namespace hallyu::testing {

// Unicode word tokens ([\p{L}\p{N}_]+, like Python's re \w+ on str).
std::vector<std::string> WordTokens(std::string_view text);

struct PrecisionRecall {
  double precision = 0;
  double recall = 0;
};

// Shingle precision/recall of `extracted` against `truth` (n = 4). A text with
// fewer than n tokens forms one shingle of all its tokens; two empty texts score
// 1/1, an empty side against a non-empty one scores 0.
PrecisionRecall ShinglePrecisionRecall(std::string_view extracted, std::string_view truth,
                                       int n = 4);

}  // namespace hallyu::testing
