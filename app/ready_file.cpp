#include "ready_file.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

std::optional<ReadyFile> parseReadyFile(const QByteArray& json) {
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = doc.object();
    ReadyFile ready;
    ready.pid = object.value(u"pid").toInteger();
    ready.httpUrl = QUrl(object.value(u"httpUrl").toString());
    if (ready.pid <= 0 || !ready.httpUrl.isValid() || ready.httpUrl.host().isEmpty()) {
        return std::nullopt;
    }
    return ready;
}

std::optional<ReadyFile> readReadyFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return parseReadyFile(file.readAll());
}
