#pragma once

#include <QString>
#include <QUrl>
#include <optional>

// The JSON file regie-engine writes once its listeners are bound (docs/engine-cli.md).
struct ReadyFile {
    qint64 pid = 0;
    QUrl httpUrl;
};

std::optional<ReadyFile> parseReadyFile(const QByteArray& json);
std::optional<ReadyFile> readReadyFile(const QString& path);
