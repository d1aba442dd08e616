#pragma once
// The argument map of one ZLM API call (spec/zlm/README.md §1.1): form or JSON body, then the
// URL query overriding it; names are case-insensitive and the last occurrence wins; a lookup
// that finds nothing falls back to an HTTP header of that name.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/api_call.h"

namespace regie::api::zlm {

class ZlmArgs {
public:
    static ZlmArgs fromCall(const ApiCall& call);

    // Value of `name`, or "" when absent everywhere (arguments, then headers).
    std::string get(std::string_view name) const;
    // Present and non-empty ("required" in ZLM's sense).
    bool has(std::string_view name) const { return !get(name).empty(); }

    // Body then query arguments with their names as sent, in order (for setServerConfig).
    const std::vector<std::pair<std::string, std::string>>& entries() const { return m_entries; }

private:
    std::vector<std::pair<std::string, std::string>> m_entries;
    std::vector<Header> m_headers;  // owned: the arguments may outlive the call
};

// Splits `a=1&b=2` on every '&' and the first '=', percent-decoding ('+' stays '+').
void parseZlmQuery(std::string_view query, std::vector<std::pair<std::string, std::string>>& out);

}  // namespace regie::api::zlm
