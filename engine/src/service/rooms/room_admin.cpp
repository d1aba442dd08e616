#include "service/rooms/room_service.h"
#include "service/rooms/room_service_state.h"

namespace regie::service::rooms {

using namespace detail;

std::optional<RoomInfo> RoomService::room(const std::string& roomId) const {
    std::lock_guard lock(m_mutex);
    const Room* room = findRoom(roomId);
    return room == nullptr ? std::nullopt : std::optional(info(*room));
}

std::vector<RoomInfo> RoomService::rooms() const {
    std::lock_guard lock(m_mutex);
    std::vector<RoomInfo> out;
    for (const auto& [id, room] : m_rooms) {
        out.push_back(info(*room));
    }
    return out;
}

std::optional<std::vector<UserStatus>> RoomService::userStatus(
    const std::string& roomId, const std::vector<std::string>& ids) const {
    std::lock_guard lock(m_mutex);
    const Room* room = findRoom(roomId);
    if (room == nullptr) {
        return std::nullopt;
    }
    std::vector<UserStatus> out;
    for (const auto& id : ids) {
        auto it = room->users.find(id);
        if (it == room->users.end()) {
            out.push_back({id, false, 0, UserRole::audience});
        } else {
            out.push_back({id, true, it->second->loginTimeMs, userOf(*room, *it->second).role});
        }
    }
    return out;
}

std::vector<RoomUser> RoomService::users(const std::string& roomId) const {
    std::lock_guard lock(m_mutex);
    std::vector<RoomUser> out;
    const Room* room = findRoom(roomId);
    if (room == nullptr) {
        return out;
    }
    for (const auto& [id, s] : room->users) {
        out.push_back(userOf(*room, *s));
    }
    std::sort(out.begin(), out.end(), [](const RoomUser& a, const RoomUser& b) {
        return std::tie(a.loginTimeMs, a.userId) < std::tie(b.loginTimeMs, b.userId);
    });
    return out;
}

std::optional<std::vector<RoomStream>> RoomService::streams(const std::string& roomId) const {
    std::lock_guard lock(m_mutex);
    const Room* room = findRoom(roomId);
    return room == nullptr ? std::nullopt : std::optional(room->streams);
}

RoomResult<std::monostate> RoomService::addStream(const InjectedStream& s) {
    if (auto bad = checkStreamFields(s.streamId, s.title, s.extraInfo)) {
        return *bad;
    }
    std::lock_guard lock(m_mutex);
    Room* room = findRoom(s.roomId);
    if (room == nullptr) {
        return failure(RoomError::roomMissing, "room does not exist");
    }
    if (auto owner = m_streamRooms.find(s.streamId); owner != m_streamRooms.end()) {
        const Room* other = findRoom(owner->second);
        const bool sameOwner =
            other == room &&
            std::any_of(room->streams.begin(), room->streams.end(), [&](const RoomStream& x) {
                return x.streamId == s.streamId && x.userId == s.userId;
            });
        if (sameOwner) {
            return std::monostate{};
        }
        return failure(RoomError::streamOwned, "the stream id belongs to another user");
    }
    addStreamLocked(
        *room,
        {s.streamId, s.userId, s.userName.empty() ? s.userId : s.userName, s.title, s.extraInfo},
        s.userId);
    return std::monostate{};
}

RoomResult<std::monostate> RoomService::deleteStream(const std::string& roomId,
                                                     const std::string& operatorUserId,
                                                     const std::string& streamId) {
    std::lock_guard lock(m_mutex);
    Room* room = findRoom(roomId);
    auto owner = m_streamRooms.find(streamId);
    if (room == nullptr || owner == m_streamRooms.end() || owner->second != roomId) {
        return failure(RoomError::streamMissing, "stream information does not exist");
    }
    removeStreamLocked(*room, streamId, StreamCloseType::deleted, operatorUserId, false);
    closeRoomIfIdleLocked(*room, RoomCloseReason::normal);
    return std::monostate{};
}

RoomResult<std::monostate> RoomService::closeRoom(const std::string& roomId,
                                                  const std::string& customReason, bool callback) {
    std::lock_guard lock(m_mutex);
    Room* room = findRoom(roomId);
    if (room == nullptr) {
        return failure(RoomError::roomMissing, "room does not exist");
    }
    std::vector<std::string> streamIds;
    for (const auto& s : room->streams) {
        streamIds.push_back(s.streamId);
    }
    for (const auto& id : streamIds) {
        removeStreamLocked(*room, id, StreamCloseType::roomCleared, {}, true);
    }
    std::vector<std::shared_ptr<Session>> sessions;
    for (const auto& [id, s] : room->users) {
        sessions.push_back(s);
    }
    for (const auto& s : sessions) {
        endSessionLocked(*room, s, LogoutReason::kicked, true);
        if (s->member) {
            s->member->ended(LogoutReason::kicked, true, customReason);
        }
    }
    destroyRoomLocked(roomId, RoomCloseReason::normal, callback);
    return std::monostate{};
}

RoomResult<std::monostate> RoomService::kickout(const std::string& roomId,
                                                const std::vector<std::string>& userIds,
                                                const std::string& customReason) {
    std::lock_guard lock(m_mutex);
    Room* room = findRoom(roomId);
    if (room == nullptr) {
        return failure(RoomError::roomMissing, "room does not exist");
    }
    for (const auto& id : userIds) {
        auto it = room->users.find(id);
        if (it == room->users.end()) {
            continue;
        }
        auto session = it->second;
        endSessionLocked(*room, session, LogoutReason::kicked, false);
        if (session->member) {
            session->member->ended(LogoutReason::kicked, false, customReason);
        }
    }
    closeRoomIfIdleLocked(*room, RoomCloseReason::kicked);
    return std::monostate{};
}

}  // namespace regie::service::rooms
