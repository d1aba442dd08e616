#include "signed_call.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <random>

#include "api/zego/signature.h"
#include "load_state.h"

namespace regie::room_loadgen {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

std::string signedTarget(const Options& o, std::string_view action, std::string_view params) {
    static std::mt19937_64 random{std::random_device{}()};
    char nonce[17];
    std::snprintf(nonce, sizeof nonce, "%016llx", static_cast<unsigned long long>(random()));
    const auto appId = std::to_string(o.appId);
    const auto ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    return "/?Action=" + std::string(action) + "&AppId=" + appId + "&SignatureNonce=" + nonce +
           "&Timestamp=" + ts +
           "&Signature=" + api::zego::computeSignature(appId, nonce, o.secret, ts) +
           "&SignatureVersion=2.0&" + std::string(params);
}

asio::awaitable<std::variant<ActionReply, std::string>> call(const Options& o, std::string target) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(std::chrono::seconds(5));
    auto [cec] = co_await stream.async_connect(
        asio::ip::tcp::endpoint(asio::ip::make_address(o.host), o.port), kTuple);
    if (cec) {
        co_return "connect: " + cec.message();
    }
    http::request<http::empty_body> request(http::verb::get, target, 11);
    request.set(http::field::host, o.host);
    ActionReply reply;
    reply.sentNs = nowNs();
    auto [wec, wn] = co_await http::async_write(stream, request, kTuple);
    if (wec) {
        co_return "write: " + wec.message();
    }
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    auto [rec, rn] = co_await http::async_read(stream, buffer, response, kTuple);
    reply.answerNs = nowNs();
    if (rec) {
        co_return "read: " + rec.message();
    }
    boost::system::error_code ec;
    auto body = boost::json::parse(response.body(), ec);
    const auto* code = !ec && body.is_object() ? body.as_object().if_contains("Code") : nullptr;
    if (code == nullptr || !code->is_int64()) {
        co_return "no Code in " + response.body();
    }
    reply.code = static_cast<int>(code->as_int64());
    co_return reply;
}

}  // namespace

std::variant<ActionReply, std::string> callAction(const Options& options, std::string_view action,
                                                  std::string_view params) {
    asio::io_context io;
    std::variant<ActionReply, std::string> result = std::string("not run");
    asio::co_spawn(
        io, call(options, signedTarget(options, action, params)),
        [&result](const std::exception_ptr& e, std::variant<ActionReply, std::string> r) {
            if (e) {
                result = std::string("exception");
            } else {
                result = std::move(r);
            }
        });
    io.run();
    return result;
}

}  // namespace regie::room_loadgen
