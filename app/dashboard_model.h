#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>

#include "counter_model.h"
#include "feed_events.h"
#include "thread_load_model.h"

class ApiClient;
class EventFeed;
struct ApiResult;

// What the Dashboard shows: engine build, uptime, thread pools and object counters. Loaded
// through the API when a feed connection opens (its `hello`), then kept current by `stats`.
class DashboardModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(QString version READ version NOTIFY versionChanged)
    Q_PROPERTY(QString branch READ branch NOTIFY versionChanged)
    Q_PROPERTY(QString buildTime READ buildTime NOTIFY versionChanged)
    Q_PROPERTY(QString mediaServerId READ mediaServerId NOTIFY helloChanged)
    Q_PROPERTY(qint64 enginePid READ enginePid NOTIFY helloChanged)
    Q_PROPERTY(int httpPort READ httpPort NOTIFY helloChanged)
    Q_PROPERTY(qint64 uptimeMs READ uptimeMs NOTIFY uptimeChanged)
    Q_PROPERTY(QString uptimeText READ uptimeText NOTIFY uptimeChanged)
    Q_PROPERTY(bool hasStats READ hasStats NOTIFY uptimeChanged)
    Q_PROPERTY(int statsReceived READ statsReceived NOTIFY uptimeChanged)
    Q_PROPERTY(ThreadLoadModel* ioThreads READ ioThreads CONSTANT)
    Q_PROPERTY(ThreadLoadModel* workerThreads READ workerThreads CONSTANT)
    Q_PROPERTY(CounterModel* counters READ counters CONSTANT)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    DashboardModel(ApiClient* client, EventFeed* feed, QObject* parent = nullptr);

    // "1d 02:03:04" or "02:03:04".
    static QString formatUptime(qint64 ms);

    QString version() const { return m_version.commitHash; }
    QString branch() const { return m_version.branchName; }
    QString buildTime() const { return m_version.buildTime; }
    QString mediaServerId() const { return m_hello.mediaServerId; }
    qint64 enginePid() const { return m_hello.pid; }
    int httpPort() const { return m_hello.ports.value(QStringLiteral("http")); }
    qint64 uptimeMs() const { return m_uptimeMs; }
    QString uptimeText() const { return formatUptime(m_uptimeMs); }
    bool hasStats() const { return m_statsReceived > 0; }
    int statsReceived() const { return m_statsReceived; }
    ThreadLoadModel* ioThreads() { return &m_ioThreads; }
    ThreadLoadModel* workerThreads() { return &m_workerThreads; }
    CounterModel* counters() { return &m_counters; }
    QString lastError() const { return m_lastError; }

    // Fetches version, thread loads and counters through the API.
    Q_INVOKABLE void refresh();

    void applyHello(const FeedHello& hello);
    void applyStats(const FeedStats& stats);

signals:
    void versionChanged();
    void helloChanged();
    void uptimeChanged();
    void lastErrorChanged();

private:
    void setVersion(const EngineVersion& version);
    void reportError(const QString& call, const ApiResult& result);

    ApiClient* m_client;
    EngineVersion m_version;
    FeedHello m_hello;
    qint64 m_uptimeMs = 0;
    int m_statsReceived = 0;
    ThreadLoadModel m_ioThreads;
    ThreadLoadModel m_workerThreads;
    CounterModel m_counters;
    QString m_lastError;
};
