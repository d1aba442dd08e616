#include "spread.h"

#include <algorithm>
#include <cmath>

namespace regie::room_loadgen {

boost::json::object spread(std::vector<double> values) {
    if (values.empty()) {
        return {{"count", 0}, {"p50", 0}, {"p99", 0}, {"max", 0}};
    }
    std::sort(values.begin(), values.end());
    auto rank = [&](double p) {
        auto index = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
        return values[std::clamp<std::size_t>(index, 1, values.size()) - 1];
    };
    auto round = [](double v) { return std::round(v * 100) / 100; };
    return {{"count", values.size()},
            {"p50", round(rank(0.50))},
            {"p99", round(rank(0.99))},
            {"max", round(values.back())}};
}

}  // namespace regie::room_loadgen
