#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

// One input rectangle of a mix layout, in output canvas pixels (StartMix RectInfo).
struct MixRect {
    QString streamId;
    QRect rect;
    int layer = 0;
    int renderMode = 0;      // 0 crop to fill, 1 fit
    int volume = 100;        // 0–200
    int contentControl = 0;  // 0 picture and sound, 1 sound only, 2 picture only (muted)
    int cornerRadius = 0;
    // The input's other StartMix fields (StreamUrl, Label, Image, UID, ...), kept as they came.
    QJsonObject extra;
    bool operator==(const MixRect&) const = default;

    QJsonObject label() const { return extra.value(u"Label").toObject(); }
    QJsonObject labelFont() const { return label().value(u"Font").toObject(); }
    bool muted() const { return contentControl == 2; }
    QString streamUrl() const { return extra.value(u"StreamUrl").toString(); }
    // What the rectangle shows: the stream id, or the URL it is pulled from.
    QString source() const { return streamUrl().isEmpty() ? streamId : streamUrl(); }
    QString labelText() const;
    int labelLeft() const;  // Label.Left/Top: the text's offset inside the rectangle, px
    int labelTop() const;
    int labelFontType() const;         // Label.Font.FontType; -1 without a label
    int labelFontSize() const;         // Label.Font.FontSize, the spec's default 24 when absent
    QString labelColor() const;        // Label.Font.FontColor as #rrggbb, white when absent
    int labelTransparency() const;     // Label.Font.Transparency, 0 (opaque) when absent
    QString labelBorderColor() const;  // Label.Font.BorderColor as #rrggbb; empty: no outline
    QString imageUrl() const;
    int imageMode() const;
};

// An output's codecs by the spec's numbers, the spec's defaults when the body has none.
struct MixCodecs {
    int video = 0;  // VideoEncId: 0 H.264, 2 VP8, 3 H.265, 4 H.264 SVC
    int audio = 0;  // AudioCodec: 0 HE-AAC, 1 AAC-LC, 2 MP3, 3 Opus
    bool operator==(const MixCodecs&) const = default;
};

// An output's sound by the spec's fields: AudioBitrate in bps, SoundChannel 1 (mono) or 2.
struct MixAudio {
    int bitrate = 48000;
    int channels = 1;
    bool operator==(const MixAudio&) const = default;
};

// A whole layout: the canvas and output settings, and the inputs. What a StartMix body holds
// beyond what the designer edits stays in the extra fields, so that opening a running task and
// applying it again loses nothing.
struct MixLayout {
    QString taskId = QStringLiteral("regie-mix");
    QString userId = QStringLiteral("regie-console");  // the task's owner
    QString outputStreamId = QStringLiteral("mix");
    int width = 1280;
    int height = 720;
    int fps = 20;
    int videoBitrate = 2500000;
    int audioBitrate = 48000;
    QString background = QStringLiteral("#000000");  // #RRGGBB
    QList<MixRect> inputs;
    QJsonObject extra;  // top-level fields: WaterMark, UserData, RoomId, ...
    // The first output's other fields: AudioCodec, SoundChannel, TargetRoom, ...
    QJsonObject outputExtra{{"AudioCodec", 1}, {"SoundChannel", 2}};
    QJsonArray moreOutputs;   // the second and later MixOutput entries
    QJsonArray unseenInputs;  // inputs without a rectangle: heard, not seen
    bool operator==(const MixLayout&) const = default;

    // The labels' font, one per task: the first label's FontType; -1 without labels.
    int labelFontType() const;
    // Output `output`'s codecs: 0 the first output, 1 and on the moreOutputs.
    int outputCount() const { return 1 + int(moreOutputs.size()); }
    MixCodecs codecs(int output) const;
    void setCodecs(int output, MixCodecs codecs);
    int videoCodecCount() const;       // how many different VideoEncIds the outputs use
    MixAudio audio(int output) const;  // the spec's defaults where the body says nothing
    void setAudio(int output, MixAudio audio);
};

// The codecs an operator picks from, {value, text} by the spec's numbers. H.264 SVC (VideoEncId
// 4) needs ExtraLayers, so it is not offered; a body that has it keeps it.
QList<std::pair<int, QString>> videoCodecChoices();
QList<std::pair<int, QString>> audioCodecChoices();

// Label colours: the spec's R + G×256 + B×65536 and #rrggbb text. colorValue fails (empty
// optional) on text that is no colour.
QString colorText(int value);
std::optional<int> colorValue(const QString& text);

// The label fonts by FontType, in the spec's names.
QStringList labelFontNames();

// The layout templates: rectangles for `count` inputs (fewer when the template has fewer).
enum class MixTemplate {
    single,
    sideBySide,
    grid2x2,
    grid3x3,
    pictureInPicture,
    oneLargeFiveSmall
};
QList<QRect> templateRects(MixTemplate kind, int width, int height);

// The StartMix body (every field by the spec's name and JSON type) and its reverse, for
// export and import. fromStartMix fails (empty optional) on a body it cannot read.
QJsonObject toStartMix(const MixLayout& layout, qint64 sequence);
std::optional<MixLayout> fromStartMix(const QJsonObject& body);

// Moves `moving` so that an edge or its centre lands on a canvas edge, the canvas centre
// lines, another rectangle's edge, or the grid, when one is within `threshold` pixels.
// `guides` receives the lines snapped to: x positions with vertical true, y with false.
struct SnapGuide {
    bool vertical = true;
    int position = 0;
    bool operator==(const SnapGuide&) const = default;
};
QRect snapMove(QRect moving, const QList<QRect>& others, QSize canvas, int grid, int threshold,
               QList<SnapGuide>* guides);
