#include "room_user_model.h"

#include <QDateTime>

int RoomUserModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant RoomUserModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const RoomUser& u = m_users.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case UserIdRole:
            return u.userId;
        case UserNameRole:
            return u.userName;
        case RoleRole:
            return u.role;
        case RoleTextRole:
            return roleText(u.role);
        case LoginTimeTextRole:
            return u.loginTimeMs > 0
                       ? QDateTime::fromMSecsSinceEpoch(u.loginTimeMs).toString(u"HH:mm:ss")
                       : QString();
        case IpRole:
            return u.ip;
        default:
            return {};
    }
}

QHash<int, QByteArray> RoomUserModel::roleNames() const {
    return {
        {UserIdRole, "userId"},     {UserNameRole, "userName"},           {RoleRole, "userRole"},
        {RoleTextRole, "roleText"}, {LoginTimeTextRole, "loginTimeText"}, {IpRole, "ip"}};
}

void RoomUserModel::setUsers(QList<RoomUser> users) {
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
    emit countChanged();
}

void RoomUserModel::merge(const QList<RoomUser>& details) {
    for (const RoomUser& d : details) {
        for (int i = 0; i < m_users.size(); ++i) {
            RoomUser& u = m_users[i];
            if (u.userId != d.userId) {
                continue;
            }
            if (d.loginTimeMs > 0) {
                u.loginTimeMs = d.loginTimeMs;
            }
            if (d.role > 0) {
                u.role = d.role;
            }
            if (!d.ip.isEmpty()) {
                u.ip = d.ip;
            }
            emit dataChanged(index(i), index(i));
        }
    }
}

QString RoomUserModel::roleText(int role) {
    switch (role) {
        case 1:
            return tr("Anchor");
        case 2:
            return tr("Audience");
        case 4:
            return tr("Admin");
        default:
            return {};
    }
}
