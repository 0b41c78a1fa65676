#include "crawler/distributed/frontier_topic.h"

#include <nlohmann/json.hpp>

#include "extractors/url/url.h"

namespace hallyu {

std::string EncodeFrontierRecord(const FrontierRecord& r) {
  nlohmann::json j = {{"kind", r.kind == FrontierKind::kSource ? "source" : "page"},
                      {"url", r.url},
                      {"source", r.source}};
  if (!r.title.empty()) j["title"] = r.title;
  if (!r.published_at.empty()) j["published_at"] = r.published_at;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<FrontierRecord> DecodeFrontierRecord(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return ParseError("frontier record is not a JSON object");
  FrontierRecord r;
  std::string kind = j.value("kind", "");
  if (kind == "source") {
    r.kind = FrontierKind::kSource;
  } else if (kind == "page") {
    r.kind = FrontierKind::kPage;
  } else {
    return InvalidArgument("frontier record: unknown kind '" + kind + "'");
  }
  r.url = j.value("url", "");
  if (r.url.empty()) return InvalidArgument("frontier record without url");
  r.source = j.value("source", "");
  r.title = j.value("title", "");
  r.published_at = j.value("published_at", "");
  return r;
}

Result<std::string> FrontierKey(std::string_view url) {
  Result<std::string> host = UrlHost(url);
  if (!host.ok()) return host.status();
  return RegistrableDomain(*host);
}

int32_t PartitionForDomain(std::string_view key, int32_t partitions) {
  if (partitions <= 0) return 0;
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  // Finalizer (MurmurHash3 fmix64): FNV's low bits cluster for names that differ in one
  // character ("site01", "site02", ...), which would leave partitions empty.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return static_cast<int32_t>(h % static_cast<uint64_t>(partitions));
}

std::string EncodeUrlState(const UrlState& s) {
  nlohmann::json j = {{"url", s.url},
                      {"etag", s.etag},
                      {"last_modified", s.last_modified},
                      {"content_hash", s.content_hash},
                      {"last_fetch_ms", s.last_fetch_ms},
                      {"last_status", s.last_status}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<UrlState> DecodeUrlState(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return ParseError("crawl state is not a JSON object");
  UrlState s;
  s.url = j.value("url", "");
  if (s.url.empty()) return ParseError("crawl state without url");
  s.etag = j.value("etag", "");
  s.last_modified = j.value("last_modified", "");
  s.content_hash = j.value("content_hash", "");
  s.last_fetch_ms = j.value("last_fetch_ms", int64_t{0});
  s.last_status = j.value("last_status", 0);
  return s;
}

}  // namespace hallyu
