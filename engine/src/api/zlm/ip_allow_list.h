#pragma once
// `http.allow_ip_range`: comma-separated single addresses or `a-b` ranges, IPv4 or IPv6.
// An empty list allows everyone.

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace regie::api::zlm {

class IpAllowList {
public:
    static IpAllowList parse(std::string_view spec);
    bool allows(std::string_view ip) const;
    bool empty() const { return m_ranges.empty(); }

private:
    using Bytes = std::array<unsigned char, 16>;  // IPv4 as IPv4-mapped IPv6
    static std::optional<Bytes> toBytes(std::string_view ip);
    std::vector<std::pair<Bytes, Bytes>> m_ranges;
};

}  // namespace regie::api::zlm
