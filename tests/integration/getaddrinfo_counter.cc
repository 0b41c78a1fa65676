#include "tests/integration/getaddrinfo_counter.h"

#include <arpa/inet.h>
#include <dlfcn.h>
#include <netdb.h>
#include <netinet/in.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string_view>

namespace {

std::mutex g_mu;
std::map<std::string, int>* g_lookups = new std::map<std::string, int>;  // never freed

constexpr std::string_view kSuffix = ".dnscount.test";

bool Counted(const char* node) {
  std::string_view n = node == nullptr ? "" : node;
  return n.size() > kSuffix.size() && n.substr(n.size() - kSuffix.size()) == kSuffix;
}

using GetaddrinfoFn = int (*)(const char*, const char*, const addrinfo*, addrinfo**);

}  // namespace

// One block holds the addrinfo and its address, the layout the C library's
// freeaddrinfo releases with a single free().
extern "C" int getaddrinfo(const char* node, const char* service, const addrinfo* hints,
                           addrinfo** res) {
  if (!Counted(node)) {
    static auto real = reinterpret_cast<GetaddrinfoFn>(dlsym(RTLD_NEXT, "getaddrinfo"));
    return real(node, service, hints, res);
  }
  {
    std::lock_guard<std::mutex> lock(g_mu);
    ++(*g_lookups)[node];
  }
  if (hints != nullptr && hints->ai_family != AF_UNSPEC && hints->ai_family != AF_INET) {
    return EAI_NONAME;
  }
  auto* block = static_cast<char*>(std::calloc(1, sizeof(addrinfo) + sizeof(sockaddr_in)));
  if (block == nullptr) return EAI_MEMORY;
  auto* ai = reinterpret_cast<addrinfo*>(block);
  auto* sin = reinterpret_cast<sockaddr_in*>(block + sizeof(addrinfo));
  sin->sin_family = AF_INET;
  sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sin->sin_port = htons(static_cast<uint16_t>(service ? std::atoi(service) : 0));
  ai->ai_family = AF_INET;
  ai->ai_socktype = hints && hints->ai_socktype ? hints->ai_socktype : SOCK_STREAM;
  ai->ai_protocol = hints ? hints->ai_protocol : 0;
  ai->ai_addrlen = sizeof(sockaddr_in);
  ai->ai_addr = reinterpret_cast<sockaddr*>(sin);
  *res = ai;
  return 0;
}

namespace hallyu::testing {

int DnsLookups(const std::string& host) {
  std::lock_guard<std::mutex> lock(g_mu);
  auto it = g_lookups->find(host);
  return it == g_lookups->end() ? 0 : it->second;
}

}  // namespace hallyu::testing
