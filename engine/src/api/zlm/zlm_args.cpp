#include "api/zlm/zlm_args.h"

#include <boost/json.hpp>
#include <charconv>

#include "core/text.h"

namespace regie::api::zlm {

namespace json = boost::json;

namespace {

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && core::iequals(s.substr(0, prefix.size()), prefix);
}

// A top-level JSON member as ZLM's string argument; nested values are skipped.
bool jsonMemberToString(const json::value& v, std::string& out) {
    switch (v.kind()) {
        case json::kind::string:
            out = std::string(v.get_string());
            return true;
        case json::kind::int64:
            out = std::to_string(v.get_int64());
            return true;
        case json::kind::uint64:
            out = std::to_string(v.get_uint64());
            return true;
        case json::kind::double_: {
            char buf[64];
            auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v.get_double());
            out.assign(buf, ptr);
            return true;
        }
        case json::kind::bool_:
            out = v.get_bool() ? "true" : "false";
            return true;
        case json::kind::null:
            out.clear();
            return true;
        default:
            return false;
    }
}

}  // namespace

void parseZlmQuery(std::string_view query, std::vector<std::pair<std::string, std::string>>& out) {
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        auto eq = pair.find('=');
        std::string name(core::trim(core::percentDecode(pair.substr(0, eq), false)));
        std::string value =
            eq == std::string_view::npos
                ? std::string()
                : std::string(core::trim(core::percentDecode(pair.substr(eq + 1), false)));
        if (!name.empty()) {
            out.emplace_back(std::move(name), std::move(value));
        }
    }
}

ZlmArgs ZlmArgs::fromCall(const ApiCall& call) {
    ZlmArgs args;
    args.m_headers = call.headers;
    std::string_view contentType = call.header("Content-Type");
    if (!call.body.empty()) {
        if (startsWith(contentType, "application/x-www-form-urlencoded")) {
            parseZlmQuery(call.body, args.m_entries);
        } else if (startsWith(contentType, "application/json")) {
            boost::system::error_code ec;
            json::value body = json::parse(call.body, ec);
            if (!ec && body.is_object()) {
                for (const auto& member : body.get_object()) {
                    std::string value;
                    if (jsonMemberToString(member.value(), value)) {
                        args.m_entries.emplace_back(std::string(member.key()),
                                                    std::string(core::trim(value)));
                    }
                }
            }
        }
    }
    parseZlmQuery(call.rawQuery, args.m_entries);
    return args;
}

std::string ZlmArgs::get(std::string_view name) const {
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (core::iequals(it->first, name)) {
            if (!it->second.empty()) {
                return it->second;
            }
            break;
        }
    }
    for (const auto& h : m_headers) {
        if (core::iequals(h.name, name)) {
            return std::string(core::trim(h.value));
        }
    }
    return {};
}

}  // namespace regie::api::zlm
