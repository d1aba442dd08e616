#include "service/mix/task_record.h"

#include <boost/json.hpp>

namespace regie::service::mix {

namespace json = boost::json;

namespace {

json::object inputJson(const MixInputSpec& in) {
    json::object o{{"streamId", in.streamId},
                   {"streamUrl", in.streamUrl},
                   {"layer", in.layer},
                   {"volume", in.volume},
                   {"content", static_cast<int>(in.content)}};
    if (in.placement) {
        const auto& p = *in.placement;
        o["rect"] = json::array{p.rect.left, p.rect.top, p.rect.right, p.rect.bottom};
        o["mode"] = static_cast<int>(p.mode);
        o["radius"] = p.cornerRadius;
    }
    if (in.image) {
        o["image"] =
            json::object{{"url", in.image->url}, {"display", static_cast<int>(in.image->display)}};
    }
    return o;
}

MixInputSpec inputOf(const json::object& o) {
    MixInputSpec in;
    in.streamId = json::value_to<std::string>(o.at("streamId"));
    in.streamUrl = json::value_to<std::string>(o.at("streamUrl"));
    in.layer = json::value_to<int>(o.at("layer"));
    in.volume = json::value_to<int>(o.at("volume"));
    in.content = static_cast<ContentControl>(json::value_to<int>(o.at("content")));
    if (const auto* rect = o.if_contains("rect")) {
        const auto& r = rect->as_array();
        av::Placement p;
        p.rect = {json::value_to<int>(r.at(0)), json::value_to<int>(r.at(1)),
                  json::value_to<int>(r.at(2)), json::value_to<int>(r.at(3))};
        p.mode = static_cast<av::RenderMode>(json::value_to<int>(o.at("mode")));
        p.cornerRadius = json::value_to<int>(o.at("radius"));
        in.placement = p;
    }
    if (const auto* image = o.if_contains("image")) {
        const auto& i = image->as_object();
        in.image = ImageSpec{json::value_to<std::string>(i.at("url")),
                             static_cast<ImageDisplay>(json::value_to<int>(i.at("display")))};
    }
    if (const auto* label = o.if_contains("label")) {
        const auto& l = label->as_object();
        LabelSpec spec;
        spec.text = json::value_to<std::string>(l.at("text"));
        spec.left = json::value_to<int>(l.at("left"));
        spec.top = json::value_to<int>(l.at("top"));
        spec.fontSize = json::value_to<int>(l.at("size"));
        spec.fontColor = json::value_to<std::uint32_t>(l.at("color"));
        spec.transparency = json::value_to<int>(l.at("transparency"));
        if (const auto* border = l.if_contains("border")) {
            spec.borderColor = json::value_to<std::uint32_t>(*border);
        }
        in.label = spec;
    }
    return in;
}

}  // namespace

std::string serializeTaskRecord(const TaskRecord& record) {
    const MixRequest& r = record.request;
    const MixOutputSpec& out = r.layout.output;
    json::array inputs;
    for (const auto& in : r.layout.inputs) {
        inputs.push_back(inputJson(in));
    }
    const av::Yuv& bg = r.layout.background;
    json::object o{{"version", 1},
                   {"appId", record.appId},
                   {"taskId", r.taskId},
                   {"userId", r.userId},
                   {"roomId", r.roomId},
                   {"inputs", std::move(inputs)},
                   {"background", json::array{bg.y, bg.u, bg.v}},
                   {"output", json::object{{"streamId", out.streamId},
                                           {"streamUrl", out.streamUrl},
                                           {"width", out.width},
                                           {"height", out.height},
                                           {"fps", out.fps},
                                           {"videoBitrate", out.videoBitrate},
                                           {"audioBitrate", out.audioBitrate},
                                           {"channels", out.channels}}}};
    if (r.sequence) {
        o["sequence"] = *r.sequence;
    }
    return json::serialize(o);
}

std::optional<TaskRecord> parseTaskRecord(std::string_view text) {
    boost::system::error_code ec;
    json::value parsed = json::parse(text, ec);
    if (ec || !parsed.is_object()) {
        return std::nullopt;
    }
    try {
        const auto& o = parsed.as_object();
        if (json::value_to<int>(o.at("version")) != 1) {
            return std::nullopt;
        }
        TaskRecord record;
        record.appId = json::value_to<std::string>(o.at("appId"));
        MixRequest& r = record.request;
        r.taskId = json::value_to<std::string>(o.at("taskId"));
        r.userId = json::value_to<std::string>(o.at("userId"));
        r.roomId = json::value_to<std::string>(o.at("roomId"));
        if (const auto* seq = o.if_contains("sequence")) {
            r.sequence = json::value_to<std::int64_t>(*seq);
        }
        for (const auto& in : o.at("inputs").as_array()) {
            r.layout.inputs.push_back(inputOf(in.as_object()));
        }
        const auto& bg = o.at("background").as_array();
        r.layout.background = {json::value_to<std::uint8_t>(bg.at(0)),
                               json::value_to<std::uint8_t>(bg.at(1)),
                               json::value_to<std::uint8_t>(bg.at(2))};
        const auto& out = o.at("output").as_object();
        MixOutputSpec& spec = r.layout.output;
        spec.streamId = json::value_to<std::string>(out.at("streamId"));
        spec.streamUrl = json::value_to<std::string>(out.at("streamUrl"));
        spec.width = json::value_to<int>(out.at("width"));
        spec.height = json::value_to<int>(out.at("height"));
        spec.fps = json::value_to<int>(out.at("fps"));
        spec.videoBitrate = json::value_to<std::int64_t>(out.at("videoBitrate"));
        spec.audioBitrate = json::value_to<std::int64_t>(out.at("audioBitrate"));
        spec.channels = json::value_to<int>(out.at("channels"));
        if (r.layout.inputs.empty() || spec.width <= 0 || spec.height <= 0 || spec.fps <= 0) {
            return std::nullopt;
        }
        return record;
    } catch (const std::exception&) {
        return std::nullopt;  // a field missing or of the wrong type
    }
}

}  // namespace regie::service::mix
