// The media core without sockets: GOP cache start-up, fan-out to readers on several io
// threads, readers attaching mid-flight, the slow-reader policy, the registry's reconnect
// window and waiting lookups, and the FLV muxer's bytes.

#include <QTest>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <thread>

#include "media/access.h"
#include "media/flv_muxer.h"
#include "media/media_source.h"
#include "media/reader_policy.h"
#include "media/source_registry.h"

using namespace regie::media;
namespace asio = boost::asio;

namespace {

Frame videoFrame(std::uint32_t dts, bool key, bool config = false) {
    Frame f;
    f.kind = TrackKind::video;
    f.codec = CodecId::H264;
    f.dts = f.pts = dts;
    f.keyframe = key;
    f.config = config;
    f.flvBody = shareBytes(Bytes{static_cast<std::uint8_t>(key ? 0x17 : 0x27),
                                 static_cast<std::uint8_t>(config ? 0 : 1), 0, 0, 0, 1, 2, 3});
    f.payload = BufferRef{f.flvBody, 5, 3};
    return f;
}

Frame audioFrame(std::uint32_t dts) {
    Frame f;
    f.kind = TrackKind::audio;
    f.codec = CodecId::AAC;
    f.dts = f.pts = dts;
    f.flvBody = shareBytes(Bytes{0xAF, 1, 9, 9});
    f.payload = BufferRef{f.flvBody, 2, 2};
    return f;
}

class CollectingReader final : public MediaReader {
public:
    explicit CollectingReader(asio::any_io_executor ex) : m_executor(std::move(ex)) {}
    asio::any_io_executor executor() const override { return m_executor; }
    void deliver(std::span<const PacketPtr> packets) override {
        ++deliveries;
        for (const auto& p : packets) {
            dts.push_back(p->dts);
        }
    }
    void sourceEnded() override { ended = true; }
    std::vector<std::uint32_t> dts;
    int deliveries = 0;
    bool ended = false;

private:
    asio::any_io_executor m_executor;
};

// Leaves its source while being handed packets, as a player cut for being too slow does.
class LeavingReader final : public MediaReader {
public:
    LeavingReader(asio::any_io_executor ex, MediaSource& source)
        : m_executor(std::move(ex)), m_source(source) {}
    asio::any_io_executor executor() const override { return m_executor; }
    void deliver(std::span<const PacketPtr> packets) override {
        deliveries += static_cast<int>(packets.size());
        if (leaveOnDelivery) {
            m_source.removeReader("flv", this);
        }
    }
    void sourceEnded() override {}
    bool leaveOnDelivery = false;
    int deliveries = 0;

private:
    asio::any_io_executor m_executor;
    MediaSource& m_source;
};

std::shared_ptr<MediaSource> flvSource() {
    auto s = std::make_shared<MediaSource>(MediaKey{"__defaultVhost__", "live", "s"},
                                           PublisherInfo{}, 0);
    s->addFormat("flv", std::make_unique<FlvMuxer>());
    return s;
}

void drain(asio::io_context& ctx) {
    ctx.restart();
    ctx.poll();
}

}  // namespace

class TestMediaCore : public QObject {
    Q_OBJECT

private slots:
    void chainedGatesStopAtTheFirstRefusal() {
        int secondAsked = 0;
        AccessCheck refuseAll = [](const AccessRequest&, AccessAnswer a) {
            a(AccessVerdict::refuse("banned"));
        };
        AccessCheck allowWithWindow = [&](const AccessRequest&, AccessAnswer a) {
            ++secondAsked;
            AccessVerdict v;
            v.continuePush = std::chrono::milliseconds(7);
            a(v);
        };
        AccessCheck allowPlain = [](const AccessRequest&, AccessAnswer a) {
            a(AccessVerdict::allow());
        };
        std::optional<AccessVerdict> got;
        chainAccess(refuseAll, allowWithWindow)({}, [&](AccessVerdict v) { got = v; });
        QVERIFY(got && got->refusal == std::optional<std::string>("banned"));
        QCOMPARE(secondAsked, 0);
        got.reset();
        chainAccess(allowWithWindow, allowPlain)({}, [&](AccessVerdict v) { got = v; });
        QVERIFY(got && !got->refusal);
        QCOMPARE(got->continuePush, std::optional(std::chrono::milliseconds(7)));
    }

    void newReaderStartsAtTheLastKeyframeAfterTheHeaders() {
        asio::io_context ctx;
        auto source = flvSource();
        source->input(videoFrame(0, true, true));  // sequence header
        source->input(videoFrame(0, true));
        source->input(videoFrame(40, false));
        source->input(videoFrame(80, true));
        source->input(audioFrame(90));
        source->input(videoFrame(120, false));
        auto reader = std::make_shared<CollectingReader>(ctx.get_executor());
        QVERIFY(source->addReader("flv", reader));
        QCOMPARE(reader->dts, (std::vector<std::uint32_t>{0, 80, 90, 120}));
        source->input(videoFrame(160, false));
        drain(ctx);
        QCOMPARE(reader->dts.back(), 160u);
        QCOMPARE(source->readerCount(), std::size_t(1));
        QVERIFY(!source->addReader("rtmp", reader));
    }

    void withheldTracksReachNoReaderUntilReleased() {
        asio::io_context ctx;
        auto source = flvSource();
        source->input(videoFrame(0, true, true));  // sequence header
        source->input(videoFrame(0, true));
        source->input(audioFrame(10));
        auto attached = std::make_shared<CollectingReader>(ctx.get_executor());
        QVERIFY(source->addReader("flv", attached));
        QCOMPARE(attached->dts, (std::vector<std::uint32_t>{0, 0, 10}));

        source->setWithheldTracks({false, true});
        QCOMPARE(source->withheldTracks(), (WithheldTracks{false, true}));
        source->input(videoFrame(40, false));
        source->input(audioFrame(50));
        drain(ctx);
        QCOMPARE(attached->dts, (std::vector<std::uint32_t>{0, 0, 10, 50}));
        // A new reader gets neither the video header nor the GOP's video, only its audio.
        auto joining = std::make_shared<CollectingReader>(ctx.get_executor());
        QVERIFY(source->addReader("flv", joining));
        QCOMPARE(joining->dts, (std::vector<std::uint32_t>{10, 50}));

        source->setWithheldTracks({});
        drain(ctx);
        // Released: the video sequence header (dts 0) first, then video flows again.
        QCOMPARE(attached->dts.back(), 0u);
        source->input(videoFrame(80, true));
        drain(ctx);
        QCOMPARE(attached->dts.back(), 80u);
        QCOMPARE(joining->dts, (std::vector<std::uint32_t>{10, 50, 0, 80}));
        auto later = std::make_shared<CollectingReader>(ctx.get_executor());
        QVERIFY(source->addReader("flv", later));
        QCOMPARE(later->dts, (std::vector<std::uint32_t>{0, 80}));
    }

    void readerAttachingMidFlightGetsEveryPacketOnce() {
        asio::io_context ctx;
        auto source = flvSource();
        source->input(videoFrame(0, true));
        auto early = std::make_shared<CollectingReader>(ctx.get_executor());
        QVERIFY(source->addReader("flv", early));
        source->input(videoFrame(40, false));  // posted to the thread, not yet run
        auto late = std::make_shared<CollectingReader>(ctx.get_executor());
        QVERIFY(source->addReader("flv", late));  // its start-up burst already has 40
        drain(ctx);
        QCOMPARE(late->dts, (std::vector<std::uint32_t>{0, 40}));
        QCOMPARE(early->dts, (std::vector<std::uint32_t>{0, 40}));
    }

    void framesOfOneInputBatchReachEachThreadTogether() {
        asio::io_context a;
        asio::io_context b;
        auto source = flvSource();
        source->input(videoFrame(0, true));
        auto onA = std::make_shared<CollectingReader>(a.get_executor());
        auto onB = std::make_shared<CollectingReader>(b.get_executor());
        QVERIFY(source->addReader("flv", onA));
        QVERIFY(source->addReader("flv", onB));
        {
            MediaSource::InputBatch batch(source);
            source->input(videoFrame(40, false));
            source->input(audioFrame(50));
            drain(a);
            drain(b);
            QCOMPARE(onA->dts, (std::vector<std::uint32_t>{0}));  // held until the batch ends
            auto late = std::make_shared<CollectingReader>(a.get_executor());
            QVERIFY(source->addReader("flv", late));  // its start-up burst has them
            QCOMPARE(late->dts, (std::vector<std::uint32_t>{0, 40, 50}));
        }
        drain(a);
        drain(b);
        for (const auto& r : {onA, onB}) {
            QCOMPARE(r->dts, (std::vector<std::uint32_t>{0, 40, 50}));
            QCOMPARE(r->deliveries, 2);  // the start-up burst, then both frames at once
        }
        source->input(videoFrame(80, false));  // no batch: delivered as before
        drain(a);
        QCOMPARE(onA->dts.back(), 80u);
    }

    void aThreadWhoseReadersLeftIsNotWokenForPackets() {
        asio::io_context ctx;
        auto source = flvSource();
        source->input(videoFrame(0, true));
        auto reader = std::make_shared<CollectingReader>(ctx.get_executor());
        QVERIFY(source->addReader("flv", reader));
        source->input(videoFrame(40, false));
        ctx.restart();
        QCOMPARE(ctx.poll(), std::size_t{1});
        source->removeReader("flv", reader.get());
        source->input(videoFrame(80, false));
        ctx.restart();
        QCOMPARE(ctx.poll(), std::size_t{0});
        QVERIFY(source->addReader("flv", reader));  // back: woken again
        source->input(videoFrame(120, false));
        drain(ctx);
        QCOMPARE(reader->dts.back(), 120u);
    }

    void aReaderLeavingDuringDeliveryCostsTheOthersNothing() {
        asio::io_context ctx;
        auto source = flvSource();
        source->input(videoFrame(0, true));
        auto leaving = std::make_shared<LeavingReader>(ctx.get_executor(), *source);
        auto next = std::make_shared<CollectingReader>(ctx.get_executor());
        QVERIFY(source->addReader("flv", leaving));
        QVERIFY(source->addReader("flv", next));
        leaving->leaveOnDelivery = true;
        source->input(videoFrame(40, false));
        drain(ctx);
        QCOMPARE(next->dts, (std::vector<std::uint32_t>{0, 40}));
        QCOMPARE(source->readerCount(), std::size_t(1));
        source->removeReader("flv", leaving.get());  // already gone: counted once
        QCOMPARE(source->readerCount(), std::size_t(1));
        source->input(videoFrame(80, false));
        drain(ctx);
        QCOMPARE(leaving->deliveries, 2);  // its start-up packet and 40, nothing after it left
        QCOMPARE(next->dts, (std::vector<std::uint32_t>{0, 40, 80}));
    }

    void packetsReachReadersOnEveryThread() {
        asio::io_context a;
        asio::io_context b;
        auto source = flvSource();
        source->input(videoFrame(0, true));
        std::vector<std::shared_ptr<CollectingReader>> readers;
        for (int i = 0; i < 6; ++i) {
            readers.push_back(
                std::make_shared<CollectingReader>(i % 2 ? a.get_executor() : b.get_executor()));
            QVERIFY(source->addReader("flv", readers.back()));
        }
        for (std::uint32_t t = 40; t <= 400; t += 40) {
            source->input(videoFrame(t, false));
        }
        drain(a);
        drain(b);
        for (const auto& r : readers) {
            QCOMPARE(r->dts.size(), std::size_t(11));
            QCOMPARE(r->dts.back(), 400u);
        }
        source->removeReader("flv", readers[0].get());
        QCOMPARE(source->readerCount(), std::size_t(5));
        source->close();
        drain(a);
        drain(b);
        QVERIFY(readers[1]->ended && !readers[0]->ended);
        QCOMPARE(source->readerCount(), std::size_t(0));
    }

    void audioOnlyStreamsStartLiveWithoutABacklog() {
        asio::io_context ctx;
        auto source = flvSource();
        for (std::uint32_t t = 0; t < 2000; t += 23) {
            source->input(audioFrame(t));
        }
        auto reader = std::make_shared<CollectingReader>(ctx.get_executor());
        QVERIFY(source->addReader("flv", reader));
        QVERIFY(reader->dts.empty());
        source->input(audioFrame(2001));
        drain(ctx);
        QCOMPARE(reader->dts, (std::vector<std::uint32_t>{2001}));
    }

    void slowReaderSkipsToTheNextKeyframeThenIsDropped() {
        ReaderLimits limits{1000, 5000, 2, std::chrono::seconds(30)};
        ReaderPolicy policy(limits);
        auto now = std::chrono::steady_clock::now();
        auto at = [](std::chrono::steady_clock::time_point t) { return [t] { return t; }; };
        OutPacket delta;
        delta.video = true;
        OutPacket key = delta;
        key.keyframe = true;
        OutPacket audio;
        audio.keyframe = true;
        using A = ReaderPolicy::Action;
        QCOMPARE(policy.decide(delta, 500, at(now)), A::send);
        QCOMPARE(policy.decide(delta, 1500, at(now)), A::drop);  // behind: skip ahead
        QCOMPARE(policy.decide(audio, 100, at(now)), A::drop);   // still waiting for a keyframe
        QCOMPARE(policy.decide(delta, 100, at(now)), A::drop);
        QCOMPARE(policy.decide(key, 100, at(now)), A::send);
        QCOMPARE(policy.decide(delta, 1500, at(now)), A::drop);  // second skip
        QCOMPARE(policy.decide(key, 100, at(now)), A::send);
        QCOMPARE(policy.decide(delta, 1500, at(now)), A::disconnect);  // third in the window
        ReaderPolicy fresh(limits);
        QCOMPARE(fresh.decide(key, 6000, at(now)), A::disconnect);  // far too much queued
        ReaderPolicy later(limits);
        QCOMPARE(later.decide(delta, 1500, at(now)), A::drop);
        QCOMPARE(later.decide(key, 0, at(now)), A::send);
        QCOMPARE(later.decide(delta, 1500, at(now + std::chrono::seconds(40))), A::drop);
        QCOMPARE(later.decide(key, 0, at(now + std::chrono::seconds(40))), A::send);
        QCOMPARE(later.decide(delta, 1500, at(now + std::chrono::seconds(80))),
                 A::drop);  // old skips expired
        int clockReads = 0;
        auto counted = [&] {
            ++clockReads;
            return now;
        };
        ReaderPolicy keepingUp(limits);
        QCOMPARE(keepingUp.decide(delta, 500, counted), A::send);
        QCOMPARE(clockReads, 0);  // no clock read per packet for a reader that keeps up
        QCOMPARE(keepingUp.decide(delta, 1500, counted), A::drop);
        QCOMPARE(clockReads, 1);
    }

    void flvMuxerWritesOneTagPerFrame() {
        FlvMuxer muxer;
        auto outs = muxer.mux(videoFrame(0x01020304, true));
        QCOMPARE(outs.size(), std::size_t(1));
        const auto& p = *outs[0].packet;
        QVERIFY(!outs[0].headerSlot);
        Bytes bytes;
        for (const auto& piece : p.pieces) {
            bytes.insert(bytes.end(), piece.span().begin(), piece.span().end());
        }
        Bytes expected{9, 0, 0, 8, 0x02, 0x03, 0x04, 0x01, 0, 0, 0, 0x17,
                       1, 0, 0, 0, 1,    2,    3,    0,    0, 0, 19};
        QCOMPARE(bytes, expected);
        QVERIFY(p.keyframe && p.video);
        QCOMPARE(muxer.mux(videoFrame(0, true, true))[0].headerSlot.value_or(""),
                 std::string("video"));
    }

    void registryResumesWithinTheWindowAndWakesWaiters() {
        asio::io_context ctx;
        SourceRegistry registry(ctx);
        registry.setTimings({std::chrono::milliseconds(200), std::chrono::seconds(60), false});
        int added = 0;
        std::vector<SourceEndReason> removed;
        registry.setListener({[&](const auto&) { ++added; },
                              [&](const auto&, SourceEndReason r) { removed.push_back(r); },
                              nullptr});
        MediaKey key{"__defaultVhost__", "live", "cam"};

        std::shared_ptr<MediaSource> waited;
        bool answered = false;
        registry.findOrWait(key, std::chrono::seconds(5), ctx.get_executor(), [&](auto s) {
            waited = s;
            answered = true;
        });
        auto prepare = [](MediaSource& s) { s.addFormat("flv", std::make_unique<FlvMuxer>()); };
        auto [r1, s1] = registry.beginPublish(key, {}, nullptr, 0, prepare);
        QCOMPARE(r1, SourceRegistry::PublishResult::created);
        drain(ctx);
        QVERIFY(answered && waited == s1);
        QCOMPARE(registry.beginPublish(key, {}, nullptr, 0, prepare).first,
                 SourceRegistry::PublishResult::busy);

        registry.endPublish(s1);
        auto [r2, s2] = registry.beginPublish(key, {}, nullptr, 0, prepare);
        QCOMPARE(r2, SourceRegistry::PublishResult::resumed);
        QCOMPARE(s2, s1);

        registry.endPublish(s2);
        ctx.restart();
        ctx.run_for(std::chrono::milliseconds(400));
        QVERIFY(!registry.find(key));
        QCOMPARE(removed, (std::vector<SourceEndReason>{SourceEndReason::publisherLeft}));
        QCOMPARE(added, 1);

        bool missing = false;
        registry.findOrWait(MediaKey{"__defaultVhost__", "live", "none"},
                            std::chrono::milliseconds(50), ctx.get_executor(),
                            [&](auto s) { missing = !s; });
        ctx.restart();
        ctx.run_for(std::chrono::milliseconds(200));
        QVERIFY(missing);
        registry.closeAll(SourceEndReason::shutdown);
    }
};

QTEST_GUILESS_MAIN(TestMediaCore)
#include "tst_media_core.moc"
