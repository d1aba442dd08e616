#pragma once
// Room events on the feed: room.created / room.closed, room.user_joined / room.user_left,
// room.stream_added / room.stream_removed as they happen, and a `rooms` snapshot
// ([{roomId, userCount, streamCount, createdAt}]) every second while anyone listens.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "api/events/event_feed.h"
#include "service/rooms/room_service.h"

namespace regie::api::events {

class RoomEvents final : public service::rooms::RoomObserver,
                         public std::enable_shared_from_this<RoomEvents> {
public:
    RoomEvents(EventFeed& feed, const service::rooms::RoomService& rooms,
               boost::asio::io_context& context);

    void roomCreated(const service::rooms::RoomInfo& room,
                     const std::string& creatorUserId) override;
    void roomClosed(const service::rooms::RoomInfo& room, service::rooms::RoomCloseReason reason,
                    bool callback) override;
    void userLoggedIn(const service::rooms::RoomInfo& room, const service::rooms::RoomUser& user,
                      bool relogin) override;
    void userLoggedOut(const service::rooms::RoomInfo& room, const service::rooms::RoomUser& user,
                       service::rooms::LogoutReason reason, std::int64_t logoutTimeMs) override;
    void streamAdded(const service::rooms::RoomInfo& room,
                     const service::rooms::RoomStream& stream) override;
    void streamRemoved(const service::rooms::RoomInfo& room,
                       const service::rooms::RoomStream& stream,
                       service::rooms::StreamCloseType type) override;

    void start();
    void stop();

private:
    void tick();

    EventFeed& m_feed;
    const service::rooms::RoomService& m_rooms;
    boost::asio::steady_timer m_timer;
    bool m_lastWasEmpty = true;
};

}  // namespace regie::api::events
