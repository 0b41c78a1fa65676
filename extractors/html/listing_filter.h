#pragma once
// Listing pages (sites without a feed): keep the page's links that match an include
// pattern and no exclude pattern. Link extraction from HTML is done elsewhere; this
// class only filters absolute URLs.

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "extractors/base/status.h"

namespace hallyu {

class ListingLinkFilter {
 public:
  // Compiles the RE2 patterns (unanchored, matched against the whole URL). An empty
  // include list keeps every link not excluded. Returns kInvalidArgument naming the
  // first pattern that does not compile.
  static Result<ListingLinkFilter> Create(const std::vector<std::string>& include,
                                          const std::vector<std::string>& exclude);

  // Links that pass, in first-seen order, duplicates dropped. At most `max_links`.
  std::vector<std::string> Filter(const std::vector<std::string>& links,
                                  size_t max_links = 1000) const;

  // True when `url` passes.
  bool Keeps(const std::string& url) const;

 private:
  ListingLinkFilter() = default;
  std::shared_ptr<const RE2::Set> include_;  // null = everything
  std::shared_ptr<const RE2::Set> exclude_;  // null = nothing
};

}  // namespace hallyu
