#pragma once
// One running mix: a thread of its own that, at the first output's frame rate, takes in what
// each input delivered, composes the pictures on the canvas, mixes the sound, and hands both to
// the outputs to encode. Timestamps follow the task's own clock, so they never go back and
// the output keeps flowing whatever the inputs do. A layout update is picked up at the next
// tick without interrupting the output. With WaitVideoInput the outputs are opened, and the
// clock starts, only once an input's picture has arrived.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "av/compositor.h"
#include "av/text_overlay.h"
#include "core/log.h"
#include "media/source_registry.h"
#include "service/mix/bypass_forwarder.h"
#include "service/mix/mix_inputs.h"
#include "service/mix/mix_layout.h"
#include "service/mix/mix_outputs.h"
#include "service/mix/mix_sink.h"
#include "service/mix/placeholder.h"

namespace regie::service::mix {

// Why a task ends by itself.
enum class SelfStop {
    inputsGone,  // every input has been gone for Deps::idleStop
    noVideo,     // WaitVideoInput: no input picture within kVideoWaitLimit
};

// WaitVideoInput: how long a task waits for its first input picture (mix.md: 10 s).
inline constexpr std::chrono::seconds kVideoWaitLimit{10};

class MixTask {
public:
    using Clock = std::chrono::steady_clock;

    struct Deps {
        media::SourceRegistry& sources;
        std::string app;  // where input stream ids are published
        core::Logger& log;
        std::chrono::milliseconds idleStop;
        std::filesystem::path presetDir;  // the preset store (preset-id:// pictures)
        // The task ends by itself; called once, on the task's thread.
        std::function<void(SelfStop)> ended;
        // WaitVideoInput: the outputs' sinks (parallel to layout.outputs()) once an input's
        // picture has arrived, on the task's thread; empty when they cannot be had, and the
        // service then ends the task.
        std::function<std::vector<std::unique_ptr<MixSink>>()> openOutputs;
    };

    // `sinks` are parallel to layout.outputs(); none with WaitVideoInput (Deps::openOutputs).
    MixTask(Deps deps, std::vector<std::unique_ptr<MixSink>> sinks, MixLayout layout);
    ~MixTask();
    MixTask(const MixTask&) = delete;
    MixTask& operator=(const MixTask&) = delete;

    // The dynamic parts of `layout` replace the current ones at the next tick.
    void update(MixLayout layout);
    std::chrono::seconds duration() const;

private:
    void run();
    // WaitVideoInput: takes in what the inputs deliver until one has a picture, then opens the
    // outputs; false when the task stops, gives up or cannot open them.
    bool waitForVideo();
    void runBypass();
    // Sleeps until `due`, a stop or an update, and applies the update; false on a stop.
    bool waitAndUpdate(Clock::time_point due);
    void applyLayout(MixLayout layout);
    void checkIdle(Clock::time_point now);
    void encodeVideo(Clock::time_point now);
    void drawInput(std::size_t index, Clock::time_point now);
    void drawLabels();
    // The background image or the watermark, when it has arrived.
    void drawPicture(std::size_t slot, const PictureSource& source, const av::Placement& placement);
    void compose(std::size_t slot, const AVFrame& picture, const av::Placement& placement);
    void encodeAudio();
    // Adds input `index`'s sound to `mix`; returns its level (0-100) as heard.
    std::uint8_t mixInput(std::size_t index, float* const* mix, int channels, int samples,
                          float gain);
    // This frame's sound levels for the SEI; empty without SoundLevel.
    std::span<const InputLevel> inputLevels();
    Clock::time_point videoDue() const;
    Clock::time_point audioDue() const;

    Deps m_deps;
    const Clock::time_point m_started = Clock::now();
    Clock::time_point m_timeline = m_started;  // the output's time 0 (the task's thread)

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::optional<MixLayout> m_pending;

    // Owned by the task's thread.
    MixLayout m_layout;
    const int m_channels;  // of the mixed sound: the most any output has
    MixOutputs m_outputs;
    std::vector<std::unique_ptr<MixInput>> m_inputs;  // parallel to m_layout.inputs
    std::vector<std::size_t> m_drawOrder;
    std::map<PictureSource, std::unique_ptr<Placeholder>> m_images;
    av::Compositor m_compositor;
    av::TextOverlay m_overlay;
    std::vector<av::TextLabel> m_labels;  // this frame's, kept to reuse their storage
    bool m_hasAudio = false;
    av::FramePtr m_audioFrame = av::allocFrame();
    std::vector<std::vector<float>> m_inputSound;  // one input's samples, per channel
    std::vector<float*> m_inputPlanes;             // into m_inputSound
    std::vector<std::uint8_t> m_soundLevels;       // parallel to m_inputs
    std::vector<InputLevel> m_levelsSent;
    std::unique_ptr<BypassForwarder> m_bypass;  // ByPass=1 only
    std::int64_t m_videoIndex = 0;
    std::int64_t m_audioSamples = 0;
    std::optional<Clock::time_point> m_goneSince;
    bool m_idleReported = false;

    std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace regie::service::mix
