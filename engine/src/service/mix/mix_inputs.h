#pragma once
// Where a mix input's media comes from. A live stream of this engine is tapped (its coded
// frames queued as they arrive, then decoded on the task's thread at each tick); a URL is
// pulled and decoded on a thread of its own. Both fill an InputSlot.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "av/decoder.h"
#include "av/stream_pull.h"
#include "media/source_registry.h"
#include "service/mix/input_slot.h"

namespace regie::service::mix {

class MixInput {
public:
    explicit MixInput(int sampleRate, int channels) : m_slot(sampleRate, channels) {}
    virtual ~MixInput() = default;
    MixInput(const MixInput&) = delete;
    MixInput& operator=(const MixInput&) = delete;

    // On the task's thread, once per tick: take in what arrived.
    virtual void poll(InputSlot::Clock::time_point now) = 0;
    InputSlot& slot() { return m_slot; }

private:
    InputSlot m_slot;
};

// ByPass: where an input's frames go as they are, on the task's thread; empty: decoded.
using Forward = std::function<void(const media::Frame&)>;

// Frames handed over by another thread until the task's thread takes them. Bounded: a task far
// behind drops them all and its decoders start over at the next keyframe.
class FrameQueue {
public:
    void push(media::Frame frame);
    // The queued frames into `out`, swapped so both keep their capacity.
    void take(std::vector<media::Frame>& out);
    void clear();

private:
    std::mutex m_mutex;
    std::vector<media::Frame> m_frames;
};

// A stream published to this engine; found again when its publisher comes back.
class LiveInput final : public MixInput {
public:
    LiveInput(media::SourceRegistry& sources, media::MediaKey key, int sampleRate, int channels,
              Forward forward);
    ~LiveInput() override;

    void poll(InputSlot::Clock::time_point now) override;

private:
    void attach();
    void detach();
    void decode(const media::Frame& frame);

    media::SourceRegistry& m_sources;
    media::MediaKey m_key;
    std::shared_ptr<media::MediaSource> m_source;
    std::uint64_t m_tap = 0;
    std::shared_ptr<FrameQueue> m_queue = std::make_shared<FrameQueue>();
    std::vector<media::Frame> m_taken;
    Forward m_forward;
    InputSlot::Clock::time_point m_nextLookup{};
    std::unique_ptr<av::Decoder> m_video;
    std::unique_ptr<av::Decoder> m_audio;
    media::CodecId m_audioCodec = media::CodecId::AAC;
    bool m_waitKeyframe = true;
};

// A pulled URL (rtmp://, HTTP-FLV).
class UrlInput final : public MixInput {
public:
    UrlInput(const std::string& url, int sampleRate, int channels, Forward forward);

    void poll(InputSlot::Clock::time_point now) override;

private:
    // ByPass, on the pull's thread: the packet as a frame, after its stream's configuration
    // whenever that is new.
    void queuePacket(const AVPacket& packet, const AVCodecParameters& parameters);

    Forward m_forward;
    FrameQueue m_queue;
    std::vector<media::Frame> m_taken;
    std::vector<std::uint8_t> m_configs[2];  // the last sent, video and audio (pull's thread)
    av::StreamPull m_pull;                   // last: its thread stops before the rest goes
};

}  // namespace regie::service::mix
