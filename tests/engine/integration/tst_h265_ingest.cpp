// H.265 over RTMP through a real regie-engine. ffmpeg 5.1 cannot publish H.265 over RTMP, so a
// small publisher built from the engine's own RTMP wire library sends real x265 output (the
// codec fixtures), as enhanced RTMP ('hvc1') and as the legacy codec id 12; HTTP-FLV players
// must receive the H.265 configuration and keyframes, and the API must describe the track.
// The stream is announced by on_stream_changed with that track and by stream_create with cid 3
// once the second-track wait (general.wait_add_track_ms) is over: the publisher sends no
// metadata and no sound.

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include "engine_process.h"
#include "hook_receiver.h"
#include "media/codec/h265.h"
#include "media/codec/nalu.h"
#include "protocol/flv/flv.h"
#include "protocol/flv/tag_body.h"
#include "protocol/rtmp/chunk_reader.h"
#include "protocol/rtmp/chunk_writer.h"
#include "protocol/rtmp/handshake.h"
#include "protocol/rtmp/messages.h"
#include "raw_http.h"

using namespace regie;
using regie::test::EngineProcess;
using regie::test::HookReceiver;
using regie::test::RawHttp;

namespace {

// A publisher speaking RTMP with the engine's sans-I/O library over a blocking socket.
class WirePublisher {
public:
    bool open(int port, const QString& app, const QString& stream) {
        m_socket.connectToHost("127.0.0.1", static_cast<quint16>(port));
        if (!m_socket.waitForConnected(3000)) {
            return false;
        }
        rtmp::ClientHandshake handshake;
        write(handshake.start());
        while (!handshake.done()) {
            if (!m_socket.waitForReadyRead(3000)) {
                return false;
            }
            QByteArray in = m_socket.readAll();
            rtmp::Bytes out;
            if (!handshake.feed(span(in), out)) {
                return false;
            }
            write(out);
        }
        m_pending = handshake.takeLeftover();
        QString tcUrl = QString("rtmp://127.0.0.1:%1/%2").arg(port).arg(app);
        send(rtmp::connectCommand(1, app.toStdString(), tcUrl.toStdString()));
        if (!waitForCommand("_result")) {
            return false;
        }
        send(rtmp::createStreamCommand(2));
        auto created = waitForCommand("_result");
        if (!created || created->args.empty()) {
            return false;
        }
        m_streamId = static_cast<std::uint32_t>(created->args.front().asNumber());
        send(rtmp::publishCommand(m_streamId, stream.toStdString()));
        auto status = waitForCommand("onStatus");
        return status && !status->args.empty() &&
               status->args.front().stringAt("code") == "NetStream.Publish.Start";
    }

    bool sendVideo(const flv::Frame& frame, flv::HevcMode mode) {
        auto prefix = flv::buildBodyPrefix(frame, mode);
        if (!prefix) {
            return false;
        }
        rtmp::Bytes body(prefix.value().bytes.begin(),
                         prefix.value().bytes.begin() + prefix.value().size);
        body.insert(body.end(), frame.payload.begin(), frame.payload.end());
        rtmp::MessageHeader header{rtmp::kVideoCsid,
                                   static_cast<std::uint8_t>(rtmp::MessageType::Video), m_streamId,
                                   static_cast<std::uint32_t>(frame.dts)};
        write(rtmp::chunkMessage(header, body, rtmp::kDefaultChunkSize));
        return m_socket.waitForBytesWritten(3000) || m_socket.bytesToWrite() == 0;
    }

private:
    static rtmp::ByteSpan span(const QByteArray& b) {
        return {reinterpret_cast<const std::uint8_t*>(b.data()),
                static_cast<std::size_t>(b.size())};
    }
    void write(const rtmp::Bytes& bytes) {
        m_socket.write(reinterpret_cast<const char*>(bytes.data()),
                       static_cast<qint64>(bytes.size()));
        m_socket.flush();
    }
    void send(const rtmp::RtmpMessage& m) {
        write(rtmp::chunkMessage(m.header, m.payload, rtmp::kDefaultChunkSize));
    }

    std::optional<rtmp::Command> waitForCommand(const std::string& name) {
        for (int round = 0; round < 50; ++round) {
            std::vector<rtmp::RtmpMessage> messages;
            rtmp::Bytes pending = std::move(m_pending);
            m_pending.clear();
            if (pending.empty()) {
                if (!m_socket.waitForReadyRead(3000)) {
                    return std::nullopt;
                }
                QByteArray in = m_socket.readAll();
                pending.assign(in.begin(), in.end());
            }
            if (!m_reader.feed(pending, messages)) {
                return std::nullopt;
            }
            for (auto& m : messages) {
                if (m.header.type() != rtmp::MessageType::CommandAmf0) {
                    continue;
                }
                auto command = rtmp::parseCommand(m);
                if (command && command.value().name == name) {
                    return command.value();
                }
            }
        }
        return std::nullopt;
    }

    QTcpSocket m_socket;
    rtmp::ChunkReader m_reader;
    rtmp::Bytes m_pending;
    std::uint32_t m_streamId = 1;
};

// The access units of an Annex-B H.265 stream with its parameter sets.
struct HevcStream {
    std::vector<media::Bytes> vps, sps, pps;
    std::vector<std::pair<media::Bytes, bool>> accessUnits;  // length-prefixed, keyframe

    static HevcStream load(const QString& path) {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        QByteArray all = file.readAll();
        HevcStream s;
        media::Bytes current;
        bool key = false;
        auto flush = [&] {
            if (!current.empty()) {
                s.accessUnits.emplace_back(std::move(current), key);
                current.clear();
                key = false;
            }
        };
        for (auto nal : media::splitAnnexB({reinterpret_cast<const std::uint8_t*>(all.data()),
                                            static_cast<std::size_t>(all.size())})) {
            int type = (nal[0] >> 1) & 0x3f;
            media::Bytes unit(nal.begin(), nal.end());
            if (type == 32) {
                s.vps.push_back(unit);
            } else if (type == 33) {
                s.sps.push_back(unit);
            } else if (type == 34) {
                s.pps.push_back(unit);
            }
            if (type >= 32) {
                continue;
            }
            if ((nal[2] & 0x80) != 0) {  // first slice of a picture
                flush();
            }
            key |= type >= 16 && type <= 23;
            auto size = static_cast<std::uint32_t>(unit.size());
            current.insert(
                current.end(),
                {static_cast<std::uint8_t>(size >> 24), static_cast<std::uint8_t>(size >> 16),
                 static_cast<std::uint8_t>(size >> 8), static_cast<std::uint8_t>(size)});
            current.insert(current.end(), unit.begin(), unit.end());
        }
        flush();
        return s;
    }
};

}  // namespace

class TestH265Ingest : public QObject {
    Q_OBJECT

    HookReceiver m_hooks;
    std::unique_ptr<EngineProcess> m_engine;
    QByteArray m_secret;
    int m_rtmpPort = 0;

    bool announced(const QString& stream) {
        const auto seen = [&](const QByteArray& target, auto match) {
            for (const auto& r : m_hooks.requestsTo(target)) {
                if (match(r.json())) {
                    return true;
                }
            }
            return false;
        };
        return QTest::qWaitFor(
            [&] {
                return seen("/zego",
                            [&](const QJsonObject& o) {
                                return o.value("event").toString() == "stream_create" &&
                                       o.value("stream_id").toString() == stream &&
                                       o.value("stream_attr").toString() == "{\"cid\":3}";
                            }) &&
                       seen("/on_stream_changed", [&](const QJsonObject& o) {
                           const auto tracks = o.value("tracks").toArray();
                           const auto video = tracks.first().toObject();
                           return o.value("regist").toBool() &&
                                  o.value("stream").toString() == stream && tracks.size() == 1 &&
                                  video.value("codec_id_name").toString() == "H265" &&
                                  video.value("width").toInt() == 854 &&
                                  video.value("ready").toBool();
                       });
            },
            5000);
    }

    void publishAndCheck(const QString& stream, flv::HevcMode mode) {
        HevcStream hevc = HevcStream::load(
            QStringLiteral(REGIE_SOURCE_DIR "/tests/engine/codec/data/h265_854x480.hevc"));
        QCOMPARE(hevc.accessUnits.size(), std::size_t(6));  // the fixture: 6 pictures, one GOP
        QVERIFY(!hevc.vps.empty() && !hevc.sps.empty() && !hevc.pps.empty());
        auto record = media::h265::buildHevcConfig(hevc.vps, hevc.sps, hevc.pps);
        QVERIFY(record.ok());

        WirePublisher publisher;
        QVERIFY(publisher.open(m_rtmpPort, "live", stream));
        flv::Frame config;
        config.codec = media::CodecId::H265;
        config.kind = flv::PacketKind::Config;
        config.keyframe = true;
        config.payload = record.value();
        QVERIFY(publisher.sendVideo(config, mode));
        std::int64_t ts = 0;
        auto sendAll = [&] {
            for (const auto& [au, key] : hevc.accessUnits) {
                flv::Frame frame;
                frame.codec = media::CodecId::H265;
                frame.keyframe = key;
                frame.dts = frame.pts = ts;
                frame.payload = au;
                QVERIFY(publisher.sendVideo(frame, mode));
                ts += 40;
            }
        };
        sendAll();

        auto info = RawHttp::get(m_engine->httpPort(),
                                 "/index/api/getMediaInfo?secret=" + m_secret +
                                     "&schema=rtmp&vhost=__defaultVhost__&app=live&stream=" +
                                     stream.toUtf8())
                        .json();
        QCOMPARE(info.value("code").toInt(), 0);
        QJsonObject track = info.value("tracks").toArray().first().toObject();
        QCOMPARE(track.value("codec_id_name").toString(), QStringLiteral("H265"));
        QCOMPARE(track.value("width").toInt(), 854);
        QCOMPARE(track.value("height").toInt(), 480);

        // A player joining now gets the configuration and the cached GOP, then live frames.
        regie::test::RawHttp player(m_engine->httpPort());
        QVERIFY(player.connect());
        player.send("GET /live/" + stream.toUtf8() + ".live.flv HTTP/1.1\r\nHost: x\r\n\r\n");
        sendAll();
        auto response = player.read(1500);
        QCOMPARE(response.status, 200);
        QByteArray body = response.body;
        QVERIFY(body.size() > 13 && body.startsWith("FLV"));
        std::size_t pos = 13;
        int configs = 0;
        int keyframes = 0;
        int frames = 0;
        flv::ByteView all(reinterpret_cast<const std::uint8_t*>(body.data()),
                          static_cast<std::size_t>(body.size()));
        while (pos < all.size()) {
            auto tag = flv::parseTag(all.subspan(pos));
            if (!tag || !tag.value()) {
                break;
            }
            if (tag.value()->header.type == flv::TagType::Video) {
                auto frame = flv::parseVideoTag(tag.value()->body, tag.value()->header.timestamp);
                QVERIFY(frame.ok());
                QCOMPARE(frame.value().codec, media::CodecId::H265);
                configs += frame.value().isConfig();
                keyframes += !frame.value().isConfig() && frame.value().keyframe;
                frames += !frame.value().isConfig();
            }
            pos += tag.value()->size;
        }
        QCOMPARE(configs, 1);
        QVERIFY(keyframes >= 1);
        QVERIFY2(frames >= static_cast<int>(hevc.accessUnits.size()),
                 qPrintable(QString::number(frames)));
        QVERIFY(announced(stream));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_hooks.listenInThread());
        m_engine = std::make_unique<EngineProcess>(QString::fromUtf8(
            "[hook]\nenable=1\non_stream_changed=" + m_hooks.url("/on_stream_changed") +
            "\n[zego]\ncallbackUrl=" + m_hooks.url("/zego") +
            "\ncallbackSecret=s\n[general]\nwait_add_track_ms=300\n"));
        QVERIFY2(m_engine->start(), qPrintable(m_engine->output()));
        m_secret = m_engine->secret().toUtf8();
        m_rtmpPort = m_engine->rtmpPort();
        QVERIFY(m_rtmpPort > 0);
    }

    void enhancedRtmpHevc() { publishAndCheck("hevc_enhanced", flv::HevcMode::Enhanced); }
    void legacyCodecId12Hevc() { publishAndCheck("hevc_legacy", flv::HevcMode::LegacyCodecId12); }
};

QTEST_GUILESS_MAIN(TestH265Ingest)
#include "tst_h265_ingest.moc"
