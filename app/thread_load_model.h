#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>

#include "feed_events.h"

// Load and scheduling delay of each thread of one engine thread pool.
class ThreadLoadModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the dashboard")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int averageLoad READ averageLoad NOTIFY loadsChanged)
    Q_PROPERTY(int maxDelay READ maxDelay NOTIFY loadsChanged)

public:
    enum Role { LoadRole = Qt::UserRole + 1, DelayRole, NameRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Updates rows in place when the pool size is unchanged, so views do not flicker.
    void setLoads(const QList<ThreadLoad>& loads);
    int averageLoad() const;
    int maxDelay() const;

signals:
    void countChanged();
    void loadsChanged();

private:
    QList<ThreadLoad> m_loads;
};
