#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QSet>

#include "feed_events.h"

class ApiClient;
class EventFeed;
struct ApiResult;

// The engine's configuration as rows of section.key = value (getServerConfig). Editing a
// value calls setServerConfig; keys the engine reports as needing a restart (config.changed)
// stay marked until the engine restarts, which restartServer() asks for.
class ConfigModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool restartNeeded READ restartNeeded NOTIFY restartNeededChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        SectionRole,
        NameRole,
        ValueRole,
        RestartRequiredRole,
        BusyRole,
        SecretRole  // the value is a credential (api.secret, zego.serverSecret, ...)
    };

    ConfigModel(ApiClient* client, EventFeed* feed, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const { return m_loading; }
    bool restartNeeded() const { return !m_restartRequired.isEmpty(); }
    QString lastError() const { return m_lastError; }
    Q_INVOKABLE QString value(const QString& key) const;

    Q_INVOKABLE void reload();
    Q_INVOKABLE void setValue(const QString& key, const QString& value);
    Q_INVOKABLE void restartServer();

    void applyValues(const QMap<QString, QString>& values);
    void applyChange(const FeedConfigChange& change);
    void applyHello(const FeedHello& hello);

signals:
    void countChanged();
    void loadingChanged();
    void restartNeededChanged();
    void lastErrorChanged();
    void restartRequested();
    // setServerConfig succeeded; `changed` is the engine's count of modified keys.
    void applied(const QString& key, int changed);

private:
    struct Row {
        QString key;
        QString value;
        bool busy = false;
    };

    int rowOf(const QString& key) const;
    void setBusy(int row, bool busy);
    void setLoading(bool loading);
    void setLastError(const QString& error);

    ApiClient* m_client;
    QList<Row> m_rows;
    QSet<QString> m_restartRequired;
    qint64 m_engineStartedAt = 0;
    bool m_loading = false;
    QString m_lastError;
};
