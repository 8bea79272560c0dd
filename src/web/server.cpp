#include "web/server.hpp"

#include "web/dispatch.hpp"
#include "web/web_app.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/file_body.hpp>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace numeria::web {

namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class Session;

bool headers_are_safe(const Response& response) {
    if (!is_safe_header_value(response.content_type))
        return false;
    for (const auto& [name, value] : response.headers)
        if (!is_safe_header_value(name) || !is_safe_header_value(value))
            return false;
    return true;
}

// What every connection shares: the app, the options, and the registry used to stop.
struct ServerState {
    ServerState(WebApp& web_app, const ServerOptions& server_options)
        : app(web_app)
        , options(server_options) {}
    WebApp& app;
    const ServerOptions& options;
    std::atomic<bool> stopping{false};
    std::atomic<unsigned> large_bodies{0}; // large bodies being received now
    std::mutex mutex;
    std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
};

// One large body being received: counts against the server's cap and owns the file it is
// written to (removed when the request is over, whatever happened).
class UploadSlot {
public:
    explicit UploadSlot(ServerState& state)
        : m_state(state) {}
    ~UploadSlot() {
        if (!m_path.empty()) {
            std::error_code ignored;
            std::filesystem::remove(m_path, ignored);
        }
        --m_state.large_bodies;
    }
    UploadSlot(const UploadSlot&) = delete;
    UploadSlot& operator=(const UploadSlot&) = delete;

    // Creates an empty file readable by this process's user only; false when it cannot.
    bool create_file(const std::string& folder) {
        std::error_code error;
        std::filesystem::create_directories(folder, error);
        std::filesystem::permissions(folder, std::filesystem::perms::owner_all, error);
        unsigned char random[12];
        randombytes_buf(random, sizeof random);
        char hex[2 * sizeof random + 1];
        sodium_bin2hex(hex, sizeof hex, random, sizeof random);
        const std::string path = (std::filesystem::path(folder) / ("upload-" + std::string(hex))).string();
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return false;
        ::close(fd);
        m_path = path;
        return true;
    }
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    ServerState& m_state;
    std::string m_path;
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, ServerState& state)
        : m_stream(std::move(socket))
        , m_state(state) {
        beast::error_code ignored;
        auto endpoint = m_stream.socket().remote_endpoint(ignored);
        m_remote = ignored ? "" : endpoint.address().to_string();
    }

    ~Session() {
        std::lock_guard lock(m_state.mutex);
        m_state.sessions.erase(this);
    }

    void start() {
        {
            std::lock_guard lock(m_state.mutex);
            m_state.sessions[this] = weak_from_this();
        }
        net::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->read_head(); });
    }

    // Called on the session's strand at shutdown: a connection waiting for a new request is closed;
    // one that is reading, handling or writing a request finishes it first.
    void close_if_idle() {
        if (m_idle) {
            beast::error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
            m_stream.socket().close(ignored);
        }
    }

    net::any_io_executor executor() { return m_stream.get_executor(); }

private:
    void read_head() {
        if (m_state.stopping) {
            close();
            return;
        }
        m_file_parser.reset();
        m_upload.reset();
        m_parser.emplace();
        m_parser->header_limit(m_state.options.header_limit);
        // The route decides the body limit once the head is known (see on_head). (An empty
        // optional would refuse every body: Beast compares the length with it as is.)
        m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
        m_idle = m_buffer.size() == 0;
        m_stream.expires_after(m_state.options.header_timeout);
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                beast::bind_front_handler(&Session::on_head, shared_from_this()));
    }

    void on_head(beast::error_code error, std::size_t /*bytes*/) {
        m_idle = false;
        m_started = std::chrono::steady_clock::now();
        m_request = Request{};
        m_request.remote_address = m_remote;
        if (error == http::error::end_of_stream || error == net::error::operation_aborted ||
            error == net::error::connection_reset || error == net::error::eof) {
            close();
            return;
        }
        if (error == beast::error::timeout) {
            // A client that never finished its headers (or an idle keep-alive connection): the
            // stream has already closed the socket when its timer fired, so nothing can be written.
            if (m_buffer.size() > 0)
                log_timeout();
            close();
            return;
        }
        if (error) {
            m_request.request_id = make_request_id(std::nullopt);
            reply_error(error == http::error::header_limit ? 431 : 400);
            return;
        }

        const auto& head = m_parser->get();
        m_request.method = parse_method(std::string_view(head.method_string().data(), head.method_string().size()));
        m_request.target = std::string(head.target());
        for (const auto& field : head) {
            std::string name(field.name_string());
            for (char& c : name)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string value(field.value());
            auto [it, inserted] = m_request.headers.emplace(name, value);
            if (!inserted)
                it->second += ", " + value;
        }
        m_request.request_id = make_request_id(m_request.header("x-request-id"));

        // Origin-form targets only ("/path?query"); anything else is a bad request.
        if (m_request.target.empty() || m_request.target.front() != '/') {
            reply_error(400);
            return;
        }
        std::size_t question = m_request.target.find('?');
        auto path = percent_decode(std::string_view(m_request.target).substr(0, question), false);
        if (!path || path->find('\0') != std::string::npos) {
            reply_error(400);
            return;
        }
        m_request.path = *path;
        if (question != std::string::npos)
            m_request.query = m_request.target.substr(question + 1);

        m_match = m_state.app.router.match(m_request.method, m_request.path);
        const std::uint64_t limit = m_match.route ? m_match.route->body_limit : DEFAULT_BODY_LIMIT;
        // Rule: docs/rules/security.md "Large bodies": body-size limit per route with 413, before
        // any byte of the body is read.
        if (auto length = m_parser->content_length(); length && *length > limit) {
            reply_error(413);
            return;
        }
        m_parser->body_limit(limit);
        if (m_parser->is_done()) {
            handle();
            return;
        }
        if (limit > DEFAULT_BODY_LIMIT && m_match.route) {
            read_large_body(limit);
            return;
        }
        m_stream.expires_after(m_state.options.body_timeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         beast::bind_front_handler(&Session::on_body, shared_from_this()));
    }

    // Rule: docs/rules/security.md "Large bodies": the caller is authorised from the head alone
    // (session, CSRF header, role), at most max_concurrent_uploads bodies arrive at once, and each
    // goes to a file, never to memory.
    void read_large_body(std::uint64_t limit) {
        if (auto refused = authorize_head(m_state.app, m_request, m_match)) {
            send(std::move(*refused), m_match.route->name, false);
            return;
        }
        if (++m_state.large_bodies > m_state.options.max_concurrent_uploads) {
            --m_state.large_bodies;
            Response busy = error_response(m_state.app, 503, m_request);
            busy.set_header("Retry-After", "10");
            send(std::move(busy), m_match.route->name, false);
            return;
        }
        m_upload = std::make_unique<UploadSlot>(m_state);
        beast::error_code error;
        if (m_upload->create_file(m_state.options.upload_dir)) {
            m_file_parser.emplace(std::move(*m_parser));
            m_file_parser->body_limit(limit);
            m_file_parser->get().body().open(m_upload->path().c_str(), beast::file_mode::write, error);
        }
        if (!m_file_parser || error) {
            spdlog::error(nlohmann::json{
                {"msg", "cannot write an upload"}, {"folder", m_state.options.upload_dir}, {"error", error.message()}}
                              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            m_file_parser.reset();
            m_upload.reset();
            send(error_response(m_state.app, 503, m_request), m_match.route->name, false);
            return;
        }
        m_stream.expires_after(m_state.options.body_timeout);
        http::async_read(m_stream, m_buffer, *m_file_parser,
                         beast::bind_front_handler(&Session::on_body, shared_from_this()));
    }

    void on_body(beast::error_code error, std::size_t /*bytes*/) {
        if (error == http::error::body_limit) {
            reply_error(413);
            return;
        }
        if (error == beast::error::timeout) {
            log_timeout();
            close();
            return;
        }
        if (error == http::error::end_of_stream || error == net::error::operation_aborted ||
            error == net::error::connection_reset || error == net::error::eof) {
            close();
            return;
        }
        if (error) {
            reply_error(400);
            return;
        }
        handle();
    }

    void handle() {
        bool keep_alive = false;
        if (m_file_parser) {
            m_file_parser->get().body().close();
            m_request.body_file = m_upload->path();
            keep_alive = m_file_parser->get().keep_alive();
        } else {
            m_request.body = std::move(m_parser->get().body());
            keep_alive = m_parser->get().keep_alive();
        }
        Response response = dispatch(m_state.app, m_request, m_match);
        m_file_parser.reset();
        m_upload.reset(); // the file is gone once the handler has read it
        const std::string route_name = m_match.route ? m_match.route->name : "unmatched";
        send(std::move(response), route_name, keep_alive && !m_state.stopping);
    }

    void log_timeout() {
        if (m_request.request_id.empty())
            m_request.request_id = make_request_id(std::nullopt);
        record_request(m_state.app, m_request, "timeout", 408, m_started, 0);
    }

    void reply_error(int status) {
        if (m_request.request_id.empty())
            m_request.request_id = make_request_id(std::nullopt);
        send(error_response(m_state.app, status, m_request), "rejected", false);
    }

    void send(Response response, const std::string& route_name, bool keep_alive) {
        add_security_headers(m_state.app, response);
        // Rule: docs/rules/security.md "Header values": a value with a control character would end
        // the header line and let the rest of it become headers of its own: never sent.
        if (!headers_are_safe(response)) {
            spdlog::error(nlohmann::json{
                {"msg", "unsafe header value refused"}, {"request_id", m_request.request_id}, {"route", route_name}}
                              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            response = error_response(m_state.app, 500, m_request);
            add_security_headers(m_state.app, response);
        }
        auto message = std::make_shared<http::response<http::string_body>>();
        message->version(11);
        message->result(static_cast<unsigned>(response.status));
        if (!response.content_type.empty())
            message->set(http::field::content_type, response.content_type);
        message->set(http::field::server, "Numeria");
        message->set("X-Request-Id", m_request.request_id);
        for (auto& [name, value] : response.headers)
            message->insert(name, value);
        message->keep_alive(keep_alive);
        if (response.stream && m_request.method != Method::Head) {
            send_chunks(message, std::move(response.stream), route_name, response.status, keep_alive);
            return;
        }
        const std::size_t bytes = response.body.size();
        if (m_request.method == Method::Head || response.status == 304 || response.status == 204) {
            if (response.status != 304 && response.status != 204)
                message->content_length(bytes);
        } else {
            message->body() = std::move(response.body);
            message->prepare_payload();
        }
        record_request(m_state.app, m_request, route_name, response.status, m_started, bytes);

        m_stream.expires_after(m_state.options.write_timeout);
        http::async_write(m_stream, *message,
                          [self = shared_from_this(), message, keep_alive](beast::error_code error, std::size_t) {
                              self->on_written(error, keep_alive);
                          });
    }

    // The head (Transfer-Encoding: chunked), then one chunk per call of `produce`, then the last
    // chunk; the session's timeout covers each write.
    void send_chunks(const std::shared_ptr<http::response<http::string_body>>& message,
                     std::function<bool(std::string&)> produce, const std::string& route_name, int status,
                     bool keep_alive) {
        message->chunked(true);
        auto serializer = std::make_shared<http::response_serializer<http::string_body>>(*message);
        record_request(m_state.app, m_request, route_name, status, m_started, 0);
        m_stream.expires_after(m_state.options.write_timeout);
        http::async_write_header(m_stream, *serializer,
                                 [self = shared_from_this(), message, serializer, keep_alive,
                                  producer = std::make_shared<std::function<bool(std::string&)>>(std::move(produce))](
                                     beast::error_code error, std::size_t) {
                                     if (error)
                                         return self->close();
                                     self->write_chunk(producer, keep_alive);
                                 });
    }

    void write_chunk(const std::shared_ptr<std::function<bool(std::string&)>>& producer, bool keep_alive) {
        auto piece = std::make_shared<std::string>();
        bool more = false;
        try {
            more = (*producer)(*piece);
        } catch (const std::exception& error) {
            spdlog::error(
                nlohmann::json{{"msg", "stream failed"}, {"request_id", m_request.request_id}, {"error", error.what()}}
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            return close();
        }
        if (piece->empty()) {
            if (more)
                return net::post(m_stream.get_executor(), [self = shared_from_this(), producer, keep_alive] {
                    self->write_chunk(producer, keep_alive);
                });
            return finish_chunks(keep_alive);
        }
        m_stream.expires_after(m_state.options.write_timeout);
        net::async_write(
            m_stream, http::make_chunk(net::buffer(*piece)),
            [self = shared_from_this(), producer, piece, more, keep_alive](beast::error_code error, std::size_t) {
                if (error)
                    return self->close();
                if (more)
                    return self->write_chunk(producer, keep_alive);
                self->finish_chunks(keep_alive);
            });
    }

    void finish_chunks(bool keep_alive) {
        auto end = std::make_shared<decltype(http::make_chunk_last())>(http::make_chunk_last());
        m_stream.expires_after(m_state.options.write_timeout);
        net::async_write(m_stream, *end,
                         [self = shared_from_this(), end, keep_alive](beast::error_code error, std::size_t) {
                             self->on_written(error, keep_alive);
                         });
    }

    void on_written(beast::error_code error, bool keep_alive) {
        if (error || !keep_alive) {
            close();
            return;
        }
        read_head();
    }

    void close() {
        m_file_parser.reset();
        m_upload.reset();
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        m_stream.socket().close(ignored);
    }

    beast::tcp_stream m_stream;
    ServerState& m_state;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::optional<http::request_parser<http::file_body>> m_file_parser; // a large body, to a file
    std::unique_ptr<UploadSlot> m_upload;
    Request m_request;
    RouteMatch m_match;
    std::string m_remote;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    bool m_idle = true;
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::io_context& context, ServerState& state)
        : m_context(context)
        , m_acceptor(net::make_strand(context))
        , m_state(state) {}

    bool listen(const tcp::endpoint& endpoint, std::string& why) {
        beast::error_code error;
        m_acceptor.open(endpoint.protocol(), error);
        if (!error)
            m_acceptor.set_option(net::socket_base::reuse_address(true), error);
        if (!error)
            m_acceptor.bind(endpoint, error);
        if (!error)
            m_acceptor.listen(net::socket_base::max_listen_connections, error);
        if (error)
            why = error.message();
        return !error;
    }

    std::uint16_t port() const {
        beast::error_code ignored;
        return m_acceptor.local_endpoint(ignored).port();
    }

    void accept() {
        m_acceptor.async_accept(net::make_strand(m_context),
                                beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
    }

    void stop() {
        net::post(m_acceptor.get_executor(), [self = shared_from_this()] {
            beast::error_code ignored;
            self->m_acceptor.close(ignored);
        });
    }

private:
    void on_accept(beast::error_code error, tcp::socket socket) {
        if (error == net::error::operation_aborted || !m_acceptor.is_open())
            return;
        if (!error) {
            socket.set_option(tcp::no_delay(true), error);
            std::make_shared<Session>(std::move(socket), m_state)->start();
        } else {
            log_accept_failure(error);
        }
        if (m_state.stopping)
            return;
        // Rule: docs/rules/security.md "Out of file descriptors": while the process (EMFILE) or the
        // system (ENFILE) has no descriptor left, accepting again at once would spin; wait 50-100 ms
        // so connections in flight can finish and free theirs.
        if (error == net::error::no_descriptors || error.value() == ENFILE || error == net::error::no_buffer_space ||
            error == net::error::no_memory) {
            m_backoff.expires_after(std::chrono::milliseconds(50 + randombytes_uniform(51)));
            m_backoff.async_wait([self = shared_from_this()](beast::error_code wait_error) {
                if (!wait_error && !self->m_state.stopping)
                    self->accept();
            });
            return;
        }
        accept();
    }

    // At most one log line a second, with the number of failures it stands for.
    void log_accept_failure(const beast::error_code& error) {
        ++m_failures_unlogged;
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last_failure_log < std::chrono::seconds(1))
            return;
        spdlog::warn(
            nlohmann::json{{"msg", "accept failed"}, {"error", error.message()}, {"count", m_failures_unlogged}}.dump(
                -1, ' ', false, nlohmann::json::error_handler_t::replace));
        m_failures_unlogged = 0;
        m_last_failure_log = now;
    }

    net::io_context& m_context;
    tcp::acceptor m_acceptor;
    ServerState& m_state;
    net::steady_timer m_backoff{m_acceptor.get_executor()};
    std::uint64_t m_failures_unlogged = 0;
    std::chrono::steady_clock::time_point m_last_failure_log{};
};

} // namespace

int run_server(WebApp& app, const ServerOptions& options, const std::function<void(std::uint16_t)>& on_listening) {
    const unsigned threads = std::max(1U, options.threads);
    // `state` outlives `context`: sessions still queued in the context unregister on destruction.
    ServerState state(app, options);
    net::io_context context(static_cast<int>(threads));

    beast::error_code error;
    auto address = net::ip::make_address(options.bind, error);
    if (error) {
        spdlog::critical("adresse d'écoute invalide '{}': {}", options.bind, error.message());
        return 1;
    }
    auto listener = std::make_shared<Listener>(context, state);
    std::string why;
    if (!listener->listen(tcp::endpoint(address, options.port), why)) {
        spdlog::critical("impossible d'écouter sur {}:{} : {}", options.bind, options.port, why);
        return 1;
    }
    listener->accept();
    on_listening(listener->port());

    // Graceful stop (docs/rules/web.md "Graceful stop"): on SIGTERM/SIGINT stop accepting, close idle connections, let
    // the in-flight requests finish, and stop the loop when none is left or the grace period is over.
    net::signal_set signals(context, SIGINT, SIGTERM);
    net::steady_timer drain(context);
    std::chrono::steady_clock::time_point deadline;
    std::function<void()> check_drained = [&] {
        // Collected under the registry's lock, used and released after it: ~Session (this may hold the
        // last reference) takes the same lock, which would deadlock this thread inside it.
        std::vector<std::shared_ptr<Session>> alive;
        {
            std::lock_guard lock(state.mutex);
            for (auto& [raw, weak] : state.sessions)
                if (auto session = weak.lock())
                    alive.push_back(std::move(session));
        }
        for (const std::shared_ptr<Session>& session : alive)
            net::post(session->executor(), [session] { session->close_if_idle(); });
        if (alive.empty() || std::chrono::steady_clock::now() >= deadline) {
            context.stop();
            return;
        }
        drain.expires_after(std::chrono::milliseconds(20));
        drain.async_wait([&](beast::error_code) { check_drained(); });
    };
    signals.async_wait([&](beast::error_code wait_error, int signal_number) {
        if (wait_error)
            return;
        spdlog::info(nlohmann::json{{"msg", "stopping"}, {"signal", signal_number}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace));
        state.stopping = true;
        listener->stop();
        deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
        check_drained();
    });

    std::vector<std::thread> workers;
    for (unsigned i = 1; i < threads; ++i)
        workers.emplace_back([&context] { context.run(); });
    context.run();
    for (auto& worker : workers)
        worker.join();
    return 0;
}

} // namespace numeria::web
