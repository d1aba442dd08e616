#include "dashboard_model.h"

#include <QJsonArray>

#include "api_client.h"
#include "event_feed.h"
#include "feed_parser.h"

DashboardModel::DashboardModel(ApiClient* client, EventFeed* feed, QObject* parent)
    : QObject(parent), m_client(client) {
    connect(feed, &EventFeed::hello, this, [this](const FeedHello& hello) {
        applyHello(hello);
        refresh();
    });
    connect(feed, &EventFeed::stats, this, &DashboardModel::applyStats);
}

QString DashboardModel::formatUptime(qint64 ms) {
    const qint64 seconds = ms / 1000;
    const qint64 days = seconds / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((seconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                              .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? QStringLiteral("%1d %2").arg(days).arg(clock) : clock;
}

void DashboardModel::refresh() {
    connect(m_client->zlm(QStringLiteral("version")), &ApiReply::finished, this,
            [this](const ApiResult& result) {
                if (!result.ok()) {
                    reportError(QStringLiteral("version"), result);
                    return;
                }
                setVersion(parseEngineVersion(result.data().toObject()));
            });
    connect(m_client->zlm(QStringLiteral("getThreadsLoad")), &ApiReply::finished, this,
            [this](const ApiResult& result) {
                if (!result.ok()) {
                    reportError(QStringLiteral("getThreadsLoad"), result);
                    return;
                }
                m_ioThreads.setLoads(parseThreadLoads(result.data().toArray()));
            });
    connect(m_client->zlm(QStringLiteral("getWorkThreadsLoad")), &ApiReply::finished, this,
            [this](const ApiResult& result) {
                if (!result.ok()) {
                    reportError(QStringLiteral("getWorkThreadsLoad"), result);
                    return;
                }
                m_workerThreads.setLoads(parseThreadLoads(result.data().toArray()));
            });
    connect(m_client->zlm(QStringLiteral("getStatistic")), &ApiReply::finished, this,
            [this](const ApiResult& result) {
                if (!result.ok()) {
                    reportError(QStringLiteral("getStatistic"), result);
                    return;
                }
                m_counters.setCounters(parseCounters(result.data().toObject()));
            });
}

void DashboardModel::applyHello(const FeedHello& hello) {
    m_hello = hello;
    emit helloChanged();
    setVersion(hello.version);
}

void DashboardModel::applyStats(const FeedStats& stats) {
    m_uptimeMs = stats.uptimeMs;
    ++m_statsReceived;
    m_ioThreads.setLoads(stats.threads);
    m_workerThreads.setLoads(stats.workThreads);
    m_counters.setCounters(stats.statistic);
    emit uptimeChanged();
}

void DashboardModel::setVersion(const EngineVersion& version) {
    if (version == m_version) {
        return;
    }
    m_version = version;
    emit versionChanged();
}

void DashboardModel::reportError(const QString& call, const ApiResult& result) {
    m_lastError = QStringLiteral("%1: %2").arg(call, result.describe());
    emit lastErrorChanged();
}
