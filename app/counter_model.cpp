#include "counter_model.h"

int CounterModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_counters.size());
}

QVariant CounterModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const auto& [name, value] = m_counters.at(index.row());
    switch (role) {
        case NameRole:
        case Qt::DisplayRole:
            return name;
        case ValueRole:
            return value;
    }
    return {};
}

QHash<int, QByteArray> CounterModel::roleNames() const {
    return {{NameRole, "name"}, {ValueRole, "value"}};
}

void CounterModel::setCounters(const Counters& counters) {
    bool sameKeys = counters.size() == m_counters.size();
    for (qsizetype i = 0; sameKeys && i < counters.size(); ++i) {
        sameKeys = counters[i].first == m_counters[i].first;
    }
    if (sameKeys) {
        for (qsizetype i = 0; i < counters.size(); ++i) {
            if (counters[i].second != m_counters[i].second) {
                m_counters[i].second = counters[i].second;
                emit dataChanged(index(int(i)), index(int(i)), {ValueRole});
            }
        }
        return;
    }
    beginResetModel();
    m_counters = counters;
    endResetModel();
    emit countChanged();
}

qint64 CounterModel::value(const QString& name) const {
    for (const auto& [key, count] : m_counters) {
        if (key == name) {
            return count;
        }
    }
    return 0;
}
