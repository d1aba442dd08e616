#pragma once
// AAC (ISO/IEC 14496-3): AudioSpecificConfig, as carried in FLV sequence headers, and ADTS.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/result.h"
#include "media/codec/bit_reader.h"
#include "media/codec/codec.h"

namespace regie::media::aac {

// Audio object types used below; others pass through as numbers.
inline constexpr int kAotMain = 1;
inline constexpr int kAotLc = 2;
inline constexpr int kAotSbr = 5;
inline constexpr int kAotPs = 29;

struct AudioSpecificConfig {
    int objectType = kAotLc;  // of the core coder; SBR/PS are the flags below
    int samplingIndex = 4;    // 15 = explicit sampleRate
    int sampleRate = 44100;   // of the core coder
    int channelConfig = 2;    // 0 = defined by a program_config_element
    int channels = 2;         // of the core coder
    bool sbr = false;
    bool ps = false;
    int extensionSampleRate = 0;  // SBR output rate, 0 when unsignalled
    int frameLength = 1024;

    int outputSampleRate() const;
    int outputChannels() const { return ps && channels == 1 ? 2 : channels; }
};

core::Result<AudioSpecificConfig> parseAudioSpecificConfig(ByteView data);
// SBR/PS use explicit hierarchical signalling (object type 5 or 29 first).
Bytes buildAudioSpecificConfig(const AudioSpecificConfig& config);
int samplingIndexOf(int sampleRate);  // 15 when not in the table
std::string profileName(const AudioSpecificConfig& config);
// Reports what a decoder outputs: the SBR rate and the PS stereo channels.
TrackInfo trackInfo(const AudioSpecificConfig& config);

inline constexpr std::size_t kAdtsHeaderSize = 7;

struct AdtsHeader {
    int objectType = kAotLc;
    int samplingIndex = 4;
    int sampleRate = 44100;
    int channelConfig = 2;
    bool hasCrc = false;
    std::size_t frameLength = 0;  // header included
    std::size_t headerSize = kAdtsHeaderSize;
    int rawBlocks = 1;
};

core::Result<AdtsHeader> parseAdtsHeader(ByteView data);
AudioSpecificConfig configFromAdts(const AdtsHeader& header);
// ADTS can only describe object types 1-4 at a table sample rate, which is what an
// SBR/PS stream carries in its core config.
core::Result<std::array<std::uint8_t, kAdtsHeaderSize>> buildAdtsHeader(
    const AudioSpecificConfig& config, std::size_t payloadSize);

}  // namespace regie::media::aac
