#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

#include "feed_events.h"

// One feed message split into its envelope; `data` is decoded by the parse* functions below.
struct FeedEnvelope {
    QString type;
    qint64 seq = 0;
    qint64 timeMs = 0;
    QJsonObject data;
};

// Fails (and says why) when the text is not a JSON object with a string `type` and an object
// `data`. Unknown types are not an error: the caller ignores them.
std::optional<FeedEnvelope> parseFeedEnvelope(const QByteArray& text, QString* error);

QList<ThreadLoad> parseThreadLoads(const QJsonArray& array);
EngineVersion parseEngineVersion(const QJsonObject& object);
Counters parseCounters(const QJsonObject& object);

FeedHello parseHello(const QJsonObject& data);
FeedStats parseStats(const QJsonObject& data);
FeedConfigChange parseConfigChange(const QJsonObject& data);
FeedLog parseLog(const FeedEnvelope& envelope);
FeedShutdown parseShutdown(const QJsonObject& data);
