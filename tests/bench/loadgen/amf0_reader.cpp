#include "amf0_reader.h"

#include <bit>

#include "byte_order.h"

namespace regie::loadgen::amf0 {
namespace {

constexpr int kMaxDepth = 16;

enum Marker : std::uint8_t {
    kNumber = 0x00,
    kBoolean = 0x01,
    kString = 0x02,
    kObject = 0x03,
    kNull = 0x05,
    kUndefined = 0x06,
    kReference = 0x07,
    kEcmaArray = 0x08,
    kObjectEnd = 0x09,
    kStrictArray = 0x0a,
    kDate = 0x0b,
    kLongString = 0x0c,
    kXmlDocument = 0x0f,
    kTypedObject = 0x10,
};

const std::uint8_t* bytes(std::string_view s) {
    return reinterpret_cast<const std::uint8_t*>(s.data());
}

}  // namespace

std::string Value::field(std::string_view key) const {
    for (const auto& [k, v] : fields) {
        if (k == key) {
            return v;
        }
    }
    return {};
}

bool Reader::take(std::size_t n, std::string_view* into) {
    if (m_data.size() < n) {
        return false;
    }
    if (into) {
        *into = m_data.substr(0, n);
    }
    m_data.remove_prefix(n);
    return true;
}

bool Reader::readString16(std::string* into) {
    std::string_view length;
    std::string_view text;
    if (!take(2, &length) || !take(readBe16(bytes(length)), &text)) {
        return false;
    }
    if (into) {
        *into = std::string(text);
    }
    return true;
}

bool Reader::readProperties(Value* into, int depth) {
    while (true) {
        std::string key;
        if (!readString16(&key)) {
            return false;
        }
        if (key.empty() && !m_data.empty() && static_cast<std::uint8_t>(m_data[0]) == kObjectEnd) {
            return take(1);
        }
        if (into && !m_data.empty() && m_data[0] == kString) {
            take(1);
            std::string text;
            if (!readString16(&text)) {
                return false;
            }
            into->fields.emplace_back(std::move(key), std::move(text));
        } else if (!skipValue(depth + 1)) {
            return false;
        }
    }
}

bool Reader::skipValue(int depth) {
    std::string_view marker;
    if (depth > kMaxDepth || !take(1, &marker)) {
        return false;
    }
    std::string_view field;
    switch (static_cast<std::uint8_t>(marker[0])) {
        case kNumber:
            return take(8);
        case kBoolean:
            return take(1);
        case kString:
            return readString16(nullptr);
        case kObject:
            return readProperties(nullptr, depth);
        case kNull:
        case kUndefined:
            return true;
        case kReference:
            return take(2);
        case kEcmaArray:
            return take(4) && readProperties(nullptr, depth);
        case kStrictArray: {
            if (!take(4, &field)) {
                return false;
            }
            for (std::uint32_t i = readBe32(bytes(field)); i > 0; --i) {
                if (!skipValue(depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        case kDate:
            return take(10);
        case kLongString:
        case kXmlDocument:
            return take(4, &field) && take(readBe32(bytes(field)));
        case kTypedObject:
            return readString16(nullptr) && readProperties(nullptr, depth);
        default:
            return false;
    }
}

std::optional<Value> Reader::read() {
    if (m_data.empty()) {
        return std::nullopt;
    }
    Value value;
    auto marker = static_cast<std::uint8_t>(m_data[0]);
    std::string_view field;
    bool ok = false;
    if (marker == kNumber) {
        take(1);
        ok = take(8, &field);
        if (ok) {
            std::uint64_t bits =
                (std::uint64_t{readBe32(bytes(field))} << 32) | readBe32(bytes(field) + 4);
            value.type = Value::Type::number;
            value.number = std::bit_cast<double>(bits);
        }
    } else if (marker == kString) {
        take(1);
        value.type = Value::Type::string;
        ok = readString16(&value.text);
    } else if (marker == kObject || marker == kEcmaArray) {
        take(1);
        value.type = Value::Type::object;
        ok = (marker == kObject || take(4)) && readProperties(&value, 0);
    } else {
        ok = skipValue(0);
    }
    if (!ok) {
        m_data = {};
        return std::nullopt;
    }
    return value;
}

}  // namespace regie::loadgen::amf0
