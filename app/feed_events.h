#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <utility>

// Typed payloads of the engine's event feed (docs/event-feed.md). ThreadLoad, EngineVersion
// and the statistic list also match the `data` of the ZLM endpoints getThreadsLoad,
// getWorkThreadsLoad, version and getStatistic.

struct ThreadLoad {
    int load = 0;   // percent busy
    int delay = 0;  // ms a probe task waited
    bool operator==(const ThreadLoad&) const = default;
};

struct EngineVersion {
    QString branchName;
    QString commitHash;
    QString buildTime;
    bool operator==(const EngineVersion&) const = default;
};

using Counters = QList<std::pair<QString, qint64>>;

struct FeedHello {
    int protocol = 0;
    EngineVersion version;
    QString mediaServerId;
    qint64 startedAtMs = 0;
    qint64 pid = 0;
    QMap<QString, int> ports;
};

struct FeedStats {
    qint64 uptimeMs = 0;
    QList<ThreadLoad> threads;
    QList<ThreadLoad> workThreads;
    Counters statistic;
};

struct FeedConfigChange {
    QMap<QString, QString> changed;
    QStringList restartRequired;
};

struct FeedLog {
    QDateTime time;
    QString level;
    QString event;
    QMap<QString, QString> fields;
};

struct FeedShutdown {
    QString reason;
};

Q_DECLARE_METATYPE(FeedHello)
Q_DECLARE_METATYPE(FeedStats)
Q_DECLARE_METATYPE(FeedConfigChange)
Q_DECLARE_METATYPE(FeedLog)
Q_DECLARE_METATYPE(FeedShutdown)
