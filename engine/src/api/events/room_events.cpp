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
    : m_feed(feed), m_snapshots(std::make_shared<SnapshotTicker>(feed, context, "rooms", [&rooms] {
        json::array list;
        for (const auto& r : rooms.rooms()) {
            list.push_back(json::object{{"roomId", r.roomId},
                                        {"userCount", r.userCount},
                                        {"streamCount", r.streamCount},
                                        {"createdAt", r.createdAtMs}});
        }
        return Snapshot{list.empty(), json::object{{"rooms", std::move(list)}}};
    })) {}

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

}  // namespace regie::api::events
