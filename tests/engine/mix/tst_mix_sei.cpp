// The mix output's SEI on bytes: the NAL unit (payload type and size coding, UUID, emulation
// prevention, trailing bits; H.264 and H.265 headers), where it goes in an access unit, what
// MixSei puts on which frame, and the sound level of samples.

#include <QTest>
#include <cmath>

#include "av/sei.h"
#include "service/mix/mix_sei.h"

using regie::av::EncodedPacket;
using regie::av::SeiMessage;
using regie::av::SeiUuid;
using regie::av::VideoCodec;
using Bytes = std::vector<std::uint8_t>;

namespace {

const SeiUuid kUuid{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts) {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

// Undoes emulation prevention: the RBSP of a NAL unit's payload.
Bytes rbspOf(const Bytes& nal, std::size_t from) {
    Bytes out;
    int zeros = 0;
    for (std::size_t i = from; i < nal.size(); ++i) {
        if (zeros >= 2 && nal[i] == 3) {
            zeros = 0;
            continue;
        }
        out.push_back(nal[i]);
        zeros = nal[i] == 0 ? zeros + 1 : 0;
    }
    return out;
}

int count(const Bytes& haystack, const Bytes& needle) {
    int n = 0;
    for (auto it = haystack.begin();
         (it = std::search(it, haystack.end(), needle.begin(), needle.end())) != haystack.end();
         ++it) {
        ++n;
    }
    return n;
}

}  // namespace

class TestMixSei : public QObject {
    Q_OBJECT

private slots:
    void aUserDataMessageIsOneNalUnit() {
        const Bytes payload{'h', 'i'};
        const SeiMessage m{kUuid, payload};
        const Bytes nal = regie::av::seiNal(VideoCodec::h264, std::span(&m, 1));
        const Bytes expected = concat(
            {{0, 0, 0, 1, 0x06, 5, 18}, Bytes(kUuid.begin(), kUuid.end()), {'h', 'i', 0x80}});
        QCOMPARE(nal, expected);
    }

    void longPayloadsCountTheirSizeIn255s() {
        const Bytes payload(300, 0x41);
        const SeiMessage m{kUuid, payload};
        const Bytes nal = regie::av::seiNal(VideoCodec::h264, std::span(&m, 1));
        QCOMPARE(nal[5], std::uint8_t{5});
        QCOMPARE(nal[6], std::uint8_t{0xff});
        QCOMPARE(nal[7], std::uint8_t{316 - 255});
        QCOMPARE(nal.size(), std::size_t{4 + 1 + 3 + 316 + 1});
    }

    void zerosAreEscaped() {
        const Bytes payload{0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4};
        const SeiMessage m{kUuid, payload};
        const Bytes nal = regie::av::seiNal(VideoCodec::h264, std::span(&m, 1));
        // No start code (or 00 00 0x, x <= 3) inside the unit...
        for (std::size_t i = 4; i + 2 < nal.size(); ++i) {
            QVERIFY2(!(nal[i] == 0 && nal[i + 1] == 0 && nal[i + 2] <= 2),
                     qPrintable(QString("at %1").arg(i)));
        }
        QCOMPARE(nal.back(), std::uint8_t{0x80});
        // ...and the payload comes back once the escapes are removed.
        const Bytes rbsp = rbspOf(nal, 5);
        QCOMPARE(Bytes(rbsp.begin() + 2 + 16, rbsp.end() - 1), payload);
        QCOMPARE(count(nal, {0, 0, 3, 0, 0, 3, 0, 1}), 1);
    }

    void theSeiGoesBeforeTheFirstSlice() {
        const Bytes sps{0, 0, 0, 1, 0x67, 1, 2};
        const Bytes pps{0, 0, 1, 0x68, 3};
        const Bytes idr{0, 0, 0, 1, 0x65, 9, 9};
        const Bytes slice{0, 0, 1, 0x41, 7};
        const Bytes sei{0, 0, 0, 1, 0x06, 0xaa};
        Bytes out;
        regie::av::insertBeforeFirstSlice(VideoCodec::h264, concat({sps, pps, idr, slice}), sei,
                                          out);
        QCOMPARE(out, concat({sps, pps, sei, idr, slice}));
        regie::av::insertBeforeFirstSlice(VideoCodec::h264, slice, sei, out);
        QCOMPARE(out, concat({sei, slice}));
        regie::av::insertBeforeFirstSlice(VideoCodec::h264, sps, sei, out);
        QCOMPARE(out, concat({sps, sei}));
    }

    void hevcSeiIsAPrefixSeiWithATwoByteHeader() {
        const Bytes payload{'h', 'i'};
        const SeiMessage m{kUuid, payload};
        const Bytes nal = regie::av::seiNal(VideoCodec::h265, std::span(&m, 1));
        const Bytes expected = concat({{0, 0, 0, 1, 39 << 1, 0x01, 5, 18},
                                       Bytes(kUuid.begin(), kUuid.end()),
                                       {'h', 'i', 0x80}});
        QCOMPARE(nal, expected);
    }

    void hevcSeiGoesAfterTheParameterSetsBeforeTheFirstSlice() {
        const Bytes vps{0, 0, 0, 1, 32 << 1, 1, 0xa};
        const Bytes sps{0, 0, 0, 1, 33 << 1, 1, 0xb};
        const Bytes pps{0, 0, 1, 34 << 1, 1, 0xc};
        const Bytes idr{0, 0, 0, 1, 19 << 1, 1, 9};  // IDR_W_RADL
        const Bytes trail{0, 0, 1, 1 << 1, 1, 7};    // TRAIL_R
        const Bytes sei{0, 0, 0, 1, 39 << 1, 1, 0xaa};
        Bytes out;
        regie::av::insertBeforeFirstSlice(VideoCodec::h265, concat({vps, sps, pps, idr, trail}),
                                          sei, out);
        QCOMPARE(out, concat({vps, sps, pps, sei, idr, trail}));
        // A TRAIL_N slice (type 0) is a slice too; an H.264 reading of its header is not.
        const Bytes trailN{0, 0, 0, 1, 0, 1, 7};
        regie::av::insertBeforeFirstSlice(VideoCodec::h265, concat({sps, trailN}), sei, out);
        QCOMPARE(out, concat({sps, sei, trailN}));
    }

    void anHevcMixSeiStampsHevcFrames() {
        regie::service::mix::MixSei sei(VideoCodec::h265);
        sei.setUserData({'a'}, false);
        const Bytes key{0, 0, 0, 1, 19 << 1, 1, 5};
        auto stamped = sei.stamp(EncodedPacket{key, 0, 0, true}, {});
        const Bytes uuid(regie::service::mix::kUserDataUuid.begin(),
                         regie::service::mix::kUserDataUuid.end());
        QCOMPARE(Bytes(stamped.data.begin(), stamped.data.end()),
                 concat({{0, 0, 0, 1, 39 << 1, 1, 5, 17}, uuid, {'a', 0x80}, key}));
    }

    void userDataGoesOnKeyframesAndAfterAChange() {
        regie::service::mix::MixSei sei;
        const Bytes frame{0, 0, 0, 1, 0x41, 1};
        const Bytes key{0, 0, 0, 1, 0x65, 1};
        auto packet = [](const Bytes& data, bool keyframe) {
            return EncodedPacket{data, 40, 40, keyframe};
        };
        const Bytes uuid(regie::service::mix::kUserDataUuid.begin(),
                         regie::service::mix::kUserDataUuid.end());
        auto carries = [&](const EncodedPacket& p) {
            return count(Bytes(p.data.begin(), p.data.end()), uuid) == 1;
        };
        QVERIFY(!carries(sei.stamp(packet(frame, false), {})));
        sei.setUserData({'a', 'b'}, false);
        auto first = sei.stamp(packet(frame, false), {});
        QVERIFY(carries(first));
        QCOMPARE(first.dtsMs, std::int64_t{40});
        QVERIFY(!carries(sei.stamp(packet(frame, false), {})));
        QVERIFY(carries(sei.stamp(packet(key, true), {})));
        sei.setUserData({}, false);
        QVERIFY(!carries(sei.stamp(packet(key, true), {})));
    }

    void seiModeOnePutsUserDataOnEveryFrame() {
        regie::service::mix::MixSei sei;
        const Bytes frame{0, 0, 0, 1, 0x41, 1};
        const Bytes uuid(regie::service::mix::kUserDataUuid.begin(),
                         regie::service::mix::kUserDataUuid.end());
        sei.setUserData({'a', 'b'}, true);
        for (int i = 0; i < 5; ++i) {
            auto stamped = sei.stamp(EncodedPacket{frame, 40, 40, false}, {});
            QCOMPARE(count(Bytes(stamped.data.begin(), stamped.data.end()), uuid), 1);
        }
    }

    void soundLevelsGoOnEveryFrame() {
        regie::service::mix::MixSei sei;
        const Bytes frame{0, 0, 0, 1, 0x41, 1};
        const regie::service::mix::InputLevel levels[] = {{7, 80}, {0x01020304, 0}};
        auto stamped = sei.stamp(EncodedPacket{frame, 0, 0, false}, levels);
        const Bytes out(stamped.data.begin(), stamped.data.end());
        const Bytes uuid(regie::service::mix::kSoundLevelUuid.begin(),
                         regie::service::mix::kSoundLevelUuid.end());
        const Bytes expected = concat({{0, 0, 0, 1, 0x06, 5, 16 + 11},
                                       uuid,
                                       {2, 0, 0, 3, 0, 7, 80, 1, 2, 3, 4, 0, 0x80},
                                       frame});
        QCOMPARE(out, expected);
    }

    void soundLevelsSpanSixtyDecibels() {
        std::vector<float> samples(1024);
        const float* planes[] = {samples.data()};
        QCOMPARE(regie::service::mix::soundLevel(planes, 1, 1024), std::uint8_t{0});
        for (std::size_t i = 0; i < samples.size(); ++i) {
            samples[i] = (i % 2 == 0) ? 1.0f : -1.0f;  // 0 dBFS
        }
        QCOMPARE(regie::service::mix::soundLevel(planes, 1, 1024), std::uint8_t{100});
        for (auto& s : samples) {
            s *= 0.001f;  // -60 dBFS
        }
        QCOMPARE(regie::service::mix::soundLevel(planes, 1, 1024), std::uint8_t{0});
        for (auto& s : samples) {
            s = s > 0 ? 0.031623f : -0.031623f;  // -30 dBFS
        }
        QCOMPARE(regie::service::mix::soundLevel(planes, 1, 1024), std::uint8_t{50});
    }
};

QTEST_GUILESS_MAIN(TestMixSei)
#include "tst_mix_sei.moc"
