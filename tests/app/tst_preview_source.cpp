// FfmpegPreviewSource against servers that misbehave: one that accepts and never answers must
// neither block stop() nor the calling thread, and must time out and reconnect on its own. The
// decoded sound reaches the speakers' path only while someone listens.
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>

#include "ffmpeg_preview_source.h"
#include "stream_preview.h"

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
    void soundIsHandedOverOnlyWhileListening();
    void listeningNeedsAnAudioOutput();
};

void TestPreviewSource::soundIsHandedOverOnlyWhileListening() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("tone.flv"));
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral(FFMPEG_PROGRAM),
                 {"-v", "error", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000",
                  "-ac", "2", "-t", "2", "-c:a", "aac", file});
    QVERIFY(ffmpeg.waitForFinished(30000) && ffmpeg.exitCode() == 0);

    for (const bool listening : {false, true}) {
        FfmpegPreviewSource source;
        source.setListening(listening);
        QSignalSpy levels(&source, &PreviewSource::levelsReady);
        QSignalSpy audio(&source, &PreviewSource::audioReady);
        source.start(QUrl::fromLocalFile(file));
        QVERIFY(levels.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(levels.count() > 3, 10000);
        source.stop();
        if (!listening) {
            QCOMPARE(audio.count(), 0);
            continue;
        }
        QVERIFY(audio.count() > 0);
        const QByteArray samples = audio.first().at(0).toByteArray();
        QCOMPARE(audio.first().at(1).toInt(), 48000);
        QCOMPARE(audio.first().at(2).toInt(), 2);
        QCOMPARE(samples.size() % int(2 * sizeof(float)), 0);
        float loudest = 0;
        for (qsizetype i = 0; i + qsizetype(sizeof(float)) <= samples.size(); i += sizeof(float)) {
            float v = 0;
            std::memcpy(&v, samples.constData() + i, sizeof v);
            QVERIFY(std::abs(v) <= 1.0f);
            loudest = std::max(loudest, std::abs(v));
        }
        QVERIFY2(loudest > 0.05f, "the tone is audible");
    }
}

void TestPreviewSource::listeningNeedsAnAudioOutput() {
    StreamPreview preview;
    QSignalSpy changed(&preview, &StreamPreview::listeningChanged);
    preview.setListening(true);
    QCOMPARE(preview.listening(), preview.canListen());
    QCOMPARE(changed.count(), preview.canListen() ? 1 : 0);
    preview.setListening(false);
    QVERIFY(!preview.listening());
}

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
