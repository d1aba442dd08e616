#pragma once
// The engine's durable state: one SQLite database in WAL mode, upgraded by numbered
// migrations. Calls block on disk I/O, so they belong on worker threads, never io threads.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"

struct sqlite3;

namespace regie::core {

struct ConfigOverride {
    std::string key;
    std::string value;
    std::int64_t updatedAtMs;
};

class Store {
public:
    static Result<std::unique_ptr<Store>> open(const std::string& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    int schemaVersion();

    Result<std::vector<ConfigOverride>> loadConfigOverrides();
    Status saveConfigOverrides(const std::map<std::string, std::string>& values,
                               std::int64_t updatedAtMs);
    Status deleteConfigOverride(const std::string& key);

private:
    explicit Store(sqlite3* db) : m_db(db) {}
    Status exec(const char* sql);
    Status migrate();

    std::mutex m_mutex;
    sqlite3* m_db;
};

}  // namespace regie::core
