#pragma once
// room_create, room_close, room_login and room_logout (callbacks.md) from the room service's
// lifecycle, sent through the signed callback outbox.

#include "service/hooks/zego_callbacks.h"
#include "service/rooms/room_service.h"

namespace regie::service::rooms {

class RoomCallbacks final : public RoomObserver {
public:
    RoomCallbacks(hooks::ZegoCallbacks& callbacks, const core::Clock& clock)
        : m_callbacks(callbacks), m_clock(clock) {}

    void roomCreated(const RoomInfo& room, const std::string& creatorUserId) override;
    void roomClosed(const RoomInfo& room, RoomCloseReason reason, bool callback) override;
    void userLoggedIn(const RoomInfo& room, const RoomUser& user, bool relogin) override;
    void userLoggedOut(const RoomInfo& room, const RoomUser& user, LogoutReason reason,
                       std::int64_t logoutTimeMs) override;
    void streamAdded(const RoomInfo&, const RoomStream&) override {}
    void streamRemoved(const RoomInfo&, const RoomStream&, StreamCloseType) override {}

private:
    hooks::ZegoCallbacks& m_callbacks;
    const core::Clock& m_clock;
};

}  // namespace regie::service::rooms
