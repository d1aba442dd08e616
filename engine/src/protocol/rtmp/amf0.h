#pragma once
// AMF0 values (the encoding of RTMP command and data messages), an encoder, and a
// bounds-checked decoder that reports malformed input as an error value.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "protocol/rtmp/bytes.h"

namespace regie::rtmp {

enum class Amf0Type : std::uint8_t {
    Number = 0x00,
    Boolean = 0x01,
    String = 0x02,
    Object = 0x03,
    Null = 0x05,
    Undefined = 0x06,
    EcmaArray = 0x08,
    StrictArray = 0x0A,
    Date = 0x0B,
    LongString = 0x0C,
};

class Amf0Value {
public:
    using Properties = std::vector<std::pair<std::string, Amf0Value>>;
    using Items = std::vector<Amf0Value>;

    Amf0Value() = default;  // null

    static Amf0Value number(double v);
    static Amf0Value boolean(bool v);
    // Encoded as a long string when longer than 65535 bytes.
    static Amf0Value string(std::string v);
    static Amf0Value object(Properties props = {});
    static Amf0Value ecmaArray(Properties props = {});
    static Amf0Value strictArray(Items items = {});
    static Amf0Value null() { return {}; }
    static Amf0Value undefined();
    static Amf0Value date(double millisSinceEpoch, std::int16_t timezoneMinutes = 0);
    static Amf0Value longString(std::string v);

    Amf0Type type() const { return m_type; }
    bool isNumber() const { return m_type == Amf0Type::Number; }
    bool isBoolean() const { return m_type == Amf0Type::Boolean; }
    bool isString() const { return m_type == Amf0Type::String || m_type == Amf0Type::LongString; }
    bool isNull() const { return m_type == Amf0Type::Null || m_type == Amf0Type::Undefined; }
    // Object or ECMA array: both are key/value maps on the wire.
    bool isMap() const { return m_type == Amf0Type::Object || m_type == Amf0Type::EcmaArray; }

    // Number and date value; `fallback` for any other type.
    double asNumber(double fallback = 0) const;
    bool asBoolean(bool fallback = false) const;
    // String value; empty for any other type.
    const std::string& asString() const;
    const Properties& properties() const { return m_properties; }
    const Items& items() const { return m_items; }
    std::int16_t timezone() const { return m_timezone; }

    // First property named `key` of an object/ECMA array, or null.
    const Amf0Value* find(std::string_view key) const;
    std::string stringAt(std::string_view key) const;
    double numberAt(std::string_view key, double fallback = 0) const;
    // Appends or replaces a property of an object/ECMA array.
    void set(std::string key, Amf0Value value);

    bool operator==(const Amf0Value& other) const = default;

private:
    Amf0Type m_type = Amf0Type::Null;
    double m_number = 0;
    bool m_boolean = false;
    std::int16_t m_timezone = 0;
    std::string m_string;
    Properties m_properties;
    Items m_items;
};

void encodeAmf0(const Amf0Value& value, Bytes& out);
Bytes encodeAmf0(const std::vector<Amf0Value>& values);

// Reads consecutive AMF0 values from a buffer it does not own.
class Amf0Reader {
public:
    // Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
    static constexpr int kMaxDepth = 32;

    explicit Amf0Reader(ByteSpan data) : m_data(data) {}

    core::Result<Amf0Value> read();
    bool atEnd() const { return m_pos >= m_data.size(); }
    std::size_t offset() const { return m_pos; }

private:
    core::Result<Amf0Value> readValue(int depth);
    core::Result<Amf0Value> readMap(Amf0Type type, int depth);
    core::Result<std::string> readUtf8(std::size_t lengthBytes);
    bool has(std::size_t n) const { return m_data.size() - m_pos >= n; }

    ByteSpan m_data;
    std::size_t m_pos = 0;
};

// Decodes a whole message body (e.g. a command) into its values.
core::Result<std::vector<Amf0Value>> decodeAmf0(ByteSpan data);

}  // namespace regie::rtmp
