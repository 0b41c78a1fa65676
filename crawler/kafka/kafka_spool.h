#pragma once
// KafkaSpool: the on-disk, append-only record log that makes the Kafka producer lossless.
//
// Every record is appended (write(2), so it survives a SIGKILL of the process) BEFORE it is
// handed to librdkafka, and trimmed after its delivery report. fsync runs in batches
// (every `fsync_every_records` appends, and on Sync()). Records live in segment files
// `<dir>/<20-digit first seq>.seg`; a segment is deleted once every record in it is
// acknowledged and it is no longer being written. The file `<dir>/acked` stores the
// acknowledged low-water mark so a restart does not resend trimmed-but-not-deleted records.
//
// Record framing (little endian):  magic u32 "HSP1" | payload length u32 | crc32 u32 |
// seq u64 | payload.  The CRC (zlib crc32) covers seq and payload. Payload: topic, key,
// value, headers, each length-prefixed (see kafka_spool.cc).
//
// On Open() the segments are scanned: a record with a bad CRC or bad framing is reported
// (counted in corrupt_records(), logged) and skipped — the scan resynchronises on the next
// magic — and a torn tail (partial write at a crash) is cut off. Never crashes on bad data.
//
// A failed append (ENOSPC, EIO, EFBIG, a short write) is rolled back: the segment is cut
// back to the last whole record (or, when that cut fails, closed and never appended to
// again), so the index stays aligned with the file and no later record is lost or counted
// corrupt. New segment files and the `acked` rename are made durable with a directory fsync.
//
// Not thread-safe: the producer serialises access.

#include <sys/types.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

struct SpoolOptions {
  std::string dir = ".hallyu/spool";      // created if missing
  uint64_t max_bytes = 1ull << 30;        // bytes of live segments; 1 GiB
  uint64_t segment_bytes = 16ull << 20;   // roll to a new segment after; 16 MiB
  uint32_t fsync_every_records = 1000;    // fsync after this many appends (0: never)
  uint32_t max_record_bytes = 16u << 20;  // larger records are refused; 16 MiB
  // Test seam: replaces write(2) for segment appends (same contract: bytes written or -1
  // with errno). Empty: write(2).
  std::function<ssize_t(int fd, const void* data, size_t size)> write_fn{};
};

// One Kafka record as spooled. Headers keep their order; a nullopt value is a null header.
struct SpoolRecord {
  uint64_t seq = 0;  // assigned by Append, strictly increasing
  std::string topic;
  std::optional<std::string> key;
  std::optional<std::string> value;
  std::vector<std::pair<std::string, std::optional<std::string>>> headers{};
};

class KafkaSpool {
 public:
  // Opens (creating) the spool in options.dir and scans what an earlier run left.
  // Returns kIo when the directory cannot be created or read; corrupt records are not an
  // error (see corrupt_records()).
  static Result<std::unique_ptr<KafkaSpool>> Open(const SpoolOptions& options);

  KafkaSpool(const KafkaSpool&) = delete;
  KafkaSpool& operator=(const KafkaSpool&) = delete;
  ~KafkaSpool();  // fsyncs and closes the active segment

  // Appends `record` (its seq is assigned and returned). Returns kTooLarge when the spool
  // is full (live bytes + this record > max_bytes: the caller must pause and retry after
  // deliveries trim it) or the record exceeds max_record_bytes, kIo on a write error — then
  // the record is NOT in the spool (any partial bytes were cut off) and no seq was used.
  Result<uint64_t> Append(const SpoolRecord& record);

  // Up to `max_records` of the next not-yet-handed-out records in append order, read from
  // disk, WITHOUT marking them handed out (call MarkSent for each one that was taken).
  // Corrupt records are reported and skipped. Returns kIo on a read error.
  Result<std::vector<SpoolRecord>> PeekUnsent(size_t max_records);
  // Marks `seq` as handed out to Kafka; unsent seqs before it that PeekUnsent did not return
  // (corrupt, skipped) count as done. REQUIRES: seq >= the next unsent seq.
  void MarkSent(uint64_t seq);
  // Number of appended records not handed out yet.
  uint64_t unsent() const { return next_seq_ - next_unsent_; }

  // Acknowledges delivery of `seq`; fully acknowledged, closed segments are deleted.
  void Ack(uint64_t seq);
  // Puts every handed-out but unacknowledged record back to unsent (e.g. after the
  // Kafka client was recreated), so ReadUnsent returns them again in order.
  void RewindUnacked();

  // fsyncs the active segment and persists the acknowledged low-water mark.
  Status Sync();
  // Returns a dup() of the active segment's descriptor for the caller to fdatasync and
  // close WITHOUT holding its lock (-1 when nothing needs syncing). Marks the appends so
  // far as synced.
  int SyncHandle();
  // The acknowledged low-water mark when it moved since the last call (nullopt otherwise),
  // for the caller to persist with WriteAckMark WITHOUT holding its lock.
  std::optional<uint64_t> TakeAckMark();
  // Durably writes `mark` as `<dir>/acked`: temporary file, fdatasync, rename, directory
  // fsync. Returns kIo when any step fails (the previous mark stays in place).
  static Status WriteAckMark(const std::string& dir, uint64_t mark);

  // Records appended but not yet acknowledged.
  uint64_t pending() const { return next_seq_ - acked_below_; }
  // Bytes in live segment files.
  uint64_t bytes() const { return bytes_; }
  // Corrupt records found (and skipped) by Open().
  uint64_t corrupt_records() const { return corrupt_records_; }
  const SpoolOptions& options() const { return options_; }

 private:
  struct Segment {
    uint64_t first_seq = 0;
    uint64_t end_seq = 0;  // one past the last seq in it
    std::string path;
    uint64_t bytes = 0;
    // (seq, file offset) of each valid record, for ReadUnsent after recovery; kept only for
    // records still unacknowledged (front popped as acks arrive).
    std::deque<std::pair<uint64_t, uint64_t>> index;
  };

  explicit KafkaSpool(SpoolOptions options);
  Status Recover();
  Status OpenNewSegment();
  // Cuts the active segment back to its last whole record after a failed append; when
  // that fails, closes it so the next Append starts a new segment.
  void RollBackPartialAppend();
  void TrimAcked();
  Status PersistAckMark();

  SpoolOptions options_;
  std::deque<Segment> segments_;  // oldest first; back() is the active one
  int fd_ = -1;                   // active segment, append mode
  uint64_t next_seq_ = 1;
  uint64_t next_unsent_ = 1;
  uint64_t acked_below_ = 1;       // every seq < this is acknowledged
  std::deque<bool> acked_window_;  // ack flags for seqs [acked_below_, next_unsent_)
  uint64_t bytes_ = 0;
  uint64_t corrupt_records_ = 0;
  uint32_t unsynced_ = 0;
  uint64_t persisted_acked_below_ = 0;
  std::string frame_;  // Append's reusable encode buffer
};

}  // namespace hallyu
