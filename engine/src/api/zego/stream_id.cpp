#include "api/zego/stream_id.h"

namespace regie::api::zego {

bool isValidStreamId(std::string_view id) {
    if (id.empty() || id.size() > 256) {
        return false;
    }
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

}  // namespace regie::api::zego
