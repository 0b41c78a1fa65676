#pragma once
// A URL parser written from the WHATWG URL Standard's basic URL parser (the state machine
// of https://url.spec.whatwg.org/#concept-basic-url-parser), for the special schemes
// http, https, ws, wss and ftp. This is how browsers read an href, so a link resolves to
// the page a reader would reach.
//
// What it does as the standard does: leading/trailing C0 controls and spaces stripped,
// tabs and newlines removed anywhere; '\' read as '/'; scheme-relative and "http:foo"
// references against a base of the same scheme; the last '@' of the authority ends the
// user info; an empty password dropped; the userinfo, path, query and fragment
// percent-encode sets; dot segments (also "%2e") removed; hosts percent-decoded, mapped to
// ASCII (IDNA) and checked for forbidden code points; IPv4 in decimal, octal and hex with
// one to four parts; IPv6 with the longest run of zeros compressed; default ports
// dropped; the inputs the standard rejects rejected.
//
// Limits: "file:" is not parsed (kUnsupported, whatever WhatwgSchemes says), nor are non-special
// schemes ("mailto:", "javascript:", "sc://x") unless WhatwgSchemes::kAll asks for them (then an
// absolute non-special URL is parsed as the standard does: opaque host, opaque path, "/." before a
// host-less path starting with "//"; a reference relative to a non-special base is still
// kUnsupported). The crawler fetches neither. Host mapping is UTS #46 as libidn2
// implements it (non-transitional), which can differ from the standard's IDNA rules on
// rare labels (e.g. hyphen positions). Input bytes that are not UTF-8 are
// percent-encoded byte for byte instead of becoming U+FFFD.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "extractors/base/status.h"

namespace hallyu {

// A parsed URL (the standard's URL record). Every part is stored as serialised, so Href()
// is a concatenation. With the default WhatwgSchemes::kSpecialOnly it is always special.
struct WhatwgUrl {
  std::string scheme;        // lower-case, without ':' ("https")
  std::string username;      // percent-encoded, may be empty
  std::string password;      // percent-encoded, may be empty
  std::string host;          // "example.com", "192.168.0.1" or "[::1]"; empty only if non-special
  int port = -1;             // -1 when absent or the scheme's default
  std::string path;          // "/seg/seg", at least "/" when special; opaque_path: the text as is
  bool special = true;       // http, https, ws, wss or ftp
  bool has_host = true;      // false: a non-special URL without "//" (the standard's null host)
  bool opaque_path = false;  // a non-special "scheme:text" URL ("mailto:a@b", "tel:123")
  std::optional<std::string> query;     // without '?'; nullopt when absent
  std::optional<std::string> fragment;  // without '#'; nullopt when absent

  // The serialisation (the standard's href), with or without the fragment.
  std::string Href(bool with_fragment = true) const;
  // The port to connect to: port, else the scheme's default (80, 443, 21).
  int EffectivePort() const;
};

// Which schemes ParseWhatwgUrl reads: the special ones only (what the crawler fetches), or
// also the non-special ones (for `hallyu inspect url`, which prints what a browser would).
enum class WhatwgSchemes { kSpecialOnly, kAll };

// Parses `input` (UTF-8) as the URL Standard does, against `base` when given (a
// reference such as "../a", "//host/x", "?q" or "http:foo"). Returns kInvalidArgument
// where the standard fails (no base for a relative reference, a bad host or port, an
// empty host, a '@' with nothing after it), kUnsupported for a scheme this parser does
// not read (see the header comment).
Result<WhatwgUrl> ParseWhatwgUrl(std::string_view input, const WhatwgUrl* base = nullptr,
                                 WhatwgSchemes schemes = WhatwgSchemes::kSpecialOnly);

// The host parser alone for a special scheme: percent-decodes, maps to ASCII, reads
// IPv4/IPv6 forms. Returns the serialised host, or kInvalidArgument.
Result<std::string> ParseWhatwgHost(std::string_view input);

}  // namespace hallyu
