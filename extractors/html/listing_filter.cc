#include "extractors/html/listing_filter.h"

#include <unordered_set>

namespace hallyu {
namespace {

Result<std::shared_ptr<const RE2::Set>> Compile(const std::vector<std::string>& patterns,
                                                const char* what) {
  if (patterns.empty()) return std::shared_ptr<const RE2::Set>();
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  auto set = std::make_shared<RE2::Set>(o, RE2::UNANCHORED);
  for (const std::string& p : patterns) {
    std::string err;
    if (set->Add(p, &err) < 0) {
      return InvalidArgument(std::string(what) + " pattern '" + p + "': " + err);
    }
  }
  if (!set->Compile()) return InvalidArgument(std::string(what) + " patterns too large");
  return std::shared_ptr<const RE2::Set>(std::move(set));
}

}  // namespace

Result<ListingLinkFilter> ListingLinkFilter::Create(const std::vector<std::string>& include,
                                                    const std::vector<std::string>& exclude) {
  ListingLinkFilter f;
  auto inc = Compile(include, "include");
  if (!inc.ok()) return inc.status();
  auto exc = Compile(exclude, "exclude");
  if (!exc.ok()) return exc.status();
  f.include_ = *inc;
  f.exclude_ = *exc;
  return f;
}

bool ListingLinkFilter::Keeps(const std::string& url) const {
  if (include_ && !include_->Match(url, nullptr)) return false;
  if (exclude_ && exclude_->Match(url, nullptr)) return false;
  return true;
}

std::vector<std::string> ListingLinkFilter::Filter(const std::vector<std::string>& links,
                                                   size_t max_links) const {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const std::string& l : links) {
    if (out.size() >= max_links) break;
    if (!Keeps(l) || !seen.insert(l).second) continue;
    out.push_back(l);
  }
  return out;
}

}  // namespace hallyu
