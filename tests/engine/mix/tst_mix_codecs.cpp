// The output codecs of a mix through a real regie-engine: H.265 (read back from the HTTP-FLV
// stream's codec id 12 tags, whose elementary stream ffprobe and ffmpeg then read and decode),
// MP3 published and pushed (ffprobe), AudioCodec 0 encoded as AAC-LC, and the codecs that
// cannot be delivered refused with the reason.

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

#include "engine_process.h"
#include "media/codec/aac.h"
#include "media/codec/h265.h"
#include "media/codec/nalu.h"
#include "mix_media.h"
#include "protocol/flv/flv.h"
#include "protocol/flv/tag_body.h"
#include "raw_http.h"
#include "zego_query.h"

using namespace regie;
using regie::test::EngineProcess;
using regie::test::RawHttp;
using namespace regie::test::mix;

namespace {

QJsonObject output(const QString& key, const QString& value, int width, int height) {
    return {
        {key, value}, {"Width", width}, {"Height", height}, {"Fps", 25}, {"VideoBitrate", 500000}};
}

QByteArray startCode(media::ByteView nal) {
    return QByteArray("\0\0\0\1", 4) + QByteArray(reinterpret_cast<const char*>(nal.data()),
                                                  static_cast<qsizetype>(nal.size()));
}

// What an HTTP-FLV player of an H.265 output receives in a few seconds: the video as an Annex B
// elementary stream (parameter sets first), and the audio's AudioSpecificConfig.
struct FlvCapture {
    QByteArray hevc;
    bool legacyHevcTags = true;
    std::optional<media::aac::AudioSpecificConfig> asc;
};

FlvCapture capture(int httpPort, const QString& stream) {
    FlvCapture out;
    RawHttp player(httpPort);
    if (!player.connect()) {
        return out;
    }
    player.send("GET /live/" + stream.toUtf8() + ".live.flv HTTP/1.1\r\nHost: x\r\n\r\n");
    const QByteArray body = player.read(3000).body;
    if (body.size() < 13 || !body.startsWith("FLV")) {
        return out;
    }
    flv::ByteView all(reinterpret_cast<const std::uint8_t*>(body.data()),
                      static_cast<std::size_t>(body.size()));
    for (std::size_t pos = 13; pos < all.size();) {
        auto tag = flv::parseTag(all.subspan(pos));
        if (!tag || !tag.value()) {
            break;
        }
        const flv::Tag& t = *tag.value();
        pos += t.size;
        if (t.header.type == flv::TagType::Audio) {
            auto frame = flv::parseAudioTag(t.body, t.header.timestamp);
            if (frame && frame.value().isConfig()) {
                auto asc = media::aac::parseAudioSpecificConfig(frame.value().payload);
                if (asc) {
                    out.asc = asc.value();
                }
            }
            continue;
        }
        if (t.header.type != flv::TagType::Video) {
            continue;
        }
        out.legacyHevcTags = out.legacyHevcTags && (t.body[0] & 0x0f) == 12;
        auto frame = flv::parseVideoTag(t.body, t.header.timestamp);
        if (!frame || frame.value().codec != media::CodecId::H265) {
            return {};
        }
        if (frame.value().isConfig()) {
            auto config = media::h265::parseHevcConfig(frame.value().payload);
            if (!config) {
                return {};
            }
            for (const auto& array : config.value().arrays) {
                for (const auto& unit : array.units) {
                    out.hevc += startCode(unit);
                }
            }
        } else if (!out.hevc.isEmpty()) {
            auto nals = media::splitLengthPrefixed(frame.value().payload, 4);
            for (auto nal : nals ? nals.value() : std::vector<media::ByteView>{}) {
                out.hevc += startCode(nal);
            }
        }
    }
    return out;
}

}  // namespace

class TestMixCodecs : public QObject {
    Q_OBJECT

    std::unique_ptr<EngineProcess> m_engine;
    int m_rtmpPort = 0;
    std::unique_ptr<Publisher> m_red;

    QJsonObject post(const QByteArray& action, const QJsonObject& body) {
        return RawHttp::post(m_engine->httpPort(), regie::test::zegoQuery(*m_engine, action),
                             "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact))
            .json();
    }
    static int code(const QJsonObject& answer) { return answer.value("Code").toInt(-1); }
    QString rtmpUrl(const QString& stream) const {
        return QString("rtmp://127.0.0.1:%1/live/%2").arg(m_rtmpPort).arg(stream);
    }
    QString flvUrl(const QString& stream) const {
        return QString("http://127.0.0.1:%1/live/%2.live.flv")
            .arg(m_engine->httpPort())
            .arg(stream);
    }
    bool online(const QString& stream) {
        return RawHttp::get(
                   m_engine->httpPort(),
                   "/index/api/isMediaOnline?secret=" + m_engine->secret().toUtf8() +
                       "&schema=rtmp&vhost=__defaultVhost__&app=live&stream=" + stream.toUtf8())
            .json()
            .value("online")
            .toBool();
    }
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
        m_engine = std::make_unique<EngineProcess>("[zego]\nmixMaxFps=25\n");
        QVERIFY2(m_engine->start(), qPrintable(m_engine->output()));
        m_rtmpPort = RawHttp::get(m_engine->httpPort(), "/index/api/getServerConfig?secret=" +
                                                            m_engine->secret().toUtf8())
                         .json()
                         .value("data")
                         .toArray()
                         .first()
                         .toObject()
                         .value("rtmp.port")
                         .toString()
                         .toInt();
        QVERIFY(m_rtmpPort > 0);
        m_red = std::make_unique<Publisher>("red", 440, rtmpUrl("codecred"));
        QVERIFY(QTest::qWaitFor([&] { return online("codecred"); }, 10000));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "engine output:\n" << m_engine->output();
        }
    }

    void codecsWithoutACarrierAreRefusedWithTheReason() {
        auto with = [&](const QString& key, int value, const QString& url = {}) {
            QJsonObject out = url.isEmpty() ? output("StreamId", "refused", 640, 360)
                                            : output("StreamUrl", url, 640, 360);
            out[key] = value;
            return post("StartMix", body("refused", {out}));
        };
        auto opus = with("AudioCodec", 3);
        QCOMPARE(code(opus), 110200156);
        QVERIFY2(opus.value("Message").toString().contains("no Opus"),
                 qPrintable(opus.value("Message").toString()));
        auto vp8 = with("VideoEncId", 2);
        QCOMPARE(code(vp8), 110200156);
        QVERIFY(vp8.value("Message").toString().contains("no VP8"));
        auto pushedHevc = with("VideoEncId", 3, rtmpUrl("x"));
        QCOMPARE(code(pushedHevc), 110200156);
        QVERIFY(pushedHevc.value("Message").toString().contains("H.264 only"));
        QVERIFY(!online("refused"));
    }

    void mp3IsPublishedAndPushed() {
        QJsonObject published = output("StreamId", "codecmp3", 320, 180);
        published["AudioCodec"] = 2;
        published["SoundChannel"] = 2;
        QJsonObject pushed = output("StreamUrl", rtmpUrl("codecmp3pushed"), 320, 180);
        pushed["AudioCodec"] = 2;
        QCOMPARE(code(post("StartMix", body("mp3", {published, pushed}))), 0);
        QVERIFY(QTest::qWaitFor([&] { return online("codecmp3"); }, 5000));
        QCOMPARE(probeCodecs(flvUrl("codecmp3")), QString("h264@320x180,mp3@2ch"));
        QVERIFY(QTest::qWaitFor([&] { return online("codecmp3pushed"); }, 10000));
        QCOMPARE(probeCodecs(flvUrl("codecmp3pushed")), QString("h264@320x180,mp3@1ch"));
        const double level = meanVolume(flvUrl("codecmp3"));
        QVERIFY2(level > -40, qPrintable(QString::number(level)));
        QCOMPARE(code(post("StopMix", QJsonObject{{"TaskId", "mp3"}})), 0);
    }

    void h265IsPublishedAsCodecId12() {
        QJsonObject hevc = output("StreamId", "codechevc", 640, 360);
        hevc["VideoEncId"] = 3;
        hevc["AudioCodec"] = 0;  // HE-AAC asked: AAC-LC given (docs/mix.md)
        QCOMPARE(code(post("StartMix", body("hevc", {hevc}))), 0);
        QVERIFY(QTest::qWaitFor([&] { return online("codechevc"); }, 5000));
        QTest::qWait(1000);
        auto info = RawHttp::get(m_engine->httpPort(),
                                 "/index/api/getMediaInfo?secret=" + m_engine->secret().toUtf8() +
                                     "&schema=rtmp&vhost=__defaultVhost__&app=live&stream="
                                     "codechevc")
                        .json();
        QStringList tracks;
        for (const auto& track : info.value("tracks").toArray()) {
            tracks << track.toObject().value("codec_id_name").toString();
        }
        tracks.sort();
        QCOMPARE(tracks, (QStringList{"H265", "mpeg4-generic"}));
        FlvCapture got = capture(m_engine->httpPort(), "codechevc");
        QVERIFY(got.hevc.size() > 1000);
        QVERIFY(got.legacyHevcTags);
        QVERIFY(got.asc);
        QCOMPARE(got.asc->objectType, media::aac::kAotLc);
        QVERIFY(!got.asc->sbr);

        QTemporaryDir dir;
        const QString file = dir.filePath("out.hevc");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(got.hevc);
        f.close();
        QCOMPARE(probeCodecs(file), QString("hevc@640x360"));
        QProcess decode;
        decode.start("ffmpeg", {"-hide_banner", "-loglevel", "error", "-f", "hevc", "-i", file,
                                "-f", "rawvideo", "-pix_fmt", "yuv420p", "pipe:1"});
        QVERIFY(decode.waitForFinished(20000));
        constexpr int kPictureBytes = 640 * 360 * 3 / 2;
        const QByteArray pictures = decode.readAllStandardOutput();
        QVERIFY(pictures.size() >= kPictureBytes && pictures.size() % kPictureBytes == 0);
        const QByteArray picture = pictures.right(kPictureBytes);  // the latest
        const auto* p = reinterpret_cast<const unsigned char*>(picture.constData());
        const int chroma = 640 * 360 + 90 * 320 + 160;
        QVERIFY2(std::abs(p[180 * 640 + 320] - kRed.y) <= 24 && std::abs(p[chroma] - kRed.u) <= 24,
                 qPrintable(QString("%1/%2").arg(p[180 * 640 + 320]).arg(p[chroma])));
        QCOMPARE(code(post("StopMix", QJsonObject{{"TaskId", "hevc"}})), 0);
    }
};

QTEST_GUILESS_MAIN(TestMixCodecs)
#include "tst_mix_codecs.moc"
