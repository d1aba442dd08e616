#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>

#include "api_client.h"

struct ApiResult;

// Creates, replaces and deletes ban rules through the ZEGO door. Validates against the
// Actions' limits before sending, and says in plain words what a rule will and will not do.
class RuleEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    static constexpr int kMaxSeconds = 86400;
    static constexpr int kMaxIdBytes = 256;

    explicit RuleEditor(ApiClient* client, QObject* parent = nullptr);

    QString lastError() const { return m_lastError; }

    // Empty when the rule can be sent; otherwise what to fix, in one sentence.
    Q_INVOKABLE QString userRuleProblem(int ruleType, const QString& ip, const QString& roomId,
                                        const QString& userId, bool login, bool publish,
                                        int seconds) const;
    Q_INVOKABLE QString describeUserRule(int ruleType, const QString& ip, const QString& roomId,
                                         const QString& userId, bool login, bool publish,
                                         int seconds) const;
    Q_INVOKABLE void setUserRule(int ruleType, const QString& ip, const QString& roomId,
                                 const QString& userId, bool login, bool publish, int seconds);
    Q_INVOKABLE void deleteUserRule(int ruleType, const QString& ip, const QString& roomId,
                                    const QString& userId);

    Q_INVOKABLE QString streamRuleProblem(const QString& roomId, const QString& streamId,
                                          bool audio, bool video, int seconds) const;
    Q_INVOKABLE QString describeStreamRule(const QString& roomId, const QString& streamId,
                                           bool audio, bool video, int seconds) const;
    Q_INVOKABLE void setStreamRule(const QString& roomId, const QString& streamId, bool audio,
                                   bool video, int seconds);
    Q_INVOKABLE void deleteStreamRule(const QString& roomId, const QString& streamId);

    // ForbidRTCStream / ResumeRTCStream, and ResumeCDNLiveStream for direct-push forbids.
    Q_INVOKABLE void forbidStream(const QString& streamId);
    Q_INVOKABLE void resumeStream(const QString& streamId, const QString& kind);

signals:
    void lastErrorChanged();
    // An Action the engine accepted.
    void done(const QString& action);

private:
    static ApiParams userRuleKey(int ruleType, const QString& ip, const QString& roomId,
                                 const QString& userId);
    void send(const QString& action, const ApiParams& params);
    void setLastError(const QString& error);

    ApiClient* m_client;
    QString m_lastError;
    qint64 m_lastSequence = 0;
};
