#pragma once
// The engine's live configuration: one flat `section.key` → string map. Readers take an
// immutable snapshot (no lock held while they use it); writers publish a new snapshot and
// notify subscribers.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace regie::core {

class ConfigSnapshot {
public:
    using Map = std::map<std::string, std::string, std::less<>>;

    ConfigSnapshot(Map values, std::uint64_t version)
        : m_values(std::move(values)), m_version(version) {}

    const Map& values() const { return m_values; }
    std::uint64_t version() const { return m_version; }
    bool contains(std::string_view key) const { return m_values.find(key) != m_values.end(); }

    std::string_view get(std::string_view key) const;  // "" when absent
    std::int64_t getInt(std::string_view key) const;
    double getDouble(std::string_view key) const;
    bool getBool(std::string_view key) const;

private:
    Map m_values;
    std::uint64_t m_version;
};

struct ConfigChange {
    std::map<std::string, std::string> changed;  // key → new value
    std::vector<std::string> restartRequired;
};

class Config {
public:
    using Listener = std::function<void(const ConfigChange&, const ConfigSnapshot&)>;

    explicit Config(ConfigSnapshot::Map initial);

    std::shared_ptr<const ConfigSnapshot> snapshot() const;

    // What `updates` would change: only existing keys, never protected ones, and only values
    // that differ. Does not modify anything.
    ConfigChange diff(const std::vector<std::pair<std::string, std::string>>& updates) const;

    // Publishes the change and notifies listeners (on the calling thread).
    void apply(const ConfigChange& change);

    // Values that describe the running engine (e.g. the port bound for a configured 0); shown
    // in snapshots, never persisted, not announced to listeners.
    void setRuntimeValue(std::string_view key, std::string value);

    // Listeners live as long as the returned handle.
    [[nodiscard]] std::shared_ptr<void> subscribe(Listener listener);

private:
    void publishLocked(ConfigSnapshot::Map values);

    mutable std::mutex m_mutex;
    std::shared_ptr<const ConfigSnapshot> m_current;
    std::vector<std::weak_ptr<Listener>> m_listeners;
};

}  // namespace regie::core
