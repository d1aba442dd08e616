#include "mix_task_info.h"

QList<MixTaskInfo> parseMixTasks(const QJsonArray& tasks) {
    QList<MixTaskInfo> out;
    out.reserve(tasks.size());
    for (const auto& value : tasks) {
        const QJsonObject o = value.toObject();
        MixTaskInfo t;
        t.taskId = o.value(u"TaskId").toString();
        t.action = o.value(u"Action").toString();
        t.userId = o.value(u"UserId").toString();
        t.roomId = o.value(u"RoomId").toString();
        t.sequence = o.value(u"Sequence").toInteger();
        t.durationSeconds = o.value(u"MixDuration").toInteger();
        for (const auto& play : o.value(u"PlayInfo").toArray()) {
            t.outputs.append(play.toObject().value(u"StreamId").toString());
        }
        t.body = o.value(u"Body").toObject();
        if (!t.taskId.isEmpty()) {
            out.append(t);
        }
    }
    return out;
}
