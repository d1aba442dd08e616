#include "service/rooms/room_service.h"
#include "service/rooms/room_service_state.h"

namespace regie::service::rooms {

using namespace detail;

void RoomService::addStreamLocked(Room& room, RoomStream stream, const std::string& exceptUserId) {
    stream.numberId = ++room.streamNumber;
    stream.createTimeMs = m_clock.unixMillis();
    m_streamRooms[stream.streamId] = room.roomId;
    room.streams.push_back(stream);
    room.tellMembers(exceptUserId, [&](RoomMember& m) { m.streamAdded(stream); });
    const RoomInfo roomInfo = info(room);
    tellObservers([&](RoomObserver& o) { o.streamAdded(roomInfo, stream); });
}

void RoomService::removeStreamLocked(Room& room, const std::string& streamId, StreamCloseType type,
                                     const std::string& exceptUserId, bool closeMedia) {
    auto it = std::find_if(room.streams.begin(), room.streams.end(),
                           [&](const RoomStream& s) { return s.streamId == streamId; });
    if (it == room.streams.end()) {
        return;
    }
    const RoomStream stream = *it;
    room.streams.erase(it);
    m_streamRooms.erase(streamId);
    const bool live = m_liveStreams.count(streamId) != 0;
    if (live) {
        m_closing[streamId] =
            StreamRoom{room.roomId,  room.sessionId,   stream.userId, stream.userName,
                       stream.title, stream.extraInfo, type};
    }
    room.tellMembers(exceptUserId, [&](RoomMember& m) { m.streamRemoved(stream, type); });
    const RoomInfo roomInfo = info(room);
    tellObservers([&](RoomObserver& o) { o.streamRemoved(roomInfo, stream, type); });
    if (live && closeMedia && m_closer) {
        m_closer(streamId);
    }
}

RoomResult<RoomStream> RoomService::announceStream(std::uint64_t sessionId,
                                                   const StreamAnnouncement& announcement) {
    if (auto bad =
            checkStreamFields(announcement.streamId, announcement.title, announcement.extraInfo)) {
        return *bad;
    }
    std::lock_guard lock(m_mutex);
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        return failure(RoomError::notLoggedIn, "not logged in");
    }
    const Session& session = *it->second;
    if (!session.grant.mayPublish(announcement.streamId)) {
        return failure(RoomError::publishDenied, "the token does not allow publishing this stream");
    }
    if (auto refusal = m_rules.refusal(
            {rules::UserPrivilege::publish, session.ip, session.roomId, session.userId})) {
        return failure(RoomError::publishBanned, *refusal);
    }
    Room* room = findRoom(session.roomId);
    if (auto owner = roomOfStreamLocked(announcement.streamId)) {
        if (owner->roomId != session.roomId || owner->userId != session.userId) {
            return failure(RoomError::streamOwned, "the stream id belongs to another user");
        }
        for (const auto& s : room->streams) {
            if (s.streamId == announcement.streamId) {
                return s;
            }
        }
    }
    RoomStream stream{announcement.streamId, session.userId, session.userName, announcement.title,
                      announcement.extraInfo};
    addStreamLocked(*room, stream, session.userId);
    return room->streams.back();
}

RoomResult<std::monostate> RoomService::withdrawStream(std::uint64_t sessionId,
                                                       const std::string& streamId) {
    std::lock_guard lock(m_mutex);
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        return failure(RoomError::notLoggedIn, "not logged in");
    }
    Room* room = findRoom(it->second->roomId);
    auto s = std::find_if(room->streams.begin(), room->streams.end(), [&](const auto& x) {
        return x.streamId == streamId && x.userId == it->second->userId;
    });
    if (s == room->streams.end()) {
        return failure(RoomError::streamMissing, "no such stream of this user in the room");
    }
    removeStreamLocked(*room, streamId, StreamCloseType::normal, it->second->userId, true);
    return std::monostate{};
}

media::AccessCheck RoomService::publishGate() {
    return [this](const media::AccessRequest& request, const media::AccessAnswer& answer) {
        RoomSettings s;
        {
            std::lock_guard lock(m_mutex);
            s = m_settings;
        }
        if (request.key.app != s.app) {
            answer(media::AccessVerdict::allow());
            return;
        }
        const std::string& streamId = request.key.stream;
        const std::string roomId = queryValue(request.params, "room_id");
        if (!roomId.empty()) {
            PublishGrant g;
            g.roomId = roomId;
            g.userId = queryValue(request.params, "user_id");
            g.userName = queryValue(request.params, "user_name");
            g.ip = request.peerIp;
            if (auto bad = checkIdentity(g.roomId, g.userId, g.userName)) {
                answer(media::AccessVerdict::refuse(bad->message));
                return;
            }
            auto grant = checkToken(queryValue(request.params, "token"), g.userId, g.roomId);
            if (auto* f = std::get_if<RoomFailure>(&grant)) {
                answer(media::AccessVerdict::refuse(f->message));
                return;
            }
            g.grant = std::get<TokenGrant>(grant);
            if (!g.grant.mayPublish(streamId)) {
                answer(media::AccessVerdict::refuse("the token does not allow publishing " +
                                                    streamId));
                return;
            }
            for (auto privilege : {rules::UserPrivilege::login, rules::UserPrivilege::publish}) {
                if (auto refusal = m_rules.refusal({privilege, g.ip, g.roomId, g.userId})) {
                    answer(media::AccessVerdict::refuse(*refusal));
                    return;
                }
            }
            std::lock_guard lock(m_mutex);
            auto owner = roomOfStreamLocked(streamId);
            if (owner && (owner->roomId != g.roomId || owner->userId != g.userId)) {
                answer(media::AccessVerdict::refuse("the stream id belongs to another user"));
                return;
            }
            g.at = m_clock.steadyNow();
            m_grants[request.sessionId] = std::move(g);
            answer(media::AccessVerdict::allow());
            return;
        }
        std::optional<std::string> refusal;
        {
            std::lock_guard lock(m_mutex);
            auto owner = roomOfStreamLocked(streamId);
            if (owner) {
                const Room* room = findRoom(owner->roomId);
                auto user = room->users.find(owner->userId);
                if (user != room->users.end() && !user->second->grant.mayPublish(streamId)) {
                    refusal = "the token does not allow publishing " + streamId;
                } else {
                    refusal = m_rules.refusal({rules::UserPrivilege::publish, request.peerIp,
                                               owner->roomId, owner->userId});
                }
            }
        }
        answer(refusal ? media::AccessVerdict::refuse(*refusal) : media::AccessVerdict::allow());
    };
}

std::optional<StreamRoom> RoomService::roomOfStreamLocked(const std::string& streamId) const {
    auto it = m_streamRooms.find(streamId);
    if (it == m_streamRooms.end()) {
        return std::nullopt;
    }
    const Room* room = findRoom(it->second);
    for (const auto& s : room->streams) {
        if (s.streamId == streamId) {
            return StreamRoom{room->roomId, room->sessionId, s.userId,    s.userName,
                              s.title,      s.extraInfo,     std::nullopt};
        }
    }
    return std::nullopt;
}

std::optional<StreamRoom> RoomService::roomOfStream(const std::string& streamId) const {
    std::lock_guard lock(m_mutex);
    if (auto live = roomOfStreamLocked(streamId)) {
        return live;
    }
    auto closing = m_closing.find(streamId);
    return closing == m_closing.end() ? std::nullopt : std::optional(closing->second);
}

void RoomService::mediaStarted(const std::string& app, const std::string& streamId,
                               const std::string& publisherSessionId) {
    std::lock_guard lock(m_mutex);
    if (app != m_settings.app) {
        return;
    }
    m_closing.erase(streamId);
    m_liveStreams.insert(streamId);
    auto grantIt = m_grants.find(publisherSessionId);
    if (grantIt == m_grants.end()) {
        return;
    }
    PublishGrant grant = std::move(grantIt->second);
    m_grants.erase(grantIt);
    if (m_streamRooms.count(streamId) != 0) {
        return;  // announced before the media came
    }
    Room* room = findRoom(grant.roomId);
    auto user = room == nullptr ? std::shared_ptr<Session>() : [&] {
        auto it = room->users.find(grant.userId);
        return it == room->users.end() ? nullptr : it->second;
    }();
    if (!user) {
        LoginRequest login{grant.roomId, grant.userId, grant.userName, {}, grant.ip, nullptr};
        user = loginLocked(login, grant.grant, nullptr);
        room = findRoom(grant.roomId);
    }
    addStreamLocked(*room, {streamId, user->userId, user->userName, {}, {}}, user->userId);
}

void RoomService::mediaStopped(const std::string& app, const std::string& streamId) {
    std::lock_guard lock(m_mutex);
    if (app != m_settings.app) {
        return;
    }
    m_closing.erase(streamId);
    m_liveStreams.erase(streamId);
    auto owner = roomOfStreamLocked(streamId);
    if (!owner) {
        return;
    }
    Room* room = findRoom(owner->roomId);
    removeStreamLocked(*room, streamId, StreamCloseType::normal, owner->userId, false);
    auto user = room->users.find(owner->userId);
    if (user != room->users.end() && !user->second->member && !room->owns(owner->userId)) {
        endSessionLocked(*room, user->second, LogoutReason::normal, false);
    }
    closeRoomIfIdleLocked(*room, RoomCloseReason::normal);
}

}  // namespace regie::service::rooms
