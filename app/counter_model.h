#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>

#include "feed_events.h"

// The engine's live object counters (getStatistic), one row per counter name.
class CounterModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the dashboard")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, ValueRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCounters(const Counters& counters);
    Q_INVOKABLE qint64 value(const QString& name) const;

signals:
    void countChanged();

private:
    Counters m_counters;
};
