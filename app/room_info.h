#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

// One room as the feed's `rooms` snapshot reports it.
struct RoomSummary {
    QString roomId;
    int userCount = 0;
    int streamCount = 0;
    qint64 createdAtMs = 0;
    bool operator==(const RoomSummary&) const = default;
};

// One user of a room: DescribeUserList / DescribeUsers, plus the address the feed's
// `room.user_joined` carried (empty when the console joined later than the user).
struct RoomUser {
    QString userId;
    QString userName;
    int role = 0;  // 1 anchor, 2 audience, 4 admin
    qint64 loginTimeMs = 0;
    QString ip;
    bool operator==(const RoomUser&) const = default;
};

// One stream of a room: a DescribeSimpleStreamList entry.
struct RoomStream {
    QString streamId;
    QString userId;
    QString userName;
    qint64 createTimeMs = 0;
    bool operator==(const RoomStream&) const = default;
};

QList<RoomSummary> parseRoomList(const QJsonArray& array);
QList<RoomStream> parseRoomStreams(const QJsonArray& array);

Q_DECLARE_METATYPE(RoomSummary)
