#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>

#include "room_info.h"

// The users of the room the Rooms page shows, in login order.
class RoomUserModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the room detail")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        UserNameRole,
        RoleRole,
        RoleTextRole,
        LoginTimeTextRole,
        IpRole
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<RoomUser>& users() const { return m_users; }
    void setUsers(QList<RoomUser> users);
    // Fills login time, role and address of the users it knows, leaving the rest unchanged.
    void merge(const QList<RoomUser>& details);

    static QString roleText(int role);

signals:
    void countChanged();

private:
    QList<RoomUser> m_users;
};
