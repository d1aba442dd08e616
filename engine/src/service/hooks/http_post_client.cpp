#include "service/hooks/http_post_client.h"

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <set>

namespace regie::service::hooks {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(use_awaitable);

namespace {

// co_spawn needs a default-constructible result; empty `error` means success.
struct Outcome {
    std::string error;
    HttpPostResponse response;
};

core::Result<HttpPostResponse> toResult(Outcome o) {
    if (!o.error.empty()) {
        return core::Error{std::move(o.error)};
    }
    return std::move(o.response);
}

struct Exchange {
    explicit Exchange(const asio::strand<asio::io_context::executor_type>& ex)
        : resolver(ex), socket(ex), deadline(ex) {}

    void abort() {
        resolver.cancel();
        boost::system::error_code ec;
        socket.close(ec);
    }

    tcp::resolver resolver;
    tcp::socket socket;
    asio::steady_timer deadline;
    bool timedOut = false;
    bool shutDown = false;
};

awaitable<Outcome> exchange(Exchange& ex, const HttpTarget& target, const HttpPostRequest& req) {
    auto [rec, endpoints] = co_await ex.resolver.async_resolve(target.host, target.port, kTuple);
    if (rec) {
        co_return Outcome{"resolve " + target.host + ": " + rec.message(), {}};
    }
    auto [cec, endpoint] = co_await asio::async_connect(ex.socket, endpoints, kTuple);
    if (cec) {
        co_return Outcome{"connect: " + cec.message(), {}};
    }
    bhttp::request<bhttp::string_body> request{bhttp::verb::post, target.target, 11};
    request.set(bhttp::field::host, target.hostField);
    request.set(bhttp::field::user_agent, "regie-engine");
    request.set(bhttp::field::content_type, req.contentType);
    for (const auto& [name, value] : req.headers) {
        request.set(name, value);
    }
    request.keep_alive(false);
    request.body() = req.body;
    request.prepare_payload();
    auto [wec, written] = co_await bhttp::async_write(ex.socket, request, kTuple);
    if (wec) {
        co_return Outcome{"write: " + wec.message(), {}};
    }
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(req.maxResponseBytes);
    auto [rdec, read] = co_await bhttp::async_read(ex.socket, buffer, parser, kTuple);
    if (rdec == bhttp::error::body_limit) {
        co_return Outcome{"reply larger than " + std::to_string(req.maxResponseBytes) + " bytes",
                          {}};
    }
    if (rdec) {
        co_return Outcome{"read: " + rdec.message(), {}};
    }
    boost::system::error_code ignored;
    ex.socket.shutdown(tcp::socket::shutdown_both, ignored);
    auto response = parser.release();
    co_return Outcome{{}, {static_cast<int>(response.result_int()), std::move(response.body())}};
}

}  // namespace

struct HttpPostClient::State {
    explicit State(asio::io_context& io) : strand(asio::make_strand(io)) {}

    asio::strand<asio::io_context::executor_type> strand;
    bool stopped = false;  // strand only
    std::set<std::shared_ptr<Exchange>> active;

    static awaitable<Outcome> run(std::shared_ptr<State> self, HttpPostRequest req) {
        auto target = parseHttpUrl(req.url);
        if (!target) {
            co_return Outcome{target.error().message, {}};
        }
        if (self->stopped) {
            co_return Outcome{"client shut down", {}};
        }
        auto ex = std::make_shared<Exchange>(self->strand);
        self->active.insert(ex);
        ex->deadline.expires_after(req.timeout);
        ex->deadline.async_wait([ex](boost::system::error_code ec) {
            if (!ec) {
                ex->timedOut = true;
                ex->abort();
            }
        });
        Outcome outcome = co_await exchange(*ex, target.value(), req);
        ex->deadline.cancel();
        self->active.erase(ex);
        if (ex->shutDown) {
            outcome = Outcome{"client shut down", {}};
        } else if (ex->timedOut) {
            outcome = Outcome{"timeout after " + std::to_string(req.timeout.count()) + " ms", {}};
        }
        co_return outcome;
    }
};

HttpPostClient::HttpPostClient(asio::io_context& io) : m_state(std::make_shared<State>(io)) {}

HttpPostClient::~HttpPostClient() {
    shutdown();
}

awaitable<core::Result<HttpPostResponse>> HttpPostClient::post(HttpPostRequest request) {
    co_return toResult(co_await asio::co_spawn(
        m_state->strand, State::run(m_state, std::move(request)), use_awaitable));
}

void HttpPostClient::post(HttpPostRequest request,
                          std::function<void(core::Result<HttpPostResponse>)> done) {
    asio::co_spawn(m_state->strand, State::run(m_state, std::move(request)),
                   [done = std::move(done)](const std::exception_ptr& e, Outcome o) {
                       if (e) {
                           o = Outcome{"http client failure", {}};
                       }
                       done(toResult(std::move(o)));
                   });
}

void HttpPostClient::shutdown() {
    asio::post(m_state->strand, [state = m_state] {
        state->stopped = true;
        for (const auto& ex : state->active) {
            ex->shutDown = true;
            ex->abort();
            ex->deadline.cancel();
        }
    });
}

asio::any_io_executor HttpPostClient::executor() const {
    return m_state->strand;
}

core::Result<HttpTarget> parseHttpUrl(std::string_view url) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed) {
        return core::Error{"bad url '" + std::string(url) + "': " + parsed.error().message()};
    }
    const auto& u = parsed.value();
    if (u.scheme_id() != boost::urls::scheme::http) {
        return core::Error{"unsupported url scheme '" + std::string(u.scheme()) + "'"};
    }
    HttpTarget t;
    switch (u.host_type()) {
        case boost::urls::host_type::ipv4:
            t.host = u.host_ipv4_address().to_string();
            break;
        case boost::urls::host_type::ipv6:
            t.host = u.host_ipv6_address().to_string();
            break;
        case boost::urls::host_type::name:
            t.host = u.host_name();
            break;
        default:
            return core::Error{"url '" + std::string(url) + "' has no usable host"};
    }
    if (t.host.empty()) {
        return core::Error{"url '" + std::string(url) + "' has no host"};
    }
    t.port = u.has_port() ? std::string(u.port()) : "80";
    t.target = u.encoded_path().empty() ? "/" : std::string(u.encoded_path());
    if (u.has_query()) {
        t.target += "?" + std::string(u.encoded_query());
    }
    t.hostField = std::string(u.encoded_host_and_port());
    return t;
}

}  // namespace regie::service::hooks
