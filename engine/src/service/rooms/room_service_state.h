#pragma once
// The room service's own state and checks, shared by its translation units (room_service.cpp:
// sessions and the sweep; room_streams.cpp: streams and the publish gate; room_messages.cpp;
// room_admin.cpp: the server-side queries and Actions). Not for use outside the service.

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/text.h"
#include "service/rooms/room_service.h"

namespace regie::service::rooms {

namespace detail {

inline constexpr std::size_t kMaxRoomIdBytes = 128;
inline constexpr std::size_t kMaxUserIdBytes = 64;
inline constexpr std::size_t kMaxUserNameBytes = 256;
inline constexpr std::size_t kMaxStreamIdBytes = 256;
inline constexpr std::size_t kMaxTitleBytes = 127;
inline constexpr std::size_t kMaxExtraInfoBytes = 1024;
inline constexpr auto kSweepInterval = std::chrono::milliseconds(250);
inline constexpr auto kGrantLifetime = std::chrono::seconds(60);

inline RoomFailure failure(RoomError error, std::string message) {
    return {error, std::move(message), std::nullopt};
}

inline StreamCloseType streamCloseFor(LogoutReason reason) {
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

inline RoomCloseReason roomCloseFor(LogoutReason reason) {
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

inline std::optional<RoomFailure> checkIdentity(const std::string& roomId,
                                                const std::string& userId,
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

inline std::optional<RoomFailure> checkStreamFields(const std::string& streamId,
                                                    const std::string& title,
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

inline std::optional<RoomFailure> checkContent(const std::string& content) {
    if (content.empty()) {
        return failure(RoomError::badInput, "message content is empty");
    }
    if (content.size() > RoomService::kMaxMessageBytes) {
        return failure(RoomError::tooLong, "message content longer than 1024 bytes");
    }
    return std::nullopt;
}

inline std::string queryValue(std::string_view query, std::string_view name) {
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

}  // namespace detail

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

template <typename F>
void RoomService::tellObservers(F&& f) const {
    for (const auto& o : m_observers) {
        f(*o);
    }
}

}  // namespace regie::service::rooms
