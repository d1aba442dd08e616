#include "api/zego/utc_time.h"

#include <array>
#include <chrono>
#include <cstdio>

namespace regie::api::zego {

std::optional<std::int64_t> parseUtcTime(std::string_view text) {
    // Exactly 20 characters: digits where digits belong, the separators where they belong.
    constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != kShape.size()) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) {
            return std::nullopt;
        }
    }
    const auto number = [&](std::size_t at, std::size_t length) {
        int n = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            n = n * 10 + (text[i] - '0');
        }
        return n;
    };
    using namespace std::chrono;
    const year_month_day date{year(number(0, 4)), month(static_cast<unsigned>(number(5, 2))),
                              day(static_cast<unsigned>(number(8, 2)))};
    const int hours = number(11, 2);
    const int minutes = number(14, 2);
    const int seconds = number(17, 2);
    if (!date.ok() || hours > 23 || minutes > 59 || seconds > 59) {
        return std::nullopt;
    }
    return sys_days(date).time_since_epoch().count() * 86400 + std::int64_t{hours} * 3600 +
           std::int64_t{minutes} * 60 + seconds;
}

std::string formatUtcTime(std::int64_t unixSeconds) {
    using namespace std::chrono;
    const sys_seconds instant{seconds(unixSeconds)};
    const auto dayStart = floor<days>(instant);
    const year_month_day date{dayStart};
    const hh_mm_ss time{instant - dayStart};
    std::array<char, 32> out{};
    std::snprintf(out.data(), out.size(), "%04d-%02u-%02uT%02d:%02d:%02dZ",
                  static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return out.data();
}

}  // namespace regie::api::zego
