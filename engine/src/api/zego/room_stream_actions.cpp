#include <boost/json.hpp>

#include "api/zego/room_action_support.h"
#include "api/zego/room_actions.h"

namespace regie::api::zego {

namespace {

namespace json = boost::json;
using namespace room_action;
using service::rooms::RoomFailure;
using service::rooms::RoomService;

constexpr std::size_t kMaxStreamIdBytes = 256;
constexpr std::size_t kMaxTitleBytes = 127;
constexpr std::size_t kMaxExtraInfoBytes = 1024;

ZegoResult addStream(RoomService& rooms, const ZegoRequest& r) {
    auto roomId = text(r.query, "RoomId", kMaxRoomIdBytes);
    auto userId = text(r.query, "UserId", kMaxUserIdBytes);
    auto userName = optionalText(r.query, "UserName", kMaxUserNameBytes);
    auto streamId = text(r.query, "StreamId", kMaxStreamIdBytes);
    auto title = optionalText(r.query, "StreamTitle", kMaxTitleBytes);
    auto extraInfo = optionalText(r.query, "ExtraInfo", kMaxExtraInfoBytes);
    // CensorFlag only says whether moderation may see the stream; validated, nothing more.
    auto censorFlag = integer(r.query, "CensorFlag", 0, 1, 0);
    if (auto error = firstError(roomId, userId, userName, streamId, title, extraInfo, censorFlag)) {
        return *error;
    }
    auto done = rooms.addStream({std::get<std::string>(roomId), std::get<std::string>(userId),
                                 std::get<std::string>(userName), std::get<std::string>(streamId),
                                 std::get<std::string>(title), std::get<std::string>(extraInfo)});
    if (auto* f = std::get_if<RoomFailure>(&done)) {
        return refused(*f);
    }
    return success();
}

ZegoResult deleteStream(RoomService& rooms, const ZegoRequest& r) {
    auto roomId = text(r.query, "RoomId", kMaxRoomIdBytes);
    auto userId = text(r.query, "UserId", kMaxUserIdBytes);
    auto userName = optionalText(r.query, "UserName", kMaxUserNameBytes);
    auto streamId = text(r.query, "StreamId", kMaxStreamIdBytes);
    if (auto error = firstError(roomId, userId, userName, streamId)) {
        return *error;
    }
    auto done = rooms.deleteStream(std::get<std::string>(roomId), std::get<std::string>(userId),
                                   std::get<std::string>(streamId));
    if (auto* f = std::get_if<RoomFailure>(&done)) {
        return refused(*f);
    }
    return success();
}

ZegoResult describeSimpleStreamList(RoomService& rooms, const ZegoRequest& r) {
    auto roomId = text(r.query, "RoomId", kMaxRoomIdBytes);
    if (auto error = firstError(roomId)) {
        return *error;
    }
    json::array list;
    for (const auto& s : rooms.streams(std::get<std::string>(roomId))
                             .value_or(std::vector<service::rooms::RoomStream>{})) {
        list.push_back(json::object{{"StreamId", s.streamId},
                                    {"UserId", s.userId},
                                    {"UserName", s.userName},
                                    {"CreateTime", s.createTimeMs},
                                    {"StreamNumberId", s.numberId}});
    }
    return success(json::object{{"StreamList", std::move(list)}});
}

}  // namespace

std::optional<RegisterError> registerRoomStreamActions(ZegoDoor& door, RoomService& rooms) {
    return registerAll(door, rooms,
                       {{"AddStream", {10, 1, 0}, &addStream},
                        {"DeleteStream", {10, 1, 0}, &deleteStream},
                        // 50/s for the app and one call per 10 s for a single room.
                        {"DescribeSimpleStreamList", {50, 0, 0.1}, &describeSimpleStreamList}});
}

}  // namespace regie::api::zego
