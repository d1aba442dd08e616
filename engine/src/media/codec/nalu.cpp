#include "media/codec/nalu.h"

namespace regie::media {

namespace {
bool validLengthSize(int lengthSize) {
    return lengthSize == 1 || lengthSize == 2 || lengthSize == 4;
}
}  // namespace

std::vector<ByteView> splitAnnexB(ByteView stream) {
    std::vector<ByteView> units;
    std::size_t start = stream.size();  // start of the current unit, none yet
    std::size_t i = 0;
    auto close = [&](std::size_t end) {
        while (end > start && stream[end - 1] == 0) {
            --end;
        }
        if (end > start) {
            units.push_back(stream.subspan(start, end - start));
        }
    };
    while (i + 3 <= stream.size()) {
        if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
            if (start < stream.size()) {
                close(i);
            }
            i += 3;
            start = i;
        } else {
            ++i;
        }
    }
    if (start < stream.size()) {
        close(stream.size());
    }
    return units;
}

core::Result<std::vector<ByteView>> splitLengthPrefixed(ByteView data, int lengthSize) {
    if (!validLengthSize(lengthSize)) {
        return core::Error{"invalid NAL length size"};
    }
    std::vector<ByteView> units;
    ByteReader reader(data);
    while (reader.remaining() > 0) {
        auto size = static_cast<std::size_t>(reader.be(lengthSize));
        ByteView unit = reader.take(size);
        if (reader.failed()) {
            return core::Error{"truncated length-prefixed NAL unit"};
        }
        if (!unit.empty()) {
            units.push_back(unit);
        }
    }
    return units;
}

Bytes annexBToLengthPrefixed(ByteView stream) {
    Bytes out;
    out.reserve(stream.size() + 16);
    for (ByteView unit : splitAnnexB(stream)) {
        appendBe(out, unit.size(), 4);
        out.insert(out.end(), unit.begin(), unit.end());
    }
    return out;
}

core::Result<Bytes> lengthPrefixedToAnnexB(ByteView data, int lengthSize) {
    auto units = splitLengthPrefixed(data, lengthSize);
    if (!units) {
        return units.error();
    }
    Bytes out;
    out.reserve(data.size() + units.value().size() * 4);
    for (ByteView unit : units.value()) {
        appendBe(out, 1, 4);
        out.insert(out.end(), unit.begin(), unit.end());
    }
    return out;
}

}  // namespace regie::media
