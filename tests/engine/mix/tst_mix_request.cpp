// StartMix's body read into a MixRequest: defaults, the two background colour forms, audio-only
// inputs, StreamUrl over StreamId, and the codes of refused parameters.

#include <QTest>
#include <boost/json/parse.hpp>

#include "api/zego/mix_request.h"
#include "api/zego/transcode_request.h"
#include "service/mix/task_record.h"

using regie::api::zego::MixLimits;
using regie::api::zego::parseStartMix;
using regie::api::zego::ZegoResult;
using regie::service::mix::Alignment;
using regie::service::mix::ContentControl;
using regie::service::mix::MixRequest;

namespace {

constexpr const char* kBody = R"({
  "TaskId": "task-42", "UserId": "mixer-1", "Sequence": 1, "RoomId": "room1",
  "MixInput": [
    {"StreamId": "stream1", "RectInfo": {"Top": 0, "Left": 0, "Bottom": 640, "Right": 180, "Layer": 0}},
    {"StreamId": "stream2", "RectInfo": {"Top": 0, "Left": 180, "Bottom": 640, "Right": 360, "Layer": 1,
     "CornerRadius": 8}, "ContentControl": 0, "RenderMode": 1, "Volume": 120}
  ],
  "MixOutput": [
    {"StreamId": "stream3", "Width": 360, "Height": 640, "Fps": 15, "VideoBitrate": 1200000,
     "AudioCodec": 1, "AudioBitrate": 48000, "SoundChannel": 2}
  ],
  "BackGroundColorHex": "0x87CEFA00"
})";

boost::json::object transcodeBody() {
    namespace json = boost::json;
    json::object big{{"StreamId", "big"},
                     {"StreamUrl", "rtmp://ignored/x"},
                     {"TemplateId", 4},
                     {"TemplateConfig",
                      json::object{{"VideoEncId", 0}, {"ShortEdgeAdaption", 1}, {"Width", 720}}}};
    json::object same{{"StreamUrl", "rtmp://cdn/live/same"},
                      {"TemplateId", 4},
                      {"TemplateConfig", json::object{}}};
    return {{"TaskId", "t"},
            {"UserId", "u"},
            {"TranscodeInput", json::object{{"StreamId", "in"}, {"StreamUrl", ""}}},
            {"TranscodeOutput",
             json::array{json::object{{"StreamId", "small"}, {"TemplateId", 0}}, big, same}}};
}

boost::json::object body(const char* text = kBody) {
    return boost::json::parse(text).as_object();
}

std::variant<MixRequest, ZegoResult> parse(const boost::json::object& b) {
    return parseStartMix(b, MixLimits{});
}

int codeOf(const boost::json::object& b) {
    auto r = parse(b);
    return std::holds_alternative<ZegoResult>(r) ? std::get<ZegoResult>(r).code : 0;
}

}  // namespace

class TestMixRequest : public QObject {
    Q_OBJECT

private slots:
    void theSpecExampleReadsIntoARequest() {
        auto r = parse(body());
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& req = std::get<MixRequest>(r);
        QCOMPARE(req.taskId, std::string("task-42"));
        QCOMPARE(*req.sequence, std::int64_t{1});
        QCOMPARE(req.layout.inputs.size(), std::size_t{2});
        const auto& second = req.layout.inputs[1];
        QCOMPARE(second.layer, 1);
        QCOMPARE(second.volume, 120);
        QVERIFY(second.placement);
        QCOMPARE(second.placement->rect.left, 180);
        QCOMPARE(second.placement->rect.bottom, 640);
        QCOMPARE(second.placement->cornerRadius, 8);
        QVERIFY(second.placement->mode == regie::av::RenderMode::fit);
        QCOMPARE(req.layout.output.channels, 2);
        QCOMPARE(req.layout.output.fps, 15);
        auto sky = regie::av::yuvFromRgb(0x87, 0xce, 0xfa);
        QCOMPARE(req.layout.background.y, sky.y);
        QCOMPARE(req.layout.background.u, sky.u);
    }

    void legacyBackgroundColorAndDefaults() {
        auto b = body();
        b.erase("BackGroundColorHex");
        b["BackgroundColor"] = 4294967040LL;  // white, FFFFFF00
        b["SoundChannel"] = "2";
        auto& out = b["MixOutput"].as_array()[0].as_object();
        out.erase("SoundChannel");
        out.erase("AudioBitrate");
        out.erase("AudioCodec");
        auto r = parse(b);
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& req = std::get<MixRequest>(r);
        QCOMPARE(req.layout.background.y, regie::av::yuvFromRgb(255, 255, 255).y);
        QCOMPARE(req.layout.output.channels, 2);
        QCOMPARE(req.layout.output.audioBitrate, std::int64_t{48000});
    }

    void furtherOutputsFollowTheFirstOnesFrameRate() {
        auto b = body();
        b["SoundChannel"] = "2";
        auto& outputs = b["MixOutput"].as_array();
        outputs.push_back(boost::json::object{{"StreamUrl", "rtmp://cdn/live/small"},
                                              {"Width", 180},
                                              {"Height", 320},
                                              {"Fps", 10},
                                              {"VideoBitrate", 400000}});
        auto r = parse(b);
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& layout = std::get<MixRequest>(r).layout;
        QCOMPARE(layout.moreOutputs.size(), std::size_t{1});
        const auto& small = layout.moreOutputs[0];
        QCOMPARE(small.streamUrl, std::string("rtmp://cdn/live/small"));
        QCOMPARE(small.fps, 15);
        QCOMPARE(small.channels, 2);  // the top-level SoundChannel
        QCOMPARE(layout.outputs().size(), std::size_t{2});

        // A live update changes the sizes and bitrates of the same outputs, nothing else.
        auto update = layout;
        update.output.fps = 25;
        update.output.width = 720;
        update.moreOutputs[0].videoBitrate = 300000;
        update.moreOutputs.push_back(update.output);
        update.moreOutputs.back().streamId = "new-output";
        update.keepOutputsOf(layout);
        QCOMPARE(update.output.width, 720);
        QCOMPARE(update.output.fps, 15);
        QCOMPARE(update.moreOutputs.size(), std::size_t{1});
        QCOMPARE(update.moreOutputs[0].videoBitrate, std::int64_t{300000});

        outputs.push_back(outputs[1]);
        QCOMPARE(codeOf(b), 110200176);
    }

    void outputCodecs() {
        auto b = body();
        auto& out = b["MixOutput"].as_array()[0].as_object();
        out["VideoEncId"] = 3;
        out["AudioCodec"] = 2;
        auto r = parse(b);
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& spec = std::get<MixRequest>(r).layout.output;
        QVERIFY(spec.videoCodec == regie::av::VideoCodec::h265);
        QVERIFY(spec.audioCodec == regie::av::AudioCodec::mp3);
        out["AudioCodec"] = 0;  // HE-AAC: AAC-LC here
        r = parse(b);
        QVERIFY(std::get<MixRequest>(r).layout.output.audioCodec == regie::av::AudioCodec::aacLc);
        out["AudioCodec"] = 3;
        out["VideoEncId"] = 2;
        r = parse(b);
        QVERIFY(std::get<MixRequest>(r).layout.output.audioCodec == regie::av::AudioCodec::opus);
        QVERIFY(std::get<MixRequest>(r).layout.output.videoCodec == regie::av::VideoCodec::vp8);
        out["AudioCodec"] = 4;
        QCOMPARE(codeOf(b), 110200156);
        out["AudioCodec"] = 1;
        out["VideoEncId"] = 1;
        QCOMPARE(codeOf(b), 110200156);
        out["VideoEncId"] = 3;
        out["StreamUrl"] = "rtmp://cdn/live/x";  // pushed as FLV codec id 12
        QCOMPARE(codeOf(b), 0);
    }

    void videoEncodeNamesTheCodecOfOutputsWithoutOne() {
        auto b = body();
        b["ExPara"] =
            boost::json::array{boost::json::object{{"Key", "video_encode"}, {"Value", "vp8"}}};
        auto& outputs = b["MixOutput"].as_array();
        outputs[0].as_object().erase("VideoEncId");
        boost::json::object second = outputs[0].as_object();
        second["StreamId"] = "second";
        second["VideoEncId"] = 0;
        outputs.push_back(second);
        auto r = parse(b);
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& layout = std::get<MixRequest>(r).layout;
        QVERIFY(layout.output.videoCodec == regie::av::VideoCodec::vp8);
        QVERIFY(layout.moreOutputs.at(0).videoCodec == regie::av::VideoCodec::h264);

        b["UserData"] = "aGk=";  // SEI still has the H.264 output to travel in
        QCOMPARE(codeOf(b), 0);
        outputs.pop_back();
        QCOMPARE(codeOf(b), 110200002);  // VP8 has no SEI
        b.erase("UserData");
        b["ExPara"] =
            boost::json::array{boost::json::object{{"Key", "video_encode"}, {"Value", "vp9"}}};
        QCOMPARE(codeOf(b), 110200172);
    }

    void lowBitrateHdReachesTheOutputsOfBothActions() {
        auto b = body();
        auto& out = b["MixOutput"].as_array()[0].as_object();
        out["VideoEncId"] = 3;
        out["LowBitrateHD"] = 1;
        QVERIFY(std::get<MixRequest>(parse(b)).layout.output.lowBitrateHd);
        out["LowBitrateHD"] = 2;
        QCOMPARE(codeOf(b), 110200156);

        auto t = transcodeBody();
        auto& big = t["TranscodeOutput"].as_array()[1].as_object()["TemplateConfig"].as_object();
        big["VideoEncId"] = 2;
        big["LowBitrateHD"] = 1;
        auto r = regie::api::zego::parseStartCloudTranscode(t, MixLimits{});
        QVERIFY(std::holds_alternative<regie::service::mix::TranscodeRequest>(r));
        const auto mix = regie::service::mix::transcodeMix(
            std::get<regie::service::mix::TranscodeRequest>(r), {});
        const auto outputs = mix.layout.outputs();
        const auto hd = std::find_if(outputs.begin(), outputs.end(),
                                     [](const auto& o) { return o.streamId == "big"; });
        QVERIFY(hd->lowBitrateHd);
        QVERIFY(hd->videoCodec == regie::av::VideoCodec::h265);
        big["LowBitrateHD"] = 3;
        QCOMPARE(
            std::get<ZegoResult>(regie::api::zego::parseStartCloudTranscode(t, MixLimits{})).code,
            110200002);
    }

    void transcodeOutputsFollowTheirTemplatesAndTheInput() {
        auto b = transcodeBody();
        auto r = regie::api::zego::parseStartCloudTranscode(b, MixLimits{});
        QVERIFY(std::holds_alternative<regie::service::mix::TranscodeRequest>(r));
        const auto& request = std::get<regie::service::mix::TranscodeRequest>(r);
        QCOMPARE(request.outputs[1].streamUrl, std::string());  // StreamId wins on this page

        regie::service::mix::InputFormat portrait;
        portrait.codec = regie::media::CodecId::H265;
        portrait.width = 1080;
        portrait.height = 1920;
        portrait.fps = 15;
        portrait.bitrate = 900000;
        const auto mix = regie::service::mix::transcodeMix(request, portrait);
        const auto outputs = mix.layout.outputs();
        QCOMPARE(outputs.size(), std::size_t{3});
        // Largest first: the input's own size, then 720 short edge, then the 360p preset.
        QCOMPARE(outputs[0].streamUrl, std::string("rtmp://cdn/live/same"));
        QCOMPARE(outputs[0].width, 1080);
        QCOMPARE(outputs[0].height, 1920);
        QCOMPARE(outputs[0].videoBitrate, std::int64_t{900000});
        // The input's H.265, pushed to a StreamUrl (as FLV codec id 12).
        QVERIFY(outputs[0].videoCodec == regie::av::VideoCodec::h265);
        QCOMPARE(outputs[1].streamId, std::string("big"));
        QCOMPARE(outputs[1].width, 720);
        QCOMPARE(outputs[1].height, 1280);
        QVERIFY(outputs[1].videoCodec == regie::av::VideoCodec::h265);  // same as the input
        QCOMPARE(outputs[2].width, 360);
        QCOMPARE(outputs[2].height, 640);
        QCOMPARE(outputs[2].videoBitrate, std::int64_t{600000});
        QVERIFY(outputs[2].videoCodec == regie::av::VideoCodec::h264);
        QCOMPARE(outputs[2].fps, 15);
        QCOMPARE(mix.layout.inputs.front().placement->rect.bottom, 1920);

        auto pushedHevc = b;
        pushedHevc["TranscodeOutput"]
            .as_array()[2]
            .as_object()["TemplateConfig"]
            .as_object()["VideoEncId"] = 2;
        QVERIFY(std::holds_alternative<regie::service::mix::TranscodeRequest>(
            regie::api::zego::parseStartCloudTranscode(pushedHevc, MixLimits{})));

        auto& custom = b["TranscodeOutput"].as_array()[1].as_object()["TemplateConfig"].as_object();
        custom["Fps"] = 10;  // the others are 0
        QCOMPARE(
            std::get<ZegoResult>(regie::api::zego::parseStartCloudTranscode(b, MixLimits{})).code,
            110200002);
        custom["Fps"] = 0;
        custom["Width"] = 3002;
        QCOMPARE(
            std::get<ZegoResult>(regie::api::zego::parseStartCloudTranscode(b, MixLimits{})).code,
            110200161);
    }

    void inputsWithoutRectanglesAreHeardNotSeen() {
        auto b = body();
        auto& first = b["MixInput"].as_array()[0].as_object();
        first["RectInfo"] = boost::json::object{{"Layer", 2}};
        first["ContentControl"] = 1;
        first["StreamUrl"] = "rtmp://host/live/other";
        auto r = parse(b);
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& in = std::get<MixRequest>(r).layout.inputs[0];
        QVERIFY(!in.placement);
        QVERIFY(!in.seen());
        QVERIFY(in.content == ContentControl::audioOnly);
        QCOMPARE(in.streamUrl, std::string("rtmp://host/live/other"));
        QVERIFY(in.streamId.empty());  // StreamUrl wins
    }

    void refusedParametersGetTheirCodes() {
        auto withInput = [](const char* key, boost::json::value v) {
            auto b = body();
            b["MixInput"].as_array()[0].as_object()[key] = std::move(v);
            return b;
        };
        auto withTop = [](const char* key, boost::json::value v) {
            auto b = body();
            b[key] = std::move(v);
            return b;
        };
        QCOMPARE(codeOf(withTop("TaskId", 5)), 110200002);
        QCOMPARE(codeOf(withTop("TaskId", "bad id with spaces")), 110200002);
        QCOMPARE(codeOf(withTop("BackGroundColorHex", "red")), 110200002);
        QCOMPARE(codeOf(withTop("Sequence", "1")), 110200002);
        QCOMPARE(codeOf(withInput("StreamId", "a b")), 110200155);
        QCOMPARE(codeOf(withInput("RenderMode", 2)), 110200155);
        QCOMPARE(codeOf(withInput("RectInfo", boost::json::object{{"Top", 0}, {"Left", 0}})),
                 110200155);
        QCOMPARE(codeOf(withInput(
                     "RectInfo",
                     boost::json::object{{"Top", 10}, {"Left", 0}, {"Bottom", 5}, {"Right", 5}})),
                 110200155);
        QCOMPARE(codeOf(withInput("Image", boost::json::object{{"Url", "http://x/p.png"}})), 0);
        QCOMPARE(codeOf(withInput("Image", boost::json::object{{"Url", "preset-id://a.jpg"}})), 0);
        QCOMPARE(codeOf(withInput("Image", boost::json::object{{"Url", "preset-id://../a.jpg"}})),
                 110200141);
        QCOMPARE(codeOf(withInput("Image", boost::json::object{{"Url", "ftp://x/p.png"}})),
                 110200141);
        QCOMPARE(codeOf(withInput(
                     "Image", boost::json::object{{"Url", "http://x/p.png"}, {"DisplayMode", 3}})),
                 110200155);
        QCOMPARE(codeOf(withInput("Image", boost::json::object{{"Url", ""}})), 0);
        QCOMPARE(codeOf(withTop("ExPara", boost::json::array{boost::json::object{
                                              {"Key", "video_encode"}, {"Value", "h265"}}})),
                 110200172);
        QCOMPARE(codeOf(withTop("ExPara", boost::json::array{boost::json::object{
                                              {"Key", "something_new"}, {"Value", "1"}}})),
                 0);
        QCOMPARE(codeOf(withTop("ExPara", boost::json::array{5})), 110200172);
        QCOMPARE(codeOf(withTop("ByPass", 1)), 110200002);

        auto sequenceless = body();
        sequenceless.erase("Sequence");
        QCOMPARE(codeOf(sequenceless), 0);
        auto r = parseStartMix(sequenceless, MixLimits{20, true});
        QVERIFY(std::holds_alternative<ZegoResult>(r));
        QCOMPARE(std::get<ZegoResult>(r).code, 110200002);
    }

    void inputTimingIsReadAndChecked() {
        auto changed = [](auto change) {
            auto b = body();
            change(b);
            return parse(b);
        };
        auto timing = [](const std::variant<MixRequest, ZegoResult>& r) {
            return std::get<MixRequest>(r).layout.timing;
        };
        QCOMPARE(timing(parse(body())).hold, std::chrono::milliseconds(0));
        QVERIFY(!timing(parse(body())).waitForVideo);
        QCOMPARE(timing(parse(body())).alignment, Alignment::none);
        auto buffered = changed([](auto& b) {
            b["RecvBufferLevel"] = 4000;
            b["WaitVideoInput"] = 1;
            b["AlignmentType"] = 1;
        });
        QCOMPARE(timing(buffered).hold, std::chrono::milliseconds(4000));
        QVERIFY(timing(buffered).waitForVideo);
        QCOMPARE(timing(buffered).alignment, Alignment::flagged);
        QCOMPARE(timing(changed([](auto& b) { b["AlignmentType"] = 2; })).alignment,
                 Alignment::all);
        auto codeWith = [&](auto change) {
            auto r = changed(change);
            return std::holds_alternative<ZegoResult>(r) ? std::get<ZegoResult>(r).code : 0;
        };
        QCOMPARE(codeWith([](auto& b) { b["RecvBufferLevel"] = 4001; }), 110200002);
        QCOMPARE(codeWith([](auto& b) { b["RecvBufferLevel"] = -1; }), 110200002);
        QCOMPARE(codeWith([](auto& b) { b["RecvBufferLevel"] = "100"; }), 110200002);
        QCOMPARE(codeWith([](auto& b) { b["WaitVideoInput"] = 2; }), 110200002);
        QCOMPARE(codeWith([](auto& b) { b["AlignmentType"] = 3; }), 110200002);
        // No pictures to wait for when forwarding, no stream to list in a room at the start.
        QCOMPARE(codeWith([](auto& b) {
                     b["WaitVideoInput"] = 1;
                     b["ByPass"] = 1;
                     b["MixInput"].as_array().pop_back();
                 }),
                 110200002);
        QCOMPARE(codeWith([](auto& b) {
                     b["WaitVideoInput"] = 1;
                     b["MixOutput"].as_array()[0].as_object()["TargetRoom"] =
                         boost::json::object{{"RoomId", "r"}, {"UserId", "u"}};
                 }),
                 110200156);
    }

    void exParaSetsSeiModeAndCoOwners() {
        auto withExPara = [](std::initializer_list<std::pair<const char*, const char*>> entries) {
            auto b = body();
            boost::json::array exPara;
            for (const auto& [key, value] : entries) {
                exPara.push_back(boost::json::object{{"Key", key}, {"Value", value}});
            }
            b["ExPara"] = exPara;
            return b;
        };
        auto r = parse(withExPara({{"sei_mode", "1"}, {"mixowner_userid", R"(["456","a-b"])"}}));
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& request = std::get<MixRequest>(r);
        QVERIFY(request.layout.userDataEveryFrame);
        QCOMPARE(request.coOwners, (std::vector<std::string>{"456", "a-b"}));
        QVERIFY(request.ownedBy("mixer-1"));
        QVERIFY(request.ownedBy("456"));
        QVERIFY(!request.ownedBy("789"));
        QVERIFY(!std::get<MixRequest>(parse(body())).layout.userDataEveryFrame);

        QCOMPARE(codeOf(withExPara({{"sei_mode", "0"}})), 110200172);
        QCOMPARE(codeOf(withExPara({{"sei_mode", "2"}})), 110200172);
        QCOMPARE(codeOf(withExPara({{"mixowner_userid", "456"}})), 110200172);
        QCOMPARE(codeOf(withExPara({{"mixowner_userid", "[456]"}})), 110200172);
        QCOMPARE(codeOf(withExPara({{"mixowner_userid", R"(["a b"])"}})), 110200172);
        QCOMPARE(codeOf(withExPara({{"mixowner_userid", "[\"456\""}})), 110200172);
        QCOMPARE(codeOf(withExPara({{"mixowner_userid", "[]"}})), 0);
    }

    void picturesFollowCheckImageMode() {
        auto withTop = [](const char* key, boost::json::value v, int mode = 0) {
            auto b = body();
            b[key] = std::move(v);
            b["CheckImageMode"] = mode;
            return b;
        };
        auto r = parse(withTop("BackgroundImage", "https://cdn.example/bg.jpg"));
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& layout = std::get<MixRequest>(r).layout;
        QCOMPARE(layout.backgroundImage, std::string("https://cdn.example/bg.jpg"));
        QCOMPARE(layout.pictures().size(), std::size_t{1});
        QCOMPARE(layout.pictures()[0].maxBytes, regie::service::mix::kMaxCanvasImageBytes);

        // 0 and 1 check the URL (a preset's name must be a plain file name); 2 checks nothing.
        QCOMPARE(codeOf(withTop("BackgroundImage", "ftp://x/bg.png")), 110200141);
        QCOMPARE(codeOf(withTop("BackgroundImage", "http:///bg.png", 1)), 110200141);
        QCOMPARE(codeOf(withTop("BackgroundImage", "http://x/a b.png", 1)), 110200141);
        QCOMPARE(codeOf(withTop("BackgroundImage", "ftp://x/bg.png", 2)), 0);
        QCOMPARE(codeOf(withTop("BackgroundImage", "preset-id://bg-1_a.JPG", 1)), 0);
        for (const char* bad : {"preset-id://", "preset-id://a/b.jpg", "preset-id://..",
                                "preset-id://.hidden.png", "preset-id://a%d.png"}) {
            QCOMPARE(codeOf(withTop("BackgroundImage", bad, 1)), 110200141);
            QCOMPARE(codeOf(withTop("BackgroundImage", bad, 2)), 0);
        }
        auto badMode = body();
        badMode["CheckImageMode"] = 3;
        QCOMPARE(codeOf(badMode), 110200002);
        auto strict = parse(withTop("BackgroundImage", "http://x/bg.png", 0));
        QVERIFY(std::get<MixRequest>(strict).imageCheck ==
                regie::service::mix::ImageCheck::download);
        auto free = body();
        free["MixInput"].as_array()[0].as_object()["Image"] =
            boost::json::object{{"Url", "ftp://x/p.png"}};
        free["CheckImageMode"] = 2;
        QCOMPARE(codeOf(free), 0);
    }

    void theWatermarkIsReadAndChecked() {
        boost::json::object rect{{"Top", 10}, {"Left", 20}, {"Bottom", 50}, {"Right", 120}};
        auto withMark = [](boost::json::value mark) {
            auto b = body();
            b["WaterMark"] = std::move(mark);
            return b;
        };
        auto r = parse(
            withMark(boost::json::object{{"Image", "http://x/logo.png"}, {"RectInfo", rect}}));
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& mark = *std::get<MixRequest>(r).layout.watermark;
        QCOMPARE(mark.url, std::string("http://x/logo.png"));
        QCOMPARE(mark.rect.left, 20);
        QCOMPARE(mark.rect.top, 10);
        QCOMPARE(mark.rect.right, 120);
        QCOMPARE(mark.rect.bottom, 50);

        QCOMPARE(codeOf(withMark(boost::json::object{{"RectInfo", rect}})), 110200171);
        QCOMPARE(codeOf(withMark(boost::json::object{{"Image", ""}, {"RectInfo", rect}})),
                 110200171);
        QCOMPARE(codeOf(withMark(boost::json::object{{"Image", "http://x/logo.png"}})), 110200170);
        auto half = rect;
        half.erase("Right");
        QCOMPARE(
            codeOf(withMark(boost::json::object{{"Image", "http://x/l.png"}, {"RectInfo", half}})),
            110200170);
        QCOMPARE(codeOf(withMark(boost::json::object{{"Image", "http://x/l.png"},
                                                     {"RectInfo", boost::json::object{}}})),
                 110200170);
        auto upsideDown = rect;
        upsideDown["Bottom"] = 5;
        QCOMPARE(codeOf(withMark(
                     boost::json::object{{"Image", "http://x/l.png"}, {"RectInfo", upsideDown}})),
                 110200170);
        QCOMPARE(codeOf(withMark("logo")), 110200170);
        QCOMPARE(
            codeOf(withMark(boost::json::object{{"Image", "ftp://x/l.png"}, {"RectInfo", rect}})),
            110200141);
    }

    void userDataAndSoundLevelsAreReadAndChecked() {
        auto b = body();
        b["UserData"] = "aGkAAAAB";  // "hi" 00 00 00 01
        b["SoundLevel"] = 1;
        auto& inputs = b["MixInput"].as_array();
        inputs[0].as_object()["SoundLevelId"] = 7;
        inputs[1].as_object()["SoundLevelId"] = 4294967295LL;
        auto r = parse(b);
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& layout = std::get<MixRequest>(r).layout;
        QCOMPARE(layout.userData, (std::vector<std::uint8_t>{'h', 'i', 0, 0, 0, 1}));
        QVERIFY(layout.soundLevels);
        QCOMPARE(*layout.inputs[0].soundLevelId, std::uint32_t{7});
        QCOMPARE(*layout.inputs[1].soundLevelId, std::uint32_t{4294967295U});

        auto changed = [&](auto edit) {
            auto c = b;
            edit(c);
            return codeOf(c);
        };
        QCOMPARE(changed([](auto& c) { c["UserData"] = "not base64!"; }), 110200002);
        QCOMPARE(changed([](auto& c) { c["UserData"] = "aGk"; }), 110200002);
        QCOMPARE(changed([](auto& c) {
                     std::string big((4001 + 2) / 3 * 4, 'A');  // 4002 bytes of zeros
                     c["UserData"] = big;
                 }),
                 110200002);
        QCOMPARE(changed([](auto& c) { c["UserData"] = std::string(4000 / 3 * 4, 'A'); }), 0);
        QCOMPARE(
            changed([](auto& c) { c["MixInput"].as_array()[1].as_object().erase("SoundLevelId"); }),
            110200155);
        QCOMPARE(
            changed([](auto& c) { c["MixInput"].as_array()[1].as_object()["SoundLevelId"] = -1; }),
            110200155);
        QCOMPARE(changed([](auto& c) { c["SoundLevel"] = 2; }), 110200002);
        // H.265 carries them as prefix SEI.
        QCOMPARE(
            changed([](auto& c) { c["MixOutput"].as_array()[0].as_object()["VideoEncId"] = 3; }),
            0);
        // No video, no SEI.
        QCOMPARE(changed([](auto& c) {
                     auto& out = c["MixOutput"].as_array()[0].as_object();
                     out["Width"] = 1;
                     out["Height"] = 1;
                 }),
                 110200002);
    }

    void byPassTakesExactlyOneUnchangedInput() {
        auto b = body();
        b["ByPass"] = 1;
        b["MixInput"].as_array().pop_back();
        auto r = parse(b);
        QVERIFY(std::holds_alternative<MixRequest>(r));
        QVERIFY(std::get<MixRequest>(r).layout.bypass);
        QVERIFY(!std::get<MixRequest>(parse(body())).layout.bypass);

        auto changed = [&](auto edit) {
            auto c = b;
            edit(c);
            return codeOf(c);
        };
        QCOMPARE(changed([](auto& c) { c["MixInput"] = body()["MixInput"]; }), 110200002);
        QCOMPARE(changed([](auto& c) {
                     c["MixInput"].as_array()[0].as_object()["StreamUrl"] = "rtmp://h/live/x";
                 }),
                 0);
        QCOMPARE(changed([](auto& c) { c["MixInput"].as_array()[0].as_object()["Volume"] = 50; }),
                 110200002);
        QCOMPARE(changed([](auto& c) { c["BackgroundImage"] = "http://x/bg.png"; }), 110200002);
        QCOMPARE(changed([](auto& c) { c["UserData"] = "aGk="; }), 0);
        // The input's H.264 goes out, so its SEI is H.264 whatever VideoEncId says.
        auto hevc = b;
        hevc["UserData"] = "aGk=";
        hevc["MixOutput"].as_array()[0].as_object()["VideoEncId"] = 3;
        QVERIFY(std::get<MixRequest>(parse(hevc)).layout.output.videoCodec ==
                regie::av::VideoCodec::h264);
        QCOMPARE(changed([](auto& c) {
                     auto& out = c["MixOutput"].as_array()[0].as_object();
                     out["Width"] = 0;
                     out["Height"] = 0;
                 }),
                 110200002);
    }

    void labelsAreReadAndChecked() {
        auto withLabel = [](boost::json::object label) {
            auto b = body();
            b["MixInput"].as_array()[0].as_object()["Label"] = std::move(label);
            return b;
        };
        boost::json::object font{{"FontType", 0},
                                 {"FontSize", 30},
                                 {"FontColor", 255},
                                 {"Transparency", 50},
                                 {"BorderColor", 16711680}};
        boost::json::object label{{"Text", "主播 A"}, {"Left", 10}, {"Top", 20}, {"Font", font}};
        auto r = parse(withLabel(label));
        QVERIFY(std::holds_alternative<MixRequest>(r));
        const auto& l = *std::get<MixRequest>(r).layout.inputs[0].label;
        QCOMPARE(l.text, std::string("主播 A"));
        QCOMPARE(l.left, 10);
        QCOMPARE(l.fontSize, 30);
        QCOMPARE(l.fontColor, std::uint32_t{0xff0000});  // R + G*256 + B*65536: red
        QCOMPARE(*l.borderColor, std::uint32_t{0x0000ff});
        QCOMPARE(l.transparency, 50);

        auto changed = [&](const char* key, boost::json::value v) {
            auto f = font;
            f[key] = std::move(v);
            auto l2 = label;
            l2["Font"] = f;
            return codeOf(withLabel(l2));
        };
        for (int type = 1; type <= 3; ++type) {
            QCOMPARE(changed("FontType", type), 0);
        }
        QCOMPARE(changed("FontType", 4), 110200179);
        // One font per task: every label of a request has the same FontType.
        auto twoFonts = withLabel(label);
        auto otherFont = label;
        otherFont["Font"] = boost::json::object{{"FontType", 2}};
        twoFonts["MixInput"].as_array()[1].as_object()["Label"] = otherFont;
        QCOMPARE(codeOf(twoFonts), 110200179);
        QCOMPARE(*std::get<MixRequest>(parse(withLabel(label))).layout.labelFont, 0);
        QCOMPARE(changed("FontSize", 8), 110200179);
        QCOMPARE(changed("Transparency", 101), 110200179);
        auto noText = label;
        noText.erase("Text");
        QCOMPARE(codeOf(withLabel(noText)), 110200179);
        auto longText = label;
        longText["Text"] = std::string(101 * 3, 'x');
        QCOMPARE(codeOf(withLabel(longText)), 110200179);
        longText["Text"] = std::string(300, 'x');
        QCOMPARE(codeOf(withLabel(longText)), 0);
    }

    void aStoredTaskRecordStartsTheSameTaskAgain() {
        auto b = body();
        b["MixInput"].as_array()[0].as_object()["RectInfo"] = boost::json::object{};
        b["MixInput"].as_array()[0].as_object()["StreamUrl"] = "rtmp://host/live/x";
        b["MixInput"].as_array()[1].as_object()["Label"] = boost::json::object{
            {"Text", "cam 2"}, {"Left", 4}, {"Top", 6}, {"Font", {{"FontType", 0}}}};
        auto parsed = parse(b);
        QVERIFY(std::holds_alternative<MixRequest>(parsed));
        const auto& request = std::get<MixRequest>(parsed);
        regie::service::mix::TaskRecord record{"1234", request.action, request.body};
        auto text = regie::service::mix::serializeTaskRecord(record);
        auto back = regie::service::mix::parseTaskRecord(text);
        QVERIFY(back);
        QCOMPARE(back->appId, std::string("1234"));
        QCOMPARE(back->action, std::string("StartMix"));
        QCOMPARE(regie::service::mix::serializeTaskRecord(*back), text);
        auto again = parse(back->body);
        QVERIFY(std::holds_alternative<MixRequest>(again));
        const auto& layout = std::get<MixRequest>(again).layout;
        QVERIFY(!layout.inputs[0].placement);
        QCOMPARE(layout.inputs[1].placement->cornerRadius, 8);
        QVERIFY(layout.inputs[1].label);
        QCOMPARE(layout.inputs[1].label->text, std::string("cam 2"));
        QVERIFY(!regie::service::mix::parseTaskRecord("{\"version\":1}"));
        QVERIFY(!regie::service::mix::parseTaskRecord("not json"));
    }
};

QTEST_GUILESS_MAIN(TestMixRequest)
#include "tst_mix_request.moc"
