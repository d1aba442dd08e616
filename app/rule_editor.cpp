#include "rule_editor.h"

#include <QDateTime>
#include <QHostAddress>

#include "api_reply.h"
#include "rule_list_model.h"

namespace {

bool tooLong(const QString& text) {
    return text.toUtf8().size() > RuleEditor::kMaxIdBytes;
}

QString forHowLong(int seconds) {
    return RuleEditor::tr("for %1").arg(RuleListModel::durationText(seconds));
}

}  // namespace

RuleEditor::RuleEditor(ApiClient* client, QObject* parent) : QObject(parent), m_client(client) {}

QString RuleEditor::userRuleProblem(int ruleType, const QString& ip, const QString& roomId,
                                    const QString& userId, bool login, bool publish,
                                    int seconds) const {
    if (ruleType < 1 || ruleType > 4) {
        return tr("Choose what the rule applies to.");
    }
    if (ruleType == 1 && QHostAddress(ip).isNull()) {
        return tr("Enter a valid IP address.");
    }
    if ((ruleType == 2 || ruleType == 4) && roomId.isEmpty()) {
        return tr("Enter the room id.");
    }
    if ((ruleType == 3 || ruleType == 4) && userId.isEmpty()) {
        return tr("Enter the user id.");
    }
    if (tooLong(roomId) || tooLong(userId)) {
        return tr("Ids are at most %1 bytes.").arg(kMaxIdBytes);
    }
    if (!login && !publish) {
        return tr("Ban login, publishing or both.");
    }
    if (seconds < 1 || seconds > kMaxSeconds) {
        return tr("The duration is 1 second to 24 hours.");
    }
    return {};
}

QString RuleEditor::describeUserRule(int ruleType, const QString& ip, const QString& roomId,
                                     const QString& userId, bool login, bool publish,
                                     int seconds) const {
    if (!userRuleProblem(ruleType, ip, roomId, userId, login, publish, seconds).isEmpty()) {
        return {};
    }
    QString who;
    switch (ruleType) {
        case 1:
            who = tr("Clients at %1").arg(ip);
            break;
        case 2:
            who = tr("Everybody in room %1").arg(roomId);
            break;
        case 3:
            who = tr("User %1, in every room,").arg(userId);
            break;
        default:
            who = tr("User %1 in room %2").arg(userId, roomId);
            break;
    }
    QStringList lines;
    if (login && publish) {
        lines << tr("%1 cannot log in or start publishing %2.").arg(who, forHowLong(seconds));
    } else if (login) {
        lines << tr("%1 cannot log in %2.").arg(who, forHowLong(seconds));
    } else {
        lines << tr("%1 cannot start publishing %2.").arg(who, forHowLong(seconds));
    }
    if (login) {
        lines << tr("Users already in the room stay; kick them to remove them.");
    }
    if (publish) {
        lines << tr(
            "Streams already live keep running until their next publish; to mute a "
            "stream now use a stream rule, to cut it use Forbid stream.");
    }
    return lines.join(u' ');
}

ApiParams RuleEditor::userRuleKey(int ruleType, const QString& ip, const QString& roomId,
                                  const QString& userId) {
    ApiParams params{{QStringLiteral("RuleType"), QString::number(ruleType)}};
    if (ruleType == 1) {
        params.append({QStringLiteral("IP"), ip});
    }
    if (ruleType == 2 || ruleType == 4) {
        params.append({QStringLiteral("RoomId"), roomId});
    }
    if (ruleType == 3 || ruleType == 4) {
        params.append({QStringLiteral("UserId"), userId});
    }
    return params;
}

void RuleEditor::setUserRule(int ruleType, const QString& ip, const QString& roomId,
                             const QString& userId, bool login, bool publish, int seconds) {
    if (auto problem = userRuleProblem(ruleType, ip, roomId, userId, login, publish, seconds);
        !problem.isEmpty()) {
        setLastError(problem);
        return;
    }
    ApiParams params = userRuleKey(ruleType, ip, roomId, userId);
    QStringList privileges;
    if (login) {
        privileges << QStringLiteral("1");
    }
    if (publish) {
        privileges << QStringLiteral("2");
    }
    appendArrayParam(params, QStringLiteral("DisabledPrivilege"), privileges);
    params.append({QStringLiteral("EffectiveTime"), QString::number(seconds)});
    send(QStringLiteral("SetForbidUserRule"), params);
}

void RuleEditor::deleteUserRule(int ruleType, const QString& ip, const QString& roomId,
                                const QString& userId) {
    send(QStringLiteral("DelForbidUserRule"), userRuleKey(ruleType, ip, roomId, userId));
}

QString RuleEditor::streamRuleProblem(const QString& roomId, const QString& streamId, bool audio,
                                      bool video, int seconds) const {
    if (roomId.isEmpty() || streamId.isEmpty()) {
        return tr("Enter the room id and the stream id.");
    }
    if (tooLong(roomId) || tooLong(streamId)) {
        return tr("Ids are at most %1 bytes.").arg(kMaxIdBytes);
    }
    if (!audio && !video) {
        return tr("Mute audio, video or both.");
    }
    if (seconds < 1 || seconds > kMaxSeconds) {
        return tr("The duration is 1 second to 24 hours.");
    }
    return {};
}

QString RuleEditor::describeStreamRule(const QString& roomId, const QString& streamId, bool audio,
                                       bool video, int seconds) const {
    if (!streamRuleProblem(roomId, streamId, audio, video, seconds).isEmpty()) {
        return {};
    }
    const QString what = audio && video ? tr("audio and video") : audio ? tr("audio") : tr("video");
    return tr("Every player of stream %1 in room %2 stops receiving its %3 at once, and new "
              "players get none, %4. The publisher is not disconnected; to cut the stream use "
              "Forbid stream.")
        .arg(streamId, roomId, what, forHowLong(seconds));
}

void RuleEditor::setStreamRule(const QString& roomId, const QString& streamId, bool audio,
                               bool video, int seconds) {
    if (auto problem = streamRuleProblem(roomId, streamId, audio, video, seconds);
        !problem.isEmpty()) {
        setLastError(problem);
        return;
    }
    send(QStringLiteral("SetForbidStreamRule"),
         {{QStringLiteral("RoomId"), roomId},
          {QStringLiteral("StreamId"), streamId},
          {QStringLiteral("DisableAudio"), audio ? QStringLiteral("1") : QStringLiteral("0")},
          {QStringLiteral("DisableVideo"), video ? QStringLiteral("1") : QStringLiteral("0")},
          {QStringLiteral("EffectiveTime"), QString::number(seconds)}});
}

void RuleEditor::deleteStreamRule(const QString& roomId, const QString& streamId) {
    send(QStringLiteral("DelForbidStreamRule"),
         {{QStringLiteral("RoomId"), roomId}, {QStringLiteral("StreamId"), streamId}});
}

void RuleEditor::forbidStream(const QString& streamId) {
    // Sequence must grow per stream within 10 s; milliseconds, kept strictly increasing.
    m_lastSequence = std::max(m_lastSequence + 1, QDateTime::currentMSecsSinceEpoch());
    send(QStringLiteral("ForbidRTCStream"),
         {{QStringLiteral("StreamId"), streamId},
          {QStringLiteral("Sequence"), QString::number(m_lastSequence)}});
}

void RuleEditor::resumeStream(const QString& streamId, const QString& kind) {
    if (kind == QLatin1String("cdn")) {
        send(QStringLiteral("ResumeCDNLiveStream"), {{QStringLiteral("StreamId"), streamId}});
        return;
    }
    m_lastSequence = std::max(m_lastSequence + 1, QDateTime::currentMSecsSinceEpoch());
    send(QStringLiteral("ResumeRTCStream"),
         {{QStringLiteral("StreamId"), streamId},
          {QStringLiteral("Sequence"), QString::number(m_lastSequence)}});
}

void RuleEditor::send(const QString& action, const ApiParams& params) {
    auto* reply = m_client->zegoGet(action, params);
    connect(reply, &ApiReply::finished, this, [this, action](const ApiResult& r) {
        if (!r.ok()) {
            setLastError(tr("%1: %2").arg(action, r.describe()));
            return;
        }
        setLastError({});
        emit done(action);
    });
}

void RuleEditor::setLastError(const QString& error) {
    if (error == m_lastError) {
        return;
    }
    m_lastError = error;
    emit lastErrorChanged();
}
