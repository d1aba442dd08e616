#include "mix_task_list_model.h"

#include "dashboard_model.h"
#include "event_feed.h"

MixTaskListModel::MixTaskListModel(EventFeed* feed, QObject* parent) : QAbstractListModel(parent) {
    connect(feed, &EventFeed::mixes, this, &MixTaskListModel::applySnapshot);
    connect(feed, &EventFeed::stateChanged, this, [this, feed] {
        if (feed->state() != EventFeed::State::Open) {
            applySnapshot({});
        }
    });
}

int MixTaskListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_tasks.size());
}

QVariant MixTaskListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const MixTaskInfo& t = m_tasks.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case TaskIdRole:
            return t.taskId;
        case ActionRole:
            return t.action;
        case UserIdRole:
            return t.userId;
        case OutputsRole:
            return t.outputs.join(QStringLiteral(", "));
        case DurationTextRole:
            return DashboardModel::formatUptime(t.durationSeconds * 1000);
        case OpenableRole:
            return t.action == QLatin1String("StartMix");
        default:
            return {};
    }
}

QHash<int, QByteArray> MixTaskListModel::roleNames() const {
    return {{TaskIdRole, "taskId"},
            {ActionRole, "action"},
            {UserIdRole, "userId"},
            {OutputsRole, "outputs"},
            {DurationTextRole, "durationText"},
            {OpenableRole, "openable"}};
}

std::optional<MixTaskInfo> MixTaskListModel::task(const QString& taskId) const {
    for (const auto& t : m_tasks) {
        if (t.taskId == taskId) {
            return t;
        }
    }
    return std::nullopt;
}

void MixTaskListModel::applySnapshot(const QList<MixTaskInfo>& tasks) {
    auto ids = [](const QList<MixTaskInfo>& list) {
        QStringList out;
        for (const auto& t : list) {
            out.append(t.taskId);
        }
        return out;
    };
    if (ids(tasks) == ids(m_tasks)) {
        // The same tasks: rows change in place, so the list's delegates stay.
        if (tasks != m_tasks) {
            m_tasks = tasks;
            emit dataChanged(index(0), index(int(m_tasks.size()) - 1));
        }
    } else {
        const bool countChanges = tasks.size() != m_tasks.size();
        beginResetModel();
        m_tasks = tasks;
        endResetModel();
        if (countChanges) {
            emit countChanged();
        }
    }
    emit updated();
}
