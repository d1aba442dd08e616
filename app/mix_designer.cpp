#include "mix_designer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSettings>
#include <algorithm>

#include "api_reply.h"
#include "connection_settings.h"

namespace {

// `object` with `key` set to `value`; an undefined value removes the key.
QJsonObject withField(QJsonObject object, QStringView key, const QJsonValue& value) {
    if (value.isUndefined()) {
        object.remove(key);
    } else {
        object.insert(key, value);
    }
    return object;
}

// Writes `key` into the input's Label (into its Font when `inFont`), when it has one.
void setLabelField(MixRect& in, QStringView key, const QJsonValue& value, bool inFont) {
    if (in.label().isEmpty()) {
        return;
    }
    const QJsonObject label =
        inFont ? withField(in.label(), u"Font", withField(in.labelFont(), key, value))
               : withField(in.label(), key, value);
    in.extra.insert(QStringLiteral("Label"), label);
}

QVariantList choiceList(const QList<std::pair<int, QString>>& choices) {
    QVariantList list;
    for (const auto& [value, text] : choices) {
        list.append(QVariantMap{{QStringLiteral("value"), value}, {QStringLiteral("text"), text}});
    }
    return list;
}

// `requested` when it is one of `choices`, else `current`.
int chosen(int requested, int current, const QList<std::pair<int, QString>>& choices) {
    const bool offered = std::any_of(choices.cbegin(), choices.cend(),
                                     [&](const auto& choice) { return choice.first == requested; });
    return offered ? requested : current;
}

const QString kLayoutsGroup = QStringLiteral("mixLayouts");
const QString kCurrentKey = QStringLiteral("mixDesigner/current");

std::optional<MixTemplate> templateNamed(const QString& name) {
    static const QList<std::pair<QString, MixTemplate>> names{
        {QStringLiteral("single"), MixTemplate::single},
        {QStringLiteral("side"), MixTemplate::sideBySide},
        {QStringLiteral("grid2x2"), MixTemplate::grid2x2},
        {QStringLiteral("grid3x3"), MixTemplate::grid3x3},
        {QStringLiteral("pip"), MixTemplate::pictureInPicture},
        {QStringLiteral("large5"), MixTemplate::oneLargeFiveSmall}};
    for (const auto& [n, kind] : names) {
        if (n == name) {
            return kind;
        }
    }
    return std::nullopt;
}

// Rectangles stay inside the canvas and at least 16 px on a side.
QRect clamped(QRect r, int width, int height) {
    r.setWidth(std::clamp(r.width(), 16, width));
    r.setHeight(std::clamp(r.height(), 16, height));
    r.moveLeft(std::clamp(r.left(), 0, width - r.width()));
    r.moveTop(std::clamp(r.top(), 0, height - r.height()));
    return r;
}

}  // namespace

MixDesigner::MixDesigner(ApiClient* client, MixTaskListModel* tasks, const QString& settingsFile,
                         QObject* parent)
    : QAbstractListModel(parent)
    , m_client(client)
    , m_tasks(tasks)
    , m_settings(openSettings(settingsFile)) {
    if (auto saved = fromStartMix(
            QJsonDocument::fromJson(m_settings->value(kCurrentKey).toString().toUtf8()).object())) {
        m_layout = *saved;
    }
    connect(m_tasks, &MixTaskListModel::updated, this,
            [this] { setRunning(m_tasks->task(m_layout.taskId).has_value()); });
}

int MixDesigner::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_layout.inputs.size());
}

QVariant MixDesigner::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const MixRect& in = m_layout.inputs.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case StreamIdRole:
            return in.streamId;
        case LeftRole:
            return in.rect.left();
        case TopRole:
            return in.rect.top();
        case WidthRole:
            return in.rect.width();
        case HeightRole:
            return in.rect.height();
        case LayerRole:
            return in.layer;
        case RenderModeRole:
            return in.renderMode;
        case VolumeRole:
            return in.volume;
        case MutedRole:
            return in.muted();
        case CornerRadiusRole:
            return in.cornerRadius;
        case SourceRole:
            return in.source();
        case LabelTextRole:
            return in.labelText();
        case LabelSizeRole:
            return in.labelFontSize();
        case LabelLeftRole:
            return in.labelLeft();
        case LabelTopRole:
            return in.labelTop();
        case LabelColorRole:
            return in.labelColor();
        case LabelTransparencyRole:
            return in.labelTransparency();
        case LabelBorderColorRole:
            return in.labelBorderColor();
        case ImageUrlRole:
            return in.imageUrl();
        case ImageModeRole:
            return in.imageMode();
        default:
            return {};
    }
}

QHash<int, QByteArray> MixDesigner::roleNames() const {
    return {{StreamIdRole, "streamId"},
            {LeftRole, "rectLeft"},
            {TopRole, "rectTop"},
            {WidthRole, "rectWidth"},
            {HeightRole, "rectHeight"},
            {LayerRole, "rectLayer"},
            {RenderModeRole, "renderMode"},
            {VolumeRole, "volume"},
            {MutedRole, "muted"},
            {CornerRadiusRole, "cornerRadius"},
            {SourceRole, "source"},
            {LabelTextRole, "labelText"},
            {LabelSizeRole, "labelSize"},
            {LabelLeftRole, "labelLeft"},
            {LabelTopRole, "labelTop"},
            {LabelColorRole, "labelColor"},
            {LabelTransparencyRole, "labelTransparency"},
            {LabelBorderColorRole, "labelBorderColor"},
            {ImageUrlRole, "imageUrl"},
            {ImageModeRole, "imageMode"}};
}

QVariant MixDesigner::inputValue(int row, const QString& roleName) const {
    if (!valid(row)) {
        return {};
    }
    const QByteArray name = roleName.toUtf8();
    const auto roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
        if (it.value() == name) {
            return data(index(row), it.key());
        }
    }
    return {};
}

void MixDesigner::edit(const std::function<void(MixLayout&)>& change) {
    MixLayout next = m_layout;
    change(next);
    if (next == m_layout) {
        return;
    }
    if (!m_inGesture || m_undo.isEmpty() || !m_gestureRecorded) {
        m_undo.append(m_layout);
        m_gestureRecorded = m_inGesture;
    }
    m_redo.clear();
    setLayout(std::move(next));
    emit historyChanged();
}

void MixDesigner::refuse(const QString& error) {
    setLastError(error);
    ++m_revision;
    emit layoutChanged();
}

void MixDesigner::setLayout(MixLayout layout) {
    const bool sameRows = layout.inputs.size() == m_layout.inputs.size();
    if (sameRows) {
        m_layout = std::move(layout);
        if (!m_layout.inputs.isEmpty()) {
            emit dataChanged(index(0), index(int(m_layout.inputs.size()) - 1));
        }
    } else {
        beginResetModel();
        m_layout = std::move(layout);
        endResetModel();
    }
    ++m_revision;
    m_settings->setValue(kCurrentKey, exportJson());
    emit layoutChanged();
}

void MixDesigner::addInput(const QString& streamId) {
    if (m_layout.inputs.size() >= kMaxInputs) {
        setLastError(tr("A mix takes at most %1 inputs.").arg(kMaxInputs));
        return;
    }
    edit([&](MixLayout& l) {
        MixRect in;
        in.streamId = streamId;
        in.rect = QRect(0, 0, l.width / 2, l.height / 2);
        in.layer = int(l.inputs.size());
        l.inputs.append(in);
    });
}

void MixDesigner::removeInput(int row) {
    if (valid(row)) {
        edit([&](MixLayout& l) { l.inputs.removeAt(row); });
    }
}

void MixDesigner::assignStream(int row, const QString& streamId) {
    if (valid(row)) {
        edit([&](MixLayout& l) { l.inputs[row].streamId = streamId; });
    }
}

void MixDesigner::beginGesture() {
    m_inGesture = true;
    m_gestureStart = m_layout;
    m_gestureRecorded = false;
}

void MixDesigner::endGesture() {
    m_inGesture = false;
    setGuides({});
}

void MixDesigner::moveTo(int row, int left, int top, bool snap, int grid) {
    if (!valid(row)) {
        return;
    }
    QRect r = m_layout.inputs.at(row).rect;
    r.moveTo(left, top);
    QList<SnapGuide> guides;
    if (snap) {
        QList<QRect> others;
        for (int i = 0; i < m_layout.inputs.size(); ++i) {
            if (i != row) {
                others.append(m_layout.inputs.at(i).rect);
            }
        }
        r = snapMove(r, others, QSize(m_layout.width, m_layout.height), grid, kSnapThreshold,
                     &guides);
    }
    setGuides(guides);
    edit([&](MixLayout& l) { l.inputs[row].rect = clamped(r, l.width, l.height); });
}

void MixDesigner::resizeTo(int row, int width, int height, bool keepAspect) {
    if (!valid(row)) {
        return;
    }
    const QRect before = m_layout.inputs.at(row).rect;
    // The aspect of the rectangle as the gesture found it: each step's rounding must not drift it.
    const QRect aspect = m_inGesture && row < m_gestureStart.inputs.size()
                             ? m_gestureStart.inputs.at(row).rect
                             : before;
    if (keepAspect && aspect.width() > 0 && aspect.height() > 0) {
        height = int(qint64(width) * aspect.height() / aspect.width());
    }
    QRect r(before.topLeft(), QSize(width & ~1, height & ~1));
    edit([&](MixLayout& l) { l.inputs[row].rect = clamped(r, l.width, l.height); });
}

void MixDesigner::nudge(int row, int dx, int dy) {
    if (valid(row)) {
        const QRect r = m_layout.inputs.at(row).rect.translated(dx, dy);
        edit([&](MixLayout& l) { l.inputs[row].rect = clamped(r, l.width, l.height); });
    }
}

void MixDesigner::setGeometry(int row, int left, int top, int width, int height) {
    if (valid(row)) {
        edit([&](MixLayout& l) {
            l.inputs[row].rect = clamped(QRect(left, top, width, height), l.width, l.height);
        });
    }
}

void MixDesigner::raise(int row) {
    if (valid(row)) {
        edit([&](MixLayout& l) { ++l.inputs[row].layer; });
    }
}

void MixDesigner::lower(int row) {
    if (valid(row)) {
        edit([&](MixLayout& l) { l.inputs[row].layer = std::max(0, l.inputs[row].layer - 1); });
    }
}

void MixDesigner::setRenderMode(int row, int mode) {
    if (valid(row)) {
        edit([&](MixLayout& l) { l.inputs[row].renderMode = mode == 1 ? 1 : 0; });
    }
}

void MixDesigner::setVolume(int row, int volume) {
    if (valid(row)) {
        edit([&](MixLayout& l) { l.inputs[row].volume = std::clamp(volume, 0, 200); });
    }
}

void MixDesigner::setMuted(int row, bool muted) {
    if (valid(row)) {
        edit([&](MixLayout& l) { l.inputs[row].contentControl = muted ? 2 : 0; });
    }
}

void MixDesigner::setCornerRadius(int row, int radius) {
    if (valid(row)) {
        edit([&](MixLayout& l) { l.inputs[row].cornerRadius = std::max(0, radius); });
    }
}

void MixDesigner::setLabel(int row, const QString& text) {
    if (!valid(row)) {
        return;
    }
    edit([&](MixLayout& l) {
        QJsonObject& extra = l.inputs[row].extra;
        if (text.isEmpty()) {
            extra.remove(u"Label");
            return;
        }
        QJsonObject label = extra.value(u"Label").toObject();
        if (label.isEmpty()) {
            label = {{"Left", 12},
                     {"Top", 12},
                     {"Font", QJsonObject{{"FontType", std::max(0, l.labelFontType())}}}};
        }
        label.insert(QStringLiteral("Text"), text);
        extra.insert(QStringLiteral("Label"), label);
    });
}

void MixDesigner::editLabel(int row, QStringView key, const QJsonValue& value, bool inFont) {
    if (valid(row)) {
        edit([&](MixLayout& l) { setLabelField(l.inputs[row], key, value, inFont); });
    }
}

void MixDesigner::setLabelSize(int row, int size) {
    editLabel(row, u"FontSize", std::clamp(size, 12, 100), true);
}

void MixDesigner::setLabelFont(int fontType) {
    const int type = std::clamp(fontType, 0, int(::labelFontNames().size()) - 1);
    edit([&](MixLayout& l) {
        for (MixRect& in : l.inputs) {
            setLabelField(in, u"FontType", type, true);
        }
    });
}

void MixDesigner::setLabelOffset(int row, int left, int top) {
    if (!valid(row)) {
        return;
    }
    edit([&](MixLayout& l) {
        MixRect& in = l.inputs[row];
        setLabelField(in, u"Left", std::clamp(left, 0, in.rect.width()), false);
        setLabelField(in, u"Top", std::clamp(top, 0, in.rect.height()), false);
    });
}

void MixDesigner::setLabelColor(int row, const QString& color) {
    if (const auto value = colorValue(color)) {
        editLabel(row, u"FontColor", *value, true);
    } else {
        refuse(tr("\"%1\" is not a colour: write it as #rrggbb.").arg(color));
    }
}

void MixDesigner::setLabelTransparency(int row, int transparency) {
    editLabel(row, u"Transparency", std::clamp(transparency, 0, 100), true);
}

void MixDesigner::setLabelBorder(int row, const QString& color) {
    if (color.trimmed().isEmpty() || color.trimmed().compare(u"none", Qt::CaseInsensitive) == 0) {
        editLabel(row, u"BorderColor", QJsonValue::Undefined, true);
    } else if (const auto value = colorValue(color)) {
        editLabel(row, u"BorderColor", *value, true);
    } else {
        refuse(tr("\"%1\" is not a colour: write it as #rrggbb, or none.").arg(color));
    }
}

void MixDesigner::setPlaceholder(int row, const QString& url, int displayMode) {
    if (!valid(row)) {
        return;
    }
    edit([&](MixLayout& l) {
        QJsonObject& extra = l.inputs[row].extra;
        if (url.isEmpty()) {
            extra.remove(u"Image");
        } else {
            extra.insert(QStringLiteral("Image"),
                         QJsonObject{{"Url", url}, {"DisplayMode", std::clamp(displayMode, 0, 2)}});
        }
    });
}

void MixDesigner::applyTemplate(const QString& name) {
    const auto kind = templateNamed(name);
    if (!kind) {
        return;
    }
    edit([&](MixLayout& l) {
        const QList<QRect> rects = templateRects(*kind, l.width, l.height);
        QList<MixRect> inputs;
        for (int i = 0; i < rects.size(); ++i) {
            MixRect in = i < l.inputs.size() ? l.inputs.at(i) : MixRect{};
            in.rect = rects.at(i);
            in.layer = i;
            inputs.append(in);
        }
        l.inputs = inputs;
    });
}

void MixDesigner::setOutput(const QString& taskId, const QString& streamId, int width, int height,
                            int fps, int videoBitrate, const QString& background) {
    edit([&](MixLayout& l) {
        l.taskId = taskId;
        l.outputStreamId = streamId;
        l.width = std::clamp(width & ~1, 16, 3000);
        l.height = std::clamp(height & ~1, 16, 3000);
        l.fps = std::clamp(fps, 1, 60);
        for (auto&& more : l.moreOutputs) {
            QJsonObject out = more.toObject();
            out.insert(QStringLiteral("Fps"), l.fps);  // every output follows the first's rate
            more = out;
        }
        l.videoBitrate = std::max(1, videoBitrate);
        l.background = background;
        for (MixRect& in : l.inputs) {
            in.rect = clamped(in.rect, l.width, l.height);
        }
    });
}

QString MixDesigner::backgroundImage() const {
    return m_layout.extra.value(u"BackgroundImage").toString();
}

int MixDesigner::videoCodec() const {
    return m_layout.codecs(0).video;
}

int MixDesigner::audioCodec() const {
    return m_layout.codecs(0).audio;
}

QVariantList MixDesigner::videoCodecChoices() const {
    return choiceList(::videoCodecChoices());
}

QVariantList MixDesigner::audioCodecChoices() const {
    return choiceList(::audioCodecChoices());
}

QString MixDesigner::userData() const {
    return QString::fromUtf8(
        QByteArray::fromBase64(m_layout.extra.value(u"UserData").toString().toLatin1()));
}

void MixDesigner::setCodecs(int videoEncId, int audioCodec) {
    editCodecs(0, videoEncId, audioCodec);
}

void MixDesigner::setOutputCodecs(int index, int videoEncId, int audioCodec) {
    if (index >= 0 && index < m_layout.moreOutputs.size()) {
        editCodecs(index + 1, videoEncId, audioCodec);
    }
}

void MixDesigner::editCodecs(int output, int videoEncId, int audioCodec) {
    const MixCodecs current = m_layout.codecs(output);
    MixLayout next = m_layout;
    next.setCodecs(output, {chosen(videoEncId, current.video, ::videoCodecChoices()),
                            chosen(audioCodec, current.audio, ::audioCodecChoices())});
    if (next.videoCodecCount() > 2) {
        refuse(tr("The outputs can use at most two different video codecs."));
        return;
    }
    setLastError({});
    edit([&](MixLayout& l) { l = next; });
}

void MixDesigner::setAudio(int audioBitrate, int soundChannels) {
    editAudio(0, audioBitrate, soundChannels);
}

void MixDesigner::setOutputAudio(int index, int audioBitrate, int soundChannels) {
    if (index >= 0 && index < m_layout.moreOutputs.size()) {
        editAudio(index + 1, audioBitrate, soundChannels);
    }
}

void MixDesigner::editAudio(int output, int audioBitrate, int soundChannels) {
    constexpr int kMinAudioBitrate = 8000;
    constexpr int kMaxAudioBitrate = 512000;
    MixAudio audio = m_layout.audio(output);
    audio.bitrate = std::clamp(audioBitrate, kMinAudioBitrate, kMaxAudioBitrate);
    if (soundChannels == 1 || soundChannels == 2) {
        audio.channels = soundChannels;
    }
    edit([&](MixLayout& l) { l.setAudio(output, audio); });
}

void MixDesigner::setUserData(const QString& text) {
    edit([&](MixLayout& l) {
        if (text.isEmpty()) {
            l.extra.remove(u"UserData");
        } else {
            l.extra.insert(QStringLiteral("UserData"),
                           QString::fromLatin1(text.toUtf8().toBase64()));
        }
    });
}

QVariantMap MixDesigner::watermark() const {
    const QJsonObject mark = m_layout.extra.value(u"WaterMark").toObject();
    const QJsonObject rect = mark.value(u"RectInfo").toObject();
    return {{QStringLiteral("url"), mark.value(u"Image").toString()},
            {QStringLiteral("left"), rect.value(u"Left").toInt()},
            {QStringLiteral("top"), rect.value(u"Top").toInt()},
            {QStringLiteral("right"), rect.value(u"Right").toInt()},
            {QStringLiteral("bottom"), rect.value(u"Bottom").toInt()}};
}

QVariantList MixDesigner::moreOutputs() const {
    QVariantList list;
    for (int output = 1; output < m_layout.outputCount(); ++output) {
        const QJsonObject out = m_layout.moreOutputs.at(output - 1).toObject();
        const MixCodecs codecs = m_layout.codecs(output);
        list.append(
            QVariantMap{{QStringLiteral("streamId"), out.value(u"StreamId").toString()},
                        {QStringLiteral("width"), out.value(u"Width").toInt()},
                        {QStringLiteral("height"), out.value(u"Height").toInt()},
                        {QStringLiteral("videoBitrate"), out.value(u"VideoBitrate").toInt()},
                        {QStringLiteral("videoCodec"), codecs.video},
                        {QStringLiteral("audioCodec"), codecs.audio},
                        {QStringLiteral("audioBitrate"), m_layout.audio(output).bitrate},
                        {QStringLiteral("soundChannels"), m_layout.audio(output).channels}});
    }
    return list;
}

void MixDesigner::setBackgroundImage(const QString& url) {
    edit([&](MixLayout& l) {
        if (url.isEmpty()) {
            l.extra.remove(u"BackgroundImage");
        } else {
            l.extra.insert(QStringLiteral("BackgroundImage"), url);
        }
    });
}

void MixDesigner::setWatermark(const QString& url, int left, int top, int right, int bottom) {
    edit([&](MixLayout& l) {
        if (url.isEmpty()) {
            l.extra.remove(u"WaterMark");
            return;
        }
        const QRect r =
            clamped(QRect(QPoint(left, top), QPoint(right - 1, bottom - 1)), l.width, l.height);
        l.extra.insert(QStringLiteral("WaterMark"),
                       QJsonObject{{"Image", url},
                                   {"RectInfo", QJsonObject{{"Left", r.left()},
                                                            {"Top", r.top()},
                                                            {"Right", r.left() + r.width()},
                                                            {"Bottom", r.top() + r.height()}}}});
    });
}

void MixDesigner::addOutput(const QString& streamId, int width, int height, int videoBitrate) {
    if (streamId.isEmpty() || 1 + m_layout.moreOutputs.size() >= kMaxOutputs) {
        setLastError(
            tr("A mix has at most %1 outputs, each with its own stream.").arg(kMaxOutputs));
        return;
    }
    setLastError({});
    edit([&](MixLayout& l) {
        l.moreOutputs.append(QJsonObject{{"StreamId", streamId},
                                         {"Width", std::clamp(width & ~1, 2, 3000)},
                                         {"Height", std::clamp(height & ~1, 2, 3000)},
                                         {"Fps", l.fps},
                                         {"VideoBitrate", std::max(1, videoBitrate)}});
        l.setAudio(l.outputCount() - 1, l.audio(0));
        l.setCodecs(l.outputCount() - 1, l.codecs(0));
    });
}

void MixDesigner::removeOutput(int index) {
    if (index >= 0 && index < m_layout.moreOutputs.size()) {
        edit([&](MixLayout& l) { l.moreOutputs.removeAt(index); });
    }
}

void MixDesigner::undo() {
    if (m_undo.isEmpty()) {
        return;
    }
    m_redo.append(m_layout);
    setLayout(m_undo.takeLast());
    emit historyChanged();
}

void MixDesigner::redo() {
    if (m_redo.isEmpty()) {
        return;
    }
    m_undo.append(m_layout);
    setLayout(m_redo.takeLast());
    emit historyChanged();
}

QString MixDesigner::exportJson() const {
    return QString::fromUtf8(
        QJsonDocument(toStartMix(m_layout, m_lastSequence)).toJson(QJsonDocument::Compact));
}

bool MixDesigner::importJson(const QString& text) {
    const auto layout = fromStartMix(QJsonDocument::fromJson(text.toUtf8()).object());
    if (!layout) {
        setLastError(tr("That is not a StartMix body this designer can read."));
        return false;
    }
    setLastError({});
    edit([&](MixLayout& l) { l = *layout; });
    return true;
}

QStringList MixDesigner::savedLayouts() const {
    m_settings->beginGroup(kLayoutsGroup);
    QStringList names = m_settings->childKeys();
    m_settings->endGroup();
    names.sort();
    return names;
}

void MixDesigner::saveLayout(const QString& name) {
    if (name.isEmpty()) {
        return;
    }
    m_settings->setValue(kLayoutsGroup + u'/' + name, exportJson());
    emit savedLayoutsChanged();
}

bool MixDesigner::loadLayout(const QString& name) {
    return importJson(m_settings->value(kLayoutsGroup + u'/' + name).toString());
}

qint64 MixDesigner::nextSequence() {
    m_lastSequence = std::max(m_lastSequence + 1, QDateTime::currentMSecsSinceEpoch());
    return m_lastSequence;
}

bool MixDesigner::openTask(const QString& taskId) {
    const auto task = m_tasks->task(taskId);
    const auto layout =
        task && task->action == QLatin1String("StartMix") ? fromStartMix(task->body) : std::nullopt;
    if (!layout) {
        setLastError(tr("Task %1 is not a running StartMix task.").arg(taskId));
        return false;
    }
    setLastError({});
    m_lastSequence = std::max(m_lastSequence, task->sequence);
    edit([&](MixLayout& l) { l = *layout; });
    setRunning(true);
    return true;
}

void MixDesigner::apply() {
    for (const MixRect& in : m_layout.inputs) {
        if (in.source().isEmpty()) {
            setLastError(tr("Assign a stream to every rectangle first."));
            return;
        }
    }
    if (m_layout.inputs.isEmpty()) {
        setLastError(tr("Add at least one input."));
        return;
    }
    auto* reply =
        m_client->zegoPost(QStringLiteral("StartMix"), toStartMix(m_layout, nextSequence()));
    connect(reply, &ApiReply::finished, this, [this](const ApiResult& r) {
        if (!r.ok()) {
            setLastError(tr("StartMix: %1").arg(r.describe()));
            return;
        }
        setLastError({});
        setRunning(true);
        emit applied();
    });
}

void MixDesigner::stop() {
    auto* reply =
        m_client->zegoPost(QStringLiteral("StopMix"), QJsonObject{{"TaskId", m_layout.taskId},
                                                                  {"UserId", m_layout.userId},
                                                                  {"Sequence", nextSequence()}});
    connect(reply, &ApiReply::finished, this, [this](const ApiResult& r) {
        if (!r.ok()) {
            setLastError(tr("StopMix: %1").arg(r.describe()));
            return;
        }
        setLastError({});
        setRunning(false);
    });
}

void MixDesigner::setGuides(const QList<SnapGuide>& guides) {
    QVariantList list;
    for (const SnapGuide& g : guides) {
        list.append(QVariantMap{{QStringLiteral("vertical"), g.vertical},
                                {QStringLiteral("position"), g.position}});
    }
    if (list != m_guides) {
        m_guides = list;
        emit guidesChanged();
    }
}

void MixDesigner::setLastError(const QString& error) {
    if (error != m_lastError) {
        m_lastError = error;
        emit lastErrorChanged();
    }
}

void MixDesigner::setRunning(bool running) {
    if (running != m_running) {
        m_running = running;
        emit runningChanged();
    }
}
