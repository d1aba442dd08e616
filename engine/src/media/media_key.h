#pragma once
// A live stream's identity (spec/zlm/README.md §7.1): vhost, app, stream. With virtual hosts
// off every stream lives in __defaultVhost__.

#include <compare>
#include <string>
#include <string_view>

namespace regie::media {

inline constexpr std::string_view kDefaultVhost = "__defaultVhost__";

struct MediaKey {
    std::string vhost;
    std::string app;
    std::string stream;

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
    auto operator<=>(const MediaKey&) const = default;
    std::string str() const { return vhost + "/" + app + "/" + stream; }
};

// The key a lookup uses: empty vhost, or any vhost while virtual hosts are off, is the default.
inline MediaKey normalizedKey(std::string_view vhost, std::string_view app, std::string_view stream,
                              bool vhostsEnabled) {
    std::string v =
        (!vhostsEnabled || vhost.empty()) ? std::string(kDefaultVhost) : std::string(vhost);
    return {std::move(v), std::string(app), std::string(stream)};
}

}  // namespace regie::media
