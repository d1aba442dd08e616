#pragma once
// A room client of a test engine over QWebSocket (/room/ws): it logs in, keeps every message it
// received, and waits for one. Tests using it link Qt6::WebSockets.

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <algorithm>
#include <functional>

namespace regie::test {

// Waits up to `ms` for a message of `type` (and `match`) among `received`, which fills while
// the event loop runs; an empty object when none came.
inline QJsonObject waitForMessage(const QList<QJsonObject>& received, const QString& type,
                                  const std::function<bool(const QJsonObject&)>& match = {},
                                  int ms = 5000) {
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            for (const auto& m : received) {
                if (m.value("type").toString() == type && (!match || match(m))) {
                    found = m;
                    return true;
                }
            }
            return false;
        },
        ms);
    return found;
}

// One room client on QWebSocket: every message it received, and helpers to wait for one.
class RoomClient : public QObject {
public:
    explicit RoomClient(int port) {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString& m) {
            received.append(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        connect(&socket, &QWebSocket::disconnected, this, [this] { closed = true; });
        socket.open(QUrl(QString("ws://127.0.0.1:%1/room/ws").arg(port)));
    }
    bool waitOpen() {
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; },
                               5000);
    }
    void send(QJsonObject o) {
        o["id"] = ++m_id;
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    QJsonObject waitFor(const QString& type,
                        const std::function<bool(const QJsonObject&)>& match = {}, int ms = 5000) {
        return waitForMessage(received, type, match, ms);
    }
    int count(const QString& type) const {
        return int(std::count_if(received.begin(), received.end(), [&](const QJsonObject& m) {
            return m.value("type").toString() == type;
        }));
    }
    // A logged-in client beats every 300 ms (the engine under test times out after 1.5 s)
    // unless `beats` is false.
    QJsonObject login(const QString& room, const QString& user, const QString& tok,
                      bool beats = true) {
        send({{"type", "login"},
              {"protocol", 1},
              {"roomId", room},
              {"userId", user},
              {"userName", user + "_name"},
              {"token", tok}});
        auto result = waitFor("login_result");
        if (beats && result.value("code").toInt(-1) == 0) {
            connect(&m_beat, &QTimer::timeout, this, [this] { send({{"type", "heartbeat"}}); });
            m_beat.start(300);
        }
        return result;
    }

    QWebSocket socket;
    QList<QJsonObject> received;
    bool closed = false;

private:
    int m_id = 0;
    QTimer m_beat;
};

}  // namespace regie::test
