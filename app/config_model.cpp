#include "config_model.h"

#include <QJsonArray>

#include "api_client.h"
#include "event_feed.h"

ConfigModel::ConfigModel(ApiClient* client, EventFeed* feed, QObject* parent)
    : QAbstractListModel(parent), m_client(client) {
    connect(feed, &EventFeed::hello, this, &ConfigModel::applyHello);
    connect(feed, &EventFeed::configChanged, this, &ConfigModel::applyChange);
}

int ConfigModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConfigModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    const qsizetype dot = row.key.indexOf(u'.');
    switch (role) {
        case KeyRole:
        case Qt::DisplayRole:
            return row.key;
        case SectionRole:
            return dot < 0 ? QString() : row.key.left(dot);
        case NameRole:
            return dot < 0 ? row.key : row.key.mid(dot + 1);
        case ValueRole:
            return row.value;
        case RestartRequiredRole:
            return m_restartRequired.contains(row.key);
        case BusyRole:
            return row.busy;
        case SecretRole:
            return row.key.endsWith(QLatin1String("secret"), Qt::CaseInsensitive);
    }
    return {};
}

QHash<int, QByteArray> ConfigModel::roleNames() const {
    return {{KeyRole, "key"},      {SectionRole, "section"},
            {NameRole, "name"},    {ValueRole, "value"},
            {BusyRole, "busy"},    {RestartRequiredRole, "restartRequired"},
            {SecretRole, "secret"}};
}

QString ConfigModel::value(const QString& key) const {
    const int row = rowOf(key);
    return row < 0 ? QString() : m_rows.at(row).value;
}

void ConfigModel::reload() {
    setLoading(true);
    connect(m_client->zlm(QStringLiteral("getServerConfig")), &ApiReply::finished, this,
            [this](const ApiResult& result) {
                setLoading(false);
                if (!result.ok()) {
                    setLastError(result.describe());
                    return;
                }
                // `data` is an array holding one object with every key as a string.
                const QJsonObject object = result.data().toArray().first().toObject();
                QMap<QString, QString> values;
                for (auto it = object.begin(); it != object.end(); ++it) {
                    values.insert(it.key(), it.value().toString());
                }
                setLastError({});
                applyValues(values);
            });
}

void ConfigModel::setValue(const QString& key, const QString& value) {
    const int row = rowOf(key);
    if (row < 0 || m_rows.at(row).value == value) {
        return;
    }
    setBusy(row, true);
    connect(m_client->zlm(QStringLiteral("setServerConfig"), {{key, value}}), &ApiReply::finished,
            this, [this, key, value](const ApiResult& result) {
                const int current = rowOf(key);
                if (current >= 0) {
                    setBusy(current, false);
                }
                if (!result.ok()) {
                    setLastError(tr("Cannot set %1: %2").arg(key, result.describe()));
                    return;
                }
                setLastError({});
                applyValues({{key, value}});
                emit applied(key, result.body.value(u"changed").toInt());
            });
}

void ConfigModel::restartServer() {
    connect(m_client->zlm(QStringLiteral("restartServer")), &ApiReply::finished, this,
            [this](const ApiResult& result) {
                if (!result.ok()) {
                    setLastError(tr("Cannot restart the engine: %1").arg(result.describe()));
                    return;
                }
                emit restartRequested();
            });
}

void ConfigModel::applyValues(const QMap<QString, QString>& values) {
    QMap<QString, QString> added;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0) {
            added.insert(it.key(), it.value());
        } else if (m_rows[row].value != it.value()) {
            m_rows[row].value = it.value();
            emit dataChanged(index(row), index(row), {ValueRole});
        }
    }
    if (added.isEmpty()) {
        return;
    }
    beginResetModel();
    for (auto it = added.begin(); it != added.end(); ++it) {
        m_rows.append({it.key(), it.value()});
    }
    std::sort(m_rows.begin(), m_rows.end(),
              [](const Row& a, const Row& b) { return a.key < b.key; });
    endResetModel();
    emit countChanged();
}

void ConfigModel::applyChange(const FeedConfigChange& change) {
    applyValues(change.changed);
    const bool before = restartNeeded();
    for (const QString& key : change.restartRequired) {
        m_restartRequired.insert(key);
        const int row = rowOf(key);
        if (row >= 0) {
            emit dataChanged(index(row), index(row), {RestartRequiredRole});
        }
    }
    if (before != restartNeeded()) {
        emit restartNeededChanged();
    }
}

void ConfigModel::applyHello(const FeedHello& hello) {
    // A new engine process has applied every pending change.
    if (hello.startedAtMs != m_engineStartedAt) {
        m_engineStartedAt = hello.startedAtMs;
        if (restartNeeded()) {
            m_restartRequired.clear();
            if (!m_rows.isEmpty()) {
                emit dataChanged(index(0), index(int(m_rows.size()) - 1), {RestartRequiredRole});
            }
            emit restartNeededChanged();
        }
    }
    reload();
}

int ConfigModel::rowOf(const QString& key) const {
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), key,
                                     [](const Row& row, const QString& k) { return row.key < k; });
    return it != m_rows.end() && it->key == key ? int(it - m_rows.begin()) : -1;
}

void ConfigModel::setBusy(int row, bool busy) {
    m_rows[row].busy = busy;
    emit dataChanged(index(row), index(row), {BusyRole});
}

void ConfigModel::setLoading(bool loading) {
    if (loading != m_loading) {
        m_loading = loading;
        emit loadingChanged();
    }
}

void ConfigModel::setLastError(const QString& error) {
    if (error != m_lastError) {
        m_lastError = error;
        emit lastErrorChanged();
    }
}
