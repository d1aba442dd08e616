import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console

// The engine's log as it streams in, with a level filter, a search and autoscroll.
Item {
    id: page

    required property ConsoleSession session

    // The engine forwards only the records the filter can show.
    Binding {
        target: page.session
        property: "engineLogLevel"
        value: levelBox.currentIndex
    }

    LogFilter {
        id: filter
        sourceModel: page.session.log
        minimumLevel: levelBox.currentIndex
        text: searchField.text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 12

        RowLayout {
            spacing: 12
            Layout.fillWidth: true

            Label {
                text: qsTr("Log")
                font.pixelSize: 24
                font.bold: true
            }
            Item { Layout.fillWidth: true }
            Label {
                text: qsTr("Level")
                color: palette.placeholderText
            }
            ComboBox {
                id: levelBox
                objectName: "levelBox"
                model: [qsTr("Trace"), qsTr("Debug"), qsTr("Info"), qsTr("Warning"), qsTr("Error")]
                currentIndex: LogModel.Info
                Layout.preferredWidth: 130
            }
            TextField {
                id: searchField
                placeholderText: qsTr("Search the log")
                Layout.preferredWidth: 240
            }
            CheckBox {
                id: autoScroll
                text: qsTr("Autoscroll")
                checked: true
            }
            Button {
                text: qsTr("Clear")
                onClicked: page.session.log.clear()
            }
        }

        Rectangle {
            color: "#1b1f26"
            radius: 8
            border.color: palette.mid
            Layout.fillWidth: true
            Layout.fillHeight: true

            ListView {
                id: list
                anchors.fill: parent
                anchors.margins: 8
                clip: true
                model: filter
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
                onCountChanged: if (autoScroll.checked) Qt.callLater(list.positionViewAtEnd)

                delegate: RowLayout {
                    required property string time
                    required property int level
                    required property string levelName
                    required property int source
                    required property string message

                    width: ListView.view.width
                    spacing: 12

                    Label {
                        text: parent.time
                        color: palette.placeholderText
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: 12
                    }
                    Label {
                        text: parent.levelName
                        color: parent.level >= LogModel.Error ? "#f85149"
                             : parent.level === LogModel.Warn ? "#d29922"
                             : parent.level === LogModel.Info ? "#58a6ff" : palette.placeholderText
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: 12
                        font.bold: true
                        Layout.preferredWidth: 52
                    }
                    Label {
                        text: parent.source === LogModel.Feed ? qsTr("engine")
                            : parent.source === LogModel.Process ? qsTr("output") : qsTr("console")
                        color: palette.placeholderText
                        font.pixelSize: 12
                        Layout.preferredWidth: 64
                    }
                    Label {
                        text: parent.message
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: 12
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: page.session.log.count === 0 ? qsTr("No log lines yet.")
                                                   : qsTr("No lines match the filter.")
                color: palette.placeholderText
            }
        }

        Label {
            text: qsTr("Showing %1 of %2 lines").arg(filter.count).arg(page.session.log.count)
            color: palette.placeholderText
        }
    }
}
