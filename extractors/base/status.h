#pragma once
// Status and Result<T>: how every fallible hallyu function reports failure.
//
// Errors that callers handle are values, never exceptions across module
// boundaries. A Status is either OK or carries an ErrorCode and a message that
// names what failed and why (keep the original library code in the message,
// e.g. "curl: Timeout was reached (28)"). Result<T> holds either a T or a
// non-OK Status. Both are [[nodiscard]].
//
// This header lives in extractors/ because extractors/ depends on nothing in
// crawler/; crawler/ includes it from here.

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace hallyu {

// Append-only: a retired code keeps its number, new codes go at the end.
enum class ErrorCode : int {
  kOk = 0,
  kInvalidArgument = 1,  // the caller passed something malformed (bad URL, bad config)
  kParse = 2,            // input bytes could not be parsed (HTML, XML, JSON, YAML)
  kNotFound = 3,         // a file, key, topic or record does not exist
  kTooLarge = 4,         // a size budget was exceeded (body, feed, spool, depth)
  kUnavailable = 5,      // a peer (server, broker, database) could not be reached
  kTimeout = 6,          // an operation ran out of time
  kIo = 7,               // local I/O failed (disk, socket setup)
  kDenied = 8,           // refused by policy (robots.txt, blocked address, scheme)
  kCorrupt = 9,          // stored data failed a check (CRC, schema)
  kUnsupported = 10,     // a valid input we do not handle (content type, feature)
  kInternal = 11,        // a bug or an unexpected library failure
  kCancelled = 12,       // stopped on request (shutdown)
};

// Returns the stable lower-case name of a code ("ok", "parse", "too_large", ...).
std::string_view ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  // A status with `code` and `message`. REQUIRES: code != kOk for a failure.
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "ok", or "<code name>: <message>".
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context + ": "`. OK stays OK.
  Status WithContext(std::string_view context) const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Shorthands for building failures.
inline Status InvalidArgument(std::string m) { return {ErrorCode::kInvalidArgument, std::move(m)}; }
inline Status ParseError(std::string m) { return {ErrorCode::kParse, std::move(m)}; }
inline Status NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
inline Status TooLarge(std::string m) { return {ErrorCode::kTooLarge, std::move(m)}; }
inline Status Unavailable(std::string m) { return {ErrorCode::kUnavailable, std::move(m)}; }
inline Status Timeout(std::string m) { return {ErrorCode::kTimeout, std::move(m)}; }
inline Status IoError(std::string m) { return {ErrorCode::kIo, std::move(m)}; }
inline Status Denied(std::string m) { return {ErrorCode::kDenied, std::move(m)}; }
inline Status Corrupt(std::string m) { return {ErrorCode::kCorrupt, std::move(m)}; }
inline Status Unsupported(std::string m) { return {ErrorCode::kUnsupported, std::move(m)}; }
inline Status Internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }
inline Status Cancelled(std::string m) { return {ErrorCode::kCancelled, std::move(m)}; }

// Either a value of type T or a failed Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  // Success.
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  // Failure. REQUIRES: !status.ok().
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  // The failure, or OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

  // The value. REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The value, or `fallback` when this holds a failure.
  T value_or(T fallback) const& { return ok() ? std::get<T>(v_) : std::move(fallback); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace hallyu

// Returns early from the enclosing function when `expr` (a Status) fails.
#define HALLYU_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::hallyu::Status hallyu_status_ = (expr);        \
    if (!hallyu_status_.ok()) return hallyu_status_; \
  } while (0)
