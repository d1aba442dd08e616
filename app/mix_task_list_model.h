#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <optional>

#include "mix_task_info.h"

class EventFeed;

// The engine's running mix tasks, from the feed's `mixes` snapshots; empty while the feed is
// not open.
class MixTaskListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        ActionRole,
        UserIdRole,
        OutputsRole,
        DurationTextRole,
        OpenableRole
    };

    explicit MixTaskListModel(EventFeed* feed, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    std::optional<MixTaskInfo> task(const QString& taskId) const;
    void applySnapshot(const QList<MixTaskInfo>& tasks);

signals:
    void countChanged();
    // After every snapshot, whether or not it changed anything.
    void updated();

private:
    QList<MixTaskInfo> m_tasks;
};
