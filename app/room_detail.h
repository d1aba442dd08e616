#pragma once

#include <QtQml/qqmlregistration.h>

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantList>

#include "api_client.h"
#include "room_info.h"
#include "room_user_model.h"

class EventFeed;
struct ApiResult;

// The room the Rooms page has selected: its users (DescribeUserList, completed by DescribeUsers
// and by what the feed's `room.user_joined` said) and streams (DescribeSimpleStreamList, then
// the feed's stream events), and the operator's actions on it through the ZEGO door.
// Reloads are spaced to respect the per-room rate limits of those Actions.
class RoomDetail : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(QString roomId READ roomId WRITE setRoomId NOTIFY roomIdChanged)
    Q_PROPERTY(RoomUserModel* users READ users CONSTANT)
    Q_PROPERTY(QVariantList streams READ streams NOTIFY streamsChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    RoomDetail(ApiClient* client, EventFeed* feed, QObject* parent = nullptr);

    QString roomId() const { return m_roomId; }
    void setRoomId(const QString& roomId);
    RoomUserModel* users() { return &m_users; }
    QVariantList streams() const;
    QString lastError() const { return m_lastError; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void sendBroadcast(const QString& text);
    // To the listed user ids, or everybody in the room when the list is empty.
    Q_INVOKABLE void sendCustomCommand(const QString& text, const QStringList& toUserIds);
    Q_INVOKABLE void kickUser(const QString& userId, const QString& reason);
    Q_INVOKABLE void closeRoom(const QString& reason);

    // The identity the console sends messages and commands as; never a room member.
    static QString operatorUserId() { return QStringLiteral("Server-Administrator"); }

signals:
    void roomIdChanged();
    void streamsChanged();
    void lastErrorChanged();
    // An action the engine accepted: "broadcast", "command", "kick", "close".
    void actionDone(const QString& action);

private:
    void onRoomEvent(const QString& type, const QJsonObject& data);
    void loadUsers(const QString& marker, QList<RoomUser> users, int pages);
    void loadUserDetails(const QList<RoomUser>& users);
    void loadStreams();
    void call(const QString& action, const QString& doneName, const ApiParams& params);
    void setLastError(const QString& error);

    ApiClient* m_client;
    RoomUserModel m_users;
    QList<RoomStream> m_streams;
    QString m_roomId;
    QString m_lastError;
    // room id + '\n' + user id → what `room.user_joined` said about the user.
    QHash<QString, RoomUser> m_joined;
    QTimer m_reloadTimer;
    int m_generation = 0;
};
