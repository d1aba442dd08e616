#include "api/rooms/room_signalling.h"

#include <atomic>
#include <boost/json.hpp>
#include <mutex>

#include "api/rooms/room_wire.h"

namespace regie::api::rooms {

namespace json = boost::json;
using namespace service::rooms;

namespace {

// One client connection: reads requests, answers them, and is the room member the service
// notifies. Notifications arrive on any thread and are only queued to the peer.
class Connection final : public http::WebSocketEndpoint,
                         public RoomMember,
                         public std::enable_shared_from_this<Connection> {
public:
    Connection(RoomService& rooms, std::chrono::milliseconds heartbeatInterval)
        : m_rooms(rooms), m_heartbeatInterval(heartbeatInterval) {}

    void onOpen(std::shared_ptr<http::WebSocketPeer> peer) override {
        std::lock_guard lock(m_mutex);
        m_peer = std::move(peer);
    }

    void onText(std::string_view text) override {
        boost::system::error_code ec;
        auto value = json::parse(text, ec);
        if (ec || !value.is_object()) {
            reply({}, "error", WireCode::malformed, "not a JSON object");
            return;
        }
        const json::object& request = value.as_object();
        const json::value id = request.contains("id") ? request.at("id") : json::value();
        const auto* type = request.if_contains("type");
        if (type == nullptr || !type->is_string()) {
            reply(id, "error", WireCode::malformed, "missing type");
            return;
        }
        const std::string_view t = type->as_string();
        if (t == "login") {
            login(id, request);
        } else if (t == "heartbeat") {
            heartbeat(id);
        } else if (t == "logout") {
            logout(id);
        } else if (t == "stream_add") {
            streamAdd(id, request);
        } else if (t == "stream_remove") {
            streamRemove(id, request);
        } else if (t == "send_message") {
            sendMessage(id, request);
        } else if (t == "token_renew") {
            tokenRenew(id, request);
        } else {
            reply(id, "error", WireCode::unknownType, "unknown type " + std::string(t));
        }
    }

    void onClose() override {
        if (auto session = m_session.exchange(0); session != 0) {
            m_rooms.logout(session, LogoutReason::connectionLost);
        }
        std::lock_guard lock(m_mutex);
        m_peer.reset();
    }

    // RoomMember: called under the room service's lock; queue only.
    void userJoined(const RoomUser& user) override {
        notify("user_joined", {{"user", userJson(user)}});
    }
    void userLeft(const RoomUser& user, LogoutReason reason) override {
        notify("user_left", {{"user", userJson(user)}, {"reason", static_cast<int>(reason)}});
    }
    void streamAdded(const RoomStream& stream) override {
        notify("stream_added", {{"stream", streamJson(stream)}});
    }
    void streamRemoved(const RoomStream& stream, StreamCloseType type) override {
        notify("stream_removed",
               {{"stream", streamJson(stream)}, {"reason", static_cast<int>(type)}});
    }
    void message(const RoomMessage& message) override {
        notify("message", {{"message", messageJson(message)}});
    }
    void tokenExpired(std::int64_t logoutAtMs) override {
        notify("token_expired", {{"logoutAt", logoutAtMs}});
    }
    void ended(LogoutReason reason, bool roomClosed, const std::string& customReason) override {
        m_session.store(0);
        if (roomClosed) {
            notify("room_closed", {{"customReason", customReason}});
        }
        notify("kicked", {{"reason", static_cast<int>(reason)}, {"customReason", customReason}});
        std::lock_guard lock(m_mutex);
        if (m_peer) {
            m_peer->close();
        }
    }

private:
    void send(const json::object& message) {
        std::shared_ptr<http::WebSocketPeer> peer;
        {
            std::lock_guard lock(m_mutex);
            peer = m_peer;
        }
        if (peer) {
            peer->sendText(std::make_shared<const std::string>(json::serialize(message)));
        }
    }

    void notify(std::string_view type, json::object fields) {
        fields["type"] = type;
        send(fields);
    }

    void reply(const json::value& id, std::string_view type, WireCode code, std::string message,
               json::object fields = {}) {
        replyCode(id, type, static_cast<int>(code), std::move(message), std::move(fields));
    }

    void replyCode(const json::value& id, std::string_view type, int code, std::string message,
                   json::object fields = {}) {
        fields["type"] = type;
        fields["id"] = id;
        fields["code"] = code;
        fields["message"] = code == 0 ? std::string("ok") : std::move(message);
        send(fields);
    }

    void refuse(const json::value& id, std::string_view type, const RoomFailure& failure) {
        replyCode(id, type, failureCode(failure), failure.message);
    }

    static std::optional<std::string> field(const json::object& o, std::string_view key) {
        const auto* v = o.if_contains(key);
        if (v == nullptr || !v->is_string()) {
            return std::nullopt;
        }
        return std::string(v->as_string());
    }

    std::uint64_t sessionOrRefuse(const json::value& id, std::string_view type) {
        auto session = m_session.load();
        if (session == 0) {
            reply(id, type, WireCode::notLoggedIn, "log in first");
        }
        return session;
    }

    void login(const json::value& id, const json::object& request) {
        constexpr std::string_view kType = "login_result";
        if (m_session.load() != 0) {
            reply(id, kType, WireCode::alreadyLoggedIn, "this connection is already logged in");
            return;
        }
        const auto* version = request.if_contains("protocol");
        if (version != nullptr &&
            !(version->is_int64() && version->as_int64() == kProtocolVersion)) {
            reply(id, kType, WireCode::unsupportedProtocol, "protocol version 1 expected");
            return;
        }
        auto roomId = field(request, "roomId");
        auto userId = field(request, "userId");
        auto token = field(request, "token");
        if (!roomId || !userId || !token) {
            reply(id, kType, WireCode::badField, "roomId, userId and token are required strings");
            return;
        }
        std::string ip;
        {
            std::lock_guard lock(m_mutex);
            ip = m_peer ? m_peer->remoteIp() : std::string();
        }
        auto result = m_rooms.login({*roomId, *userId, field(request, "userName").value_or(""),
                                     *token, ip, shared_from_this()});
        if (auto* f = std::get_if<RoomFailure>(&result)) {
            refuse(id, kType, *f);
            return;
        }
        // Sent on this connection's own thread, the reply is queued before any notification
        // another thread posts for the room just joined (WebSocketPeer::sendText dispatches).
        const auto& r = std::get<LoginResult>(result);
        m_session.store(r.sessionId);
        json::array users;
        for (const auto& u : r.users) {
            users.push_back(userJson(u));
        }
        json::array streams;
        for (const auto& s : r.streams) {
            streams.push_back(streamJson(s));
        }
        reply(id, kType, WireCode::ok, {},
              {{"protocol", kProtocolVersion},
               {"sessionId", std::to_string(r.sessionId)},
               {"roomId", r.room.roomId},
               {"roomSessionId", r.room.sessionId},
               {"relogin", r.relogin},
               {"tokenExpire", r.tokenExpire},
               {"heartbeatIntervalMs", m_heartbeatInterval.count()},
               {"users", std::move(users)},
               {"streams", std::move(streams)}});
    }

    void heartbeat(const json::value& id) {
        constexpr std::string_view kType = "heartbeat_result";
        auto session = sessionOrRefuse(id, kType);
        if (session == 0) {
            return;
        }
        if (!m_rooms.heartbeat(session)) {
            reply(id, kType, WireCode::notLoggedIn, "the session has ended");
            return;
        }
        reply(id, kType, WireCode::ok, {});
    }

    void logout(const json::value& id) {
        constexpr std::string_view kType = "logout_result";
        auto session = m_session.exchange(0);
        if (session == 0) {
            reply(id, kType, WireCode::notLoggedIn, "log in first");
            return;
        }
        m_rooms.logout(session, LogoutReason::normal);
        reply(id, kType, WireCode::ok, {});
        std::lock_guard lock(m_mutex);
        if (m_peer) {
            m_peer->close();
        }
    }

    void streamAdd(const json::value& id, const json::object& request) {
        constexpr std::string_view kType = "stream_add_result";
        auto session = sessionOrRefuse(id, kType);
        if (session == 0) {
            return;
        }
        auto streamId = field(request, "streamId");
        if (!streamId) {
            reply(id, kType, WireCode::badField, "streamId is a required string");
            return;
        }
        auto result =
            m_rooms.announceStream(session, {*streamId, field(request, "title").value_or(""),
                                             field(request, "extraInfo").value_or("")});
        if (auto* f = std::get_if<RoomFailure>(&result)) {
            refuse(id, kType, *f);
            return;
        }
        reply(id, kType, WireCode::ok, {}, {{"stream", streamJson(std::get<RoomStream>(result))}});
    }

    void streamRemove(const json::value& id, const json::object& request) {
        constexpr std::string_view kType = "stream_remove_result";
        auto session = sessionOrRefuse(id, kType);
        if (session == 0) {
            return;
        }
        auto streamId = field(request, "streamId");
        if (!streamId) {
            reply(id, kType, WireCode::badField, "streamId is a required string");
            return;
        }
        auto result = m_rooms.withdrawStream(session, *streamId);
        if (auto* f = std::get_if<RoomFailure>(&result)) {
            refuse(id, kType, *f);
            return;
        }
        reply(id, kType, WireCode::ok, {});
    }

    void sendMessage(const json::value& id, const json::object& request) {
        constexpr std::string_view kType = "send_message_result";
        auto session = sessionOrRefuse(id, kType);
        if (session == 0) {
            return;
        }
        auto kindName = field(request, "kind").value_or("broadcast");
        std::optional<MessageKind> kind;
        for (auto k : {MessageKind::broadcast, MessageKind::barrage, MessageKind::custom}) {
            if (messageKindName(k) == kindName) {
                kind = k;
            }
        }
        auto content = field(request, "content");
        if (!kind || !content) {
            reply(id, kType, WireCode::badField,
                  "kind must be broadcast, barrage or custom; content is a required string");
            return;
        }
        std::vector<std::string> to;
        if (const auto* list = request.if_contains("toUserIds"); list && list->is_array()) {
            for (const auto& u : list->as_array()) {
                if (u.is_string()) {
                    to.emplace_back(u.as_string());
                }
            }
        }
        auto result = m_rooms.sendFromSession(session, *kind, *content, std::move(to));
        if (auto* f = std::get_if<RoomFailure>(&result)) {
            refuse(id, kType, *f);
            return;
        }
        auto message = messageJson(std::get<RoomMessage>(result));
        json::object fields;
        if (const auto* messageId = message.if_contains("messageId")) {
            fields["messageId"] = *messageId;
        }
        reply(id, kType, WireCode::ok, {}, std::move(fields));
    }

    void tokenRenew(const json::value& id, const json::object& request) {
        constexpr std::string_view kType = "token_renew_result";
        auto session = sessionOrRefuse(id, kType);
        if (session == 0) {
            return;
        }
        auto token = field(request, "token");
        if (!token) {
            reply(id, kType, WireCode::badField, "token is a required string");
            return;
        }
        auto result = m_rooms.renewToken(session, *token);
        if (auto* f = std::get_if<RoomFailure>(&result)) {
            refuse(id, kType, *f);
            return;
        }
        reply(id, kType, WireCode::ok, {}, {{"tokenExpire", std::get<std::int64_t>(result)}});
    }

    RoomService& m_rooms;
    const std::chrono::milliseconds m_heartbeatInterval;
    std::mutex m_mutex;
    std::shared_ptr<http::WebSocketPeer> m_peer;
    std::atomic<std::uint64_t> m_session{0};
};

}  // namespace

bool RoomSignalling::isSignallingPath(std::string_view path) {
    return path == "/room/ws";
}

http::UpgradeDecision RoomSignalling::accept(const ApiCall& /*call*/) {
    http::UpgradeDecision decision;
    decision.endpoint = std::make_shared<Connection>(
        m_rooms, std::chrono::milliseconds(m_heartbeatInterval.load()));
    return decision;
}

}  // namespace regie::api::rooms
