#include "api/zego/query_params.h"

namespace regie::api::zego {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::string_view withoutArraySuffix(std::string_view name) {
    if (name.ends_with("[]")) {
        name.remove_suffix(2);
    }
    return name;
}

}  // namespace

std::string percentDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%' && i + 2 < text.size() && hexDigit(text[i + 1]) >= 0 &&
                   hexDigit(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hexDigit(text[i + 1]) * 16 + hexDigit(text[i + 2])));
            i += 2;
        } else {
            // A '%' that does not start a valid escape is kept as it is.
            out.push_back(c);
        }
    }
    return out;
}

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
        std::string key = percentDecode(pair.substr(0, eq));
        std::string value =
            eq == std::string_view::npos ? std::string{} : percentDecode(pair.substr(eq + 1));
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
