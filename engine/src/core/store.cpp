#include "core/store.h"

#include <sqlite3.h>

#include <array>

namespace regie::core {

namespace {

// Each entry upgrades the schema by one version; never edit a released entry, append.
constexpr std::array<const char*, 4> kMigrations = {
    "CREATE TABLE config_override ("
    "  key TEXT PRIMARY KEY NOT NULL,"
    "  value TEXT NOT NULL,"
    "  updated_at_ms INTEGER NOT NULL);",
    "CREATE TABLE callback_outbox ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  event TEXT NOT NULL,"
    "  url TEXT NOT NULL,"
    "  content_type TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  attempts INTEGER NOT NULL DEFAULT 0,"
    "  next_attempt_ms INTEGER NOT NULL,"
    "  created_at_ms INTEGER NOT NULL);"
    "CREATE INDEX callback_outbox_due ON callback_outbox(next_attempt_ms, id);",
    "CREATE TABLE ban_rule ("
    "  kind TEXT NOT NULL,"
    "  rule_key TEXT NOT NULL,"
    "  payload TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL,"
    "  expires_at INTEGER NOT NULL,"
    "  PRIMARY KEY (kind, rule_key));",
    "CREATE TABLE mix_task ("
    "  task_id TEXT PRIMARY KEY NOT NULL,"
    "  payload TEXT NOT NULL,"
    "  updated_at_ms INTEGER NOT NULL);",
};

class Statement {
public:
    Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool valid() const { return m_stmt != nullptr; }
    void bind(int i, const std::string& v) {
        sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    void bind(int i, std::int64_t v) { sqlite3_bind_int64(m_stmt, i, v); }
    int step() { return sqlite3_step(m_stmt); }
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    std::string text(int col) {
        const auto* p = sqlite3_column_text(m_stmt, col);
        return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p));
    }
    std::int64_t int64(int col) { return sqlite3_column_int64(m_stmt, col); }
    sqlite3_stmt* handle() { return m_stmt; }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

Error sqliteError(sqlite3* db, const std::string& what) {
    return Error{what + ": " + sqlite3_errmsg(db)};
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        Error e{"cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory")};
        sqlite3_close(db);
        return e;
    }
    sqlite3_busy_timeout(db, 5000);
    std::unique_ptr<Store> store(new Store(db));
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;", "PRAGMA foreign_keys=ON;"}) {
        if (auto s = store->exec(pragma); !s) {
            return s.error();
        }
    }
    if (auto s = store->migrate(); !s) {
        return s.error();
    }
    return store;
}

Store::~Store() {
    sqlite3_close(m_db);
}

Status Store::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        Error e{message != nullptr ? message : "sqlite error"};
        sqlite3_free(message);
        return e;
    }
    return okStatus();
}

int Store::schemaVersion() {
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "PRAGMA user_version;");
    return st.valid() && st.step() == SQLITE_ROW ? static_cast<int>(st.int64(0)) : -1;
}

Status Store::migrate() {
    int version = schemaVersion();
    for (auto i = static_cast<std::size_t>(version); i < kMigrations.size(); ++i) {
        std::string sql = std::string("BEGIN;") + kMigrations[i] +
                          "PRAGMA user_version=" + std::to_string(i + 1) + ";COMMIT;";
        if (auto s = exec(sql.c_str()); !s) {
            (void)exec("ROLLBACK;");
            return Error{"migration " + std::to_string(i + 1) + " failed: " + s.error().message};
        }
    }
    return okStatus();
}

Result<std::vector<ConfigOverride>> Store::loadConfigOverrides() {
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "SELECT key, value, updated_at_ms FROM config_override ORDER BY key;");
    if (!st.valid()) {
        return sqliteError(m_db, "load config overrides");
    }
    std::vector<ConfigOverride> out;
    int rc = SQLITE_ROW;
    while ((rc = st.step()) == SQLITE_ROW) {
        out.push_back({st.text(0), st.text(1), st.int64(2)});
    }
    if (rc != SQLITE_DONE) {
        return sqliteError(m_db, "load config overrides");
    }
    return out;
}

Status Store::saveConfigOverrides(const std::map<std::string, std::string>& values,
                                  std::int64_t updatedAtMs) {
    std::lock_guard lock(m_mutex);
    if (auto s = exec("BEGIN IMMEDIATE;"); !s) {
        return s;
    }
    Statement st(m_db,
                 "INSERT INTO config_override(key, value, updated_at_ms) VALUES(?1, ?2, ?3) "
                 "ON CONFLICT(key) DO UPDATE SET value=excluded.value, "
                 "updated_at_ms=excluded.updated_at_ms;");
    if (!st.valid()) {
        (void)exec("ROLLBACK;");
        return sqliteError(m_db, "save config overrides");
    }
    for (const auto& [key, value] : values) {
        st.bind(1, key);
        st.bind(2, value);
        st.bind(3, updatedAtMs);
        if (st.step() != SQLITE_DONE) {
            Error e = sqliteError(m_db, "save config override " + key);
            (void)exec("ROLLBACK;");
            return e;
        }
        st.reset();
    }
    return exec("COMMIT;");
}

Status Store::deleteConfigOverride(const std::string& key) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "DELETE FROM config_override WHERE key = ?1;");
    if (!st.valid()) {
        return sqliteError(m_db, "delete config override");
    }
    st.bind(1, key);
    if (st.step() != SQLITE_DONE) {
        return sqliteError(m_db, "delete config override " + key);
    }
    return okStatus();
}

Result<std::int64_t> Store::enqueueCallback(const OutboxEntry& entry) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db,
                 "INSERT INTO callback_outbox(event, url, content_type, body, attempts, "
                 "next_attempt_ms, created_at_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7);");
    if (!st.valid()) {
        return sqliteError(m_db, "enqueue callback");
    }
    st.bind(1, entry.event);
    st.bind(2, entry.url);
    st.bind(3, entry.contentType);
    st.bind(4, entry.body);
    st.bind(5, static_cast<std::int64_t>(entry.attempts));
    st.bind(6, entry.nextAttemptMs);
    st.bind(7, entry.createdAtMs);
    if (st.step() != SQLITE_DONE) {
        return sqliteError(m_db, "enqueue callback " + entry.event);
    }
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_db));
}

Result<std::vector<OutboxEntry>> Store::dueCallbacks(std::int64_t nowMs, int limit) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db,
                 "SELECT id, event, url, content_type, body, attempts, next_attempt_ms, "
                 "created_at_ms FROM callback_outbox WHERE next_attempt_ms <= ?1 "
                 "ORDER BY next_attempt_ms, id LIMIT ?2;");
    if (!st.valid()) {
        return sqliteError(m_db, "load due callbacks");
    }
    st.bind(1, nowMs);
    st.bind(2, static_cast<std::int64_t>(limit));
    std::vector<OutboxEntry> out;
    int rc = SQLITE_ROW;
    while ((rc = st.step()) == SQLITE_ROW) {
        out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4),
                       static_cast<int>(st.int64(5)), st.int64(6), st.int64(7)});
    }
    if (rc != SQLITE_DONE) {
        return sqliteError(m_db, "load due callbacks");
    }
    return out;
}

Result<std::optional<std::int64_t>> Store::nextCallbackDueMs() {
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "SELECT MIN(next_attempt_ms) FROM callback_outbox;");
    if (!st.valid() || st.step() != SQLITE_ROW) {
        return sqliteError(m_db, "next callback due");
    }
    if (sqlite3_column_type(st.handle(), 0) == SQLITE_NULL) {
        return std::optional<std::int64_t>();
    }
    return std::optional<std::int64_t>(st.int64(0));
}

Status Store::rescheduleCallback(std::int64_t id, int attempts, std::int64_t nextAttemptMs) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db,
                 "UPDATE callback_outbox SET attempts = ?2, next_attempt_ms = ?3 WHERE id = ?1;");
    if (!st.valid()) {
        return sqliteError(m_db, "reschedule callback");
    }
    st.bind(1, id);
    st.bind(2, static_cast<std::int64_t>(attempts));
    st.bind(3, nextAttemptMs);
    if (st.step() != SQLITE_DONE) {
        return sqliteError(m_db, "reschedule callback " + std::to_string(id));
    }
    return okStatus();
}

Status Store::deleteCallback(std::int64_t id) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "DELETE FROM callback_outbox WHERE id = ?1;");
    if (!st.valid()) {
        return sqliteError(m_db, "delete callback");
    }
    st.bind(1, id);
    if (st.step() != SQLITE_DONE) {
        return sqliteError(m_db, "delete callback " + std::to_string(id));
    }
    return okStatus();
}

Result<std::vector<BanRuleRow>> Store::loadBanRules() {
    std::lock_guard lock(m_mutex);
    Statement st(m_db,
                 "SELECT kind, rule_key, payload, created_at, expires_at FROM ban_rule "
                 "ORDER BY kind, created_at, rule_key;");
    if (!st.valid()) {
        return sqliteError(m_db, "load ban rules");
    }
    std::vector<BanRuleRow> out;
    int rc = SQLITE_ROW;
    while ((rc = st.step()) == SQLITE_ROW) {
        out.push_back({st.text(0), st.text(1), st.text(2), st.int64(3), st.int64(4)});
    }
    if (rc != SQLITE_DONE) {
        return sqliteError(m_db, "load ban rules");
    }
    return out;
}

Status Store::saveBanRule(const BanRuleRow& row) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db,
                 "INSERT INTO ban_rule(kind, rule_key, payload, created_at, expires_at) "
                 "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(kind, rule_key) DO UPDATE SET "
                 "payload=excluded.payload, created_at=excluded.created_at, "
                 "expires_at=excluded.expires_at;");
    if (!st.valid()) {
        return sqliteError(m_db, "save ban rule");
    }
    st.bind(1, row.kind);
    st.bind(2, row.key);
    st.bind(3, row.payload);
    st.bind(4, row.createdAt);
    st.bind(5, row.expiresAt);
    if (st.step() != SQLITE_DONE) {
        return sqliteError(m_db, "save ban rule " + row.kind + " " + row.key);
    }
    return okStatus();
}

Status Store::deleteBanRule(const std::string& kind, const std::string& key) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "DELETE FROM ban_rule WHERE kind = ?1 AND rule_key = ?2;");
    if (!st.valid()) {
        return sqliteError(m_db, "delete ban rule");
    }
    st.bind(1, kind);
    st.bind(2, key);
    if (st.step() != SQLITE_DONE) {
        return sqliteError(m_db, "delete ban rule " + kind + " " + key);
    }
    return okStatus();
}

Status Store::purgeBanRules(std::int64_t expiredBefore) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "DELETE FROM ban_rule WHERE expires_at > 0 AND expires_at < ?1;");
    if (!st.valid()) {
        return sqliteError(m_db, "purge ban rules");
    }
    st.bind(1, expiredBefore);
    if (st.step() != SQLITE_DONE) {
        return sqliteError(m_db, "purge ban rules");
    }
    return okStatus();
}

Result<std::vector<MixTaskRow>> Store::loadMixTasks() {
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "SELECT task_id, payload, updated_at_ms FROM mix_task ORDER BY task_id;");
    if (!st.valid()) {
        return sqliteError(m_db, "load mix tasks");
    }
    std::vector<MixTaskRow> out;
    int rc = SQLITE_ROW;
    while ((rc = st.step()) == SQLITE_ROW) {
        out.push_back({st.text(0), st.text(1), st.int64(2)});
    }
    if (rc != SQLITE_DONE) {
        return sqliteError(m_db, "load mix tasks");
    }
    return out;
}

Status Store::saveMixTask(const MixTaskRow& row) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db,
                 "INSERT INTO mix_task(task_id, payload, updated_at_ms) VALUES(?1, ?2, ?3) "
                 "ON CONFLICT(task_id) DO UPDATE SET payload=excluded.payload, "
                 "updated_at_ms=excluded.updated_at_ms;");
    if (!st.valid()) {
        return sqliteError(m_db, "save mix task");
    }
    st.bind(1, row.taskId);
    st.bind(2, row.payload);
    st.bind(3, row.updatedAtMs);
    if (st.step() != SQLITE_DONE) {
        return sqliteError(m_db, "save mix task " + row.taskId);
    }
    return okStatus();
}

Status Store::deleteMixTask(const std::string& taskId) {
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "DELETE FROM mix_task WHERE task_id = ?1;");
    if (!st.valid()) {
        return sqliteError(m_db, "delete mix task");
    }
    st.bind(1, taskId);
    if (st.step() != SQLITE_DONE) {
        return sqliteError(m_db, "delete mix task " + taskId);
    }
    return okStatus();
}

}  // namespace regie::core
