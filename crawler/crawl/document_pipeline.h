#pragma once
// DocumentPipeline: the per-document stage of a crawl. Turns one fetched page
// (or one social post) into a Document, detects casting/OST announcements in
// it, merges them with what was seen before (EventMerger over a persistent
// backend) and hands every new event or new version to an EventPublisher.
//
// Every field that reaches an event is bounded and every event fitted to the producer's
// message size before it is merged (crawler/crawl/event_bounds.h), so a hostile page gives a
// normal event instead of a record Kafka refuses.
//
// Thread safety: Process* may be called from many worker threads at once.
// Extraction and detection run in parallel; merging and publishing are
// serialised by an internal mutex (they are cheap and must be ordered).

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "crawler/crawl/event_bounds.h"
#include "extractors/base/status.h"
#include "extractors/detect/detector.h"
#include "extractors/detect/event.h"
#include "extractors/detect/event_merger.h"
#include "extractors/html/article_extractor.h"
#include "extractors/html/document.h"

namespace hallyu {

class LearnedNamesStore;

// Where merged events (and optionally documents) go: Kafka in production.
class EventPublisher {
 public:
  virtual ~EventPublisher() = default;
  // Publishes one event version. A failure means the event was NOT accepted
  // (the caller counts it and keeps going; a durable publisher spools first).
  virtual Status PublishEvent(const Event& event) = 0;
  // Publishes an extracted document (optional topic). Default: ignored.
  virtual Status PublishDocument(const Document& /*doc*/) { return Status(); }
  // Reports a page that failed extraction (the DLQ). Default: ignored.
  virtual Status PublishFailure(const std::string& /*url*/, const Status& /*error*/) {
    return Status();
  }
};

// What the crawl knows about where a page came from.
struct PageOrigin {
  std::string url;           // final URL of the page
  std::string site;          // the source's site name ("" = the host)
  std::string lang;          // "en", "ko" or "auto"
  std::string title_hint;    // title from the feed entry, used when the page has none
  std::string published_at;  // RFC 3339 from the feed/sitemap entry, "" when unknown
  std::string fetched_at;    // RFC 3339 UTC
};

// A social-media post or any text that is already a document.
struct TextDocument {
  std::string text;
  std::string title;
  std::string author;
};

struct PipelineCounters {
  std::atomic<uint64_t> documents{0};  // documents that reached detection
  std::atomic<uint64_t> extraction_failures{0};
  std::atomic<uint64_t> detections{0};        // raw detections before merging
  std::atomic<uint64_t> events_published{0};  // new events + new versions accepted
  std::atomic<uint64_t> publish_failures{0};
  // Versions committed pending by an earlier attempt (a crash, a failed publish or mark)
  // and sent again with the same payload.
  std::atomic<uint64_t> events_republished{0};
  // Events whose fields were cut to the limits of crawler/crawl/event_bounds.h or that were
  // shrunk to fit max_event_bytes (still published).
  std::atomic<uint64_t> events_bounded{0};
  std::atomic<uint64_t> learned_name_failures{0};  // learned-names store errors (not fatal)
};

struct DocumentPipelineOptions {
  ExtractOptions extract;
  bool publish_documents = false;  // also send every Document to the documents topic
  // Largest serialised event (bytes): every event is fitted to it before it is merged and
  // published (crawler/crawl/event_bounds.h: fields cut, then evidence, then oldest sources);
  // set from the producer's message.max.bytes (MaxEventBytesForProducer).
  std::size_t max_event_bytes = MaxEventBytesForProducer("");
};

class DocumentPipeline {
 public:
  // `detector`, `merge_state` and `publisher` must outlive the pipeline.
  DocumentPipeline(const Detector* detector, MergeStateBackend* merge_state,
                   EventPublisher* publisher, DocumentPipelineOptions options = {});

  // Extracts the HTML page `html_utf8` (already converted to UTF-8), detects and
  // publishes. Returns the events published for it (new events and new
  // versions). An extraction failure is reported to the publisher's DLQ and
  // returned as the error; nothing is thrown.
  //
  // `settled` (optional) tells the caller whether it may mark the document done
  // (seen entry, validators): true after success and after a failure that would
  // repeat (extraction, detection); false when an event was not accepted (merge
  // state or publisher failed): the document must be processed again later. A new
  // version is committed to the merge state as pending before the publisher sees it and
  // marked published after (EventMerger::CommitPending); processing the document again
  // first sends a still-pending version exactly as stored, so one (event_id, version)
  // never goes out with two payloads, whatever failed in between (issue 19).
  Result<std::vector<Event>> ProcessPage(std::string_view html_utf8, const PageOrigin& origin,
                                         bool* settled = nullptr);

  // Same for a page's body as fetched, in any charset (`content_type` is the response's
  // Content-Type): ExtractArticleFromBody, which converts only what extraction reads.
  Result<std::vector<Event>> ProcessPageBody(std::string_view body, std::string_view content_type,
                                             const PageOrigin& origin, bool* settled = nullptr);

  // Same for a text document (a social post): no extraction.
  Result<std::vector<Event>> ProcessText(const TextDocument& doc, const PageOrigin& origin,
                                         bool* settled = nullptr);

  // Reports `url` to the publisher's DLQ with `error` (e.g. a page quarantined by the
  // crawl's crash-loop protection). Returns the publisher's answer: OK once accepted.
  Status ReportFailure(const std::string& url, const Status& error) {
    return publisher_->PublishFailure(url, error);
  }

  const PipelineCounters& counters() const { return counters_; }

  // Keeps what articles teach about names the gazetteer lacks and uses it for the
  // idol/actor flags and crossover of later detections (ApplyLearnedNames in
  // crawler/store/learned_names_store.h). Optional; `store` must outlive the pipeline.
  // Call before the first Process*.
  void set_learned_names(LearnedNamesStore* store) { learned_names_ = store; }

 private:
  // Publishes the extracted `doc` (or its failure) and detects on it.
  Result<std::vector<Event>> ProcessExtracted(Result<Document> doc, const PageOrigin& origin,
                                              bool* settled);
  Result<std::vector<Event>> DetectAndPublish(const std::string& title, const std::string& text,
                                              const std::string& lang, const SourceRef& source,
                                              bool* settled);

  const Detector* detector_;
  EventPublisher* publisher_;
  LearnedNamesStore* learned_names_ = nullptr;
  DocumentPipelineOptions options_;
  std::mutex merge_mu_;
  EventMerger merger_;  // guarded by merge_mu_
  PipelineCounters counters_;
};

}  // namespace hallyu
