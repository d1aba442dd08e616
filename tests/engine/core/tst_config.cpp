// INI parsing and flattening, the config file's defaults, secrets and overrides, and the store.

#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/config.h"
#include "core/config_file.h"
#include "core/config_keys.h"
#include "core/ini_document.h"
#include "core/store.h"

using namespace regie::core;

namespace {
std::string readAll(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
void writeAll(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::trunc);
    out << text;
}
std::string valueOf(const ConfigSnapshot::Map& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? "<absent>" : it->second;
}
}  // namespace

class TestConfig : public QObject {
    Q_OBJECT

private slots:
    void iniFlattensSectionsKeysAndComments() {
        auto doc = IniDocument::parse(
            "; header\n[api]\nsecret = abc \n# note\napiDebug=1\n\n[http]\r\nport=80\n"
            "notFound=<a href=x>y</a>\n[api]\nsecret=override\nnoequals\n");
        auto flat = doc.flatten();
        QCOMPARE(flat.size(), std::size_t(4));
        QCOMPARE(QString::fromStdString(flat[0].first), QStringLiteral("api.secret"));
        QCOMPARE(QString::fromStdString(flat[0].second), QStringLiteral("override"));
        QCOMPARE(QString::fromStdString(flat[2].first), QStringLiteral("http.port"));
        QCOMPARE(QString::fromStdString(flat[2].second), QStringLiteral("80"));
        QCOMPARE(QString::fromStdString(flat[3].second), QStringLiteral("<a href=x>y</a>"));
    }

    void iniSetKeepsCommentsAndPlacesNewKeys() {
        auto doc = IniDocument::parse("; keep me\n[http]\nport=80 \n\n[rtmp]\nport=1935\n");
        doc.set("http.port", "8080");
        doc.set("http.maxReqSize", "1024");
        doc.set("zego.app", "live");
        std::string text = doc.text();
        QCOMPARE(
            QString::fromStdString(text),
            QStringLiteral("; keep me\n[http]\nport=8080\nmaxReqSize=1024\n\n[rtmp]\nport=1935\n"
                           "\n[zego]\napp=live\n"));
        auto flat = IniDocument::parse(text).flatten();
        QCOMPARE(flat.size(), std::size_t(4));
    }

    void newFileGetsDefaultsAndFreshSecrets() {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath("r.db").toStdString());
        QVERIFY(store.ok());
        Logger log;
        ConfigFile a(dir.filePath("a/config.ini").toStdString());
        auto loaded = a.load(*store.value(), log);
        QVERIFY(loaded.ok());
        const auto& m = loaded.value();
        QCOMPARE(valueOf(m, "http.port"), std::string("8080"));
        QCOMPARE(valueOf(m, "rtsp.port"), std::string("8554"));
        QCOMPARE(valueOf(m, "general.listen_ip"), std::string("127.0.0.1"));
        QCOMPARE(valueOf(m, "zego.app"), std::string("live"));
        QCOMPARE(valueOf(m, "api.secret").size(), std::size_t(32));
        QCOMPARE(valueOf(m, "zego.serverSecret").size(), std::size_t(32));
        QVERIFY(valueOf(m, "api.secret") != valueOf(m, "zego.serverSecret"));
        auto appId = std::stoull(valueOf(m, "zego.appId"));
        QVERIFY(appId >= 1'000'000'000ULL && appId <= 4'294'967'295ULL);
        for (const auto& k : builtinConfigKeys()) {
            QVERIFY2(m.count(std::string(k.key)) == 1, k.key.data());
        }
        QVERIFY(std::filesystem::status(a.path()).permissions() ==
                (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));

        ConfigFile b(dir.filePath("b/config.ini").toStdString());
        auto other = b.load(*store.value(), log);
        QVERIFY(valueOf(other.value(), "api.secret") != valueOf(m, "api.secret"));
    }

    void sampleSecretIsReplacedAndWrittenBack() {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath("r.db").toStdString());
        Logger log;
        std::string path = dir.filePath("config.ini").toStdString();
        writeAll(path,
                 "# mine\n[api]\nsecret=035c73f7-bb6b-4889-a715-d9eb2d1925cc\n[http]\nport=9092\n");
        ConfigFile file(path);
        auto loaded = file.load(*store.value(), log);
        std::string secret = valueOf(loaded.value(), "api.secret");
        QVERIFY(secret != "035c73f7-bb6b-4889-a715-d9eb2d1925cc");
        QCOMPARE(secret.size(), std::size_t(32));
        QCOMPARE(valueOf(loaded.value(), "http.port"), std::string("9092"));
        std::string text = readAll(path);
        QVERIFY(text.find("# mine") != std::string::npos);
        QVERIFY(text.find("secret=" + secret) != std::string::npos);
    }

    void overridesSurviveAndNewestChangeWins() {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath("r.db").toStdString());
        Logger log;
        std::string path = dir.filePath("config.ini").toStdString();
        ConfigFile file(path);
        QVERIFY(file.load(*store.value(), log).ok());

        auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
        QVERIFY(
            file.persist({{"hook.enable", "1"}, {"http.port", "9000"}}, *store.value(), now).ok());
        QVERIFY(readAll(path).find("port=9000") != std::string::npos);

        // A crash between the store write and the file write: the override heals the file.
        std::string text = readAll(path);
        text.replace(text.find("port=9000"), 9, "port=8080");
        writeAll(path, text);
        std::filesystem::last_write_time(
            path, std::filesystem::last_write_time(path) - std::chrono::hours(1));
        auto healed = file.load(*store.value(), log);
        QCOMPARE(valueOf(healed.value(), "http.port"), std::string("9000"));
        QVERIFY(readAll(path).find("port=9000") != std::string::npos);

        // A hand edit made after the API change wins and drops the override.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        text = readAll(path);
        text.replace(text.find("port=9000"), 9, "port=7000");
        writeAll(path, text);
        auto edited = file.load(*store.value(), log);
        QCOMPARE(valueOf(edited.value(), "http.port"), std::string("7000"));
        QCOMPARE(valueOf(edited.value(), "hook.enable"), std::string("1"));
        auto overrides = store.value()->loadConfigOverrides();
        QCOMPARE(overrides.value().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(overrides.value()[0].key), QStringLiteral("hook.enable"));
    }

    void storeMigratesOnceAndUsesWal() {
        QTemporaryDir dir;
        std::string path = dir.filePath("r.db").toStdString();
        {
            auto store = Store::open(path);
            QVERIFY(store.ok());
            QCOMPARE(store.value()->schemaVersion(), 4);
            QVERIFY(store.value()->saveConfigOverrides({{"a.b", "1"}}, 5).ok());
        }
        auto again = Store::open(path);
        QCOMPARE(again.value()->schemaVersion(), 4);
        QCOMPARE(again.value()->loadConfigOverrides().value().size(), std::size_t(1));
        QVERIFY(std::filesystem::exists(path + "-wal") || std::filesystem::exists(path));
        QVERIFY(!Store::open(dir.filePath("missing/dir/r.db").toStdString()).ok());
    }

    void configDiffIgnoresUnknownProtectedAndEqual() {
        Config config(
            {{"http.port", "8080"}, {"hook.enable", "0"}, {"ffmpeg.bin", "/usr/bin/ffmpeg"}});
        auto change = config.diff({{"http.port", "8081"},
                                   {"hook.enable", "0"},
                                   {"secret", "x"},
                                   {"ffmpeg.bin", "/tmp/evil"},
                                   {"HTTP.PORT", "1"}});
        QCOMPARE(change.changed.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(change.changed.begin()->first),
                 QStringLiteral("http.port"));
        QCOMPARE(change.restartRequired.size(), std::size_t(1));

        int notified = 0;
        auto sub = config.subscribe([&](const ConfigChange& c, const ConfigSnapshot& s) {
            ++notified;
            QCOMPARE(c.changed.size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(std::string(s.get("http.port"))),
                     QStringLiteral("8081"));
        });
        auto before = config.snapshot()->version();
        config.apply(change);
        QCOMPARE(notified, 1);
        QVERIFY(config.snapshot()->version() > before);
        sub.reset();
        config.apply(config.diff({{"http.port", "8082"}}));
        QCOMPARE(notified, 1);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
