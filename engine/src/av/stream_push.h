#pragma once
// Pushes FLV tag bodies (made by the caller: any codec FLV can name, H.265 as codec id 12
// included) to a URL (rtmp://) through FFmpeg's RTMP protocol, which turns the FLV stream it is
// given into RTMP messages. On a thread of its own so that a slow or broken network never
// stalls the mixer: tags wait in a bounded queue; when it overflows, or after a failure, the
// push starts again at the next keyframe. A connection that fails is retried until the push is
// destroyed. A new format (configuration records) reconnects, since FLV announces its tracks
// once. Timestamps start at 0 on every connection.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace regie::av {

class StreamPush {
public:
    // The configuration tag bodies a connection starts with (AVC/HEVC record, AAC's
    // AudioSpecificConfig); an empty one is not sent (MP3 has none).
    struct Format {
        bool audioOnly = false;  // no video track: a connection starts at any audio tag
        std::vector<std::uint8_t> videoConfig;
        std::vector<std::uint8_t> audioConfig;
    };
    struct Tag {
        bool video = false;
        bool keyframe = false;
        std::int64_t dtsMs = 0;
        std::vector<std::uint8_t> body;
    };

    explicit StreamPush(std::string url,
                        std::chrono::milliseconds retryDelay = std::chrono::seconds(1));
    ~StreamPush();
    StreamPush(const StreamPush&) = delete;
    StreamPush& operator=(const StreamPush&) = delete;

    void setFormat(Format format);
    void push(Tag tag);

private:
    void run();
    void session(const Format& format, std::uint64_t generation);
    static int interrupted(void* self);

    std::string m_url;
    std::chrono::milliseconds m_retryDelay;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Format> m_format;
    std::uint64_t m_formatGeneration = 0;
    std::deque<Tag> m_queue;
    std::size_t m_queuedBytes = 0;
    bool m_audioOnly = false;
    bool m_waitKeyframe = true;
    std::int64_t m_firstDtsMs = 0;  // of the keyframe the queued tags start at
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

}  // namespace regie::av
