// StartAutoMix's body read into an AutoMixRequest: the room, additions and exclusions, the
// audio-only output (Opus too), StreamId over StreamUrl on this page, and the codes of refused
// bodies.

#include <QTest>
#include <boost/json/parse.hpp>

#include "api/zego/automix_request.h"

using regie::api::zego::MixLimits;
using regie::api::zego::parseStartAutoMix;
using regie::api::zego::ZegoResult;
using regie::service::mix::AutoMixRequest;

namespace {

// Plain literals where a URL is: moc reads "//" in a raw string as a comment.
constexpr const char* kBody =
    R"({"TaskId": "auto-1", "UserId": "123", "RoomId": "room123", "Sequence": 4,)"
    R"("ExtraMixInput": [{"StreamId": "guest", "Volume": 150, "SoundLevelId": 7},)"
    "{\"StreamId\": \"ignored\", \"StreamUrl\": \"rtmp://other/live/pk\"},"
    "{\"StreamId\": \"noisy\", \"StreamUrl\": \"rtmp://x/live/y\", \"ModifyType\": 1}],"
    "\"MixOutput\": [{\"StreamId\": \"auto-out\", \"StreamUrl\": \"rtmp://cdn/live/x\","
    R"("AudioBitrate": 64000}], "SoundChannel": "2"})";

constexpr const char* kMinimal =
    R"({"TaskId":"2213699902971205739","UserId":"123","RoomId":"room123",)"
    R"("MixOutput":[{"StreamId":"stream3"}]})";

boost::json::object body() {
    return boost::json::parse(kBody).as_object();
}

int codeOf(const boost::json::object& b) {
    auto r = parseStartAutoMix(b, MixLimits{});
    return std::holds_alternative<ZegoResult>(r) ? std::get<ZegoResult>(r).code : 0;
}

}  // namespace

class TestAutoMixRequest : public QObject {
    Q_OBJECT

private slots:
    void theBodyReadsIntoARequest() {
        auto r = parseStartAutoMix(body(), MixLimits{});
        QVERIFY(std::holds_alternative<AutoMixRequest>(r));
        const auto& req = std::get<AutoMixRequest>(r);
        QCOMPARE(req.mix.taskId, std::string("auto-1"));
        QCOMPARE(req.mix.roomId, std::string("room123"));
        QCOMPARE(*req.mix.sequence, std::int64_t{4});
        QVERIFY(req.mix.layout.inputs.empty());  // the room's streams come at the start
        QCOMPARE(req.additions.size(), std::size_t{2});
        QCOMPARE(req.additions[0].streamId, std::string("guest"));
        QCOMPARE(req.additions[0].volume, 150);
        QVERIFY(!req.additions[0].placement);                                       // heard only
        QCOMPARE(req.additions[1].streamUrl, std::string("rtmp://other/live/pk"));  // URL wins
        QCOMPARE(req.exclusions, (std::set<std::string>{"noisy"}));
        const auto& out = req.mix.layout.output;
        QCOMPARE(out.streamId, std::string("auto-out"));  // StreamId wins on this page
        QVERIFY(out.streamUrl.empty());
        QVERIFY(out.audioOnly());
        QCOMPARE(out.audioBitrate, std::int64_t{64000});
        QCOMPARE(out.channels, 2);
    }

    void theMinimalBodyOfTheSpecIsEnough() {
        QCOMPARE(codeOf(boost::json::parse(kMinimal).as_object()), 0);
    }

    void theOutputMayBeOpus() {
        auto b = boost::json::parse(kMinimal).as_object();
        b["MixOutput"].as_array()[0].as_object()["AudioCodec"] = 3;
        auto r = parseStartAutoMix(b, MixLimits{});
        QVERIFY(std::holds_alternative<AutoMixRequest>(r));
        QVERIFY(std::get<AutoMixRequest>(r).mix.layout.output.audioCodec ==
                regie::av::AudioCodec::opus);
        b["MixOutput"].as_array()[0].as_object()["AudioCodec"] = 4;
        QCOMPARE(codeOf(b), 110200156);
    }

    void refusedBodiesGetTheirCodes() {
        auto without = [](const char* key) {
            auto b = body();
            b.erase(key);
            return b;
        };
        auto with = [](const char* key, boost::json::value v) {
            auto b = body();
            b[key] = std::move(v);
            return b;
        };
        QCOMPARE(codeOf(without("RoomId")), 110200002);
        QCOMPARE(codeOf(without("UserId")), 110200002);
        QCOMPARE(codeOf(without("MixOutput")), 110200002);
        boost::json::array four;
        for (int i = 0; i < 4; ++i) {
            four.push_back(boost::json::object{{"StreamId", "o" + std::to_string(i)}});
        }
        QCOMPARE(codeOf(with("MixOutput", four)), 110200178);
        QCOMPARE(codeOf(with("MixOutput", boost::json::array{boost::json::object{
                                              {"StreamUrl", "http://cdn/live/x"}}})),
                 110200156);
        QCOMPARE(codeOf(with("MixOutput",
                             boost::json::array{boost::json::object{{"StreamId", "guest"}}})),
                 110200140);
        QCOMPARE(codeOf(with("ExtraMixInput",
                             boost::json::array{boost::json::object{{"StreamId", "a"}},
                                                boost::json::object{{"StreamId", "a"}}})),
                 110200175);
        QCOMPARE(codeOf(with("ExtraMixInput", boost::json::array{boost::json::object{
                                                  {"StreamId", "a"}, {"Volume", 201}}})),
                 110200155);
        QCOMPARE(
            codeOf(with("ExtraMixInput", boost::json::array{boost::json::object{
                                             {"StreamUrl", "rtmp://x/y"}, {"ModifyType", 1}}})),
            110200155);
        QCOMPARE(codeOf(with("ExtraMixInput", boost::json::array{boost::json::object{
                                                  {"StreamId", "a"}, {"ModifyType", 2}}})),
                 110200155);
        QCOMPARE(codeOf(with("SoundChannel", "3")), 110200002);
        QCOMPARE(codeOf(with("RecvBufferLevel", 4001)), 110200002);
        QCOMPARE(codeOf(with("WaitVideoInput", 1)), 110200002);
    }

    void theInputTimingIsKept() {
        auto b = body();
        b["RecvBufferLevel"] = 300;
        b["AlignmentType"] = 2;
        auto r = parseStartAutoMix(b, MixLimits{});
        QVERIFY(std::holds_alternative<AutoMixRequest>(r));
        const auto& timing = std::get<AutoMixRequest>(r).mix.layout.timing;
        QCOMPARE(timing.hold, std::chrono::milliseconds(300));
        QCOMPARE(timing.alignment, regie::service::mix::Alignment::all);
    }
};

QTEST_GUILESS_MAIN(TestAutoMixRequest)
#include "tst_automix_request.moc"
