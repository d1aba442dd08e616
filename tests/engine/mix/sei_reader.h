#pragma once
// Reads back the SEI of a mix output: ffmpeg rewrites `seconds` of its H.264 to Annex B (an
// H.265 output's Annex B comes from flv_capture.h), the reader finds the SEI NAL units itself
// (H.264 type 6, H.265 prefix SEI type 39 with its two-byte header), removes the emulation
// prevention and keeps the user_data_unregistered messages the engine writes (UserData, sound
// levels), and counts the pictures.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>

namespace regie::test {

inline const QByteArray kUserDataUuid = "RegieMixUserData";
inline const QByteArray kSoundLevelUuid = "RegieSoundLevels";

struct SeenSei {
    QList<QByteArray> userData;
    QList<QByteArray> soundLevels;  // the payloads after the UUID
    int frames = 0;
};

// `rbsp` starts with the NAL header of `headerBytes` bytes.
inline void readSeiMessages(const QByteArray& rbsp, int headerBytes, SeenSei& seen) {
    int at = headerBytes;
    auto number = [&] {
        int v = 0;
        while (at < rbsp.size() && quint8(rbsp[at]) == 0xff) {
            v += 255;
            ++at;
        }
        return at < rbsp.size() ? v + quint8(rbsp[at++]) : -1;
    };
    while (at < rbsp.size() && quint8(rbsp[at]) != 0x80) {
        const int type = number();
        const int size = number();
        if (type < 0 || size < 0 || at + size > rbsp.size()) {
            return;
        }
        const QByteArray payload = rbsp.mid(at, size);
        at += size;
        if (type == 5 && payload.startsWith(kUserDataUuid)) {
            seen.userData << payload.mid(16);
        } else if (type == 5 && payload.startsWith(kSoundLevelUuid)) {
            seen.soundLevels << payload.mid(16);
        }
    }
}

// The SEI and the pictures of an Annex B stream.
inline SeenSei seiOfAnnexB(const QByteArray& stream, bool hevc) {
    SeenSei seen;
    const QByteArray startCode("\0\0\1", 3);
    for (int at = stream.indexOf(startCode); at >= 0;) {
        const int next = stream.indexOf(startCode, at + 3);
        QByteArray nal = stream.mid(at + 3, next < 0 ? -1 : next - at - 3);
        at = next;
        if (nal.size() < 3) {
            continue;
        }
        const int type = hevc ? (quint8(nal[0]) >> 1) & 0x3f : quint8(nal[0]) & 0x1f;
        // A picture's first slice: H.264 starts at macroblock 0 (ue(v) "1"), H.265 sets
        // first_slice_segment_in_pic_flag.
        const bool firstSlice = hevc ? type < 32 && (quint8(nal[2]) & 0x80)
                                     : type >= 1 && type <= 5 && (quint8(nal[1]) & 0x80);
        seen.frames += firstSlice ? 1 : 0;
        if (type != (hevc ? 39 : 6)) {
            continue;
        }
        QByteArray rbsp;
        int zeros = 0;
        for (char c : nal) {
            if (zeros >= 2 && c == 3) {
                zeros = 0;
                continue;
            }
            rbsp.append(c);
            zeros = c == 0 ? zeros + 1 : 0;
        }
        readSeiMessages(rbsp, hevc ? 2 : 1, seen);
    }
    return seen;
}

// The SEI of `seconds` of a live H.264 stream.
inline SeenSei readSei(const QString& url, int seconds) {
    QProcess ffmpeg;
    ffmpeg.start("ffmpeg",
                 {"-hide_banner", "-loglevel", "error", "-rw_timeout", "8000000", "-i", url, "-t",
                  QString::number(seconds), "-an", "-c:v", "copy", "-f", "h264", "pipe:1"});
    ffmpeg.waitForFinished(20000);
    return seiOfAnnexB(ffmpeg.readAllStandardOutput(), false);
}

}  // namespace regie::test
