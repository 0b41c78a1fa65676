#include "crawler/fetch/address_filter.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include <cstring>

namespace hallyu {
namespace {

bool AllowedText(const AddressFilter& f, const char* text) {
  sockaddr_storage ss{};
  if (inet_pton(AF_INET, text, &reinterpret_cast<sockaddr_in*>(&ss)->sin_addr) == 1) {
    ss.ss_family = AF_INET;
  } else {
    EXPECT_EQ(inet_pton(AF_INET6, text, &reinterpret_cast<sockaddr_in6*>(&ss)->sin6_addr), 1)
        << text;
    ss.ss_family = AF_INET6;
  }
  return f.Allowed(reinterpret_cast<sockaddr*>(&ss));
}

TEST(AddressFilter, RefusesNonPublicByDefault) {
  AddressFilter f;
  for (const char* a : {"127.0.0.1",
                        "127.8.9.10",
                        "10.1.2.3",
                        "172.16.0.1",
                        "172.31.255.255",
                        "192.168.1.1",
                        "169.254.169.254",
                        "224.0.0.1",
                        "239.255.255.250",
                        "0.0.0.0",
                        "100.64.0.1",
                        "100.127.255.254",
                        "255.255.255.255",
                        "::1",
                        "::",
                        "fc00::1",
                        "fd12:3456::1",
                        "fe80::1",
                        "ff02::1",
                        "::ffff:127.0.0.1",
                        "::ffff:10.0.0.1"}) {
    EXPECT_FALSE(AllowedText(f, a)) << a;
  }
  for (const char* a : {"8.8.8.8", "172.32.0.1", "100.128.0.1", "211.234.10.1",
                        "2001:4860:4860::8888", "::ffff:8.8.8.8"}) {
    EXPECT_TRUE(AllowedText(f, a)) << a;
  }
}

// IPv6 forms that embed an IPv4 address (issue 20, case 9): a router or relay on the way
// may turn them into the IPv4 address, so each spelling of 127.0.0.1 / 10.0.0.1 through
// them is refused, and so is the whole prefix.
TEST(AddressFilter, RefusesIpv6FormsThatEmbedIpv4) {
  AddressFilter f;
  for (const char* a : {"::127.0.0.1",  // IPv4-compatible
                        "::7f00:1", "::10.0.0.1", "::8.8.8.8",
                        "2002:7f00:1::1",  // 6to4 of 127.0.0.1
                        "2002:a00:1::", "2002:808:808::1",
                        "2001:0:4136:e378:8000:63bf:80ff:fffe",  // Teredo
                        "2001::1",
                        "64:ff9b::7f00:1",  // NAT64 well-known prefix
                        "64:ff9b::8.8.8.8",
                        "64:ff9b:1::7f00:1",  // NAT64 local-use prefix
                        "64:ff9b:1:ffff::1"}) {
    EXPECT_FALSE(AllowedText(f, a)) << a;
  }
  // Neighbours of those prefixes stay public.
  for (const char* a :
       {"2001:1::1", "2001:4860:4860::8888", "2003::1", "64:ff9b:2::1", "1::7f00:1"}) {
    EXPECT_TRUE(AllowedText(f, a)) << a;
  }
}

TEST(AddressFilter, AllowedRangesOverride) {
  AddressFilter f({CidrRange::Parse("127.0.0.0/8").value(), CidrRange::Parse("fd00::/8").value()});
  EXPECT_TRUE(AllowedText(f, "127.0.0.1"));
  EXPECT_TRUE(AllowedText(f, "::ffff:127.0.0.1"));
  EXPECT_TRUE(AllowedText(f, "fd00::5"));
  EXPECT_FALSE(AllowedText(f, "::1"));
  EXPECT_FALSE(AllowedText(f, "10.0.0.1"));
  AddressFilter open({}, /*block_non_public=*/false);
  EXPECT_TRUE(AllowedText(open, "10.0.0.1"));
}

TEST(AddressFilter, ParsesCidr) {
  EXPECT_TRUE(CidrRange::Parse("10.0.0.0/8").ok());
  EXPECT_TRUE(CidrRange::Parse("192.168.1.7").ok());
  EXPECT_TRUE(CidrRange::Parse("fc00::/7").ok());
  EXPECT_FALSE(CidrRange::Parse("10.0.0.0/33").ok());
  EXPECT_FALSE(CidrRange::Parse("10.0.0/8").ok());
  EXPECT_FALSE(CidrRange::Parse("10.0.0.0/").ok());
  EXPECT_FALSE(CidrRange::Parse("host.example").ok());
  CidrRange r = CidrRange::Parse("172.16.0.0/12").value();
  std::array<uint8_t, 16> a{};
  a[10] = a[11] = 0xff;
  a[12] = 172;
  a[13] = 31;
  EXPECT_TRUE(r.Contains(a));
  a[13] = 32;
  EXPECT_FALSE(r.Contains(a));
}

}  // namespace
}  // namespace hallyu
