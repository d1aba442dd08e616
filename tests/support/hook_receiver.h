#pragma once

#include <QMutex>
#include <QThread>
#include <memory>
// A minimal HTTP/1.1 receiver on QTcpServer for hook tests (Qt 6.4 has no QHttpServer here):
// records every request and answers through a programmable responder.

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTcpServer>
#include <functional>

namespace regie::test {

struct ReceivedRequest {
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers;  // lower-case names
    QByteArray body;
    qint64 atMs = 0;  // QDateTime::currentMSecsSinceEpoch() when complete

    QJsonObject json() const;
};

struct HookAnswer {
    int status = 200;
    QByteArray body = R"({"code":0,"msg":"success"})";
    int delayMs = 0;              // wait before answering
    bool dropConnection = false;  // close without answering
};

class HookReceiver : public QObject {
    Q_OBJECT

public:
    explicit HookReceiver(QObject* parent = nullptr);
    ~HookReceiver() override;
    bool listen();
    // Listens and serves from a thread of its own, so a test that blocks its own thread
    // (waitForFinished, raw sockets) does not stall the engine's hooks.
    bool listenInThread();
    int port() const { return m_server.serverPort(); }
    QByteArray url(const QByteArray& path) const;

    // Called for every request, in arrival order; default: 200 {"code":0,"msg":"success"}.
    void setResponder(std::function<HookAnswer(const ReceivedRequest&)> responder) {
        m_responder = std::move(responder);
    }
    QList<ReceivedRequest> requests() const;
    QList<ReceivedRequest> requestsTo(const QByteArray& target) const;
    void clear();

private:
    void onConnection();

    QTcpServer m_server{this};
    mutable QMutex m_mutex;
    QList<ReceivedRequest> m_requests;
    std::unique_ptr<QThread> m_thread;
    std::function<HookAnswer(const ReceivedRequest&)> m_responder;
};

}  // namespace regie::test
