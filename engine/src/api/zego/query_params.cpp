#include "api/zego/query_params.h"

#include "core/text.h"

namespace regie::api::zego {

namespace {

std::string_view withoutArraySuffix(std::string_view name) {
    if (name.ends_with("[]")) {
        name.remove_suffix(2);
    }
    return name;
}

}  // namespace

QueryParams QueryParams::parse(std::string_view rawQuery) {
    QueryParams params;
    while (!rawQuery.empty()) {
        const std::size_t amp = rawQuery.find('&');
        const std::string_view pair = rawQuery.substr(0, amp);
        rawQuery = amp == std::string_view::npos ? std::string_view{} : rawQuery.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        const std::size_t eq = pair.find('=');
        std::string key = core::percentDecode(pair.substr(0, eq), true);
        std::string value = eq == std::string_view::npos
                                ? std::string{}
                                : core::percentDecode(pair.substr(eq + 1), true);
        key.resize(withoutArraySuffix(key).size());
        if (key.empty()) {
            continue;
        }
        params.m_entries.emplace_back(std::move(key), std::move(value));
    }
    return params;
}

std::optional<std::string_view> QueryParams::value(std::string_view name) const {
    name = withoutArraySuffix(name);
    for (const auto& [key, value] : m_entries) {
        if (key == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> QueryParams::values(std::string_view name) const {
    name = withoutArraySuffix(name);
    std::vector<std::string_view> out;
    for (const auto& [key, value] : m_entries) {
        if (key == name) {
            out.emplace_back(value);
        }
    }
    return out;
}

}  // namespace regie::api::zego
