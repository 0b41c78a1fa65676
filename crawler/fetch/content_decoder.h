#pragma once
// HTTP content decoding (RFC 9110 §8.4): undoes a response's Content-Encoding.
//
// The fetcher receives bodies as sent and decodes them here, so the decoding can
// run where the caller wants it (the fetch loop, or the workers that parse the
// page) and with a faster inflater than the one built into libcurl: gzip and
// deflate through libdeflate (whole buffer), br through libbrotlidec and zstd
// through libzstd (both streamed). Every decoder stops at `max_bytes` of output,
// so a compression bomb costs at most that much memory and time.

#include <cstdint>
#include <string>
#include <string_view>

#include "extractors/base/status.h"

namespace hallyu {

// The encodings DecodeContentEncoding understands, as an Accept-Encoding value.
inline constexpr const char* kAcceptedContentEncodings = "gzip, deflate, br, zstd";

// Decodes `body` by `encoding`, a Content-Encoding header value: a comma-separated
// list of codings applied in order (so undone last to first), case-insensitive;
// "identity" and "" leave the bytes as they are; "x-gzip" is gzip. "deflate" is
// read as zlib-wrapped and, failing that, as raw DEFLATE (servers send both);
// concatenated gzip members are all decoded.
// Returns the decoded bytes. kTooLarge when the output would pass `max_bytes`,
// kParse on a corrupt or truncated stream, kUnsupported on an unknown coding or a
// list of more than 4 codings.
Result<std::string> DecodeContentEncoding(std::string_view encoding, std::string_view body,
                                          uint64_t max_bytes);

}  // namespace hallyu
