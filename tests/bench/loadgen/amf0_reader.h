#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace regie::loadgen::amf0 {

// The parts of one AMF0 value a player needs: numbers, strings, and an object's string fields
// (NetStatus "level" and "code"). Other types are skipped over.
struct Value {
    enum class Type { number, string, object, other };
    Type type = Type::other;
    double number = 0;
    std::string text;
    std::vector<std::pair<std::string, std::string>> fields;

    std::string field(std::string_view key) const;
};

// Reads the values of a command message one after the other.
class Reader {
public:
    explicit Reader(std::string_view data) : m_data(data) {}

    // Empty at the end of the data or when it is malformed.
    std::optional<Value> read();

private:
    bool skipValue(int depth);
    bool readProperties(Value* into, int depth);
    bool readString16(std::string* into);
    bool take(std::size_t n, std::string_view* into = nullptr);

    std::string_view m_data;
};

}  // namespace regie::loadgen::amf0
