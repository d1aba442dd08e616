#include "service/mix/placeholder.h"

#include "service/mix/picture_load.h"

namespace regie::service::mix {

namespace {
constexpr auto kRetryDelay = std::chrono::seconds(2);
constexpr int kTries = 3;
}  // namespace

Placeholder::Placeholder(PictureSource source, std::filesystem::path presetDir)
    : m_source(std::move(source)), m_presetDir(std::move(presetDir)), m_thread([this] { run(); }) {}

Placeholder::~Placeholder() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Placeholder::run() {
    for (int attempt = 0; attempt < kTries && !m_stop; ++attempt) {
        auto fetched = loadPicture(m_source, m_presetDir, &m_stop);
        std::unique_lock lock(m_mutex);
        if (fetched) {
            m_picture = std::move(fetched.value());
            return;
        }
        m_wake.wait_for(lock, kRetryDelay, [this] { return m_stop.load(); });
    }
}

}  // namespace regie::service::mix
