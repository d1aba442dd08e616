#pragma once
// Every open client session (HTTP, RTMP, ...) for getAllSession / kick_session and for the
// player lists of streams. Sessions register themselves and unregister when they end.

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace regie::core {

struct SessionInfo {
    std::string id;      // decimal, unique for the process lifetime
    std::string typeId;  // ZLM class name, e.g. "mediakit::RtmpSession"
    std::string localIp;
    int localPort = 0;
    std::string peerIp;
    int peerPort = 0;
    std::string playing;        // "vhost/app/stream" while the session plays a stream
    std::string playingFormat;  // "rtmp" or "flv" (HTTP-FLV and WS-FLV)
};

class SessionRegistry {
public:
    std::string nextId();

    // `kick` closes the session gracefully; it may be called from any thread.
    void add(SessionInfo info, std::function<void()> kick);
    void remove(const std::string& id);
    void setPlaying(const std::string& id, std::string key, std::string format);
    void setType(const std::string& id, std::string typeId);

    std::vector<SessionInfo> list() const;
    bool kick(const std::string& id);
    std::size_t size() const;

private:
    struct Entry {
        SessionInfo info;
        std::function<void()> kick;
    };
    mutable std::mutex m_mutex;
    std::map<std::string, Entry> m_sessions;
    std::uint64_t m_next = 0;
};

}  // namespace regie::core
