#pragma once
// The decoded query string of a ZEGO call. Keys and values are percent-decoded ('+' is a
// space) before matching, and a trailing "[]" on a key is dropped, so `Name[]=a`,
// `Name%5B%5D=a` and a bare repeated `Name=a` all feed the same parameter "Name".

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace regie::api::zego {

class QueryParams {
public:
    static QueryParams parse(std::string_view rawQuery);

    // First value of the parameter, if present. `name` may carry the "[]" suffix.
    std::optional<std::string_view> value(std::string_view name) const;
    // Every value of the parameter in arrival order; empty if absent.
    std::vector<std::string_view> values(std::string_view name) const;
    bool contains(std::string_view name) const { return value(name).has_value(); }

    const std::vector<std::pair<std::string, std::string>>& entries() const { return m_entries; }

private:
    std::vector<std::pair<std::string, std::string>> m_entries;
};

}  // namespace regie::api::zego
