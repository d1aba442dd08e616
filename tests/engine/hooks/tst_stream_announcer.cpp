// When a new stream is announced (on_stream_changed, stream_create): the waiting rule on its
// own, then StreamAnnouncer on a real io_context with a real MediaSource whose tracks become
// ready, and a stream that goes before its announcement.

#include <QTest>
#include <boost/asio/io_context.hpp>
#include <vector>

#include "core/config.h"
#include "media/buffer.h"
#include "media/media_source.h"
#include "service/hooks/stream_announcer.h"

using namespace regie;
using service::hooks::announceDelay;
using service::hooks::StreamAnnouncer;
using service::hooks::TrackSighting;
using service::hooks::TrackWaits;
using std::chrono::milliseconds;

namespace {

const TrackWaits kWaits{milliseconds(3000), milliseconds(10000)};

std::shared_ptr<media::MediaSource> newSource() {
    return std::make_shared<media::MediaSource>(media::MediaKey{"__defaultVhost__", "live", "cam"},
                                                media::PublisherInfo{}, 1'700'000'000);
}

void makeReady(media::MediaSource& source, media::TrackKind kind) {
    source.updateTrack(kind, [](media::TrackState& t) { t.config = media::shareBytes({0x17}); });
}

}  // namespace

class TestStreamAnnouncer : public QObject {
    Q_OBJECT

    boost::asio::io_context m_io;
    core::Config m_config{
        {{"general.wait_add_track_ms", "300"}, {"general.wait_track_ready_ms", "1500"}}};
    std::vector<std::string> m_said;
    StreamAnnouncer m_announcer{m_io, m_config, [this](const auto& source) {
                                    m_said.push_back("announced " + source->key().stream);
                                }};

    void runFor(milliseconds ms) {
        m_io.restart();
        m_io.run_for(ms);
    }

private slots:
    void init() { m_said.clear(); }

    void declaredTracksAreAwaitedThenAnnouncedAtOnce() {
        const TrackSighting oneOfTwo{true, 2, 1};
        QCOMPARE(announceDelay(oneOfTwo, milliseconds(100), milliseconds(50), kWaits),
                 milliseconds(9900));
        const TrackSighting both{true, 2, 2};
        QVERIFY(!announceDelay(both, milliseconds(100), milliseconds(50), kWaits));
        const TrackSighting videoOnly{true, 1, 1};
        QVERIFY(!announceDelay(videoOnly, milliseconds(100), milliseconds(0), kWaits));
    }

    void anUndeclaredSingleTrackWaitsForASecond() {
        const TrackSighting one{false, 1, 1};
        QCOMPARE(announceDelay(one, milliseconds(500), milliseconds(400), kWaits),
                 milliseconds(2600));
        QVERIFY(!announceDelay(one, milliseconds(3500), milliseconds(3000), kWaits));
        const TrackSighting two{false, 2, 2};
        QVERIFY(!announceDelay(two, milliseconds(500), milliseconds(400), kWaits));
        // The second-track wait never outlasts the overall one.
        QCOMPARE(announceDelay(one, milliseconds(9000), milliseconds(100), kWaits),
                 milliseconds(1000));
    }

    void nothingReadyWaitsUntilTheDeadlineOnly() {
        QCOMPARE(announceDelay({}, milliseconds(0), std::nullopt, kWaits), milliseconds(10000));
        QCOMPARE(announceDelay({true, 2, 0}, milliseconds(4000), std::nullopt, kWaits),
                 milliseconds(6000));
        QVERIFY(!announceDelay({}, milliseconds(10000), std::nullopt, kWaits));
        QVERIFY(!announceDelay({true, 2, 1}, milliseconds(10000), milliseconds(1), kWaits));
    }

    void theWaitsComeFromTheConfig() {
        const TrackWaits waits = TrackWaits::fromConfig(*m_config.snapshot());
        QCOMPARE(waits.addTrack, milliseconds(300));
        QCOMPARE(waits.trackReady, milliseconds(1500));
    }

    void aStreamIsAnnouncedWhenItsDeclaredTracksAreReady() {
        auto source = newSource();
        source->declareTracks({{media::TrackKind::video, media::CodecId::H265},
                               {media::TrackKind::audio, media::CodecId::AAC}});
        m_announcer.added(source);
        runFor(milliseconds(100));
        QVERIFY(m_said.empty());
        makeReady(*source, media::TrackKind::video);
        runFor(milliseconds(100));
        QVERIFY(m_said.empty());
        makeReady(*source, media::TrackKind::audio);
        runFor(milliseconds(100));
        QCOMPARE(m_said, std::vector<std::string>{"announced cam"});
        m_announcer.removed(*source, [this] { m_said.emplace_back("gone"); });
        runFor(milliseconds(50));
        QCOMPARE(m_said, (std::vector<std::string>{"announced cam", "gone"}));
    }

    void anUndeclaredSingleTrackIsAnnouncedAfterTheSecondTrackWait() {
        auto source = newSource();
        m_announcer.added(source);
        makeReady(*source, media::TrackKind::video);
        runFor(milliseconds(200));
        QVERIFY(m_said.empty());
        runFor(milliseconds(250));
        QCOMPARE(m_said, std::vector<std::string>{"announced cam"});
    }

    void aStreamWithNothingReadyIsAnnouncedAtTheDeadline() {
        auto source = newSource();
        source->declareTracks({{media::TrackKind::video, media::CodecId::H264}});
        m_announcer.added(source);
        runFor(milliseconds(1300));
        QVERIFY(m_said.empty());
        runFor(milliseconds(400));
        QCOMPARE(m_said, std::vector<std::string>{"announced cam"});
    }

    void aStreamGoneBeforeItsAnnouncementIsNeverReported() {
        auto source = newSource();
        m_announcer.added(source);
        runFor(milliseconds(50));
        m_announcer.removed(*source, [this] { m_said.emplace_back("gone"); });
        makeReady(*source, media::TrackKind::video);
        makeReady(*source, media::TrackKind::audio);
        runFor(milliseconds(1700));
        QVERIFY(m_said.empty());
    }
};

QTEST_GUILESS_MAIN(TestStreamAnnouncer)
#include "tst_stream_announcer.moc"
