#pragma once

#include <boost/json/object.hpp>
#include <vector>

namespace regie::room_loadgen {

// {count, p50, p99, max} of the values (nearest rank); all 0 when there are none.
boost::json::object spread(std::vector<double> values);

}  // namespace regie::room_loadgen
