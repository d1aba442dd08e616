#include <algorithm>
#include <boost/json.hpp>

#include "api/zego/room_action_support.h"
#include "api/zego/room_actions.h"
#include "api/zego/scalars.h"
#include "core/text.h"

namespace regie::api::zego {

namespace {

namespace json = boost::json;
using namespace room_action;
using service::rooms::RoomFailure;
using service::rooms::RoomService;
using service::rooms::RoomUser;

constexpr std::size_t kMaxQueriedIds = 10;
constexpr std::size_t kMaxKicked = 5;
constexpr std::int64_t kMaxPage = 200;
constexpr int kUserListTooLong = 50011;
constexpr int kRoomDoesNotExist = 5024;

int role(service::rooms::UserRole r) {
    return static_cast<int>(r);
}

ZegoResult describeUserNum(RoomService& rooms, const ZegoRequest& r) {
    auto ids = list(r.query, "RoomId", 1, kMaxQueriedIds, kInputError);
    if (auto error = firstError(ids)) {
        return *error;
    }
    json::array counts;
    for (const auto& id : std::get<std::vector<std::string>>(ids)) {
        auto room = rooms.room(id);
        counts.push_back(json::object{{"RoomId", id},
                                      {"UserCount", room ? room->userCount : 0},
                                      {"AdminUserCount", room ? room->adminCount : 0}});
    }
    return success(json::object{{"UserCountList", std::move(counts)}});
}

ZegoResult describeUsers(RoomService& rooms, const ZegoRequest& r) {
    auto roomId = text(r.query, "RoomId", kMaxRoomIdBytes);
    auto ids = list(r.query, "UserId", 1, kMaxQueriedIds, kInputTooLong);
    if (auto error = firstError(roomId, ids)) {
        return *error;
    }
    auto statuses =
        rooms.userStatus(std::get<std::string>(roomId), std::get<std::vector<std::string>>(ids));
    if (!statuses) {
        return {kRoomMissing, "room does not exist", std::nullopt};
    }
    json::array out;
    for (const auto& s : *statuses) {
        out.push_back(json::object{{"UserId", s.userId},
                                   {"Status", s.present ? 1 : 0},
                                   {"LoginTime", s.loginTimeMs},
                                   {"UserRole", role(s.role)}});
    }
    return success(json::object{{"UserStatusList", std::move(out)}});
}

// Marker `<login ms>-<user id>`: the page starts strictly after that pair.
std::optional<std::pair<std::int64_t, std::string>> parseMarker(std::string_view marker) {
    auto dash = marker.find('-');
    if (dash == std::string_view::npos) {
        return std::nullopt;
    }
    auto ms = core::parseInt64(marker.substr(0, dash));
    if (!ms) {
        return std::nullopt;
    }
    return std::pair{*ms, std::string(marker.substr(dash + 1))};
}

ZegoResult describeUserList(RoomService& rooms, const ZegoRequest& r) {
    auto roomId = text(r.query, "RoomId", kMaxRoomIdBytes);
    auto mode = integer(r.query, "Mode", 0, 1, 0);
    auto limit = integer(r.query, "Limit", 0, kMaxPage, kMaxPage);
    auto markerText = optionalText(r.query, "Marker", kMaxRoomIdBytes + kMaxUserIdBytes);
    if (auto error = firstError(roomId, mode, limit, markerText)) {
        return *error;
    }
    const auto& markerValue = std::get<std::string>(markerText);
    auto marker = parseMarker(markerValue);
    if (!markerValue.empty() && !marker) {
        return {kInputError, "Marker is not one this server handed out", std::nullopt};
    }
    // Limit 0 asks for the default page size.
    const auto pageSize = static_cast<std::size_t>(
        std::get<std::int64_t>(limit) == 0 ? kMaxPage : std::get<std::int64_t>(limit));
    const bool descending = std::get<std::int64_t>(mode) == 1;
    auto users = rooms.users(std::get<std::string>(roomId));
    if (descending) {
        std::reverse(users.begin(), users.end());
    }
    auto begin = users.begin();
    if (marker) {
        begin = std::find_if(users.begin(), users.end(), [&](const RoomUser& u) {
            auto key = std::tie(u.loginTimeMs, u.userId);
            auto after = std::tie(marker->first, marker->second);
            return descending ? key < after : after < key;
        });
    }
    json::array page;
    std::string next;
    auto it = begin;
    for (; it != users.end() && page.size() < pageSize; ++it) {
        page.push_back(json::object{
            {"UserId", it->userId}, {"UserName", it->userName}, {"UserRole", role(it->role)}});
    }
    if (it != users.end() && !page.empty()) {
        const auto& last = *(it - 1);
        next = std::to_string(last.loginTimeMs) + "-" + last.userId;
    }
    return success(json::object{{"Marker", next}, {"UserList", std::move(page)}});
}

ZegoResult kickoutUser(RoomService& rooms, const ZegoRequest& r) {
    auto roomId = text(r.query, "RoomId", kMaxRoomIdBytes);
    auto ids = list(r.query, "UserId", 1, kMaxKicked, kUserListTooLong);
    auto reason = optionalText(r.query, "CustomReason", kMaxReasonBytes);
    if (auto error = firstError(roomId, ids, reason)) {
        return *error;
    }
    auto done =
        rooms.kickout(std::get<std::string>(roomId), std::get<std::vector<std::string>>(ids),
                      std::get<std::string>(reason));
    if (auto* f = std::get_if<RoomFailure>(&done)) {
        return refused(*f);
    }
    return success();
}

ZegoResult closeRoom(RoomService& rooms, const ZegoRequest& r) {
    auto roomId = text(r.query, "RoomId", kMaxRoomIdBytes);
    auto reason = optionalText(r.query, "CustomReason", kMaxReasonBytes);
    if (auto error = firstError(roomId, reason)) {
        return *error;
    }
    bool callback = false;
    if (auto flag = r.query.value("RoomCloseCallback"); flag && !flag->empty()) {
        auto parsed = parseBoolean(*flag);
        if (!parsed) {
            return {kInputError, "RoomCloseCallback must be true or false", std::nullopt};
        }
        callback = *parsed;
    }
    auto done =
        rooms.closeRoom(std::get<std::string>(roomId), std::get<std::string>(reason), callback);
    if (auto* f = std::get_if<RoomFailure>(&done)) {
        return f->error == service::rooms::RoomError::roomMissing
                   ? ZegoResult{kRoomDoesNotExist, f->message, std::nullopt}
                   : refused(*f);
    }
    return success();
}

}  // namespace

std::optional<RegisterError> registerRoomUserActions(ZegoDoor& door, RoomService& rooms) {
    return registerAll(door, rooms,
                       {{"DescribeUserNum", {10, 1, 0}, &describeUserNum},
                        {"DescribeUsers", {10, 0, 0}, &describeUsers},
                        {"DescribeUserList", {200, 0, 1}, &describeUserList},
                        {"KickoutUser", {50, 0, 0}, &kickoutUser},
                        {"CloseRoom", {1, 1, 0}, &closeRoom}});
}

}  // namespace regie::api::zego
