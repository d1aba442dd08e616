#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>

#include "room_info.h"

class EventFeed;

// The engine's rooms with their live user and stream counts, kept by the feed's `rooms`
// snapshots; empty while the feed is not open (rooms are live state, not remembered).
class RoomListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int userTotal READ userTotal NOTIFY countChanged)

public:
    enum Role { RoomIdRole = Qt::UserRole + 1, UserCountRole, StreamCountRole, AgeTextRole };

    explicit RoomListModel(EventFeed* feed, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int userTotal() const;
    Q_INVOKABLE int indexOf(const QString& roomId) const;

    // Replaces the list, updating rows in place where the room is kept.
    void applySnapshot(QList<RoomSummary> rooms);

signals:
    void countChanged();

private:
    QList<RoomSummary> m_rooms;
};
