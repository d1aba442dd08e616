#include "log_filter.h"

#include "log_model.h"

LogFilter::LogFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    connect(this, &QAbstractItemModel::rowsInserted, this, &LogFilter::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &LogFilter::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &LogFilter::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &LogFilter::countChanged);
}

void LogFilter::setMinimumLevel(int level) {
    if (level == m_minimumLevel) {
        return;
    }
    m_minimumLevel = level;
    invalidateFilter();
    emit minimumLevelChanged();
    emit countChanged();
}

void LogFilter::setText(const QString& text) {
    if (text == m_text) {
        return;
    }
    m_text = text;
    invalidateFilter();
    emit textChanged();
    emit countChanged();
}

bool LogFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LogModel::LevelRole).toInt() < m_minimumLevel) {
        return false;
    }
    return m_text.isEmpty() ||
           index.data(LogModel::MessageRole).toString().contains(m_text, Qt::CaseInsensitive);
}
