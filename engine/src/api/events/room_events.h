#pragma once
// Room events on the feed: room.created / room.closed, room.user_joined / room.user_left,
// room.stream_added / room.stream_removed as they happen, and a `rooms` snapshot
// ([{roomId, userCount, streamCount, createdAt}]) every second while anyone listens.

#include <boost/asio/io_context.hpp>
#include <memory>

#include "api/events/event_feed.h"
#include "api/events/snapshot_ticker.h"
#include "service/rooms/room_service.h"

namespace regie::api::events {

class RoomEvents final : public service::rooms::RoomObserver {
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

    void start() { m_snapshots->start(); }
    void stop() { m_snapshots->stop(); }

private:
    EventFeed& m_feed;
    std::shared_ptr<SnapshotTicker> m_snapshots;
};

}  // namespace regie::api::events
