// `hallyu serve DIR`: serves a directory of files over HTTP on 127.0.0.1.
// Used by scripts/demo.sh to put the bundled sample web on loopback, and handy for
// trying sources against a local mirror before pointing hallyu at the real sites.
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>

#include "crawler/cli/cli.h"

namespace hallyu {
namespace {

struct ServeOptions {
  std::string dir;
  std::string host = "127.0.0.1";
  int port = 18080;
};

httplib::Server* g_server = nullptr;

extern "C" void StopServer(int) {
  if (g_server != nullptr) g_server->stop();
}

int RunServe(const ServeOptions& opts) {
  std::error_code ec;
  if (!std::filesystem::is_directory(opts.dir, ec)) {
    std::cerr << "hallyu serve: not a directory: " << opts.dir << "\n";
    return 1;
  }
  httplib::Server server;
  server.set_mount_point("/", opts.dir);
  server.set_file_extension_and_mimetype_mapping("xml", "application/xml");
  server.set_file_extension_and_mimetype_mapping("json", "application/json");
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    spdlog::debug("serve {} {} -> {}", req.method, req.path, res.status);
  });
  g_server = &server;
  std::signal(SIGINT, StopServer);
  std::signal(SIGTERM, StopServer);
  if (!server.bind_to_port(opts.host, opts.port)) {
    std::cerr << "hallyu serve: cannot listen on " << opts.host << ":" << opts.port << "\n";
    return 1;
  }
  spdlog::info("serving {} on http://{}:{}/", opts.dir, opts.host, opts.port);
  server.listen_after_bind();
  g_server = nullptr;
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& parent, CliContext& ctx) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* cmd = parent.add_subcommand(
      "serve", "Serve a directory over HTTP on loopback (a local mirror for trying sources)");
  cmd->add_option("DIR", opts->dir, "Directory to serve")->required();
  cmd->add_option("--host", opts->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", opts->port, "Port to listen on")->capture_default_str();
  cmd->callback([&ctx, opts] { ctx.run = [opts] { return RunServe(*opts); }; });
}

}  // namespace hallyu
