#pragma once
// NAL unit framing shared by H.264 and H.265: Annex-B start codes and the length-prefixed
// form used by AVCC/HVCC (FLV, MP4).

#include <vector>

#include "core/result.h"
#include "media/codec/bit_reader.h"

namespace regie::media {

// NAL units between 00 00 01 / 00 00 00 01 start codes; bytes before the first start code are
// ignored, trailing zero bytes of a unit are not part of it.
std::vector<ByteView> splitAnnexB(ByteView stream);
// lengthSize is 1, 2 or 4 (lengthSizeMinusOne + 1 of the decoder configuration record).
core::Result<std::vector<ByteView>> splitLengthPrefixed(ByteView data, int lengthSize);

// Writes 4-byte lengths, what FLV and MP4 writers emit.
Bytes annexBToLengthPrefixed(ByteView stream);
core::Result<Bytes> lengthPrefixedToAnnexB(ByteView data, int lengthSize);

}  // namespace regie::media
