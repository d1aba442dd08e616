#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QTimer>
#include <QVariantMap>
#include <functional>

#include "rule_info.h"

class EventFeed;

// One kind of ban rule from the feed's `rules` snapshots, rules in force first, then the
// expired ones the engine still reports, each with a plain description and its remaining time.
class RuleListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int inForceCount READ inForceCount NOTIFY countChanged)

public:
    enum class Kind { user, stream, forbid };
    enum Role {
        TargetRole = Qt::UserRole + 1,
        EffectRole,
        InForceRole,
        StateTextRole,
        RemainingTextRole,
        ExpireTextRole,
        FieldsRole
    };

    RuleListModel(Kind kind, EventFeed* feed, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int inForceCount() const;
    void applySnapshot(const RuleSnapshot& snapshot);
    // Injectable for tests: Unix seconds now.
    void setClock(std::function<qint64()> unixSeconds) { m_now = std::move(unixSeconds); }

    static QString durationText(qint64 seconds);

signals:
    void countChanged();

private:
    struct Row {
        QString target;
        QString effect;
        qint64 expireTime = 0;  // Unix seconds; 0 = until lifted
        QVariantMap fields;     // what the editor needs to edit or delete the rule
    };

    bool inForce(const Row& row) const;

    Kind m_kind;
    QList<Row> m_rows;
    QTimer m_tick;
    std::function<qint64()> m_now;
};
