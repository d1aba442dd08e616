#include "service/rooms/room_service.h"
#include "service/rooms/room_service_state.h"

namespace regie::service::rooms {

using namespace detail;

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
    return deliverLocked(
        *findRoom(it->second->roomId), std::move(message),
        kind == MessageKind::custom ? std::move(toUserIds) : std::vector<std::string>{}, nullptr);
}

RoomResult<RoomMessage> RoomService::broadcast(const MessageRequest& request) {
    return serverMessage(MessageKind::broadcast, request);
}

RoomResult<RoomMessage> RoomService::barrage(const MessageRequest& request) {
    return serverMessage(MessageKind::barrage, request);
}

RoomResult<RoomMessage> RoomService::serverMessage(MessageKind kind,
                                                   const MessageRequest& request) {
    if (auto bad = checkContent(request.content)) {
        return *bad;
    }
    std::lock_guard lock(m_mutex);
    Room* room = findRoom(request.roomId);
    if (room == nullptr) {
        return failure(RoomError::roomMissing, "room does not exist");
    }
    RoomMessage message;
    message.kind = kind;
    message.category = request.category;
    message.fromUserId = request.fromUserId;
    message.fromUserName = request.fromUserName;
    message.content = request.content;
    return deliverLocked(*room, std::move(message), {}, nullptr);
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

}  // namespace regie::service::rooms
