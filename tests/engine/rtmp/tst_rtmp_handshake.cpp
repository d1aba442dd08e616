// Handshake: plain both ways, the Flash digest form checked with an independent HMAC
// implementation of what Flash/ffmpeg do, the plain fallback, and a real ffmpeg player that
// verifies our S1/S2 digests before it sends connect.

#include <openssl/evp.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <array>
#include <cstring>
#include <optional>
#include <random>

#include "protocol/rtmp/chunk_reader.h"
#include "protocol/rtmp/handshake.h"
#include "protocol/rtmp/messages.h"
#include "rtmp_test_support.h"

using namespace regie::rtmp;
using rtmp_test::q;

namespace {

const std::array<std::uint8_t, 32> kTail = {
    0xF0, 0xEE, 0xC2, 0x4A, 0x80, 0x68, 0xBE, 0xE8, 0x2E, 0x00, 0xD0, 0xD1, 0x02, 0x9E, 0x7E, 0x57,
    0x6E, 0xEC, 0x5D, 0x2D, 0x29, 0x80, 0x6F, 0xAB, 0x93, 0xB8, 0xE6, 0x36, 0xCF, 0xEB, 0x31, 0xAE};

Bytes key(const char* text, bool tail) {
    Bytes k(text, text + std::strlen(text));
    if (tail) {
        k.insert(k.end(), kTail.begin(), kTail.end());
    }
    return k;
}
const Bytes kPlayerKey = key("Genuine Adobe Flash Player 001", false);
const Bytes kServerKey = key("Genuine Adobe Flash Media Server 001", false);
const Bytes kServerKeyFull = key("Genuine Adobe Flash Media Server 001", true);

Bytes hmac(const Bytes& k, ByteSpan data) {
    Bytes out(32);
    std::size_t len = 0;
    EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, k.data(), k.size(), data.data(),
              data.size(), out.data(), out.size(), &len);
    return out;
}

std::size_t offsetFor(ByteSpan block, int scheme) {
    std::size_t base = scheme == 0 ? 8 : 772;
    return (block[base] + block[base + 1] + block[base + 2] + block[base + 3]) % 728 + base + 4;
}

Bytes digestWithout(ByteSpan block, std::size_t offset, const Bytes& k) {
    Bytes rest(block.begin(), block.begin() + offset);
    rest.insert(rest.end(), block.begin() + offset + 32, block.end());
    return hmac(k, rest);
}

// C0+C1 the way ffmpeg's client builds it: Flash Player version, digest at the scheme offset.
Bytes flashC0C1(int scheme, std::mt19937& rng) {
    Bytes c = rtmp_test::randomBytes(rng, 1 + kHandshakeSize);
    c[0] = 3;
    std::fill(c.begin() + 1, c.begin() + 5, 0);
    Bytes version = {9, 0, 124, 2};
    std::copy(version.begin(), version.end(), c.begin() + 5);
    ByteSpan c1(c.data() + 1, kHandshakeSize);
    auto offset = offsetFor(c1, scheme);
    auto digest = digestWithout(c1, offset, kPlayerKey);
    std::copy(digest.begin(), digest.end(), c.begin() + 1 + offset);
    return c;
}

}  // namespace

class TestHandshake : public QObject {
    Q_OBJECT

private slots:
    void plainBothSidesByteByByte() {
        ClientHandshake client;
        ServerHandshake server;
        auto c0c1 = client.start();
        QCOMPARE(c0c1.size(), std::size_t(1537));
        QCOMPARE(c0c1[0], std::uint8_t(3));

        Bytes toClient;
        for (auto b : c0c1) {
            QVERIFY(server.feed(ByteSpan(&b, 1), toClient).ok());
        }
        QCOMPARE(server.mode(), HandshakeMode::Plain);
        QCOMPARE(toClient.size(), std::size_t(1 + 2 * kHandshakeSize));
        // Plain S2 echoes C1.
        QVERIFY(std::equal(c0c1.begin() + 1, c0c1.end(), toClient.begin() + 1 + kHandshakeSize));

        Bytes toServer;
        QVERIFY(client.feed(ByteSpan(toClient).first(1000), toServer).ok());
        QVERIFY(toServer.empty());
        QVERIFY(client.feed(ByteSpan(toClient).subspan(1000), toServer).ok());
        QVERIFY(client.done());
        QCOMPARE(toServer.size(), kHandshakeSize);

        Bytes extra = {0x03, 0xAA, 0xBB};
        toServer.insert(toServer.end(), extra.begin(), extra.end());
        Bytes none;
        QVERIFY(server.feed(toServer, none).ok());
        QVERIFY(none.empty());
        QVERIFY(server.done());
        QCOMPARE(server.takeLeftover(), extra);
        QVERIFY(server.takeLeftover().empty());

        // Bytes arriving after the handshake still land in the leftover.
        Bytes later = {1, 2};
        QVERIFY(server.feed(later, none).ok());
        QCOMPARE(server.takeLeftover(), later);
    }

    void digestHandshakeSignsLikeFlashMediaServer_data() {
        QTest::addColumn<int>("scheme");
        QTest::newRow("scheme 0") << 0;
        QTest::newRow("scheme 1") << 1;
    }

    void digestHandshakeSignsLikeFlashMediaServer() {
        QFETCH(int, scheme);
        std::mt19937 rng(42 + scheme);
        for (int round = 0; round < 20; ++round) {
            auto c0c1 = flashC0C1(scheme, rng);
            ServerHandshake server;
            Bytes out;
            QVERIFY(server.feed(c0c1, out).ok());
            QCOMPARE(server.mode(), HandshakeMode::Digest);
            QCOMPARE(out.size(), std::size_t(1 + 2 * kHandshakeSize));
            QCOMPARE(out[0], std::uint8_t(3));
            ByteSpan s1(out.data() + 1, kHandshakeSize);
            ByteSpan s2(out.data() + 1 + kHandshakeSize, kHandshakeSize);
            QVERIFY(s1[4] >= 3);  // players verify digests only from servers >= 3.0

            auto s1Offset = offsetFor(s1, scheme);
            auto s1Digest = digestWithout(s1, s1Offset, kServerKey);
            QVERIFY(std::equal(s1Digest.begin(), s1Digest.end(), s1.begin() + s1Offset));

            ByteSpan c1(c0c1.data() + 1, kHandshakeSize);
            auto c1Offset = offsetFor(c1, scheme);
            auto s2Key = hmac(kServerKeyFull, c1.subspan(c1Offset, 32));
            auto signature = hmac(s2Key, s2.first(kHandshakeSize - 32));
            QVERIFY(std::equal(signature.begin(), signature.end(), s2.end() - 32));
        }
    }

    void fallsBackToPlainWithoutValidDigest() {
        std::mt19937 rng(7);
        auto c0c1 = flashC0C1(0, rng);
        c0c1[200] ^= 0xFF;  // breaks the digest (byte 200 is inside the signed data)
        c0c1[1 + 780] ^= 0xFF;
        ServerHandshake server;
        Bytes out;
        QVERIFY(server.feed(c0c1, out).ok());
        QCOMPARE(server.mode(), HandshakeMode::Plain);
        QVERIFY(std::equal(c0c1.begin() + 1, c0c1.end(), out.begin() + 1 + kHandshakeSize));
        QCOMPARE(out[1 + 4], std::uint8_t(0));
    }

    void refusesOtherVersions() {
        ServerHandshake server;
        Bytes c0c1(1537, 0);
        c0c1[0] = 6;  // RTMPE
        Bytes out;
        QVERIFY(!server.feed(c0c1, out).ok());
        QVERIFY(out.empty());
        QVERIFY(!server.feed(c0c1, out).ok());
        QVERIFY(!server.done());

        ClientHandshake client;
        (void)client.start();
        Bytes reply(1537, 0);
        reply[0] = 9;
        QVERIFY(!client.feed(reply, out).ok());
    }

    void randomBytesFailOrWaitButNeverCrash() {
        std::mt19937 rng(3);
        int failures = 0;
        for (int i = 0; i < 300; ++i) {
            auto bytes = rtmp_test::randomBytes(rng, rng() % 5000);
            if (i % 2 && !bytes.empty()) {
                bytes[0] = kRtmpVersion;
            }
            ServerHandshake server;
            Bytes out;
            std::size_t pos = 0;
            bool failed = false;
            while (pos < bytes.size() && !failed) {
                auto n = std::min<std::size_t>(1 + rng() % 2000, bytes.size() - pos);
                failed = !server.feed(ByteSpan(bytes).subspan(pos, n), out).ok();
                pos += n;
            }
            failures += failed ? 1 : 0;
            QCOMPARE(server.done(), !failed && bytes.size() >= 1 + 2 * kHandshakeSize);
            if (server.done()) {
                QCOMPARE(server.takeLeftover().size(), bytes.size() - 1 - 2 * kHandshakeSize);
            }
        }
        QVERIFY(failures > 0);
    }

    void realFfmpegPlayerAcceptsOurDigests() {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QProcess ffmpeg;
        ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
        ffmpeg.start("ffmpeg",
                     {"-hide_banner", "-loglevel", "debug", "-rw_timeout", "10000000", "-i",
                      QStringLiteral("rtmp://127.0.0.1:%1/live/test").arg(listener.serverPort()),
                      "-t", "1", "-f", "null", "-"});
        QVERIFY2(ffmpeg.waitForStarted(5000), "ffmpeg must be installed");
        QVERIFY(listener.waitForNewConnection(10000));
        QTcpSocket* socket = listener.nextPendingConnection();

        ServerHandshake handshake;
        ChunkReader reader;
        std::vector<RtmpMessage> messages;
        std::optional<Command> connect;
        QElapsedTimer timer;
        timer.start();
        while (!connect && timer.elapsed() < 15000) {
            if (socket->bytesAvailable() == 0 && !socket->waitForReadyRead(500)) {
                if (socket->state() != QAbstractSocket::ConnectedState) {
                    break;
                }
                continue;
            }
            auto chunk = socket->readAll();
            Bytes in(chunk.begin(), chunk.end());
            if (!handshake.done()) {
                Bytes out;
                QVERIFY(handshake.feed(in, out).ok());
                socket->write(reinterpret_cast<const char*>(out.data()),
                              static_cast<qint64>(out.size()));
                socket->flush();
                if (!handshake.done()) {
                    continue;
                }
                in = handshake.takeLeftover();
            }
            QVERIFY(reader.feed(in, messages).ok());
            for (const auto& m : messages) {
                if (m.header.type() == MessageType::CommandAmf0) {
                    auto command = parseCommand(m);
                    QVERIFY(command.ok());
                    connect = command.value();
                }
            }
        }
        ffmpeg.kill();
        ffmpeg.waitForFinished(5000);
        auto log = QString::fromUtf8(ffmpeg.readAll());
        QVERIFY2(connect.has_value(), qPrintable(log.right(2000)));
        QCOMPARE(handshake.mode(), HandshakeMode::Digest);
        QCOMPARE(q(connect->name), QStringLiteral("connect"));
        auto request = parseConnect(*connect);
        QVERIFY(request.ok());
        QCOMPARE(q(request.value().app), QStringLiteral("live"));
        QVERIFY(!log.contains("validating failed"));
        QVERIFY(!log.contains("Signature mismatch"));
    }
};

QTEST_GUILESS_MAIN(TestHandshake)
#include "tst_rtmp_handshake.moc"
