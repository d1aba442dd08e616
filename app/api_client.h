#pragma once

#include <QtQml/qqmlregistration.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <chrono>
#include <functional>
#include <utility>

#include "api_reply.h"
#include "engine_endpoint.h"

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

// Ordered query parameters. Repeat a name to send an array; ZEGO array names end in "[]".
using ApiParams = QList<std::pair<QString, QString>>;

// Appends `values` as the ZEGO array parameter `name[]`.
void appendArrayParam(ApiParams& params, const QString& name, const QStringList& values);

// Talks to the engine's two HTTP APIs: ZLM calls `/index/api/<name>` with the secret added,
// ZEGO calls `/?Action=...` signed with the AppId and ServerSecret. Every call returns an
// ApiReply that reports transport, HTTP, JSON and API errors apart.
class ApiClient : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console session owns the API client")

public:
    explicit ApiClient(QObject* parent = nullptr);

    void setEndpoint(const EngineEndpoint& endpoint);
    const EngineEndpoint& endpoint() const { return m_endpoint; }
    // Seconds since the epoch and nonces are injectable so signed URLs are reproducible.
    void setClock(std::function<qint64()> unixSeconds) { m_clock = std::move(unixSeconds); }
    void setNonceSource(std::function<QString()> nonce) { m_nonce = std::move(nonce); }

    ApiReply* zlm(const QString& name, const ApiParams& params = {});
    ApiReply* zegoGet(const QString& action, const ApiParams& params = {});
    ApiReply* zegoPost(const QString& action, const QJsonObject& body);

    QUrl zlmUrl(const QString& name, const ApiParams& params) const;
    QUrl zegoUrl(const QString& action, const ApiParams& params) const;

private:
    enum class Flavor { Zlm, Zego };

    QNetworkRequest makeRequest(const QUrl& url) const;
    ApiReply* track(QNetworkReply* reply, Flavor flavor);
    static ApiResult interpret(QNetworkReply* reply, Flavor flavor);

    QNetworkAccessManager* m_network;
    EngineEndpoint m_endpoint;
    std::chrono::milliseconds m_timeout{10000};
    std::function<qint64()> m_clock;
    std::function<QString()> m_nonce;
};
