#include "rule_list_model.h"

#include <QDateTime>
#include <algorithm>

#include "event_feed.h"

namespace {

QString userTarget(const UserRule& r) {
    switch (r.ruleType) {
        case 1:
            return RuleListModel::tr("IP %1").arg(r.ip);
        case 2:
            return RuleListModel::tr("Room %1").arg(r.roomId);
        case 3:
            return RuleListModel::tr("User %1").arg(r.userId);
        default:
            return RuleListModel::tr("User %1 in room %2").arg(r.userId, r.roomId);
    }
}

QString userEffect(const UserRule& r) {
    if (r.login && r.publish) {
        return RuleListModel::tr("No login, no publishing");
    }
    return r.login ? RuleListModel::tr("No login") : RuleListModel::tr("No publishing");
}

QString streamEffect(const StreamRule& r) {
    if (r.disableAudio && r.disableVideo) {
        return RuleListModel::tr("Audio and video muted");
    }
    return r.disableAudio ? RuleListModel::tr("Audio muted") : RuleListModel::tr("Video muted");
}

}  // namespace

RuleListModel::RuleListModel(Kind kind, EventFeed* feed, QObject* parent)
    : QAbstractListModel(parent)
    , m_kind(kind)
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); }) {
    connect(feed, &EventFeed::rules, this, &RuleListModel::applySnapshot);
    connect(feed, &EventFeed::stateChanged, this, [this, feed] {
        if (feed->state() != EventFeed::State::Open) {
            applySnapshot({});
        }
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty()) {
            emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                             {InForceRole, StateTextRole, RemainingTextRole});
        }
    });
}

int RuleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool RuleListModel::inForce(const Row& row) const {
    return row.expireTime == 0 || row.expireTime > m_now();
}

QVariant RuleListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case TargetRole:
            return row.target;
        case EffectRole:
            return row.effect;
        case InForceRole:
            return inForce(row);
        case StateTextRole:
            return inForce(row) ? tr("In force") : tr("Expired");
        case RemainingTextRole:
            if (row.expireTime == 0) {
                return tr("until lifted");
            }
            return inForce(row) ? tr("%1 left").arg(durationText(row.expireTime - m_now()))
                                : tr("ended %1 ago").arg(durationText(m_now() - row.expireTime));
        case ExpireTextRole:
            return row.expireTime == 0 ? QString()
                                       : QDateTime::fromSecsSinceEpoch(row.expireTime)
                                             .toString(u"yyyy-MM-dd HH:mm:ss");
        case FieldsRole:
            return row.fields;
        default:
            return {};
    }
}

QHash<int, QByteArray> RuleListModel::roleNames() const {
    return {{TargetRole, "target"},
            {EffectRole, "effect"},
            {InForceRole, "inForce"},
            {StateTextRole, "stateText"},
            {RemainingTextRole, "remainingText"},
            {ExpireTextRole, "expireText"},
            {FieldsRole, "fields"}};
}

int RuleListModel::inForceCount() const {
    return int(
        std::count_if(m_rows.begin(), m_rows.end(), [this](const Row& r) { return inForce(r); }));
}

void RuleListModel::applySnapshot(const RuleSnapshot& snapshot) {
    QList<Row> rows;
    switch (m_kind) {
        case Kind::user:
            for (const UserRule& r : snapshot.userRules) {
                rows.append({userTarget(r),
                             userEffect(r),
                             r.expireTime,
                             {{QStringLiteral("ruleType"), r.ruleType},
                              {QStringLiteral("ip"), r.ip},
                              {QStringLiteral("roomId"), r.roomId},
                              {QStringLiteral("userId"), r.userId},
                              {QStringLiteral("login"), r.login},
                              {QStringLiteral("publish"), r.publish},
                              {QStringLiteral("expireTime"), r.expireTime}}});
            }
            break;
        case Kind::stream:
            for (const StreamRule& r : snapshot.streamRules) {
                rows.append({tr("Stream %1 in room %2").arg(r.streamId, r.roomId),
                             streamEffect(r),
                             r.expireTime,
                             {{QStringLiteral("roomId"), r.roomId},
                              {QStringLiteral("streamId"), r.streamId},
                              {QStringLiteral("disableAudio"), r.disableAudio},
                              {QStringLiteral("disableVideo"), r.disableVideo},
                              {QStringLiteral("expireTime"), r.expireTime}}});
            }
            break;
        case Kind::forbid:
            for (const StreamForbid& f : snapshot.forbids) {
                const bool rtc = f.kind == StreamForbid::Kind::rtc;
                rows.append({tr("Stream %1").arg(f.streamId),
                             rtc ? tr("Publishing forbidden") : tr("Direct push forbidden"),
                             f.endTime,
                             {{QStringLiteral("streamId"), f.streamId},
                              {QStringLiteral("kind"),
                               rtc ? QStringLiteral("rtc") : QStringLiteral("cdn")}}});
            }
            break;
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [this](const Row& a, const Row& b) { return inForce(a) && !inForce(b); });
    const bool same = std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
                                 [](const Row& a, const Row& b) {
                                     return a.target == b.target && a.effect == b.effect &&
                                            a.expireTime == b.expireTime && a.fields == b.fields;
                                 });
    if (same) {
        return;  // snapshots repeat; a reset would lose the view's selection and scroll
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
    if (m_rows.isEmpty()) {
        m_tick.stop();
    } else if (!m_tick.isActive()) {
        m_tick.start();
    }
}

QString RuleListModel::durationText(qint64 seconds) {
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60) {
        return tr("%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    }
    if (seconds < 86400) {
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    }
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}
