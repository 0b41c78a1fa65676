#include "tests/support/nginx_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/child_process.h"
#include "tests/support/paths.h"

namespace hallyu::testing {
namespace {

using namespace std::chrono_literals;

// A port nothing listens on right now (the kernel's pick for a throwaway socket).
int UnusedPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof(a);
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
    port = ntohs(a.sin_port);
  }
  close(fd);
  return port;
}

bool Accepts(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0;
  close(fd);
  return ok;
}

}  // namespace

NginxServer::NginxServer(const std::string& root, const std::string& tls_host) {
  dir_ = MakeTempDir("nginx");
  std::filesystem::create_directories(dir_ + "/tmp");
  std::string listen_extra;
  std::string tls_lines;
  if (!tls_host.empty()) {
    ca_file_ = dir_ + "/cert.pem";
    ChildProcess openssl(
        {"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", dir_ + "/key.pem", "-out", ca_file_,
         "-days", "2", "-subj", "/CN=" + tls_host, "-addext", "subjectAltName=DNS:" + tls_host},
        dir_);
    int rc = openssl.Wait(30s);
    if (rc != 0) ADD_FAILURE() << "openssl req failed (" << rc << "): " << openssl.Stderr();
    listen_extra = " ssl http2";
    tls_lines = "    ssl_certificate " + ca_file_ + ";\n    ssl_certificate_key " + dir_ +
                "/key.pem;\n    ssl_protocols TLSv1.2 TLSv1.3;\n";
  }
  port_ = UnusedPort();
  {
    std::ofstream conf(dir_ + "/nginx.conf");
    conf << "daemon off;\nmaster_process off;\nworker_processes 1;\n"
         << "pid " << dir_ << "/nginx.pid;\nerror_log " << dir_ << "/error.log warn;\n"
         << "events { worker_connections 256; }\nhttp {\n"
         << "  log_format conn '$connection $server_protocol $request_uri';\n"
         << "  access_log " << dir_ << "/access.log conn;\n"
         << "  client_body_temp_path " << dir_ << "/tmp;\n  proxy_temp_path " << dir_
         << "/tmp;\n  fastcgi_temp_path " << dir_ << "/tmp;\n  uwsgi_temp_path " << dir_
         << "/tmp;\n  scgi_temp_path " << dir_ << "/tmp;\n"
         << "  default_type text/html;\n  keepalive_requests 10000;\n"
         << "  http2_max_concurrent_streams 128;\n"
         << "  server {\n    listen 127.0.0.1:" << port_ << listen_extra << ";\n"
         << tls_lines << "    root " << root << ";\n  }\n}\n";
  }
  process_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{"/usr/sbin/nginx", "-c", dir_ + "/nginx.conf", "-p", dir_}, dir_);
  bool up = WaitFor([&] { return Accepts(port_); }, 10s);
  if (!up) {
    std::ifstream err(dir_ + "/error.log");
    std::stringstream ss;
    ss << err.rdbuf();
    ADD_FAILURE() << "nginx did not start on port " << port_ << ": " << process_->Stderr()
                  << ss.str();
  }
}

NginxServer::~NginxServer() {
  if (process_) {
    process_->Signal(SIGQUIT);
    process_->Wait(5s);
  }
}

std::vector<NginxAccess> NginxServer::AccessLog() const {
  std::vector<NginxAccess> out;
  std::ifstream in(dir_ + "/access.log");
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    NginxAccess a;
    fields >> a.connection >> a.protocol >> a.uri;
    out.push_back(a);
  }
  return out;
}

}  // namespace hallyu::testing
