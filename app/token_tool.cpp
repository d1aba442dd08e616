#include "token_tool.h"

#include <QDateTime>

#include "service/rooms/token04.h"

namespace token04 = regie::service::rooms;

void TokenTool::setEndpoint(const EngineEndpoint& endpoint) {
    const bool before = available();
    m_endpoint = endpoint;
    if (available() != before) {
        emit availableChanged();
    }
}

bool TokenTool::available() const {
    return !m_endpoint.appId.isEmpty() && !m_endpoint.serverSecret.isEmpty();
}

QString TokenTool::generate(const QString& userId, const QString& roomId, bool canPublish,
                            int validSeconds) {
    token04::TokenSpec spec;
    spec.appId = m_endpoint.appId.toUInt();
    spec.userId = userId.toStdString();
    spec.secret = m_endpoint.serverSecret.toStdString();
    spec.ctime = QDateTime::currentSecsSinceEpoch();
    spec.effectiveSeconds = validSeconds;
    if (!roomId.isEmpty() || !canPublish) {
        spec.payload = token04::privilegePayload(roomId.toStdString(), true, canPublish, {});
    }
    const token04::TokenBuild built = token04::generateToken04(spec);
    if (const auto* error = std::get_if<token04::TokenBuildError>(&built)) {
        setLastError(tr("Token not made (%1): %2")
                         .arg(error->code)
                         .arg(QString::fromStdString(error->message)));
        return {};
    }
    setLastError({});
    return QString::fromStdString(std::get<std::string>(built));
}

void TokenTool::setLastError(const QString& error) {
    if (error == m_lastError) {
        return;
    }
    m_lastError = error;
    emit lastErrorChanged();
}
