#include "config_filter.h"

#include "config_model.h"

ConfigFilter::ConfigFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    connect(this, &QAbstractItemModel::rowsInserted, this, &ConfigFilter::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ConfigFilter::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ConfigFilter::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ConfigFilter::countChanged);
}

void ConfigFilter::setText(const QString& text) {
    if (text == m_text) {
        return;
    }
    m_text = text;
    invalidateFilter();
    emit textChanged();
    emit countChanged();
}

bool ConfigFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_text.isEmpty()) {
        return true;
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(ConfigModel::KeyRole).toString().contains(m_text, Qt::CaseInsensitive) ||
           index.data(ConfigModel::ValueRole).toString().contains(m_text, Qt::CaseInsensitive);
}
