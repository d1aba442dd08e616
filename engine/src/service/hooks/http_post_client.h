#pragma once
// A small asynchronous HTTP/1.1 POST client (plain http) for web hooks and callbacks. Every
// request runs on the client's strand; callers on any thread get the result through a
// callback or an awaitable, never by blocking.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace regie::service::hooks {

struct HttpPostRequest {
    std::string url;  // http://host[:port]/path[?query]
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // Whole exchange (resolve, connect, write, read) must finish within this.
    std::chrono::milliseconds timeout{10'000};
    std::size_t maxResponseBytes = std::size_t{1024} * 1024;
};

struct HttpPostResponse {
    int status = 0;
    std::string body;
};

class HttpPostClient {
public:
    explicit HttpPostClient(boost::asio::io_context& io);
    ~HttpPostClient();
    HttpPostClient(const HttpPostClient&) = delete;
    HttpPostClient& operator=(const HttpPostClient&) = delete;

    // Completes on the client's strand. Transport errors, timeouts, oversized replies and
    // shutdown are errors; any HTTP status is a response.
    boost::asio::awaitable<core::Result<HttpPostResponse>> post(HttpPostRequest request);
    void post(HttpPostRequest request, std::function<void(core::Result<HttpPostResponse>)> done);

    // Aborts requests in flight and fails later ones at once. Safe from any thread.
    void shutdown();

    boost::asio::any_io_executor executor() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

// Splits an absolute http URL; exposed for tests.
struct HttpTarget {
    std::string host;
    std::string port;
    std::string target;     // origin-form: path and query, "/" when empty
    std::string hostField;  // Host header value
};
core::Result<HttpTarget> parseHttpUrl(std::string_view url);

}  // namespace regie::service::hooks
