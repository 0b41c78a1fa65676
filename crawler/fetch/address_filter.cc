#include "crawler/fetch/address_filter.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace hallyu {
namespace {

std::array<uint8_t, 16> Mapped(const in_addr& a) {
  std::array<uint8_t, 16> out{};
  out[10] = 0xff;
  out[11] = 0xff;
  std::memcpy(out.data() + 12, &a, 4);
  return out;
}

// The last four are IPv6 forms that carry an IPv4 address a router may reach for us:
// IPv4-compatible (::a.b.c.d, deprecated; ::/128 and ::1/128 lie inside), 6to4, Teredo and
// NAT64's local-use prefix (its well-known one is next to them). Refused whole: ::7f00:1,
// 2002:7f00:1:: and 64:ff9b::7f00:1 all lead to 127.0.0.1.
const char* const kRefused[] = {
    "0.0.0.0/8",      "10.0.0.0/8",   "100.64.0.0/10",  "127.0.0.0/8",   "169.254.0.0/16",
    "172.16.0.0/12",  "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4",
    "240.0.0.0/4",    "::/128",       "::1/128",        "fc00::/7",      "fe80::/10",
    "ff00::/8",       "64:ff9b::/96", "::/96",          "2002::/16",     "2001::/32",
    "64:ff9b:1::/48",
};

}  // namespace

Result<CidrRange> CidrRange::Parse(std::string_view text) {
  std::string s(text);
  int len = -1;  // -1: no prefix given (a single address)
  if (size_t slash = s.find('/'); slash != std::string::npos) {
    std::string_view p = std::string_view(s).substr(slash + 1);
    // Digits only: from_chars took "-1", which then read as "no prefix", i.e. /32.
    if (p.empty() || p.size() > 3 ||
        !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return InvalidArgument("bad CIDR prefix: " + s);
    }
    auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), len);
    if (ec != std::errc() || ptr != p.data() + p.size()) {
      return InvalidArgument("bad CIDR prefix: " + s);
    }
    s.resize(slash);
  }
  CidrRange r;
  in_addr v4{};
  in6_addr v6{};
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) {
    if (len < 0) len = 32;
    if (len > 32) return InvalidArgument("bad CIDR prefix: " + std::string(text));
    r.addr = Mapped(v4);
    r.prefix_len = 96 + len;
  } else if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
    if (len < 0) len = 128;
    if (len > 128) return InvalidArgument("bad CIDR prefix: " + std::string(text));
    std::memcpy(r.addr.data(), &v6, 16);
    r.prefix_len = len;
  } else {
    return InvalidArgument("bad CIDR address: " + std::string(text));
  }
  return r;
}

bool CidrRange::Contains(const std::array<uint8_t, 16>& a) const {
  int full = prefix_len / 8, rest = prefix_len % 8;
  if (std::memcmp(a.data(), addr.data(), static_cast<size_t>(full)) != 0) return false;
  if (rest == 0) return true;
  uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
  return (a[full] & mask) == (addr[full] & mask);
}

AddressFilter::AddressFilter(std::vector<CidrRange> allowed, bool block_non_public)
    : allowed_(std::move(allowed)), block_non_public_(block_non_public) {
  for (const char* r : kRefused) refused_.push_back(CidrRange::Parse(r).value());
}

bool AddressFilter::Allowed(const std::array<uint8_t, 16>& a) const {
  if (!block_non_public_) return true;
  for (const auto& r : allowed_)
    if (r.Contains(a)) return true;
  for (const auto& r : refused_)
    if (r.Contains(a)) return false;
  return true;
}

bool AddressFilter::Allowed(const sockaddr* addr) const {
  if (addr == nullptr) return false;
  if (addr->sa_family == AF_INET) {
    return Allowed(Mapped(reinterpret_cast<const sockaddr_in*>(addr)->sin_addr));
  }
  if (addr->sa_family == AF_INET6) {
    std::array<uint8_t, 16> a;
    std::memcpy(a.data(), &reinterpret_cast<const sockaddr_in6*>(addr)->sin6_addr, 16);
    return Allowed(a);
  }
  return false;
}

}  // namespace hallyu
