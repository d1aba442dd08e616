#include "service/mix/mix_task.h"

#include <algorithm>
#include <cstring>
#include <map>

namespace regie::service::mix {

namespace {

constexpr int kSampleRate = 44100;
// A picture older than this counts as missing (stalled input): the background shows instead.
constexpr auto kPictureFresh = std::chrono::milliseconds(1000);
// ImageDisplay::afterEmpty3s: how long an input shows nothing before its placeholder shows.
constexpr auto kEmptyForImage = std::chrono::seconds(3);
// Further behind than this, the task skips ahead instead of catching up frame by frame.
constexpr auto kMaxLag = std::chrono::milliseconds(500);
// ByPass, and WaitVideoInput until a picture arrives: how often the task takes in what its
// inputs delivered.
constexpr auto kInputPoll = std::chrono::milliseconds(10);

template <typename Rep, typename Period>
std::int64_t micros(std::chrono::duration<Rep, Period> d) {
    return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
}

// The mix is made in chunks of this many samples, whatever the encoders' frame sizes.
constexpr int kMixChunk = 1024;

int mostChannels(const MixLayout& layout) {
    int channels = 1;
    for (const auto& out : layout.outputs()) {
        channels = std::max(channels, out.channels);
    }
    return channels;
}

}  // namespace

MixTask::MixTask(Deps deps, std::vector<std::unique_ptr<MixSink>> sinks, MixLayout layout)
    : m_deps(std::move(deps))
    , m_channels(mostChannels(layout))
    , m_outputs(layout.outputs(), m_deps.log) {
    if (!sinks.empty()) {
        m_outputs.attach(std::move(sinks));
    }
    if (layout.bypass) {
        m_bypass = std::make_unique<BypassForwarder>(m_outputs.firstSink(), m_outputs.firstSei(),
                                                     m_started, m_deps.log);
    }
    applyLayout(std::move(layout));
    m_thread = std::thread([this] { m_bypass ? runBypass() : run(); });
}

MixTask::~MixTask() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void MixTask::update(MixLayout layout) {
    {
        std::lock_guard lock(m_mutex);
        m_pending = std::move(layout);
    }
    m_wake.notify_all();
}

std::chrono::seconds MixTask::duration() const {
    return std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - m_started);
}

// `layout`'s outputs are the task's own (MixLayout::keepOutputsOf), with their new settings.
void MixTask::applyLayout(MixLayout layout) {
    m_outputs.update(layout.outputs());
    if (m_bypass && !m_inputs.empty()) {
        layout.inputs = m_layout.inputs;  // a ByPass task forwards its one input for its life
    }
    std::map<std::string, std::unique_ptr<MixInput>> previous;
    for (std::size_t i = 0; i < m_inputs.size(); ++i) {
        previous[m_layout.inputs[i].sourceKey()] = std::move(m_inputs[i]);
    }
    m_inputs.clear();
    std::vector<int> layers;
    for (const auto& spec : layout.inputs) {
        layers.push_back(spec.layer);
        if (auto it = previous.find(spec.sourceKey()); it != previous.end()) {
            m_inputs.push_back(std::move(it->second));
            continue;
        }
        InputSetup setup{kSampleRate, m_channels, {}, layout.timing.hold, layout.timing.alignment};
        if (m_bypass) {
            setup.forward = [this](const media::Frame& f) { m_bypass->forward(f); };
        }
        if (!spec.streamUrl.empty()) {
            m_inputs.push_back(std::make_unique<UrlInput>(spec.streamUrl, setup));
        } else {
            m_inputs.push_back(std::make_unique<LiveInput>(
                m_deps.sources, media::normalizedKey("", m_deps.app, spec.streamId, false), setup));
        }
    }
    m_drawOrder = av::drawOrder(layers);
    std::map<PictureSource, std::unique_ptr<Placeholder>> images;
    for (auto& source : layout.pictures()) {
        auto kept = m_images.find(source);
        images[source] = kept != m_images.end()
                             ? std::move(kept->second)
                             : std::make_unique<Placeholder>(source, m_deps.presetDir);
    }
    m_images = std::move(images);
    m_soundLevels.assign(m_inputs.size(), 0);
    if (layout.userData != m_layout.userData) {
        m_outputs.setUserData(layout.userData, layout.userDataEveryFrame);
    }
    m_layout = std::move(layout);
}

MixTask::Clock::time_point MixTask::videoDue() const {
    return m_timeline + std::chrono::microseconds(m_videoIndex * 1'000'000 / m_layout.output.fps);
}

MixTask::Clock::time_point MixTask::audioDue() const {
    return m_timeline + std::chrono::microseconds(m_audioSamples * 1'000'000 / kSampleRate);
}

void MixTask::run() {
    if (m_layout.timing.waitForVideo && !waitForVideo()) {
        return;
    }
    m_audioFrame->format = AV_SAMPLE_FMT_FLTP;
    m_audioFrame->sample_rate = kSampleRate;
    av_channel_layout_default(&m_audioFrame->ch_layout, m_channels);
    m_audioFrame->nb_samples = kMixChunk;
    m_hasAudio =
        av_frame_get_buffer(m_audioFrame.get(), 0) >= 0 && m_outputs.openAudio(kSampleRate);
    for (;;) {
        auto due = m_hasAudio ? std::min(videoDue(), audioDue()) : videoDue();
        if (m_layout.output.audioOnly()) {
            due = m_hasAudio ? audioDue() : Clock::now() + std::chrono::milliseconds(100);
        }
        if (!waitAndUpdate(due)) {
            return;
        }
        auto now = Clock::now();
        for (auto& input : m_inputs) {
            input->poll(now);
        }
        if (!m_layout.output.audioOnly() && now >= videoDue()) {
            encodeVideo(now);
        }
        if (m_hasAudio) {
            encodeAudio();
        }
        checkIdle(now);
    }
}

bool MixTask::waitAndUpdate(Clock::time_point due) {
    std::optional<MixLayout> next;
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait_until(lock, due, [this] { return m_stop || m_pending.has_value(); });
        if (m_stop) {
            return false;
        }
        next = std::exchange(m_pending, std::nullopt);
    }
    if (next) {
        applyLayout(std::move(*next));
    }
    return true;
}

bool MixTask::waitForVideo() {
    const auto giveUp = m_started + kVideoWaitLimit;
    while (waitAndUpdate(std::min(giveUp, Clock::now() + kInputPoll))) {
        const auto now = Clock::now();
        for (auto& input : m_inputs) {
            input->poll(now);
        }
        if (std::any_of(m_inputs.begin(), m_inputs.end(), [&](const auto& input) {
                return input->slot().hasPicture(now, kPictureFresh);
            })) {
            auto sinks = m_deps.openOutputs();
            if (sinks.empty()) {
                return false;
            }
            m_outputs.attach(std::move(sinks));
            m_timeline = Clock::now();
            return true;
        }
        if (now >= giveUp) {
            m_deps.log.info("mix.no_video", {{"stream", m_layout.output.streamId}});
            m_deps.ended(SelfStop::noVideo);
            return false;
        }
    }
    return false;
}

// ByPass: no canvas and no encoders; the input's frames go to the output as they arrive.
void MixTask::runBypass() {
    while (waitAndUpdate(Clock::now() + kInputPoll)) {
        const auto now = Clock::now();
        for (auto& input : m_inputs) {
            input->poll(now);
        }
        checkIdle(now);
    }
}

void MixTask::checkIdle(Clock::time_point now) {
    bool anyAlive = m_bypass
                        ? m_bypass->alive(now, kPictureFresh)
                        : std::any_of(m_inputs.begin(), m_inputs.end(), [&](const auto& input) {
                              return input->slot().alive(now, kPictureFresh);
                          });
    if (anyAlive) {
        m_goneSince.reset();
        return;
    }
    if (!m_goneSince) {
        m_goneSince = now;
    }
    if (!m_idleReported && now - *m_goneSince >= m_deps.idleStop) {
        m_idleReported = true;
        m_deps.log.info("mix.inputs_gone", {{"stream", m_layout.output.streamId}});
        m_deps.ended(SelfStop::inputsGone);
    }
}

void MixTask::encodeVideo(Clock::time_point now) {
    const MixOutputSpec& out = m_layout.output;
    if (m_compositor.begin(out.width, out.height, m_layout.background)) {
        // The background image and the watermark draw in the slots after the inputs'.
        const std::size_t pictureSlot = m_layout.inputs.size();
        if (!m_layout.backgroundImage.empty()) {
            drawPicture(pictureSlot, {m_layout.backgroundImage, kMaxCanvasImageBytes},
                        {{0, 0, out.width, out.height}, av::RenderMode::cropToFill});
        }
        for (std::size_t index : m_drawOrder) {
            drawInput(index, now);
        }
        drawLabels();
        if (const auto& mark = m_layout.watermark) {
            drawPicture(pictureSlot + 1, {mark->url, kMaxCanvasImageBytes},
                        {mark->rect, av::RenderMode::fit});
        }
        m_outputs.video(m_compositor.canvas(), m_layout.background, m_videoIndex, inputLevels());
    }
    ++m_videoIndex;
    if (now - videoDue() > kMaxLag) {
        m_videoIndex = micros(now - m_timeline) * out.fps / 1'000'000;
    }
}

void MixTask::drawInput(std::size_t index, Clock::time_point now) {
    const MixInputSpec& spec = m_layout.inputs[index];
    if (!spec.seen()) {
        return;
    }
    auto draw = [&](const AVFrame& picture) { compose(index, picture, *spec.placement); };
    InputSlot& slot = m_inputs[index]->slot();
    Placeholder* image =
        spec.image ? m_images.at({spec.image->url, kMaxImageBytes}).get() : nullptr;
    const ImageDisplay display = spec.image ? spec.image->display : ImageDisplay::always;
    if (image == nullptr || display != ImageDisplay::always) {
        if (slot.withPicture(now, kPictureFresh, draw) || image == nullptr) {
            return;
        }
    }
    if (display == ImageDisplay::afterEmpty3s && slot.hasPicture(now, kEmptyForImage)) {
        return;  // stalled for less than 3 s: the background, not the placeholder yet
    }
    image->withPicture(draw);
}

void MixTask::drawPicture(std::size_t slot, const PictureSource& source,
                          const av::Placement& placement) {
    m_images.at(source)->withPicture(
        [&](const AVFrame& picture) { compose(slot, picture, placement); });
}

void MixTask::compose(std::size_t slot, const AVFrame& picture, const av::Placement& placement) {
    if (auto drawn = m_compositor.draw(slot, picture, placement); !drawn) {
        m_deps.log.debug("mix.draw_failed", {{"error", drawn.error().message}});
    }
}

std::uint8_t MixTask::mixInput(std::size_t index, float* const* mix, int channels, int samples,
                               float gain) {
    InputSlot& slot = m_inputs[index]->slot();
    if (!m_layout.soundLevels) {
        slot.mixAudio(mix, samples, gain);
        return 0;
    }
    // Apart first, to measure it.
    m_inputSound.resize(static_cast<std::size_t>(channels));
    m_inputPlanes.clear();
    for (auto& plane : m_inputSound) {
        plane.assign(static_cast<std::size_t>(samples), 0.0f);
        m_inputPlanes.push_back(plane.data());
    }
    if (!slot.mixAudio(m_inputPlanes.data(), samples, gain)) {
        return 0;
    }
    for (int c = 0; c < channels; ++c) {
        for (int s = 0; s < samples; ++s) {
            mix[c][s] += m_inputPlanes[static_cast<std::size_t>(c)][s];
        }
    }
    return soundLevel(m_inputPlanes.data(), channels, samples);
}

std::span<const InputLevel> MixTask::inputLevels() {
    m_levelsSent.clear();
    for (std::size_t i = 0; m_layout.soundLevels && i < m_layout.inputs.size(); ++i) {
        m_levelsSent.push_back({m_layout.inputs[i].soundLevelId.value_or(0), m_soundLevels[i]});
    }
    return m_levelsSent;
}

// Labels go on top of every input (one pass over the canvas), whatever their inputs' layers.
void MixTask::drawLabels() {
    std::size_t count = 0;
    for (const auto& spec : m_layout.inputs) {
        if (!spec.label || !spec.seen()) {
            continue;
        }
        if (m_labels.size() <= count) {
            m_labels.emplace_back();
        }
        const LabelSpec& l = *spec.label;
        av::TextLabel& label = m_labels[count++];
        label.text = l.text;
        label.x = spec.placement->rect.left + l.left;
        label.y = spec.placement->rect.top + l.top;
        label.size = l.fontSize;
        label.color = l.fontColor;
        label.opacity = 1.0 - l.transparency / 100.0;
        label.border = l.borderColor;
        label.fontFile = labelFontFile(l.fontType);
    }
    m_labels.resize(count);
    if (auto drawn = m_overlay.apply(m_compositor.canvas(), m_labels); !drawn) {
        m_deps.log.debug("mix.labels_failed", {{"error", drawn.error().message}});
    }
}

void MixTask::encodeAudio() {
    const auto now = Clock::now();
    if (now - audioDue() > kMaxLag) {
        m_audioSamples = micros(now - m_timeline) * kSampleRate / 1'000'000;
    }
    const int samples = kMixChunk;
    while (audioDue() <= now) {
        if (av_frame_make_writable(m_audioFrame.get()) < 0) {
            return;
        }
        auto** planes = reinterpret_cast<float**>(m_audioFrame->extended_data);
        const int channels = m_channels;
        for (int c = 0; c < channels; ++c) {
            std::memset(planes[c], 0, sizeof(float) * static_cast<std::size_t>(samples));
        }
        for (std::size_t i = 0; i < m_inputs.size(); ++i) {
            const MixInputSpec& spec = m_layout.inputs[i];
            float gain = spec.heard() ? static_cast<float>(spec.volume) / 100.0f : 0.0f;
            m_soundLevels[i] = mixInput(i, planes, channels, samples, gain);
        }
        for (int c = 0; c < channels; ++c) {
            for (int s = 0; s < samples; ++s) {
                planes[c][s] = std::clamp(planes[c][s], -1.0f, 1.0f);
            }
        }
        m_outputs.audio(*m_audioFrame, m_audioSamples);
        m_audioSamples += samples;
    }
}

}  // namespace regie::service::mix
