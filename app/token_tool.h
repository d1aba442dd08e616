#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>

#include "engine_endpoint.h"

// Makes Token04 login tokens for room clients with the connected engine's AppId and
// ServerSecret (the engine's own generator), so an operator can hand one to a client.
class TokenTool : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    using QObject::QObject;

    void setEndpoint(const EngineEndpoint& endpoint);
    bool available() const;
    QString lastError() const { return m_lastError; }

    // Empty on failure (lastError says why). `roomId` empty: any room; `canPublish` false adds
    // a privilege payload that forbids publishing.
    Q_INVOKABLE QString generate(const QString& userId, const QString& roomId, bool canPublish,
                                 int validSeconds);

signals:
    void availableChanged();
    void lastErrorChanged();

private:
    void setLastError(const QString& error);

    EngineEndpoint m_endpoint;
    QString m_lastError;
};
