#include "core/config.h"

#include "core/config_keys.h"
#include "core/text.h"

namespace regie::core {

std::string_view ConfigSnapshot::get(std::string_view key) const {
    auto it = m_values.find(key);
    return it == m_values.end() ? std::string_view{} : std::string_view(it->second);
}

std::int64_t ConfigSnapshot::getInt(std::string_view key) const {
    return lenientInt(get(key));
}
double ConfigSnapshot::getDouble(std::string_view key) const {
    return lenientDouble(get(key));
}
bool ConfigSnapshot::getBool(std::string_view key) const {
    return lenientBool(get(key));
}

Config::Config(ConfigSnapshot::Map initial)
    : m_current(std::make_shared<const ConfigSnapshot>(std::move(initial), 1)) {}

std::shared_ptr<const ConfigSnapshot> Config::snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_current;
}

ConfigChange Config::diff(const std::vector<std::pair<std::string, std::string>>& updates) const {
    auto current = snapshot();
    ConfigChange change;
    for (const auto& [key, value] : updates) {
        if (!current->contains(key) || isProtectedConfigKey(key) || current->get(key) == value) {
            continue;
        }
        change.changed[key] = value;
    }
    for (const auto& [key, value] : change.changed) {
        const ConfigKey* info = findBuiltinConfigKey(key);
        if (info != nullptr && info->restartRequired) {
            change.restartRequired.push_back(key);
        }
    }
    return change;
}

void Config::apply(const ConfigChange& change) {
    if (change.changed.empty()) {
        return;
    }
    std::vector<std::shared_ptr<Listener>> listeners;
    std::shared_ptr<const ConfigSnapshot> published;
    {
        std::lock_guard lock(m_mutex);
        ConfigSnapshot::Map values = m_current->values();
        for (const auto& [key, value] : change.changed) {
            values[key] = value;
        }
        publishLocked(std::move(values));
        published = m_current;
        for (auto it = m_listeners.begin(); it != m_listeners.end();) {
            if (auto l = it->lock()) {
                listeners.push_back(std::move(l));
                ++it;
            } else {
                it = m_listeners.erase(it);
            }
        }
    }
    for (const auto& l : listeners) {
        (*l)(change, *published);
    }
}

void Config::setRuntimeValue(std::string_view key, std::string value) {
    std::lock_guard lock(m_mutex);
    ConfigSnapshot::Map values = m_current->values();
    values[std::string(key)] = std::move(value);
    publishLocked(std::move(values));
}

void Config::publishLocked(ConfigSnapshot::Map values) {
    m_current = std::make_shared<const ConfigSnapshot>(std::move(values), m_current->version() + 1);
}

std::shared_ptr<void> Config::subscribe(Listener listener) {
    auto holder = std::make_shared<Listener>(std::move(listener));
    std::lock_guard lock(m_mutex);
    m_listeners.push_back(holder);
    return holder;
}

}  // namespace regie::core
