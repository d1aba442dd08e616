// The output codecs of a mix through a real regie-engine: H.265 (read back from the HTTP-FLV
// stream's codec id 12 tags, whose elementary stream ffprobe and ffmpeg then read and decode),
// VP8 and Opus (Enhanced RTMP tags, remuxed for ffmpeg), ExPara video_encode and the two-codec
// limit, LowBitrateHD's x265 options (x265 names them in its own SEI), MP3 published and pushed
// (ffprobe), an audio-only push, AudioCodec 0 encoded as AAC-LC, and H.264 SVC as H.264 with its
// ExtraLayers checked.

#include <QJsonArray>
#include <QJsonObject>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>

#include "flv_capture.h"
#include "matroska_remux.h"
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

    // getMediaInfo's codec_id_name of each track, sorted.
    QStringList tracksOf(const QString& stream) {
        auto info =
            RawHttp::get(
                m_engine->process().httpPort(),
                "/index/api/getMediaInfo?secret=" + m_engine->process().secret().toUtf8() +
                    "&schema=rtmp&vhost=__defaultVhost__&app=live&stream=" + stream.toUtf8())
                .json();
        QStringList tracks;
        for (const auto& track : info.value("tracks").toArray()) {
            tracks << track.toObject().value("codec_id_name").toString();
        }
        tracks.sort();
        return tracks;
    }

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

    // VP8 and Opus as Enhanced RTMP 'vp08' and 'Opus', published and pushed back into the
    // engine; ffmpeg decodes the frames a player received (remuxed, as 5.1 reads neither in FLV).
    void vp8AndOpusArePublishedAndPushedAsEnhancedRtmp() {
        auto vp8Opus = [](QJsonObject out) {
            out["VideoEncId"] = 2;
            out["AudioCodec"] = 3;
            out["SoundChannel"] = 2;
            return out;
        };
        QJsonObject published = vp8Opus(output("StreamId", "codecvp8", 640, 360));
        QJsonObject pushed =
            vp8Opus(output("StreamUrl", m_engine->rtmpUrl("codecvp8pushed"), 320, 180));
        QCOMPARE(code(m_engine->post("StartMix", body("vp8", {published, pushed}))), 0);
        const QList<std::pair<QString, QSize>> streams{{"codecvp8", {640, 360}},
                                                       {"codecvp8pushed", {320, 180}}};
        for (const auto& [stream, size] : streams) {
            QVERIFY2(QTest::qWaitFor([&] { return m_engine->online(stream); }, 10000),
                     qPrintable(stream));
            QTest::qWait(1000);
            QCOMPARE(tracksOf(stream), (QStringList{"VP8", "opus"}));
            const EnhancedCapture got =
                readEnhanced(playFlv(m_engine->process().httpPort(), stream));
            QVERIFY(got.vp8Config);
            QCOMPARE(got.width, size.width());
            QCOMPARE(got.height, size.height());
            QVERIFY(got.packets.size() > 50);
            QTemporaryDir dir;
            const QString file = dir.filePath("capture.mkv");
            QVERIFY(writeMatroska(got, file));
            const PictureReading read = readPictures(file, size.width(), size.height());
            QCOMPARE(read.codecs,
                     QString("opus@2ch,vp8@%1x%2").arg(size.width()).arg(size.height()));
            const QPoint centre(size.width() / 2, size.height() / 2);
            QVERIFY2(read.shows(centre.x(), centre.y(), kRed),
                     qPrintable(read.describe(centre.x(), centre.y())));
            const double level = meanVolume(file);
            QVERIFY2(level > -40, qPrintable(QString::number(level)));
        }

        // The engine reads its own VP8 and Opus back: mixed again, into H.264 and AAC.
        QJsonObject again = body("vp8again", {output("StreamId", "codecvp8again", 320, 180)});
        again["MixInput"] = QJsonArray{QJsonObject{
            {"StreamId", "codecvp8"},
            {"RectInfo", QJsonObject{{"Left", 0}, {"Top", 0}, {"Right", 320}, {"Bottom", 180}}}}};
        QCOMPARE(code(m_engine->post("StartMix", again)), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("codecvp8again"); }, 10000));
        Player player(m_engine->flvUrl("codecvp8again"), 320, 180);
        QVERIFY2(QTest::qWaitFor([&] { return player.shows(160, 90, kRed); }, 10000),
                 qPrintable(player.describe(160, 90)));
        const double level = meanVolume(m_engine->flvUrl("codecvp8again"));
        QVERIFY2(level > -40, qPrintable(QString::number(level)));
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "vp8again"}})), 0);
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "vp8"}})), 0);
    }

    // ExPara video_encode names the codec of outputs that give no VideoEncId; the spec allows
    // at most two video codecs among the outputs.
    void videoEncodeAndTheTwoCodecLimit() {
        QJsonObject unnamed = output("StreamId", "codecexpara", 320, 180);
        QJsonObject named = output("StreamId", "codecexparah264", 320, 180);
        named["VideoEncId"] = 0;
        QJsonObject start = body("expara", {unnamed, named});
        start["ExPara"] = QJsonArray{QJsonObject{{"Key", "video_encode"}, {"Value", "vp8"}}};
        QCOMPARE(code(m_engine->post("StartMix", start)), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_engine->online("codecexparah264"); }, 10000));
        QTest::qWait(1000);
        QCOMPARE(tracksOf("codecexpara"), (QStringList{"VP8", "mpeg4-generic"}));
        QCOMPARE(tracksOf("codecexparah264"), (QStringList{"H264", "mpeg4-generic"}));
        QCOMPARE(code(m_engine->post("StopMix", QJsonObject{{"TaskId", "expara"}})), 0);

        QJsonObject hevc = output("StreamId", "codecthree", 320, 180);
        hevc["VideoEncId"] = 3;
        QJsonObject vp8 = output("StreamId", "codecthreevp8", 320, 180);
        vp8["VideoEncId"] = 2;
        auto three = m_engine->post(
            "StartMix", body("three", {output("StreamId", "codecthreeh264", 640, 360), hevc, vp8}));
        QCOMPARE(code(three), 110200156);
        QVERIFY(three.value("Message").toString().contains("more than two video codecs"));
        QVERIFY(!m_engine->online("codecthreeh264"));
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
            QCOMPARE(tracksOf(stream), (QStringList{"H265", "mpeg4-generic"}));
            FlvCapture got = capture(m_engine->process().httpPort(), stream);
            QVERIFY(got.hevc.size() > 1000);
            QVERIFY(got.legacyHevcTags);
            QVERIFY(got.asc);
            QCOMPARE(got.asc->objectType, media::aac::kAotLc);
            QVERIFY(!got.asc->sbr);

            const PictureReading read = readHevc(got.hevc, 640, 360);
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
