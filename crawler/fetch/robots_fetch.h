#pragma once
// robots.txt fetches: how the crawl asks the Fetcher for one and how it reports
// the result to a RobotsCache (crawl_job.cc and distributed_fetch.cc share this).

#include <cstdint>
#include <string>
#include <string_view>

#include "crawler/fetch/fetcher.h"
#include "crawler/fetch/robots.h"

namespace hallyu {

// Largest robots.txt body fetched, whatever the page cap: RobotsRules::kMaxBytes
// (500 KiB, RFC 9309 2.5) rounded up, so the whole readable part arrives.
inline constexpr uint64_t kRobotsFetchMaxBytes = 512 * 1024;

// Sets the robots.txt specifics of `request`: no conditional GET, the size cap above
// and, for a larger file, its first part kept (FetchRequest::keep_body_prefix).
void PrepareRobotsRequest(FetchRequest& request);

// How the body of robots.txt fetch `result` arrived: kComplete for a success (and for
// answers whose body does not matter: no status, non-2xx); for a 2xx whose transfer
// failed, kCutAtLimit when it was over the size cap (the body holds its first part when
// the request kept it, else nothing) and kFailed for any other failure (cut short,
// corrupt content coding, timeout mid-body).
RobotsBody RobotsBodyOf(const FetchResult& result);

// What `result`, a robots.txt fetch, means for the cache (RobotsCache::Interpret with
// RobotsBodyOf, or RobotsCache::Unreachable with the fetch error): parses the body, so call
// it outside the crawl's lock and hand the outcome to RobotsCache::Record.
RobotsCache::Outcome InterpretRobotsFetch(const FetchResult& result, std::string_view user_agent);

// Reports `result`, the fetch of origin + "/robots.txt", to `cache`: a response with a
// status through RecordResponse (with RobotsBodyOf), none through RecordUnreachable
// with the fetch error as the reason.
void RecordRobotsFetch(RobotsCache& cache, const std::string& origin, const FetchResult& result);

}  // namespace hallyu
