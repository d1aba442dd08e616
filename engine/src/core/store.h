#pragma once
// The engine's durable state: one SQLite database in WAL mode, upgraded by numbered
// migrations. Calls block on disk I/O, so they belong on worker threads, never io threads.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
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

// One pending outgoing callback (ZEGO server callbacks and later families): the request is
// fixed at enqueue time so every attempt sends identical bytes.
struct OutboxEntry {
    std::int64_t id = 0;  // assigned by enqueueCallback
    std::string event;    // e.g. "stream_create"; for logs and filtering
    std::string url;
    std::string contentType;
    std::string body;
    int attempts = 0;  // failed attempts so far
    std::int64_t nextAttemptMs = 0;
    std::int64_t createdAtMs = 0;
};

// One ban rule (user, stream, RTC or CDN ban): the store keeps the rule's own fields as an
// opaque payload and knows only its identity and lifetime (Unix seconds; 0 = no expiry).
struct BanRuleRow {
    std::string kind;
    std::string key;
    std::string payload;
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;
};

// One running mix task, started again after a restart: the store keeps its request as an
// opaque payload.
struct MixTaskRow {
    std::string taskId;
    std::string payload;
    std::int64_t updatedAtMs = 0;
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

    // The callback outbox. Rows are due when next_attempt_ms <= now (Unix ms); the oldest due
    // come first.
    Result<std::int64_t> enqueueCallback(const OutboxEntry& entry);
    Result<std::vector<OutboxEntry>> dueCallbacks(std::int64_t nowMs, int limit);
    Result<std::optional<std::int64_t>> nextCallbackDueMs();
    Status rescheduleCallback(std::int64_t id, int attempts, std::int64_t nextAttemptMs);
    Status deleteCallback(std::int64_t id);

    // Ban rules; saving a rule with the kind and key of another replaces it.
    Result<std::vector<BanRuleRow>> loadBanRules();
    Status saveBanRule(const BanRuleRow& row);
    Status deleteBanRule(const std::string& kind, const std::string& key);
    // Deletes the rules that expired before `expiredBefore`; rules without expiry stay.
    Status purgeBanRules(std::int64_t expiredBefore);

    Result<std::vector<MixTaskRow>> loadMixTasks();
    Status saveMixTask(const MixTaskRow& row);
    Status deleteMixTask(const std::string& taskId);

private:
    explicit Store(sqlite3* db) : m_db(db) {}
    Status exec(const char* sql);
    Status migrate();

    std::mutex m_mutex;
    sqlite3* m_db;
};

}  // namespace regie::core
