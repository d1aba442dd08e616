// A real client against a minimal server made of this library: ffmpeg publishes to it (our
// handshake, reader and replies), and ffmpeg plays the captured publish back from it (our
// writer's shared buffers), decoding every frame.

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <algorithm>
#include <map>
#include <optional>

#include "protocol/rtmp/chunk_reader.h"
#include "protocol/rtmp/chunk_writer.h"
#include "protocol/rtmp/handshake.h"
#include "protocol/rtmp/messages.h"
#include "protocol/rtmp/rtmp_url.h"
#include "rtmp_test_support.h"

using namespace regie::rtmp;
using rtmp_test::q;

namespace {

// Small enough that key frames span several chunks.
constexpr std::uint32_t kOutChunkSize = 1000;
constexpr std::uint32_t kStreamId = 1;
// Served timestamps cross 0xFFFFFF, where the extended timestamp field takes over.
constexpr std::uint32_t kTimestampOffset = 0xFFFFFF - 1000;

// One accepted connection, driven synchronously.
class Session {
public:
    explicit Session(QTcpSocket* socket) : m_socket(socket) {}

    // Waits for bytes and decodes them; false once the peer is gone or sent garbage.
    bool pump(std::vector<RtmpMessage>& messages) {
        if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(1000)) {
            return m_socket->state() == QAbstractSocket::ConnectedState;
        }
        auto data = m_socket->readAll();
        Bytes in(data.begin(), data.end());
        if (!m_handshake.done()) {
            Bytes out;
            if (!m_handshake.feed(in, out).ok()) {
                return false;
            }
            write(out);
            if (!m_handshake.done()) {
                return true;
            }
            in = m_handshake.takeLeftover();
        }
        return m_reader.feed(in, messages).ok();
    }

    void send(const RtmpMessage& m) {
        Bytes out;
        appendChunks(out, m, m_outChunkSize);
        write(out);
    }

    void write(const Bytes& bytes) {
        m_socket->write(reinterpret_cast<const char*>(bytes.data()),
                        static_cast<qint64>(bytes.size()));
        m_socket->flush();
    }

    // What every server sends back to connect.
    void acceptConnect(const Command& connect) {
        auto request = parseConnect(connect);
        m_connect = request.ok() ? request.value() : ConnectRequest{};
        send(windowAckSizeMessage(5'000'000));
        send(setPeerBandwidthMessage(5'000'000, PeerBandwidthLimit::Dynamic));
        send(setChunkSizeMessage(kOutChunkSize));
        m_outChunkSize = kOutChunkSize;
        send(connectResultMessage(connect.transactionId, m_connect.objectEncoding));
        send(onBWDoneMessage());
    }

    const ConnectRequest& connectRequest() const { return m_connect; }
    bool handshakeWasDigest() const { return m_handshake.mode() == HandshakeMode::Digest; }

private:
    QTcpSocket* m_socket;
    ServerHandshake m_handshake;
    ChunkReader m_reader;
    std::uint32_t m_outChunkSize = kDefaultChunkSize;
    ConnectRequest m_connect;
};

std::vector<RtmpMessage> capturedMessages() {
    QFile f(QStringLiteral(REGIE_SOURCE_DIR "/tests/engine/rtmp/data/ffmpeg_publish.bin"));
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    auto data = f.readAll();
    Bytes capture(data.begin(), data.end());
    ServerHandshake handshake;
    Bytes ignored;
    std::vector<RtmpMessage> messages;
    if (handshake.feed(capture, ignored).ok() &&
        ChunkReader().feed(handshake.takeLeftover(), messages).ok()) {
        return messages;
    }
    return {};
}

}  // namespace

class TestFfmpeg : public QObject {
    Q_OBJECT

private slots:
    void ffmpegPublishesToUs() {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QProcess ffmpeg;
        ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
        ffmpeg.start("ffmpeg", {"-hide_banner",
                                "-loglevel",
                                "error",
                                "-f",
                                "lavfi",
                                "-i",
                                "testsrc=size=160x120:rate=25",
                                "-f",
                                "lavfi",
                                "-i",
                                "sine",
                                "-c:v",
                                "libx264",
                                "-preset",
                                "ultrafast",
                                "-c:a",
                                "aac",
                                "-t",
                                "1",
                                "-f",
                                "flv",
                                QStringLiteral("rtmp://127.0.0.1:%1/live?vhost=v1/cam?token=abc")
                                    .arg(listener.serverPort())});
        QVERIFY2(ffmpeg.waitForStarted(5000), "ffmpeg must be installed");
        QVERIFY(listener.waitForNewConnection(10000));
        Session session(listener.nextPendingConnection());

        std::optional<StreamTarget> target;
        std::optional<Amf0Value> metaData;
        int video = 0, audio = 0;
        bool deleted = false;
        QElapsedTimer timer;
        timer.start();
        std::vector<RtmpMessage> messages;
        while (!deleted && timer.elapsed() < 20000 && session.pump(messages)) {
            for (const auto& m : messages) {
                switch (m.header.type()) {
                    case MessageType::CommandAmf0: {
                        auto command = parseCommand(m);
                        QVERIFY(command.ok());
                        const auto& c = command.value();
                        if (c.name == "connect") {
                            session.acceptConnect(c);
                        } else if (c.name == "createStream") {
                            session.send(createStreamResultMessage(c.transactionId, kStreamId));
                        } else if (c.name == "publish") {
                            auto publish = parsePublish(c);
                            QVERIFY(publish.ok());
                            auto t = resolveStreamTarget(session.connectRequest().tcUrl,
                                                         session.connectRequest().app,
                                                         publish.value().streamName);
                            QVERIFY(t.ok());
                            target = t.value();
                            session.send(onStatusMessage(kStreamId, status::kStatus,
                                                         status::kPublishStart, "publishing"));
                        } else if (c.name == "deleteStream") {
                            deleted = true;
                        }
                        break;
                    }
                    case MessageType::DataAmf0: {
                        auto data = parseDataMessage(m);
                        QVERIFY(data.ok());
                        metaData = metaDataOf(data.value());
                        break;
                    }
                    case MessageType::Video:
                        QVERIFY(target.has_value());
                        ++video;
                        break;
                    case MessageType::Audio:
                        ++audio;
                        break;
                    default:
                        break;
                }
            }
            messages.clear();
        }
        QVERIFY(ffmpeg.waitForFinished(20000));
        auto log = QString::fromUtf8(ffmpeg.readAll());
        QVERIFY2(ffmpeg.exitCode() == 0, qPrintable(log));
        QVERIFY(deleted);
        QVERIFY(session.handshakeWasDigest());
        QVERIFY(target.has_value());
        QCOMPARE(q(target->vhost), QStringLiteral("v1"));
        QCOMPARE(q(target->app), QStringLiteral("live"));
        QCOMPARE(q(target->stream), QStringLiteral("cam"));
        QCOMPARE(q(queryValue(target->params, "token")), QStringLiteral("abc"));
        QVERIFY(metaData.has_value());
        QCOMPARE(metaData->numberAt("width"), 160.0);
        QVERIFY2(video >= 20, qPrintable(QString::number(video)));
        QVERIFY2(audio >= 30, qPrintable(QString::number(audio)));
    }

    void ffmpegPlaysWhatWeServe() {
        auto captured = capturedMessages();
        QVERIFY(captured.size() > 100);

        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QProcess ffmpeg;
        ffmpeg.start("ffmpeg",
                     {"-hide_banner", "-loglevel", "error", "-i",
                      QStringLiteral("rtmp://127.0.0.1:%1/live/test").arg(listener.serverPort()),
                      "-f", "framecrc", "-"});
        QVERIFY2(ffmpeg.waitForStarted(5000), "ffmpeg must be installed");
        QVERIFY(listener.waitForNewConnection(10000));
        auto* socket = listener.nextPendingConnection();
        Session session(socket);

        bool served = false;
        QElapsedTimer timer;
        timer.start();
        std::vector<RtmpMessage> messages;
        while (!served && timer.elapsed() < 20000 && session.pump(messages)) {
            for (const auto& m : messages) {
                if (m.header.type() != MessageType::CommandAmf0) {
                    continue;
                }
                auto command = parseCommand(m);
                QVERIFY(command.ok());
                const auto& c = command.value();
                if (c.name == "connect") {
                    session.acceptConnect(c);
                } else if (c.name == "createStream") {
                    session.send(createStreamResultMessage(c.transactionId, kStreamId));
                } else if (c.name == "play") {
                    auto play = parsePlay(c);
                    QVERIFY(play.ok());
                    QCOMPARE(q(play.value().streamName), QStringLiteral("test"));
                    session.send(streamBeginMessage(kStreamId));
                    session.send(
                        onStatusMessage(kStreamId, status::kStatus, status::kPlayReset, "reset"));
                    session.send(
                        onStatusMessage(kStreamId, status::kStatus, status::kPlayStart, "playing"));
                    session.send(sampleAccessMessage(kStreamId));
                    for (const auto& media : captured) {
                        auto type = media.header.type();
                        if (type == MessageType::DataAmf0) {
                            auto meta = metaDataOf(parseDataMessage(media).value());
                            QVERIFY(meta.has_value());
                            session.send(onMetaDataMessage(kStreamId, *meta));
                        } else if (type == MessageType::Audio || type == MessageType::Video) {
                            MessageHeader h{type == MessageType::Audio ? kAudioCsid : kVideoCsid,
                                            media.header.typeId, kStreamId,
                                            media.header.timestamp + kTimestampOffset};
                            session.write(*chunkShared(h, media.payload, kOutChunkSize));
                        }
                    }
                    session.send(streamEofMessage(kStreamId));
                    session.send(
                        onStatusMessage(kStreamId, status::kStatus, status::kPlayStop, "stopped"));
                    served = true;
                }
            }
            messages.clear();
        }
        QVERIFY(served);
        socket->disconnectFromHost();
        if (socket->state() != QAbstractSocket::UnconnectedState) {
            socket->waitForDisconnected(5000);
        }
        QVERIFY(ffmpeg.waitForFinished(20000));
        auto err = QString::fromUtf8(ffmpeg.readAllStandardError());
        QVERIFY2(ffmpeg.exitCode() == 0, qPrintable(err));

        std::map<QString, int> framesPerStream;
        for (const auto& line : QString::fromUtf8(ffmpeg.readAllStandardOutput()).split('\n')) {
            if (!line.isEmpty() && !line.startsWith('#')) {
                ++framesPerStream[line.section(',', 0, 0).trimmed()];
            }
        }
        QCOMPARE(framesPerStream.size(), std::size_t(2));
        std::vector<int> counts;
        for (const auto& [stream, n] : framesPerStream) {
            counts.push_back(n);
        }
        std::sort(counts.begin(), counts.end());
        // 50 video frames and about 87 AAC frames were published.
        QVERIFY2(counts[0] >= 48 && counts[1] >= 84,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(counts[0]).arg(counts[1]).arg(err)));
    }
};

QTEST_GUILESS_MAIN(TestFfmpeg)
#include "tst_rtmp_ffmpeg.moc"
