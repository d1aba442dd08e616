// Pages with real data, photographed under Xvfb with the console and its bundled engine:
// Rooms (three users log in to a room with tokens from the console's own token tool, a camera
// publishes into it), Rules (ban rules set through the ZEGO door), and the Mix Designer (two
// cameras in a side-by-side layout, mixed by the engine, with the mixed output playing).
#include <QImage>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QTest>
#include <QWebSocket>
#include <memory>
#include <vector>

#include "api_client.h"
#include "console_home.h"
#include "ffmpeg_publisher.h"
#include "token_tool.h"
#include "xvfb_display.h"

namespace {

const QByteArray kAppId = "1234567890";
const QByteArray kServerSecret = "0123456789abcdef0123456789abcdef";

const QJsonObject kSideBySide = QJsonDocument::fromJson(R"({
    "TaskId": "show", "UserId": "regie-console", "Sequence": 1,
    "MixInput": [
        {"StreamId": "left-cam", "RectInfo": {"Left": 0, "Top": 0, "Right": 320, "Bottom": 360, "Layer": 0}},
        {"StreamId": "right-cam", "RectInfo": {"Left": 320, "Top": 0, "Right": 640, "Bottom": 360, "Layer": 1}}],
    "MixOutput": [{"StreamId": "program", "VideoBitrate": 1000000, "Fps": 20, "Width": 640, "Height": 360}],
    "BackGroundColorHex": "0x20242C00"})")
                                    .object();

}  // namespace

class TestPagesScreenshot : public QObject {
    Q_OBJECT

private slots:
    void cleanup() {
        m_users.clear();
        if (m_camera.state() != QProcess::NotRunning) {
            m_camera.kill();
            m_camera.waitForFinished(5000);
        }
        for (auto& camera : m_cameras) {
            camera->kill();
            camera->waitForFinished(5000);
        }
        m_cameras.clear();
        m_xvfb.stop();
    }

    void pageWithRealData_data() {
        QTest::addColumn<QString>("page");
        QTest::newRow("rooms") << "rooms";
        QTest::newRow("rules") << "rules";
        QTest::newRow("mix") << "mix";
    }

    void pageWithRealData() {
        QFETCH(QString, page);
        const QString display = m_xvfb.start();
        QVERIFY2(!display.isEmpty(), "Xvfb did not start");
        ConsoleHome home;
        QVERIFY(home.prepare("[zego]\nappId=" + kAppId + "\nserverSecret=" + kServerSecret + "\n"));
        const QString output = QDir(REGIE_SCREENSHOT_DIR).filePath(page + ".png");
        if (page == QLatin1String("mix")) {
            // The designer opens with the layout it was editing last time.
            QSettings settings(home.settingsFile(), QSettings::IniFormat);
            settings.setValue("mixDesigner/current",
                              QJsonDocument(kSideBySide).toJson(QJsonDocument::Compact));
        }
        QFile::remove(output);

        QProcess console;
        QProcessEnvironment env = home.environment();
        env.insert("DISPLAY", display);
        env.insert("QT_QPA_PLATFORM", "xcb");
        console.setProcessEnvironment(env);
        console.start(REGIE_CONSOLE_PATH,
                      {"--page", page, "--screenshot", output, "--screenshot-timeout", "90"});
        QVERIFY2(console.waitForStarted(), qPrintable(console.errorString()));
        const QJsonObject ports = home.waitForPorts();
        QVERIFY2(!ports.isEmpty(), "the bundled engine never wrote its ports");
        EngineEndpoint endpoint{
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(ports.value("http").toInt())),
            {},
            QString::fromLatin1(kAppId),
            QString::fromLatin1(kServerSecret)};
        m_tokens.setEndpoint(endpoint);
        m_client.setEndpoint(endpoint);

        if (page == QLatin1String("rooms")) {
            for (const char* user : {"director", "guest-ann", "guest-bo"}) {
                QVERIFY(login(endpoint, "studio", user));
            }
            m_camera.start(REGIE_FFMPEG_PATH,
                           regie::test::ffmpegPublishArgs(
                               "testsrc2=size=640x360:rate=25", "sine=frequency=440", 120,
                               QStringLiteral("rtmp://127.0.0.1:%1/live/stage-cam?room_id=studio&"
                                              "user_id=camera&token=%2")
                                   .arg(ports.value("rtmp").toInt())
                                   .arg(QString::fromLatin1(QUrl::toPercentEncoding(
                                       m_tokens.generate("camera", "studio", true, 3600))))));
        } else if (page == QLatin1String("mix")) {
            for (const auto& [stream, picture] :
                 {std::pair{"left-cam", "testsrc2=size=640x360:rate=25"},
                  std::pair{"right-cam", "smptehdbars=size=640x360:rate=25"}}) {
                auto camera = std::make_unique<QProcess>();
                camera->start(REGIE_FFMPEG_PATH, regie::test::ffmpegPublishArgs(
                                                     picture, "sine=frequency=440", 120,
                                                     QStringLiteral("rtmp://127.0.0.1:%1/live/%2")
                                                         .arg(ports.value("rtmp").toInt())
                                                         .arg(stream)));
                m_cameras.push_back(std::move(camera));
            }
            // StartMix needs its inputs live: retried until the cameras are up.
            QJsonObject body = kSideBySide;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    body["Sequence"] = QDateTime::currentMSecsSinceEpoch();
                    if (post("StartMix", body)) {
                        return true;
                    }
                    QTest::qWait(500);
                    return false;
                },
                30000));
        } else {
            QVERIFY(call("SetForbidUserRule", {{"RuleType", "1"},
                                               {"IP", "203.0.113.7"},
                                               {"DisabledPrivilege[]", "1"},
                                               {"EffectiveTime", "3600"}}));
            QVERIFY(call("SetForbidUserRule", {{"RuleType", "4"},
                                               {"RoomId", "studio"},
                                               {"UserId", "troll"},
                                               {"DisabledPrivilege[]", "1"},
                                               {"DisabledPrivilege[]", "2"},
                                               {"EffectiveTime", "600"}}));
            QVERIFY(call("SetForbidUserRule", {{"RuleType", "3"},
                                               {"UserId", "spammer"},
                                               {"DisabledPrivilege[]", "2"},
                                               {"EffectiveTime", "1"}}));  // expires at once
            QVERIFY(call("SetForbidStreamRule",
                         {{"RoomId", "studio"}, {"StreamId", "stage-cam"}, {"DisableVideo", "1"}}));
            QVERIFY(call("ForbidRTCStream",
                         {{"StreamId", "leaked-feed"},
                          {"Sequence", QString::number(QDateTime::currentMSecsSinceEpoch())}}));
        }

        QVERIFY(console.waitForFinished(150000));
        const QByteArray log = console.readAllStandardError();
        QVERIFY2(console.exitStatus() == QProcess::NormalExit && console.exitCode() == 0,
                 log.constData());
        const QImage image(output);
        QVERIFY2(!image.isNull(), qPrintable(output));
        QCOMPARE(image.size(), QSize(1280, 800));
    }

private:
    bool login(const EngineEndpoint& endpoint, const QString& room, const QString& user) {
        auto socket = std::make_unique<QWebSocket>();
        bool loggedIn = false;
        connect(socket.get(), &QWebSocket::textMessageReceived, this, [&](const QString& text) {
            const QJsonObject reply = QJsonDocument::fromJson(text.toUtf8()).object();
            loggedIn |= reply.value("type") == "login_result" && reply.value("code").toInt(-1) == 0;
        });
        connect(socket.get(), &QWebSocket::connected, this, [&] {
            const QJsonObject login{{"type", "login"},
                                    {"roomId", room},
                                    {"userId", user},
                                    {"userName", user},
                                    {"token", m_tokens.generate(user, room, false, 3600)}};
            socket->sendTextMessage(QJsonDocument(login).toJson(QJsonDocument::Compact));
        });
        QUrl url = endpoint.httpUrl;
        url.setScheme("ws");
        url.setPath("/room/ws");
        socket->open(url);
        const bool ok = QTest::qWaitFor([&] { return loggedIn; }, 10000);
        socket->disconnect(this);
        m_users.push_back(std::move(socket));
        return ok;
    }

    bool call(const QString& action, const ApiParams& params) {
        return await(action, m_client.zegoGet(action, params));
    }

    bool post(const QString& action, const QJsonObject& body) {
        return await(action, m_client.zegoPost(action, body));
    }

    bool await(const QString& action, ApiReply* reply) {
        std::optional<ApiResult> result;
        connect(reply, &ApiReply::finished, this, [&](const ApiResult& r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000)) {
            return false;
        }
        if (!result->ok()) {
            qWarning().noquote() << action << result->describe();
        }
        return result->ok();
    }

    XvfbDisplay m_xvfb;
    TokenTool m_tokens;
    ApiClient m_client;
    std::vector<std::unique_ptr<QWebSocket>> m_users;
    QProcess m_camera;
    std::vector<std::unique_ptr<QProcess>> m_cameras;
};

QTEST_MAIN(TestPagesScreenshot)
#include "tst_pages_screenshot.moc"
