// FfmpegPreviewSource against servers that misbehave: one that accepts and never answers must
// neither block stop() nor the calling thread, and must time out and reconnect on its own.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "ffmpeg_preview_source.h"

using namespace std::chrono_literals;

namespace {

// Accepts every connection and never sends a byte.
class SilentServer : public QTcpServer {
public:
    SilentServer() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                m_accepted.append(socket);
            }
        });
    }
    qsizetype accepted() const { return m_accepted.size(); }
    QUrl url() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/live/x.live.flv").arg(serverPort()));
    }

private:
    QList<QTcpSocket*> m_accepted;
};

}  // namespace

class TestPreviewSource : public QObject {
    Q_OBJECT

private slots:
    void stopReturnsAtOnceOnAStalledServer();
    void stalledServerTimesOutAndReconnects();
    void refusedConnectionIsReportedAndRetried();
};

void TestPreviewSource::stopReturnsAtOnceOnAStalledServer() {
    SilentServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    FfmpegPreviewSource source;
    QSignalSpy states(&source, &PreviewSource::stateChanged);
    source.start(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(server.accepted(), 1, 5000);
    // The pull now sits in libavformat waiting for an HTTP answer that never comes; the GUI
    // thread (this one) keeps running its event loop meanwhile.
    QElapsedTimer ticking;
    ticking.start();
    QTest::qWait(300);
    QVERIFY(ticking.elapsed() < 1000);

    QElapsedTimer stopping;
    stopping.start();
    source.stop();
    QVERIFY2(stopping.elapsed() < 1000, qPrintable(QString::number(stopping.elapsed())));
    QTest::qWait(100);
    for (const auto& args : states) {
        QVERIFY(args.at(0).value<PreviewSource::State>() != PreviewSource::State::Playing);
    }
}

void TestPreviewSource::stalledServerTimesOutAndReconnects() {
    SilentServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    FfmpegPreviewSource source;
    FfmpegPreviewSource::Options options;
    options.pull.openTimeout = 500ms;
    options.retryInitial = 100ms;
    source.setOptions(options);
    QSignalSpy states(&source, &PreviewSource::stateChanged);
    source.start(server.url());
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(states.begin(), states.end(),
                                         [](const QList<QVariant>& args) {
                                             return args.at(0).value<PreviewSource::State>() ==
                                                    PreviewSource::State::Waiting;
                                         }),
                             5000);
    const auto waiting = std::find_if(states.begin(), states.end(), [](const auto& args) {
        return args.at(0).template value<PreviewSource::State>() == PreviewSource::State::Waiting;
    });
    QCOMPARE(waiting->at(1).toString(), QStringLiteral("No answer within 500 ms."));
    QTRY_VERIFY_WITH_TIMEOUT(server.accepted() >= 2, 5000);
    source.stop();
}

void TestPreviewSource::refusedConnectionIsReportedAndRetried() {
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    FfmpegPreviewSource source;
    FfmpegPreviewSource::Options options;
    options.retryInitial = 50ms;
    source.setOptions(options);
    QSignalSpy states(&source, &PreviewSource::stateChanged);
    source.start(QUrl(QStringLiteral("http://127.0.0.1:%1/live/x.live.flv").arg(closedPort)));
    // Connecting, Waiting (refused), Connecting again: it keeps trying.
    QTRY_VERIFY_WITH_TIMEOUT(states.count() >= 3, 5000);
    QCOMPARE(states.at(0).at(0).value<PreviewSource::State>(), PreviewSource::State::Connecting);
    QCOMPARE(states.at(1).at(0).value<PreviewSource::State>(), PreviewSource::State::Waiting);
    QVERIFY(!states.at(1).at(1).toString().isEmpty());
    QCOMPARE(states.at(2).at(0).value<PreviewSource::State>(), PreviewSource::State::Connecting);
    source.stop();
}

QTEST_GUILESS_MAIN(TestPreviewSource)
#include "tst_preview_source.moc"
