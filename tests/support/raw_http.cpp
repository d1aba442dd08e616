#include "raw_http.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

namespace regie::test {

QByteArray RawResponse::header(const QByteArray& name) const {
    for (const auto& [k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0) {
            return v;
        }
    }
    return {};
}

QJsonObject RawResponse::json() const {
    return QJsonDocument::fromJson(body).object();
}

RawHttp::RawHttp(int port) : m_port(port) {}

bool RawHttp::connect(int timeoutMs) {
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(m_port));
    return m_socket.waitForConnected(timeoutMs);
}

bool RawHttp::send(const QByteArray& bytes) {
    m_socket.write(bytes);
    return m_socket.waitForBytesWritten(3000);
}

RawResponse RawHttp::read(int timeoutMs) {
    RawResponse res;
    QDeadlineTimer deadline(timeoutMs);
    auto fill = [&] {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(static_cast<int>(
                                                  std::max<qint64>(1, deadline.remainingTime())))) {
            res.closedByServer = m_socket.state() != QAbstractSocket::ConnectedState;
            return false;
        }
        m_buffer += m_socket.readAll();
        return true;
    };
    int headerEnd = -1;
    while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired() || !fill()) {
            return res;
        }
    }
    QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    m_buffer.remove(0, headerEnd + 4);
    QList<QByteArray> statusLine = lines.takeFirst().trimmed().split(' ');
    res.status = statusLine.value(1).toInt();
    for (const QByteArray& line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0) {
            res.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
    }
    if (res.header("Transfer-Encoding").toLower() == "chunked") {
        for (;;) {
            int lineEnd;
            while ((lineEnd = m_buffer.indexOf("\r\n")) < 0) {
                if (deadline.hasExpired() || !fill()) {
                    return res;
                }
            }
            bool ok = false;
            int size = m_buffer.left(lineEnd).trimmed().toInt(&ok, 16);
            while (m_buffer.size() < lineEnd + 2 + size + 2) {
                if (deadline.hasExpired() || !fill()) {
                    return res;
                }
            }
            res.body += m_buffer.mid(lineEnd + 2, size);
            m_buffer.remove(0, lineEnd + 2 + size + 2);
            if (size == 0) {
                return res;
            }
        }
    }
    int length = res.header("Content-Length").toInt();
    while (m_buffer.size() < length) {
        if (deadline.hasExpired() || !fill()) {
            return res;
        }
    }
    res.body = m_buffer.left(length);
    m_buffer.remove(0, length);
    return res;
}

bool RawHttp::waitClosed(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            return true;
        }
        m_socket.waitForReadyRead(
            static_cast<int>(std::min<qint64>(50, std::max<qint64>(1, deadline.remainingTime()))));
        m_socket.readAll();
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

RawResponse RawHttp::get(int port, const QByteArray& target, const QByteArray& extraHeaders) {
    RawHttp http(port);
    if (!http.connect()) {
        return {};
    }
    http.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
    return http.read();
}

RawResponse RawHttp::post(int port, const QByteArray& target, const QByteArray& contentType,
                          const QByteArray& body) {
    RawHttp http(port);
    if (!http.connect()) {
        return {};
    }
    http.send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType +
              "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    return http.read();
}

}  // namespace regie::test
