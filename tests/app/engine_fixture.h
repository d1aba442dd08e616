#pragma once

#include <QTemporaryDir>

#include "api_reply.h"
#include "api_result.h"
#include "engine_supervisor.h"

// A data folder for one engine under test: config.ini with every listener on port 0 and known
// secrets, and supervisor options that run ENGINE_PROGRAM on it.
class EngineFixture {
public:
    static constexpr const char* kSecret = "test-secret-0123456789abcdef";
    static constexpr const char* kAppId = "1234567890";
    static constexpr const char* kServerSecret = "0123456789abcdef0123456789abcdef";

    EngineFixture();

    bool isValid() const { return m_dir.isValid(); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("config.ini")); }
    EngineSupervisor::Options options() const;

    // Starts the engine through `supervisor` and waits for its ready file.
    bool start(EngineSupervisor& supervisor) const;
    // Waits (running the event loop) for a call's answer; a transport error after 15 s.
    static ApiResult await(ApiReply* reply);

private:
    QTemporaryDir m_dir;
};
