// FLV framing and tag bodies: real ffmpeg-written FLV files must parse into normalised frames
// and rebuild byte for byte; H.265 tags (legacy id 12 and Enhanced RTMP), Enhanced RTMP VP8 and
// Opus tags are built from real x265, libvpx and libopus output, then parsed back.

#include <QTest>
#include <random>

#include "codec_test_support.h"
#include "media/codec/audio.h"
#include "media/codec/h265.h"
#include "media/codec/nalu.h"
#include "media/codec/vp8.h"

using namespace regie::flv;
using codec_test::readFixture;
using regie::media::Bytes;
using regie::media::ByteView;
using regie::media::CodecId;
using regie::media::TrackType;

namespace {

Bytes toBytes(ByteView v) {
    return {v.begin(), v.end()};
}

// [tag header + body prefix][payload][PreviousTagSize], as the server would send it.
Bytes writeTag(const Frame& frame, HevcMode mode) {
    auto prefix = buildTagPrefix(frame, mode);
    if (!prefix) {
        return {};
    }
    Bytes out = toBytes(prefix.value().prefix.view());
    out.insert(out.end(), frame.payload.begin(), frame.payload.end());
    auto trailer = buildPreviousTagSize(prefix.value().tagSize);
    out.insert(out.end(), trailer.begin(), trailer.end());
    return out;
}

// The frame points into tagBytes, which must outlive it.
Frame parseTagFrame(Bytes&& tagBytes) = delete;
Frame parseTagFrame(const Bytes& tagBytes) {
    auto tag = parseTag(tagBytes);
    if (!tag || !tag.value()) {
        QTest::qFail("unparsable tag", __FILE__, __LINE__);
        return {};
    }
    const Tag& t = *tag.value();
    auto frame = t.header.type == TagType::Video ? parseVideoTag(t.body, t.header.timestamp)
                                                 : parseAudioTag(t.body, t.header.timestamp);
    if (!frame) {
        QTest::qFail(frame.error().message.c_str(), __FILE__, __LINE__);
        return {};
    }
    return frame.value();
}

struct HevcStream {
    Bytes hvcc;
    std::vector<Bytes> frames;  // one length-prefixed access unit per VCL NAL unit
    std::vector<bool> keyframes;
};

HevcStream hevcStream() {
    namespace h265 = regie::media::h265;
    HevcStream s;
    s.hvcc = readFixture("h265_854x480.hvcc");
    static Bytes annexB = readFixture("h265_854x480.hevc");
    for (ByteView nal : regie::media::splitAnnexB(annexB)) {
        if (static_cast<int>(h265::nalType(nal[0])) < 32) {
            Bytes frame;
            regie::media::appendBe(frame, nal.size(), 4);
            frame.insert(frame.end(), nal.begin(), nal.end());
            s.frames.push_back(std::move(frame));
            s.keyframes.push_back(h265::isIrap(nal[0]));
        }
    }
    return s;
}

// The frames of an IVF file: a 32-byte file header, then each frame after a 12-byte header
// (4 bytes little-endian size, 8 bytes timestamp).
std::vector<Bytes> ivfFrames(const Bytes& ivf) {
    std::vector<Bytes> frames;
    for (std::size_t at = 32; at + 12 <= ivf.size();) {
        const std::size_t size = ivf[at] | (ivf[at + 1] << 8) | (ivf[at + 2] << 16) |
                                 (static_cast<std::size_t>(ivf[at + 3]) << 24);
        at += 12;
        if (at + size > ivf.size()) {
            break;
        }
        frames.emplace_back(ivf.begin() + static_cast<std::ptrdiff_t>(at),
                            ivf.begin() + static_cast<std::ptrdiff_t>(at + size));
        at += size;
    }
    return frames;
}

Bytes opusHead() {
    Bytes ogg = readFixture("opus_48k.ogg");
    const std::string magic = "OpusHead";
    auto at = std::search(ogg.begin(), ogg.end(), magic.begin(), magic.end());
    return {at, std::min(at + 19, ogg.end())};
}

}  // namespace

class TestFlv : public QObject {
    Q_OBJECT

private slots:
    void fileHeader() {
        auto bytes = buildFileHeader(true, true);
        const Bytes expected{'F', 'L', 'V', 1, 5, 0, 0, 0, 9, 0, 0, 0, 0};
        QVERIFY(Bytes(bytes.begin(), bytes.end()) == expected);
        auto parsed = parseFileHeader(readFixture("h264_aac_640x360.flv"));
        QVERIFY(parsed.ok());
        QVERIFY(parsed.value().hasAudio && parsed.value().hasVideo);
        QCOMPARE(parsed.value().dataOffset, 9u);
        auto audioOnly = parseFileHeader(readFixture("g711a.flv"));
        QVERIFY(audioOnly.ok());
        QVERIFY(audioOnly.value().hasAudio && !audioOnly.value().hasVideo);
        QVERIFY(!parseFileHeader(Bytes{'F', 'L', 'X', 1, 5, 0, 0, 0, 9}).ok());
        QVERIFY(!parseFileHeader(Bytes{'F', 'L', 'V'}).ok());
    }

    void tagHeaderRoundTrip() {
        auto header = buildTagHeader(TagType::Video, 0x123456, 0x89abcdef);
        const Bytes expected{9, 0x12, 0x34, 0x56, 0xab, 0xcd, 0xef, 0x89, 0, 0, 0};
        QVERIFY(Bytes(header.begin(), header.end()) == expected);
        auto parsed = parseTagHeader(header);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().dataSize, 0x123456u);
        QCOMPARE(parsed.value().timestamp, 0x89abcdefu);
        QVERIFY(parsed.value().type == TagType::Video);
        auto trailer = buildPreviousTagSize(0x01020304);
        QVERIFY(Bytes(trailer.begin(), trailer.end()) == (Bytes{1, 2, 3, 4}));
        QVERIFY(!parseTagHeader(Bytes{7, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}).ok());
    }

    void parseTagNeedsMoreData() {
        Bytes file = readFixture("h264_aac_640x360.flv");
        ByteView tags = ByteView(file).subspan(13);
        auto whole = parseTag(tags);
        QVERIFY(whole.ok() && whole.value());
        std::size_t size = whole.value()->size;
        for (std::size_t n : {std::size_t(0), std::size_t(10), size - 1}) {
            auto partial = parseTag(tags.first(n));
            QVERIFY(partial.ok());
            QVERIFY(!partial.value());
        }
        QVERIFY(whole.value()->header.type == TagType::Script);
    }

    void h264AacFramesMatchFfprobe() {
        Bytes file = readFixture("h264_aac_640x360.flv");
        auto tags = codec_test::readFlvTags(file);
        std::vector<Frame> video;
        std::vector<Frame> audio;
        for (const auto& tag : tags) {
            if (tag.header.type == TagType::Video) {
                auto frame = parseVideoTag(tag.body, tag.header.timestamp);
                QVERIFY(frame.ok());
                video.push_back(frame.value());
            } else if (tag.header.type == TagType::Audio) {
                auto frame = parseAudioTag(tag.body, tag.header.timestamp);
                QVERIFY(frame.ok());
                audio.push_back(frame.value());
            }
        }
        QVERIFY(video.front().isConfig() && video.front().codec == CodecId::H264);
        QVERIFY(audio.front().isConfig() && audio.front().codec == CodecId::AAC);
        QVERIFY(video.front().track == TrackType::Video);
        QVERIFY(audio.front().track == TrackType::Audio);
        // ffprobe -show_packets: (pts, dts, key) of the first video packets.
        const std::int64_t expected[4][3] = {{67, 0, 1}, {167, 34, 0}, {100, 67, 0}, {134, 100, 0}};
        for (int i = 0; i < 4; ++i) {
            const Frame& f = video[static_cast<std::size_t>(i) + 1];
            QCOMPARE(f.kind, PacketKind::Coded);
            QCOMPARE(f.pts, expected[i][0]);
            QCOMPARE(f.dts, expected[i][1]);
            QCOMPARE(f.keyframe, expected[i][2] == 1);
        }
        QCOMPARE(audio[1].dts, std::int64_t(44));
        QCOMPARE(audio[1].payload.size(), std::size_t(139));
        QCOMPARE(video[1].payload.size(), std::size_t(2675));
    }

    void legacyTagsRebuildByteForByte_data() {
        QTest::addColumn<QString>("file");
        for (const char* f : {"h264_aac_640x360.flv", "h264_1366x768.flv", "h264_854x480.flv",
                              "mp3_44k.flv", "g711a.flv", "g711u.flv"}) {
            QTest::newRow(f) << f;
        }
    }

    void legacyTagsRebuildByteForByte() {
        QFETCH(QString, file);
        Bytes bytes = readFixture(file.toStdString());
        int rebuilt = 0;
        for (const auto& tag : codec_test::readFlvTags(bytes)) {
            if (tag.header.type == TagType::Script) {
                continue;
            }
            auto frame = tag.header.type == TagType::Video
                             ? parseVideoTag(tag.body, tag.header.timestamp)
                             : parseAudioTag(tag.body, tag.header.timestamp);
            QVERIFY(frame.ok());
            QVERIFY(writeTag(frame.value(), HevcMode::LegacyCodecId12) == toBytes(tag.whole));
            auto body = buildBodyPrefix(frame.value(), HevcMode::LegacyCodecId12);
            QVERIFY(body.ok());
            QCOMPARE(body.value().size + frame.value().payload.size(), tag.body.size());
            ++rebuilt;
        }
        QVERIFY(rebuilt > 1);
    }

    void hevcLegacyCodecId12() {
        HevcStream s = hevcStream();
        Frame config;
        config.codec = CodecId::H265;
        config.kind = PacketKind::Config;
        config.payload = s.hvcc;
        Bytes tag = writeTag(config, HevcMode::LegacyCodecId12);
        QCOMPARE(tag[kTagHeaderSize], std::uint8_t(0x1c));  // keyframe, codec id 12
        QCOMPARE(tag[kTagHeaderSize + 1], std::uint8_t(0));
        Frame back = parseTagFrame(tag);
        QVERIFY(back.isConfig() && back.codec == CodecId::H265);
        QVERIFY(toBytes(back.payload) == s.hvcc);

        for (std::size_t i = 0; i < s.frames.size(); ++i) {
            Frame f;
            f.codec = CodecId::H265;
            f.keyframe = s.keyframes[i];
            f.dts = 40 * static_cast<std::int64_t>(i);
            f.pts = f.dts + (i % 2 ? 80 : 0);
            f.payload = s.frames[i];
            const Bytes frameTag = writeTag(f, HevcMode::LegacyCodecId12);
            Frame parsed = parseTagFrame(frameTag);
            QCOMPARE(parsed.kind, PacketKind::Coded);
            QCOMPARE(parsed.keyframe, f.keyframe);
            QCOMPARE(parsed.dts, f.dts);
            QCOMPARE(parsed.pts, f.pts);
            QVERIFY(toBytes(parsed.payload) == s.frames[i]);
        }
        QVERIFY(s.keyframes.front());
    }

    void hevcEnhancedRtmp() {
        HevcStream s = hevcStream();
        Frame config;
        config.codec = CodecId::H265;
        config.kind = PacketKind::Config;
        config.payload = s.hvcc;
        auto prefix = buildBodyPrefix(config, HevcMode::Enhanced);
        QVERIFY(prefix.ok());
        // IsExHeader | keyframe | SequenceStart, then FourCC.
        QVERIFY(toBytes(prefix.value().view()) == (Bytes{0x90, 'h', 'v', 'c', '1'}));
        const Bytes configTag = writeTag(config, HevcMode::Enhanced);
        Frame back = parseTagFrame(configTag);
        QVERIFY(back.isConfig() && back.codec == CodecId::H265);
        auto record = regie::media::h265::parseHevcConfig(back.payload);
        QVERIFY(record.ok());
        auto sps = regie::media::h265::parseSps(
            record.value().units(regie::media::h265::NalType::Sps)->front());
        QVERIFY(sps.ok());
        QCOMPARE(sps.value().width, 854);

        Frame key;
        key.codec = CodecId::H265;
        key.keyframe = true;
        key.dts = 1000;
        key.pts = 1000;
        key.payload = s.frames[0];
        prefix = buildBodyPrefix(key, HevcMode::Enhanced);
        QVERIFY(prefix.ok());
        QVERIFY(toBytes(prefix.value().view()) == (Bytes{0x93, 'h', 'v', 'c', '1'}));  // X
        const Bytes keyTag = writeTag(key, HevcMode::Enhanced);
        back = parseTagFrame(keyTag);
        QCOMPARE(back.kind, PacketKind::Coded);
        QVERIFY(back.keyframe);
        QCOMPARE(back.pts, std::int64_t(1000));
        QVERIFY(toBytes(back.payload) == s.frames[0]);

        Frame inter = key;
        inter.keyframe = false;
        inter.payload = s.frames[1];
        inter.pts = inter.dts - 40;  // negative composition time survives the SI24
        prefix = buildBodyPrefix(inter, HevcMode::Enhanced);
        QVERIFY(prefix.ok());
        QVERIFY(toBytes(prefix.value().view()) ==
                (Bytes{0xa1, 'h', 'v', 'c', '1', 0xff, 0xff, 0xd8}));
        const Bytes interTag = writeTag(inter, HevcMode::Enhanced);
        back = parseTagFrame(interTag);
        QCOMPARE(back.pts, std::int64_t(960));
        QCOMPARE(back.dts, std::int64_t(1000));
        QVERIFY(!back.keyframe);

        Frame end;
        end.codec = CodecId::H265;
        end.kind = PacketKind::EndOfSequence;
        const Bytes endTag = writeTag(end, HevcMode::Enhanced);
        back = parseTagFrame(endTag);
        QCOMPARE(back.kind, PacketKind::EndOfSequence);
        QVERIFY(back.payload.empty());

        const Bytes av1{0x91, 'a', 'v', '0', '1', 0};
        QVERIFY(!parseVideoTag(av1, 0).ok());
        const Bytes command{0xd1, 'h', 'v', 'c', '1', 0};
        auto cmd = parseVideoTag(command, 0);
        QVERIFY(cmd.ok());
        QCOMPARE(cmd.value().kind, PacketKind::Command);
    }

    void vp8EnhancedRtmp() {
        const std::vector<Bytes> frames = ivfFrames(readFixture("vp8_322x242.ivf"));
        QCOMPARE(frames.size(), std::size_t(2));
        QVERIFY(regie::media::vp8::isKeyFrame(frames[0]));
        QVERIFY(!regie::media::vp8::isKeyFrame(frames[1]));

        const Bytes record = regie::media::vp8::buildVpConfig(0);
        Frame config;
        config.codec = CodecId::VP8;
        config.kind = PacketKind::Config;
        config.payload = record;
        auto prefix = buildBodyPrefix(config, HevcMode::LegacyCodecId12);
        QVERIFY(prefix.ok());
        // IsExHeader | keyframe | SequenceStart, then FourCC 'vp08'.
        QVERIFY(toBytes(prefix.value().view()) == (Bytes{0x90, 'v', 'p', '0', '8'}));
        // vpcC: version 1, flags 0, profile 0, level 0, 8 bits 4:2:0, unspecified colours.
        QVERIFY(record == (Bytes{1, 0, 0, 0, 0, 0, 0x80, 2, 2, 2, 0, 0}));
        const Bytes configTag = writeTag(config, HevcMode::LegacyCodecId12);
        Frame back = parseTagFrame(configTag);
        QVERIFY(back.isConfig() && back.codec == CodecId::VP8);
        QVERIFY(toBytes(back.payload) == record);
        QVERIFY(!trackInfo(back).ok());  // the record has no picture size

        Frame key;
        key.codec = CodecId::VP8;
        key.keyframe = true;
        key.dts = key.pts = 40;
        key.payload = frames[0];
        prefix = buildBodyPrefix(key, HevcMode::LegacyCodecId12);
        QVERIFY(prefix.ok());
        // CodedFrames without a composition time: only AVC and HEVC have one.
        QVERIFY(toBytes(prefix.value().view()) == (Bytes{0x91, 'v', 'p', '0', '8'}));
        const Bytes keyTag = writeTag(key, HevcMode::LegacyCodecId12);
        back = parseTagFrame(keyTag);
        QVERIFY(back.keyframe && back.kind == PacketKind::Coded);
        QCOMPARE(back.pts, std::int64_t(40));
        QVERIFY(toBytes(back.payload) == frames[0]);
        auto info = trackInfo(back);
        QVERIFY(info.ok());
        QVERIFY(info.value().codec == CodecId::VP8);
        QVERIFY(info.value().type() == TrackType::Video);
        QCOMPARE(info.value().width, 322);
        QCOMPARE(info.value().height, 242);

        Frame inter = key;
        inter.keyframe = false;
        inter.payload = frames[1];
        prefix = buildBodyPrefix(inter, HevcMode::Enhanced);
        QVERIFY(prefix.ok());
        QVERIFY(toBytes(prefix.value().view()) == (Bytes{0xa1, 'v', 'p', '0', '8'}));
        inter.pts = inter.dts + 40;
        QVERIFY(!buildBodyPrefix(inter, HevcMode::Enhanced).ok());

        QVERIFY(!regie::media::vp8::parseKeyFrameHeader(frames[1]).ok());
        Bytes noStartCode = frames[0];
        noStartCode[4] = 0;
        QVERIFY(!regie::media::vp8::parseKeyFrameHeader(noStartCode).ok());
    }

    void opusEnhancedRtmp() {
        const Bytes head = opusHead();
        QCOMPARE(head.size(), std::size_t(19));
        Frame config;
        config.track = TrackType::Audio;
        config.codec = CodecId::Opus;
        config.kind = PacketKind::Config;
        config.payload = head;
        auto prefix = buildBodyPrefix(config, HevcMode::LegacyCodecId12);
        QVERIFY(prefix.ok());
        // SoundFormat 9 (ExHeader) | SequenceStart, then FourCC 'Opus'.
        QVERIFY(toBytes(prefix.value().view()) == (Bytes{0x90, 'O', 'p', 'u', 's'}));
        const Bytes configTag = writeTag(config, HevcMode::LegacyCodecId12);
        Frame back = parseTagFrame(configTag);
        QVERIFY(back.isConfig() && back.codec == CodecId::Opus);
        QVERIFY(toBytes(back.payload) == head);
        auto info = trackInfo(back);
        QVERIFY(info.ok());
        QCOMPARE(info.value().sampleRate, 48000);
        QCOMPARE(info.value().channels, 2);

        const Bytes packet{0xfc, 0xff, 0xfe};  // a TOC byte and two bytes of a 20 ms frame
        Frame coded = config;
        coded.kind = PacketKind::Coded;
        coded.payload = packet;
        coded.dts = coded.pts = 20;
        prefix = buildBodyPrefix(coded, HevcMode::LegacyCodecId12);
        QVERIFY(prefix.ok());
        QVERIFY(toBytes(prefix.value().view()) == (Bytes{0x91, 'O', 'p', 'u', 's'}));
        const Bytes codedTag = writeTag(coded, HevcMode::LegacyCodecId12);
        back = parseTagFrame(codedTag);
        QCOMPARE(back.kind, PacketKind::Coded);
        QCOMPARE(back.dts, std::int64_t(20));
        QCOMPARE(back.sampleRate, 48000);
        QVERIFY(toBytes(back.payload) == packet);

        QVERIFY(!parseAudioTag(Bytes{0x91, 'f', 'L', 'a', 'C', 0}, 0).ok());  // not read
        QVERIFY(!parseAudioTag(Bytes{0x95, 'O', 'p', 'u', 's', 0}, 0).ok());  // multitrack
        QVERIFY(!parseAudioTag(Bytes{0x91, 'O', 'p', 'u', 's'}, 0).ok());     // no packet
        QVERIFY(!parseAudioTag(Bytes{0x91, 'O', 'p'}, 0).ok());               // cut FourCC
    }

    void trackInfoFromFrames() {
        Bytes file = readFixture("h264_aac_640x360.flv");
        auto tags = codec_test::readFlvTags(file);
        auto video = trackInfo(codec_test::firstFrame(tags, TagType::Video, PacketKind::Config));
        QVERIFY(video.ok());
        QCOMPARE(video.value().width, 640);
        QCOMPARE(video.value().fps, 30.0);
        auto audio = trackInfo(codec_test::firstFrame(tags, TagType::Audio, PacketKind::Config));
        QVERIFY(audio.ok());
        QCOMPARE(audio.value().sampleRate, 44100);
        QVERIFY(!trackInfo(codec_test::firstFrame(tags, TagType::Video, PacketKind::Coded)).ok());

        Bytes mp3File = readFixture("mp3_44k.flv");
        auto mp3Tags = codec_test::readFlvTags(mp3File);
        auto mp3 = trackInfo(codec_test::firstFrame(mp3Tags, TagType::Audio, PacketKind::Coded));
        QVERIFY(mp3.ok());
        QCOMPARE(mp3.value().channels, 2);
        Bytes g711File = readFixture("g711u.flv");
        auto g711Tags = codec_test::readFlvTags(g711File);
        auto g711 = trackInfo(codec_test::firstFrame(g711Tags, TagType::Audio, PacketKind::Coded));
        QVERIFY(g711.ok());
        QVERIFY(g711.value().codec == CodecId::G711U);
        QCOMPARE(g711.value().sampleRate, 8000);

        HevcStream s = hevcStream();
        Frame config;
        config.codec = CodecId::H265;
        config.kind = PacketKind::Config;
        config.payload = s.hvcc;
        auto hevc = trackInfo(config);
        QVERIFY(hevc.ok());
        QCOMPARE(hevc.value().width, 854);
        QCOMPARE(hevc.value().height, 480);
        QCOMPARE(hevc.value().fps, 25.0);
        QCOMPARE(QString::fromStdString(hevc.value().profile), QStringLiteral("Main"));
    }

    void buildRejectsWhatFlvCannotCarry() {
        Frame opusEnd;
        opusEnd.track = TrackType::Audio;
        opusEnd.codec = CodecId::Opus;
        opusEnd.kind = PacketKind::EndOfSequence;
        QVERIFY(!buildBodyPrefix(opusEnd, HevcMode::LegacyCodecId12).ok());
        Frame meta;
        meta.codec = CodecId::H265;
        meta.kind = PacketKind::Metadata;
        QVERIFY(!buildBodyPrefix(meta, HevcMode::LegacyCodecId12).ok());
        QVERIFY(buildBodyPrefix(meta, HevcMode::Enhanced).ok());
        Frame farCts;
        farCts.pts = 0x800000;
        QVERIFY(!buildBodyPrefix(farCts, HevcMode::LegacyCodecId12).ok());
        Bytes huge(kMaxDataSize, 0);
        Frame big;
        big.payload = huge;
        QVERIFY(!buildTagPrefix(big, HevcMode::LegacyCodecId12).ok());
    }

    void metadataFromTracks() {
        regie::media::TrackInfo video;
        video.codec = CodecId::H265;
        video.width = 1366;
        video.height = 768;
        video.fps = 25;
        regie::media::TrackInfo audio;
        audio.codec = CodecId::AAC;
        audio.sampleRate = 48000;
        audio.channels = 2;
        audio.sampleBit = 16;
        Metadata legacy = buildMetadata(&video, &audio, HevcMode::LegacyCodecId12);
        QVERIFY(legacy.hasVideo && legacy.hasAudio && legacy.stereo);
        QCOMPARE(legacy.videocodecid, 12.0);
        QCOMPARE(legacy.audiocodecid, 10.0);
        QCOMPARE(legacy.width, 1366.0);
        QCOMPARE(legacy.audiosamplerate, 48000.0);
        Metadata enhanced = buildMetadata(&video, nullptr, HevcMode::Enhanced);
        QCOMPARE(enhanced.videocodecid, double(0x68766331));  // 'hvc1'
        QVERIFY(!enhanced.hasAudio);
        video.codec = CodecId::VP8;
        audio.codec = CodecId::Opus;
        Metadata vp8 = buildMetadata(&video, &audio, HevcMode::LegacyCodecId12);
        QCOMPARE(vp8.videocodecid, double(0x76703038));  // 'vp08'
        QCOMPARE(vp8.audiocodecid, double(0x4f707573));  // 'Opus'
        QVERIFY(vp8.hasVideo);
    }

    // What a publisher's onMetaData declares: the ids ffmpeg, OBS and buildMetadata write.
    void codecsOfMetadata() {
        QCOMPARE(videoCodecOfMetadata(7), CodecId::H264);
        QCOMPARE(videoCodecOfMetadata(double(0x61766331)), CodecId::H264);  // 'avc1'
        QCOMPARE(videoCodecOfMetadata(12), CodecId::H265);
        QCOMPARE(videoCodecOfMetadata(double(0x68766331)), CodecId::H265);  // 'hvc1'
        QCOMPARE(videoCodecOfMetadata(double(0x76703038)), CodecId::VP8);   // 'vp08'
        QCOMPARE(audioCodecOfMetadata(10), CodecId::AAC);
        QCOMPARE(audioCodecOfMetadata(2), CodecId::MP3);
        QCOMPARE(audioCodecOfMetadata(7), CodecId::G711A);
        QCOMPARE(audioCodecOfMetadata(8), CodecId::G711U);
        QCOMPARE(audioCodecOfMetadata(double(0x4f707573)), CodecId::Opus);  // 'Opus'
        QVERIFY(!videoCodecOfMetadata(4));                                  // VP6
        QVERIFY(!audioCodecOfMetadata(11));                                 // Speex
        QVERIFY(!videoCodecOfMetadata(-1));
        QVERIFY(!audioCodecOfMetadata(1e12));
    }

    void malformedTagsNeverCrash() {
        Bytes file = readFixture("h264_aac_640x360.flv");
        std::mt19937 rng(777);
        int checked = 0;
        for (const auto& tag : codec_test::readFlvTags(file)) {
            if (tag.header.type == TagType::Script || checked++ > 6) {
                continue;
            }
            Bytes body = toBytes(tag.body.first(std::min<std::size_t>(tag.body.size(), 64)));
            for (std::size_t n = 0; n <= body.size(); ++n) {
                ByteView cut(body.data(), n);
                (void)parseVideoTag(cut, 0);
                (void)parseAudioTag(cut, 0);
            }
            for (int i = 0; i < 2000; ++i) {
                Bytes mutated = body;
                mutated[rng() % mutated.size()] = static_cast<std::uint8_t>(rng());
                mutated[rng() % 5 % mutated.size()] = static_cast<std::uint8_t>(rng());
                (void)parseVideoTag(mutated, 0);
                (void)parseAudioTag(mutated, 0);
                (void)parseTag(mutated);
                (void)parseFileHeader(mutated);
            }
        }
        QVERIFY(!parseVideoTag({}, 0).ok());
        QVERIFY(!parseAudioTag({}, 0).ok());
        QVERIFY(!parseVideoTag(Bytes{0x17, 0, 0}, 0).ok());
        QVERIFY(!parseAudioTag(Bytes{0xaf}, 0).ok());
    }
};

QTEST_GUILESS_MAIN(TestFlv)
#include "tst_codec_flv.moc"
