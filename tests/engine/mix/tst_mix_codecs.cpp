// The output codecs of a mix through a real regie-engine: H.265 (read back from the HTTP-FLV
// stream's codec id 12 tags, whose elementary stream ffprobe and ffmpeg then read and decode),
// LowBitrateHD's x265 options (x265 names them in its own SEI), MP3 published and pushed
// (ffprobe), an audio-only push, AudioCodec 0 encoded as AAC-LC, H.264 SVC as H.264 with its
// ExtraLayers checked, and the codecs that cannot be delivered refused with the reason.

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "flv_capture.h"
#include "mix_engine_client.h"
#include "mix_media.h"
#include "raw_http.h"

using namespace regie;
using regie::test::MixEngineClient;
using regie::test::RawHttp;
using namespace regie::test::mix;

namespace {

QJsonObject output(const QString& key, const QString& value, int width, int height) {
    return {
        {key, value}, {"Width", width}, {"Height", height}, {"Fps", 25}, {"VideoBitrate", 500000}};
}

}  // namespace

class TestMixCodecs : public QObject {
    Q_OBJECT

    static int code(const QJsonObject& answer) { return MixEngineClient::code(answer); }

    std::unique_ptr<MixEngineClient> m_engine;
    std::unique_ptr<Publisher> m_red;

    QJsonObject body(const QString& task, const QJsonArray& outputs) {
        return {{"TaskId", task},
                {"UserId", "owner-" + task},
                {"MixInput",
                 QJsonArray{QJsonObject{
                     {"StreamId", "codecred"},
                     {"RectInfo",
                      QJsonObject{{"Left", 0}, {"Top", 0}, {"Right", 640}, {"Bottom", 360}}}}}},
                {"MixOutput", outputs}};
    }

private slots:
    void initTestCase() {
        m_engine = std::make_unique<MixEngineClient>("[zego]\nmixMaxFps=25\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->process().output()));
        m_red = std::make_unique<Publisher>("red", 440, m_engine->rtmpUrl("codecred"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("codecred"); }, 10000));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->process().output();
        }
    }

    void codecsWithoutACarrierAreRefusedWithTheReason() {
        auto with = [&](const QString& key, int value, const QString& url = {}) {
            QJsonObject out = url.isEmpty() ? output("StreamId", "refused", 640, 360)
                                            : output("StreamUrl", url, 640, 360);
            out[key] = value;
            return m_engine->post("StartMix", body("refused", {out}));
        };
        auto opus = with("AudioCodec", 3);
        QCOMPARE(code(opus), 110200156);
        QVERIFY2(opus.value("Message").toString().contains("no Opus"),
                 qPrintable(opus.value("Message").toString()));
        auto vp8 = with("VideoEncId", 2);
        QCOMPARE(code(vp8), 110200156);
        QVERIFY(vp8.value("Message").toString().contains("no VP8"));
        QVERIFY(!m_engine->online("refused"));
    }

    void mp3IsPublishedAndPushed() {
        QJsonObject published = output("StreamId", "codecmp3", 320, 180);
        published["AudioCodec"] = 2;
        published["SoundChannel"] = 2;
        QJsonObject pushed = output("StreamUrl", m_engine->rtmpUrl("codecmp3pushed"), 320, 180);
        pushed["AudioCodec"] = 2;
        QCOMPARE(code(m_engine->post("StartMix", body("mp3", {published, pushed}))), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("codecmp3"); }, 5000));
        QCOMPARE(probeCodecs(m_engine->flvUrl("codecmp3")), QString("h264@320x180,mp3@2ch"));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("codecmp3pushed"); }, 10000));
        QCOMPARE(probeCodecs(m_engine->flvUrl("codecmp3pushed")), QString("h264@320x180,mp3@1ch"));
        const double level = meanVolume(m_engine->flvUrl("codecmp3"));
        QVERIFY2(level > -40, qPrintable(QString::number(level)));
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "mp3"}})), 0);
    }

    // An audio-only output pushed by rtmp://: the connection starts with the sound (there is no
    // picture to wait for) and carries no video track.
    void anAudioOnlyOutputIsPushed() {
        QJsonObject pushed = output("StreamUrl", m_engine->rtmpUrl("codecaudiopushed"), 1, 1);
        pushed["Fps"] = 1;
        pushed["VideoBitrate"] = 1;
        pushed["AudioCodec"] = 1;
        pushed["SoundChannel"] = 2;
        QCOMPARE(code(m_engine->post("StartMix", body("audiopush", {pushed}))), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("codecaudiopushed"); }, 10000));
        QCOMPARE(probeCodecs(m_engine->flvUrl("codecaudiopushed")), QString("aac@2ch"));
        const double level = meanVolume(m_engine->flvUrl("codecaudiopushed"));
        QVERIFY2(level > -40, qPrintable(QString::number(level)));
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "audiopush"}})), 0);
    }

    // The published output and one pushed by rtmp:// back into the engine: both arrive as FLV
    // codec id 12 with AAC-LC, and decode to the input's red.
    void h265IsPublishedAndPushedAsCodecId12() {
        QJsonObject hevc = output("StreamId", "codechevc", 640, 360);
        hevc["VideoEncId"] = 3;
        hevc["AudioCodec"] = 0;  // HE-AAC asked: AAC-LC given (docs/mix.md)
        QJsonObject pushed = output("StreamUrl", m_engine->rtmpUrl("codechevcpushed"), 640, 360);
        pushed["VideoEncId"] = 3;
        QCOMPARE(code(m_engine->post("StartMix", body("hevc", {hevc, pushed}))), 0);
        for (const char* stream : {"codechevc", "codechevcpushed"}) {
            QVERIFY2(QTest::qWaitFor([&] { return m_engine->online(stream); }, 10000), stream);
            QTest::qWait(1000);
            auto info =
                RawHttp::get(
                    m_engine->process().httpPort(),
                    "/index/api/getMediaInfo?secret=" + m_engine->process().secret().toUtf8() +
                        "&schema=rtmp&vhost=__defaultVhost__&app=live&stream=" + stream)
                    .json();
            QStringList tracks;
            for (const auto& track : info.value("tracks").toArray()) {
                tracks << track.toObject().value("codec_id_name").toString();
            }
            tracks.sort();
            QCOMPARE(tracks, (QStringList{"H265", "mpeg4-generic"}));
            FlvCapture got = capture(m_engine->process().httpPort(), stream);
            QVERIFY(got.hevc.size() > 1000);
            QVERIFY(got.legacyHevcTags);
            QVERIFY(got.asc);
            QCOMPARE(got.asc->objectType, media::aac::kAotLc);
            QVERIFY(!got.asc->sbr);

            const HevcReading read = readHevc(got.hevc, 640, 360);
            QCOMPARE(read.codecs, QString("hevc@640x360"));
            QVERIFY2(read.shows(320, 180, kRed), qPrintable(read.describe(320, 180)));
        }
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "hevc"}})), 0);
    }

    void h264SvcIsH264WithItsBaseLayerChecked() {
        auto svc = [&](const QJsonValue& layers, int encId = 4) {
            QJsonObject out = output("StreamId", "codecsvc", 320, 180);
            out["VideoEncId"] = encId;
            if (!layers.isUndefined()) {
                out["ExtraLayers"] = layers;
            }
            return code(m_engine->post("StartMix", body("svc", {out})));
        };
        auto layer = [](int bitrate) { return QJsonObject{{"VideoBitrate", bitrate}}; };
        QCOMPARE(svc(QJsonValue::Undefined), 110200156);
        QCOMPARE(svc(QJsonArray{}), 110200156);
        QCOMPARE(svc(QJsonArray{layer(100000), layer(100000)}), 110200156);
        QCOMPARE(svc(QJsonArray{QJsonObject{}}), 110200156);
        QCOMPARE(svc(QJsonArray{layer(500000)}), 110200156);     // not below the output's 500000
        QCOMPARE(svc(QJsonArray{layer(125000)}, 0), 110200156);  // ExtraLayers without SVC
        QVERIFY(!m_engine->online("codecsvc"));
        QCOMPARE(svc(QJsonArray{layer(125000)}), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("codecsvc"); }, 5000));
        QCOMPARE(probeCodecs(m_engine->flvUrl("codecsvc")), QString("aac@1ch,h264@320x180"));
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "svc"}})), 0);
    }

    // x265 writes its options into an SEI of its stream headers ("x265 ... options: ...").
    void lowBitrateHdTunesX265() {
        QJsonObject tuned = output("StreamId", "codechd", 320, 180);
        tuned["VideoEncId"] = 3;
        tuned["LowBitrateHD"] = 1;
        QJsonObject plain = output("StreamId", "codecplain", 320, 180);
        plain["VideoEncId"] = 3;
        QJsonObject h264 = output("StreamId", "codechd264", 320, 180);
        h264["LowBitrateHD"] = 1;  // no effect without H.265
        QCOMPARE(code(m_engine->post("StartMix", body("hd", {tuned, plain, h264}))), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("codechd"); }, 5000));
        auto options = [&](const QString& stream) {
            const QByteArray hevc = capture(m_engine->process().httpPort(), stream).hevc;
            const int at = hevc.indexOf("options: ");
            return at < 0 ? QByteArray() : hevc.mid(at, hevc.indexOf('\0', at) - at);
        };
        const QByteArray tunedOptions = options("codechd");
        for (const char* option : {" aq-mode=3 ", " deblock=1:1 ", " rd=3 "}) {
            QVERIFY2(tunedOptions.contains(option), tunedOptions.constData());
        }
        const QByteArray plainOptions = options("codecplain");
        QVERIFY2(plainOptions.contains(" aq-mode="), plainOptions.constData());
        QVERIFY2(!plainOptions.contains(" aq-mode=3 "), plainOptions.constData());
        QVERIFY(!plainOptions.contains(" rd=3 "));
        QCOMPARE(probeCodecs(m_engine->flvUrl("codechd264")), QString("aac@1ch,h264@320x180"));
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "hd"}})), 0);
    }
};

QTEST_GUILESS_MAIN(TestMixCodecs)
#include "tst_mix_codecs.moc"
