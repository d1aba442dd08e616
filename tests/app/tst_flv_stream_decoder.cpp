// FlvStreamDecoder, the console preview's HTTP-FLV reader, on a real ffmpeg-written FLV file
// fed in pieces of every awkward size: the same pictures and the sound come out, whatever the
// cuts.
#include <QFile>
#include <QTest>

#include "flv_stream_decoder.h"

namespace {

QByteArray fixture() {
    QFile file(QStringLiteral(REGIE_SOURCE_DIR "/tests/engine/codec/data/h264_aac_640x360.flv"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Decoded {
    int pictures = 0;
    int width = 0;
    int soundFrames = 0;
    bool fed = true;
};

Decoded decodeInPieces(const QByteArray& bytes, qsizetype piece) {
    Decoded out;
    FlvStreamDecoder decoder(
        [&](AVFrame& picture) {
            ++out.pictures;
            out.width = picture.width;
        },
        [&](AVFrame&) { ++out.soundFrames; });
    for (qsizetype at = 0; at < bytes.size() && out.fed; at += piece) {
        const QByteArray part = bytes.mid(at, piece);
        out.fed = decoder.feed({reinterpret_cast<const std::uint8_t*>(part.constData()),
                                static_cast<std::size_t>(part.size())});
    }
    return out;
}

}  // namespace

class TestFlvStreamDecoder : public QObject {
    Q_OBJECT

private slots:
    void thePicturesAndTheSoundComeOut_data() {
        QTest::addColumn<qsizetype>("piece");
        for (qsizetype piece : {1, 7, 13, 4096, 1 << 20}) {
            QTest::addRow("%lld bytes", static_cast<long long>(piece)) << piece;
        }
    }

    void thePicturesAndTheSoundComeOut() {
        QFETCH(qsizetype, piece);
        const QByteArray flv = fixture();
        QVERIFY(!flv.isEmpty());
        const Decoded decoded = decodeInPieces(flv, piece);
        QVERIFY(decoded.fed);
        // make_fixtures.sh: 12 pictures of 640x360 with two B-frames and (ffprobe counts) two
        // AAC packets. The last two pictures stay in the decoder's reorder buffer: a live
        // stream is never flushed.
        QCOMPARE(decoded.pictures, 10);
        QCOMPARE(decoded.width, 640);
        QCOMPARE(decoded.soundFrames, 2);
    }

    void somethingElseIsNotFlv() {
        const Decoded decoded = decodeInPieces(QByteArray("<html>not a stream</html>"), 64);
        QVERIFY(!decoded.fed);
    }
};

QTEST_GUILESS_MAIN(TestFlvStreamDecoder)
#include "tst_flv_stream_decoder.moc"
