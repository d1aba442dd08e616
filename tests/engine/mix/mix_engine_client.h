#pragma once
// A real regie-engine for mix integration tests, with the calls they make: signed ZEGO
// Actions, the output's play URLs and whether a stream is live; and the ZEGO callbacks a
// HookReceiver got.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "engine_process.h"
#include "hook_receiver.h"
#include "raw_http.h"
#include "zego_query.h"

namespace regie::test {

class MixEngineClient {
public:
    explicit MixEngineClient(const QString& extraConfig = {}) : m_engine(extraConfig) {}

    bool start() { return m_engine.start() && m_engine.rtmpPort() > 0; }
    EngineProcess& process() { return m_engine; }

    QJsonObject post(const QByteArray& action, const QJsonObject& body) {
        return postRaw(action, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QJsonObject postRaw(const QByteArray& action, const QByteArray& body) {
        return RawHttp::post(m_engine.httpPort(), zegoQuery(m_engine, action), "application/json",
                             body)
            .json();
    }
    QJsonObject get(const QByteArray& action, const QByteArray& query) {
        return RawHttp::get(m_engine.httpPort(), zegoQuery(m_engine, action) + "&" + query).json();
    }
    static int code(const QJsonObject& answer) { return answer.value("Code").toInt(-1); }

    QString rtmpUrl(const QString& stream) const {
        return QString("rtmp://127.0.0.1:%1/live/%2").arg(m_engine.rtmpPort()).arg(stream);
    }
    QString flvUrl(const QString& stream) const {
        return QString("http://127.0.0.1:%1/live/%2.live.flv").arg(m_engine.httpPort()).arg(stream);
    }
    bool online(const QString& stream) {
        return RawHttp::get(
                   m_engine.httpPort(),
                   "/index/api/isMediaOnline?secret=" + m_engine.secret().toUtf8() +
                       "&schema=rtmp&vhost=__defaultVhost__&app=live&stream=" + stream.toUtf8())
            .json()
            .value("online")
            .toBool();
    }

private:
    EngineProcess m_engine;
};

// The callbacks named `event` that `hooks` received at /zego; `eventKey` is "event", or "Event"
// for the PascalCase ones (transcode_start, transcode_stop).
inline QList<QJsonObject> zegoCallbacks(const HookReceiver& hooks, const QString& event,
                                        const QString& eventKey = QStringLiteral("event")) {
    QList<QJsonObject> out;
    for (const auto& r : hooks.requestsTo("/zego")) {
        if (r.json().value(eventKey).toString() == event) {
            out.append(r.json());
        }
    }
    return out;
}

}  // namespace regie::test
