#pragma once
// The engine's one HTTP/1.1 server (Beast, C++20 coroutines): keep-alive, size limits,
// deadlines, CORS, and WebSocket upgrades. It knows nothing about the APIs: requests go to an
// HttpHandler as transport-neutral ApiCalls.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "api/api_call.h"
#include "core/log.h"
#include "core/loop_pool.h"
#include "core/result.h"
#include "core/session_registry.h"

namespace regie::http {

struct HttpLimits {
    std::size_t maxBodyBytes = 40960;
    std::size_t maxHeaderBytes = std::size_t{16} * 1024;
    std::chrono::milliseconds keepAlive{30'000};  // idle and whole-request deadline
    bool allowCrossDomains = true;
    std::chrono::milliseconds mergeWrite{0};  // general.mergeWriteMS for live bodies
};

// The engine side of one accepted WebSocket connection, usable from any thread. As a
// BodyChannel it sends binary messages (one message per send).
class WebSocketPeer : public api::BodyChannel {
public:
    // Queues a text message; a peer whose queue stays full is disconnected.
    virtual void sendText(std::shared_ptr<const std::string> message) = 0;
    virtual const std::string& remoteIp() const = 0;
};

class WebSocketEndpoint {
public:
    virtual ~WebSocketEndpoint() = default;
    virtual void onOpen(std::shared_ptr<WebSocketPeer> peer) = 0;
    virtual void onText(std::string_view /*text*/) {}
    virtual void onClose() = 0;
};

struct UpgradeDecision {
    std::shared_ptr<WebSocketEndpoint> endpoint;  // null: refuse with `refusal`
    api::ApiReply refusal;
};

class HttpHandler {
public:
    virtual ~HttpHandler() = default;
    virtual void handle(api::ApiCall call, api::ReplySink reply) = 0;
    virtual UpgradeDecision upgrade(const api::ApiCall& call) = 0;
};

class HttpServer {
public:
    HttpServer(core::LoopPool& io, HttpHandler& handler, core::SessionRegistry& sessions,
               core::Logger& log);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts accepting; returns the bound port (useful when `port` is 0).
    core::Result<std::uint16_t> listen(const std::string& ip, std::uint16_t port);

    void setLimits(const HttpLimits& limits);
    HttpLimits limits() const;

    // Stops accepting and closes every open connection.
    void stop();

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

}  // namespace regie::http
