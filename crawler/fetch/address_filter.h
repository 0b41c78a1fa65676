#pragma once
// AddressFilter: which IP addresses the fetcher may connect to.
//
// By default refuses everything that is not a public unicast address:
// loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7),
// link-local (169.254/16, fe80::/10), multicast (224/4, ff00::/8), unspecified
// (0/8, ::), CGNAT (100.64/10), broadcast/reserved (240/4), and the IPv6 forms that
// embed an IPv4 address: IPv4-compatible (::/96), 6to4 (2002::/16), Teredo (2001::/32),
// NAT64 (64:ff9b::/96, 64:ff9b:1::/48). IPv4-mapped IPv6 addresses are judged as their
// IPv4 address. Ranges listed as allowed (CIDR)
// override the refusal. Checked on the resolved address just before connect,
// so a name that resolves to 127.0.0.1 is refused too.

#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

// An IPv4 or IPv6 prefix; IPv4 is stored as IPv4-mapped IPv6 (::ffff:a.b.c.d).
struct CidrRange {
  std::array<uint8_t, 16> addr{};
  int prefix_len = 0;  // 0..128 over the 16-byte form

  // Parses "10.0.0.0/8", "fc00::/7" or a bare address (full-length prefix).
  // kInvalidArgument on anything else.
  static Result<CidrRange> Parse(std::string_view text);
  bool Contains(const std::array<uint8_t, 16>& a) const;
};

class AddressFilter {
 public:
  // `allowed`: CIDR ranges that are permitted even though they are in a
  // refused range. `block_non_public`: false turns the default refusals off.
  explicit AddressFilter(std::vector<CidrRange> allowed = {}, bool block_non_public = true);

  // True when a connection to `addr` may be made. Non-IP families are refused.
  bool Allowed(const sockaddr* addr) const;
  // Same for an address in 16-byte (IPv4-mapped for v4) form.
  bool Allowed(const std::array<uint8_t, 16>& addr) const;

 private:
  std::vector<CidrRange> allowed_;
  std::vector<CidrRange> refused_;
  bool block_non_public_;
};

}  // namespace hallyu
