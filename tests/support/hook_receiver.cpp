#include "hook_receiver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <memory>

namespace regie::test {

QJsonObject ReceivedRequest::json() const {
    return QJsonDocument::fromJson(body).object();
}

HookReceiver::HookReceiver(QObject* parent) : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &HookReceiver::onConnection);
}

HookReceiver::~HookReceiver() {
    if (m_thread) {
        QThread* home = QThread::currentThread();
        QMetaObject::invokeMethod(
            this,
            [this, home] {
                m_server.close();
                moveToThread(home);
            },
            Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
}

bool HookReceiver::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

bool HookReceiver::listenInThread() {
    m_thread = std::make_unique<QThread>();
    moveToThread(m_thread.get());
    m_thread->start();
    bool ok = false;
    QMetaObject::invokeMethod(this, [this, &ok] { ok = listen(); }, Qt::BlockingQueuedConnection);
    return ok;
}

QList<ReceivedRequest> HookReceiver::requests() const {
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void HookReceiver::clear() {
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

QByteArray HookReceiver::url(const QByteArray& path) const {
    return "http://127.0.0.1:" + QByteArray::number(port()) + path;
}

QList<ReceivedRequest> HookReceiver::requestsTo(const QByteArray& target) const {
    QMutexLocker lock(&m_mutex);
    QList<ReceivedRequest> out;
    for (const auto& r : m_requests) {
        if (r.target == target) {
            out.push_back(r);
        }
    }
    return out;
}

void HookReceiver::onConnection() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            int headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                return;
            }
            ReceivedRequest req;
            QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.method = first.value(0);
            req.target = first.value(1);
            for (int i = 1; i < lines.size(); ++i) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    req.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
                }
            }
            int length = req.headers.value("content-length", "0").toInt();
            if (buffer->size() < headerEnd + 4 + length) {
                return;
            }
            req.body = buffer->mid(headerEnd + 4, length);
            req.atMs = QDateTime::currentMSecsSinceEpoch();
            buffer->clear();
            {
                QMutexLocker lock(&m_mutex);
                m_requests.push_back(req);
            }
            HookAnswer answer = m_responder ? m_responder(req) : HookAnswer{};
            QPointer<QTcpSocket> guarded(socket);
            auto respond = [guarded, answer] {
                if (!guarded) {
                    return;
                }
                if (answer.dropConnection) {
                    guarded->abort();
                    return;
                }
                QByteArray out = "HTTP/1.1 " + QByteArray::number(answer.status) +
                                 " X\r\nContent-Type: application/json\r\nContent-Length: " +
                                 QByteArray::number(answer.body.size()) +
                                 "\r\nConnection: close\r\n\r\n" + answer.body;
                guarded->write(out);
                guarded->disconnectFromHost();
            };
            if (answer.delayMs > 0) {
                QTimer::singleShot(answer.delayMs, socket, respond);
            } else {
                respond();
            }
        });
    }
}

}  // namespace regie::test
