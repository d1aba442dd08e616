#include "api/events/room_events.h"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

namespace regie::api::events {

namespace json = boost::json;
using namespace service::rooms;

namespace {

json::object roomFields(const RoomInfo& room) {
    return {{"roomId", room.roomId},
            {"roomSessionId", room.sessionId},
            {"userCount", room.userCount},
            {"streamCount", room.streamCount},
            {"createdAt", room.createdAtMs}};
}

json::object userFields(const RoomInfo& room, const RoomUser& user) {
    return {{"roomId", room.roomId},         {"userId", user.userId},
            {"userName", user.userName},     {"role", static_cast<int>(user.role)},
            {"loginTime", user.loginTimeMs}, {"ip", user.ip},
            {"userCount", room.userCount}};
}

json::object streamFields(const RoomInfo& room, const RoomStream& stream) {
    return {{"roomId", room.roomId},
            {"streamId", stream.streamId},
            {"userId", stream.userId},
            {"userName", stream.userName},
            {"createTime", stream.createTimeMs},
            {"streamCount", room.streamCount}};
}

}  // namespace

RoomEvents::RoomEvents(EventFeed& feed, const RoomService& rooms, boost::asio::io_context& context)
    : m_feed(feed), m_rooms(rooms), m_timer(context) {}

void RoomEvents::roomCreated(const RoomInfo& room, const std::string& creatorUserId) {
    auto data = roomFields(room);
    data["creator"] = creatorUserId;
    m_feed.publish("room.created", data);
}

void RoomEvents::roomClosed(const RoomInfo& room, RoomCloseReason reason, bool /*callback*/) {
    auto data = roomFields(room);
    data["reason"] = static_cast<int>(reason);
    m_feed.publish("room.closed", data);
}

void RoomEvents::userLoggedIn(const RoomInfo& room, const RoomUser& user, bool relogin) {
    auto data = userFields(room, user);
    data["relogin"] = relogin;
    m_feed.publish("room.user_joined", data);
}

void RoomEvents::userLoggedOut(const RoomInfo& room, const RoomUser& user, LogoutReason reason,
                               std::int64_t /*logoutTimeMs*/) {
    auto data = userFields(room, user);
    data["reason"] = static_cast<int>(reason);
    m_feed.publish("room.user_left", data);
}

void RoomEvents::streamAdded(const RoomInfo& room, const RoomStream& stream) {
    m_feed.publish("room.stream_added", streamFields(room, stream));
}

void RoomEvents::streamRemoved(const RoomInfo& room, const RoomStream& stream,
                               StreamCloseType type) {
    auto data = streamFields(room, stream);
    data["reason"] = static_cast<int>(type);
    m_feed.publish("room.stream_removed", data);
}

void RoomEvents::start() {
    m_timer.expires_after(std::chrono::seconds(1));
    m_timer.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
        auto self = weak.lock();
        if (ec || !self) {
            return;
        }
        self->tick();
        self->start();
    });
}

void RoomEvents::stop() {
    boost::asio::post(m_timer.get_executor(),
                      [self = shared_from_this()] { self->m_timer.cancel(); });
}

void RoomEvents::tick() {
    if (m_feed.subscriberCount() == 0) {
        return;
    }
    auto rooms = m_rooms.rooms();
    if (rooms.empty() && m_lastWasEmpty) {
        return;
    }
    m_lastWasEmpty = rooms.empty();
    json::array list;
    for (const auto& r : rooms) {
        list.push_back(json::object{{"roomId", r.roomId},
                                    {"userCount", r.userCount},
                                    {"streamCount", r.streamCount},
                                    {"createdAt", r.createdAtMs}});
    }
    m_feed.publish("rooms", json::object{{"rooms", std::move(list)}});
}

}  // namespace regie::api::events
