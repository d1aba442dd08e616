#include "connection_settings.h"

namespace {
const QString kMode = QStringLiteral("connection/mode");
const QString kUrl = QStringLiteral("connection/remoteUrl");
const QString kSecret = QStringLiteral("connection/secret");
const QString kAppId = QStringLiteral("connection/appId");
const QString kServerSecret = QStringLiteral("connection/serverSecret");
}  // namespace

ConnectionSettings::ConnectionSettings(const QString& file, QObject* parent)
    : QObject(parent), m_settings(openSettings(file)) {}

ConnectionSettings::Mode ConnectionSettings::mode() const {
    return m_settings->value(kMode).toString() == QLatin1String("remote") ? Mode::Remote
                                                                          : Mode::Bundled;
}

void ConnectionSettings::setMode(Mode mode) {
    write(kMode, mode == Mode::Remote ? QStringLiteral("remote") : QStringLiteral("bundled"));
}

QString ConnectionSettings::remoteUrl() const {
    return m_settings->value(kUrl).toString();
}

void ConnectionSettings::setRemoteUrl(const QString& url) {
    write(kUrl, url.trimmed());
}

QString ConnectionSettings::secret() const {
    return m_settings->value(kSecret).toString();
}

void ConnectionSettings::setSecret(const QString& secret) {
    write(kSecret, secret);
}

QString ConnectionSettings::appId() const {
    return m_settings->value(kAppId).toString();
}

void ConnectionSettings::setAppId(const QString& appId) {
    write(kAppId, appId.trimmed());
}

QString ConnectionSettings::serverSecret() const {
    return m_settings->value(kServerSecret).toString();
}

void ConnectionSettings::setServerSecret(const QString& serverSecret) {
    write(kServerSecret, serverSecret);
}

EngineEndpoint ConnectionSettings::remoteEndpoint() const {
    const QUrl url = QUrl::fromUserInput(remoteUrl());
    return {url, secret(), appId(), serverSecret()};
}

void ConnectionSettings::write(const QString& key, const QVariant& value) {
    if (m_settings->value(key) == value) {
        return;
    }
    m_settings->setValue(key, value);
    m_settings->sync();
    emit changed();
}

std::unique_ptr<QSettings> openSettings(const QString& file) {
    return file.isEmpty() ? std::make_unique<QSettings>()
                          : std::make_unique<QSettings>(file, QSettings::IniFormat);
}
