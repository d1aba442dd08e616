// Chunk reader and writer: round trips at several chunk sizes and chunk stream id forms,
// extended timestamps, interleaved chunk streams, compressed headers, control messages,
// limits, and random/truncated input.

#include <QTest>
#include <random>

#include "protocol/rtmp/chunk_reader.h"
#include "protocol/rtmp/chunk_writer.h"
#include "protocol/rtmp/messages.h"
#include "rtmp_test_support.h"

using namespace regie::rtmp;

namespace {

Bytes payloadOf(std::size_t n, std::uint8_t seed) {
    Bytes p(n);
    for (std::size_t i = 0; i < n; ++i) {
        p[i] = static_cast<std::uint8_t>(seed + i * 7);
    }
    return p;
}

// Splits one writer output into its chunks (the writer's layout is known).
std::vector<Bytes> splitChunks(const Bytes& bytes, const MessageHeader& h, std::size_t payloadSize,
                               std::uint32_t chunkSize) {
    std::size_t basic = h.csid < 64 ? 1 : h.csid < 320 ? 2 : 3;
    std::size_t ext = h.timestamp >= 0xFFFFFF ? 4 : 0;
    std::vector<Bytes> chunks;
    std::size_t pos = 0;
    std::size_t left = payloadSize;
    bool first = true;
    do {
        auto n = std::min<std::size_t>(chunkSize, left);
        auto size = basic + (first ? 11 : 0) + ext + n;
        chunks.emplace_back(bytes.begin() + pos, bytes.begin() + pos + size);
        pos += size;
        left -= n;
        first = false;
    } while (left > 0);
    return chunks;
}

Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts) {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

}  // namespace

class TestChunk : public QObject {
    Q_OBJECT

private slots:
    void roundTripsAtSeveralChunkSizes_data() {
        QTest::addColumn<quint32>("chunkSize");
        for (quint32 size : {1u, 7u, 128u, 4096u, 65536u, 0x7FFFFFFFu}) {
            QTest::addRow("%u", size) << size;
        }
    }

    void roundTripsAtSeveralChunkSizes() {
        QFETCH(quint32, chunkSize);
        std::vector<RtmpMessage> sent;
        std::uint8_t seed = 1;
        for (std::uint32_t csid : {2u, 3u, 63u, 64u, 319u, 320u, 65599u}) {
            for (std::size_t size : {0u, 1u, 127u, 128u, 129u, 3000u}) {
                for (std::uint32_t ts : {0u, 40u, 0xFFFFFEu, 0xFFFFFFu, 0x12345678u, 0xFFFFFFFFu}) {
                    sent.push_back(RtmpMessage{{csid, 9, 1, ts}, payloadOf(size, seed++)});
                }
            }
        }
        auto stream = chunkMessage(setChunkSizeMessage(chunkSize).header,
                                   setChunkSizeMessage(chunkSize).payload, kDefaultChunkSize);
        for (const auto& m : sent) {
            auto before = stream.size();
            appendChunks(stream, m, chunkSize);
            QCOMPARE(stream.size() - before, chunkedSize(m.header, m.payload.size(), chunkSize));
        }

        ChunkReader reader;
        std::vector<RtmpMessage> got;
        // Uneven feeds: message and chunk boundaries never line up with them.
        std::size_t pos = 0;
        std::size_t step = 1;
        while (pos < stream.size()) {
            auto n = std::min(step, stream.size() - pos);
            QVERIFY(reader.feed(ByteSpan(stream).subspan(pos, n), got).ok());
            pos += n;
            step = step * 3 % 1009 + 1;
        }
        QCOMPARE(reader.chunkSize(), chunkSize);
        QCOMPARE(reader.bytesRead(), std::uint64_t(stream.size()));
        QCOMPARE(got.size(), sent.size() + 1);
        QCOMPARE(got[0].header.type(), MessageType::SetChunkSize);
        for (std::size_t i = 0; i < sent.size(); ++i) {
            QVERIFY2(got[i + 1].header == sent[i].header, qPrintable(QString::number(i)));
            QVERIFY(got[i + 1].payload == sent[i].payload);
        }
    }

    void writesSpecLayout() {
        // 300 bytes at chunk size 128 on csid 6 with an extended timestamp.
        MessageHeader h{6, 8, 1, 0x01000000};
        auto bytes = chunkMessage(h, payloadOf(300, 0), 128);
        QCOMPARE(bytes.size(), std::size_t(300 + 1 + 11 + 4 + 2 * (1 + 4)));
        Bytes first = {0x06, 0xFF, 0xFF, 0xFF, 0x00, 0x01, 0x2C, 0x08,
                       0x01, 0,    0,    0,    0x01, 0x00, 0x00, 0x00};
        QVERIFY(std::equal(first.begin(), first.end(), bytes.begin()));
        auto second = bytes.begin() + 16 + 128;
        Bytes continuation = {0xC6, 0x01, 0x00, 0x00, 0x00};
        QVERIFY(std::equal(continuation.begin(), continuation.end(), second));

        auto shared = chunkShared(h, payloadOf(300, 0), 128);
        QVERIFY(*shared == bytes);
    }

    void interleavesChunkStreams() {
        const std::uint32_t cs = 64;
        MessageHeader audio{kAudioCsid, 8, 1, 1000};
        MessageHeader video{kVideoCsid, 9, 1, 0xFFFFFF + 5};
        MessageHeader command{400, 20, 0, 3};
        auto pa = payloadOf(200, 1);
        auto pv = payloadOf(1000, 2);
        auto pc = payloadOf(150, 3);
        auto ca = splitChunks(chunkMessage(audio, pa, cs), audio, pa.size(), cs);
        auto cv = splitChunks(chunkMessage(video, pv, cs), video, pv.size(), cs);
        auto cc = splitChunks(chunkMessage(command, pc, cs), command, pc.size(), cs);
        QCOMPARE(ca.size(), std::size_t(4));
        QCOMPARE(cv.size(), std::size_t(16));

        Bytes stream = chunkMessage(setChunkSizeMessage(cs).header, setChunkSizeMessage(cs).payload,
                                    kDefaultChunkSize);
        std::size_t ia = 0, iv = 0, ic = 0;
        while (ia < ca.size() || iv < cv.size() || ic < cc.size()) {
            if (iv < cv.size()) {
                stream = concat({stream, cv[iv++]});
            }
            if (ia < ca.size()) {
                stream = concat({stream, ca[ia++]});
            }
            if (ic < cc.size() && iv % 2 == 0) {
                stream = concat({stream, cc[ic++]});
            }
        }
        ChunkReader reader;
        std::vector<RtmpMessage> got;
        QVERIFY(reader.feed(stream, got).ok());
        QCOMPARE(got.size(), std::size_t(4));
        // Messages complete in the order their last chunk arrives.
        QVERIFY(got[1].header == audio && got[1].payload == pa);
        QVERIFY(got[2].header == command && got[2].payload == pc);
        QVERIFY(got[3].header == video && got[3].payload == pv);
    }

    void decodesCompressedHeaders() {
        // The spec's audio example: type 0, then type 2 (delta 20), then type 3 reusing it.
        Bytes bytes = {
            0x03, 0x00, 0x03, 0xE8, 0x00, 0x00, 0x02, 0x08, 0x01, 0x00,
            0x00, 0x00, 'a',  'b',  0x83, 0x00, 0x00, 0x14, 'c',  'd',  // fmt 2: delta 20
            0xC3, 'e',  'f',                                      // fmt 3: same delta, new message
            0x43, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x01, 0x09, 'g',  // fmt 1: delta 10, video
            0xC3, 'h',                                            // fmt 3 again
        };
        ChunkReader reader;
        std::vector<RtmpMessage> got;
        QVERIFY(reader.feed(bytes, got).ok());
        QCOMPARE(got.size(), std::size_t(5));
        std::vector<std::uint32_t> ts = {1000, 1020, 1040, 1050, 1060};
        for (std::size_t i = 0; i < ts.size(); ++i) {
            QCOMPARE(got[i].header.timestamp, ts[i]);
            QCOMPARE(got[i].header.streamId, std::uint32_t(1));
            QCOMPARE(got[i].header.csid, std::uint32_t(3));
        }
        QCOMPARE(got[2].payload, Bytes({'e', 'f'}));
        QCOMPARE(got[3].header.typeId, std::uint8_t(9));
        QCOMPARE(got[4].payload, Bytes({'h'}));
    }

    void extendedDeltasAndTimestampWrap() {
        Bytes bytes = {
            // fmt 0, extended absolute 0xFFFFFFF0, 1 byte
            0x04,
            0xFF,
            0xFF,
            0xFF,
            0x00,
            0x00,
            0x01,
            0x08,
            0x01,
            0x00,
            0x00,
            0x00,
            0xFF,
            0xFF,
            0xFF,
            0xF0,
            'x',
            // fmt 2, delta 0x20: wraps to 0x10
            0x84,
            0x00,
            0x00,
            0x20,
            'y',
            // fmt 2, extended delta 0x01000000
            0x84,
            0xFF,
            0xFF,
            0xFF,
            0x01,
            0x00,
            0x00,
            0x00,
            'z',
            // fmt 3 new message: carries the extended delta again and adds it
            0xC4,
            0x01,
            0x00,
            0x00,
            0x00,
            'w',
        };
        ChunkReader reader;
        std::vector<RtmpMessage> got;
        QVERIFY(reader.feed(bytes, got).ok());
        QCOMPARE(got.size(), std::size_t(4));
        QCOMPARE(got[0].header.timestamp, 0xFFFFFFF0u);
        QCOMPARE(got[1].header.timestamp, 0x10u);
        QCOMPARE(got[2].header.timestamp, 0x01000010u);
        QCOMPARE(got[3].header.timestamp, 0x02000010u);
        QCOMPARE(got[3].payload, Bytes({'w'}));
    }

    void appliesSetChunkSizeWithinOneFeed() {
        auto a = payloadOf(500, 9);
        MessageHeader h{kVideoCsid, 9, 1, 5};
        auto stream = concat(
            {chunkMessage(setChunkSizeMessage(300).header, setChunkSizeMessage(300).payload, 128),
             chunkMessage(h, a, 300)});
        ChunkReader reader;
        std::vector<RtmpMessage> got;
        QVERIFY(reader.feed(stream, got).ok());
        QCOMPARE(got.size(), std::size_t(2));
        QVERIFY(got[1].payload == a);
    }

    void abortDropsThePartialMessage() {
        MessageHeader h{kVideoCsid, 9, 1, 5};
        auto big = chunkMessage(h, payloadOf(300, 1), 128);
        auto small = chunkMessage(h, payloadOf(10, 2), 128);
        Bytes firstChunk(big.begin(), big.begin() + 12 + 128);
        auto abort =
            chunkMessage(abortMessage(kVideoCsid).header, abortMessage(kVideoCsid).payload, 128);
        ChunkReader reader;
        std::vector<RtmpMessage> got;
        QVERIFY(reader.feed(concat({firstChunk, abort, small}), got).ok());
        QCOMPARE(got.size(), std::size_t(2));
        QCOMPARE(got[0].header.type(), MessageType::Abort);
        QVERIFY(got[1].payload == payloadOf(10, 2));
    }

    void refusesMalformedStreams_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("why");
        QTest::newRow("fmt 2 on a new csid")
            << QByteArray("\x83\x00\x00\x01", 4) << "without a length";
        QTest::newRow("fmt 3 on a new csid") << QByteArray("\xC3", 1) << "without a length";
        QTest::newRow("oversized message")
            << QByteArray("\x03\x00\x00\x00\xFF\xFF\xFF\x09\x01\x00\x00\x00", 12) << "exceeds";
        QTest::newRow("chunk size zero")
            << QByteArray("\x02\x00\x00\x00\x00\x00\x04\x01\x00\x00\x00\x00\x00\x00\x00\x00", 16)
            << "chunk size 0";
        QTest::newRow("short set chunk size")
            << QByteArray("\x02\x00\x00\x00\x00\x00\x02\x01\x00\x00\x00\x00\x00\x10", 14)
            << "truncated";
        QTest::newRow("header mid-message")
            << QByteArray("\x03\x00\x00\x00\x00\x00\xFF\x09\x01\x00\x00\x00", 12) +
                   QByteArray(128, 'a') + QByteArray("\x43\x00\x00\x00\x00\x00\x01\x09", 8)
            << "before its message completed";
    }

    void refusesMalformedStreams() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, why);
        ChunkReaderLimits limits;
        limits.maxMessageSize = 1 << 20;
        ChunkReader reader(limits);
        std::vector<RtmpMessage> got;
        auto status = reader.feed(Bytes(bytes.begin(), bytes.end()), got);
        QVERIFY(!status.ok());
        QVERIFY2(QString::fromStdString(status.error().message).contains(why),
                 status.error().message.c_str());
        // A failed reader stays failed.
        Bytes valid = chunkMessage({3, 20, 0, 0}, payloadOf(3, 0), 128);
        QVERIFY(!reader.feed(valid, got).ok());
    }

    void limitsChunkStreamsAndBufferedBytes() {
        ChunkReaderLimits limits;
        limits.maxChunkStreams = 4;
        ChunkReader reader(limits);
        std::vector<RtmpMessage> got;
        Bytes stream;
        for (std::uint32_t csid = 3; csid < 8; ++csid) {
            appendChunks(stream, {csid, 9, 1, 0}, payloadOf(4, 0), 128);
        }
        auto status = reader.feed(stream, got);
        QVERIFY(!status.ok());
        QCOMPARE(got.size(), std::size_t(4));

        limits = {};
        limits.maxBufferedBytes = 1000;
        ChunkReader partial(limits);
        Bytes many;
        // First chunks of 10 messages of 500 bytes each: 1280 bytes pending in all.
        for (std::uint32_t csid = 3; csid < 13; ++csid) {
            auto m = chunkMessage({csid, 9, 1, 0}, payloadOf(500, 0), 128);
            many.insert(many.end(), m.begin(), m.begin() + 12 + 128);
        }
        status = partial.feed(many, got);
        QVERIFY(!status.ok());
        QVERIFY(QString::fromStdString(status.error().message).contains("partially"));
    }

    void randomSplitsGiveTheSameMessages() {
        std::mt19937 rng(99);
        Bytes stream =
            chunkMessage(setChunkSizeMessage(100).header, setChunkSizeMessage(100).payload, 128);
        std::vector<RtmpMessage> sent;
        for (int i = 0; i < 60; ++i) {
            RtmpMessage m{{std::uint32_t(3 + rng() % 400), std::uint8_t(8 + rng() % 2), 1,
                           std::uint32_t(rng())},
                          rtmp_test::randomBytes(rng, rng() % 700)};
            appendChunks(stream, m, 100);
            sent.push_back(std::move(m));
        }
        for (int round = 0; round < 50; ++round) {
            ChunkReader reader;
            std::vector<RtmpMessage> got;
            std::size_t pos = 0;
            while (pos < stream.size()) {
                auto n = std::min<std::size_t>(1 + rng() % 300, stream.size() - pos);
                QVERIFY(reader.feed(ByteSpan(stream).subspan(pos, n), got).ok());
                pos += n;
            }
            QCOMPARE(got.size(), sent.size() + 1);
            for (std::size_t i = 0; i < sent.size(); ++i) {
                QVERIFY(got[i + 1].header == sent[i].header);
                QVERIFY(got[i + 1].payload == sent[i].payload);
            }
        }
    }

    void randomAndTruncatedInputNeverCrashes() {
        std::mt19937 rng(2024);
        Bytes valid;
        for (int i = 0; i < 20; ++i) {
            appendChunks(valid,
                         {std::uint32_t(2 + i % 5), std::uint8_t(8 + i % 3), 1,
                          std::uint32_t(i * 0x1000000)},
                         rtmp_test::randomBytes(rng, rng() % 400), 128);
        }
        for (std::size_t cut = 0; cut <= valid.size(); cut += 7) {
            ChunkReader reader;
            std::vector<RtmpMessage> got;
            QVERIFY(reader.feed(ByteSpan(valid).first(cut), got).ok());
            QVERIFY(got.size() <= 20);
        }
        int failures = 0;
        for (int i = 0; i < 2000; ++i) {
            ChunkReaderLimits limits;
            limits.maxMessageSize = 64 * 1024;
            ChunkReader reader(limits);
            std::vector<RtmpMessage> got;
            auto bytes = i % 2 ? rtmp_test::randomBytes(rng, rng() % 2000) : valid;
            if (i % 2 == 0) {
                for (int flips = 0; flips < 6; ++flips) {
                    bytes[rng() % bytes.size()] = static_cast<std::uint8_t>(rng());
                }
            }
            auto status = reader.feed(bytes, got);
            if (!status.ok()) {
                ++failures;
                QVERIFY(!status.error().message.empty());
            }
            for (const auto& m : got) {
                QVERIFY(m.payload.size() <= limits.maxMessageSize);
            }
        }
        QVERIFY(failures > 0);
    }
};

QTEST_GUILESS_MAIN(TestChunk)
#include "tst_rtmp_chunk.moc"
