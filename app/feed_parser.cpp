#include "feed_parser.h"

#include <QJsonDocument>

namespace {

// Config values and log fields are strings on the wire; tolerate numbers anyway.
QString asText(const QJsonValue& value) {
    return value.isDouble() ? QString::number(value.toDouble()) : value.toString();
}

QMap<QString, QString> textMap(const QJsonObject& object) {
    QMap<QString, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it) {
        map.insert(it.key(), asText(it.value()));
    }
    return map;
}

}  // namespace

std::optional<FeedEnvelope> parseFeedEnvelope(const QByteArray& text, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : QStringLiteral("not an object");
        return std::nullopt;
    }
    const QJsonObject object = doc.object();
    if (!object.value(u"type").isString()) {
        *error = QStringLiteral("no \"type\"");
        return std::nullopt;
    }
    const QJsonValue data = object.value(u"data");
    if (!data.isObject() && !data.isUndefined()) {
        *error = QStringLiteral("\"data\" is not an object");
        return std::nullopt;
    }
    FeedEnvelope envelope;
    envelope.type = object.value(u"type").toString();
    envelope.seq = object.value(u"seq").toInteger();
    envelope.timeMs = object.value(u"time").toInteger();
    envelope.data = data.toObject();
    return envelope;
}

QList<ThreadLoad> parseThreadLoads(const QJsonArray& array) {
    QList<ThreadLoad> loads;
    loads.reserve(array.size());
    for (const auto& item : array) {
        const QJsonObject object = item.toObject();
        loads.append({object.value(u"load").toInt(), object.value(u"delay").toInt()});
    }
    return loads;
}

EngineVersion parseEngineVersion(const QJsonObject& object) {
    return {object.value(u"branchName").toString(), object.value(u"commitHash").toString(),
            object.value(u"buildTime").toString()};
}

Counters parseCounters(const QJsonObject& object) {
    Counters counters;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isDouble()) {
            counters.append({it.key(), it.value().toInteger()});
        }
    }
    return counters;
}

FeedHello parseHello(const QJsonObject& data) {
    FeedHello hello;
    hello.protocol = data.value(u"protocol").toInt();
    hello.version = parseEngineVersion(data.value(u"version").toObject());
    hello.mediaServerId = data.value(u"mediaServerId").toString();
    hello.startedAtMs = data.value(u"startedAt").toInteger();
    hello.pid = data.value(u"pid").toInteger();
    const QJsonObject ports = data.value(u"ports").toObject();
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        hello.ports.insert(it.key(), it.value().toInt());
    }
    return hello;
}

FeedStats parseStats(const QJsonObject& data) {
    FeedStats stats;
    stats.uptimeMs = data.value(u"uptimeMs").toInteger();
    stats.threads = parseThreadLoads(data.value(u"threads").toArray());
    stats.workThreads = parseThreadLoads(data.value(u"workThreads").toArray());
    stats.statistic = parseCounters(data.value(u"statistic").toObject());
    return stats;
}

FeedConfigChange parseConfigChange(const QJsonObject& data) {
    FeedConfigChange change;
    change.changed = textMap(data.value(u"changed").toObject());
    for (const auto& key : data.value(u"restartRequired").toArray()) {
        change.restartRequired.append(key.toString());
    }
    return change;
}

FeedLog parseLog(const FeedEnvelope& envelope) {
    FeedLog log;
    log.time = QDateTime::fromMSecsSinceEpoch(envelope.timeMs);
    log.level = envelope.data.value(u"level").toString();
    log.event = envelope.data.value(u"event").toString();
    log.fields = textMap(envelope.data.value(u"fields").toObject());
    return log;
}

FeedShutdown parseShutdown(const QJsonObject& data) {
    return {data.value(u"reason").toString()};
}
