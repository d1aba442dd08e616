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

// A stream published to this engine; found again when its publisher comes back.
class LiveInput final : public MixInput {
public:
    LiveInput(media::SourceRegistry& sources, media::MediaKey key, int sampleRate, int channels);
    ~LiveInput() override;

    void poll(InputSlot::Clock::time_point now) override;
    // ByPass: the stream's frames go to `forward` as they are, never decoded.
    void forwardTo(std::function<void(const media::Frame&)> forward) {
        m_forward = std::move(forward);
    }

private:
    struct Queue {
        std::mutex mutex;
        std::vector<media::Frame> frames;
    };
    void attach();
    void detach();
    void decode(const media::Frame& frame);

    media::SourceRegistry& m_sources;
    media::MediaKey m_key;
    std::shared_ptr<media::MediaSource> m_source;
    std::uint64_t m_tap = 0;
    std::shared_ptr<Queue> m_queue = std::make_shared<Queue>();
    std::vector<media::Frame> m_taken;  // swapped with the queue, so both keep their capacity
    std::function<void(const media::Frame&)> m_forward;
    InputSlot::Clock::time_point m_nextLookup{};
    std::unique_ptr<av::Decoder> m_video;
    std::unique_ptr<av::Decoder> m_audio;
    media::CodecId m_audioCodec = media::CodecId::AAC;
    bool m_waitKeyframe = true;
};

// A pulled URL (rtmp://, HTTP-FLV).
class UrlInput final : public MixInput {
public:
    UrlInput(const std::string& url, int sampleRate, int channels);

    void poll(InputSlot::Clock::time_point) override {}

private:
    av::StreamPull m_pull;  // last: its thread stops before the slot goes
};

}  // namespace regie::service::mix
