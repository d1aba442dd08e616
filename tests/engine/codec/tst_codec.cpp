// Codec parameter parsing against real encoder output (see data/make_fixtures.sh): picture
// sizes, frame rates, profiles and levels must equal what ffprobe reports for the fixtures.

#include <QTest>
#include <algorithm>
#include <random>

#include "codec_test_support.h"
#include "media/codec/aac.h"
#include "media/codec/audio.h"
#include "media/codec/codec.h"
#include "media/codec/h264.h"
#include "media/codec/h265.h"
#include "media/codec/nalu.h"

using namespace regie::media;
using codec_test::readFixture;
using regie::flv::PacketKind;
using regie::flv::TagType;

namespace {

Bytes toBytes(ByteView v) {
    return {v.begin(), v.end()};
}

struct HevcParameterSets {
    std::vector<Bytes> vps, sps, pps;
    std::vector<ByteView> vcl;
};

HevcParameterSets hevcUnits(const Bytes& stream) {
    HevcParameterSets sets;
    // Parameter sets of the first access unit; x265 repeats them at every keyframe.
    for (ByteView nal : splitAnnexB(stream)) {
        if (!sets.vcl.empty() && h265::isParameterSet(nal[0])) {
            continue;
        }
        switch (h265::nalType(nal[0])) {
            case h265::NalType::Vps:
                sets.vps.push_back(toBytes(nal));
                break;
            case h265::NalType::Sps:
                sets.sps.push_back(toBytes(nal));
                break;
            case h265::NalType::Pps:
                sets.pps.push_back(toBytes(nal));
                break;
            default:
                if (static_cast<int>(h265::nalType(nal[0])) < 32) {
                    sets.vcl.push_back(nal);
                }
        }
    }
    return sets;
}

// Truncations at every length, then random byte corruptions: the parser must return (value or
// error) without reading out of bounds. Run under the asan preset to make that observable.
template <typename Parse>
void fuzz(const Bytes& seed, Parse parse) {
    for (std::size_t n = 0; n <= seed.size(); ++n) {
        Bytes cut(seed.begin(), seed.begin() + static_cast<std::ptrdiff_t>(n));
        (void)parse(ByteView(cut));
    }
    std::mt19937 rng(12345);
    for (int i = 0; i < 3000 && !seed.empty(); ++i) {
        Bytes mutated = seed;
        int flips = 1 + static_cast<int>(rng() % 4);
        for (int f = 0; f < flips; ++f) {
            mutated[rng() % mutated.size()] = static_cast<std::uint8_t>(rng());
        }
        (void)parse(ByteView(mutated));
    }
}

}  // namespace

class TestCodec : public QObject {
    Q_OBJECT

private slots:
    void codecIdsFollowZlm() {
        QCOMPARE(static_cast<int>(CodecId::H264), 0);
        QCOMPARE(static_cast<int>(CodecId::H265), 1);
        QCOMPARE(static_cast<int>(CodecId::AAC), 2);
        QCOMPARE(static_cast<int>(CodecId::G711A), 3);
        QCOMPARE(static_cast<int>(CodecId::G711U), 4);
        QCOMPARE(static_cast<int>(CodecId::Opus), 5);
        QCOMPARE(static_cast<int>(CodecId::VP8), 7);
        QCOMPARE(static_cast<int>(CodecId::MP3), 14);
        QCOMPARE(codecName(CodecId::AAC), std::string_view("mpeg4-generic"));
        QCOMPARE(codecName(CodecId::G711A), std::string_view("PCMA"));
        QCOMPARE(codecName(CodecId::G711U), std::string_view("PCMU"));
        QCOMPARE(codecName(CodecId::Opus), std::string_view("opus"));
        QVERIFY(codecTrackType(CodecId::H265) == TrackType::Video);
        QVERIFY(codecTrackType(CodecId::MP3) == TrackType::Audio);
        QVERIFY(codecTrackType(CodecId::VP8) == TrackType::Video);
        QCOMPARE(codecName(CodecId::VP8), std::string_view("VP8"));
        QVERIFY(codecFromName("H265") == CodecId::H265);
        QVERIFY(codecFromName("VP8") == CodecId::VP8);
        QVERIFY(!codecFromName("VP9"));
    }

    void bitReaderExpGolomb() {
        // 1 | 010 | 011 | 00100 | 00101 -> ue 0, 1, 2, 3; then se of 00101 (k=4) = -2.
        const Bytes data{0b1010'0110, 0b0100'0010, 0b1000'0000};
        BitReader r(data);
        QCOMPARE(r.ue(), 0u);
        QCOMPARE(r.ue(), 1u);
        QCOMPARE(r.ue(), 2u);
        QCOMPARE(r.ue(), 3u);
        QCOMPARE(r.se(), -2);
        QVERIFY(!r.failed());
        QCOMPARE(r.bits(8), 0u);  // only 3 bits left
        QVERIFY(r.failed());
        const Bytes zeros(8, 0);
        BitReader z(zeros);
        z.ue();
        QVERIFY(z.failed());
    }

    void rbspUnescape() {
        const Bytes escaped{0x67, 0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x03, 0x00, 0x03};
        const Bytes expected{0x67, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x03};
        QVERIFY(unescapeRbsp(escaped) == expected);
    }

    void h264SpsMatchesFfprobe_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("fps");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("level");
        QTest::newRow("640x360 High") << "h264_aac_640x360.flv" << 640 << 360 << 30.0 << "High"
                                      << "3";
        QTest::newRow("1366x768 Main") << "h264_1366x768.flv" << 1366 << 768 << 50.0 << "Main"
                                       << "3.2";
        QTest::newRow("854x480 Baseline")
            << "h264_854x480.flv" << 854 << 480 << 25.0 << "Constrained Baseline"
            << "3";
    }

    void h264SpsMatchesFfprobe() {
        QFETCH(QString, file);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fps);
        QFETCH(QString, profile);
        QFETCH(QString, level);
        Bytes flv = readFixture(file.toStdString());
        auto tags = codec_test::readFlvTags(flv);
        auto config = codec_test::firstFrame(tags, TagType::Video, PacketKind::Config);
        auto record = h264::parseAvcConfig(config.payload);
        QVERIFY2(record.ok(), record.ok() ? "" : record.error().message.c_str());
        QCOMPARE(record.value().nalLengthSize, 4);
        QCOMPARE(record.value().sps.size(), std::size_t(1));
        QCOMPARE(record.value().pps.size(), std::size_t(1));
        auto sps = h264::parseSps(record.value().sps.front());
        QVERIFY(sps.ok());
        TrackInfo info = h264::trackInfo(sps.value());
        QCOMPARE(info.width, width);
        QCOMPARE(info.height, height);
        QCOMPARE(info.fps, fps);
        QCOMPARE(QString::fromStdString(info.profile), profile);
        QCOMPARE(QString::fromStdString(info.level), level);
        QCOMPARE(info.bitDepth, 8);
        QVERIFY(sps.value().codedWidth % 16 == 0 && sps.value().codedWidth >= width);

        auto rebuilt = h264::buildAvcConfig(record.value().sps, record.value().pps);
        QVERIFY(rebuilt.ok());
        QVERIFY(rebuilt.value() == toBytes(config.payload));
    }

    void h264NalUnitsAndAnnexB() {
        Bytes flv = readFixture("h264_aac_640x360.flv");
        auto tags = codec_test::readFlvTags(flv);
        int keyframes = 0;
        int frames = 0;
        for (const auto& tag : tags) {
            if (tag.header.type != TagType::Video) {
                continue;
            }
            auto frame = regie::flv::parseVideoTag(tag.body, tag.header.timestamp);
            QVERIFY(frame.ok());
            if (frame.value().kind != PacketKind::Coded) {
                continue;
            }
            ++frames;
            auto units = splitLengthPrefixed(frame.value().payload, 4);
            QVERIFY(units.ok());
            bool idr = std::any_of(units.value().begin(), units.value().end(),
                                   [](ByteView nal) { return h264::isIdr(nal[0]); });
            QCOMPARE(idr, frame.value().keyframe);
            keyframes += idr ? 1 : 0;
            if (frames == 1) {
                // x264 puts its version SEI in the first access unit.
                QVERIFY(h264::nalType(units.value().front()[0]) == h264::NalType::Sei);
            }
            auto annexB = lengthPrefixedToAnnexB(frame.value().payload, 4);
            QVERIFY(annexB.ok());
            auto split = splitAnnexB(annexB.value());
            QCOMPARE(split.size(), units.value().size());
            QVERIFY(annexBToLengthPrefixed(annexB.value()) == toBytes(frame.value().payload));
        }
        QCOMPARE(frames, 12);    // -frames:v 12
        QCOMPARE(keyframes, 2);  // -g 10
        QVERIFY(!splitLengthPrefixed(Bytes{0, 0, 0, 9, 1}, 4).ok());
        QVERIFY(!splitLengthPrefixed(Bytes{0, 1}, 3).ok());
        const Bytes threeByteStartCodes{0xaa, 0, 0, 1, 0x65, 1, 0, 0, 1, 0x41, 2, 0, 0};
        auto split = splitAnnexB(threeByteStartCodes);
        QCOMPARE(split.size(), std::size_t(2));
        QCOMPARE(split[1].size(), std::size_t(2));
    }

    void h265ParametersMatchFfprobe_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("fps");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("level");
        QTest::addColumn<int>("bitDepth");
        QTest::newRow("854x480 Main") << "h265_854x480.hevc" << 854 << 480 << 25.0 << "Main"
                                      << "3" << 8;
        QTest::newRow("1366x768 Main 10")
            << "h265_1366x768_main10.hevc" << 1366 << 768 << 30000.0 / 1001 << "Main 10"
            << "4" << 10;
    }

    void h265ParametersMatchFfprobe() {
        QFETCH(QString, file);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fps);
        QFETCH(QString, profile);
        QFETCH(QString, level);
        QFETCH(int, bitDepth);
        Bytes stream = readFixture(file.toStdString());
        HevcParameterSets sets = hevcUnits(stream);
        QCOMPARE(sets.vps.size(), std::size_t(1));
        QCOMPARE(sets.sps.size(), std::size_t(1));
        auto vps = h265::parseVps(sets.vps.front());
        QVERIFY(vps.ok());
        auto sps = h265::parseSps(sets.sps.front());
        QVERIFY(sps.ok());
        TrackInfo info = h265::trackInfo(sps.value(), &vps.value());
        QCOMPARE(info.width, width);
        QCOMPARE(info.height, height);
        QCOMPARE(info.fps, fps);
        QCOMPARE(QString::fromStdString(info.profile), profile);
        QCOMPARE(QString::fromStdString(info.level), level);
        QCOMPARE(info.bitDepth, bitDepth);
        QVERIFY(sps.value().fps > 0);  // from the SPS VUI; x265 writes no VPS timing
        QVERIFY(!sets.vcl.empty());
        QVERIFY(h265::isIrap(sets.vcl.front()[0]));
        QVERIFY(h265::isIdr(sets.vcl.front()[0]));
        QVERIFY(!h265::isCra(sets.vcl.front()[0]));

        h265::Sps noTiming = sps.value();
        noTiming.fps = 0;
        h265::Vps withTiming = vps.value();
        withTiming.numUnitsInTick = 1;
        withTiming.timeScale = 50;
        QCOMPARE(h265::trackInfo(noTiming, &withTiming).fps, 50.0);
    }

    void h265ConfigRecordMatchesFfmpeg() {
        HevcParameterSets sets = hevcUnits(readFixture("h265_854x480.hevc"));
        Bytes hvcc = readFixture("h265_854x480.hvcc");
        auto built = h265::buildHevcConfig(sets.vps, sets.sps, sets.pps);
        QVERIFY(built.ok());
        QVERIFY(built.value() == hvcc);

        auto parsed = h265::parseHevcConfig(hvcc);
        QVERIFY(parsed.ok());
        const auto& c = parsed.value();
        QCOMPARE(c.ptl.profileIdc, 1);
        QCOMPARE(c.ptl.levelIdc, 90);
        QCOMPARE(c.nalLengthSize, 4);
        QCOMPARE(c.chromaFormat, 1);
        QCOMPARE(c.arrays.size(), std::size_t(3));
        QVERIFY(c.units(h265::NalType::Sps) != nullptr);
        QVERIFY(*c.units(h265::NalType::Sps) == sets.sps);
        QVERIFY(*c.units(h265::NalType::Pps) == sets.pps);
        QVERIFY(c.units(h265::NalType::SeiPrefix) == nullptr);
        QVERIFY(!h265::buildHevcConfig({}, sets.sps, sets.pps).ok());

        // An encoder's header SEI is kept as a fourth array.
        const std::vector<Bytes> sei{{39 << 1, 1, 5, 1, 0x80}};
        auto withSei = h265::buildHevcConfig(sets.vps, sets.sps, sets.pps, sei);
        QVERIFY(withSei.ok());
        auto reread = h265::parseHevcConfig(withSei.value());
        QVERIFY(reread.ok());
        QCOMPARE(reread.value().arrays.size(), std::size_t(4));
        QVERIFY(*reread.value().units(h265::NalType::SeiPrefix) == sei);
    }

    void aacConfigFromFlv() {
        Bytes flv = readFixture("h264_aac_640x360.flv");
        auto tags = codec_test::readFlvTags(flv);
        auto config = codec_test::firstFrame(tags, TagType::Audio, PacketKind::Config);
        auto asc = aac::parseAudioSpecificConfig(config.payload);
        QVERIFY(asc.ok());
        // ffmpeg's encoder appends an explicit "no SBR" sync extension.
        QCOMPARE(config.payload.size(), std::size_t(5));
        QVERIFY(!asc.value().sbr);
        TrackInfo info = aac::trackInfo(asc.value());
        QCOMPARE(info.sampleRate, 44100);
        QCOMPARE(info.channels, 2);
        QCOMPARE(QString::fromStdString(info.profile), QStringLiteral("LC"));
        QCOMPARE(info.sampleBit, 16);
        QVERIFY(aac::buildAudioSpecificConfig(asc.value()) == toBytes(config.payload.first(2)));
    }

    void heAacConfigs() {
        // HE-AAC, explicit: AOT 5, core 24 kHz (index 6), stereo, SBR 48 kHz (index 3), AOT 2.
        const Bytes he{0x2b, 0x11, 0x88, 0x00};
        auto v1 = aac::parseAudioSpecificConfig(he);
        QVERIFY(v1.ok());
        QVERIFY(v1.value().sbr && !v1.value().ps);
        QCOMPARE(v1.value().objectType, aac::kAotLc);
        QCOMPARE(v1.value().sampleRate, 24000);
        QCOMPARE(aac::trackInfo(v1.value()).sampleRate, 48000);
        QCOMPARE(QString::fromStdString(aac::profileName(v1.value())), QStringLiteral("HE-AAC"));
        QVERIFY(aac::buildAudioSpecificConfig(v1.value()) == he);

        // HE-AACv2: AOT 29, core 22.05 kHz mono, SBR 44.1 kHz; decodes to stereo.
        aac::AudioSpecificConfig ps;
        ps.sbr = true;
        ps.ps = true;
        ps.sampleRate = 22050;
        ps.channelConfig = 1;
        ps.channels = 1;
        ps.extensionSampleRate = 44100;
        Bytes built = aac::buildAudioSpecificConfig(ps);
        QCOMPARE(built.front() >> 3, aac::kAotPs);
        auto v2 = aac::parseAudioSpecificConfig(built);
        QVERIFY(v2.ok());
        TrackInfo info = aac::trackInfo(v2.value());
        QCOMPARE(info.sampleRate, 44100);
        QCOMPARE(info.channels, 2);
        QCOMPARE(QString::fromStdString(info.profile), QStringLiteral("HE-AACv2"));

        // Implicit signalling: LC 22.05 kHz stereo, then sync 0x2b7, AOT 5, SBR, 44.1 kHz.
        BitWriter w;
        w.bits(2, 5);
        w.bits(7, 4);
        w.bits(2, 4);
        w.bits(0, 3);
        w.bits(0x2b7, 11);
        w.bits(5, 5);
        w.bits(1, 1);
        w.bits(4, 4);
        auto implicit = aac::parseAudioSpecificConfig(w.finish());
        QVERIFY(implicit.ok());
        QVERIFY(implicit.value().sbr);
        QCOMPARE(implicit.value().outputSampleRate(), 44100);

        // Explicit sample rate (index 15).
        aac::AudioSpecificConfig odd;
        odd.sampleRate = 37800;
        odd.channelConfig = 1;
        odd.channels = 1;
        auto parsedOdd = aac::parseAudioSpecificConfig(aac::buildAudioSpecificConfig(odd));
        QVERIFY(parsedOdd.ok());
        QCOMPARE(parsedOdd.value().samplingIndex, 15);
        QCOMPARE(parsedOdd.value().sampleRate, 37800);
        QVERIFY(!aac::buildAdtsHeader(odd, 100).ok());
    }

    void adtsFramesMatchFfprobe() {
        Bytes stream = readFixture("aac_48k_mono.adts");
        ByteView rest(stream);
        int frames = 0;
        while (!rest.empty()) {
            auto header = aac::parseAdtsHeader(rest);
            QVERIFY(header.ok());
            QVERIFY(header.value().frameLength <= rest.size());
            QCOMPARE(header.value().sampleRate, 48000);
            QCOMPARE(header.value().channelConfig, 1);
            QCOMPARE(header.value().objectType, aac::kAotLc);
            QVERIFY(!header.value().hasCrc);
            auto config = aac::configFromAdts(header.value());
            QCOMPARE(aac::trackInfo(config).channels, 1);
            auto rebuilt = aac::buildAdtsHeader(
                config, header.value().frameLength - header.value().headerSize);
            QVERIFY(rebuilt.ok());
            QVERIFY(std::equal(rebuilt.value().begin(), rebuilt.value().end(), rest.begin()));
            rest = rest.subspan(header.value().frameLength);
            ++frames;
        }
        QVERIFY(frames >= 4);
        QVERIFY(!aac::parseAdtsHeader(Bytes{0xff, 0xf1, 0x50}).ok());
    }

    void opusHeadFromOgg() {
        Bytes ogg = readFixture("opus_48k.ogg");
        const std::string magic = "OpusHead";
        auto at = std::search(ogg.begin(), ogg.end(), magic.begin(), magic.end());
        QVERIFY(at != ogg.end());
        auto head = opus::parseOpusHead(ByteView(ogg).subspan(at - ogg.begin()));
        QVERIFY(head.ok());
        QCOMPARE(head.value().channels, 2);
        QCOMPARE(head.value().inputSampleRate, 48000u);
        QCOMPARE(head.value().mappingFamily, 0);
        TrackInfo info = opus::trackInfo(head.value());
        QCOMPARE(info.sampleRate, 48000);
        QCOMPARE(info.channels, 2);
        QVERIFY(!opus::parseOpusHead(Bytes{'O', 'p', 'u', 's'}).ok());
    }

    void mp3AndG711FromFlv() {
        Bytes mp3File = readFixture("mp3_44k.flv");
        auto mp3Tags = codec_test::readFlvTags(mp3File);
        auto mp3Frame = codec_test::firstFrame(mp3Tags, TagType::Audio, PacketKind::Coded);
        QVERIFY(mp3Frame.codec == CodecId::MP3);
        auto header = mp3::parseFrameHeader(mp3Frame.payload);
        QVERIFY(header.ok());
        TrackInfo mp3Info = mp3::trackInfo(header.value());
        QCOMPARE(mp3Info.sampleRate, 44100);
        QCOMPARE(mp3Info.channels, 2);
        QCOMPARE(header.value().layer, 3);

        for (auto [file, codec] :
             {std::pair{"g711a.flv", CodecId::G711A}, std::pair{"g711u.flv", CodecId::G711U}}) {
            Bytes flv = readFixture(file);
            auto tags = codec_test::readFlvTags(flv);
            auto frame = codec_test::firstFrame(tags, TagType::Audio, PacketKind::Coded);
            QVERIFY(frame.codec == codec);
            TrackInfo info = g711::trackInfo(frame.codec, frame.channels);
            QCOMPARE(info.sampleRate, 8000);
            QCOMPARE(info.channels, 1);
            QCOMPARE(info.sampleBit, 16);
        }
    }

    void trackStatsFollowGops() {
        TrackStats stats;
        TrackInfo info;
        for (int i = 0; i < 45; ++i) {
            stats.onFrame(1000 + i * 40, i % 15 == 0);
        }
        QCOMPARE(stats.frames(), std::uint64_t(45));
        QCOMPARE(stats.keyFrames(), std::uint64_t(3));
        QCOMPARE(stats.gopSize(), 15);
        QCOMPARE(stats.gopIntervalMs(), std::int64_t(600));
        QCOMPARE(stats.durationMs(), std::int64_t(44 * 40));
        QCOMPARE(stats.reportedFps(info), 25.0);  // no codec fps: from the GOP
        info.fps = 29.97;
        QCOMPARE(stats.reportedFps(info), 30.0);
    }

    void malformedInputNeverCrashes() {
        Bytes file = readFixture("h264_aac_640x360.flv");
        auto tags = codec_test::readFlvTags(file);
        auto avcc = codec_test::firstFrame(tags, TagType::Video, PacketKind::Config);
        auto asc = codec_test::firstFrame(tags, TagType::Audio, PacketKind::Config);
        Bytes avcRecord = toBytes(avcc.payload);
        fuzz(avcRecord, [](ByteView v) { return h264::parseAvcConfig(v).ok(); });
        auto record = h264::parseAvcConfig(avcRecord);
        QVERIFY(record.ok());
        fuzz(record.value().sps.front(), [](ByteView v) { return h264::parseSps(v).ok(); });
        fuzz(toBytes(asc.payload),
             [](ByteView v) { return aac::parseAudioSpecificConfig(v).ok(); });

        HevcParameterSets sets = hevcUnits(readFixture("h265_1366x768_main10.hevc"));
        fuzz(sets.vps.front(), [](ByteView v) { return h265::parseVps(v).ok(); });
        fuzz(sets.sps.front(), [](ByteView v) { return h265::parseSps(v).ok(); });
        fuzz(readFixture("h265_854x480.hvcc"),
             [](ByteView v) { return h265::parseHevcConfig(v).ok(); });
        Bytes adts = readFixture("aac_48k_mono.adts");
        adts.resize(32);
        fuzz(adts, [](ByteView v) { return aac::parseAdtsHeader(v).ok(); });
        fuzz(Bytes{'O',  'p',  'u', 's', 'H', 'e', 'a', 'd', 1, 2, 0x38, 1,
                   0x80, 0xbb, 0,   0,   0,   0,   1,   2,   1, 0, 1},
             [](ByteView v) { return opus::parseOpusHead(v).ok(); });
        Bytes annexB = readFixture("h265_854x480.hevc");
        annexB.resize(400);
        fuzz(annexB, [](ByteView v) { return splitAnnexB(v).size(); });
        fuzz(annexB, [](ByteView v) { return lengthPrefixedToAnnexB(v, 4).ok(); });

        QVERIFY(!h264::parseSps({}).ok());
        QVERIFY(!h265::parseSps(Bytes{0x42}).ok());
        QVERIFY(!aac::parseAudioSpecificConfig({}).ok());
    }
};

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
