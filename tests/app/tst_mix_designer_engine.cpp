// The Mix Designer against a real regie-engine: Apply starts the task, the engine's running
// tasks reach the console through the feed, another operator's console opens the running
// task exactly as it runs, its update keeps the task, a stop made elsewhere clears `running`,
// and the preview plays outputs in every codec the designer offers.
#include <QColor>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <atomic>
#include <mutex>
#include <thread>

#include "console_session.h"
#include "engine_fixture.h"
#include "ffmpeg_publisher.h"
#include "ffmpeg_pull.h"

class TestMixDesignerEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_fixture.isValid());
        m_session = connectedSession(m_firstDir);
        QVERIFY(m_session);
        StreamListModel* streams = m_session->streams();
        QTRY_VERIFY_WITH_TIMEOUT(streams->rtmpPort() > 0, 10000);
        m_publisher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_publisher.start(
            FFMPEG_PROGRAM,
            regie::test::ffmpegPublishArgs(
                "color=c=red:size=320x240:rate=25", "sine=frequency=440:sample_rate=44100", 60,
                QStringLiteral("rtmp://127.0.0.1:%1/live/cam1").arg(streams->rtmpPort())));
        QVERIFY2(m_publisher.waitForStarted(), qPrintable(m_publisher.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(streams->indexOfStreamName("cam1") >= 0, 15000);
    }

    void cleanupTestCase() {
        if (m_publisher.state() != QProcess::NotRunning) {
            m_publisher.kill();
            m_publisher.waitForFinished(5000);
        }
        delete m_second;
        delete m_session;
    }

    void applyStartsATaskTheFeedReports() {
        MixDesigner* mix = m_session->mix();
        mix->setOutput("desk", "deskout", 640, 360, 15, 800000, "#203040");
        mix->addInput("cam1");
        mix->applyTemplate("single");
        mix->setLabel(0, "Cam 1");
        mix->apply();
        QTRY_VERIFY_WITH_TIMEOUT(mix->running(), 10000);
        QVERIFY2(mix->lastError().isEmpty(), qPrintable(mix->lastError()));
        MixTaskListModel* tasks = m_session->mixTasks();
        QTRY_COMPARE_WITH_TIMEOUT(tasks->rowCount(), 1, 5000);
        QCOMPARE(tasks->data(tasks->index(0), MixTaskListModel::TaskIdRole).toString(),
                 QString("desk"));
        QCOMPARE(tasks->data(tasks->index(0), MixTaskListModel::OutputsRole).toString(),
                 QString("deskout"));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->streams()->indexOfStreamName("deskout") >= 0, 10000);
    }

    void anotherConsoleOpensTheRunningTask() {
        m_second = connectedSession(m_secondDir);
        QVERIFY(m_second);
        MixDesigner* other = m_second->mix();
        QVERIFY(!other->running());  // its own layout, regie-mix, is not running
        QTRY_COMPARE_WITH_TIMEOUT(m_second->mixTasks()->rowCount(), 1, 5000);
        QVERIFY(other->openTask("desk"));
        QVERIFY(other->running());
        QCOMPARE(other->layout(), m_session->mix()->layout());
        QCOMPARE(other->inputValue(0, "labelText").toString(), QString("Cam 1"));

        other->setGeometry(0, 0, 0, 320, 180);
        other->apply();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_session->mixTasks()->task("desk") && m_session->mixTasks()
                                                           ->task("desk")
                                                           ->body.value("MixInput")
                                                           .toArray()
                                                           .first()
                                                           .toObject()
                                                           .value("RectInfo")
                                                           .toObject()
                                                           .value("Right")
                                                           .toInt() == 320,
            5000);
        QVERIFY2(other->lastError().isEmpty(), qPrintable(other->lastError()));
    }

    void aStopElsewhereClearsRunning() {
        m_second->mix()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!m_second->mix()->running(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->mixTasks()->rowCount(), 0, 5000);
        QVERIFY(!m_session->mix()->running());
    }

    // The codecs the designer offers reach a real output, and the console's preview plays
    // each of them: VP8 and Opus (Enhanced RTMP) and H.265 (FLV codec id 12), which FFmpeg
    // 5.1's FLV demuxer reads none of.
    void thePreviewPlaysEveryCodecTheDesignerPicks() {
        MixDesigner* mix = m_session->mix();
        while (mix->rowCount() > 0) {
            mix->removeInput(0);
        }
        mix->addInput("cam1");
        mix->applyTemplate("single");
        mix->setOutput("codecs", "deskvp8", 320, 180, 15, 500000, "#203040");
        mix->setCodecs(2, 3);
        mix->addOutput("deskhevc", 320, 180, 400000);
        mix->setOutputCodecs(0, 3, 1);
        mix->apply();
        QTRY_VERIFY_WITH_TIMEOUT(mix->running(), 10000);
        QVERIFY2(mix->lastError().isEmpty(), qPrintable(mix->lastError()));
        StreamListModel* streams = m_session->streams();
        for (const char* stream : {"deskvp8", "deskhevc"}) {
            QTRY_VERIFY_WITH_TIMEOUT(streams->indexOfStreamName(stream) >= 0, 10000);
            const Preview seen = preview(QStringLiteral("http://127.0.0.1:%1/live/%2.live.flv")
                                             .arg(streams->httpPort())
                                             .arg(QLatin1String(stream)));
            QCOMPARE(seen.size, QSize(320, 180));
            QVERIFY2(seen.centre.red() > 180 && seen.centre.green() < 80 && seen.centre.blue() < 80,
                     qPrintable(seen.centre.name()));
            QVERIFY2(seen.loudest > 0.05F, qPrintable(QString::number(seen.loudest)));
        }
        mix->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!mix->running(), 5000);
    }

private:
    struct Preview {
        QSize size;
        QColor centre;
        float loudest = 0;
    };

    // What the console's preview pull decodes from `url` within a few seconds.
    static Preview preview(const QString& url) {
        std::atomic<bool> stop{false};
        std::mutex lock;
        Preview seen;
        int pictures = 0;
        FfmpegPull::Sink sink;
        sink.opened = [] {};
        sink.frame = [&](const QVideoFrame& frame) {
            const QImage image = frame.toImage();
            std::lock_guard guard(lock);
            seen.size = frame.size();
            seen.centre = image.pixelColor(image.width() / 2, image.height() / 2);
            ++pictures;
        };
        sink.levels = [&](const QList<float>& peaks) {
            std::lock_guard guard(lock);
            for (float peak : peaks) {
                seen.loudest = std::max(seen.loudest, peak);
            }
        };
        QString ended;
        std::thread puller([&] {
            FfmpegPull pull(FfmpegPull::Settings{}, stop);
            ended = pull.run(url.toUtf8(), sink);
        });
        const bool enough = QTest::qWaitFor(
            [&] {
                std::lock_guard guard(lock);
                return pictures >= 10 && seen.loudest > 0;
            },
            10000);
        stop = true;
        puller.join();
        if (!enough) {
            qWarning().noquote() << url << "gave" << pictures << "pictures, then:" << ended;
        }
        return seen;
    }

    // A console attached to the fixture's engine (the first one starts it).
    ConsoleSession* connectedSession(const QTemporaryDir& dir) {
        auto* session = new ConsoleSession(dir.filePath("regie.ini"), this);
        if (m_session == nullptr) {
            session->supervisor()->setOptions(m_fixture.options());
        } else {
            ConnectionSettings* remote = session->settings();
            remote->setMode(ConnectionSettings::Mode::Remote);
            remote->setRemoteUrl(m_session->engineUrl());
            remote->setSecret(EngineFixture::kSecret);
            remote->setAppId(EngineFixture::kAppId);
            remote->setServerSecret(EngineFixture::kServerSecret);
        }
        session->connectEngine();
        if (!QTest::qWaitFor([&] { return session->state() == ConsoleSession::State::Connected; },
                             30000)) {
            delete session;
            return nullptr;
        }
        return session;
    }

    EngineFixture m_fixture;
    QTemporaryDir m_firstDir;
    QTemporaryDir m_secondDir;
    ConsoleSession* m_session = nullptr;
    ConsoleSession* m_second = nullptr;
    QProcess m_publisher;
};

QTEST_MAIN(TestMixDesignerEngine)
#include "tst_mix_designer_engine.moc"
