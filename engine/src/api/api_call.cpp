#include "api/api_call.h"

#include <algorithm>
#include <cctype>

namespace regie::api {

namespace {
bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}
}  // namespace

std::string_view ApiCall::header(std::string_view name) const {
    for (const auto& h : headers) {
        if (equalsIgnoreCase(h.name, name)) {
            return h.value;
        }
    }
    return {};
}

}  // namespace regie::api
