#include "core/config_file.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/config_keys.h"
#include "core/ini_document.h"
#include "core/random.h"

namespace regie::core {

namespace fs = std::filesystem;

namespace {

std::string generateValue(std::string_view key) {
    if (key == "zego.appId") {
        // A 10-digit id like the cloud's, fitting UInt32.
        return std::to_string(1'000'000'000 + randomUint64() % 3'000'000'000ULL);
    }
    if (key == "general.mediaServerId") {
        return "regie-" + randomHex(8);
    }
    return randomHex(16);  // 32 hex characters, the length of a ZEGO ServerSecret
}

std::int64_t fileMtimeMs(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return 0;
    }
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
}

Result<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error{"cannot read " + path};
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

std::string defaultConfigText() {
    std::string text =
        "; regie-engine configuration (ZLMediaKit-style INI plus a [zego] section).\n"
        "; Secrets were generated for this installation; keep this file private.\n"
        "; Keys changed through setServerConfig are written back here.\n";
    std::string section;
    for (const auto& k : builtinConfigKeys()) {
        std::string_view s = k.key.substr(0, k.key.find('.'));
        if (s != section) {
            section = std::string(s);
            text += "\n[" + section + "]\n";
        }
        std::string value =
            isGeneratedSecret(k.key) ? generateValue(k.key) : std::string(k.defaultValue);
        text += std::string(k.key.substr(k.key.find('.') + 1)) + "=" + value + "\n";
    }
    return text;
}

Result<ConfigSnapshot::Map> ConfigFile::load(Store& store, Logger& log) {
    if (!fs::exists(m_path)) {
        std::error_code ec;
        fs::create_directories(fs::path(m_path).parent_path(), ec);
        if (auto s = writeAtomically(defaultConfigText()); !s) {
            return s.error();
        }
        log.info("config.created", {{"path", m_path}});
    }
    auto text = readFile(m_path);
    if (!text) {
        return text.error();
    }
    IniDocument doc = IniDocument::parse(text.value());
    std::int64_t fileEditedMs = fileMtimeMs(m_path);

    ConfigSnapshot::Map values;
    for (const auto& k : builtinConfigKeys()) {
        values[std::string(k.key)] = std::string(k.defaultValue);
    }
    for (auto& [key, value] : doc.flatten()) {
        values[key] = value;
    }

    bool fileChanged = false;
    auto inFile = doc.flatten();
    for (const auto& k : builtinConfigKeys()) {
        auto& v = values[std::string(k.key)];
        if (!isGeneratedSecret(k.key) || (!v.empty() && !isWellKnownSampleValue(k.key, v))) {
            continue;
        }
        bool present = std::any_of(inFile.begin(), inFile.end(),
                                   [&](const auto& kv) { return kv.first == k.key; });
        std::string_view reason = !present ? "missing" : v.empty() ? "empty" : "sample value";
        v = generateValue(k.key);
        doc.set(k.key, v);
        fileChanged = true;
        log.info("config.generated", {{"key", k.key}, {"reason", reason}});
    }

    auto overrides = store.loadConfigOverrides();
    if (!overrides) {
        return overrides.error();
    }
    for (const auto& o : overrides.value()) {
        auto it = values.find(o.key);
        if (it == values.end() || it->second == o.value) {
            continue;
        }
        if (fileEditedMs > o.updatedAtMs) {
            log.info("config.override_dropped",
                     {{"key", o.key}, {"reason", "file edited after the API change"}});
            if (auto s = store.deleteConfigOverride(o.key); !s) {
                return s.error();
            }
            continue;
        }
        it->second = o.value;
        doc.set(o.key, o.value);
        fileChanged = true;
        log.info("config.override_applied", {{"key", o.key}});
    }
    if (fileChanged) {
        if (auto s = writeAtomically(doc.text()); !s) {
            return s.error();
        }
    }
    return values;
}

Status ConfigFile::persist(const std::map<std::string, std::string>& changed, Store& store,
                           std::int64_t nowMs) {
    if (auto s = store.saveConfigOverrides(changed, nowMs); !s) {
        return s;
    }
    auto text = readFile(m_path);
    IniDocument doc = text ? IniDocument::parse(text.value()) : IniDocument::parse("");
    for (const auto& [key, value] : changed) {
        doc.set(key, value);
    }
    return writeAtomically(doc.text());
}

Status ConfigFile::writeAtomically(const std::string& text) {
    std::string tmp = m_path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            return Error{"cannot write " + tmp};
        }
        out << text;
        out.flush();
        if (!out) {
            return Error{"cannot write " + tmp};
        }
    }
    ::chmod(tmp.c_str(), 0600);
    std::error_code ec;
    fs::rename(tmp, m_path, ec);
    if (ec) {
        return Error{"cannot replace " + m_path + ": " + ec.message()};
    }
    return okStatus();
}

}  // namespace regie::core
