#pragma once
// The records of distributed mode (DESIGN.md "Distributed mode"):
//   hallyu.frontier     key = registrable domain of the URL's host, value = FrontierRecord JSON
//   hallyu.crawl-state  key = URL, value = UrlState JSON (compacted); written to the SAME
//                       partition number as the URL's frontier record, so the owner of
//                       frontier partition p restores its hosts' state from state partition p.
// Both topics must have the same number of partitions; the partition of a domain is
// PartitionForDomain (FNV-1a), computed by hallyu itself so it never depends on the
// client library's partitioner.

#include <cstdint>
#include <string>
#include <string_view>

#include "crawler/fetch/crawl_state_store.h"
#include "extractors/base/status.h"

namespace hallyu {

enum class FrontierKind { kSource, kPage };

// One URL to crawl, as carried by the frontier topic.
struct FrontierRecord {
  FrontierKind kind = FrontierKind::kPage;
  std::string url;           // absolute http(s) URL
  std::string source;        // name of the configured source that led here
  std::string title;         // title from the feed entry, "" when none
  std::string published_at;  // RFC 3339 or ""
};

// JSON of `r` ({"kind":"page","url":...}).
std::string EncodeFrontierRecord(const FrontierRecord& r);
// Parses EncodeFrontierRecord's output; kParse on bad JSON, kInvalidArgument when the
// kind is unknown or the url is missing.
Result<FrontierRecord> DecodeFrontierRecord(std::string_view json);

// The frontier key of `url`: the registrable domain of its host. kInvalidArgument (from the
// URL parser) when `url` is not a valid URL.
Result<std::string> FrontierKey(std::string_view url);

// Partition (0..partitions-1) of the domain `key`; 0 when partitions <= 0.
int32_t PartitionForDomain(std::string_view key, int32_t partitions);

// JSON of a URL's crawl state for the crawl-state topic.
std::string EncodeUrlState(const UrlState& s);
// Parses EncodeUrlState's output; kParse on bad JSON or a missing url.
Result<UrlState> DecodeUrlState(std::string_view json);

}  // namespace hallyu
