#pragma once

#include <QString>

// ZEGO Server API signature 2.0: lowercase hex MD5 of AppId, SignatureNonce, ServerSecret and
// Timestamp concatenated in that order (spec/zego/calling.md §4).
QString zegoSignature(const QString& appId, const QString& nonce, const QString& serverSecret,
                      qint64 timestamp);
