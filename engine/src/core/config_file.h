#pragma once
// Where the configuration comes from and goes to. The INI file is the operator's; keys changed
// through the API (setServerConfig) are recorded in the store and written back into the file's
// own lines, so both always agree. On start-up the newest change wins: an override newer than
// the file's last edit is applied (and the file healed); a hand edit made after an override
// drops that override.

#include <cstdint>
#include <map>
#include <string>

#include "core/config.h"
#include "core/log.h"
#include "core/result.h"
#include "core/store.h"

namespace regie::core {

class ConfigFile {
public:
    explicit ConfigFile(std::string path) : m_path(std::move(path)) {}

    const std::string& path() const { return m_path; }

    // Builds the effective configuration: built-in defaults, then the file (created with safe
    // defaults and fresh secrets when missing), then the store's overrides.
    Result<ConfigSnapshot::Map> load(Store& store, Logger& log);

    // Records changed keys durably, then rewrites their lines in the file.
    Status persist(const std::map<std::string, std::string>& changed, Store& store,
                   std::int64_t nowMs);

private:
    Status writeAtomically(const std::string& text);

    std::string m_path;
};

std::string defaultConfigText();

}  // namespace regie::core
