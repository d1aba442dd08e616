#include "service/rooms/room_callbacks.h"

#include <boost/json.hpp>

namespace regie::service::rooms {

namespace json = boost::json;

namespace {

// Token04 logins report auth_level 4 (token04.md §1).
constexpr std::string_view kAuthLevelToken04 = "4";

std::string text(std::integral auto value) {
    return std::to_string(value);
}

}  // namespace

void RoomCallbacks::roomCreated(const RoomInfo& room, const std::string& creatorUserId) {
    m_callbacks.send("room_create",
                     json::object{{"room_id", room.roomId},
                                  {"room_session_id", room.sessionId},
                                  {"room_create_time", text(room.createdAtMs)},
                                  {"id_name", creatorUserId}},
                     nullptr, hooks::EnvelopeTyping::numbers);
}

void RoomCallbacks::roomClosed(const RoomInfo& room, RoomCloseReason reason, bool callback) {
    if (!callback) {
        return;
    }
    m_callbacks.send("room_close",
                     json::object{{"room_id", room.roomId},
                                  {"room_session_id", room.sessionId},
                                  {"close_reason", static_cast<int>(reason)},
                                  {"room_close_time", text(m_clock.unixMillis())}},
                     nullptr, hooks::EnvelopeTyping::numbers);
}

void RoomCallbacks::userLoggedIn(const RoomInfo& room, const RoomUser& user, bool relogin) {
    m_callbacks.send("room_login", json::object{{"room_id", room.roomId},
                                                {"room_name", room.roomId},
                                                {"room_seq", text(room.sessionId)},
                                                {"user_account", user.userId},
                                                {"user_nickname", user.userName},
                                                {"session_id", text(user.sessionId)},
                                                {"login_time", text(user.loginTimeMs)},
                                                {"user_role", text(static_cast<int>(user.role))},
                                                {"auth_level", kAuthLevelToken04},
                                                {"relogin", relogin ? "1" : "0"},
                                                {"user_update_seq", text(room.userUpdateSeq)},
                                                {"callback_data", ""}});
}

void RoomCallbacks::userLoggedOut(const RoomInfo& room, const RoomUser& user, LogoutReason reason,
                                  std::int64_t logoutTimeMs) {
    m_callbacks.send("room_logout", json::object{{"room_id", room.roomId},
                                                 {"room_seq", text(room.sessionId)},
                                                 {"user_account", user.userId},
                                                 {"user_nickname", user.userName},
                                                 {"session_id", text(user.sessionId)},
                                                 {"login_time", text(user.loginTimeMs)},
                                                 {"logout_time", text(logoutTimeMs)},
                                                 {"reason", text(static_cast<int>(reason))},
                                                 {"user_role", text(static_cast<int>(user.role))},
                                                 {"user_update_seq", text(room.userUpdateSeq)}});
}

}  // namespace regie::service::rooms
