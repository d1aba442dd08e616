#pragma once
// What an HTTP-FLV player of an engine stream receives in a few seconds, read with the engine's
// own FLV and codec library: FFmpeg 5.1 cannot read H.265 in FLV, so the tests take the H.265
// elementary stream out of the tags for ffprobe and ffmpeg to read.

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <optional>

#include "media/codec/aac.h"
#include "media/codec/h265.h"
#include "media/codec/nalu.h"
#include "mix_media.h"
#include "protocol/flv/flv.h"
#include "protocol/flv/tag_body.h"
#include "raw_http.h"

namespace regie::test::mix {

inline QByteArray startCode(regie::media::ByteView nal) {
    return QByteArray("\0\0\0\1", 4) + QByteArray(reinterpret_cast<const char*>(nal.data()),
                                                  static_cast<qsizetype>(nal.size()));
}

// What an HTTP-FLV player of an H.265 output receives in a few seconds: the video as an Annex B
// elementary stream (parameter sets first), and the audio's AudioSpecificConfig.
struct FlvCapture {
    QByteArray hevc;
    bool legacyHevcTags = true;
    std::optional<regie::media::aac::AudioSpecificConfig> asc;
};

// What an HTTP-FLV player of `stream` receives in three seconds (empty: not an FLV stream).
inline QByteArray playFlv(int httpPort, const QString& stream) {
    RawHttp player(httpPort);
    if (!player.connect()) {
        return {};
    }
    player.send("GET /live/" + stream.toUtf8() + ".live.flv HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray body = player.read(3000).body;
    return body.size() >= 13 && body.startsWith("FLV") ? body : QByteArray();
}

inline FlvCapture capture(int httpPort, const QString& stream) {
    FlvCapture out;
    const QByteArray body = playFlv(httpPort, stream);
    if (body.isEmpty()) {
        return out;
    }
    regie::flv::ByteView all(reinterpret_cast<const std::uint8_t*>(body.data()),
                             static_cast<std::size_t>(body.size()));
    for (std::size_t pos = 13; pos < all.size();) {
        auto tag = regie::flv::parseTag(all.subspan(pos));
        if (!tag || !tag.value()) {
            break;
        }
        const regie::flv::Tag& t = *tag.value();
        pos += t.size;
        if (t.header.type == regie::flv::TagType::Audio) {
            auto frame = regie::flv::parseAudioTag(t.body, t.header.timestamp);
            if (frame && frame.value().isConfig()) {
                auto asc = regie::media::aac::parseAudioSpecificConfig(frame.value().payload);
                if (asc) {
                    out.asc = asc.value();
                }
            }
            continue;
        }
        if (t.header.type != regie::flv::TagType::Video) {
            continue;
        }
        out.legacyHevcTags = out.legacyHevcTags && (t.body[0] & 0x0f) == 12;
        auto frame = regie::flv::parseVideoTag(t.body, t.header.timestamp);
        if (!frame || frame.value().codec != regie::media::CodecId::H265) {
            return {};
        }
        if (frame.value().isConfig()) {
            auto config = regie::media::h265::parseHevcConfig(frame.value().payload);
            if (!config) {
                return {};
            }
            for (const auto& array : config.value().arrays) {
                for (const auto& unit : array.units) {
                    out.hevc += startCode(unit);
                }
            }
        } else if (!out.hevc.isEmpty()) {
            auto nals = regie::media::splitLengthPrefixed(frame.value().payload, 4);
            for (auto nal : nals ? nals.value() : std::vector<regie::media::ByteView>{}) {
                out.hevc += startCode(nal);
            }
        }
    }
    return out;
}

// A video file as ffprobe and ffmpeg read it: its codecs ("hevc@640x360") and its last picture,
// decoded to YUV420P of `width`x`height`.
struct PictureReading {
    QString codecs;
    QByteArray picture;
    int width = 0;

    Yuv at(int x, int y) const {
        const int height = picture.size() * 2 / 3 / std::max(width, 1);
        if (picture.isEmpty() || x >= width || y >= height) {
            return {-1000, -1000, -1000};
        }
        const auto* p = reinterpret_cast<const unsigned char*>(picture.constData());
        const int luma = width * height;
        const int chroma = (y / 2) * (width / 2) + x / 2;
        return {p[y * width + x], p[luma + chroma], p[luma * 5 / 4 + chroma]};
    }
    bool shows(int x, int y, Yuv c) const {
        Yuv s = at(x, y);
        return std::abs(s.y - c.y) <= 24 && std::abs(s.u - c.u) <= 24 && std::abs(s.v - c.v) <= 24;
    }
    QString describe(int x, int y) const {
        Yuv s = at(x, y);
        return QString("%1/%2/%3").arg(s.y).arg(s.u).arg(s.v);
    }
};

// `inputFormat`: ffmpeg's -f for the file, when it cannot tell by itself.
inline PictureReading readPictures(const QString& file, int width, int height,
                                   const QString& inputFormat = {}) {
    PictureReading out;
    out.width = width;
    out.codecs = probeCodecs(file);
    QStringList args{"-hide_banner", "-loglevel", "error"};
    if (!inputFormat.isEmpty()) {
        args << "-f" << inputFormat;
    }
    args << "-i" << file << "-map"
         << "0:v"
         << "-f"
         << "rawvideo"
         << "-pix_fmt"
         << "yuv420p"
         << "pipe:1";
    QProcess decode;
    decode.start("ffmpeg", args);
    decode.waitForFinished(20000);
    const int pictureBytes = width * height * 3 / 2;
    const QByteArray pictures = decode.readAllStandardOutput();
    if (pictures.size() >= pictureBytes && pictures.size() % pictureBytes == 0) {
        out.picture = pictures.right(pictureBytes);
    }
    return out;
}

inline PictureReading readHevc(const QByteArray& annexB, int width, int height) {
    QTemporaryDir dir;
    const QString file = dir.filePath("out.hevc");
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly)) {
        return {};
    }
    f.write(annexB);
    f.close();
    return readPictures(file, width, height, "hevc");
}

}  // namespace regie::test::mix
