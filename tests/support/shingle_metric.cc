#include "tests/support/shingle_metric.h"

#include <re2/re2.h>

#include <map>

namespace hallyu::testing {

std::vector<std::string> WordTokens(std::string_view text) {
  static const RE2 word(R"(([\p{L}\p{N}_]+))");
  std::vector<std::string> out;
  re2::StringPiece in(text.data(), text.size());
  std::string tok;
  while (RE2::FindAndConsume(&in, word, &tok)) out.push_back(tok);
  return out;
}

namespace {
std::map<std::string, int> Shingles(const std::vector<std::string>& toks, int n) {
  std::map<std::string, int> out;
  if (toks.empty()) return out;
  if (static_cast<int>(toks.size()) < n) {
    std::string s;
    for (const auto& t : toks) s += t + "\x1f";
    ++out[s];
    return out;
  }
  for (std::size_t i = 0; i + n <= toks.size(); ++i) {
    std::string s;
    for (int k = 0; k < n; ++k) s += toks[i + k] + "\x1f";
    ++out[s];
  }
  return out;
}
}  // namespace

PrecisionRecall ShinglePrecisionRecall(std::string_view extracted, std::string_view truth, int n) {
  const auto e = Shingles(WordTokens(extracted), n);
  const auto t = Shingles(WordTokens(truth), n);
  int ne = 0, nt = 0, common = 0;
  for (const auto& [k, c] : e) ne += c;
  for (const auto& [k, c] : t) nt += c;
  if (ne == 0 && nt == 0) return {1, 1};
  for (const auto& [k, c] : e) {
    auto it = t.find(k);
    if (it != t.end()) common += std::min(c, it->second);
  }
  PrecisionRecall pr;
  pr.precision = ne == 0 ? 0 : static_cast<double>(common) / ne;
  pr.recall = nt == 0 ? 0 : static_cast<double>(common) / nt;
  return pr;
}

}  // namespace hallyu::testing
