#include "thread_load_model.h"

#include <algorithm>

int ThreadLoadModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_loads.size());
}

QVariant ThreadLoadModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const ThreadLoad& load = m_loads.at(index.row());
    switch (role) {
        case LoadRole:
            return load.load;
        case DelayRole:
            return load.delay;
        case NameRole:
        case Qt::DisplayRole:
            return QStringLiteral("#%1").arg(index.row() + 1);
    }
    return {};
}

QHash<int, QByteArray> ThreadLoadModel::roleNames() const {
    return {{LoadRole, "load"}, {DelayRole, "delay"}, {NameRole, "name"}};
}

void ThreadLoadModel::setLoads(const QList<ThreadLoad>& loads) {
    if (loads == m_loads) {
        return;
    }
    if (loads.size() == m_loads.size()) {
        m_loads = loads;
        emit dataChanged(index(0), index(int(m_loads.size()) - 1), {LoadRole, DelayRole});
    } else {
        beginResetModel();
        m_loads = loads;
        endResetModel();
        emit countChanged();
    }
    emit loadsChanged();
}

int ThreadLoadModel::averageLoad() const {
    if (m_loads.isEmpty()) {
        return 0;
    }
    int sum = 0;
    for (const ThreadLoad& load : m_loads) {
        sum += load.load;
    }
    return sum / int(m_loads.size());
}

int ThreadLoadModel::maxDelay() const {
    int worst = 0;
    for (const ThreadLoad& load : m_loads) {
        worst = std::max(worst, load.delay);
    }
    return worst;
}
