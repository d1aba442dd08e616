// The preview's "listen" path with a real audio output: the test runs its own PulseAudio
// daemon with a null sink (CI machines have no sound card), then checks that the console
// finds the output, plays a stream's sound into it, and stops when told.
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "stream_preview.h"

class TestPreviewAudio : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // PULSE_SERVER points here (set by CTest) before anything asks for audio devices.
        QFile::remove(QStringLiteral(PULSE_SOCKET));
        m_pulse.setProcessChannelMode(QProcess::MergedChannels);
        m_pulse.setProcessEnvironment([] {
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert("HOME", QString::fromUtf8(qgetenv("PULSE_TEST_HOME")));
            env.insert("XDG_RUNTIME_DIR", QString::fromUtf8(qgetenv("PULSE_TEST_HOME")));
            return env;
        }());
        m_pulse.start(QStringLiteral(PULSEAUDIO_PROGRAM),
                      {"-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
                       "--load=module-null-sink sink_name=regie_test",
                       QStringLiteral("--load=module-native-protocol-unix socket=%1 "
                                      "auth-anonymous=1")
                           .arg(PULSE_SOCKET)});
        QVERIFY(QTest::qWaitFor([] { return QFile::exists(QStringLiteral(PULSE_SOCKET)); }, 10000));

        // The preview reads the file, and again after each end, as it would retry a stream.
        m_file = m_dir.filePath(QStringLiteral("tone.flv"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral(FFMPEG_PROGRAM),
                     {"-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                      "-t", "5", "-c:a", "aac", m_file});
        QVERIFY(ffmpeg.waitForFinished(30000) && ffmpeg.exitCode() == 0);
    }

    void cleanupTestCase() {
        m_pulse.terminate();
        m_pulse.waitForFinished(5000);
    }

    void soundPlaysOnTheOutputWhileListening() {
        StreamPreview preview;
        QTRY_VERIFY_WITH_TIMEOUT(preview.canListen(), 10000);
        preview.setUrl(QUrl::fromLocalFile(m_file));
        preview.setListening(true);
        QVERIFY(preview.listening());
        preview.setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(preview.audioBytesPlayed() > 44100, 15000);
        preview.setListening(false);
        QVERIFY(!preview.listening());
        QCOMPARE(preview.audioBytesPlayed(), 0);
    }

private:
    QProcess m_pulse;
    QTemporaryDir m_dir;
    QString m_file;
};

QTEST_MAIN(TestPreviewAudio)
#include "tst_preview_audio.moc"
