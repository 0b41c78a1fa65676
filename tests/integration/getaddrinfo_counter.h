#pragma once
// Counts the host-name lookups the process makes through the system resolver.
// The integration test binary defines getaddrinfo (getaddrinfo_counter.cc), which
// the dynamic linker binds libcurl's calls to: names under the reserved
// `.dnscount.test` domain are answered with 127.0.0.1 and counted, every other
// name goes to the C library's resolver unchanged.
#include <string>

namespace hallyu::testing {

// Lookups of `host` (a name under .dnscount.test) so far.
int DnsLookups(const std::string& host);

}  // namespace hallyu::testing
