#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// A running mix task as the feed's `mixes` snapshot describes it, with the request body it
// runs on.
struct MixTaskInfo {
    QString taskId;
    QString action;  // StartMix, or the Action of another kind of task
    QString userId;
    QString roomId;
    qint64 sequence = 0;
    qint64 durationSeconds = 0;
    QStringList outputs;  // output stream ids
    QJsonObject body;
    bool operator==(const MixTaskInfo&) const = default;
};

QList<MixTaskInfo> parseMixTasks(const QJsonArray& tasks);

Q_DECLARE_METATYPE(MixTaskInfo)
