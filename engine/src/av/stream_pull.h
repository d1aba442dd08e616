#pragma once
// Pulls a live URL (rtmp://, HTTP-FLV) with libavformat on its own thread, decodes its first
// video and first audio stream, and lends each decoded frame to a callback on that thread (or,
// with a packet callback, lends their packets as they are, undecoded).
// After a failure or the end of the stream it reconnects, until it is destroyed.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "av/av_handles.h"

namespace regie::av {

class StreamPull {
public:
    struct Callbacks {
        std::function<void(AVFrame&)> video;
        std::function<void(AVFrame&)> audio;
        // Set: packets (timestamps in ms) with their stream's parameters, nothing decoded.
        std::function<void(const AVPacket&, const AVCodecParameters&)> packet;
    };

    StreamPull(std::string url, Callbacks callbacks,
               std::chrono::milliseconds ioTimeout = std::chrono::seconds(10),
               std::chrono::milliseconds retryDelay = std::chrono::seconds(1));
    ~StreamPull();
    StreamPull(const StreamPull&) = delete;
    StreamPull& operator=(const StreamPull&) = delete;

private:
    void run();
    void pullOnce();
    void extendDeadline();
    static int interrupted(void* self);

    std::string m_url;
    Callbacks m_callbacks;
    std::chrono::milliseconds m_ioTimeout;
    std::chrono::milliseconds m_retryDelay;
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_deadlineNs{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
};

}  // namespace regie::av
