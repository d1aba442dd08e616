#pragma once
// The query string of a signed ZEGO Server API call (calling.md §3): public parameters and an
// MD5 signature over AppId, SignatureNonce, ServerSecret and Timestamp.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

namespace regie::test {

inline QByteArray zegoSignedQuery(const QByteArray& action, const QByteArray& appId,
                                  const QByteArray& serverSecret) {
    QByteArray nonce = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    QByteArray sig =
        QCryptographicHash::hash(appId + nonce + serverSecret + ts, QCryptographicHash::Md5)
            .toHex();
    return "/?Action=" + action + "&AppId=" + appId + "&SignatureNonce=" + nonce +
           "&Timestamp=" + ts + "&Signature=" + sig + "&SignatureVersion=2.0";
}

}  // namespace regie::test
