#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QSettings>
#include <QVariantList>
#include <functional>
#include <memory>

#include "api_client.h"
#include "mix_layout.h"
#include "mix_task_list_model.h"

// The Mix Designer's layout: the input rectangles (rows) on the output canvas, the output
// settings, snapping, undo/redo, templates, named layouts, and Apply, which sends StartMix
// with the next Sequence (a live update while the task runs) and StopMix. A running task of
// the engine opens as it runs (openTask); `running` follows the engine's task list. The layout
// being edited is kept in the settings, so a restart of the console loses nothing.
class MixDesigner : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(int count READ rowCount NOTIFY layoutChanged)
    // Changes with every edit (and refused edit), so bindings on inputValue() are re-evaluated.
    Q_PROPERTY(int revision READ revision NOTIFY layoutChanged)
    Q_PROPERTY(int canvasWidth READ canvasWidth NOTIFY layoutChanged)
    Q_PROPERTY(int canvasHeight READ canvasHeight NOTIFY layoutChanged)
    Q_PROPERTY(QString taskId READ taskId NOTIFY layoutChanged)
    Q_PROPERTY(QString outputStreamId READ outputStreamId NOTIFY layoutChanged)
    Q_PROPERTY(int fps READ fps NOTIFY layoutChanged)
    Q_PROPERTY(int videoBitrate READ videoBitrate NOTIFY layoutChanged)
    Q_PROPERTY(QString background READ background NOTIFY layoutChanged)
    Q_PROPERTY(QString backgroundImage READ backgroundImage NOTIFY layoutChanged)
    // {url, left, top, right, bottom}; url empty when there is no watermark.
    Q_PROPERTY(QVariantMap watermark READ watermark NOTIFY layoutChanged)
    // The first output's VideoEncId and AudioCodec, and the ones to pick from:
    // [{value, text}] by the spec's numbers.
    Q_PROPERTY(int videoCodec READ videoCodec NOTIFY layoutChanged)
    Q_PROPERTY(int audioCodec READ audioCodec NOTIFY layoutChanged)
    Q_PROPERTY(QVariantList videoCodecChoices READ videoCodecChoices CONSTANT)
    Q_PROPERTY(QVariantList audioCodecChoices READ audioCodecChoices CONSTANT)
    // The first output's AudioBitrate (bps) and SoundChannel (1 or 2).
    Q_PROPERTY(int audioBitrate READ audioBitrate NOTIFY layoutChanged)
    Q_PROPERTY(int soundChannels READ soundChannels NOTIFY layoutChanged)
    // StartMix UserData (sent to players as SEI), as text; the body carries it in Base64.
    Q_PROPERTY(QString userData READ userData NOTIFY layoutChanged)
    // Label.Font.FontType of every label (one font per task; -1 without labels) and the names
    // to pick from.
    Q_PROPERTY(int labelFont READ labelFont NOTIFY layoutChanged)
    Q_PROPERTY(QStringList labelFontNames READ labelFontNames CONSTANT)
    // The outputs after the first: [{streamId, width, height, videoBitrate, videoCodec,
    // audioCodec, audioBitrate, soundChannels}].
    Q_PROPERTY(QVariantList moreOutputs READ moreOutputs NOTIFY layoutChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY historyChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY historyChanged)
    Q_PROPERTY(QVariantList guides READ guides NOTIFY guidesChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QStringList savedLayouts READ savedLayouts NOTIFY savedLayoutsChanged)

public:
    enum Role {
        StreamIdRole = Qt::UserRole + 1,
        LeftRole,
        TopRole,
        WidthRole,
        HeightRole,
        LayerRole,
        RenderModeRole,
        VolumeRole,
        MutedRole,
        CornerRadiusRole,
        SourceRole,
        LabelTextRole,
        LabelSizeRole,
        LabelLeftRole,
        LabelTopRole,
        LabelColorRole,
        LabelTransparencyRole,
        LabelBorderColorRole,
        ImageUrlRole,
        ImageModeRole
    };

    static constexpr int kMaxInputs = 9;
    static constexpr int kMaxOutputs = 4;
    static constexpr int kSnapThreshold = 8;

    MixDesigner(ApiClient* client, MixTaskListModel* tasks, const QString& settingsFile,
                QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const MixLayout& layout() const { return m_layout; }
    int revision() const { return m_revision; }
    // One role of an input by its name (left, top, rectWidth, volume, ...).
    Q_INVOKABLE QVariant inputValue(int row, const QString& roleName) const;
    int canvasWidth() const { return m_layout.width; }
    int canvasHeight() const { return m_layout.height; }
    QString taskId() const { return m_layout.taskId; }
    QString outputStreamId() const { return m_layout.outputStreamId; }
    int fps() const { return m_layout.fps; }
    int videoBitrate() const { return m_layout.videoBitrate; }
    QString background() const { return m_layout.background; }
    QString backgroundImage() const;
    int videoCodec() const;
    int audioCodec() const;
    QVariantList videoCodecChoices() const;
    QVariantList audioCodecChoices() const;
    int audioBitrate() const { return m_layout.audio(0).bitrate; }
    int soundChannels() const { return m_layout.audio(0).channels; }
    QString userData() const;
    int labelFont() const { return m_layout.labelFontType(); }
    QStringList labelFontNames() const { return ::labelFontNames(); }
    QVariantMap watermark() const;
    QVariantList moreOutputs() const;
    bool canUndo() const { return !m_undo.isEmpty(); }
    bool canRedo() const { return !m_redo.isEmpty(); }
    QVariantList guides() const { return m_guides; }
    bool running() const { return m_running; }
    QString lastError() const { return m_lastError; }
    QStringList savedLayouts() const;

    // Edits. Each one is a step of undo; a drag is one step from beginGesture to endGesture.
    Q_INVOKABLE void addInput(const QString& streamId);
    Q_INVOKABLE void removeInput(int row);
    Q_INVOKABLE void assignStream(int row, const QString& streamId);
    Q_INVOKABLE void beginGesture();
    Q_INVOKABLE void endGesture();
    // Canvas pixels. `snap` false (a modifier held) places exactly where asked.
    Q_INVOKABLE void moveTo(int row, int left, int top, bool snap, int grid);
    // Keeps the rectangle's aspect ratio when `keepAspect` (Shift frees it).
    Q_INVOKABLE void resizeTo(int row, int width, int height, bool keepAspect);
    Q_INVOKABLE void nudge(int row, int dx, int dy);
    Q_INVOKABLE void setGeometry(int row, int left, int top, int width, int height);
    Q_INVOKABLE void raise(int row);
    Q_INVOKABLE void lower(int row);
    Q_INVOKABLE void setRenderMode(int row, int mode);
    Q_INVOKABLE void setVolume(int row, int volume);
    Q_INVOKABLE void setMuted(int row, bool muted);
    Q_INVOKABLE void setCornerRadius(int row, int radius);
    // Text over the input (StartMix Label); empty text removes it.
    Q_INVOKABLE void setLabel(int row, const QString& text);
    Q_INVOKABLE void setLabelSize(int row, int size);  // Label.Font.FontSize, 12–100
    Q_INVOKABLE void setLabelFont(int fontType);       // every label's FontType, 0–3
    // Label.Left/Top: the text's offset inside the rectangle, px >= 0.
    Q_INVOKABLE void setLabelOffset(int row, int left, int top);
    // Label.Font.FontColor from a colour's text (#rrggbb); other text sets lastError.
    Q_INVOKABLE void setLabelColor(int row, const QString& color);
    Q_INVOKABLE void setLabelTransparency(int row, int transparency);  // 0 opaque – 100
    // Label.Font.BorderColor as setLabelColor; empty or "none" removes the outline.
    Q_INVOKABLE void setLabelBorder(int row, const QString& color);
    // The placeholder picture (StartMix Image, DisplayMode 0–2); an empty URL removes it.
    Q_INVOKABLE void setPlaceholder(int row, const QString& url, int displayMode);
    // single, side, grid2x2, grid3x3, pip, large5 — applied to the current inputs in order.
    Q_INVOKABLE void applyTemplate(const QString& name);
    Q_INVOKABLE void setOutput(const QString& taskId, const QString& streamId, int width,
                               int height, int fps, int videoBitrate, const QString& background);
    // The first output's codecs. A value that is not one of the choices leaves that codec as
    // it is; a third different video codec among the outputs sets lastError and changes nothing.
    Q_INVOKABLE void setCodecs(int videoEncId, int audioCodec);
    // The first output's sound: AudioBitrate in bps (kept within 8000–512000) and SoundChannel
    // (1 or 2; another value leaves it as it is).
    Q_INVOKABLE void setAudio(int audioBitrate, int soundChannels);
    // Empty text removes the UserData.
    Q_INVOKABLE void setUserData(const QString& text);
    // StartMix BackgroundImage; empty removes it.
    Q_INVOKABLE void setBackgroundImage(const QString& url);
    // StartMix WaterMark in canvas pixels; an empty URL removes it.
    Q_INVOKABLE void setWatermark(const QString& url, int left, int top, int right, int bottom);
    // A further output, scaled from the canvas by the engine; all outputs share the first's fps.
    // It starts with the first output's codecs and sound.
    Q_INVOKABLE void addOutput(const QString& streamId, int width, int height, int videoBitrate);
    Q_INVOKABLE void removeOutput(int index);  // index into moreOutputs
    // A further output's codecs, as setCodecs does for the first.
    Q_INVOKABLE void setOutputCodecs(int index, int videoEncId, int audioCodec);
    // A further output's sound, as setAudio does for the first.
    Q_INVOKABLE void setOutputAudio(int index, int audioBitrate, int soundChannels);
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

    // StartMix JSON (compact text) as Apply would send it now; import reads the same.
    Q_INVOKABLE QString exportJson() const;
    Q_INVOKABLE bool importJson(const QString& text);
    Q_INVOKABLE void saveLayout(const QString& name);
    Q_INVOKABLE bool loadLayout(const QString& name);

    // Replaces the layout with that of the engine's running task (one step of undo).
    Q_INVOKABLE bool openTask(const QString& taskId);
    Q_INVOKABLE void apply();
    Q_INVOKABLE void stop();

    // The Sequence the next StartMix/StopMix carries: increasing, milliseconds-based.
    qint64 nextSequence();

signals:
    void layoutChanged();
    void historyChanged();
    void guidesChanged();
    void runningChanged();
    void lastErrorChanged();
    void savedLayoutsChanged();
    void applied();

private:
    bool valid(int row) const { return row >= 0 && row < m_layout.inputs.size(); }
    void edit(const std::function<void(MixLayout&)>& change);
    // Sets lastError for an edit that changes nothing, and has the views show the layout again
    // (a picker or field may still show what was refused): a new revision of the same layout.
    void refuse(const QString& error);
    void editCodecs(int output, int videoEncId, int audioCodec);
    void editAudio(int output, int audioBitrate, int soundChannels);
    // Writes the Label field `key` (or its Font's, `inFont`) of `row` when it has a label.
    void editLabel(int row, QStringView key, const QJsonValue& value, bool inFont);
    void setLayout(MixLayout layout);
    void setGuides(const QList<SnapGuide>& guides);
    void setLastError(const QString& error);
    void setRunning(bool running);

    ApiClient* m_client;
    MixTaskListModel* m_tasks;
    std::unique_ptr<QSettings> m_settings;
    MixLayout m_layout;
    QList<MixLayout> m_undo;
    QList<MixLayout> m_redo;
    bool m_inGesture = false;
    MixLayout m_gestureStart;
    bool m_gestureRecorded = false;
    int m_revision = 0;
    QVariantList m_guides;
    bool m_running = false;
    QString m_lastError;
    qint64 m_lastSequence = 0;
};
