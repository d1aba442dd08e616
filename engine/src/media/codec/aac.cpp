#include "media/codec/aac.h"

namespace regie::media::aac {

namespace {

constexpr std::array<int, 13> kSampleRates{96000, 88200, 64000, 48000, 44100, 32000, 24000,
                                           22050, 16000, 12000, 11025, 8000,  7350};

int readObjectType(BitReader& r) {
    int type = static_cast<int>(r.bits(5));
    return type == 31 ? 32 + static_cast<int>(r.bits(6)) : type;
}

// Returns the rate, or 0 for a reserved index.
int readSampleRate(BitReader& r, int& index) {
    index = static_cast<int>(r.bits(4));
    if (index == 15) {
        return static_cast<int>(r.bits(24));
    }
    return index < static_cast<int>(kSampleRates.size()) ? kSampleRates[index] : 0;
}

void writeSampleRate(BitWriter& w, int sampleRate) {
    int index = samplingIndexOf(sampleRate);
    w.bits(static_cast<std::uint32_t>(index), 4);
    if (index == 15) {
        w.bits(static_cast<std::uint32_t>(sampleRate), 24);
    }
}

bool isGeneralAudio(int aot) {
    return (aot >= 1 && aot <= 4) || aot == 6 || aot == 7 || aot == 17 || (aot >= 19 && aot <= 23);
}

// Counts the channels a program_config_element declares.
int parsePceChannels(BitReader& r) {
    r.skip(4 + 2 + 4);  // element_instance_tag, object_type, sampling_frequency_index
    int front = static_cast<int>(r.bits(4));
    int side = static_cast<int>(r.bits(4));
    int back = static_cast<int>(r.bits(4));
    int lfe = static_cast<int>(r.bits(2));
    int assoc = static_cast<int>(r.bits(3));
    int cc = static_cast<int>(r.bits(4));
    for (int i = 0; i < 3; ++i) {  // mono, stereo and matrix mixdown
        if (r.flag()) {
            r.skip(i == 2 ? 3 : 4);
        }
    }
    int channels = lfe;
    for (int i = 0; i < front + side + back; ++i) {
        channels += r.flag() ? 2 : 1;
        r.skip(4);
    }
    r.skip(static_cast<std::size_t>(lfe) * 4 + static_cast<std::size_t>(assoc) * 4 +
           static_cast<std::size_t>(cc) * 5);
    r.skip((8 - r.bitPosition() % 8) % 8);            // byte_alignment
    r.skip(static_cast<std::size_t>(r.bits(8)) * 8);  // comment_field
    return channels;
}

void parseGaSpecificConfig(BitReader& r, AudioSpecificConfig& config) {
    config.frameLength = r.flag() ? 960 : 1024;
    if (r.flag()) {  // dependsOnCoreCoder
        r.skip(14);
    }
    bool extension = r.flag();
    if (config.channelConfig == 0) {
        config.channels = parsePceChannels(r);
    }
    if (config.objectType == 6 || config.objectType == 20) {
        r.skip(3);  // layerNr
    }
    if (extension) {
        if (config.objectType == 22) {
            r.skip(5 + 11);
        }
        if (config.objectType == 17 || config.objectType == 19 || config.objectType == 20 ||
            config.objectType == 23) {
            r.skip(3);
        }
        r.skip(1);  // extensionFlag3
    }
}

}  // namespace

int AudioSpecificConfig::outputSampleRate() const {
    if (!sbr) {
        return sampleRate;
    }
    return extensionSampleRate != 0 ? extensionSampleRate : 2 * sampleRate;
}

int samplingIndexOf(int sampleRate) {
    for (std::size_t i = 0; i < kSampleRates.size(); ++i) {
        if (kSampleRates[i] == sampleRate) {
            return static_cast<int>(i);
        }
    }
    return 15;
}

core::Result<AudioSpecificConfig> parseAudioSpecificConfig(ByteView data) {
    BitReader r(data);
    AudioSpecificConfig config;
    config.objectType = readObjectType(r);
    config.sampleRate = readSampleRate(r, config.samplingIndex);
    config.channelConfig = static_cast<int>(r.bits(4));
    bool explicitExtension = false;
    if (config.objectType == kAotSbr || config.objectType == kAotPs) {
        explicitExtension = true;
        config.sbr = true;
        config.ps = config.objectType == kAotPs;
        int extensionIndex = 0;
        config.extensionSampleRate = readSampleRate(r, extensionIndex);
        config.objectType = readObjectType(r);
        if (config.objectType == 22) {
            r.skip(4);  // extensionChannelConfiguration
        }
    }
    if (r.failed() || config.objectType == 0 || config.sampleRate <= 0) {
        return core::Error{"malformed AudioSpecificConfig"};
    }
    if (config.channelConfig >= 1 && config.channelConfig <= 6) {
        config.channels = config.channelConfig;
    } else if (config.channelConfig == 7) {
        config.channels = 8;
    } else if (config.channelConfig == 0) {
        config.channels = 0;
    } else {
        return core::Error{"AudioSpecificConfig: unsupported channel configuration"};
    }
    if (!isGeneralAudio(config.objectType)) {
        return config;
    }
    parseGaSpecificConfig(r, config);
    if (r.failed() || config.channels <= 0) {
        return core::Error{"malformed AudioSpecificConfig (GASpecificConfig)"};
    }
    if (config.objectType >= 17) {
        r.skip(2);  // epConfig of the error-resilient object types
    }
    // Backward-compatible (implicit) SBR/PS signalling after the core config.
    if (!explicitExtension && r.bitsLeft() >= 16 && r.bits(11) == 0x2b7) {
        if (readObjectType(r) == kAotSbr) {
            config.sbr = r.flag();
            if (config.sbr) {
                int extensionIndex = 0;
                config.extensionSampleRate = readSampleRate(r, extensionIndex);
                if (r.bitsLeft() >= 12 && r.bits(11) == 0x548) {
                    config.ps = r.flag();
                }
            }
        }
        if (r.failed()) {
            config.sbr = false;
            config.ps = false;
            config.extensionSampleRate = 0;
        }
    }
    return config;
}

Bytes buildAudioSpecificConfig(const AudioSpecificConfig& config) {
    BitWriter w;
    auto writeObjectType = [&w](int type) {
        if (type >= 31) {
            w.bits(31, 5);
            w.bits(static_cast<std::uint32_t>(type - 32), 6);
        } else {
            w.bits(static_cast<std::uint32_t>(type), 5);
        }
    };
    if (config.sbr) {
        writeObjectType(config.ps ? kAotPs : kAotSbr);
        writeSampleRate(w, config.sampleRate);
        w.bits(static_cast<std::uint32_t>(config.channelConfig), 4);
        writeSampleRate(w, config.outputSampleRate());
        writeObjectType(config.objectType);
    } else {
        writeObjectType(config.objectType);
        writeSampleRate(w, config.sampleRate);
        w.bits(static_cast<std::uint32_t>(config.channelConfig), 4);
    }
    if (isGeneralAudio(config.objectType)) {
        w.bits(config.frameLength == 960 ? 1 : 0, 1);
        w.bits(0, 2);  // dependsOnCoreCoder, extensionFlag
    }
    return w.finish();
}

std::string profileName(const AudioSpecificConfig& config) {
    if (config.ps) {
        return "HE-AACv2";
    }
    if (config.sbr) {
        return "HE-AAC";
    }
    switch (config.objectType) {
        case kAotMain:
            return "Main";
        case kAotLc:
            return "LC";
        case 3:
            return "SSR";
        case 4:
            return "LTP";
        case 23:
            return "LD";
        case 39:
            return "ELD";
        default:
            return std::to_string(config.objectType);
    }
}

TrackInfo trackInfo(const AudioSpecificConfig& config) {
    TrackInfo info;
    info.codec = CodecId::AAC;
    info.profile = profileName(config);
    info.sampleRate = config.outputSampleRate();
    info.channels = config.outputChannels();
    info.sampleBit = 16;
    return info;
}

core::Result<AdtsHeader> parseAdtsHeader(ByteView data) {
    if (data.size() < kAdtsHeaderSize) {
        return core::Error{"truncated ADTS header"};
    }
    BitReader r(data.first(kAdtsHeaderSize));
    std::uint32_t sync = r.bits(12);
    r.skip(1);  // ID: MPEG-4 or MPEG-2, same layout
    if (sync != 0xfff || r.bits(2) != 0) {
        return core::Error{"not an ADTS header"};
    }
    AdtsHeader h;
    h.hasCrc = !r.flag();
    h.objectType = static_cast<int>(r.bits(2)) + 1;
    h.samplingIndex = static_cast<int>(r.bits(4));
    r.skip(1);
    h.channelConfig = static_cast<int>(r.bits(3));
    r.skip(4);
    h.frameLength = r.bits(13);
    r.skip(11);
    h.rawBlocks = static_cast<int>(r.bits(2)) + 1;
    h.headerSize = h.hasCrc ? kAdtsHeaderSize + 2 : kAdtsHeaderSize;
    if (h.samplingIndex >= static_cast<int>(kSampleRates.size()) || h.frameLength < h.headerSize) {
        return core::Error{"malformed ADTS header"};
    }
    h.sampleRate = kSampleRates[h.samplingIndex];
    return h;
}

AudioSpecificConfig configFromAdts(const AdtsHeader& header) {
    AudioSpecificConfig config;
    config.objectType = header.objectType;
    config.samplingIndex = header.samplingIndex;
    config.sampleRate = header.sampleRate;
    config.channelConfig = header.channelConfig;
    config.channels = header.channelConfig == 7 ? 8 : header.channelConfig;
    return config;
}

core::Result<std::array<std::uint8_t, kAdtsHeaderSize>> buildAdtsHeader(
    const AudioSpecificConfig& config, std::size_t payloadSize) {
    int index = samplingIndexOf(config.sampleRate);
    std::size_t frameLength = payloadSize + kAdtsHeaderSize;
    if (config.objectType < 1 || config.objectType > 4 || index == 15 || config.channelConfig > 7 ||
        frameLength > 0x1fff) {
        return core::Error{"configuration not expressible in ADTS"};
    }
    BitWriter w;
    w.bits(0xfff, 12);
    w.bits(0, 1);  // MPEG-4
    w.bits(0, 2);
    w.bits(1, 1);  // protection_absent
    w.bits(static_cast<std::uint32_t>(config.objectType - 1), 2);
    w.bits(static_cast<std::uint32_t>(index), 4);
    w.bits(0, 1);
    w.bits(static_cast<std::uint32_t>(config.channelConfig), 3);
    w.bits(0, 4);
    w.bits(static_cast<std::uint32_t>(frameLength), 13);
    w.bits(0x7ff, 11);  // VBR buffer fullness
    w.bits(0, 2);
    Bytes bytes = w.finish();
    std::array<std::uint8_t, kAdtsHeaderSize> out{};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

}  // namespace regie::media::aac
