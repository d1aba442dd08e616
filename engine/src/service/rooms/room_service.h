#pragma once
// Rooms and their users, streams and messages (shared/spec/zego/room.md). A room lives while a
// user is logged in or a stream injected by AddStream stays in it. Thread safe: one lock; the
// members and observers are told of changes while it is held so everybody sees one order, so
// they must only queue and never call back into the service.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/log.h"
#include "media/access.h"
#include "service/rooms/room_types.h"
#include "service/rules/user_rule_check.h"

namespace regie::service::rooms {

// One logged-in client connection, as the room service talks to it.
class RoomMember {
public:
    virtual ~RoomMember() = default;
    virtual void userJoined(const RoomUser& user) = 0;
    virtual void userLeft(const RoomUser& user, LogoutReason reason) = 0;
    virtual void streamAdded(const RoomStream& stream) = 0;
    virtual void streamRemoved(const RoomStream& stream, StreamCloseType type) = 0;
    virtual void message(const RoomMessage& message) = 0;
    // The token passed its expiry; the session ends after the grace unless renewed.
    virtual void tokenExpired(std::int64_t logoutAtMs) = 0;
    // The server ended the session (kicked, room closed, timeout...); the member disconnects.
    virtual void ended(LogoutReason reason, bool roomClosed, const std::string& customReason) = 0;
};

// Room lifecycle for callbacks and the event feed.
class RoomObserver {
public:
    virtual ~RoomObserver() = default;
    virtual void roomCreated(const RoomInfo& room, const std::string& creatorUserId) = 0;
    virtual void roomClosed(const RoomInfo& room, RoomCloseReason reason, bool callback) = 0;
    virtual void userLoggedIn(const RoomInfo& room, const RoomUser& user, bool relogin) = 0;
    virtual void userLoggedOut(const RoomInfo& room, const RoomUser& user, LogoutReason reason,
                               std::int64_t logoutTimeMs) = 0;
    virtual void streamAdded(const RoomInfo& room, const RoomStream& stream) = 0;
    virtual void streamRemoved(const RoomInfo& room, const RoomStream& stream,
                               StreamCloseType type) = 0;
};

struct RoomSettings {
    std::uint32_t appId = 0;
    std::string serverSecret;
    std::string app = "live";  // the RTMP app room streams are published to
    bool enforcePrivilege = true;
    std::chrono::milliseconds heartbeatTimeout{100'000};
    std::chrono::milliseconds tokenGrace{30'000};
};

struct LoginRequest {
    std::string roomId;
    std::string userId;
    std::string userName;
    std::string token;
    std::string ip;
    std::shared_ptr<RoomMember> member;
};

struct LoginResult {
    std::uint64_t sessionId = 0;
    RoomInfo room;
    std::vector<RoomUser> users;
    std::vector<RoomStream> streams;
    std::int64_t tokenExpire = 0;
    bool relogin = false;
};

struct StreamAnnouncement {
    std::string streamId;
    std::string title;
    std::string extraInfo;
};

struct InjectedStream {
    std::string roomId;
    std::string userId;
    std::string userName;
    std::string streamId;
    std::string title;
    std::string extraInfo;
};

struct UserStatus {
    std::string userId;
    bool present = false;
    std::int64_t loginTimeMs = 0;
    UserRole role = UserRole::audience;
};

struct MessageRequest {
    std::string roomId;
    std::string fromUserId;
    std::string fromUserName;
    int category = 2;
    std::string content;
    std::vector<std::string> toUserIds;  // custom commands only; empty: everybody
};

// Closes the live media of a stream id (posted, never under the service lock).
using StreamCloser = std::function<void(const std::string& streamId)>;

class RoomService {
public:
    static constexpr std::size_t kMaxMessageBytes = 1024;

    RoomService(const core::Clock& clock, core::Logger& log, boost::asio::io_context& timerContext,
                const rules::UserRuleCheck& rules, RoomSettings settings);
    ~RoomService();

    void updateSettings(RoomSettings settings);
    void addObserver(std::shared_ptr<RoomObserver> observer);
    void setStreamCloser(StreamCloser closer);

    // Starts and stops the sweep for heartbeat timeouts and token expiry.
    void start();
    void stop();
    // One pass of the sweep (the timer runs it; tests call it with a manual clock).
    void sweep();

    // Client sessions.
    RoomResult<LoginResult> login(const LoginRequest& request);
    bool heartbeat(std::uint64_t sessionId);
    void logout(std::uint64_t sessionId, LogoutReason reason);
    RoomResult<std::int64_t> renewToken(std::uint64_t sessionId, const std::string& token);
    RoomResult<RoomStream> announceStream(std::uint64_t sessionId,
                                          const StreamAnnouncement& stream);
    RoomResult<std::monostate> withdrawStream(std::uint64_t sessionId, const std::string& streamId);
    RoomResult<RoomMessage> sendFromSession(std::uint64_t sessionId, MessageKind kind,
                                            std::string content,
                                            std::vector<std::string> toUserIds);

    // Server actions (the ZEGO Actions).
    RoomResult<RoomMessage> broadcast(const MessageRequest& request);
    RoomResult<RoomMessage> barrage(const MessageRequest& request);
    // The users that could not be reached (not in the room).
    RoomResult<std::vector<std::string>> customCommand(const MessageRequest& request);
    std::optional<RoomInfo> room(const std::string& roomId) const;
    std::vector<RoomInfo> rooms() const;
    std::optional<std::vector<UserStatus>> userStatus(const std::string& roomId,
                                                      const std::vector<std::string>& ids) const;
    // Users ordered by (login time, user id) ascending; empty when the room does not exist.
    std::vector<RoomUser> users(const std::string& roomId) const;
    std::optional<std::vector<RoomStream>> streams(const std::string& roomId) const;
    RoomResult<std::monostate> addStream(const InjectedStream& stream);
    RoomResult<std::monostate> deleteStream(const std::string& roomId,
                                            const std::string& operatorUserId,
                                            const std::string& streamId);
    RoomResult<std::monostate> closeRoom(const std::string& roomId, const std::string& customReason,
                                         bool callback);
    RoomResult<std::monostate> kickout(const std::string& roomId,
                                       const std::vector<std::string>& userIds,
                                       const std::string& customReason);

    // Media: the publish gate, and the registry's view of streams starting and ending.
    media::AccessCheck publishGate();
    void mediaStarted(const std::string& app, const std::string& streamId,
                      const std::string& publisherSessionId);
    void mediaStopped(const std::string& app, const std::string& streamId);
    std::optional<StreamRoom> roomOfStream(const std::string& streamId) const;

private:
    struct Session;
    struct Room;
    struct PublishGrant;

    Room* findRoom(const std::string& roomId);
    const Room* findRoom(const std::string& roomId) const;
    Room& createRoom(const std::string& roomId, const std::string& creatorUserId);
    RoomInfo info(const Room& room) const;
    RoomUser userOf(const Room& room, const Session& session) const;
    RoomResult<TokenGrant> checkToken(const std::string& token, const std::string& userId,
                                      const std::string& roomId) const;
    std::shared_ptr<Session> loginLocked(const LoginRequest& request, TokenGrant grant,
                                         LoginResult* result);
    void endSessionLocked(Room& room, const std::shared_ptr<Session>& session, LogoutReason reason,
                          bool roomClosing);
    void addStreamLocked(Room& room, RoomStream stream, const std::string& exceptUserId);
    void removeStreamLocked(Room& room, const std::string& streamId, StreamCloseType type,
                            const std::string& exceptUserId, bool closeMedia);
    void closeRoomIfIdleLocked(Room& room, RoomCloseReason reason);
    void destroyRoomLocked(std::string roomId, RoomCloseReason reason, bool callback);
    // A broadcast or barrage sent through the API (the sender need not be in the room).
    RoomResult<RoomMessage> serverMessage(MessageKind kind, const MessageRequest& request);
    RoomResult<RoomMessage> deliverLocked(Room& room, RoomMessage message,
                                          const std::vector<std::string>& toUserIds,
                                          std::vector<std::string>* unreachable);
    std::optional<StreamRoom> roomOfStreamLocked(const std::string& streamId) const;
    void scheduleSweep();
    template <typename F>
    void tellObservers(F&& f) const;

    const core::Clock& m_clock;
    core::Logger& m_log;
    const rules::UserRuleCheck& m_rules;
    boost::asio::steady_timer m_sweepTimer;

    mutable std::mutex m_mutex;
    RoomSettings m_settings;
    std::vector<std::shared_ptr<RoomObserver>> m_observers;
    StreamCloser m_closer;
    std::map<std::string, std::unique_ptr<Room>> m_rooms;
    std::map<std::uint64_t, std::shared_ptr<Session>> m_sessions;
    std::map<std::string, std::string> m_streamRooms;  // stream id -> room id
    std::set<std::string> m_liveStreams;               // stream ids with media in the app
    std::map<std::string, StreamRoom> m_closing;       // live streams that left their room
    std::map<std::string, PublishGrant> m_grants;      // RTMP session id -> URL login
    std::uint64_t m_nextSessionId = 1;
    std::uint64_t m_roomSessionBase = 0;
    bool m_stopped = false;
};

}  // namespace regie::service::rooms
