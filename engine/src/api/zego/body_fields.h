#pragma once
// Reading a ZEGO JSON body (StartMix, StartCloudTranscode): typed access to its fields, where a
// wrong field throws a Refusal with the code and Message to answer. Only inside the parsers: each
// parser catches it and returns the answer.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie::api::zego::body {

struct Refusal {
    int code;
    std::string message;
};

[[noreturn]] inline void refuse(int code, std::string message) {
    throw Refusal{code, std::move(message)};
}

// The characters the string parameters of StartMix accept.
inline bool isTextChar(char c) {
    static constexpr std::string_view kPunctuation = "~!@#$%^&*()_+=-`;',.<>/";
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           kPunctuation.find(c) != std::string_view::npos;
}

// Typed access to one JSON object; `where` prefixes messages ("MixInput[1].").
class Fields {
public:
    Fields(const boost::json::object& object, std::string where, int code)
        : m_object(object), m_where(std::move(where)), m_code(code) {}

    bool has(std::string_view name) const {
        const auto* v = m_object.if_contains(name);
        return v != nullptr && !v->is_null();
    }
    std::string name(std::string_view field) const { return m_where + std::string(field); }
    int code() const { return m_code; }

    std::optional<std::string> string(std::string_view field) const {
        if (!has(field)) {
            return std::nullopt;
        }
        const auto& v = m_object.at(field);
        if (!v.is_string()) {
            refuse(m_code, name(field) + " must be a String");
        }
        return std::string(v.get_string());
    }
    std::string requiredString(std::string_view field) const {
        auto s = string(field);
        if (!s || s->empty()) {
            refuse(m_code, name(field) + " is required");
        }
        return *s;
    }
    std::optional<std::int64_t> integer(std::string_view field) const {
        if (!has(field)) {
            return std::nullopt;
        }
        const auto& v = m_object.at(field);
        if (v.is_int64()) {
            return v.get_int64();
        }
        if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
            return static_cast<std::int64_t>(v.get_uint64());
        }
        refuse(m_code, name(field) + " must be an integer");
    }
    std::int64_t requiredInteger(std::string_view field) const {
        auto i = integer(field);
        if (!i) {
            refuse(m_code, name(field) + " is required");
        }
        return *i;
    }
    std::int64_t integerIn(std::string_view field, std::int64_t low, std::int64_t high,
                           std::int64_t fallback) const {
        auto i = integer(field).value_or(fallback);
        if (i < low || i > high) {
            refuse(m_code, name(field) + " must be between " + std::to_string(low) + " and " +
                               std::to_string(high));
        }
        return i;
    }
    const boost::json::object* object(std::string_view field) const {
        if (!has(field)) {
            return nullptr;
        }
        if (!m_object.at(field).is_object()) {
            refuse(m_code, name(field) + " must be an Object");
        }
        return &m_object.at(field).get_object();
    }
    const boost::json::array& requiredArray(std::string_view field) const {
        if (!has(field) || !m_object.at(field).is_array()) {
            refuse(m_code, name(field) + " is required and must be an Array");
        }
        return m_object.at(field).get_array();
    }

private:
    const boost::json::object& m_object;
    std::string m_where;
    int m_code;
};

inline void checkText(const Fields& f, std::string_view field, const std::string& value, int code) {
    for (char c : value) {
        if (!isTextChar(c)) {
            refuse(code, f.name(field) + " has a character that is not accepted");
        }
    }
}

}  // namespace regie::api::zego::body
