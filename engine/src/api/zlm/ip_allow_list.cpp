#include "api/zlm/ip_allow_list.h"

#include <boost/asio/ip/address.hpp>
#include <string>

#include "core/text.h"

namespace regie::api::zlm {

std::optional<IpAllowList::Bytes> IpAllowList::toBytes(std::string_view ip) {
    boost::system::error_code ec;
    auto address = boost::asio::ip::make_address(std::string(core::trim(ip)), ec);
    if (ec) {
        return std::nullopt;
    }
    if (address.is_v4()) {
        return boost::asio::ip::make_address_v6(boost::asio::ip::v4_mapped, address.to_v4())
            .to_bytes();
    }
    return address.to_v6().to_bytes();
}

IpAllowList IpAllowList::parse(std::string_view spec) {
    IpAllowList list;
    while (!spec.empty()) {
        auto comma = spec.find(',');
        std::string_view item = core::trim(spec.substr(0, comma));
        spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
        if (item.empty()) {
            continue;
        }
        auto dash = item.find('-');
        auto low = toBytes(item.substr(0, dash));
        auto high = dash == std::string_view::npos ? low : toBytes(item.substr(dash + 1));
        if (low && high) {
            list.m_ranges.emplace_back(*low, *high);
        }
    }
    return list;
}

bool IpAllowList::allows(std::string_view ip) const {
    if (m_ranges.empty()) {
        return true;
    }
    auto bytes = toBytes(ip);
    if (!bytes) {
        return false;
    }
    for (const auto& [low, high] : m_ranges) {
        if (*bytes >= low && *bytes <= high) {
            return true;
        }
    }
    return false;
}

}  // namespace regie::api::zlm
