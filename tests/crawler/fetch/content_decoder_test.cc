#include "crawler/fetch/content_decoder.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <string>

#include "tests/support/http_test_server.h"

namespace hallyu {
namespace {

using testing::BrotliCompress;
using testing::DeflateCompress;
using testing::GzipCompress;
using testing::GzipOfZeros;
using testing::ZstdCompress;

constexpr uint64_t kTenMiB = 10u << 20;

std::string SamplePage() {
  std::string s = "<html><head><title>배우 캐스팅</title></head><body>\n";
  for (int i = 0; i < 2000; ++i)
    s += "<p>Actor " + std::to_string(i) + " joins the drama 드라마 출연 확정</p>\n";
  return s + "</body></html>\n";
}

TEST(ContentDecoder, EveryCodingRoundTrips) {
  const std::string page = SamplePage();
  struct Case {
    const char* coding;
    std::string body;
  } cases[] = {
      {"gzip", GzipCompress(page)},
      {"x-gzip", GzipCompress(page)},
      {"GZip", GzipCompress(page)},
      {"deflate", DeflateCompress(page, true)},
      {"deflate", DeflateCompress(page, false)},
      {"br", BrotliCompress(page)},
      {"zstd", ZstdCompress(page)},
      {"identity", page},
      {"", page},
  };
  for (const Case& c : cases) {
    Result<std::string> out = DecodeContentEncoding(c.coding, c.body, kTenMiB);
    ASSERT_TRUE(out.ok()) << c.coding << ": " << out.status().ToString();
    EXPECT_EQ(*out, page) << c.coding;
  }
}

TEST(ContentDecoder, CodingListIsUndoneLastToFirst) {
  const std::string page = SamplePage();
  // "gzip, br": gzip was applied first, then br.
  std::string body = BrotliCompress(GzipCompress(page));
  Result<std::string> out = DecodeContentEncoding("gzip, identity , br", body, kTenMiB);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, page);
  // The other order cannot read it.
  EXPECT_FALSE(DecodeContentEncoding("br, gzip", body, kTenMiB).ok());
}

TEST(ContentDecoder, ConcatenatedGzipMembersAreAllDecoded) {
  std::string a = SamplePage(), b = "second member\n";
  Result<std::string> out =
      DecodeContentEncoding("gzip", GzipCompress(a) + GzipCompress(b), kTenMiB);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, a + b);
}

TEST(ContentDecoder, OutputIsCappedExactlyAtTheLimit) {
  const std::string page = SamplePage();
  for (const char* coding : {"gzip", "deflate", "br", "zstd", "identity"}) {
    std::string body = std::string(coding) == "gzip"      ? GzipCompress(page)
                       : std::string(coding) == "deflate" ? DeflateCompress(page, true)
                       : std::string(coding) == "br"      ? BrotliCompress(page)
                       : std::string(coding) == "zstd"    ? ZstdCompress(page)
                                                          : page;
    Result<std::string> at = DecodeContentEncoding(coding, body, page.size());
    ASSERT_TRUE(at.ok()) << coding << ": " << at.status().ToString();
    EXPECT_EQ(at->size(), page.size()) << coding;
    Result<std::string> over = DecodeContentEncoding(coding, body, page.size() - 1);
    ASSERT_FALSE(over.ok()) << coding;
    EXPECT_EQ(over.status().code(), ErrorCode::kTooLarge) << coding;
  }
}

TEST(ContentDecoder, GzipBombStopsAtTheLimit) {
  std::string bomb = GzipOfZeros(uint64_t{1} << 30);  // 1 GiB of zeros, ~1 MiB
  Result<std::string> out = DecodeContentEncoding("gzip", bomb, 1u << 20);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kTooLarge);
}

TEST(ContentDecoder, LyingGzipTrailerDoesNotMisleadTheDecoder) {
  const std::string page = SamplePage();
  for (uint32_t claimed : {0u, 10u, 0xffffffffu}) {
    std::string gz = GzipCompress(page);
    // ISIZE is the last 4 bytes; libdeflate checks it, so a wrong one is corrupt
    // data — what matters is a clean error, not a huge allocation or a crash.
    for (int i = 0; i < 4; ++i) gz[gz.size() - 4 + i] = static_cast<char>(claimed >> (8 * i));
    Result<std::string> out = DecodeContentEncoding("gzip", gz, kTenMiB);
    ASSERT_FALSE(out.ok()) << claimed;
    EXPECT_EQ(out.status().code(), ErrorCode::kParse) << claimed;
  }
}

TEST(ContentDecoder, CorruptAndTruncatedStreamsAreParseErrors) {
  const std::string page = SamplePage();
  std::string gz = GzipCompress(page), br = BrotliCompress(page), zs = ZstdCompress(page),
              df = DeflateCompress(page, true);
  struct Case {
    const char* coding;
    std::string body;
  } cases[] = {
      {"gzip", gz.substr(0, gz.size() / 2)},    {"gzip", "this is not gzip at all, just text"},
      {"deflate", df.substr(0, df.size() / 2)}, {"deflate", std::string(64, '\xff')},
      {"br", br.substr(0, br.size() / 2)},      {"br", std::string(64, '\xff')},
      {"zstd", zs.substr(0, zs.size() / 2)},    {"zstd", "not a zstd frame"},
  };
  for (const Case& c : cases) {
    Result<std::string> out = DecodeContentEncoding(c.coding, c.body, kTenMiB);
    ASSERT_FALSE(out.ok()) << c.coding;
    EXPECT_EQ(out.status().code(), ErrorCode::kParse)
        << c.coding << ": " << out.status().ToString();
  }
}

TEST(ContentDecoder, GarbageAfterAGzipMemberIsIgnored) {
  const std::string page = SamplePage();
  Result<std::string> out =
      DecodeContentEncoding("gzip", GzipCompress(page) + std::string(8, '\0'), kTenMiB);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, page);
}

TEST(ContentDecoder, UnknownCodingsAndLongListsAreUnsupported) {
  Result<std::string> out = DecodeContentEncoding("compress", "abc", kTenMiB);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kUnsupported);
  out = DecodeContentEncoding("gzip, gzip, gzip, gzip, gzip", "abc", kTenMiB);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kUnsupported);
}

TEST(ContentDecoder, EmptyBodyDecodesToEmpty) {
  for (const char* coding : {"gzip", "deflate", "br", "zstd"}) {
    Result<std::string> out = DecodeContentEncoding(coding, "", kTenMiB);
    ASSERT_TRUE(out.ok()) << coding;
    EXPECT_TRUE(out->empty());
  }
}

TEST(ContentDecoder, ZstdFrameAskingForAHugeWindowIsRefused) {
  // A frame compressed with a 128 MiB window (long-distance mode) must not make
  // the decoder allocate it: HTTP zstd windows are capped at 8 MiB.
  std::string data(1 << 16, 'a');
  ZSTD_CCtx* c = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, 27);
  ZSTD_CCtx_setParameter(c, ZSTD_c_enableLongDistanceMatching, 1);
  ZSTD_CCtx_setPledgedSrcSize(c, ZSTD_CONTENTSIZE_UNKNOWN);
  std::string out(ZSTD_compressBound(data.size()) + 64, '\0');
  ZSTD_outBuffer dst{out.data(), out.size(), 0};
  ZSTD_inBuffer src{data.data(), data.size(), 0};
  // Not one ZSTD_e_end call: that would record the content size and shrink the window.
  ASSERT_FALSE(ZSTD_isError(ZSTD_compressStream2(c, &dst, &src, ZSTD_e_continue)));
  ZSTD_inBuffer none{nullptr, 0, 0};
  size_t left = ZSTD_compressStream2(c, &dst, &none, ZSTD_e_end);
  ZSTD_freeCCtx(c);
  ASSERT_EQ(left, 0u);
  out.resize(dst.pos);
  Result<std::string> got = DecodeContentEncoding("zstd", out, kTenMiB);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), ErrorCode::kParse) << got.status().ToString();
}

}  // namespace
}  // namespace hallyu
