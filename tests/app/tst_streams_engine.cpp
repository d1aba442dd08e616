// The Streams page's C++ side against a real regie-engine: ffmpeg publishes a red test picture
// with a sine tone over RTMP; the model lists it with its tracks, the FFmpeg preview shows red
// pictures and a non-zero audio level, players are listed and kicked (the preview reconnects),
// and close_stream through the model ends the publisher.
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoSink>

#include "console_session.h"
#include "engine_fixture.h"
#include "ffmpeg_publisher.h"
#include "stream_preview.h"

namespace {
const QString kKey = QStringLiteral("__defaultVhost__/live/red");
}  // namespace

class TestStreamsEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsThePublishedStream();
    void previewShowsRedPicturesAndSound();
    void listsAndKicksPlayers();
    void closeStreamEndsThePublisher();

private:
    int row() const { return m_session->streams()->indexOf(kKey); }
    QVariant role(const char* name) const { return m_session->streams()->get(row(), name); }

    EngineFixture m_fixture;
    QTemporaryDir m_settingsDir;
    ConsoleSession* m_session = nullptr;
    QProcess m_publisher;
    StreamPreview* m_preview = nullptr;
    QVideoSink m_sink;
};

void TestStreamsEngine::initTestCase() {
    QVERIFY(m_fixture.isValid());
    m_session = new ConsoleSession(m_settingsDir.filePath("regie.ini"), this);
    m_session->supervisor()->setOptions(m_fixture.options());
    m_session->connectEngine();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), ConsoleSession::State::Connected, 30000);
    StreamListModel* streams = m_session->streams();
    QTRY_VERIFY_WITH_TIMEOUT(streams->rtmpPort() > 0 && streams->httpPort() > 0, 10000);
    QCOMPARE(streams->rowCount(), 0);

    m_publisher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_publisher.start(
        FFMPEG_PROGRAM,
        regie::test::ffmpegPublishArgs(
            "color=c=red:size=320x240:rate=25", "sine=frequency=440:sample_rate=44100", 60,
            QStringLiteral("rtmp://127.0.0.1:%1/live/red").arg(streams->rtmpPort())));
    QVERIFY2(m_publisher.waitForStarted(), qPrintable(m_publisher.errorString()));
}

void TestStreamsEngine::cleanupTestCase() {
    delete m_preview;
    if (m_publisher.state() != QProcess::NotRunning) {
        m_publisher.kill();
        m_publisher.waitForFinished(5000);
    }
    delete m_session;
}

void TestStreamsEngine::listsThePublishedStream() {
    StreamListModel* streams = m_session->streams();
    QTRY_VERIFY_WITH_TIMEOUT(row() >= 0, 15000);
    // Track details arrive once the engine has parsed the first frames.
    QTRY_COMPARE_WITH_TIMEOUT(role("width").toInt(), 320, 10000);
    QCOMPARE(role("videoCodec").toString(), QStringLiteral("H264"));
    QCOMPARE(role("height").toInt(), 240);
    QTRY_VERIFY_WITH_TIMEOUT(role("sampleRate").toInt() == 44100, 10000);
    QVERIFY(!role("audioCodec").toString().isEmpty());
    QCOMPARE(role("origin").toString(), QStringLiteral("rtmp_push"));
    QTRY_VERIFY_WITH_TIMEOUT(role("bitrateKbps").toInt() > 0, 10000);
    const QString host = m_session->engineUrl().section('/', 2).section(':', 0, 0);
    QCOMPARE(role("rtmpUrl").toString(),
             QStringLiteral("rtmp://%1:%2/live/red").arg(host).arg(streams->rtmpPort()));
    QCOMPARE(role("flvUrl").toString(),
             QStringLiteral("http://%1:%2/live/red.live.flv").arg(host).arg(streams->httpPort()));
    QCOMPARE(role("wsFlvUrl").toString(),
             QStringLiteral("ws://%1:%2/live/red.live.flv").arg(host).arg(streams->httpPort()));
    QVERIFY(streams->lastError().isEmpty());
}

void TestStreamsEngine::previewShowsRedPicturesAndSound() {
    QVERIFY(row() >= 0);
    m_preview = new StreamPreview;
    m_preview->setVideoSink(&m_sink);
    QSignalSpy sinkFrames(&m_sink, &QVideoSink::videoFrameChanged);
    m_preview->setUrl(QUrl(role("flvUrl").toString()));
    m_preview->setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_preview->frameCount() >= 10, 15000);
    QCOMPARE(m_preview->state(), StreamPreview::State::Playing);
    QVERIFY(sinkFrames.count() >= 10);
    QCOMPARE(m_preview->videoSize(), QSize(320, 240));

    const QImage image = m_sink.videoFrame().toImage();
    QCOMPARE(image.size(), QSize(320, 240));
    int red = 0;
    int samples = 0;
    for (int y = 0; y < image.height(); y += 6) {
        for (int x = 0; x < image.width(); x += 6) {
            const QColor c = image.pixelColor(x, y);
            ++samples;
            red += c.red() > 200 && c.green() < 60 && c.blue() < 60 ? 1 : 0;
        }
    }
    QVERIFY2(red * 10 >= samples * 9, qPrintable(QStringLiteral("%1 of %2 red, e.g. %3")
                                                     .arg(red)
                                                     .arg(samples)
                                                     .arg(image.pixelColor(160, 120).name())));

    QTRY_VERIFY_WITH_TIMEOUT(m_preview->audioLevel() > 0.05, 10000);
    QCOMPARE(m_preview->channelLevels().size(), 1);
}

void TestStreamsEngine::listsAndKicksPlayers() {
    QVERIFY(m_preview && m_preview->state() == StreamPreview::State::Playing);
    StreamListModel* streams = m_session->streams();
    QSignalSpy players(streams, &StreamListModel::playersChanged);
    streams->loadPlayers(kKey);
    QVERIFY(players.wait(10000));
    QCOMPARE(streams->playersKey(), kKey);
    QCOMPARE(streams->players().size(), 1);  // the preview itself, over HTTP-FLV
    const QVariantMap player = streams->players().constFirst().toMap();
    QVERIFY(!player.value("id").toString().isEmpty());
    QVERIFY(player.value("peer").toString().startsWith("127.0.0.1:"));

    QSignalSpy states(m_preview, &StreamPreview::stateChanged);
    streams->kickPlayer(player.value("id").toString());
    // The kicked preview notices, waits, reconnects and shows pictures again.
    QTRY_VERIFY_WITH_TIMEOUT(m_preview->state() == StreamPreview::State::Waiting, 10000);
    const int before = m_preview->frameCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_preview->frameCount() > before + 5, 15000);
    QCOMPARE(m_preview->state(), StreamPreview::State::Playing);
    QVERIFY(streams->lastError().isEmpty());
}

void TestStreamsEngine::closeStreamEndsThePublisher() {
    StreamListModel* streams = m_session->streams();
    QVERIFY(row() >= 0);
    QCOMPARE(m_publisher.state(), QProcess::Running);
    QSignalSpy done(streams, &StreamListModel::actionDone);
    streams->closeStream(kKey);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.at(0).at(0).toString(), QStringLiteral("close"));
    QVERIFY(m_publisher.waitForFinished(10000));
    QTRY_COMPARE_WITH_TIMEOUT(row(), -1, 5000);
    QVERIFY(streams->lastError().isEmpty());

    // Closing what is gone is an engine error, shown as one plain line.
    streams->closeStream(kKey);
    QTRY_VERIFY_WITH_TIMEOUT(!streams->lastError().isEmpty(), 10000);
    QVERIFY2(streams->lastError().contains("can not find the stream"),
             qPrintable(streams->lastError()));
}

QTEST_MAIN(TestStreamsEngine)
#include "tst_streams_engine.moc"
