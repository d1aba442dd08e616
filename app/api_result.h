#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

// The outcome of one API call. Exactly one error kind applies; `body` holds the parsed reply
// object whenever the reply was JSON.
struct ApiResult {
    enum class Error {
        None,
        Transport,  // no HTTP answer: refused, reset, timed out, DNS
        Http,       // an HTTP status other than 200
        Json,       // the body is not a JSON object or lacks the envelope's code
        Api,        // a well-formed envelope with code != 0
    };

    Error error = Error::None;
    int httpStatus = 0;
    qint64 code = 0;    // ZLM `code` or ZEGO `Code`
    QString message;    // ZLM `msg`, ZEGO `Message`, or a description of the failure
    QString requestId;  // ZEGO `RequestId`
    QJsonObject body;

    bool ok() const { return error == Error::None; }
    // ZLM `data` or ZEGO `Data`.
    QJsonValue data() const {
        return body.contains(QLatin1String("data")) ? body.value(QLatin1String("data"))
                                                    : body.value(QLatin1String("Data"));
    }
    // One line for the user and the log.
    QString describe() const;
};

Q_DECLARE_METATYPE(ApiResult)
