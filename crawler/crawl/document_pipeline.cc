#include "crawler/crawl/document_pipeline.h"

#include <spdlog/spdlog.h>

#include <utility>

#include "crawler/store/learned_names_store.h"

namespace hallyu {

DocumentPipeline::DocumentPipeline(const Detector* detector, MergeStateBackend* merge_state,
                                   EventPublisher* publisher, DocumentPipelineOptions options)
    : detector_(detector),
      publisher_(publisher),
      options_(std::move(options)),
      merger_(merge_state) {}

Result<std::vector<Event>> DocumentPipeline::ProcessPage(std::string_view html_utf8,
                                                         const PageOrigin& origin, bool* settled) {
  return ProcessExtracted(ExtractArticle(html_utf8, origin.url, options_.extract), origin, settled);
}

Result<std::vector<Event>> DocumentPipeline::ProcessPageBody(std::string_view body,
                                                             std::string_view content_type,
                                                             const PageOrigin& origin,
                                                             bool* settled) {
  return ProcessExtracted(ExtractArticleFromBody(body, content_type, origin.url, options_.extract),
                          origin, settled);
}

Result<std::vector<Event>> DocumentPipeline::ProcessExtracted(Result<Document> doc,
                                                              const PageOrigin& origin,
                                                              bool* settled) {
  if (settled != nullptr) *settled = true;
  if (!doc.ok()) {
    counters_.extraction_failures++;
    Status failure = doc.status().WithContext("extract " + origin.url);
    (void)publisher_->PublishFailure(origin.url, failure);
    return failure;
  }
  counters_.documents++;
  if (options_.publish_documents) {
    Status s = publisher_->PublishDocument(*doc);
    if (!s.ok()) counters_.publish_failures++;
  }
  std::string title = doc->title.empty() ? origin.title_hint : doc->title;
  SourceRef source;
  source.url = doc->canonical_url.empty() ? origin.url : doc->canonical_url;
  source.site = !origin.site.empty() ? origin.site : doc->site_name;
  source.title = title;
  source.published_at = !doc->published_at.empty() ? doc->published_at : origin.published_at;
  source.fetched_at = origin.fetched_at;
  std::string lang = origin.lang;
  if (lang.empty() || lang == "auto") lang = "auto";
  return DetectAndPublish(title, doc->text, lang, source, settled);
}

Result<std::vector<Event>> DocumentPipeline::ProcessText(const TextDocument& doc,
                                                         const PageOrigin& origin, bool* settled) {
  if (settled != nullptr) *settled = true;
  counters_.documents++;
  SourceRef source;
  source.url = origin.url;
  source.site = origin.site;
  source.title = doc.title.empty() ? origin.title_hint : doc.title;
  source.published_at = origin.published_at;
  source.fetched_at = origin.fetched_at;
  std::string lang = origin.lang.empty() ? "auto" : origin.lang;
  return DetectAndPublish(doc.title, doc.text, lang, source, settled);
}

Result<std::vector<Event>> DocumentPipeline::DetectAndPublish(const std::string& title,
                                                              const std::string& text,
                                                              const std::string& lang,
                                                              const SourceRef& source,
                                                              bool* settled) {
  Result<std::vector<Detection>> found = detector_->Detect(title, text, lang, source);
  if (!found.ok()) return found.status();
  counters_.detections += found->size();
  if (learned_names_ != nullptr && !ApplyLearnedNames(*learned_names_, &*found).ok()) {
    counters_.learned_name_failures++;  // the detections keep what their own story taught
  }
  std::vector<Event> published;
  // An event not accepted: the document must be processed again (see ProcessPage).
  auto unsettled = [settled](const Status& s, const std::string& what) {
    if (settled != nullptr) *settled = false;
    return s.WithContext(what);
  };
  std::lock_guard<std::mutex> lock(merge_mu_);
  for (Detection& d : *found) {
    // Bounded before it is merged: a field from a hostile page (a 3 MB feed title) must
    // neither reach Kafka nor the merge state.
    const bool cut = BoundEventFields(d) > 0;
    // A version committed pending and never marked published (a crash, a failed publish or
    // a failed mark, e.g. on a full disk) goes out again exactly as stored: same version,
    // same payload. Only then is this detection planned on top of it.
    Result<std::optional<Event>> pending = merger_.Pending(d.event_id);
    if (!pending.ok()) return unsettled(pending.status(), "merge " + d.event_id);
    if (pending->has_value()) {
      if (Status s = publisher_->PublishEvent(**pending); !s.ok()) {
        counters_.publish_failures++;
        return unsettled(s, "publish pending " + d.event_id);
      }
      counters_.events_republished++;
      if (Status m = merger_.MarkPublished(**pending); !m.ok()) {
        return unsettled(m, "merge " + d.event_id);
      }
      published.push_back(std::move(**pending));
    }
    // Plan, commit (a new version as pending), publish, mark published. The merge state
    // holds a version before the publisher sees it, so a version number is never planned
    // twice with two payloads; a failure after the pending commit leaves that exact event to
    // be sent again (above) by the next detection of the event.
    Result<MergeOutcome> merged = merger_.Plan(d);
    if (!merged.ok()) return unsettled(merged.status(), "merge " + d.event_id);
    // The merged event (older sources included) must fit one Kafka record; what is shrunk
    // is stored as published.
    const std::size_t before = SerializedEventBytes(merged->event);
    if (!FitEventToMessage(merged->event, options_.max_event_bytes)) {
      spdlog::warn("event {}: {} bytes even after shrinking (limit {}); published anyway",
                   merged->event.event_id, SerializedEventBytes(merged->event),
                   options_.max_event_bytes);
    }
    if (cut || SerializedEventBytes(merged->event) < before) counters_.events_bounded++;
    if (Status c = merger_.CommitPending(*merged); !c.ok()) {
      return unsettled(c, "merge " + d.event_id);
    }
    if (!merged->publish()) continue;  // a source added or nothing new: stored as is
    if (Status s = publisher_->PublishEvent(merged->event); !s.ok()) {
      counters_.publish_failures++;
      return unsettled(s, "publish " + merged->event.event_id);
    }
    counters_.events_published++;
    if (Status m = merger_.MarkPublished(merged->event); !m.ok()) {
      return unsettled(m, "merge " + d.event_id);
    }
    published.push_back(std::move(merged->event));
  }
  return published;
}

}  // namespace hallyu
