#pragma once
// A picture of the canvas (an input's placeholder MixInput Image.Url, the BackgroundImage, the
// WaterMark), downloaded (or read from the preset store) on a thread of its own and retried a
// few times; until it has arrived,
// or if it cannot be had, nothing is drawn for it.

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

#include "av/av_handles.h"
#include "service/mix/mix_layout.h"

namespace regie::service::mix {

class Placeholder {
public:
    Placeholder(PictureSource source, std::filesystem::path presetDir);
    ~Placeholder();
    Placeholder(const Placeholder&) = delete;
    Placeholder& operator=(const Placeholder&) = delete;

    template <typename Use>
    bool withPicture(Use&& use) {
        std::lock_guard lock(m_mutex);
        if (!m_picture) {
            return false;
        }
        use(static_cast<const AVFrame&>(*m_picture));
        return true;
    }

private:
    void run();

    PictureSource m_source;
    std::filesystem::path m_presetDir;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    av::FramePtr m_picture;
    std::thread m_thread;
};

}  // namespace regie::service::mix
