import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Regie.Console
import "../components"

// The Mix Designer: the output canvas with every input's rectangle showing its live video;
// drag to move (snapping to edges, centres, other rectangles and the grid; Alt places freely),
// drag the corner to resize (aspect kept; Shift frees it), arrows nudge. Templates, per-input
// settings (px or %, label with its offset, colour, transparency and outline, placeholder), output
// settings with every output's codecs, named layouts, StartMix JSON
// export/import, the engine's running tasks (Open loads one as it runs), and Apply, which sends
// StartMix with the next Sequence; the real mixed output plays beside the canvas with the
// sound level of every input.
Item {
    id: page

    required property ConsoleSession session
    readonly property MixDesigner mix: session.mix
    property int selected: -1
    property bool showGrid: false
    property bool percent: false
    readonly property int gridSize: showGrid ? 40 : 0

    // What a rectangle previews: the engine's FLV of its stream, or the URL it is pulled from.
    function previewUrl(streamId, source) {
        return streamId.length > 0 ? flvUrl(streamId) : source
    }

    // A codec picker over `model` ([{value, text}]) showing `codec`; a value that is not offered
    // (an imported H.264 SVC) shows by its number. `revision` re-reads it after a refused pick.
    // Pickers and boxes here fill their row and give way in the narrow side panel.
    component CodecBox: ComboBox {
        required property int codec
        required property string field
        required property int revision
        Layout.fillWidth: true
        Layout.preferredWidth: 120
        textRole: "text"
        valueRole: "value"
        currentIndex: revision, model.findIndex(choice => choice.value === codec)
        displayText: currentIndex >= 0 ? currentText : field + " " + codec
    }

    // An output's AudioBitrate (kbit/s here) and SoundChannel; edits go out as `edited`.
    component SoundBox: RowLayout {
        id: sound
        required property int bitrate
        required property int channels
        required property int revision
        signal edited(int bitrate, int channels)
        Layout.fillWidth: true
        SpinBox {
            id: soundRate
            objectName: sound.objectName + "Rate"
            Layout.fillWidth: true
            Layout.preferredWidth: 110
            from: 8
            to: 512
            editable: true
            value: sound.revision, sound.bitrate / 1000
            onValueModified: sound.edited(value * 1000, soundChannels.currentIndex + 1)
        }
        Label { text: qsTr("kbit/s") }
        ComboBox {
            id: soundChannels
            objectName: sound.objectName + "Channels"
            Layout.fillWidth: true
            Layout.preferredWidth: 100
            model: [qsTr("Mono"), qsTr("Stereo")]
            currentIndex: sound.revision, sound.channels - 1
            onActivated: sound.edited(soundRate.value * 1000, currentIndex + 1)
        }
    }

    function flvUrl(streamId) {
        session.streams.count  // re-evaluated as streams come and go
        const row = session.streams.indexOfStreamName(streamId)
        return row >= 0 ? session.streams.get(row, "flvUrl") : ""
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 12

        RowLayout {
            spacing: 10
            Layout.fillWidth: true
            Label { text: qsTr("Mix Designer"); font.pixelSize: 24; font.bold: true }
            Label {
                text: qsTr("%1 → %2 · %3×%4 @%5").arg(page.mix.taskId).arg(page.mix.outputStreamId)
                      .arg(page.mix.canvasWidth).arg(page.mix.canvasHeight).arg(page.mix.fps)
                color: palette.placeholderText
                Layout.alignment: Qt.AlignBottom
                Layout.bottomMargin: 4
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "mixError"
                visible: text.length > 0
                text: page.mix.lastError
                color: "#f85149"
                elide: Text.ElideRight
                Layout.maximumWidth: 420
            }
            Button { objectName: "undoButton"; text: qsTr("Undo"); enabled: page.mix.canUndo; onClicked: page.mix.undo() }
            Button { objectName: "redoButton"; text: qsTr("Redo"); enabled: page.mix.canRedo; onClicked: page.mix.redo() }
            CheckBox { text: qsTr("Grid"); checked: page.showGrid; onToggled: page.showGrid = checked }
            Button {
                objectName: "applyButton"
                text: page.mix.running ? qsTr("Update mix") : qsTr("Start mix")
                highlighted: true
                onClicked: page.mix.apply()
            }
            Button {
                text: qsTr("Stop")
                enabled: page.mix.running
                onClicked: page.mix.stop()
            }
        }

        RowLayout {
            spacing: 16
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                spacing: 12
                Layout.fillWidth: true
                Layout.fillHeight: true

                Item {
                    id: stage
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    readonly property real scale: Math.min(width / page.mix.canvasWidth,
                                                           height / page.mix.canvasHeight)

                    Rectangle {
                        id: canvas
                        objectName: "canvas"
                        width: page.mix.canvasWidth * stage.scale
                        height: page.mix.canvasHeight * stage.scale
                        anchors.centerIn: parent
                        color: page.mix.background
                        border.color: palette.mid
                        clip: true
                        focus: true
                        Keys.onPressed: event => {
                            const step = event.modifiers & Qt.ShiftModifier ? 10 : 1
                            const moves = {[Qt.Key_Left]: [-step, 0], [Qt.Key_Right]: [step, 0],
                                           [Qt.Key_Up]: [0, -step], [Qt.Key_Down]: [0, step]}
                            if (page.selected >= 0 && moves[event.key] !== undefined) {
                                page.mix.nudge(page.selected, moves[event.key][0], moves[event.key][1])
                                event.accepted = true
                            }
                        }
                        // Below the tiles: a tap on the bare canvas clears the selection. The
                        // tiles' exclusive taps keep it from seeing theirs.
                        Item {
                            anchors.fill: parent
                            z: -1
                            TapHandler { onTapped: { page.selected = -1; canvas.forceActiveFocus() } }
                        }

                        Repeater {
                            model: page.showGrid ? Math.floor(page.mix.canvasWidth / page.gridSize) : 0
                            Rectangle { x: (index + 1) * page.gridSize * stage.scale; width: 1; height: canvas.height; color: "#22ffffff" }
                        }
                        Repeater {
                            model: page.showGrid ? Math.floor(page.mix.canvasHeight / page.gridSize) : 0
                            Rectangle { y: (index + 1) * page.gridSize * stage.scale; height: 1; width: canvas.width; color: "#22ffffff" }
                        }
                        Image {
                            anchors.fill: parent
                            z: -0.5
                            visible: page.mix.backgroundImage.length > 0
                            source: page.mix.backgroundImage
                            fillMode: Image.Stretch
                            asynchronous: true
                        }
                        Image {
                            objectName: "watermark"
                            z: 999
                            visible: page.mix.watermark.url.length > 0
                            source: page.mix.watermark.url
                            x: page.mix.watermark.left * stage.scale
                            y: page.mix.watermark.top * stage.scale
                            width: (page.mix.watermark.right - page.mix.watermark.left) * stage.scale
                            height: (page.mix.watermark.bottom - page.mix.watermark.top) * stage.scale
                            fillMode: Image.Stretch
                            asynchronous: true
                        }
                        // Title-safe area: 90 % of the canvas.
                        Rectangle {
                            anchors.centerIn: parent
                            width: parent.width * 0.9
                            height: parent.height * 0.9
                            color: "transparent"
                            border.color: "#40ffffff"
                            z: 1000
                        }

                        Repeater {
                            id: inputTiles
                            model: page.mix
                            delegate: Rectangle {
                                id: tile
                                required property int index
                                required property string streamId
                                required property string source
                                required property string labelText
                                required property int labelSize
                                required property int labelLeft
                                required property int labelTop
                                required property string labelColor
                                required property int labelTransparency
                                required property string labelBorderColor
                                required property string imageUrl
                                required property int imageMode
                                readonly property var levels: video.preview.channelLevels
                                objectName: "tile" + index
                                required property int rectLeft
                                required property int rectTop
                                required property int rectWidth
                                required property int rectHeight
                                required property int rectLayer
                                required property int renderMode
                                required property int cornerRadius
                                property point pressLeftTop
                                property size pressSize

                                x: rectLeft * stage.scale
                                y: rectTop * stage.scale
                                width: rectWidth * stage.scale
                                height: rectHeight * stage.scale
                                z: rectLayer
                                radius: cornerRadius * stage.scale
                                color: "#1b1f26"
                                border.width: page.selected === index ? 2 : 1
                                border.color: page.selected === index ? palette.highlight : "#80ffffff"
                                clip: true

                                StreamTile {
                                    id: video
                                    anchors.fill: parent
                                    anchors.margins: tile.border.width
                                    visible: tile.source.length > 0
                                    title: tile.source
                                    fillMode: tile.renderMode === 0 ? VideoOutput.PreserveAspectCrop
                                                                    : VideoOutput.PreserveAspectFit
                                    url: page.previewUrl(tile.streamId, tile.source)
                                    active: url.toString().length > 0
                                }
                                // DisplayMode 0: the placeholder always shows instead of the video.
                                Image {
                                    anchors.fill: parent
                                    anchors.margins: tile.border.width
                                    visible: tile.imageUrl.length > 0 && tile.imageMode === 0
                                    source: visible ? tile.imageUrl : ""
                                    fillMode: Image.PreserveAspectCrop
                                    asynchronous: true
                                }
                                Label {
                                    objectName: "tileLabel"
                                    x: tile.labelLeft * stage.scale
                                    y: tile.labelTop * stage.scale
                                    visible: tile.labelText.length > 0
                                    text: tile.labelText
                                    color: tile.labelColor
                                    opacity: 1 - tile.labelTransparency / 100
                                    style: tile.labelBorderColor.length > 0 ? Text.Outline : Text.Normal
                                    styleColor: tile.labelBorderColor.length > 0 ? tile.labelBorderColor : "transparent"
                                    font.pixelSize: Math.max(9, tile.labelSize * stage.scale)
                                }
                                Label {
                                    anchors.centerIn: parent
                                    visible: tile.source.length === 0
                                    text: qsTr("Drop a stream here")
                                    color: palette.placeholderText
                                }
                                DropArea {
                                    anchors.fill: parent
                                    keys: ["regie/stream"]
                                    onDropped: drop => page.mix.assignStream(tile.index, drop.source.streamName)
                                }
                                DragHandler {
                                    target: null
                                    onActiveChanged: {
                                        if (active) {
                                            page.selected = tile.index
                                            tile.pressLeftTop = Qt.point(tile.rectLeft, tile.rectTop)
                                            page.mix.beginGesture()
                                            canvas.forceActiveFocus()
                                        } else {
                                            page.mix.endGesture()
                                        }
                                    }
                                    onTranslationChanged: if (active) page.mix.moveTo(tile.index,
                                        Math.round(tile.pressLeftTop.x + translation.x / stage.scale),
                                        Math.round(tile.pressLeftTop.y + translation.y / stage.scale),
                                        !(centroid.modifiers & Qt.AltModifier), page.gridSize)
                                }
                                TapHandler {
                                    gesturePolicy: TapHandler.ReleaseWithinBounds
                                    onTapped: { page.selected = tile.index; canvas.forceActiveFocus() }
                                }
                                Rectangle {
                                    objectName: "resizeHandle"
                                    width: 14; height: 14
                                    anchors.right: parent.right
                                    anchors.bottom: parent.bottom
                                    color: palette.highlight
                                    visible: page.selected === tile.index
                                    DragHandler {
                                        target: null
                                        // The handle sits on the tile: its drag wins over the tile's.
                                        grabPermissions: PointerHandler.CanTakeOverFromAnything
                                        onActiveChanged: {
                                            if (active) {
                                                tile.pressSize = Qt.size(tile.rectWidth, tile.rectHeight)
                                                page.mix.beginGesture()
                                            } else {
                                                page.mix.endGesture()
                                            }
                                        }
                                        onTranslationChanged: if (active) page.mix.resizeTo(tile.index,
                                            Math.round(tile.pressSize.width + translation.x / stage.scale),
                                            Math.round(tile.pressSize.height + translation.y / stage.scale),
                                            !(centroid.modifiers & Qt.ShiftModifier))
                                    }
                                }
                            }
                        }

                        Repeater {
                            model: page.mix.guides
                            delegate: Rectangle {
                                required property var modelData
                                z: 1001
                                color: "#f0b72f"
                                x: modelData.vertical ? modelData.position * stage.scale : 0
                                y: modelData.vertical ? 0 : modelData.position * stage.scale
                                width: modelData.vertical ? 1 : canvas.width
                                height: modelData.vertical ? canvas.height : 1
                            }
                        }
                    }
                }

                RowLayout {
                    spacing: 8
                    Label { text: qsTr("Templates"); color: palette.placeholderText }
                    Repeater {
                        model: [["single", qsTr("Single")], ["side", qsTr("Side by side")],
                                ["grid2x2", "2×2"], ["grid3x3", "3×3"], ["pip", qsTr("Picture in picture")],
                                ["large5", qsTr("1 large + 5")]]
                        Button {
                            required property var modelData
                            text: modelData[1]
                            onClicked: page.mix.applyTemplate(modelData[0])
                        }
                    }
                }
            }

            ScrollView {
                objectName: "sidePanel"
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                contentWidth: availableWidth

                ColumnLayout {
                    width: parent.width
                    spacing: 12

                    Card {
                        title: qsTr("Mixed output")
                        Layout.fillWidth: true
                        StreamTile {
                            objectName: "mixOutput"
                            title: page.mix.outputStreamId
                            url: page.flvUrl(page.mix.outputStreamId)
                            active: url.toString().length > 0
                            Layout.fillWidth: true
                            Layout.preferredHeight: width * page.mix.canvasHeight / page.mix.canvasWidth
                        }
                    }
                    Card {
                        title: qsTr("Input levels")
                        visible: page.mix.count > 0
                        Layout.fillWidth: true
                        Repeater {
                            model: page.mix
                            delegate: RowLayout {
                                id: levelRow
                                required property int index
                                required property string source
                                required property bool muted
                                Layout.fillWidth: true
                                Label {
                                    text: levelRow.source.length > 0 ? levelRow.source : qsTr("(unassigned)")
                                    elide: Text.ElideMiddle
                                    opacity: levelRow.muted ? 0.5 : 1
                                    Layout.preferredWidth: 140
                                }
                                AudioMeter {
                                    levels: inputTiles.count > levelRow.index && inputTiles.itemAt(levelRow.index)
                                            ? inputTiles.itemAt(levelRow.index).levels : []
                                    Layout.fillWidth: true
                                }
                            }
                        }
                    }
                    Card {
                        title: qsTr("Running tasks")
                        Layout.fillWidth: true
                        Label {
                            visible: page.session.mixTasks.count === 0
                            text: qsTr("No mix task is running.")
                            color: palette.placeholderText
                        }
                        Repeater {
                            model: page.session.mixTasks
                            delegate: RowLayout {
                                id: taskRow
                                required property string taskId
                                required property string action
                                required property string outputs
                                required property string durationText
                                required property bool openable
                                Layout.fillWidth: true
                                Label {
                                    text: qsTr("%1 → %2 · %3").arg(taskRow.taskId).arg(taskRow.outputs).arg(taskRow.durationText)
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                    font.bold: taskRow.taskId === page.mix.taskId
                                }
                                Button {
                                    text: taskRow.openable ? qsTr("Open") : taskRow.action
                                    enabled: taskRow.openable
                                    onClicked: { page.selected = -1; page.mix.openTask(taskRow.taskId) }
                                }
                            }
                        }
                    }
                    Card {
                        title: qsTr("Live streams")
                        Layout.fillWidth: true
                        Repeater {
                            model: page.session.streams
                            delegate: RowLayout {
                                id: streamRow
                                required property string stream
                                visible: stream !== page.mix.outputStreamId
                                property string streamName: stream
                                Layout.fillWidth: true
                                Drag.active: grab.active
                                Drag.keys: ["regie/stream"]
                                Drag.source: streamRow
                                Drag.hotSpot: Qt.point(10, 10)
                                Label {
                                    text: "⠿ " + streamRow.stream
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                    DragHandler { id: grab; onActiveChanged: if (!active) streamRow.Drag.drop() }
                                }
                                Button { text: qsTr("Add"); onClicked: page.mix.addInput(streamRow.stream) }
                            }
                        }
                    }

                    Card {
                        title: qsTr("Selected input")
                        visible: page.selected >= 0 && page.selected < page.mix.count
                        Layout.fillWidth: true
                        RowLayout {
                            Label { text: qsTr("Units"); color: palette.placeholderText }
                            Button { objectName: "pxButton"; text: "px"; checkable: true; autoExclusive: true; checked: !page.percent; onClicked: page.percent = false }
                            Button { objectName: "percentButton"; text: "%"; checkable: true; autoExclusive: true; checked: page.percent; onClicked: page.percent = true }
                        }
                        GridLayout {
                            columns: 4
                            Layout.fillWidth: true
                            Repeater {
                                // In % the boxes count tenths of a percent of the canvas side.
                                model: [["rectLeft", qsTr("X"), page.mix.canvasWidth], ["rectTop", qsTr("Y"), page.mix.canvasHeight],
                                        ["rectWidth", qsTr("W"), page.mix.canvasWidth], ["rectHeight", qsTr("H"), page.mix.canvasHeight]]
                                delegate: SpinBox {
                                    required property var modelData
                                    objectName: "geometry_" + modelData[0]
                                    readonly property int side: modelData[2]
                                    from: 0; to: page.percent ? 1000 : 3000; editable: true
                                    Layout.columnSpan: 2
                                    textFromValue: (v, locale) => modelData[1] + " " + (page.percent ? (v / 10).toFixed(1) + "%" : v)
                                    valueFromText: (text, locale) => {
                                        const n = parseFloat(text.replace(/[^0-9.]/g, "")) || 0
                                        return page.percent ? Math.round(n * 10) : Math.round(n)
                                    }
                                    value: {
                                        page.mix.revision
                                        const px = page.selected >= 0 ? page.mix.inputValue(page.selected, modelData[0]) : 0
                                        return page.percent ? Math.round(px * 1000 / side) : px
                                    }
                                    onValueModified: {
                                        const px = page.percent ? Math.round(value * side / 1000) : value
                                        const v = name => name === modelData[0] ? px : page.mix.inputValue(page.selected, name)
                                        page.mix.setGeometry(page.selected, v("rectLeft"), v("rectTop"), v("rectWidth"), v("rectHeight"))
                                    }
                                }
                            }
                        }
                        RowLayout {
                            Button { text: qsTr("Raise"); onClicked: page.mix.raise(page.selected) }
                            Button { text: qsTr("Lower"); onClicked: page.mix.lower(page.selected) }
                            Button { text: qsTr("Fit"); onClicked: page.mix.setRenderMode(page.selected, 1) }
                            Button { text: qsTr("Crop"); onClicked: page.mix.setRenderMode(page.selected, 0) }
                        }
                        RowLayout {
                            Label { text: qsTr("Volume") }
                            Slider {
                                from: 0; to: 200
                                value: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "volume") : 100
                                onMoved: page.mix.setVolume(page.selected, Math.round(value))
                                Layout.fillWidth: true
                            }
                            CheckBox {
                                text: qsTr("Mute")
                                checked: page.mix.revision, page.selected >= 0 && page.mix.inputValue(page.selected, "muted")
                                onToggled: page.mix.setMuted(page.selected, checked)
                            }
                        }
                        RowLayout {
                            Label { text: qsTr("Corner radius") }
                            SpinBox {
                                from: 0; to: 500; editable: true
                                value: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "cornerRadius") : 0
                                onValueModified: page.mix.setCornerRadius(page.selected, value)
                            }
                            Button { text: qsTr("Remove"); onClicked: { page.mix.removeInput(page.selected); page.selected = -1 } }
                        }
                        RowLayout {
                            Label { text: qsTr("Label") }
                            TextField {
                                objectName: "labelField"
                                placeholderText: qsTr("Text over the input")
                                text: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "labelText") : ""
                                onEditingFinished: page.mix.setLabel(page.selected, text)
                                Layout.fillWidth: true
                            }
                            SpinBox {
                                objectName: "labelSizeField"
                                from: 12; to: 100; editable: true
                                enabled: page.mix.revision, page.selected >= 0 && page.mix.inputValue(page.selected, "labelText") !== ""
                                value: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "labelSize") : 24
                                onValueModified: page.mix.setLabelSize(page.selected, value)
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("Label size (px)")
                            }
                        }
                        GridLayout {
                            columns: 2
                            enabled: page.mix.revision, page.selected >= 0 && page.mix.inputValue(page.selected, "labelText") !== ""
                            Layout.fillWidth: true
                            Label { text: qsTr("Label offset") }
                            RowLayout {
                                SpinBox {
                                    id: labelLeftField
                                    objectName: "labelLeftField"
                                    from: 0; to: 3000; editable: true
                                    textFromValue: (v, locale) => qsTr("X") + " " + v
                                    valueFromText: (text, locale) => parseInt(text.replace(/[^0-9]/g, "")) || 0
                                    value: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "labelLeft") : 0
                                    onValueModified: page.mix.setLabelOffset(page.selected, value, labelTopField.value)
                                    ToolTip.visible: hovered
                                    ToolTip.text: qsTr("From the rectangle's left edge (px)")
                                }
                                SpinBox {
                                    id: labelTopField
                                    objectName: "labelTopField"
                                    from: 0; to: 3000; editable: true
                                    textFromValue: (v, locale) => qsTr("Y") + " " + v
                                    valueFromText: (text, locale) => parseInt(text.replace(/[^0-9]/g, "")) || 0
                                    value: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "labelTop") : 0
                                    onValueModified: page.mix.setLabelOffset(page.selected, labelLeftField.value, value)
                                    ToolTip.visible: hovered
                                    ToolTip.text: qsTr("From the rectangle's top edge (px)")
                                }
                            }
                            Label { text: qsTr("Label colour") }
                            RowLayout {
                                TextField {
                                    objectName: "labelColorField"
                                    placeholderText: "#rrggbb"
                                    text: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "labelColor") : ""
                                    onEditingFinished: page.mix.setLabelColor(page.selected, text)
                                    Layout.fillWidth: true
                                }
                                Repeater {
                                    model: ["#ffffff", "#000000", "#ffd400", "#ff3b30", "#34c759", "#0a84ff"]
                                    delegate: Rectangle {
                                        required property string modelData
                                        objectName: "labelSwatch_" + modelData
                                        width: 18; height: 18; radius: 3
                                        color: modelData
                                        border.color: palette.mid
                                        TapHandler { onTapped: page.mix.setLabelColor(page.selected, parent.modelData) }
                                    }
                                }
                            }
                            Label { text: qsTr("Transparency") }
                            SpinBox {
                                objectName: "labelTransparencyField"
                                from: 0; to: 100; editable: true
                                value: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "labelTransparency") : 0
                                onValueModified: page.mix.setLabelTransparency(page.selected, value)
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("0 opaque, 100 invisible")
                            }
                            Label { text: qsTr("Outline") }
                            RowLayout {
                                TextField {
                                    objectName: "labelBorderField"
                                    placeholderText: qsTr("none")
                                    text: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "labelBorderColor") : ""
                                    onEditingFinished: page.mix.setLabelBorder(page.selected, text)
                                    Layout.fillWidth: true
                                }
                                Button {
                                    objectName: "labelBorderNone"
                                    text: qsTr("No outline")
                                    onClicked: page.mix.setLabelBorder(page.selected, "")
                                }
                            }
                        }
                        RowLayout {
                            Label { text: qsTr("Label font") }
                            ComboBox {
                                objectName: "labelFontBox"
                                model: page.mix.labelFontNames
                                enabled: page.mix.labelFont >= 0
                                currentIndex: Math.max(0, page.mix.labelFont)
                                onActivated: page.mix.setLabelFont(currentIndex)
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("One font for every label of the task")
                                Layout.fillWidth: true
                            }
                        }
                        RowLayout {
                            Label { text: qsTr("Placeholder") }
                            TextField {
                                id: imageField
                                objectName: "imageField"
                                placeholderText: qsTr("http(s)://… JPG or PNG")
                                text: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "imageUrl") : ""
                                onEditingFinished: page.mix.setPlaceholder(page.selected, text, imageMode.currentIndex)
                                Layout.fillWidth: true
                            }
                        }
                        ComboBox {
                            id: imageMode
                            model: [qsTr("Always"), qsTr("While the camera is off"), qsTr("After 3 s without picture")]
                            currentIndex: page.mix.revision, page.selected >= 0 ? page.mix.inputValue(page.selected, "imageMode") : 0
                            onActivated: page.mix.setPlaceholder(page.selected, imageField.text, currentIndex)
                            Layout.fillWidth: true
                        }
                    }

                    Card {
                        title: qsTr("Output")
                        Layout.fillWidth: true
                        GridLayout {
                            columns: 2
                            Layout.fillWidth: true
                            Label { text: qsTr("Task") }
                            TextField { id: taskField; text: page.mix.taskId; Layout.fillWidth: true }
                            Label { text: qsTr("Stream") }
                            TextField { id: outField; text: page.mix.outputStreamId; Layout.fillWidth: true }
                            Label { text: qsTr("Size") }
                            RowLayout {
                                SpinBox { id: wField; from: 16; to: 3000; editable: true; value: page.mix.canvasWidth }
                                SpinBox { id: hField; from: 16; to: 3000; editable: true; value: page.mix.canvasHeight }
                            }
                            Label { text: qsTr("Fps · kbit/s") }
                            RowLayout {
                                SpinBox { id: fpsField; from: 1; to: 60; value: page.mix.fps }
                                SpinBox { id: rateField; from: 100; to: 20000; stepSize: 100; editable: true; value: page.mix.videoBitrate / 1000 }
                            }
                            Label { text: qsTr("Background") }
                            TextField { id: bgField; text: page.mix.background; Layout.fillWidth: true }
                            Label { text: qsTr("Codecs") }
                            RowLayout {
                                Layout.fillWidth: true
                                CodecBox {
                                    objectName: "videoCodecBox"
                                    model: page.mix.videoCodecChoices
                                    codec: page.mix.videoCodec
                                    field: "VideoEncId"
                                    revision: page.mix.revision
                                    onActivated: page.mix.setCodecs(currentValue, page.mix.audioCodec)
                                }
                                CodecBox {
                                    objectName: "audioCodecBox"
                                    model: page.mix.audioCodecChoices
                                    codec: page.mix.audioCodec
                                    field: "AudioCodec"
                                    revision: page.mix.revision
                                    onActivated: page.mix.setCodecs(page.mix.videoCodec, currentValue)
                                }
                            }
                            Label { text: qsTr("Sound") }
                            SoundBox {
                                objectName: "outputSound"
                                bitrate: page.mix.audioBitrate
                                channels: page.mix.soundChannels
                                revision: page.mix.revision
                                onEdited: (bitrate, channels) => page.mix.setAudio(bitrate, channels)
                            }
                        }
                        Button {
                            text: qsTr("Use these settings")
                            onClicked: page.mix.setOutput(taskField.text, outField.text, wField.value, hField.value,
                                                          fpsField.value, rateField.value * 1000, bgField.text)
                        }
                    }

                    Card {
                        title: qsTr("More outputs")
                        Layout.fillWidth: true
                        Label {
                            text: qsTr("Scaled from the canvas, at its frame rate; at most two different video codecs among all outputs.")
                            color: palette.placeholderText
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Repeater {
                            model: page.mix.moreOutputs
                            delegate: ColumnLayout {
                                id: outputRow
                                required property var modelData
                                required property int index
                                Layout.fillWidth: true
                                Label {
                                    text: qsTr("%1 · %2×%3 · %4 kbit/s").arg(outputRow.modelData.streamId).arg(outputRow.modelData.width)
                                          .arg(outputRow.modelData.height).arg(Math.round(outputRow.modelData.videoBitrate / 1000))
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                                RowLayout {
                                    Layout.fillWidth: true
                                    CodecBox {
                                        objectName: "outputVideoCodec" + outputRow.index
                                        model: page.mix.videoCodecChoices
                                        codec: outputRow.modelData.videoCodec
                                        field: "VideoEncId"
                                        revision: page.mix.revision
                                        onActivated: page.mix.setOutputCodecs(outputRow.index, currentValue, outputRow.modelData.audioCodec)
                                    }
                                    CodecBox {
                                        objectName: "outputAudioCodec" + outputRow.index
                                        model: page.mix.audioCodecChoices
                                        codec: outputRow.modelData.audioCodec
                                        field: "AudioCodec"
                                        revision: page.mix.revision
                                        onActivated: page.mix.setOutputCodecs(outputRow.index, outputRow.modelData.videoCodec, currentValue)
                                    }
                                    Item { Layout.fillWidth: true }
                                    Button {
                                        objectName: "outputRemove" + outputRow.index
                                        text: qsTr("Remove")
                                        onClicked: page.mix.removeOutput(outputRow.index)
                                    }
                                }
                                SoundBox {
                                    objectName: "outputSound" + outputRow.index
                                    bitrate: outputRow.modelData.audioBitrate
                                    channels: outputRow.modelData.soundChannels
                                    revision: page.mix.revision
                                    onEdited: (bitrate, channels) => page.mix.setOutputAudio(outputRow.index, bitrate, channels)
                                }
                            }
                        }
                        RowLayout {
                            TextField { id: moreStream; objectName: "moreStream"; placeholderText: qsTr("Stream"); Layout.fillWidth: true }
                            SpinBox { id: moreW; from: 16; to: 3000; editable: true; value: 640 }
                            SpinBox { id: moreH; from: 16; to: 3000; editable: true; value: 360 }
                        }
                        RowLayout {
                            SpinBox { id: moreRate; from: 100; to: 20000; stepSize: 100; editable: true; value: 800 }
                            Label { text: qsTr("kbit/s") }
                            Item { Layout.fillWidth: true }
                            Button {
                                objectName: "addOutputButton"
                                text: qsTr("Add output")
                                enabled: moreStream.text.length > 0
                                onClicked: page.mix.addOutput(moreStream.text, moreW.value, moreH.value, moreRate.value * 1000)
                            }
                        }
                    }

                    Card {
                        title: qsTr("Pictures and user data")
                        Layout.fillWidth: true
                        TextField {
                            objectName: "userDataField"
                            placeholderText: qsTr("User data for players (sent as SEI)")
                            text: page.mix.userData
                            onEditingFinished: page.mix.setUserData(text)
                            Layout.fillWidth: true
                        }
                        RowLayout {
                            TextField {
                                objectName: "backgroundImageField"
                                placeholderText: qsTr("Background image: http(s)://… JPG or PNG")
                                text: page.mix.backgroundImage
                                onEditingFinished: page.mix.setBackgroundImage(text)
                                Layout.fillWidth: true
                            }
                        }
                        TextField {
                            id: markUrl
                            placeholderText: qsTr("Watermark: http(s)://… JPG or PNG")
                            text: page.mix.watermark.url
                            Layout.fillWidth: true
                        }
                        GridLayout {
                            columns: 2
                            Repeater {
                                id: markRect
                                model: [["left", qsTr("Left")], ["top", qsTr("Top")], ["right", qsTr("Right")], ["bottom", qsTr("Bottom")]]
                                delegate: SpinBox {
                                    required property var modelData
                                    from: 0; to: 3000; editable: true
                                    textFromValue: (v, locale) => modelData[1] + " " + v
                                    valueFromText: (text, locale) => parseInt(text.replace(/[^0-9]/g, "")) || 0
                                    value: page.mix.watermark[modelData[0]]
                                }
                            }
                        }
                        Button {
                            text: markUrl.text.length > 0 ? qsTr("Set watermark") : qsTr("Remove watermark")
                            onClicked: page.mix.setWatermark(markUrl.text, markRect.itemAt(0).value, markRect.itemAt(1).value,
                                                             markRect.itemAt(2).value, markRect.itemAt(3).value)
                        }
                    }

                    Card {
                        title: qsTr("Layouts")
                        Layout.fillWidth: true
                        RowLayout {
                            TextField { id: layoutName; placeholderText: qsTr("Name"); Layout.fillWidth: true }
                            Button { text: qsTr("Save"); enabled: layoutName.text.length > 0; onClicked: page.mix.saveLayout(layoutName.text) }
                        }
                        RowLayout {
                            ComboBox { id: saved; model: page.mix.savedLayouts; Layout.fillWidth: true }
                            Button { text: qsTr("Load"); enabled: saved.currentText.length > 0; onClicked: page.mix.loadLayout(saved.currentText) }
                        }
                        TextArea {
                            id: jsonArea
                            placeholderText: qsTr("StartMix JSON")
                            wrapMode: TextEdit.WrapAnywhere
                            Layout.fillWidth: true
                            Layout.preferredHeight: 80
                        }
                        RowLayout {
                            Button { text: qsTr("Export"); onClicked: jsonArea.text = page.mix.exportJson() }
                            Button { text: qsTr("Import"); onClicked: page.mix.importJson(jsonArea.text) }
                        }
                    }

                }
            }
        }
    }
}
