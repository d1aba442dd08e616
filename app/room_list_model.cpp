#include "room_list_model.h"

#include <QDateTime>
#include <algorithm>

#include "dashboard_model.h"
#include "event_feed.h"

RoomListModel::RoomListModel(EventFeed* feed, QObject* parent) : QAbstractListModel(parent) {
    connect(feed, &EventFeed::rooms, this, &RoomListModel::applySnapshot);
    connect(feed, &EventFeed::stateChanged, this, [this, feed] {
        if (feed->state() != EventFeed::State::Open) {
            applySnapshot({});
        }
    });
}

int RoomListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant RoomListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const RoomSummary& r = m_rooms.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case RoomIdRole:
            return r.roomId;
        case UserCountRole:
            return r.userCount;
        case StreamCountRole:
            return r.streamCount;
        case AgeTextRole:
            return r.createdAtMs > 0 ? DashboardModel::formatUptime(
                                           QDateTime::currentMSecsSinceEpoch() - r.createdAtMs)
                                     : QString();
        default:
            return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const {
    return {{RoomIdRole, "roomId"},
            {UserCountRole, "userCount"},
            {StreamCountRole, "streamCount"},
            {AgeTextRole, "ageText"}};
}

int RoomListModel::userTotal() const {
    int total = 0;
    for (const auto& r : m_rooms) {
        total += r.userCount;
    }
    return total;
}

int RoomListModel::indexOf(const QString& roomId) const {
    for (int i = 0; i < m_rooms.size(); ++i) {
        if (m_rooms.at(i).roomId == roomId) {
            return i;
        }
    }
    return -1;
}

void RoomListModel::applySnapshot(QList<RoomSummary> rooms) {
    std::sort(rooms.begin(), rooms.end(),
              [](const RoomSummary& a, const RoomSummary& b) { return a.roomId < b.roomId; });
    const bool sameRooms =
        std::equal(rooms.begin(), rooms.end(), m_rooms.begin(), m_rooms.end(),
                   [](const RoomSummary& a, const RoomSummary& b) { return a.roomId == b.roomId; });
    if (sameRooms) {
        m_rooms = std::move(rooms);
        if (!m_rooms.isEmpty()) {
            // Counts may have moved and ages always do.
            emit dataChanged(index(0), index(int(m_rooms.size()) - 1));
            emit countChanged();
        }
        return;
    }
    beginResetModel();
    m_rooms = std::move(rooms);
    endResetModel();
    emit countChanged();
}
