#pragma once
// The client side of rooms: a WebSocket at /room/ws speaking the versioned JSON protocol of
// docs/room-protocol.md (login, heartbeat, logout, stream announcements, messages, token
// renewal; notifications of users, streams, messages, kicks and room closing).

#include <chrono>
#include <string_view>

#include "api/api_call.h"
#include "protocol/http/http_server.h"
#include "service/rooms/room_service.h"

namespace regie::api::rooms {

inline constexpr int kProtocolVersion = 1;

class RoomSignalling {
public:
    explicit RoomSignalling(service::rooms::RoomService& rooms) : m_rooms(rooms) {}

    static bool isSignallingPath(std::string_view path);
    http::UpgradeDecision accept(const ApiCall& call);

    // Told to clients at login: how often to send a heartbeat.
    void setHeartbeatInterval(std::chrono::milliseconds interval) {
        m_heartbeatInterval.store(interval.count());
    }

private:
    service::rooms::RoomService& m_rooms;
    std::atomic<std::int64_t> m_heartbeatInterval{10'000};
};

}  // namespace regie::api::rooms
