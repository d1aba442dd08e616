#include "mix_layout.h"

#include <QColor>
#include <QJsonArray>
#include <QSet>
#include <cstdlib>
#include <optional>

namespace {

constexpr int kWhite = 0xffffff;  // Label.Font.FontColor's default

}  // namespace

QList<QRect> templateRects(MixTemplate kind, int width, int height) {
    auto cell = [&](int columns, int rows, int column, int row, int spanX = 1, int spanY = 1) {
        const int x0 = width * column / columns;
        const int y0 = height * row / rows;
        const int x1 = width * (column + spanX) / columns;
        const int y1 = height * (row + spanY) / rows;
        return QRect(x0, y0, x1 - x0, y1 - y0);
    };
    switch (kind) {
        case MixTemplate::single:
            return {QRect(0, 0, width, height)};
        case MixTemplate::sideBySide:
            return {cell(2, 1, 0, 0), cell(2, 1, 1, 0)};
        case MixTemplate::grid2x2:
            return {cell(2, 2, 0, 0), cell(2, 2, 1, 0), cell(2, 2, 0, 1), cell(2, 2, 1, 1)};
        case MixTemplate::grid3x3: {
            QList<QRect> rects;
            for (int i = 0; i < 9; ++i) {
                rects.append(cell(3, 3, i % 3, i / 3));
            }
            return rects;
        }
        case MixTemplate::pictureInPicture: {
            const int w = (width / 4) & ~1;
            const int h = (height / 4) & ~1;
            const int margin = (width / 32) & ~1;
            return {QRect(0, 0, width, height),
                    QRect(width - w - margin, height - h - margin, w, h)};
        }
        case MixTemplate::oneLargeFiveSmall:
            return {cell(3, 3, 0, 0, 2, 2), cell(3, 3, 2, 0), cell(3, 3, 2, 1),
                    cell(3, 3, 0, 2),       cell(3, 3, 1, 2), cell(3, 3, 2, 2)};
    }
    return {};
}

QString MixRect::labelText() const {
    return label().value(u"Text").toString();
}

int MixRect::labelLeft() const {
    return label().value(u"Left").toInt();
}

int MixRect::labelTop() const {
    return label().value(u"Top").toInt();
}

int MixRect::labelFontType() const {
    return label().isEmpty() ? -1 : labelFont().value(u"FontType").toInt();
}

int MixRect::labelFontSize() const {
    return labelFont().value(u"FontSize").toInt(24);
}

QString MixRect::labelColor() const {
    return colorText(labelFont().value(u"FontColor").toInt(kWhite));
}

int MixRect::labelTransparency() const {
    return labelFont().value(u"Transparency").toInt(0);
}

QString MixRect::labelBorderColor() const {
    const QJsonValue border = labelFont().value(u"BorderColor");
    return border.isUndefined() ? QString() : colorText(border.toInt());
}

int MixLayout::labelFontType() const {
    for (const MixRect& in : inputs) {
        if (in.labelFontType() >= 0) {
            return in.labelFontType();
        }
    }
    return -1;
}

MixCodecs MixLayout::codecs(int output) const {
    const QJsonObject fields = output == 0 ? outputExtra : moreOutputs.at(output - 1).toObject();
    return {fields.value(u"VideoEncId").toInt(0), fields.value(u"AudioCodec").toInt(0)};
}

void MixLayout::setCodecs(int output, MixCodecs codecs) {
    QJsonObject fields = output == 0 ? outputExtra : moreOutputs.at(output - 1).toObject();
    fields.insert(QStringLiteral("VideoEncId"), codecs.video);
    fields.insert(QStringLiteral("AudioCodec"), codecs.audio);
    if (output == 0) {
        outputExtra = fields;
    } else {
        moreOutputs.replace(output - 1, fields);
    }
}

MixAudio MixLayout::audio(int output) const {
    if (output == 0) {
        return {audioBitrate, outputExtra.value(u"SoundChannel").toInt(1)};
    }
    const QJsonObject out = moreOutputs.at(output - 1).toObject();
    return {out.value(u"AudioBitrate").toInt(MixAudio{}.bitrate),
            out.value(u"SoundChannel").toInt(1)};
}

void MixLayout::setAudio(int output, MixAudio audio) {
    if (output == 0) {
        audioBitrate = audio.bitrate;
        outputExtra.insert(QStringLiteral("SoundChannel"), audio.channels);
        return;
    }
    QJsonObject out = moreOutputs.at(output - 1).toObject();
    out.insert(QStringLiteral("AudioBitrate"), audio.bitrate);
    out.insert(QStringLiteral("SoundChannel"), audio.channels);
    moreOutputs.replace(output - 1, out);
}

int MixLayout::videoCodecCount() const {
    QSet<int> ids;
    for (int output = 0; output < outputCount(); ++output) {
        ids.insert(codecs(output).video);
    }
    return int(ids.size());
}

QList<std::pair<int, QString>> videoCodecChoices() {
    return {{0, QStringLiteral("H.264")}, {2, QStringLiteral("VP8")}, {3, QStringLiteral("H.265")}};
}

QList<std::pair<int, QString>> audioCodecChoices() {
    return {{0, QStringLiteral("HE-AAC")},
            {1, QStringLiteral("AAC-LC")},
            {2, QStringLiteral("MP3")},
            {3, QStringLiteral("Opus")}};
}

QString colorText(int value) {
    return QColor(value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff).name();
}

std::optional<int> colorValue(const QString& text) {
    const QColor c(text.trimmed());
    if (!c.isValid()) {
        return std::nullopt;
    }
    return c.red() + c.green() * 256 + c.blue() * 65536;
}

QStringList labelFontNames() {
    return {QStringLiteral("Source Han Sans"), QStringLiteral("Alibaba PuHuiTi"),
            QStringLiteral("Pangmen Zhengdao"), QStringLiteral("ZCOOL KuaiLe")};
}

QString MixRect::imageUrl() const {
    return extra.value(u"Image").toObject().value(u"Url").toString();
}

int MixRect::imageMode() const {
    return extra.value(u"Image").toObject().value(u"DisplayMode").toInt();
}

namespace {

// `fields` over `base`: the edited values win over the kept ones.
QJsonObject merged(QJsonObject base, const QJsonObject& fields) {
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        base.insert(it.key(), it.value());
    }
    return base;
}

// `object` without `keys`: what the designer does not edit itself.
QJsonObject without(QJsonObject object, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        object.remove(QLatin1String(key));
    }
    return object;
}

QString colorHex(const QString& color) {
    const QColor c(color);
    const QString rgb = QStringLiteral("%1%2%3")
                            .arg(c.red(), 2, 16, QLatin1Char('0'))
                            .arg(c.green(), 2, 16, QLatin1Char('0'))
                            .arg(c.blue(), 2, 16, QLatin1Char('0'))
                            .toUpper();
    return QStringLiteral("0x") + rgb + QStringLiteral("00");
}

}  // namespace

QJsonObject toStartMix(const MixLayout& layout, qint64 sequence) {
    QJsonArray inputs;
    for (const MixRect& in : layout.inputs) {
        QJsonObject fields{{"RectInfo", QJsonObject{{"Top", in.rect.top()},
                                                    {"Left", in.rect.left()},
                                                    {"Bottom", in.rect.top() + in.rect.height()},
                                                    {"Right", in.rect.left() + in.rect.width()},
                                                    {"Layer", in.layer},
                                                    {"CornerRadius", in.cornerRadius}}},
                           {"RenderMode", in.renderMode},
                           {"Volume", in.volume},
                           {"ContentControl", in.contentControl}};
        if (!in.streamId.isEmpty()) {
            fields.insert(QStringLiteral("StreamId"), in.streamId);
        }
        inputs.append(merged(in.extra, fields));
    }
    for (const auto& unseen : layout.unseenInputs) {
        inputs.append(unseen);
    }
    QJsonArray outputs{
        merged(layout.outputExtra, QJsonObject{{"StreamId", layout.outputStreamId},
                                               {"VideoBitrate", layout.videoBitrate},
                                               {"Fps", layout.fps},
                                               {"Width", layout.width},
                                               {"Height", layout.height},
                                               {"AudioBitrate", layout.audioBitrate}})};
    for (const auto& more : layout.moreOutputs) {
        outputs.append(more);
    }
    return merged(layout.extra, QJsonObject{{"TaskId", layout.taskId},
                                            {"UserId", layout.userId},
                                            {"Sequence", sequence},
                                            {"MixInput", inputs},
                                            {"MixOutput", outputs},
                                            {"BackGroundColorHex", colorHex(layout.background)}});
}

std::optional<MixLayout> fromStartMix(const QJsonObject& body) {
    QJsonArray outputs = body.value("MixOutput").toArray();
    const QJsonArray inputs = body.value("MixInput").toArray();
    if (!body.value("TaskId").isString() || outputs.isEmpty() || inputs.isEmpty()) {
        return std::nullopt;
    }
    MixLayout layout;
    layout.taskId = body.value("TaskId").toString();
    layout.userId = body.value("UserId").toString(layout.userId);
    layout.extra = without(body, {"TaskId", "UserId", "Sequence", "MixInput", "MixOutput",
                                  "BackGroundColorHex", "BackgroundColor"});
    const QJsonObject out = outputs.takeAt(0).toObject();
    layout.moreOutputs = outputs;
    layout.outputStreamId = out.value("StreamId").toString();
    layout.width = out.value("Width").toInt(layout.width);
    layout.height = out.value("Height").toInt(layout.height);
    layout.fps = out.value("Fps").toInt(layout.fps);
    layout.videoBitrate = out.value("VideoBitrate").toInt(layout.videoBitrate);
    layout.audioBitrate = out.value("AudioBitrate").toInt(layout.audioBitrate);
    layout.outputExtra =
        without(out, {"StreamId", "Width", "Height", "Fps", "VideoBitrate", "AudioBitrate"});
    const QString hex = body.value("BackGroundColorHex").toString();
    if (hex.size() == 10 && hex.startsWith(QLatin1String("0x"))) {
        layout.background = QLatin1Char('#') + hex.mid(2, 6).toLower();
    } else if (const qint64 legacy = body.value("BackgroundColor").toInteger(-1); legacy >= 0) {
        layout.background = QStringLiteral("#%1").arg(legacy >> 8, 6, 16, QLatin1Char('0'));
    }
    for (const auto& value : inputs) {
        const QJsonObject in = value.toObject();
        const QJsonObject r = in.value("RectInfo").toObject();
        if (!r.contains(u"Left") && !r.contains(u"Top") && !r.contains(u"Right") &&
            !r.contains(u"Bottom")) {
            layout.unseenInputs.append(in);
            continue;
        }
        MixRect rect;
        rect.streamId = in.value("StreamId").toString();
        const int left = r.value("Left").toInt();
        const int top = r.value("Top").toInt();
        rect.rect =
            QRect(left, top, r.value("Right").toInt() - left, r.value("Bottom").toInt() - top);
        rect.layer = r.value("Layer").toInt();
        rect.cornerRadius = r.value("CornerRadius").toInt();
        rect.renderMode = in.value("RenderMode").toInt();
        rect.volume = in.value("Volume").toInt(100);
        rect.contentControl = in.value("ContentControl").toInt();
        rect.extra =
            without(in, {"StreamId", "RectInfo", "RenderMode", "Volume", "ContentControl"});
        if (rect.rect.width() <= 0 || rect.rect.height() <= 0) {
            return std::nullopt;
        }
        layout.inputs.append(rect);
    }
    return layout;
}

namespace {

// The offset that brings one of `edges` onto one of `targets`, the smallest within threshold.
std::optional<int> bestOffset(const QList<int>& edges, const QList<int>& targets, int threshold,
                              int* target) {
    std::optional<int> best;
    for (int edge : edges) {
        for (int t : targets) {
            const int d = t - edge;
            if (std::abs(d) <= threshold && (!best || std::abs(d) < std::abs(*best))) {
                best = d;
                *target = t;
            }
        }
    }
    return best;
}

}  // namespace

QRect snapMove(QRect moving, const QList<QRect>& others, QSize canvas, int grid, int threshold,
               QList<SnapGuide>* guides) {
    QList<int> xs{0, canvas.width(), canvas.width() / 2};
    QList<int> ys{0, canvas.height(), canvas.height() / 2};
    for (const QRect& o : others) {
        xs << o.left() << o.left() + o.width() << o.left() + o.width() / 2;
        ys << o.top() << o.top() + o.height() << o.top() + o.height() / 2;
    }
    if (grid > 0) {
        for (int x = 0; x <= canvas.width(); x += grid) {
            xs << x;
        }
        for (int y = 0; y <= canvas.height(); y += grid) {
            ys << y;
        }
    }
    int targetX = 0;
    int targetY = 0;
    const int left = moving.left();
    const int top = moving.top();
    const auto dx = bestOffset({left, left + moving.width(), left + moving.width() / 2}, xs,
                               threshold, &targetX);
    const auto dy = bestOffset({top, top + moving.height(), top + moving.height() / 2}, ys,
                               threshold, &targetY);
    if (guides) {
        guides->clear();
    }
    if (dx) {
        moving.translate(*dx, 0);
        if (guides) {
            guides->append({true, targetX});
        }
    }
    if (dy) {
        moving.translate(0, *dy);
        if (guides) {
            guides->append({false, targetY});
        }
    }
    return moving;
}
