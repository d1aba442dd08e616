#include "media/media_source.h"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <utility>

#include "protocol/flv/tag_body.h"

namespace regie::media {

namespace {
// A GOP longer than this (a stream without keyframes) is not cached; new readers then wait for
// the next keyframe instead of the engine holding unbounded memory.
constexpr std::size_t kMaxGopBytes = std::size_t{32} * 1024 * 1024;
constexpr std::size_t kMaxGopPackets = 4096;
}  // namespace

std::string_view originTypeName(OriginType type) {
    switch (type) {
        case OriginType::unknown:
            return "unknown";
        case OriginType::rtmpPush:
            return "rtmp_push";
        case OriginType::rtspPush:
            return "rtsp_push";
        case OriginType::rtpPush:
            return "rtp_push";
        case OriginType::pull:
            return "pull";
        case OriginType::ffmpegPull:
            return "ffmpeg_pull";
        case OriginType::mp4Vod:
            return "mp4_vod";
        case OriginType::deviceChannel:
            return "device_chn";
        case OriginType::rtcPush:
            return "rtc_push";
        case OriginType::srtPush:
            return "srt_push";
    }
    return "unknown";
}

MediaSource::MediaSource(MediaKey key, PublisherInfo publisher, std::int64_t createdAtUnix)
    : m_key(std::move(key)), m_createdAtUnix(createdAtUnix), m_publisher(std::move(publisher)) {}

void MediaSource::addFormat(std::string name, std::unique_ptr<Muxer> muxer) {
    std::lock_guard lock(m_mutex);
    m_formats[std::move(name)].muxer = std::move(muxer);
}

bool MediaSource::hasFormat(std::string_view name) const {
    std::lock_guard lock(m_mutex);
    return m_formats.find(name) != m_formats.end();
}

void MediaSource::input(const Frame& frame) {
    std::vector<Delivery> deliveries;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed) {
            return;
        }
        countFrame(frame);
        // A withheld track reaches taps too only as its sequence headers.
        if (!m_withheld.withholds(frame.kind) || frame.config) {
            for (const auto& [id, tap] : m_taps) {
                tap(frame);
            }
        }
        for (auto& [name, format] : m_formats) {
            for (auto& out : format.muxer->mux(frame)) {
                SeqPacket sp{m_nextSeq++, std::move(out.packet)};
                if (out.headerSlot) {
                    format.headers[*out.headerSlot] = sp;
                } else {
                    if (sp.packet->keyframe && sp.packet->video) {
                        format.gop.clear();
                        format.gopBytes = 0;
                    }
                    std::size_t size = sp.packet->size();
                    if (format.gopBytes + size > kMaxGopBytes ||
                        format.gop.size() >= kMaxGopPackets) {
                        format.gop.clear();
                        format.gopBytes = 0;
                    } else if (!format.gop.empty() || (sp.packet->keyframe && sp.packet->video)) {
                        format.gop.push_back(sp);
                        format.gopBytes += size;
                    }
                }
                if (m_withheld.withholds(frame.kind)) {
                    continue;
                }
                for (const auto& [executor, group] : format.groups) {
                    if (group->attached.load(std::memory_order_relaxed) > 0) {
                        deliveries.push_back({executor, {group, sp}});
                    }
                }
            }
        }
        if (holdForBatch(deliveries)) {
            return;
        }
    }
    postDeliveries(deliveries);
}

MediaSource::InputBatch::InputBatch(std::shared_ptr<MediaSource> source)
    : m_source(std::move(source)) {
    std::lock_guard lock(m_source->m_mutex);
    ++m_source->m_openBatches;
}

MediaSource::InputBatch::~InputBatch() {
    std::vector<Delivery> deliveries;
    {
        std::lock_guard lock(m_source->m_mutex);
        if (--m_source->m_openBatches > 0) {
            return;
        }
        deliveries.swap(m_source->m_held);
    }
    postDeliveries(deliveries);
}

bool MediaSource::holdForBatch(std::vector<Delivery>& deliveries) {
    if (m_openBatches == 0) {
        return false;
    }
    m_held.insert(m_held.end(), std::make_move_iterator(deliveries.begin()),
                  std::make_move_iterator(deliveries.end()));
    return true;
}

// Each thread group gets its packets under one lock and at most one task, so a thread that
// wakes up for the first packet cannot start delivering before the others are there.
void MediaSource::postDeliveries(std::vector<Delivery>& deliveries) {
    for (std::size_t i = 0; i < deliveries.size(); ++i) {
        auto& [executor, delivery] = deliveries[i];
        if (!delivery.first) {
            continue;  // went with an earlier entry of its group
        }
        std::shared_ptr<ThreadGroup> group = std::move(delivery.first);
        bool schedule = false;
        {
            std::lock_guard lock(group->pendingMutex);
            group->pending.push_back(std::move(delivery.second));
            for (std::size_t j = i + 1; j < deliveries.size(); ++j) {
                if (deliveries[j].second.first == group) {
                    group->pending.push_back(std::move(deliveries[j].second.second));
                    deliveries[j].second.first.reset();
                }
            }
            schedule = !std::exchange(group->scheduled, true);
        }
        if (schedule) {
            boost::asio::post(executor, [group] { deliverPending(*group); });
        }
    }
}

void MediaSource::deliverPending(ThreadGroup& group) {
    auto& batch = group.batch;
    {
        std::lock_guard lock(group.pendingMutex);
        batch.swap(group.pending);
        group.scheduled = false;
    }
    auto& packets = group.packets;
    for (const auto& sp : batch) {
        packets.push_back(sp.packet);
    }
    // A reader may leave (or a new one join) while it is handed packets: entries are read by
    // index and a removed one is only marked until the loop ends.
    group.delivering = true;
    bool removed = false;
    for (std::size_t i = 0; i < group.readers.size(); ++i) {
        const ReaderEntry& entry = group.readers[i];
        if (entry.removed) {
            removed = true;
            continue;
        }
        // Packets are in sequence order; skip those the reader got in its start-up burst.
        std::size_t first = 0;
        while (first < batch.size() && batch[first].seq <= entry.deliveredUpTo) {
            ++first;
        }
        if (first < batch.size()) {
            MediaReader& reader = *entry.reader;
            reader.deliver(std::span<const PacketPtr>(packets).subspan(first));
        }
        removed = removed || group.readers[i].removed;
    }
    group.delivering = false;
    if (removed) {
        std::erase_if(group.readers, [](const ReaderEntry& e) { return e.removed; });
    }
    batch.clear();
    packets.clear();
}

bool MediaSource::addReader(std::string_view formatName,
                            const std::shared_ptr<MediaReader>& reader) {
    std::vector<PacketPtr> startup;
    std::shared_ptr<ThreadGroup> group;
    std::uint64_t upTo = 0;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_formats.find(formatName);
        if (m_closed || it == m_formats.end()) {
            return false;
        }
        Format& format = it->second;
        for (const auto& [slot, kind] :
             {std::pair{"metadata", TrackKind::metadata}, std::pair{"video", TrackKind::video},
              std::pair{"audio", TrackKind::audio}}) {
            if (auto h = format.headers.find(slot);
                h != format.headers.end() && !m_withheld.withholds(kind)) {
                startup.push_back(h->second.packet);
            }
        }
        for (const auto& sp : format.gop) {
            if (!m_withheld.withholds(sp.packet->video ? TrackKind::video : TrackKind::audio)) {
                startup.push_back(sp.packet);
            }
        }
        upTo = m_nextSeq - 1;
        auto executor = reader->executor();
        auto g = std::find_if(format.groups.begin(), format.groups.end(),
                              [&](const auto& e) { return e.first == executor; });
        if (g == format.groups.end()) {
            format.groups.emplace_back(executor, std::make_shared<ThreadGroup>());
            g = std::prev(format.groups.end());
        }
        group = g->second;
        ++group->attached;
    }
    group->readers.push_back({reader, upTo});
    ++m_readerCount;
    if (!startup.empty()) {
        reader->deliver(startup);
    }
    return true;
}

void MediaSource::removeReader(std::string_view formatName, const MediaReader* reader) {
    std::shared_ptr<ThreadGroup> group;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_formats.find(formatName);
        if (it == m_formats.end()) {
            return;
        }
        // The reader's own thread is its group's: other threads' reader lists are not read here.
        auto executor = reader->executor();
        for (const auto& [groupExecutor, g] : it->second.groups) {
            if (groupExecutor == executor) {
                group = g;
                break;
            }
        }
    }
    if (!group) {
        return;
    }
    auto r = std::find_if(group->readers.begin(), group->readers.end(), [&](const ReaderEntry& e) {
        return e.reader.get() == reader && !e.removed;
    });
    if (r == group->readers.end()) {
        return;
    }
    if (group->delivering) {
        r->removed = true;
    } else {
        group->readers.erase(r);
    }
    --group->attached;
    --m_readerCount;
}

void MediaSource::setWithheldTracks(WithheldTracks withheld) {
    std::vector<Delivery> deliveries;
    {
        std::lock_guard lock(m_mutex);
        const WithheldTracks before = std::exchange(m_withheld, withheld);
        if (m_closed || before == withheld) {
            return;
        }
        // A released track's decoder configuration, so attached readers can decode it again.
        std::vector<const char*> released;
        if (before.video && !withheld.video) {
            released.push_back("video");
        }
        if (before.audio && !withheld.audio) {
            released.push_back("audio");
        }
        for (auto& [name, format] : m_formats) {
            for (const char* slot : released) {
                auto h = format.headers.find(slot);
                if (h == format.headers.end()) {
                    continue;
                }
                SeqPacket sp{m_nextSeq++, h->second.packet};
                for (const auto& [executor, group] : format.groups) {
                    if (group->attached.load(std::memory_order_relaxed) > 0) {
                        deliveries.push_back({executor, {group, sp}});
                    }
                }
            }
        }
        if (holdForBatch(deliveries)) {
            return;
        }
    }
    postDeliveries(deliveries);
}

WithheldTracks MediaSource::withheldTracks() const {
    std::lock_guard lock(m_mutex);
    return m_withheld;
}

std::uint64_t MediaSource::addFrameTap(FrameTap tap) {
    std::lock_guard lock(m_mutex);
    for (TrackKind kind : {TrackKind::video, TrackKind::audio}) {
        auto it = m_tracks.find(kind);
        if (it == m_tracks.end() || !it->second.config) {
            continue;
        }
        const SharedBytes& body = it->second.config;
        auto tag = kind == TrackKind::video ? flv::parseVideoTag(*body, m_lastInputDts)
                                            : flv::parseAudioTag(*body, m_lastInputDts);
        if (!tag) {
            continue;
        }
        Frame header;
        header.kind = kind;
        header.codec = tag.value().codec;
        header.dts = header.pts = m_lastInputDts;
        header.config = true;
        header.keyframe = true;
        header.flvBody = body;
        header.payload =
            BufferRef{body, static_cast<std::size_t>(tag.value().payload.data() - body->data()),
                      tag.value().payload.size()};
        tap(header);
    }
    m_taps.emplace_back(m_nextTapId, std::move(tap));
    return m_nextTapId++;
}

void MediaSource::removeFrameTap(std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    std::erase_if(m_taps, [id](const auto& entry) { return entry.first == id; });
}

void MediaSource::close() {
    if (m_closed.exchange(true)) {
        return;
    }
    std::vector<std::pair<boost::asio::any_io_executor, std::shared_ptr<ThreadGroup>>> groups;
    std::function<void()> closer;
    {
        std::lock_guard lock(m_mutex);
        closer = std::move(m_publisherCloser);
        for (auto& [name, format] : m_formats) {
            groups.insert(groups.end(), format.groups.begin(), format.groups.end());
            format.gop.clear();
            format.headers.clear();
        }
    }
    if (closer) {
        closer();
    }
    for (auto& [executor, group] : groups) {
        boost::asio::post(executor, [self = shared_from_this(), group = group] {
            auto readers = std::move(group->readers);
            group->readers.clear();
            group->attached = 0;
            self->m_readerCount -= readers.size();
            for (auto& e : readers) {
                e.reader->sourceEnded();
            }
        });
    }
}

void MediaSource::setPublisher(PublisherInfo info, std::function<void()> closer) {
    std::lock_guard lock(m_mutex);
    m_publisher = std::move(info);
    m_publisherCloser = std::move(closer);
    m_hasPublisher = true;
}

void MediaSource::publisherGone() {
    std::lock_guard lock(m_mutex);
    m_hasPublisher = false;
    m_publisherCloser = nullptr;
}

bool MediaSource::hasPublisher() const {
    std::lock_guard lock(m_mutex);
    return m_hasPublisher;
}

PublisherInfo MediaSource::publisher() const {
    std::lock_guard lock(m_mutex);
    return m_publisher;
}

std::vector<TrackState> MediaSource::tracks() const {
    std::lock_guard lock(m_mutex);
    std::vector<TrackState> out;
    for (const auto& [kind, t] : m_tracks) {
        if (kind != TrackKind::metadata) {
            out.push_back(t);
        }
    }
    return out;
}

void MediaSource::declareTracks(const std::vector<std::pair<TrackKind, CodecId>>& declared) {
    std::lock_guard lock(m_mutex);
    for (const auto& [kind, codec] : declared) {
        if (auto [it, added] = m_tracks.try_emplace(kind); added) {
            it->second.kind = kind;
            it->second.info.codec = codec;
        }
    }
    m_tracksDeclared = true;
}

bool MediaSource::tracksDeclared() const {
    std::lock_guard lock(m_mutex);
    return m_tracksDeclared;
}

void MediaSource::updateTrack(TrackKind kind, const std::function<void(TrackState&)>& update) {
    std::lock_guard lock(m_mutex);
    auto& t = m_tracks[kind];
    t.kind = kind;
    update(t);
}

std::uint32_t MediaSource::aliveSeconds() const {
    return static_cast<std::uint32_t>(
        std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - m_createdSteady).count());
}

void MediaSource::countFrame(const Frame& frame) {
    auto now = Clock::now();
    std::size_t size = frame.flvBody ? frame.flvBody->size() : 0;
    m_bytesIn += size;
    m_rateWindowBytes += size;
    if (now - m_rateWindowStart >= std::chrono::seconds(1)) {
        auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(now - m_rateWindowStart).count();
        m_bytesPerSecond =
            static_cast<std::uint32_t>(m_rateWindowBytes * 1000 / std::max<std::int64_t>(ms, 1));
        m_rateWindowBytes = 0;
        m_rateWindowStart = now;
    }
    if (frame.kind == TrackKind::metadata) {
        return;
    }
    if (frame.dts > m_lastInputDts) {
        m_lastInputDts = frame.dts;
    }
    auto& t = m_tracks[frame.kind];
    t.kind = frame.kind;
    t.info.codec = frame.codec;
    if (frame.config) {
        t.config = frame.flvBody;
        return;
    }
    t.stats.onFrame(frame.dts, frame.kind == TrackKind::audio || frame.keyframe);
}

}  // namespace regie::media
