// Real bytes: what ffmpeg sent when publishing to a capture server (see
// data/capture_ffmpeg_publish.py), decoded by the handshake, chunk reader and message parsers.

#include <QFile>
#include <QTest>
#include <map>
#include <random>

#include "protocol/rtmp/chunk_reader.h"
#include "protocol/rtmp/chunk_writer.h"
#include "protocol/rtmp/handshake.h"
#include "protocol/rtmp/messages.h"
#include "protocol/rtmp/rtmp_url.h"
#include "rtmp_test_support.h"

using namespace regie::rtmp;
using rtmp_test::q;

namespace {

Bytes loadCapture() {
    QFile f(QStringLiteral(REGIE_SOURCE_DIR "/tests/engine/rtmp/data/ffmpeg_publish.bin"));
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    auto data = f.readAll();
    return Bytes(data.begin(), data.end());
}

}  // namespace

class TestCapture : public QObject {
    Q_OBJECT

    Bytes m_chunks;  // the capture after the handshake
    std::vector<RtmpMessage> m_messages;

private slots:
    void initTestCase() {
        auto capture = loadCapture();
        QVERIFY2(capture.size() > 20000, "capture file missing or short");
        ServerHandshake handshake;
        Bytes reply;
        QVERIFY(handshake.feed(capture, reply).ok());
        QVERIFY(handshake.done());
        // ffmpeg signs its C1 like Flash Player does.
        QCOMPARE(handshake.mode(), HandshakeMode::Digest);
        QCOMPARE(reply.size(), std::size_t(1 + 2 * kHandshakeSize));
        m_chunks = handshake.takeLeftover();
        QCOMPARE(m_chunks.size(), capture.size() - 1 - 2 * kHandshakeSize);

        ChunkReader reader;
        QVERIFY(reader.feed(m_chunks, m_messages).ok());
        QVERIFY(m_messages.size() > 100);
    }

    void commandSequenceIsWhatFfmpegSends() {
        QStringList commands;
        std::map<std::string, Command> byName;
        for (const auto& m : m_messages) {
            if (m.header.type() == MessageType::CommandAmf0) {
                auto c = parseCommand(m);
                QVERIFY(c.ok());
                commands << q(c.value().name);
                byName[c.value().name] = c.value();
            }
        }
        // Media flows between publish and FCUnpublish.
        QCOMPARE(commands, QStringList({"connect", "releaseStream", "FCPublish", "createStream",
                                        "publish", "FCUnpublish", "deleteStream"}));
        auto connect = parseConnect(byName["connect"]);
        QVERIFY(connect.ok());
        QCOMPARE(q(connect.value().app), QStringLiteral("live"));
        QVERIFY(q(connect.value().tcUrl).startsWith("rtmp://127.0.0.1:"));
        QCOMPARE(q(parseStreamNameArg(byName["releaseStream"]).value()), QStringLiteral("test"));
        QCOMPARE(q(parseStreamNameArg(byName["FCPublish"]).value()), QStringLiteral("test"));
        auto publish = parsePublish(byName["publish"]);
        QVERIFY(publish.ok());
        QCOMPARE(q(publish.value().streamName), QStringLiteral("test"));
        QCOMPARE(q(publish.value().publishType), QStringLiteral("live"));
        QCOMPARE(byName["publish"].streamId, 1u);
        QCOMPARE(q(parseStreamNameArg(byName["FCUnpublish"]).value()), QStringLiteral("test"));
        QCOMPARE(parseDeleteStream(byName["deleteStream"]).value(), 1u);

        auto target = resolveStreamTarget(connect.value().tcUrl, connect.value().app,
                                          publish.value().streamName);
        QVERIFY(target.ok());
        QCOMPARE(q(target.value().vhost), QStringLiteral("127.0.0.1"));
        QCOMPARE(q(target.value().app + "/" + target.value().stream), QStringLiteral("live/test"));
    }

    void metadataThenSaneMedia() {
        std::size_t publishAt = 0, metaAt = 0, firstMedia = 0;
        for (std::size_t i = 0; i < m_messages.size(); ++i) {
            auto t = m_messages[i].header.type();
            if (t == MessageType::CommandAmf0 &&
                parseCommand(m_messages[i]).value().name == "publish") {
                publishAt = i;
            } else if (t == MessageType::DataAmf0 && !metaAt) {
                metaAt = i;
            } else if ((t == MessageType::Audio || t == MessageType::Video) && !firstMedia) {
                firstMedia = i;
            }
        }
        QVERIFY(publishAt < metaAt);
        QVERIFY(metaAt < firstMedia);

        auto data = parseDataMessage(m_messages[metaAt]);
        QVERIFY(data.ok());
        QCOMPARE(q(data.value().handler), QStringLiteral("@setDataFrame"));
        auto meta = metaDataOf(data.value());
        QVERIFY(meta.has_value());
        QCOMPARE(meta->numberAt("width"), 320.0);
        QCOMPARE(meta->numberAt("height"), 240.0);
        QCOMPARE(meta->numberAt("videocodecid"), 7.0);   // AVC
        QCOMPARE(meta->numberAt("audiocodecid"), 10.0);  // AAC

        int audio = 0, video = 0;
        std::uint32_t lastAudio = 0, lastVideo = 0;
        bool sawVideoConfig = false, sawAudioConfig = false, sawKeyFrame = false;
        for (std::size_t i = firstMedia; i < m_messages.size(); ++i) {
            const auto& m = m_messages[i];
            if (m.header.type() != MessageType::Audio && m.header.type() != MessageType::Video) {
                continue;
            }
            QCOMPARE(m.header.streamId, 1u);
            QVERIFY(m.payload.size() >= 2);
            if (m.header.type() == MessageType::Video) {
                QVERIFY(m.header.timestamp >= lastVideo || video == 0);
                lastVideo = m.header.timestamp;
                QCOMPARE(m.payload[0] & 0x0F, 7);  // AVC
                if (video++ == 0) {
                    QCOMPARE(m.payload[0], std::uint8_t(0x17));
                    QCOMPARE(m.payload[1], std::uint8_t(0));  // sequence header first
                    sawVideoConfig = true;
                } else if (m.payload[0] == 0x17) {
                    sawKeyFrame = true;
                }
            } else if (m.header.type() == MessageType::Audio) {
                QVERIFY(m.header.timestamp >= lastAudio);
                lastAudio = m.header.timestamp;
                QCOMPARE(m.payload[0] >> 4, 10);  // AAC
                if (audio++ == 0) {
                    QCOMPARE(m.payload[1], std::uint8_t(0));
                    sawAudioConfig = true;
                }
            }
        }
        QVERIFY(sawVideoConfig && sawAudioConfig && sawKeyFrame);
        // Two seconds at 25 fps and 44.1 kHz AAC (1024 samples a frame).
        QVERIFY2(video >= 45 && video <= 52, qPrintable(QString::number(video)));
        QVERIFY2(audio >= 80 && audio <= 92, qPrintable(QString::number(audio)));
        QVERIFY2(lastVideo >= 1800 && lastVideo <= 2200, qPrintable(QString::number(lastVideo)));
        QVERIFY2(lastAudio >= 1800 && lastAudio <= 2200, qPrintable(QString::number(lastAudio)));
    }

    void rechunkedMediaReadsBackIdentically_data() {
        QTest::addColumn<quint32>("chunkSize");
        QTest::newRow("128") << 128u;
        QTest::newRow("4096") << 4096u;
        QTest::newRow("60000") << 60000u;
    }

    void rechunkedMediaReadsBackIdentically() {
        QFETCH(quint32, chunkSize);
        Bytes stream;
        appendChunks(stream, setChunkSizeMessage(chunkSize), kDefaultChunkSize);
        std::vector<SharedBytes> shared;
        for (const auto& m : m_messages) {
            shared.push_back(chunkShared(m.header, m.payload, chunkSize));
            stream.insert(stream.end(), shared.back()->begin(), shared.back()->end());
        }
        // The same shared buffers make a valid stream for a second player.
        ChunkReader reader;
        std::vector<RtmpMessage> got;
        QVERIFY(reader.feed(stream, got).ok());
        QCOMPARE(got.size(), m_messages.size() + 1);
        for (std::size_t i = 0; i < m_messages.size(); ++i) {
            QVERIFY(got[i + 1].header == m_messages[i].header);
            QVERIFY(got[i + 1].payload == m_messages[i].payload);
        }
    }

    void everyPrefixAndRandomSplitDecodes() {
        std::mt19937 rng(5);
        for (int round = 0; round < 30; ++round) {
            auto cut = rng() % m_chunks.size();
            ChunkReader reader;
            std::vector<RtmpMessage> got;
            QVERIFY(reader.feed(ByteSpan(m_chunks).first(cut), got).ok());
            QVERIFY(got.size() <= m_messages.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                QVERIFY(got[i].payload == m_messages[i].payload);
            }
        }
        ChunkReader reader;
        std::vector<RtmpMessage> got;
        std::size_t pos = 0;
        while (pos < m_chunks.size()) {
            auto n = std::min<std::size_t>(1 + rng() % 1500, m_chunks.size() - pos);
            QVERIFY(reader.feed(ByteSpan(m_chunks).subspan(pos, n), got).ok());
            pos += n;
        }
        QCOMPARE(got.size(), m_messages.size());
    }
};

QTEST_GUILESS_MAIN(TestCapture)
#include "tst_rtmp_capture.moc"
