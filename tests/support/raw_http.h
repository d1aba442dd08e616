#pragma once
// A deliberately raw HTTP/1.1 client over QTcpSocket: sends exactly the bytes a test writes, so
// tests can send malformed, oversized or slow requests and read the answer as it comes.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace regie::test {

struct RawResponse {
    int status = 0;  // 0: no response (connection closed or timed out)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closedByServer = false;

    QByteArray header(const QByteArray& name) const;
    QJsonObject json() const;
};

class RawHttp {
public:
    explicit RawHttp(int port);
    bool connect(int timeoutMs = 3000);
    bool send(const QByteArray& bytes);
    // Reads one response (Content-Length or chunked).
    RawResponse read(int timeoutMs = 5000);
    // True when the server closes the connection within the timeout.
    bool waitClosed(int timeoutMs);
    QTcpSocket& socket() { return m_socket; }

    // One request on a fresh connection.
    static RawResponse get(int port, const QByteArray& target, const QByteArray& extraHeaders = {});
    static RawResponse post(int port, const QByteArray& target, const QByteArray& contentType,
                            const QByteArray& body);

private:
    int m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

}  // namespace regie::test
