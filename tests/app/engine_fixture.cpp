#include "engine_fixture.h"

#include <QFile>
#include <QSignalSpy>

EngineFixture::EngineFixture() {
    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly)) {
        return;
    }
    file.write(QStringLiteral("[api]\nsecret=%1\napiDebug=1\n"
                              "[general]\nio_threads=0\n"
                              "[http]\nport=0\nsslport=0\n"
                              "[rtmp]\nport=0\nsslport=0\n"
                              "[rtsp]\nport=0\nsslport=0\n"
                              "[rtp_proxy]\nport=0\n"
                              "[rtc]\nport=0\ntcpPort=0\n"
                              "[srt]\nport=0\n"
                              "[shell]\nport=0\n"
                              "[zego]\nappId=%2\nserverSecret=%3\ncallbackSecret=cb-secret\n")
                   .arg(QLatin1String(kSecret), QLatin1String(kAppId), QLatin1String(kServerSecret))
                   .toUtf8());
}

EngineSupervisor::Options EngineFixture::options() const {
    EngineSupervisor::Options options;
    options.program = QStringLiteral(ENGINE_PROGRAM);
    options.configPath = configPath();
    options.readyFilePath = m_dir.filePath(QStringLiteral("ready.json"));
    options.readyTimeout = std::chrono::seconds(30);
    options.stopTimeout = std::chrono::seconds(3);
    options.backoffInitial = std::chrono::milliseconds(200);
    options.backoffMax = std::chrono::seconds(2);
    return options;
}

bool EngineFixture::start(EngineSupervisor& supervisor) const {
    supervisor.setOptions(options());
    QSignalSpy ready(&supervisor, &EngineSupervisor::ready);
    supervisor.start();
    return ready.wait(30000);
}

ApiResult EngineFixture::await(ApiReply* reply) {
    QSignalSpy spy(reply, &ApiReply::finished);
    if (!spy.wait(15000)) {
        return {ApiResult::Error::Transport, 0, 0, "test: no reply within 15 s", {}, {}};
    }
    return spy.at(0).at(0).value<ApiResult>();
}
