#include "api_client.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include "zego_signature.h"

namespace {

QByteArray encodeQuery(const ApiParams& params) {
    QByteArray query;
    for (const auto& [name, value] : params) {
        if (!query.isEmpty()) {
            query += '&';
        }
        // Brackets of array names stay literal, as the ZEGO examples send them.
        query += QUrl::toPercentEncoding(name, "[]") + '=' + QUrl::toPercentEncoding(value);
    }
    return query;
}

QUrl withQuery(QUrl url, const QString& path, const ApiParams& params) {
    url.setPath(path);
    url.setQuery(QString::fromLatin1(encodeQuery(params)));
    return url;
}

QString randomNonce() {
    return QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0');
}

}  // namespace

void appendArrayParam(ApiParams& params, const QString& name, const QStringList& values) {
    for (const QString& value : values) {
        params.append({name + QStringLiteral("[]"), value});
    }
}

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
    , m_nonce(randomNonce) {}

void ApiClient::setEndpoint(const EngineEndpoint& endpoint) {
    m_endpoint = endpoint;
}

QUrl ApiClient::zlmUrl(const QString& name, const ApiParams& params) const {
    ApiParams all{{QStringLiteral("secret"), m_endpoint.secret}};
    all.append(params);
    return withQuery(m_endpoint.httpUrl, QStringLiteral("/index/api/") + name, all);
}

QUrl ApiClient::zegoUrl(const QString& action, const ApiParams& params) const {
    const QString nonce = m_nonce();
    const qint64 timestamp = m_clock();
    ApiParams all{
        {QStringLiteral("Action"), action},
        {QStringLiteral("AppId"), m_endpoint.appId},
        {QStringLiteral("SignatureNonce"), nonce},
        {QStringLiteral("Timestamp"), QString::number(timestamp)},
        {QStringLiteral("Signature"),
         zegoSignature(m_endpoint.appId, nonce, m_endpoint.serverSecret, timestamp)},
        {QStringLiteral("SignatureVersion"), QStringLiteral("2.0")},
    };
    all.append(params);
    return withQuery(m_endpoint.httpUrl, QStringLiteral("/"), all);
}

ApiReply* ApiClient::zlm(const QString& name, const ApiParams& params) {
    return track(m_network->get(makeRequest(zlmUrl(name, params))), Flavor::Zlm);
}

ApiReply* ApiClient::zegoGet(const QString& action, const ApiParams& params) {
    return track(m_network->get(makeRequest(zegoUrl(action, params))), Flavor::Zego);
}

ApiReply* ApiClient::zegoPost(const QString& action, const QJsonObject& body) {
    QNetworkRequest request = makeRequest(zegoUrl(action, {}));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return track(m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)),
                 Flavor::Zego);
}

QNetworkRequest ApiClient::makeRequest(const QUrl& url) const {
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_timeout.count()));
    return request;
}

ApiReply* ApiClient::track(QNetworkReply* reply, Flavor flavor) {
    auto* handle = new ApiReply(this);
    connect(reply, &QNetworkReply::finished, handle, [reply, handle, flavor] {
        const ApiResult result = interpret(reply, flavor);
        reply->deleteLater();
        emit handle->finished(result);
        handle->deleteLater();
    });
    return handle;
}

ApiResult ApiClient::interpret(QNetworkReply* reply, Flavor flavor) {
    ApiResult result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray payload = reply->readAll();
    if (!status.isValid()) {
        result.error = ApiResult::Error::Transport;
        result.message = reply->error() == QNetworkReply::OperationCanceledError
                             ? QStringLiteral("timed out")
                             : reply->errorString();
        return result;
    }
    result.httpStatus = status.toInt();
    if (result.httpStatus != 200) {
        result.error = ApiResult::Error::Http;
        result.message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return result;
    }

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
    if (!doc.isObject()) {
        result.error = ApiResult::Error::Json;
        result.message = parseError.error != QJsonParseError::NoError
                             ? parseError.errorString()
                             : QStringLiteral("not a JSON object");
        return result;
    }
    result.body = doc.object();

    const bool zlm = flavor == Flavor::Zlm;
    const QJsonValue code = result.body.value(zlm ? u"code" : u"Code");
    if (!code.isDouble()) {
        result.error = ApiResult::Error::Json;
        result.message =
            zlm ? QStringLiteral("no numeric \"code\"") : QStringLiteral("no numeric \"Code\"");
        return result;
    }
    result.code = code.toInteger();
    result.message = result.body.value(zlm ? u"msg" : u"Message").toString();
    result.requestId = result.body.value(u"RequestId").toString();
    if (result.code != 0) {
        result.error = ApiResult::Error::Api;
    }
    return result;
}
