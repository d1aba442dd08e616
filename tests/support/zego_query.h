#pragma once
// A signed ZEGO call target ("/?Action=...&Signature=..."), with the AppId and ServerSecret
// of a test engine's config; append the business parameters.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

#include "engine_process.h"

namespace regie::test {

inline QByteArray zegoQuery(const EngineProcess& engine, const QByteArray& action,
                            qint64 timestamp = QDateTime::currentSecsSinceEpoch(),
                            QByteArray nonce = {}) {
    QByteArray appId = engine.configValue("zego", "appId").toUtf8();
    QByteArray secret = engine.configValue("zego", "serverSecret").toUtf8();
    if (nonce.isEmpty()) {
        nonce = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    }
    QByteArray ts = QByteArray::number(timestamp);
    QByteArray sig =
        QCryptographicHash::hash(appId + nonce + secret + ts, QCryptographicHash::Md5).toHex();
    return "/?Action=" + action + "&AppId=" + appId + "&SignatureNonce=" + nonce +
           "&Timestamp=" + ts + "&Signature=" + sig + "&SignatureVersion=2.0";
}

}  // namespace regie::test
