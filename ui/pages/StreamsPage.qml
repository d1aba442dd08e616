import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console
import "../components"

// The engine's live streams: a list with the selected stream's live preview, play URLs and
// actions, or a grid that previews up to nine streams at once.
Item {
    id: page

    required property ConsoleSession session
    readonly property StreamListModel streams: session.streams
    readonly property bool live: session.state === ConsoleSession.Connected
    property bool gridMode: false
    readonly property int gridLimit: 9

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 16

        RowLayout {
            spacing: 12
            Layout.fillWidth: true

            Label {
                text: qsTr("Streams")
                font.pixelSize: 24
                font.bold: true
            }
            Label {
                objectName: "streamCount"
                text: qsTr("%n live stream(s)", "", page.streams.count)
                color: palette.placeholderText
                Layout.alignment: Qt.AlignBottom
                Layout.bottomMargin: 4
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "streamsError"
                visible: text.length > 0
                text: page.streams.lastError
                color: "#f85149"
                elide: Text.ElideRight
                Layout.maximumWidth: 480
            }
            ButtonGroup { id: viewGroup }
            Button {
                objectName: "listButton"
                text: qsTr("List")
                checkable: true
                checked: !page.gridMode
                highlighted: checked
                ButtonGroup.group: viewGroup
                onClicked: page.gridMode = false
            }
            Button {
                objectName: "gridButton"
                text: qsTr("Grid")
                checkable: true
                checked: page.gridMode
                highlighted: checked
                ButtonGroup.group: viewGroup
                onClicked: page.gridMode = true
            }
        }

        Label {
            objectName: "emptyNotice"
            visible: page.streams.count === 0
            text: !page.live ? qsTr("No engine connected.")
                  : page.streams.rtmpPort > 0
                    ? qsTr("No live streams. Publish to rtmp://<engine host>:%1/<app>/<stream> to see one here.")
                      .arg(page.streams.rtmpPort)
                    : qsTr("No live streams.")
            color: palette.placeholderText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        StackLayout {
            currentIndex: page.gridMode ? 1 : 0
            visible: page.streams.count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            RowLayout {
                spacing: 16

                Card {
                    title: qsTr("Live streams")
                    stretch: true
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    StreamHeaderRow { Layout.fillWidth: true }

                    ListView {
                        id: list
                        objectName: "streamList"
                        model: page.streams
                        clip: true
                        spacing: 2
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar {}
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0

                        delegate: StreamRow {
                            width: ListView.view.width
                            selected: ListView.isCurrentItem
                            onClicked: list.currentIndex = index
                        }
                    }
                }

                StreamDetails {
                    objectName: "details"
                    row: list.currentItem
                    streams: page.streams
                    active: !page.gridMode
                    Layout.preferredWidth: 440
                    Layout.fillHeight: true
                }
            }

            Item {
                id: gridArea

                readonly property int shown: Math.min(page.streams.count, page.gridLimit)
                readonly property int columns: shown <= 1 ? 1 : shown <= 4 ? 2 : 3
                readonly property int rows: Math.max(1, Math.ceil(shown / columns))
                readonly property int gap: 12
                // The largest 16:9 tile that fits the grid both ways.
                readonly property real tileWidth: Math.min(
                    (width - (columns - 1) * gap) / columns,
                    (height - (rows - 1) * gap) / rows * 16 / 9)

                Grid {
                    anchors.horizontalCenter: parent.horizontalCenter
                    columns: gridArea.columns
                    spacing: gridArea.gap

                    Repeater {
                        model: page.streams
                        delegate: StreamTile {
                            required property int index
                            required property string app
                            required property string stream
                            required property string flvUrl

                            visible: index < page.gridLimit
                            active: page.gridMode
                            url: flvUrl
                            title: app + "/" + stream
                            selected: index === list.currentIndex
                            width: gridArea.tileWidth
                            height: width * 9 / 16

                            TapHandler {
                                onTapped: {
                                    list.currentIndex = parent.index
                                    page.gridMode = false
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
