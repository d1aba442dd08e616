#include "av/stream_pull.h"

#include "av/decoder.h"

namespace regie::av {

namespace {

std::int64_t steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

StreamPull::StreamPull(std::string url, Callbacks callbacks, std::chrono::milliseconds ioTimeout,
                       std::chrono::milliseconds retryDelay)
    : m_url(std::move(url))
    , m_callbacks(std::move(callbacks))
    , m_ioTimeout(ioTimeout)
    , m_retryDelay(retryDelay)
    , m_thread([this] { run(); }) {}

StreamPull::~StreamPull() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

int StreamPull::interrupted(void* self) {
    auto* pull = static_cast<StreamPull*>(self);
    return pull->m_stop.load() || steadyNs() > pull->m_deadlineNs.load() ? 1 : 0;
}

void StreamPull::extendDeadline() {
    m_deadlineNs = steadyNs() + std::chrono::nanoseconds(m_ioTimeout).count();
}

void StreamPull::run() {
    while (!m_stop) {
        pullOnce();
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, m_retryDelay, [this] { return m_stop.load(); });
    }
}

void StreamPull::pullOnce() {
    extendDeadline();
    AVFormatContext* raw = avformat_alloc_context();
    if (raw == nullptr) {
        return;
    }
    raw->interrupt_callback = AVIOInterruptCB{&StreamPull::interrupted, this};
    raw->probesize = std::int64_t{512} * 1024;
    raw->max_analyze_duration = std::int64_t{2} * AV_TIME_BASE;
    if (avformat_open_input(&raw, m_url.c_str(), nullptr, nullptr) < 0) {
        return;  // avformat_open_input frees the context on failure
    }
    FormatContextPtr input(raw);
    if (avformat_find_stream_info(input.get(), nullptr) < 0) {
        return;
    }
    int videoIndex = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    int audioIndex = av_find_best_stream(input.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    const bool decode = !m_callbacks.packet;
    std::unique_ptr<Decoder> video;
    std::unique_ptr<Decoder> audio;
    if (decode && videoIndex >= 0) {
        auto d = Decoder::open(*input->streams[videoIndex]->codecpar);
        video = d ? std::move(d.value()) : nullptr;
    }
    if (decode && audioIndex >= 0) {
        auto d = Decoder::open(*input->streams[audioIndex]->codecpar);
        audio = d ? std::move(d.value()) : nullptr;
    }
    if (decode && !video && !audio) {
        return;
    }
    PacketPtr packet = allocPacket();
    while (!m_stop && av_read_frame(input.get(), packet.get()) >= 0) {
        extendDeadline();
        AVRational tb = input->streams[packet->stream_index]->time_base;
        packet->pts = av_rescale_q(packet->pts, tb, AVRational{1, 1000});
        packet->dts = av_rescale_q(packet->dts, tb, AVRational{1, 1000});
        const bool wanted =
            packet->stream_index == videoIndex || packet->stream_index == audioIndex;
        if (!decode && wanted) {
            m_callbacks.packet(*packet, *input->streams[packet->stream_index]->codecpar);
        } else if (packet->stream_index == videoIndex && video) {
            video->decode(*packet, m_callbacks.video);
        } else if (packet->stream_index == audioIndex && audio) {
            audio->decode(*packet, m_callbacks.audio);
        }
        av_packet_unref(packet.get());
    }
}

}  // namespace regie::av
