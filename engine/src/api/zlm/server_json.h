#pragma once
// JSON shapes of the server facts, shared by the ZLM endpoints and the event feed.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/loop_pool.h"

namespace regie::api::zlm {

boost::json::object versionJson();
boost::json::array loadsJson(const std::vector<core::LoopLoad>& loads);
boost::json::object statisticJson(
    const std::vector<std::pair<std::string_view, std::int64_t>>& counts);

}  // namespace regie::api::zlm
