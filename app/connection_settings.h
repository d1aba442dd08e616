#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QSettings>
#include <memory>

#include "engine_endpoint.h"

// The console's settings store: the application's default QSettings, or the INI file `file`.
std::unique_ptr<QSettings> openSettings(const QString& file);

// How the console reaches an engine: the bundled one it starts itself, or a remote one given
// its URL and secrets. Every change is persisted at once with QSettings.
class ConnectionSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY changed)
    Q_PROPERTY(QString remoteUrl READ remoteUrl WRITE setRemoteUrl NOTIFY changed)
    Q_PROPERTY(QString secret READ secret WRITE setSecret NOTIFY changed)
    Q_PROPERTY(QString appId READ appId WRITE setAppId NOTIFY changed)
    Q_PROPERTY(QString serverSecret READ serverSecret WRITE setServerSecret NOTIFY changed)
    Q_PROPERTY(bool remoteValid READ remoteValid NOTIFY changed)

public:
    enum class Mode { Bundled, Remote };
    Q_ENUM(Mode)

    // Uses the application's default QSettings unless `file` names an INI file.
    explicit ConnectionSettings(const QString& file = {}, QObject* parent = nullptr);

    Mode mode() const;
    void setMode(Mode mode);
    QString remoteUrl() const;
    void setRemoteUrl(const QString& url);
    QString secret() const;
    void setSecret(const QString& secret);
    QString appId() const;
    void setAppId(const QString& appId);
    QString serverSecret() const;
    void setServerSecret(const QString& serverSecret);

    bool remoteValid() const { return remoteEndpoint().isValid(); }
    EngineEndpoint remoteEndpoint() const;

signals:
    void changed();

private:
    void write(const QString& key, const QVariant& value);

    std::unique_ptr<QSettings> m_settings;
};
