#include "crawler/fetch/content_decoder.h"

#include <brotli/decode.h>
#include <libdeflate.h>
#include <zstd.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace hallyu {
namespace {

// A DEFLATE stream expands at most ~1032:1, so an input of n bytes never needs
// more than this much output; it bounds the first buffer a (lying) gzip trailer
// can make us allocate.
constexpr uint64_t kMaxDeflateRatio = 1032;
constexpr size_t kMaxCodings = 4;

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// One libdeflate decompressor per thread (it holds ~32 KiB of tables).
libdeflate_decompressor* ThreadDecompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> d(
      libdeflate_alloc_decompressor());
  return d.get();
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Status OverLimit(uint64_t max_bytes) {
  return TooLarge("decoded body over " + std::to_string(max_bytes) + " bytes");
}

// First output buffer for `in_size` compressed bytes: `hint` when known (0 when
// not), bounded by the expansion limit and by `max_bytes`.
size_t FirstBufferSize(uint64_t hint, size_t in_size, uint64_t max_bytes) {
  uint64_t bound = std::min<uint64_t>(max_bytes, uint64_t{in_size} * kMaxDeflateRatio + 64);
  uint64_t guess = hint != 0 ? hint : std::max<uint64_t>(uint64_t{in_size} * 4, 16 * 1024);
  return static_cast<size_t>(std::min(guess, bound));
}

// Runs `step(out, out_avail, &in_used, &out_got)` (one libdeflate call) on a
// buffer that doubles up to `max_bytes` while the decoder reports too little space.
template <typename Step>
Status GrowAndDecode(std::string& out, size_t& pos_out, uint64_t max_bytes, Step step,
                     size_t& in_used) {
  while (true) {
    size_t got = 0;
    libdeflate_result r = step(out.data() + pos_out, out.size() - pos_out, &in_used, &got);
    if (r == LIBDEFLATE_SUCCESS) {
      pos_out += got;
      return Status::Ok();
    }
    if (r != LIBDEFLATE_INSUFFICIENT_SPACE) return ParseError("corrupt compressed stream");
    if (out.size() >= max_bytes) return OverLimit(max_bytes);
    out.resize(static_cast<size_t>(std::min<uint64_t>(max_bytes, uint64_t{out.size()} * 2 + 4096)));
  }
}

Result<std::string> Gunzip(std::string_view in, uint64_t max_bytes) {
  libdeflate_decompressor* d = ThreadDecompressor();
  if (d == nullptr) return Internal("libdeflate: out of memory");
  uint64_t isize = 0;  // the trailer's size of the last member (mod 2^32)
  if (in.size() >= 18) {
    const auto* t = reinterpret_cast<const unsigned char*>(in.data() + in.size() - 4);
    isize = uint64_t{t[0]} | uint64_t{t[1]} << 8 | uint64_t{t[2]} << 16 | uint64_t{t[3]} << 24;
  }
  std::string out(FirstBufferSize(isize, in.size(), max_bytes), '\0');
  size_t pos_in = 0, pos_out = 0;
  do {
    size_t used = 0;
    Status s = GrowAndDecode(
        out, pos_out, max_bytes,
        [&](char* o, size_t avail, size_t* in_used, size_t* got) {
          return libdeflate_gzip_decompress_ex(d, in.data() + pos_in, in.size() - pos_in, o, avail,
                                               in_used, got);
        },
        used);
    if (!s.ok()) return s.WithContext("gzip");
    if (used == 0) break;  // cannot happen for a valid member; never loop on it
    pos_in += used;
    // Another member follows only when it starts with the gzip magic; anything
    // else after a complete member (padding, garbage) is ignored, as browsers do.
  } while (in.size() - pos_in >= 18 && static_cast<unsigned char>(in[pos_in]) == 0x1f &&
           static_cast<unsigned char>(in[pos_in + 1]) == 0x8b);
  out.resize(pos_out);
  return out;
}

Result<std::string> Inflate(std::string_view in, uint64_t max_bytes) {
  libdeflate_decompressor* d = ThreadDecompressor();
  if (d == nullptr) return Internal("libdeflate: out of memory");
  for (bool zlib : {true, false}) {
    std::string out(FirstBufferSize(0, in.size(), max_bytes), '\0');
    size_t pos_out = 0, used = 0;
    Status s = GrowAndDecode(
        out, pos_out, max_bytes,
        [&](char* o, size_t avail, size_t* in_used, size_t* got) {
          return zlib ? libdeflate_zlib_decompress_ex(d, in.data(), in.size(), o, avail, in_used,
                                                      got)
                      : libdeflate_deflate_decompress_ex(d, in.data(), in.size(), o, avail, in_used,
                                                         got);
        },
        used);
    if (s.ok()) {
      out.resize(pos_out);
      return out;
    }
    if (s.code() == ErrorCode::kTooLarge) return s.WithContext("deflate");
  }
  return ParseError("deflate: corrupt compressed stream");
}

Result<std::string> Unbrotli(std::string_view in, uint64_t max_bytes) {
  std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> st(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
  if (!st) return Internal("brotli: out of memory");
  std::string out;
  const auto* next_in = reinterpret_cast<const uint8_t*>(in.data());
  size_t avail_in = in.size();
  char chunk[16 * 1024];
  while (true) {
    auto* next_out = reinterpret_cast<uint8_t*>(chunk);
    size_t avail_out = sizeof(chunk);
    BrotliDecoderResult r = BrotliDecoderDecompressStream(st.get(), &avail_in, &next_in, &avail_out,
                                                          &next_out, nullptr);
    size_t got = sizeof(chunk) - avail_out;
    if (out.size() + got > max_bytes) return OverLimit(max_bytes).WithContext("br");
    out.append(chunk, got);
    if (r == BROTLI_DECODER_RESULT_SUCCESS) return out;
    if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
    if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) return ParseError("br: truncated stream");
    return ParseError(std::string("br: ") +
                      BrotliDecoderErrorString(BrotliDecoderGetErrorCode(st.get())));
  }
}

Result<std::string> Unzstd(std::string_view in, uint64_t max_bytes) {
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> ctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!ctx) return Internal("zstd: out of memory");
  // RFC 9659: HTTP zstd windows are at most 8 MiB; refuse larger ones instead of
  // allocating what a hostile frame asks for.
  ZSTD_DCtx_setParameter(ctx.get(), ZSTD_d_windowLogMax, 23);
  std::string out;
  ZSTD_inBuffer src{in.data(), in.size(), 0};
  char chunk[16 * 1024];
  while (true) {
    ZSTD_outBuffer dst{chunk, sizeof(chunk), 0};
    const size_t left = ZSTD_decompressStream(ctx.get(), &dst, &src);
    if (ZSTD_isError(left)) return ParseError(std::string("zstd: ") + ZSTD_getErrorName(left));
    if (out.size() + dst.pos > max_bytes) return OverLimit(max_bytes).WithContext("zstd");
    out.append(chunk, dst.pos);
    // Input used up and the output not full: the decoder holds nothing more. A frame
    // still open then (left != 0) was cut short.
    if (src.pos == src.size && dst.pos < dst.size) {
      if (left != 0) return ParseError("zstd: truncated stream");
      return out;
    }
  }
}

}  // namespace

Result<std::string> DecodeContentEncoding(std::string_view encoding, std::string_view body,
                                          uint64_t max_bytes) {
  std::vector<std::string> codings;
  while (!encoding.empty()) {
    size_t comma = encoding.find(',');
    std::string_view one = TrimSpace(encoding.substr(0, comma));
    encoding = comma == std::string_view::npos ? std::string_view() : encoding.substr(comma + 1);
    if (one.empty()) continue;
    std::string c = LowerAscii(one);
    if (c == "identity") continue;
    if (codings.size() == kMaxCodings)
      return Unsupported("more than " + std::to_string(kMaxCodings) + " content codings");
    codings.push_back(std::move(c));
  }
  if (codings.empty()) {
    if (body.size() > max_bytes) return OverLimit(max_bytes);
    return std::string(body);
  }
  // An empty body has nothing to decode whatever the header says (libcurl
  // accepts it too).
  if (body.empty()) return std::string();
  auto decode_one = [max_bytes](const std::string& coding,
                                std::string_view in) -> Result<std::string> {
    if (coding == "gzip" || coding == "x-gzip") return Gunzip(in, max_bytes);
    if (coding == "deflate") return Inflate(in, max_bytes);
    if (coding == "br") return Unbrotli(in, max_bytes);
    if (coding == "zstd") return Unzstd(in, max_bytes);
    return Unsupported("content coding not supported: " + coding);
  };
  std::string current;
  std::string_view in = body;
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    Result<std::string> next = decode_one(*it, in);
    if (!next.ok()) return next.status();
    current = std::move(*next);
    in = current;
  }
  return current;
}

}  // namespace hallyu
