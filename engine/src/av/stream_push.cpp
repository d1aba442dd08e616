#include "av/stream_push.h"

extern "C" {
#include <libavformat/avio.h>
}

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

namespace regie::av {

namespace {

// About four seconds of a 2.5 Mbit/s output.
constexpr std::size_t kMaxQueuedBytes = std::size_t{1300} * 1000;

constexpr std::uint8_t kAudioTag = 8;
constexpr std::uint8_t kVideoTag = 9;

// An FLV tag: the 11-byte header, the body, the previous-tag-size trailer.
void writeTag(AVIOContext* io, std::uint8_t type, std::uint32_t ms,
              const std::vector<std::uint8_t>& body) {
    const auto size = static_cast<std::uint32_t>(body.size());
    const std::array<std::uint8_t, 11> head{type,
                                            std::uint8_t(size >> 16),
                                            std::uint8_t(size >> 8),
                                            std::uint8_t(size),
                                            std::uint8_t(ms >> 16),
                                            std::uint8_t(ms >> 8),
                                            std::uint8_t(ms),
                                            std::uint8_t(ms >> 24),
                                            0,
                                            0,
                                            0};
    avio_write(io, head.data(), static_cast<int>(head.size()));
    avio_write(io, body.data(), static_cast<int>(body.size()));
    avio_wb32(io, size + 11);
}

}  // namespace

StreamPush::StreamPush(std::string url, std::chrono::milliseconds retryDelay)
    : m_url(std::move(url)), m_retryDelay(retryDelay), m_thread([this] { run(); }) {}

StreamPush::~StreamPush() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

int StreamPush::interrupted(void* self) {
    return static_cast<StreamPush*>(self)->m_stop.load() ? 1 : 0;
}

void StreamPush::setFormat(Format format) {
    {
        std::lock_guard lock(m_mutex);
        m_audioOnly = format.audioOnly;
        m_format = std::move(format);
        ++m_formatGeneration;
        m_queue.clear();
        m_queuedBytes = 0;
        m_waitKeyframe = true;
    }
    m_wake.notify_all();
}

void StreamPush::push(Tag tag) {
    {
        std::lock_guard lock(m_mutex);
        if (m_waitKeyframe && !(tag.video ? tag.keyframe : m_audioOnly)) {
            return;
        }
        if (m_waitKeyframe) {
            m_waitKeyframe = false;
            m_firstDtsMs = tag.dtsMs;
        }
        // The connection's clock starts at its first keyframe (audio lags video a little).
        if (tag.dtsMs < m_firstDtsMs) {
            return;
        }
        if (m_queuedBytes + tag.body.size() > kMaxQueuedBytes) {
            m_queue.clear();
            m_queuedBytes = 0;
            m_waitKeyframe = true;
            return;
        }
        m_queuedBytes += tag.body.size();
        m_queue.push_back(std::move(tag));
    }
    m_wake.notify_all();
}

void StreamPush::run() {
    while (!m_stop) {
        std::optional<Format> format;
        std::uint64_t generation = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_format.has_value(); });
            if (m_stop) {
                return;
            }
            format = m_format;
            generation = m_formatGeneration;
        }
        session(*format, generation);
        std::unique_lock lock(m_mutex);
        if (generation == m_formatGeneration) {
            // A failure, not a new format: wait a little, then start again at a keyframe.
            m_wake.wait_for(lock, m_retryDelay, [this] { return m_stop.load(); });
            m_queue.clear();
            m_queuedBytes = 0;
            m_waitKeyframe = true;
        }
    }
}

void StreamPush::session(const Format& format, std::uint64_t generation) {
    AVIOContext* raw = nullptr;
    const AVIOInterruptCB interrupt{&StreamPush::interrupted, this};
    if (avio_open2(&raw, m_url.c_str(), AVIO_FLAG_WRITE, &interrupt, nullptr) < 0) {
        return;
    }
    std::unique_ptr<AVIOContext, void (*)(AVIOContext*)> io(
        raw, [](AVIOContext* c) { avio_closep(&c); });
    // The FLV header (FFmpeg's RTMP protocol skips it) and the configuration records.
    const std::uint8_t tracks = format.audioOnly ? 4 : 5;
    const std::array<std::uint8_t, 13> header{'F', 'L', 'V', 1, tracks, 0, 0, 0, 9, 0, 0, 0, 0};
    avio_write(io.get(), header.data(), static_cast<int>(header.size()));
    if (!format.videoConfig.empty()) {
        writeTag(io.get(), kVideoTag, 0, format.videoConfig);
    }
    if (!format.audioConfig.empty()) {
        writeTag(io.get(), kAudioTag, 0, format.audioConfig);
    }
    avio_flush(io.get());
    std::optional<std::int64_t> base;  // the connection's first tag is at 0
    for (;;) {
        Tag tag;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] {
                return m_stop || generation != m_formatGeneration || !m_queue.empty();
            });
            if (m_stop || generation != m_formatGeneration) {
                return;
            }
            tag = std::move(m_queue.front());
            m_queue.pop_front();
            m_queuedBytes -= tag.body.size();
        }
        if (!base) {
            base = tag.dtsMs;
        }
        writeTag(io.get(), tag.video ? kVideoTag : kAudioTag,
                 static_cast<std::uint32_t>(std::max<std::int64_t>(0, tag.dtsMs - *base)),
                 tag.body);
        avio_flush(io.get());
        if (io->error < 0) {
            return;
        }
    }
}

}  // namespace regie::av
