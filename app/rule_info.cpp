#include "rule_info.h"

#include <QDateTime>
#include <QJsonArray>

namespace {

// The CDN forbid times are UTC "YYYY-MM-DDThh:mm:ssZ" texts, as QueryForbidCDNLiveStream has them.
qint64 utcSeconds(const QJsonValue& value) {
    if (value.isDouble()) {
        return value.toInteger();
    }
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODate);
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}

}  // namespace

RuleSnapshot parseRuleSnapshot(const QJsonObject& data) {
    RuleSnapshot snapshot;
    for (const auto& value : data.value(u"userRules").toArray()) {
        const QJsonObject o = value.toObject();
        UserRule r;
        r.ruleType = o.value(u"RuleType").toInt();
        r.ip = o.value(u"IP").toString();
        r.roomId = o.value(u"RoomId").toString();
        r.userId = o.value(u"UserId").toString();
        for (const auto& p : o.value(u"DisabledPrivilegeList").toArray()) {
            r.login |= p.toInt() == 1;
            r.publish |= p.toInt() == 2;
        }
        r.createTime = o.value(u"CreateTime").toInteger();
        r.expireTime = o.value(u"ExpireTime").toInteger();
        snapshot.userRules.append(r);
    }
    for (const auto& value : data.value(u"streamRules").toArray()) {
        const QJsonObject o = value.toObject();
        StreamRule r;
        r.roomId = o.value(u"RoomId").toString();
        r.streamId = o.value(u"StreamId").toString();
        r.disableAudio = o.value(u"DisableAudio").toInt() == 1;
        r.disableVideo = o.value(u"DisableVideo").toInt() == 1;
        r.createTime = o.value(u"CreateTime").toInteger();
        r.expireTime = o.value(u"EffectiveTime").toInteger();
        snapshot.streamRules.append(r);
    }
    for (const auto& value : data.value(u"rtcForbidden").toArray()) {
        const QJsonObject o = value.toObject();
        snapshot.forbids.append({StreamForbid::Kind::rtc, o.value(u"StreamId").toString(),
                                 utcSeconds(o.value(u"Since")), 0});
    }
    for (const auto& value : data.value(u"cdnForbidden").toArray()) {
        const QJsonObject o = value.toObject();
        snapshot.forbids.append({StreamForbid::Kind::cdn, o.value(u"StreamId").toString(),
                                 utcSeconds(o.value(u"StartTime")),
                                 utcSeconds(o.value(u"EndTime"))});
    }
    return snapshot;
}
