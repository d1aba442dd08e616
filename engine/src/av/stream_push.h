#pragma once
// Pushes encoded H.264 and AAC or MP3 to a URL (rtmp://) through libavformat's FLV muxer, on a
// thread of its own so that a slow or broken network never stalls the mixer: packets wait in a
// bounded queue; when it overflows, or after a failure, the push starts again at the next
// keyframe. A connection that fails is retried until the push is destroyed. A new video format
// (size, parameter sets) reconnects, since FLV announces its tracks once.

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

#include "av/av_handles.h"
#include "av/encoders.h"

namespace regie::av {

class StreamPush {
public:
    struct Format {
        int width = 0;
        int height = 0;
        int fps = 25;
        std::vector<std::uint8_t> videoConfig;  // Annex B SPS/PPS
        AudioCodec audioCodec = AudioCodec::aacLc;
        int sampleRate = 44100;
        int channels = 2;
        int samplesPerFrame = 1024;
        std::vector<std::uint8_t> audioConfig;  // AAC: AudioSpecificConfig; MP3: empty
    };

    explicit StreamPush(std::string url,
                        std::chrono::milliseconds retryDelay = std::chrono::seconds(1));
    ~StreamPush();
    StreamPush(const StreamPush&) = delete;
    StreamPush& operator=(const StreamPush&) = delete;

    void setFormat(Format format);
    void push(bool video, const EncodedPacket& packet);

private:
    struct Queued {
        bool video = false;
        std::vector<std::uint8_t> data;
        std::int64_t dtsMs = 0;
        std::int64_t ptsMs = 0;
        bool keyframe = false;
    };
    void run();
    void session(const Format& format, std::uint64_t generation);
    static int interrupted(void* self);

    std::string m_url;
    std::chrono::milliseconds m_retryDelay;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Format> m_format;
    std::uint64_t m_formatGeneration = 0;
    std::deque<Queued> m_queue;
    std::size_t m_queuedBytes = 0;
    bool m_waitKeyframe = true;
    std::int64_t m_firstDtsMs = 0;  // of the keyframe the queued packets start at
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

}  // namespace regie::av
