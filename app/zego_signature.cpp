#include "zego_signature.h"

#include <QCryptographicHash>

QString zegoSignature(const QString& appId, const QString& nonce, const QString& serverSecret,
                      qint64 timestamp) {
    const QByteArray input = (appId + nonce + serverSecret + QString::number(timestamp)).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Md5).toHex());
}
