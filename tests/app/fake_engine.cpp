// A stand-in for regie-engine that follows its documented contract (docs/engine-cli.md,
// docs/event-feed.md, the ZLM server endpoints and ZEGO signing) closely enough to test the
// console's supervisor, API client and event feed without the real engine. Test-only knobs:
//   --ignore-sigterm      keep running on SIGTERM (the supervisor must SIGKILL)
//   --stats-interval <ms> period of `stats` events (default 1000)
// Special ZLM names answer badly on purpose: testHttp500, testNotJson, testNoCode.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>
#include <atomic>
#include <csignal>
#include <cstdio>

#include "ini_file.h"
#include "zego_signature.h"

namespace {

std::atomic<bool> g_terminate{false};

void onSignal(int) {
    g_terminate = true;
}

QJsonArray loads(int count, int base) {
    QJsonArray array;
    for (int i = 0; i < count; ++i) {
        array.append(QJsonObject{{"load", (base + i * 17) % 100}, {"delay", i}});
    }
    return array;
}

class FakeEngine : public QObject {
public:
    FakeEngine(QString configPath, QString readyPath, int statsIntervalMs)
        : m_configPath(std::move(configPath)), m_readyPath(std::move(readyPath)) {
        m_config = readIniFile(m_configPath);
        m_config.insert("general.mediaServerId", "fake-engine");
        m_config.insert("ffmpeg.bin", "/usr/bin/ffmpeg");
        if (!m_config.contains("http.port")) {
            m_config.insert("http.port", "0");
        }
        m_ws.setParent(this);
        connect(&m_ws, &QWebSocketServer::newConnection, this, &FakeEngine::onFeedClient);
        connect(&m_server, &QTcpServer::newConnection, this, &FakeEngine::onHttpClient);
        m_stats.setInterval(statsIntervalMs);
        connect(&m_stats, &QTimer::timeout, this, &FakeEngine::broadcastStats);
    }

    bool start() {
        if (!m_server.listen(QHostAddress::LocalHost,
                             quint16(m_config.value("http.port").toUInt()))) {
            std::fprintf(stderr, "[error] cannot listen: %s\n", qPrintable(m_server.errorString()));
            return false;
        }
        m_started = QDateTime::currentMSecsSinceEpoch();
        m_stats.start();
        const QJsonObject ready{
            {"pid", QCoreApplication::applicationPid()},
            {"httpUrl", QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())},
            {"ports", QJsonObject{{"http", m_server.serverPort()}}}};
        QSaveFile file(m_readyPath);
        file.open(QIODevice::WriteOnly);
        file.write(QJsonDocument(ready).toJson(QJsonDocument::Compact));
        file.commit();
        std::fprintf(stderr, "[info] http.listen port=%d\n", m_server.serverPort());
        std::printf("fake engine ready\n");
        std::fflush(stdout);
        return true;
    }

    void shutdownFeed(const QString& reason) {
        send("shutdown", QJsonObject{{"reason", reason}});
        for (QWebSocket* client : std::as_const(m_feeds)) {
            client->flush();
        }
        QFile::remove(m_readyPath);
    }

private:
    void onHttpClient() {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onHttpData(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void onHttpData(QTcpSocket* socket) {
        // Nothing is consumed until the request is complete, so that a WebSocket upgrade can
        // be handed over with its request still unread.
        const QByteArray buffer = socket->peek(socket->bytesAvailable());
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            headers.insert(lines[i].left(colon).trimmed().toLower(),
                           lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length) {
            return;
        }
        const QByteArray body = buffer.mid(end + 4, length);
        const QUrl url(QString::fromLatin1(requestLine.value(1)));

        if (url.path() == "/index/events") {
            if (QUrlQuery(url).queryItemValue("secret") != m_config.value("api.secret")) {
                socket->readAll();
                reply(socket, 401, QJsonObject{{"code", -100}, {"msg", "Incorrect secret"}});
                return;
            }
            // Leave the request unread so the WebSocket server performs the handshake.
            socket->disconnect(this);
            m_ws.handleConnection(socket);
            return;
        }
        socket->readAll();
        if (url.path() == "/") {
            reply(socket, 200, zego(url, requestLine.value(0), body));
        } else if (url.path().startsWith("/index/api/")) {
            const QString name = url.path().mid(11);
            if (name == "testHttp500") {
                reply(socket, 500, QJsonObject{});
            } else if (name == "testNotJson") {
                replyRaw(socket, 200, "this is not json");
            } else if (const QJsonObject answer = zlm(name, QUrlQuery(url)); !answer.isEmpty()) {
                reply(socket, 200, answer);
            } else {
                replyRaw(socket, 404, "not found");  // unknown APIs fall through to files
            }
        } else {
            replyRaw(socket, 404, "not found");
        }
    }

    QJsonObject zlm(const QString& name, const QUrlQuery& query) {
        if (query.queryItemValue("secret").isEmpty()) {
            return {{"code", -300}, {"msg", "Required parameter missed: \"secret\""}};
        }
        if (query.queryItemValue("secret", QUrl::FullyDecoded) != m_config.value("api.secret")) {
            return {{"code", -100}, {"msg", "Incorrect secret"}};
        }
        if (name == "testNoCode") {
            return {{"data", 1}};
        }
        if (name == "version") {
            return {{"code", 0}, {"data", version()}};
        }
        if (name == "getThreadsLoad") {
            return {{"code", 0}, {"data", loads(2, 5)}};
        }
        if (name == "getWorkThreadsLoad") {
            return {{"code", 0}, {"data", loads(3, 40)}};
        }
        if (name == "getStatistic") {
            return {{"code", 0}, {"data", statistic()}};
        }
        if (name == "getServerConfig") {
            QJsonObject all;
            for (auto it = m_config.begin(); it != m_config.end(); ++it) {
                all.insert(it.key(), it.value());
            }
            return {{"code", 0}, {"data", QJsonArray{all}}};
        }
        if (name == "setServerConfig") {
            QJsonObject changed;
            QJsonArray restart;
            for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
                if (m_config.contains(key) && key != "ffmpeg.bin" && m_config.value(key) != value) {
                    m_config.insert(key, value);
                    changed.insert(key, value);
                    if (key.endsWith(".port") || key.startsWith("general.")) {
                        restart.append(key);
                    }
                }
            }
            if (!changed.isEmpty()) {
                persist();
                send("config.changed",
                     QJsonObject{{"changed", changed}, {"restartRequired", restart}});
            }
            return {{"code", 0}, {"changed", changed.size()}};
        }
        if (name == "restartServer") {
            QTimer::singleShot(300, this, [this] {
                shutdownFeed("restartServer");
                QCoreApplication::exit(0);
            });
            return {{"code", 0}, {"msg", "MediaServer will reboot in on 1 second"}};
        }
        return {};
    }

    // Writes the whole configuration back, one [section] per key prefix, as the engine does.
    void persist() const {
        QMap<QString, QStringList> sections;
        for (auto it = m_config.begin(); it != m_config.end(); ++it) {
            const qsizetype dot = it.key().indexOf(u'.');
            sections[it.key().left(dot)].append(it.key().mid(dot + 1) + u'=' + it.value());
        }
        QSaveFile file(m_configPath);
        file.open(QIODevice::WriteOnly);
        for (auto it = sections.begin(); it != sections.end(); ++it) {
            file.write(('[' + it.key() + "]\n" + it.value().join(u'\n') + u'\n').toUtf8());
        }
        file.commit();
    }

    QJsonObject zego(const QUrl& url, const QByteArray& method, const QByteArray& body) {
        const QUrlQuery query(url);
        const QString appId = query.queryItemValue("AppId");
        const QString nonce = query.queryItemValue("SignatureNonce");
        const qint64 timestamp = query.queryItemValue("Timestamp").toLongLong();
        if (appId != m_config.value("zego.appId")) {
            return {{"Code", 100000010}, {"Message", "unknown AppId"}, {"RequestId", "1"}};
        }
        if (query.queryItemValue("Signature") !=
            zegoSignature(appId, nonce, m_config.value("zego.serverSecret"), timestamp)) {
            return {{"Code", 100000005}, {"Message", "signature mismatch"}, {"RequestId", "2"}};
        }
        QJsonArray params;
        for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
            params.append(QJsonArray{key, value});
        }
        return {{"Code", 0},
                {"Message", "success"},
                {"RequestId", "3"},
                {"Data", QJsonObject{{"method", QString::fromLatin1(method)},
                                     {"query", params},
                                     {"body", QJsonDocument::fromJson(body).object()}}}};
    }

    QJsonObject version() const {
        return {{"branchName", "fake"},
                {"commitHash", "fa4e000"},
                {"buildTime", "2026-11-21T07:00:00"}};
    }

    QJsonObject statistic() const {
        return {{"Buffer", 3},
                {"MediaSource", 0},
                {"Socket", int(m_feeds.size()) + 1},
                {"TcpServer", 1},
                {"TcpSession", int(m_feeds.size())}};
    }

    void onFeedClient() {
        while (QWebSocket* client = m_ws.nextPendingConnection()) {
            m_feeds.append(client);
            m_seq.insert(client, 0);
            connect(client, &QWebSocket::disconnected, this, [this, client] {
                m_feeds.removeAll(client);
                m_seq.remove(client);
                client->deleteLater();
            });
            sendTo(client, "hello",
                   QJsonObject{{"protocol", 1},
                               {"version", version()},
                               {"mediaServerId", "fake-engine"},
                               {"startedAt", m_started},
                               {"pid", QCoreApplication::applicationPid()},
                               {"ports", QJsonObject{{"http", m_server.serverPort()}}}});
            send("log", QJsonObject{
                            {"level", "info"},
                            {"event", "feed.open"},
                            {"fields", QJsonObject{{"clients", QString::number(m_feeds.size())}}}});
        }
    }

    void broadcastStats() {
        ++m_ticks;
        send("stats", QJsonObject{{"uptimeMs", QDateTime::currentMSecsSinceEpoch() - m_started},
                                  {"threads", loads(2, m_ticks)},
                                  {"workThreads", loads(3, 40 + m_ticks)},
                                  {"statistic", statistic()}});
    }

    void send(const QString& type, const QJsonObject& data) {
        for (QWebSocket* client : std::as_const(m_feeds)) {
            sendTo(client, type, data);
        }
    }

    void sendTo(QWebSocket* client, const QString& type, const QJsonObject& data) {
        const QJsonObject message{{"type", type},
                                  {"seq", ++m_seq[client]},
                                  {"time", QDateTime::currentMSecsSinceEpoch()},
                                  {"data", data}};
        client->sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }

    static void reply(QTcpSocket* socket, int status, const QJsonObject& body) {
        replyRaw(socket, status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    static void replyRaw(QTcpSocket* socket, int status, const QByteArray& body) {
        socket->write(QStringLiteral("HTTP/1.1 %1 X\r\nContent-Type: application/json\r\n"
                                     "Content-Length: %2\r\nConnection: close\r\n\r\n")
                          .arg(status)
                          .arg(body.size())
                          .toLatin1() +
                      body);
        socket->disconnectFromHost();
    }

    QString m_configPath;
    QString m_readyPath;
    QHash<QString, QString> m_config;
    QTcpServer m_server;
    QWebSocketServer m_ws{QStringLiteral("fake-engine"), QWebSocketServer::NonSecureMode};
    QList<QWebSocket*> m_feeds;
    QHash<QWebSocket*, qint64> m_seq;
    QTimer m_stats;
    qint64 m_started = 0;
    int m_ticks = 0;
};

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption config("c", "config", "file");
    const QCommandLineOption ready("ready-file", "ready file", "file");
    const QCommandLineOption ignoreTerm("ignore-sigterm", "ignore SIGTERM");
    const QCommandLineOption interval("stats-interval", "ms", "ms", "1000");
    parser.addOptions({config, ready, ignoreTerm, interval});
    parser.process(app);

    if (!parser.isSet(ignoreTerm) && !qEnvironmentVariableIsSet("FAKE_ENGINE_IGNORE_SIGTERM")) {
        std::signal(SIGTERM, onSignal);
    } else {
        std::signal(SIGTERM, SIG_IGN);
    }
    std::signal(SIGINT, onSignal);

    FakeEngine engine(parser.value(config), parser.value(ready), parser.value(interval).toInt());
    if (!engine.start()) {
        return 1;
    }
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &app, [&engine] {
        if (g_terminate) {
            engine.shutdownFeed("signal");
            std::fprintf(stderr, "[info] stopping on signal\n");
            QCoreApplication::exit(0);
        }
    });
    watch.start(20);
    return app.exec();
}
