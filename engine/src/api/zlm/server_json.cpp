#include "api/zlm/server_json.h"

#include <boost/json.hpp>

#include "core/build_info.h"

namespace regie::api::zlm {

namespace json = boost::json;

json::object versionJson() {
    const auto& b = core::buildInfo();
    return {{"branchName", b.branchName}, {"buildTime", b.buildTime}, {"commitHash", b.commitHash}};
}

json::array loadsJson(const std::vector<core::LoopLoad>& loads) {
    json::array out;
    for (const auto& l : loads) {
        out.push_back(json::object{{"delay", l.delayMs}, {"load", l.load}});
    }
    return out;
}

json::object statisticJson(const std::vector<std::pair<std::string_view, std::int64_t>>& counts) {
    json::object out;
    for (const auto& [name, count] : counts) {
        out[name] = count;
    }
    return out;
}

}  // namespace regie::api::zlm
