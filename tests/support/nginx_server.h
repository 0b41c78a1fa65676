#pragma once
// NginxServer: a real nginx (Debian's nginx-light) serving a directory on
// 127.0.0.1, in the foreground as a child of the test, optionally over TLS with
// HTTP/2 and a self-signed certificate made with the openssl command. Every
// request is logged as "<connection serial> <protocol> <uri>" so tests can tell
// which requests shared a connection.
#include <memory>
#include <string>
#include <vector>

namespace hallyu::testing {

class ChildProcess;

struct NginxAccess {
  std::string connection;  // nginx's connection serial number
  std::string protocol;    // "HTTP/1.1", "HTTP/2.0"
  std::string uri;
};

class NginxServer {
 public:
  // Starts nginx serving `root`. With `tls_host` non-empty it listens with TLS
  // and HTTP/2 and a certificate for that name (see ca_file()). Fails the test
  // (ADD_FAILURE) when nginx or openssl is missing or nginx does not come up.
  explicit NginxServer(const std::string& root, const std::string& tls_host = "");
  ~NginxServer();  // stops nginx
  NginxServer(const NginxServer&) = delete;
  NginxServer& operator=(const NginxServer&) = delete;

  int port() const { return port_; }
  // The PEM certificate clients must trust (the self-signed one), "" without TLS.
  const std::string& ca_file() const { return ca_file_; }
  // The access log so far, in order.
  std::vector<NginxAccess> AccessLog() const;

 private:
  std::string dir_, ca_file_;
  int port_ = 0;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace hallyu::testing
