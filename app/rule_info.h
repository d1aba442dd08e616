#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

// The ban rules as the feed's `rules` snapshot reports them (field meanings as in
// DescribeForbidUserRules / DescribeForbidStreamRules / QueryForbidCDNLiveStream).
struct UserRule {
    int ruleType = 0;  // 1 IP, 2 room, 3 user, 4 room + user
    QString ip;
    QString roomId;
    QString userId;
    bool login = false;     // privilege 1 disabled
    bool publish = false;   // privilege 2 disabled
    qint64 createTime = 0;  // Unix seconds
    qint64 expireTime = 0;  // Unix seconds
    bool operator==(const UserRule&) const = default;
};

struct StreamRule {
    QString roomId;
    QString streamId;
    bool disableAudio = false;
    bool disableVideo = false;
    qint64 createTime = 0;
    qint64 expireTime = 0;
    bool operator==(const StreamRule&) const = default;
};

// A stream id forbidden from publishing: an RTC forbid (no end) or a CDN forbid (until endTime).
struct StreamForbid {
    enum class Kind { rtc, cdn };
    Kind kind = Kind::rtc;
    QString streamId;
    qint64 since = 0;    // Unix seconds
    qint64 endTime = 0;  // Unix seconds; 0 = until resumed
    bool operator==(const StreamForbid&) const = default;
};

struct RuleSnapshot {
    QList<UserRule> userRules;
    QList<StreamRule> streamRules;
    QList<StreamForbid> forbids;
};

RuleSnapshot parseRuleSnapshot(const QJsonObject& data);

Q_DECLARE_METATYPE(RuleSnapshot)
