#include "protocol/rtmp/amf0.h"

#include <algorithm>
#include <bit>

namespace regie::rtmp {

namespace {

constexpr std::uint8_t kObjectEndMarker = 0x09;
constexpr std::uint8_t kReferenceMarker = 0x07;
constexpr std::uint8_t kAvmPlusMarker = 0x11;

void putDouble(Bytes& out, double v) {
    auto bits = std::bit_cast<std::uint64_t>(v);
    putU32(out, static_cast<std::uint32_t>(bits >> 32));
    putU32(out, static_cast<std::uint32_t>(bits));
}

double getDouble(const std::uint8_t* p) {
    auto bits = (std::uint64_t{getU32(p)} << 32) | getU32(p + 4);
    return std::bit_cast<double>(bits);
}

void putKey(Bytes& out, const std::string& key) {
    // Keys longer than a short string cannot be encoded; truncating keeps the stream valid.
    auto n = static_cast<std::uint16_t>(std::min<std::size_t>(key.size(), 0xFFFF));
    putU16(out, n);
    out.insert(out.end(), key.begin(), key.begin() + n);
}

void putProperties(Bytes& out, const Amf0Value::Properties& props) {
    for (const auto& [key, value] : props) {
        putKey(out, key);
        encodeAmf0(value, out);
    }
    putU16(out, 0);
    putU8(out, kObjectEndMarker);
}

const std::string& emptyString() {
    static const std::string empty;
    return empty;
}

}  // namespace

Amf0Value Amf0Value::number(double v) {
    Amf0Value a;
    a.m_type = Amf0Type::Number;
    a.m_number = v;
    return a;
}

Amf0Value Amf0Value::boolean(bool v) {
    Amf0Value a;
    a.m_type = Amf0Type::Boolean;
    a.m_boolean = v;
    return a;
}

Amf0Value Amf0Value::string(std::string v) {
    Amf0Value a;
    a.m_type = v.size() > 0xFFFF ? Amf0Type::LongString : Amf0Type::String;
    a.m_string = std::move(v);
    return a;
}

Amf0Value Amf0Value::longString(std::string v) {
    Amf0Value a;
    a.m_type = Amf0Type::LongString;
    a.m_string = std::move(v);
    return a;
}

Amf0Value Amf0Value::object(Properties props) {
    Amf0Value a;
    a.m_type = Amf0Type::Object;
    a.m_properties = std::move(props);
    return a;
}

Amf0Value Amf0Value::ecmaArray(Properties props) {
    Amf0Value a;
    a.m_type = Amf0Type::EcmaArray;
    a.m_properties = std::move(props);
    return a;
}

Amf0Value Amf0Value::strictArray(Items items) {
    Amf0Value a;
    a.m_type = Amf0Type::StrictArray;
    a.m_items = std::move(items);
    return a;
}

Amf0Value Amf0Value::undefined() {
    Amf0Value a;
    a.m_type = Amf0Type::Undefined;
    return a;
}

Amf0Value Amf0Value::date(double millisSinceEpoch, std::int16_t timezoneMinutes) {
    Amf0Value a;
    a.m_type = Amf0Type::Date;
    a.m_number = millisSinceEpoch;
    a.m_timezone = timezoneMinutes;
    return a;
}

double Amf0Value::asNumber(double fallback) const {
    return m_type == Amf0Type::Number || m_type == Amf0Type::Date ? m_number : fallback;
}

bool Amf0Value::asBoolean(bool fallback) const {
    return m_type == Amf0Type::Boolean ? m_boolean : fallback;
}

const std::string& Amf0Value::asString() const {
    return isString() ? m_string : emptyString();
}

const Amf0Value* Amf0Value::find(std::string_view key) const {
    for (const auto& [k, v] : m_properties) {
        if (k == key) {
            return &v;
        }
    }
    return nullptr;
}

std::string Amf0Value::stringAt(std::string_view key) const {
    const auto* v = find(key);
    return v ? v->asString() : std::string();
}

double Amf0Value::numberAt(std::string_view key, double fallback) const {
    const auto* v = find(key);
    return v ? v->asNumber(fallback) : fallback;
}

void Amf0Value::set(std::string key, Amf0Value value) {
    for (auto& [k, v] : m_properties) {
        if (k == key) {
            v = std::move(value);
            return;
        }
    }
    m_properties.emplace_back(std::move(key), std::move(value));
}

void encodeAmf0(const Amf0Value& value, Bytes& out) {
    auto type = value.type();
    if (type == Amf0Type::String && value.asString().size() > 0xFFFF) {
        type = Amf0Type::LongString;
    }
    putU8(out, static_cast<std::uint8_t>(type));
    switch (type) {
        case Amf0Type::Number:
            putDouble(out, value.asNumber());
            break;
        case Amf0Type::Boolean:
            putU8(out, value.asBoolean() ? 1 : 0);
            break;
        case Amf0Type::String:
            putKey(out, value.asString());
            break;
        case Amf0Type::LongString:
            putU32(out, static_cast<std::uint32_t>(value.asString().size()));
            out.insert(out.end(), value.asString().begin(), value.asString().end());
            break;
        case Amf0Type::Object:
            putProperties(out, value.properties());
            break;
        case Amf0Type::EcmaArray:
            putU32(out, static_cast<std::uint32_t>(value.properties().size()));
            putProperties(out, value.properties());
            break;
        case Amf0Type::StrictArray:
            putU32(out, static_cast<std::uint32_t>(value.items().size()));
            for (const auto& item : value.items()) {
                encodeAmf0(item, out);
            }
            break;
        case Amf0Type::Date:
            putDouble(out, value.asNumber());
            putU16(out, static_cast<std::uint16_t>(value.timezone()));
            break;
        case Amf0Type::Null:
        case Amf0Type::Undefined:
            break;
    }
}

Bytes encodeAmf0(const std::vector<Amf0Value>& values) {
    Bytes out;
    for (const auto& v : values) {
        encodeAmf0(v, out);
    }
    return out;
}

core::Result<Amf0Value> Amf0Reader::read() {
    return readValue(0);
}

core::Result<std::string> Amf0Reader::readUtf8(std::size_t lengthBytes) {
    if (!has(lengthBytes)) {
        return core::Error{"amf0: truncated string length"};
    }
    std::size_t n = lengthBytes == 2 ? getU16(&m_data[m_pos]) : getU32(&m_data[m_pos]);
    m_pos += lengthBytes;
    if (!has(n)) {
        return core::Error{"amf0: string longer than the input"};
    }
    std::string s(reinterpret_cast<const char*>(&m_data[m_pos]), n);
    m_pos += n;
    return s;
}

core::Result<Amf0Value> Amf0Reader::readMap(Amf0Type type, int depth) {
    Amf0Value::Properties props;
    while (true) {
        if (!has(2)) {
            return core::Error{"amf0: object without end marker"};
        }
        if (getU16(&m_data[m_pos]) == 0 && has(3) && m_data[m_pos + 2] == kObjectEndMarker) {
            m_pos += 3;
            break;
        }
        auto key = readUtf8(2);
        if (!key) {
            return key.error();
        }
        auto item = readValue(depth + 1);
        if (!item) {
            return item.error();
        }
        props.emplace_back(std::move(key.value()), std::move(item.value()));
    }
    return type == Amf0Type::EcmaArray ? Amf0Value::ecmaArray(std::move(props))
                                       : Amf0Value::object(std::move(props));
}

core::Result<Amf0Value> Amf0Reader::readValue(int depth) {
    if (depth > kMaxDepth) {
        return core::Error{"amf0: nesting too deep"};
    }
    if (!has(1)) {
        return core::Error{"amf0: missing value"};
    }
    auto marker = m_data[m_pos++];
    switch (marker) {
        case static_cast<std::uint8_t>(Amf0Type::Number):
            if (!has(8)) {
                return core::Error{"amf0: truncated number"};
            }
            m_pos += 8;
            return Amf0Value::number(getDouble(&m_data[m_pos - 8]));
        case static_cast<std::uint8_t>(Amf0Type::Boolean):
            if (!has(1)) {
                return core::Error{"amf0: truncated boolean"};
            }
            return Amf0Value::boolean(m_data[m_pos++] != 0);
        case static_cast<std::uint8_t>(Amf0Type::String): {
            auto s = readUtf8(2);
            if (!s) {
                return s.error();
            }
            return Amf0Value::string(std::move(s.value()));
        }
        case static_cast<std::uint8_t>(Amf0Type::LongString): {
            auto s = readUtf8(4);
            if (!s) {
                return s.error();
            }
            return Amf0Value::longString(std::move(s.value()));
        }
        case static_cast<std::uint8_t>(Amf0Type::Object):
            return readMap(Amf0Type::Object, depth);
        case static_cast<std::uint8_t>(Amf0Type::EcmaArray):
            // The count is advisory (encoders get it wrong); the end marker terminates.
            if (!has(4)) {
                return core::Error{"amf0: truncated ecma array"};
            }
            m_pos += 4;
            return readMap(Amf0Type::EcmaArray, depth);
        case static_cast<std::uint8_t>(Amf0Type::StrictArray): {
            if (!has(4)) {
                return core::Error{"amf0: truncated strict array"};
            }
            std::size_t count = getU32(&m_data[m_pos]);
            m_pos += 4;
            // Every value takes at least one byte, so a count beyond the input is a lie.
            if (!has(count)) {
                return core::Error{"amf0: strict array count exceeds the input"};
            }
            Amf0Value::Items items;
            items.reserve(count);
            for (std::size_t i = 0; i < count; ++i) {
                auto item = readValue(depth + 1);
                if (!item) {
                    return item.error();
                }
                items.push_back(std::move(item.value()));
            }
            return Amf0Value::strictArray(std::move(items));
        }
        case static_cast<std::uint8_t>(Amf0Type::Date): {
            if (!has(10)) {
                return core::Error{"amf0: truncated date"};
            }
            auto millis = getDouble(&m_data[m_pos]);
            auto tz = static_cast<std::int16_t>(getU16(&m_data[m_pos + 8]));
            m_pos += 10;
            return Amf0Value::date(millis, tz);
        }
        case static_cast<std::uint8_t>(Amf0Type::Null):
            return Amf0Value::null();
        case static_cast<std::uint8_t>(Amf0Type::Undefined):
            return Amf0Value::undefined();
        case kReferenceMarker:
            return core::Error{"amf0: object references are not supported"};
        case kAvmPlusMarker:
            return core::Error{"amf0: AMF3 values are not supported"};
        default:
            return core::Error{"amf0: unknown type marker " + std::to_string(marker)};
    }
}

core::Result<std::vector<Amf0Value>> decodeAmf0(ByteSpan data) {
    Amf0Reader reader(data);
    std::vector<Amf0Value> values;
    while (!reader.atEnd()) {
        auto v = reader.read();
        if (!v) {
            return core::Error{v.error().message + " at offset " + std::to_string(reader.offset())};
        }
        values.push_back(std::move(v.value()));
    }
    return values;
}

}  // namespace regie::rtmp
