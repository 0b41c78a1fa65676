#include "crawler/robots_fetch.h"

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

void RecordRobotsFetch(RobotsCache& cache, const std::string& origin, const FetchResult& result) {
  if (result.http_status > 0) {
    cache.RecordResponse(origin, static_cast<int>(result.http_status), result.body,
                         RobotsBodyOf(result));
  } else {
    cache.RecordUnreachable(origin, result.error.empty() ? "unreachable" : result.error);
  }
}

}  // namespace hallyu
