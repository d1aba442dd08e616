#include "room_detail.h"

#include <QDateTime>
#include <QJsonArray>

#include "api_reply.h"
#include "event_feed.h"

namespace {

constexpr int kPageSize = 200;
constexpr int kMaxPages = 50;
constexpr int kUsersPerDescribe = 10;  // DescribeUsers takes at most 10 ids
constexpr int kMaxDescribeCalls = 5;   // DescribeUsers allows 10 calls a second per AppId

QString joinKey(const QString& roomId, const QString& userId) {
    return roomId + u'\n' + userId;
}

}  // namespace

RoomDetail::RoomDetail(ApiClient* client, EventFeed* feed, QObject* parent)
    : QObject(parent), m_client(client) {
    // DescribeUserList allows one call a second per room: bursts of events reload once.
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(1100);
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] { loadUsers({}, {}, 0); });
    connect(feed, &EventFeed::roomEvent, this, &RoomDetail::onRoomEvent);
    connect(feed, &EventFeed::hello, this, [this] { refresh(); });
}

void RoomDetail::setRoomId(const QString& roomId) {
    if (roomId == m_roomId) {
        return;
    }
    m_roomId = roomId;
    ++m_generation;
    m_users.setUsers({});
    m_streams.clear();
    emit streamsChanged();
    emit roomIdChanged();
    refresh();
}

QVariantList RoomDetail::streams() const {
    QVariantList list;
    for (const RoomStream& s : m_streams) {
        list.append(
            QVariantMap{{QStringLiteral("streamId"), s.streamId},
                        {QStringLiteral("userId"), s.userId},
                        {QStringLiteral("userName"), s.userName},
                        {QStringLiteral("since"),
                         s.createTimeMs > 0
                             ? QDateTime::fromMSecsSinceEpoch(s.createTimeMs).toString(u"HH:mm:ss")
                             : QString()}});
    }
    return list;
}

void RoomDetail::refresh() {
    if (m_roomId.isEmpty()) {
        return;
    }
    loadUsers({}, {}, 0);
    loadStreams();
}

void RoomDetail::loadUsers(const QString& marker, QList<RoomUser> users, int pages) {
    if (m_roomId.isEmpty()) {
        return;
    }
    const int generation = m_generation;
    auto* reply = m_client->zegoGet(QStringLiteral("DescribeUserList"),
                                    {{QStringLiteral("RoomId"), m_roomId},
                                     {QStringLiteral("Limit"), QString::number(kPageSize)},
                                     {QStringLiteral("Marker"), marker}});
    connect(reply, &ApiReply::finished, this,
            [this, generation, users = std::move(users), pages](const ApiResult& r) mutable {
                if (generation != m_generation) {
                    return;
                }
                if (!r.ok()) {
                    setLastError(tr("Users of %1: %2").arg(m_roomId, r.describe()));
                    return;
                }
                const QJsonObject data = r.data().toObject();
                for (const auto& value : data.value(u"UserList").toArray()) {
                    const QJsonObject o = value.toObject();
                    RoomUser u;
                    u.userId = o.value(u"UserId").toString();
                    u.userName = o.value(u"UserName").toString();
                    u.role = o.value(u"UserRole").toInt();
                    if (auto joined = m_joined.constFind(joinKey(m_roomId, u.userId));
                        joined != m_joined.cend()) {
                        u.loginTimeMs = joined->loginTimeMs;
                        u.ip = joined->ip;
                    }
                    users.append(u);
                }
                const QString next = data.value(u"Marker").toString();
                if (!next.isEmpty() && pages + 1 < kMaxPages) {
                    loadUsers(next, std::move(users), pages + 1);
                    return;
                }
                m_users.setUsers(users);
                loadUserDetails(users);
            });
}

void RoomDetail::loadUserDetails(const QList<RoomUser>& users) {
    QStringList missing;
    for (const RoomUser& u : users) {
        if (u.loginTimeMs == 0) {
            missing.append(u.userId);
        }
    }
    const int generation = m_generation;
    for (int call = 0; call < kMaxDescribeCalls && !missing.isEmpty(); ++call) {
        ApiParams params{{QStringLiteral("RoomId"), m_roomId}};
        appendArrayParam(params, QStringLiteral("UserId"), missing.mid(0, kUsersPerDescribe));
        missing = missing.mid(kUsersPerDescribe);
        auto* reply = m_client->zegoGet(QStringLiteral("DescribeUsers"), params);
        connect(reply, &ApiReply::finished, this, [this, generation](const ApiResult& r) {
            if (generation != m_generation || !r.ok()) {
                return;
            }
            QList<RoomUser> details;
            for (const auto& value : r.data().toObject().value(u"UserStatusList").toArray()) {
                const QJsonObject o = value.toObject();
                if (o.value(u"Status").toInt() == 1) {
                    RoomUser u;
                    u.userId = o.value(u"UserId").toString();
                    u.loginTimeMs = o.value(u"LoginTime").toInteger();
                    u.role = o.value(u"UserRole").toInt();
                    details.append(u);
                }
            }
            m_users.merge(details);
        });
    }
}

void RoomDetail::loadStreams() {
    const int generation = m_generation;
    auto* reply = m_client->zegoGet(QStringLiteral("DescribeSimpleStreamList"),
                                    {{QStringLiteral("RoomId"), m_roomId}});
    connect(reply, &ApiReply::finished, this, [this, generation](const ApiResult& r) {
        if (generation != m_generation) {
            return;
        }
        // The Action allows one call per 10 s per room; between calls the feed keeps the list.
        if (!r.ok()) {
            if (r.error != ApiResult::Error::Api) {
                setLastError(tr("Streams of %1: %2").arg(m_roomId, r.describe()));
            }
            return;
        }
        m_streams = parseRoomStreams(r.data().toObject().value(u"StreamList").toArray());
        emit streamsChanged();
    });
}

void RoomDetail::onRoomEvent(const QString& type, const QJsonObject& data) {
    const QString roomId = data.value(u"roomId").toString();
    const QString userId = data.value(u"userId").toString();
    if (type == QLatin1String("room.user_joined")) {
        RoomUser u;
        u.userId = userId;
        u.userName = data.value(u"userName").toString();
        u.role = data.value(u"role").toInt();
        u.loginTimeMs = data.value(u"loginTime").toInteger();
        u.ip = data.value(u"ip").toString();
        m_joined.insert(joinKey(roomId, userId), u);
    } else if (type == QLatin1String("room.user_left")) {
        m_joined.remove(joinKey(roomId, userId));
    } else if (type == QLatin1String("room.closed")) {
        for (auto it = m_joined.begin(); it != m_joined.end();) {
            it = it.key().startsWith(roomId + u'\n') ? m_joined.erase(it) : std::next(it);
        }
    }
    if (roomId != m_roomId) {
        return;
    }
    if (type == QLatin1String("room.stream_added")) {
        const QString streamId = data.value(u"streamId").toString();
        const bool known = std::any_of(m_streams.cbegin(), m_streams.cend(),
                                       [&](const RoomStream& s) { return s.streamId == streamId; });
        if (!known) {
            m_streams.append({streamId, userId, data.value(u"userName").toString(),
                              QDateTime::currentMSecsSinceEpoch()});
            emit streamsChanged();
        }
    } else if (type == QLatin1String("room.stream_removed")) {
        const QString streamId = data.value(u"streamId").toString();
        const auto removed =
            m_streams.removeIf([&](const RoomStream& s) { return s.streamId == streamId; });
        if (removed > 0) {
            emit streamsChanged();
        }
    } else if (type == QLatin1String("room.closed")) {
        m_users.setUsers({});
        m_streams.clear();
        emit streamsChanged();
    } else if (!m_reloadTimer.isActive()) {
        m_reloadTimer.start();
    }
}

void RoomDetail::sendBroadcast(const QString& text) {
    call(QStringLiteral("SendBroadcastMessage"), QStringLiteral("broadcast"),
         {{QStringLiteral("RoomId"), m_roomId},
          {QStringLiteral("UserId"), operatorUserId()},
          {QStringLiteral("UserName"), tr("Operator")},
          {QStringLiteral("MessageCategory"), QStringLiteral("1")},
          {QStringLiteral("MessageContent"), text}});
}

void RoomDetail::sendCustomCommand(const QString& text, const QStringList& toUserIds) {
    ApiParams params{{QStringLiteral("RoomId"), m_roomId},
                     {QStringLiteral("FromUserId"), operatorUserId()},
                     {QStringLiteral("MessageContent"), text}};
    if (!toUserIds.isEmpty()) {
        appendArrayParam(params, QStringLiteral("ToUserId"), toUserIds);
    }
    call(QStringLiteral("SendCustomCommand"), QStringLiteral("command"), params);
}

void RoomDetail::kickUser(const QString& userId, const QString& reason) {
    ApiParams params{{QStringLiteral("RoomId"), m_roomId}};
    appendArrayParam(params, QStringLiteral("UserId"), {userId});
    if (!reason.isEmpty()) {
        params.append({QStringLiteral("CustomReason"), reason});
    }
    call(QStringLiteral("KickoutUser"), QStringLiteral("kick"), params);
}

void RoomDetail::closeRoom(const QString& reason) {
    ApiParams params{{QStringLiteral("RoomId"), m_roomId}};
    if (!reason.isEmpty()) {
        params.append({QStringLiteral("CustomReason"), reason});
    }
    call(QStringLiteral("CloseRoom"), QStringLiteral("close"), params);
}

void RoomDetail::call(const QString& action, const QString& doneName, const ApiParams& params) {
    if (m_roomId.isEmpty()) {
        return;
    }
    auto* reply = m_client->zegoGet(action, params);
    connect(reply, &ApiReply::finished, this, [this, action, doneName](const ApiResult& r) {
        if (!r.ok()) {
            setLastError(tr("%1: %2").arg(action, r.describe()));
            return;
        }
        setLastError({});
        emit actionDone(doneName);
    });
}

void RoomDetail::setLastError(const QString& error) {
    if (error == m_lastError) {
        return;
    }
    m_lastError = error;
    emit lastErrorChanged();
}
