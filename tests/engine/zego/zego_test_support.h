#pragma once
// Helpers for driving ZegoDoor::handle() without a socket: signed query strings and a sink
// that records replies from any thread.

#include <atomic>
#include <boost/json/parse.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_call.h"
#include "api/zego/signature.h"
#include "api/zego/zego_door.h"

namespace zego_test {

constexpr std::uint32_t kAppId = 1234567890;
constexpr std::string_view kSecret = "0123456789abcdef0123456789abcdef";
constexpr std::int64_t kNow = 1'700'000'000;

inline std::string uniqueNonce() {
    static std::atomic<int> counter{0};
    return "nonce" + std::to_string(counter.fetch_add(1));
}

struct SignedQuery {
    std::string action;
    std::string extra;  // appended after the public parameters
    std::string nonce = uniqueNonce();
    std::int64_t timestamp = kNow;
    std::string secret{kSecret};
    std::uint32_t appId = kAppId;

    std::string str() const {
        const std::string ts = std::to_string(timestamp);
        const std::string app = std::to_string(appId);
        std::string q = "Action=" + action + "&AppId=" + app + "&SignatureNonce=" + nonce +
                        "&Timestamp=" + ts +
                        "&Signature=" + regie::api::zego::computeSignature(app, nonce, secret, ts) +
                        "&SignatureVersion=2.0";
        if (!extra.empty()) {
            q += "&" + extra;
        }
        return q;
    }
};

inline regie::api::ApiCall makeCall(std::string rawQuery, std::string body = {}) {
    regie::api::ApiCall call;
    call.method = body.empty() ? "GET" : "POST";
    call.path = "/";
    call.rawQuery = std::move(rawQuery);
    call.body = std::move(body);
    if (!call.body.empty()) {
        call.headers.push_back({"Content-Type", "application/json"});
    }
    call.peerIp = "192.0.2.7";
    return call;
}

// Records every reply; safe to hand to any thread.
class ReplyCatcher {
public:
    regie::api::ReplySink sink() const {
        return [state = m_state](regie::api::ApiReply reply) {
            const std::lock_guard lock(state->mutex);
            state->replies.push_back(std::move(reply));
            state->arrived.notify_all();
        };
    }

    bool waitForReply(std::chrono::milliseconds timeout = std::chrono::seconds(5)) const {
        std::unique_lock lock(m_state->mutex);
        return m_state->arrived.wait_for(lock, timeout, [&] { return !m_state->replies.empty(); });
    }

    std::size_t count() const {
        const std::lock_guard lock(m_state->mutex);
        return m_state->replies.size();
    }

    regie::api::ApiReply reply() const {
        const std::lock_guard lock(m_state->mutex);
        return m_state->replies.empty() ? regie::api::ApiReply{} : m_state->replies.front();
    }

    // The first reply's envelope; {"Code":-1} if none arrived or it is not a JSON object.
    boost::json::object envelope() const {
        boost::system::error_code ec;
        const auto value = boost::json::parse(reply().body, ec);
        if (ec || !value.is_object()) {
            return {{"Code", -1}};
        }
        return value.as_object();
    }

private:
    struct State {
        std::mutex mutex;
        std::condition_variable arrived;
        std::vector<regie::api::ApiReply> replies;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

// One synchronous call; the envelope of its reply.
inline boost::json::object call(regie::api::zego::ZegoDoor& door, std::string rawQuery,
                                std::string body = {}) {
    ReplyCatcher catcher;
    door.handle(makeCall(std::move(rawQuery), std::move(body)), catcher.sink());
    if (catcher.count() != 1) {
        return {{"Code", -2}};
    }
    return catcher.envelope();
}

inline std::int64_t codeOf(const boost::json::object& envelope) {
    return envelope.at("Code").as_int64();
}

}  // namespace zego_test
