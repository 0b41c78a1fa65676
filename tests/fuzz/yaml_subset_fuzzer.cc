// libFuzzer target: arbitrary bytes as a gazetteer file. Differential: whenever the YAML-subset
// reader accepts the bytes, yaml-cpp must read them too and to the same tree (the line of a null
// sequence item aside, which yaml-cpp marks at the next token); a mismatch aborts. The bytes
// then go through the gazetteer loader, which must never crash, hang or leak.
// Good seeds: configs/gazetteer/*.yaml.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extractors/base/yaml_subset.h"
#include "extractors/detect/gazetteer.h"

namespace {

using hallyu::yaml_subset::Node;

bool SameTree(const Node& a, const Node& b, bool null_item) {
  if (a.kind != b.kind || a.text != b.text || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size()) {
    return false;
  }
  if (a.line != b.line && !(null_item && a.IsNull())) return false;
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!SameTree(a.items[i], b.items[i], true)) return false;
  }
  for (size_t i = 0; i < a.entries.size(); ++i) {
    if (!SameTree(a.entries[i].first, b.entries[i].first, false) ||
        !SameTree(a.entries[i].second, b.entries[i].second, false)) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 18)) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  hallyu::yaml_subset::SubsetResult fast = hallyu::yaml_subset::ParseSubset(text);
  if (fast.ok()) {
    hallyu::Result<Node> slow = hallyu::yaml_subset::ConvertWithYamlCpp(text, "f.yaml");
    if (!slow.ok() || !SameTree(fast.root, *slow, false)) std::abort();
  }
  auto g = hallyu::Gazetteer::LoadFromStrings({{"f.yaml", text}});
  (void)g;
  return 0;
}
