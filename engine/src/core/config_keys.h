#pragma once
// The built-in configuration keys with their defaults (../shared/spec/zlm/config.md, sample
// column, with Regie's desktop ports) and which of them only take effect after a restart.

#include <span>
#include <string_view>

namespace regie::core {

struct ConfigKey {
    std::string_view key;           // "section.key"
    std::string_view defaultValue;  // "" for generated values (secrets, ids)
    bool restartRequired;
};

std::span<const ConfigKey> builtinConfigKeys();
const ConfigKey* findBuiltinConfigKey(std::string_view key);

// Keys whose value is generated randomly when a new config file is created, or when the file
// holds an empty or well-known sample value.
bool isGeneratedSecret(std::string_view key);
bool isWellKnownSampleValue(std::string_view key, std::string_view value);

// Keys setServerConfig may never change.
bool isProtectedConfigKey(std::string_view key);

}  // namespace regie::core
