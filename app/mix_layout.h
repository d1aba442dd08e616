#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>
#include <optional>

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

    bool muted() const { return contentControl == 2; }
    QString streamUrl() const { return extra.value(u"StreamUrl").toString(); }
    // What the rectangle shows: the stream id, or the URL it is pulled from.
    QString source() const { return streamUrl().isEmpty() ? streamId : streamUrl(); }
    QString labelText() const;
    int labelFontType() const;  // Label.Font.FontType; -1 without a label
    int labelFontSize() const;  // Label.Font.FontSize, the spec's default 24 when absent
    QString imageUrl() const;
    int imageMode() const;
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
};

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
