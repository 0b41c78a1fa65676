#include "crawler/fetch/robots_fetch.h"

namespace hallyu {

void PrepareRobotsRequest(FetchRequest& request) {
  request.conditional = false;
  request.defer_validators = false;
  request.max_body_bytes = kRobotsFetchMaxBytes;
  request.keep_body_prefix = true;
}

RobotsBody RobotsBodyOf(const FetchResult& result) {
  if (result.outcome != FetchOutcome::kFailed) return RobotsBody::kComplete;
  if (result.http_status < 200 || result.http_status >= 300) return RobotsBody::kComplete;
  if (result.failure == FailureKind::kTooLarge) return RobotsBody::kCutAtLimit;
  return RobotsBody::kFailed;
}

RobotsCache::Outcome InterpretRobotsFetch(const FetchResult& result, std::string_view user_agent) {
  if (result.http_status > 0) {
    return RobotsCache::Interpret(static_cast<int>(result.http_status), result.body,
                                  RobotsBodyOf(result), user_agent);
  }
  return RobotsCache::Unreachable(result.error.empty() ? "unreachable" : result.error);
}

void RecordRobotsFetch(RobotsCache& cache, const std::string& origin, const FetchResult& result) {
  cache.Record(origin, InterpretRobotsFetch(result, cache.user_agent()));
}

}  // namespace hallyu
