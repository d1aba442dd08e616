#pragma once
// Where a mix input's media comes from: a live stream of this engine (tapped) or a URL (pulled
// on a thread of its own). Either way its coded frames are queued as they arrive, held for the
// task's receive buffer, then decoded (or forwarded, ByPass) on the task's thread at each tick
// into the input's InputSlot.

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "av/stream_pull.h"
#include "media/source_registry.h"
#include "service/mix/frame_decoder.h"
#include "service/mix/frame_timing.h"
#include "service/mix/input_slot.h"
#include "service/mix/mix_layout.h"

namespace regie::service::mix {

// ByPass: where an input's frames go as they are, on the task's thread; empty: decoded.
using Forward = std::function<void(const media::Frame&)>;

// What every input of a task shares.
struct InputSetup {
    int sampleRate = 44100;  // of the mixed sound
    int channels = 1;
    Forward forward;
    std::chrono::milliseconds hold{0};  // RecvBufferLevel: how long frames wait before use
    Alignment alignment = Alignment::none;
};

class MixInput {
public:
    explicit MixInput(const InputSetup& setup) : m_slot(setup.sampleRate, setup.channels) {}
    virtual ~MixInput() = default;
    MixInput(const MixInput&) = delete;
    MixInput& operator=(const MixInput&) = delete;

    // On the task's thread, once per tick: take in what arrived.
    virtual void poll(InputSlot::Clock::time_point now) = 0;
    InputSlot& slot() { return m_slot; }

private:
    InputSlot m_slot;
};

// Frames handed over by another thread, kept until they are due (FrameTiming) and the task's
// thread takes them. Bounded: a task far behind drops them all and its decoders start over at
// the next keyframe.
class FrameQueue {
public:
    FrameQueue(std::chrono::milliseconds hold, bool aligned) : m_timing(hold) {
        m_timing.restart(aligned);
    }

    // A new publisher: nothing queued is used, its frames are aligned or not.
    void restart(bool aligned);
    void push(media::Frame frame);
    // The due frames by `now` into `out` (emptied first), in their order of arrival.
    void take(InputSlot::Clock::time_point now, std::vector<media::Frame>& out);
    void clear();

private:
    struct Held {
        InputSlot::Clock::time_point due;
        media::Frame frame;
    };

    std::mutex m_mutex;
    FrameTiming m_timing;
    std::deque<Held> m_frames;
};

// An input's queue, whose due frames it decodes or forwards on the task's thread.
class FrameIntake {
public:
    // `aligned`: until the queue is restarted.
    explicit FrameIntake(const InputSetup& setup, bool aligned = false)
        : m_forward(setup.forward), m_queue(std::make_shared<FrameQueue>(setup.hold, aligned)) {}

    // Shared with whatever pushes: a source's tap may still run while it is being removed.
    const std::shared_ptr<FrameQueue>& queue() const { return m_queue; }
    void poll(InputSlot::Clock::time_point now, InputSlot& slot);
    // The publisher went away: nothing queued is used, decoding starts over.
    void reset();

private:
    Forward m_forward;
    std::shared_ptr<FrameQueue> m_queue;
    std::vector<media::Frame> m_taken;
    FrameDecoder m_decoder;
};

// A stream published to this engine; found again when its publisher comes back.
class LiveInput final : public MixInput {
public:
    LiveInput(media::SourceRegistry& sources, media::MediaKey key, const InputSetup& setup);
    ~LiveInput() override;

    void poll(InputSlot::Clock::time_point now) override;

private:
    void attach();
    void detach();

    media::SourceRegistry& m_sources;
    media::MediaKey m_key;
    Alignment m_alignment;
    std::shared_ptr<media::MediaSource> m_source;
    std::uint64_t m_tap = 0;
    FrameIntake m_intake;
    InputSlot::Clock::time_point m_nextLookup{};
};

// A pulled URL (rtmp://, HTTP-FLV) of H.264 or H.265 and AAC or MP3.
class UrlInput final : public MixInput {
public:
    UrlInput(const std::string& url, const InputSetup& setup);

    void poll(InputSlot::Clock::time_point now) override;

private:
    // On the pull's thread: the packet as a frame, after its stream's configuration whenever
    // that is new.
    void queuePacket(const AVPacket& packet, const AVCodecParameters& parameters);

    FrameIntake m_intake;
    std::vector<std::uint8_t> m_configs[2];  // the last sent, video and audio (pull's thread)
    av::StreamPull m_pull;                   // last: its thread stops before the rest goes
};

}  // namespace regie::service::mix
