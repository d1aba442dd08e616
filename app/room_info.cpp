#include "room_info.h"

QList<RoomSummary> parseRoomList(const QJsonArray& array) {
    QList<RoomSummary> rooms;
    rooms.reserve(array.size());
    for (const auto& value : array) {
        const QJsonObject o = value.toObject();
        RoomSummary r;
        r.roomId = o.value(u"roomId").toString();
        r.userCount = o.value(u"userCount").toInt();
        r.streamCount = o.value(u"streamCount").toInt();
        r.createdAtMs = o.value(u"createdAt").toInteger();
        if (!r.roomId.isEmpty()) {
            rooms.append(r);
        }
    }
    return rooms;
}

QList<RoomStream> parseRoomStreams(const QJsonArray& array) {
    QList<RoomStream> streams;
    streams.reserve(array.size());
    for (const auto& value : array) {
        const QJsonObject o = value.toObject();
        streams.append({o.value(u"StreamId").toString(), o.value(u"UserId").toString(),
                        o.value(u"UserName").toString(), o.value(u"CreateTime").toInteger()});
    }
    return streams;
}
