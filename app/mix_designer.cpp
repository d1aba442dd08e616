#include "mix_designer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSettings>
#include <algorithm>

#include "api_reply.h"
#include "connection_settings.h"

namespace {

// Writes `key` into the Font of the labels `rows` names (the inputs that have one).
void setFontField(MixLayout& l, const QList<int>& rows, QStringView key, int value) {
    for (int row : rows) {
        QJsonObject& extra = l.inputs[row].extra;
        QJsonObject label = extra.value(u"Label").toObject();
        if (label.isEmpty()) {
            continue;
        }
        QJsonObject font = label.value(u"Font").toObject();
        font.insert(key, value);
        label.insert(QStringLiteral("Font"), font);
        extra.insert(QStringLiteral("Label"), label);
    }
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

MixDesigner::MixDesigner(ApiClient* client, MixTaskListModel* tasks, QString settingsFile,
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
        case ImageUrlRole:
            return in.imageUrl();
        case ImageModeRole:
            return in.imageMode();
        default:
            return {};
    }
}

QHash<int, QByteArray> MixDesigner::roleNames() const {
    return {{StreamIdRole, "streamId"},     {LeftRole, "rectLeft"},
            {TopRole, "rectTop"},           {WidthRole, "rectWidth"},
            {HeightRole, "rectHeight"},     {LayerRole, "rectLayer"},
            {RenderModeRole, "renderMode"}, {VolumeRole, "volume"},
            {MutedRole, "muted"},           {CornerRadiusRole, "cornerRadius"},
            {SourceRole, "source"},         {LabelTextRole, "labelText"},
            {LabelSizeRole, "labelSize"},   {ImageUrlRole, "imageUrl"},
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

void MixDesigner::setLabelSize(int row, int size) {
    if (valid(row)) {
        edit([&](MixLayout& l) { setFontField(l, {row}, u"FontSize", std::clamp(size, 12, 100)); });
    }
}

void MixDesigner::setLabelFont(int fontType) {
    const int type = std::clamp(fontType, 0, int(::labelFontNames().size()) - 1);
    edit([&](MixLayout& l) {
        QList<int> all;
        for (int row = 0; row < l.inputs.size(); ++row) {
            all.append(row);
        }
        setFontField(l, all, u"FontType", type);
    });
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
    return m_layout.outputExtra.value(u"VideoEncId").toInt(0);
}

int MixDesigner::audioCodec() const {
    return m_layout.outputExtra.value(u"AudioCodec").toInt(1);
}

QString MixDesigner::userData() const {
    return QString::fromUtf8(
        QByteArray::fromBase64(m_layout.extra.value(u"UserData").toString().toLatin1()));
}

void MixDesigner::setCodecs(int videoEncId, int audioCodec) {
    edit([&](MixLayout& l) {
        l.outputExtra.insert(QStringLiteral("VideoEncId"), videoEncId == 3 ? 3 : 0);
        l.outputExtra.insert(QStringLiteral("AudioCodec"), audioCodec == 2 ? 2 : 1);
    });
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
    for (const auto& value : m_layout.moreOutputs) {
        const QJsonObject out = value.toObject();
        list.append(
            QVariantMap{{QStringLiteral("streamId"), out.value(u"StreamId").toString()},
                        {QStringLiteral("width"), out.value(u"Width").toInt()},
                        {QStringLiteral("height"), out.value(u"Height").toInt()},
                        {QStringLiteral("videoBitrate"), out.value(u"VideoBitrate").toInt()}});
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
                                         {"VideoBitrate", std::max(1, videoBitrate)},
                                         {"AudioCodec", 1},
                                         {"AudioBitrate", l.audioBitrate},
                                         {"SoundChannel", 2}});
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
