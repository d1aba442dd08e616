#include "service/rooms/room_service.h"

#include <algorithm>

#include "core/random.h"
#include "core/text.h"

namespace regie::service::rooms {

namespace {

constexpr std::size_t kMaxRoomIdBytes = 128;
constexpr std::size_t kMaxUserIdBytes = 64;
constexpr std::size_t kMaxUserNameBytes = 256;
constexpr std::size_t kMaxStreamIdBytes = 256;
constexpr std::size_t kMaxTitleBytes = 127;
constexpr std::size_t kMaxExtraInfoBytes = 1024;
constexpr auto kSweepInterval = std::chrono::milliseconds(250);
constexpr auto kGrantLifetime = std::chrono::seconds(60);

RoomFailure failure(RoomError error, std::string message) {
    return {error, std::move(message), std::nullopt};
}

StreamCloseType streamCloseFor(LogoutReason reason) {
    switch (reason) {
        case LogoutReason::normal:
            return StreamCloseType::normal;
        case LogoutReason::heartbeatTimeout:
            return StreamCloseType::heartbeatTimeout;
        case LogoutReason::connectionLost:
            return StreamCloseType::connectionLost;
        case LogoutReason::kicked:
        case LogoutReason::tokenExpired:
            return StreamCloseType::kicked;
    }
    return StreamCloseType::normal;
}

RoomCloseReason roomCloseFor(LogoutReason reason) {
    switch (reason) {
        case LogoutReason::heartbeatTimeout:
            return RoomCloseReason::heartbeatTimeout;
        case LogoutReason::connectionLost:
            return RoomCloseReason::dropped;
        case LogoutReason::kicked:
            return RoomCloseReason::kicked;
        case LogoutReason::normal:
        case LogoutReason::tokenExpired:
            return RoomCloseReason::normal;
    }
    return RoomCloseReason::normal;
}

std::optional<RoomFailure> checkIdentity(const std::string& roomId, const std::string& userId,
                                         const std::string& userName) {
    if (roomId.empty() || userId.empty()) {
        return failure(RoomError::badInput, "room id and user id are required");
    }
    if (roomId.size() > kMaxRoomIdBytes || userId.size() > kMaxUserIdBytes ||
        userName.size() > kMaxUserNameBytes) {
        return failure(RoomError::tooLong, "room id, user id or user name too long");
    }
    return std::nullopt;
}

std::optional<RoomFailure> checkStreamFields(const std::string& streamId, const std::string& title,
                                             const std::string& extraInfo) {
    if (streamId.empty()) {
        return failure(RoomError::badInput, "stream id is required");
    }
    if (streamId.size() > kMaxStreamIdBytes || title.size() > kMaxTitleBytes ||
        extraInfo.size() > kMaxExtraInfoBytes) {
        return failure(RoomError::tooLong, "stream id, title or extra info too long");
    }
    return std::nullopt;
}

std::optional<RoomFailure> checkContent(const std::string& content) {
    if (content.empty()) {
        return failure(RoomError::badInput, "message content is empty");
    }
    if (content.size() > RoomService::kMaxMessageBytes) {
        return failure(RoomError::tooLong, "message content longer than 1024 bytes");
    }
    return std::nullopt;
}

std::string queryValue(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view item = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        auto eq = item.find('=');
        if (core::percentDecode(item.substr(0, eq), true) == name) {
            return eq == std::string_view::npos ? std::string()
                                                : core::percentDecode(item.substr(eq + 1), true);
        }
    }
    return {};
}

}  // namespace

struct RoomService::Session {
    std::uint64_t id = 0;
    std::string roomId;
    std::string userId;
    std::string userName;
    std::string ip;
    std::int64_t loginTimeMs = 0;
    std::shared_ptr<RoomMember> member;  // null: a publisher logged in through its RTMP URL
    TokenGrant grant;
    std::chrono::steady_clock::time_point lastHeartbeat;
    bool expiryNotified = false;
};

struct RoomService::Room {
    std::string roomId;
    std::uint64_t sessionId = 0;
    std::int64_t createdAtMs = 0;
    std::map<std::string, std::shared_ptr<Session>> users;  // by user id
    std::vector<RoomStream> streams;                        // in the order they were added
    std::uint64_t userUpdateSeq = 0;
    std::uint64_t broadcastSeq = 0;
    std::uint64_t barrageSeq = 0;
    std::uint32_t streamNumber = 0;

    template <typename F>
    void tellMembers(const std::string& exceptUserId, F&& f) const {
        for (const auto& [userId, session] : users) {
            if (userId != exceptUserId && session->member) {
                f(*session->member);
            }
        }
    }
    bool owns(const std::string& userId) const {
        return std::any_of(streams.begin(), streams.end(),
                           [&](const RoomStream& s) { return s.userId == userId; });
    }
};

struct RoomService::PublishGrant {
    std::string roomId;
    std::string userId;
    std::string userName;
    std::string ip;
    TokenGrant grant;
    std::chrono::steady_clock::time_point at;
};

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

template <typename F>
void RoomService::tellObservers(F&& f) const {
    for (const auto& o : m_observers) {
        f(*o);
    }
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

RoomResult<LoginResult> RoomService::login(LoginRequest request) {
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

void RoomService::endSessionLocked(Room& room, std::shared_ptr<Session> session,
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

RoomResult<RoomStream> RoomService::announceStream(std::uint64_t sessionId,
                                                   StreamAnnouncement announcement) {
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

RoomResult<RoomMessage> RoomService::deliverLocked(Room& room, RoomMessage message,
                                                   const std::vector<std::string>& toUserIds,
                                                   std::vector<std::string>* unreachable) {
    message.roomId = room.roomId;
    message.sendTimeMs = m_clock.unixMillis();
    if (message.kind == MessageKind::broadcast) {
        message.number = ++room.broadcastSeq;
    }
    std::size_t recipients = 0;
    const auto send = [&](const Session& s) {
        if (s.userId != message.fromUserId && s.member) {
            ++recipients;
            return true;
        }
        return false;
    };
    std::vector<std::shared_ptr<Session>> targets;
    if (toUserIds.empty()) {
        for (const auto& [id, s] : room.users) {
            if (send(*s)) {
                targets.push_back(s);
            }
        }
    } else {
        for (const auto& id : toUserIds) {
            auto it = room.users.find(id);
            if (it == room.users.end() || !it->second->member) {
                if (unreachable != nullptr) {
                    unreachable->push_back(id);
                }
            } else if (send(*it->second)) {
                targets.push_back(it->second);
            }
        }
    }
    if (message.kind == MessageKind::barrage) {
        message.textId = std::to_string(++room.barrageSeq) + "_" +
                         std::to_string(message.sendTimeMs) + "_" + std::to_string(recipients);
    }
    for (const auto& s : targets) {
        s->member->message(message);
    }
    return message;
}

RoomResult<RoomMessage> RoomService::sendFromSession(std::uint64_t sessionId, MessageKind kind,
                                                     std::string content,
                                                     std::vector<std::string> toUserIds) {
    if (auto bad = checkContent(content)) {
        return *bad;
    }
    std::lock_guard lock(m_mutex);
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        return failure(RoomError::notLoggedIn, "not logged in");
    }
    RoomMessage message;
    message.kind = kind;
    message.fromUserId = it->second->userId;
    message.fromUserName = it->second->userName;
    message.content = std::move(content);
    return deliverLocked(*findRoom(it->second->roomId), std::move(message),
                         kind == MessageKind::custom ? toUserIds : std::vector<std::string>{},
                         nullptr);
}

RoomResult<RoomMessage> RoomService::broadcast(const MessageRequest& request) {
    if (auto bad = checkContent(request.content)) {
        return *bad;
    }
    std::lock_guard lock(m_mutex);
    Room* room = findRoom(request.roomId);
    if (room == nullptr) {
        return failure(RoomError::roomMissing, "room does not exist");
    }
    return deliverLocked(*room,
                         {MessageKind::broadcast,
                          {},
                          0,
                          {},
                          request.category,
                          request.fromUserId,
                          request.fromUserName,
                          request.content,
                          0},
                         {}, nullptr);
}

RoomResult<RoomMessage> RoomService::barrage(const MessageRequest& request) {
    if (auto bad = checkContent(request.content)) {
        return *bad;
    }
    std::lock_guard lock(m_mutex);
    Room* room = findRoom(request.roomId);
    if (room == nullptr) {
        return failure(RoomError::roomMissing, "room does not exist");
    }
    return deliverLocked(*room,
                         {MessageKind::barrage,
                          {},
                          0,
                          {},
                          request.category,
                          request.fromUserId,
                          request.fromUserName,
                          request.content,
                          0},
                         {}, nullptr);
}

RoomResult<std::vector<std::string>> RoomService::customCommand(const MessageRequest& request) {
    if (auto bad = checkContent(request.content)) {
        return *bad;
    }
    std::lock_guard lock(m_mutex);
    Room* room = findRoom(request.roomId);
    if (room == nullptr) {
        return failure(RoomError::roomMissing, "room does not exist");
    }
    std::vector<std::string> unreachable;
    RoomMessage message;
    message.kind = MessageKind::custom;
    message.fromUserId = request.fromUserId;
    message.fromUserName = request.fromUserName;
    message.content = request.content;
    (void)deliverLocked(*room, std::move(message), request.toUserIds, &unreachable);
    return unreachable;
}

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

media::AccessCheck RoomService::publishGate() {
    return [this](const media::AccessRequest& request, media::AccessAnswer answer) {
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
