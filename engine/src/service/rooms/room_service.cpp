#include "service/rooms/room_service.h"

#include <boost/asio/post.hpp>

#include "core/random.h"
#include "service/rooms/room_service_state.h"

namespace regie::service::rooms {

using namespace detail;

RoomService::RoomService(const core::Clock& clock, core::Logger& log,
                         boost::asio::io_context& timerContext, const rules::UserRuleCheck& rules,
                         RoomSettings settings)
    : m_clock(clock)
    , m_log(log)
    , m_rules(rules)
    , m_sweepTimer(timerContext)
    , m_settings(std::move(settings))
    , m_nextSessionId((core::randomUint64() >> 40) + 1) {}

RoomService::~RoomService() = default;

void RoomService::updateSettings(RoomSettings settings) {
    std::lock_guard lock(m_mutex);
    m_settings = std::move(settings);
}

void RoomService::addObserver(std::shared_ptr<RoomObserver> observer) {
    std::lock_guard lock(m_mutex);
    m_observers.push_back(std::move(observer));
}

void RoomService::setStreamCloser(StreamCloser closer) {
    std::lock_guard lock(m_mutex);
    m_closer = std::move(closer);
}

void RoomService::start() {
    scheduleSweep();
}

void RoomService::stop() {
    std::lock_guard lock(m_mutex);
    m_stopped = true;
    boost::asio::post(m_sweepTimer.get_executor(), [this] { m_sweepTimer.cancel(); });
}

void RoomService::scheduleSweep() {
    m_sweepTimer.expires_after(kSweepInterval);
    m_sweepTimer.async_wait([this](const boost::system::error_code& ec) {
        if (ec) {
            return;
        }
        sweep();
        {
            std::lock_guard lock(m_mutex);
            if (m_stopped) {
                return;
            }
        }
        scheduleSweep();
    });
}

RoomService::Room* RoomService::findRoom(const std::string& roomId) {
    auto it = m_rooms.find(roomId);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

const RoomService::Room* RoomService::findRoom(const std::string& roomId) const {
    auto it = m_rooms.find(roomId);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

RoomInfo RoomService::info(const Room& room) const {
    RoomInfo i;
    i.roomId = room.roomId;
    i.sessionId = room.sessionId;
    i.createdAtMs = room.createdAtMs;
    i.userCount = room.users.size();
    i.streamCount = room.streams.size();
    i.userUpdateSeq = room.userUpdateSeq;
    return i;
}

RoomUser RoomService::userOf(const Room& room, const Session& session) const {
    return {session.userId,
            session.userName,
            room.owns(session.userId) ? UserRole::anchor : UserRole::audience,
            session.loginTimeMs,
            session.ip,
            session.id};
}

RoomService::Room& RoomService::createRoom(const std::string& roomId,
                                           const std::string& creatorUserId) {
    auto room = std::make_unique<Room>();
    room->roomId = roomId;
    room->createdAtMs = m_clock.unixMillis();
    // Below 2^53 for JavaScript receivers (callbacks.md §3), distinct per lifetime.
    room->sessionId =
        (static_cast<std::uint64_t>(room->createdAtMs) << 10) + (++m_roomSessionBase & 0x3ff);
    Room& ref = *room;
    m_rooms[roomId] = std::move(room);
    tellObservers([&](RoomObserver& o) { o.roomCreated(info(ref), creatorUserId); });
    m_log.info("room.created", {{"room", roomId}});
    return ref;
}

RoomResult<TokenGrant> RoomService::checkToken(const std::string& token, const std::string& userId,
                                               const std::string& roomId) const {
    RoomSettings s;
    {
        std::lock_guard lock(m_mutex);
        s = m_settings;
    }
    auto verdict = verifyToken04(token, {s.appId, s.serverSecret, userId, roomId,
                                         m_clock.unixSeconds(), s.enforcePrivilege});
    if (const auto* error = std::get_if<TokenError>(&verdict)) {
        return RoomFailure{RoomError::token, std::string(tokenErrorName(*error)), *error};
    }
    return std::get<TokenGrant>(verdict);
}

RoomResult<LoginResult> RoomService::login(const LoginRequest& request) {
    if (auto bad = checkIdentity(request.roomId, request.userId, request.userName)) {
        return *bad;
    }
    auto grant = checkToken(request.token, request.userId, request.roomId);
    if (auto* f = std::get_if<RoomFailure>(&grant)) {
        return *f;
    }
    if (auto refusal = m_rules.refusal(
            {rules::UserPrivilege::login, request.ip, request.roomId, request.userId})) {
        return failure(RoomError::loginBanned, *refusal);
    }
    LoginResult result;
    std::lock_guard lock(m_mutex);
    loginLocked(request, std::get<TokenGrant>(grant), &result);
    return result;
}

std::shared_ptr<RoomService::Session> RoomService::loginLocked(const LoginRequest& request,
                                                               TokenGrant grant,
                                                               LoginResult* result) {
    Room* room = findRoom(request.roomId);
    if (room == nullptr) {
        room = &createRoom(request.roomId, request.userId);
    }
    auto session = std::make_shared<Session>();
    session->id = m_nextSessionId++;
    session->roomId = request.roomId;
    session->userId = request.userId;
    session->userName = request.userName.empty() ? request.userId : request.userName;
    session->ip = request.ip;
    session->loginTimeMs = m_clock.unixMillis();
    session->member = request.member;
    session->grant = std::move(grant);
    session->lastHeartbeat = m_clock.steadyNow();

    auto previous = room->users.find(request.userId);
    const bool relogin = previous != room->users.end();
    if (relogin) {
        // The newer connection wins; the user stays in the room with its streams.
        auto old = previous->second;
        m_sessions.erase(old->id);
        if (old->member) {
            old->member->ended(LogoutReason::normal, false, "logged in again elsewhere");
        }
        previous->second = session;
    } else {
        room->users[request.userId] = session;
    }
    m_sessions[session->id] = session;
    ++room->userUpdateSeq;
    const RoomUser user = userOf(*room, *session);
    if (!relogin) {
        room->tellMembers(request.userId, [&](RoomMember& m) { m.userJoined(user); });
    }
    const RoomInfo roomInfo = info(*room);
    tellObservers([&](RoomObserver& o) { o.userLoggedIn(roomInfo, user, relogin); });
    if (result != nullptr) {
        result->sessionId = session->id;
        result->room = roomInfo;
        result->tokenExpire = session->grant.expire;
        result->relogin = relogin;
        for (const auto& [id, s] : room->users) {
            result->users.push_back(userOf(*room, *s));
        }
        std::sort(result->users.begin(), result->users.end(), [](const auto& a, const auto& b) {
            return std::tie(a.loginTimeMs, a.userId) < std::tie(b.loginTimeMs, b.userId);
        });
        result->streams = room->streams;
    }
    return session;
}

bool RoomService::heartbeat(std::uint64_t sessionId) {
    std::lock_guard lock(m_mutex);
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        return false;
    }
    it->second->lastHeartbeat = m_clock.steadyNow();
    return true;
}

void RoomService::logout(std::uint64_t sessionId, LogoutReason reason) {
    std::lock_guard lock(m_mutex);
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        return;
    }
    auto session = it->second;
    Room* room = findRoom(session->roomId);
    if (room == nullptr) {
        m_sessions.erase(it);
        return;
    }
    endSessionLocked(*room, session, reason, false);
    closeRoomIfIdleLocked(*room, roomCloseFor(reason));
}

void RoomService::endSessionLocked(Room& room, const std::shared_ptr<Session>& session,
                                   LogoutReason reason, bool roomClosing) {
    m_sessions.erase(session->id);
    auto it = room.users.find(session->userId);
    if (it == room.users.end() || it->second != session) {
        return;
    }
    const RoomUser user = userOf(room, *session);
    if (!roomClosing) {
        std::vector<std::string> owned;
        for (const auto& s : room.streams) {
            if (s.userId == session->userId) {
                owned.push_back(s.streamId);
            }
        }
        for (const auto& id : owned) {
            removeStreamLocked(room, id, streamCloseFor(reason), session->userId, true);
        }
    }
    room.users.erase(it);
    ++room.userUpdateSeq;
    room.tellMembers({}, [&](RoomMember& m) { m.userLeft(user, reason); });
    const RoomInfo roomInfo = info(room);
    const std::int64_t now = m_clock.unixMillis();
    tellObservers([&](RoomObserver& o) { o.userLoggedOut(roomInfo, user, reason, now); });
}

void RoomService::closeRoomIfIdleLocked(Room& room, RoomCloseReason reason) {
    if (room.users.empty() && room.streams.empty()) {
        destroyRoomLocked(room.roomId, reason, true);
    }
}

void RoomService::destroyRoomLocked(std::string roomId, RoomCloseReason reason, bool callback) {
    auto it = m_rooms.find(roomId);
    if (it == m_rooms.end()) {
        return;
    }
    const RoomInfo roomInfo = info(*it->second);
    for (const auto& s : it->second->streams) {
        m_streamRooms.erase(s.streamId);
    }
    m_rooms.erase(it);
    tellObservers([&](RoomObserver& o) { o.roomClosed(roomInfo, reason, callback); });
    m_log.info("room.closed", {{"room", roomId}, {"reason", static_cast<int>(reason)}});
}

RoomResult<std::int64_t> RoomService::renewToken(std::uint64_t sessionId,
                                                 const std::string& token) {
    std::string userId;
    std::string roomId;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_sessions.find(sessionId);
        if (it == m_sessions.end()) {
            return failure(RoomError::notLoggedIn, "not logged in");
        }
        userId = it->second->userId;
        roomId = it->second->roomId;
    }
    auto grant = checkToken(token, userId, roomId);
    if (auto* f = std::get_if<RoomFailure>(&grant)) {
        return *f;
    }
    std::lock_guard lock(m_mutex);
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        return failure(RoomError::notLoggedIn, "not logged in");
    }
    it->second->grant = std::get<TokenGrant>(grant);
    it->second->expiryNotified = false;
    return it->second->grant.expire;
}

void RoomService::sweep() {
    std::lock_guard lock(m_mutex);
    const auto steadyNow = m_clock.steadyNow();
    const std::int64_t nowMs = m_clock.unixMillis();
    std::vector<std::pair<std::shared_ptr<Session>, LogoutReason>> ending;
    for (const auto& [id, s] : m_sessions) {
        if (!s->member) {
            continue;  // an RTMP publisher's login lasts as long as its media
        }
        if (steadyNow - s->lastHeartbeat > m_settings.heartbeatTimeout) {
            ending.emplace_back(s, LogoutReason::heartbeatTimeout);
            continue;
        }
        const std::int64_t expireMs = s->grant.expire * 1000;
        if (nowMs >= expireMs + m_settings.tokenGrace.count()) {
            ending.emplace_back(s, LogoutReason::tokenExpired);
        } else if (nowMs >= expireMs && !s->expiryNotified) {
            s->expiryNotified = true;
            s->member->tokenExpired(expireMs + m_settings.tokenGrace.count());
        }
    }
    for (const auto& [session, reason] : ending) {
        Room* room = findRoom(session->roomId);
        if (room == nullptr) {
            m_sessions.erase(session->id);
            continue;
        }
        m_log.info("room.session_ended", {{"room", session->roomId},
                                          {"user", session->userId},
                                          {"reason", static_cast<int>(reason)}});
        endSessionLocked(*room, session, reason, false);
        session->member->ended(reason, false, {});
        closeRoomIfIdleLocked(*room, roomCloseFor(reason));
    }
    std::erase_if(m_grants,
                  [&](const auto& g) { return steadyNow - g.second.at > kGrantLifetime; });
}

}  // namespace regie::service::rooms
