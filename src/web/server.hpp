// server.hpp: the HTTP/1.1 server (Boost.Beast on Asio, docs/adr/0005-http-and-templates.md).
// Keep-alive, per-route body limits (413 before reading the body), header/body/idle timeouts,
// 400 for malformed requests, and a graceful stop on SIGTERM/SIGINT: stop accepting, close idle
// connections, let in-flight requests finish (answered with "Connection: close"), then return.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace numeria::web {

struct WebApp;

struct ServerOptions {
    std::string bind = "127.0.0.1";
    std::uint16_t port = 8080; // 0: any free port (the "listening" log line gives it)
    unsigned threads = 2;
    std::chrono::milliseconds header_timeout{10'000}; // whole request head, idle keep-alive included
    std::chrono::milliseconds body_timeout{120'000};
    std::chrono::milliseconds write_timeout{60'000};
    std::chrono::milliseconds shutdown_grace{4'000}; // in-flight requests after a stop signal
    std::uint32_t header_limit = 16 * 1024;
    std::string upload_dir = "var/uploads"; // large bodies are written here while they arrive
    unsigned max_concurrent_uploads = 4;    // large bodies received at once; more get 503
};

// Serves until SIGTERM or SIGINT; returns 0 after a graceful stop, 1 when it cannot listen.
// `on_listening` receives the bound port once the socket listens.
int run_server(WebApp& app, const ServerOptions& options, const std::function<void(std::uint16_t)>& on_listening);

} // namespace numeria::web
