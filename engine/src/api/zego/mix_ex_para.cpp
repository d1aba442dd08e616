#include <algorithm>
#include <boost/json/parse.hpp>

#include "api/zego/mix_body.h"

namespace regie::api::zego::mix_body {

namespace json = boost::json;

namespace {

// mixowner_userid: JSON array text of user ids, e.g. ["456"].
std::vector<std::string> userIdsOf(const std::string& text) {
    boost::system::error_code ec;
    const json::value parsed = json::parse(text, ec);
    if (ec || !parsed.is_array()) {
        refuse(kExPara, "ExPara mixowner_userid must be a JSON array of user ids");
    }
    std::vector<std::string> ids;
    for (const auto& id : parsed.get_array()) {
        if (!id.is_string() || id.get_string().empty() ||
            !std::all_of(id.get_string().begin(), id.get_string().end(), body::isTextChar)) {
            refuse(kExPara, "ExPara mixowner_userid must list user ids (non-empty Strings)");
        }
        ids.emplace_back(id.get_string());
    }
    return ids;
}

}  // namespace

av::VideoCodec readExPara(const Fields& top, service::mix::MixRequest& request) {
    auto codec = av::VideoCodec::h264;
    if (!top.has("ExPara")) {
        return codec;
    }
    for (const auto& item : top.requiredArray("ExPara")) {
        if (!item.is_object()) {
            refuse(kExPara, "ExPara entries must be {Key, Value} objects");
        }
        Fields entry(item.get_object(), "ExPara.", kExPara);
        auto key = entry.requiredString("Key");
        auto value = entry.string("Value");
        if (!value) {
            refuse(kExPara, "ExPara." + key + " needs a String Value");
        }
        if (key == "video_encode") {
            if (*value != "h264" && *value != "vp8") {
                refuse(kExPara, "ExPara video_encode must be \"h264\" or \"vp8\"");
            }
            codec = *value == "vp8" ? av::VideoCodec::vp8 : av::VideoCodec::h264;
        }
        if (key == "sei_mode") {
            if (*value != "1") {
                refuse(kExPara, "ExPara sei_mode must be \"1\"");
            }
            request.layout.userDataEveryFrame = true;
        }
        if (key == "mixowner_userid") {
            request.coOwners = userIdsOf(*value);
        }
    }
    return codec;
}

}  // namespace regie::api::zego::mix_body
