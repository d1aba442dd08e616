#pragma once
// The room signalling Actions of room.md, registered per family file: messages
// (SendBroadcastMessage, SendBarrageMessage, SendCustomCommand), users (DescribeUserNum,
// DescribeUsers, DescribeUserList, KickoutUser, CloseRoom) and streams (AddStream, DeleteStream,
// DescribeSimpleStreamList). Each returns the first registration error, if any.

#include <optional>

#include "api/zego/zego_door.h"
#include "service/rooms/room_service.h"

namespace regie::api::zego {

std::optional<RegisterError> registerRoomMessageActions(ZegoDoor& door,
                                                        service::rooms::RoomService& rooms);
std::optional<RegisterError> registerRoomUserActions(ZegoDoor& door,
                                                     service::rooms::RoomService& rooms);
std::optional<RegisterError> registerRoomStreamActions(ZegoDoor& door,
                                                       service::rooms::RoomService& rooms);

}  // namespace regie::api::zego
