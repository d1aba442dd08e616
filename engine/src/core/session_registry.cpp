#include "core/session_registry.h"

#include "core/random.h"

namespace regie::core {

std::string SessionRegistry::nextId() {
    std::lock_guard lock(m_mutex);
    if (m_next == 0) {
        // Ids look like ZLM's (large decimals) and differ across restarts of the engine.
        m_next = 100'000'000'000'000ULL + randomUint64() % 100'000'000'000'000ULL;
    }
    return std::to_string(m_next++);
}

void SessionRegistry::add(SessionInfo info, std::function<void()> kick) {
    std::lock_guard lock(m_mutex);
    std::string id = info.id;
    m_sessions[id] = Entry{std::move(info), std::move(kick)};
}

void SessionRegistry::remove(const std::string& id) {
    std::lock_guard lock(m_mutex);
    m_sessions.erase(id);
}

void SessionRegistry::setPlaying(const std::string& id, std::string key, std::string format) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_sessions.find(id); it != m_sessions.end()) {
        it->second.info.playing = std::move(key);
        it->second.info.playingFormat = std::move(format);
    }
}

void SessionRegistry::setType(const std::string& id, std::string typeId) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_sessions.find(id); it != m_sessions.end()) {
        it->second.info.typeId = std::move(typeId);
    }
}

std::vector<SessionInfo> SessionRegistry::list() const {
    std::lock_guard lock(m_mutex);
    std::vector<SessionInfo> out;
    out.reserve(m_sessions.size());
    for (const auto& [id, e] : m_sessions) {
        out.push_back(e.info);
    }
    return out;
}

bool SessionRegistry::kick(const std::string& id) {
    std::function<void()> kick;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_sessions.find(id);
        if (it == m_sessions.end()) {
            return false;
        }
        kick = it->second.kick;
    }
    if (kick) {
        kick();
    }
    return true;
}

std::size_t SessionRegistry::size() const {
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

}  // namespace regie::core
