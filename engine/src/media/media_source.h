#pragma once
// One live stream: frames come in once from its publisher, each output format muxes them once,
// and the packets fan out to that format's readers. Readers are grouped by io thread: a packet
// crosses to each thread once, then is handed to that thread's readers in a loop.

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/object_stats.h"
#include "media/frame.h"
#include "media/media_key.h"
#include "media/media_reader.h"

namespace regie::media {

enum class OriginType : int {
    unknown = 0,
    rtmpPush = 1,
    rtspPush = 2,
    rtpPush = 3,
    pull = 4,
    ffmpegPull = 5,
    mp4Vod = 6,
    deviceChannel = 7,
    rtcPush = 8,
    srtPush = 9
};
std::string_view originTypeName(OriginType type);

// Turns frames into packets of one output format; owned by the source, called on the
// publisher's thread.
class Muxer {
public:
    virtual ~Muxer() = default;
    // Packets for `frame`; `header` tells whether they belong to the start-up headers every new
    // reader gets first (metadata, sequence headers) rather than to the GOP.
    struct Output {
        PacketPtr packet;
        std::optional<std::string> headerSlot;  // e.g. "video", "audio", "metadata"
    };
    virtual std::vector<Output> mux(const Frame& frame) = 0;
};

struct TrackState {
    TrackKind kind = TrackKind::video;
    TrackInfo info;      // what the configuration record says (size, rate, profile...)
    TrackStats stats;    // what the frames say (counts, GOP)
    SharedBytes config;  // latest sequence header body
    bool ready() const { return config != nullptr || stats.frames() > 0; }
};

// Tracks kept from every reader of a source while they still come in (stream ban rules: the
// server-side "close mic/camera").
// Tracks no reader gets (a stream ban rule). The publisher's metadata goes with them: it
// announces every codec, and RTMP players wait for a track it names.
struct WithheldTracks {
    bool audio = false;
    bool video = false;
    bool withholds(TrackKind kind) const {
        return (kind == TrackKind::audio && audio) || (kind == TrackKind::video && video) ||
               (kind == TrackKind::metadata && (audio || video));
    }
    bool operator==(const WithheldTracks&) const = default;
};

struct PublisherInfo {
    OriginType origin = OriginType::unknown;
    std::string originUrl;
    std::string params;  // the publish URL's query string
    std::string peerIp;
    int peerPort = 0;
    std::string localIp;
    int localPort = 0;
    std::string sessionId;
    // Overrides of the engine-wide settings for this stream (from the on_publish reply).
    std::optional<std::chrono::milliseconds> continuePush;
    std::optional<bool> autoClose;
    // A stream the engine produces itself (a mix output): no stream_create/stream_close.
    bool engineOutput = false;
};

class MediaSource : public std::enable_shared_from_this<MediaSource> {
public:
    using Clock = std::chrono::steady_clock;

    MediaSource(MediaKey key, PublisherInfo publisher, std::int64_t createdAtUnix);

    const MediaKey& key() const { return m_key; }
    std::int64_t createdAtUnix() const { return m_createdAtUnix; }

    // Output formats are added before the first frame (e.g. "rtmp", "flv").
    void addFormat(std::string name, std::unique_ptr<Muxer> muxer);
    bool hasFormat(std::string_view name) const;

    // Called on the publisher's thread.
    void input(const Frame& frame);

    // While one is alive, the packets of the frames put in wait, and reach each reader thread
    // together when it ends: a publisher opens one around the frames of one read, so that its
    // audio and video frames go out in one write per player instead of one each.
    class InputBatch {
    public:
        explicit InputBatch(std::shared_ptr<MediaSource> source);
        ~InputBatch();
        InputBatch(const InputBatch&) = delete;
        InputBatch& operator=(const InputBatch&) = delete;

    private:
        std::shared_ptr<MediaSource> m_source;
    };

    // Attaches a reader of `format` on the reader's own thread: it receives the start-up packets
    // (headers, then the cached GOP) at once, then every new packet. False if no such format.
    bool addReader(std::string_view format, const std::shared_ptr<MediaReader>& reader);
    // Also on the reader's own thread.
    void removeReader(std::string_view format, const MediaReader* reader);
    std::size_t readerCount() const { return m_readerCount.load(); }

    // From now on, packets of withheld tracks reach no reader: neither those attached (at once)
    // nor new ones (their start-up headers and GOP skip them). Headers and GOP keep being
    // cached, so a released track's sequence header goes to the attached readers right away
    // and new readers get the whole GOP again. Any thread.
    void setWithheldTracks(WithheldTracks withheld);
    WithheldTracks withheldTracks() const;

    // A tap sees every frame as it comes in, on the publisher's thread and under the source's
    // lock, so it must only queue it (the mixer decodes from there). A new tap is first given
    // the latest sequence headers. Withheld tracks are withheld from taps as well (except their
    // sequence headers). Removal returns only when no call is in progress.
    using FrameTap = std::function<void(const Frame&)>;
    std::uint64_t addFrameTap(FrameTap tap);
    void removeFrameTap(std::uint64_t id);

    // Ends the source: readers are told on their own threads. Idempotent.
    void close();
    bool closed() const { return m_closed.load(); }

    // Publisher lifecycle, for the reconnect window. The closer disconnects the publisher when
    // the source is closed from outside (API, rules); it runs on any thread.
    void setPublisher(PublisherInfo info, std::function<void()> closer);
    void publisherGone();
    bool hasPublisher() const;
    PublisherInfo publisher() const;

    std::vector<TrackState> tracks() const;
    // The publisher's word on which tracks come (its metadata): they are listed, not ready,
    // until their configuration or first frame arrives.
    void declareTracks(const std::vector<std::pair<TrackKind, CodecId>>& declared);
    bool tracksDeclared() const;
    // Lets the publisher fill what it parsed from a track's configuration (size, rate, ...).
    void updateTrack(TrackKind kind, const std::function<void(TrackState&)>& update);
    std::uint64_t bytesIn() const { return m_bytesIn.load(); }
    // The highest timestamp that came in, so a returning publisher can continue after it.
    std::uint32_t lastInputDts() const { return m_lastInputDts.load(); }
    std::uint32_t bytesPerSecond() const { return m_bytesPerSecond.load(); }
    std::uint32_t aliveSeconds() const;

private:
    struct SeqPacket {
        std::uint64_t seq = 0;
        PacketPtr packet;
    };
    struct ReaderEntry {
        std::shared_ptr<MediaReader> reader;
        std::uint64_t deliveredUpTo;  // packets with seq <= this were in its start-up burst
        bool removed = false;         // removed during a delivery; erased after it
    };
    // The readers of one format on one io thread; touched only on that thread.
    struct ThreadGroup {
        std::vector<ReaderEntry> readers;  // touched only on the group's thread
        bool delivering = false;           // a reader removed now is only marked
        // Raised by addReader under the source's lock, so no packet after a reader's start-up
        // burst misses it; a group with none is not woken for packets.
        std::atomic<std::size_t> attached{0};
        // Packets waiting for the group's delivery task: while one is queued, new packets join
        // it, so a busy thread hands its readers several packets (one write each) at once.
        std::mutex pendingMutex;
        std::vector<SeqPacket> pending;
        bool scheduled = false;
        // The batch being delivered; kept to reuse its storage.
        std::vector<SeqPacket> batch;
        std::vector<PacketPtr> packets;
    };
    static void deliverPending(ThreadGroup& group);
    using Delivery =
        std::pair<boost::asio::any_io_executor, std::pair<std::shared_ptr<ThreadGroup>, SeqPacket>>;
    static void postDeliveries(std::vector<Delivery>& deliveries);
    // Under m_mutex: true when the deliveries were kept for the open input batch.
    bool holdForBatch(std::vector<Delivery>& deliveries);
    struct Format {
        std::unique_ptr<Muxer> muxer;
        std::map<std::string, SeqPacket> headers;
        std::vector<SeqPacket> gop;
        std::size_t gopBytes = 0;
        // any_io_executor has no ordering, only equality: a short list, one entry per io thread.
        std::vector<std::pair<boost::asio::any_io_executor, std::shared_ptr<ThreadGroup>>> groups;
    };

    void countFrame(const Frame& frame);

    MediaKey m_key;
    std::int64_t m_createdAtUnix;
    Clock::time_point m_createdSteady = Clock::now();
    core::ObjectCount<core::ObjectKind::MediaSource> m_counted;

    mutable std::mutex m_mutex;
    std::map<std::string, Format, std::less<>> m_formats;
    std::map<TrackKind, TrackState> m_tracks;
    std::vector<std::pair<std::uint64_t, FrameTap>> m_taps;
    std::uint64_t m_nextTapId = 1;
    PublisherInfo m_publisher;
    std::function<void()> m_publisherCloser;
    bool m_hasPublisher = true;
    WithheldTracks m_withheld;
    bool m_tracksDeclared = false;
    std::uint64_t m_nextSeq = 1;
    int m_openBatches = 0;
    std::vector<Delivery> m_held;  // deliveries waiting for the input batch to end
    std::atomic<std::size_t> m_readerCount{0};
    std::atomic<bool> m_closed{false};
    std::atomic<std::uint64_t> m_bytesIn{0};
    std::atomic<std::uint32_t> m_lastInputDts{0};
    std::atomic<std::uint32_t> m_bytesPerSecond{0};
    Clock::time_point m_rateWindowStart = Clock::now();
    std::uint64_t m_rateWindowBytes = 0;
};

}  // namespace regie::media
