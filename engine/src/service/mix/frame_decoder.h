#pragma once
// Decodes one mix input's coded frames (a live stream's, or a pulled URL's made into frames)
// into its InputSlot: pictures from the first keyframe after each configuration, and sound.

#include <memory>

#include "av/decoder.h"
#include "media/frame.h"
#include "service/mix/input_slot.h"

namespace regie::service::mix {

class FrameDecoder {
public:
    void decode(const media::Frame& frame, InputSlot& slot);
    // The input's publisher went away: whatever comes next starts from its configuration.
    void reset();

private:
    void decodeVideo(const media::Frame& frame, InputSlot& slot);
    void decodeAudio(const media::Frame& frame, InputSlot& slot);

    std::unique_ptr<av::Decoder> m_video;
    std::unique_ptr<av::Decoder> m_audio;
    media::CodecId m_audioCodec = media::CodecId::AAC;
    bool m_waitKeyframe = true;
};

}  // namespace regie::service::mix
