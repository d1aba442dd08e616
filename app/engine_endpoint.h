#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

// Where an engine answers and the secrets its two APIs expect.
struct EngineEndpoint {
    QUrl httpUrl;
    QString secret;        // ZLM api.secret, also guards the event feed
    QString appId;         // ZEGO AppId (decimal text)
    QString serverSecret;  // ZEGO ServerSecret

    bool isValid() const { return httpUrl.isValid() && !httpUrl.host().isEmpty(); }
    bool operator==(const EngineEndpoint&) const = default;
};

Q_DECLARE_METATYPE(EngineEndpoint)
