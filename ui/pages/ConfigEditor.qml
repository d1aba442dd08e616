import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console

// Searchable list of the engine's section.key values. Enter applies a value through
// setServerConfig; keys that need a restart are marked, and the engine can be restarted here.
ColumnLayout {
    id: editor

    required property ConfigModel config

    spacing: 10

    ConfigFilter {
        id: filter
        sourceModel: editor.config
        text: searchField.text
    }

    RowLayout {
        spacing: 10
        Layout.fillWidth: true

        TextField {
            id: searchField
            placeholderText: qsTr("Search keys and values")
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Reload")
            enabled: !editor.config.loading
            onClicked: editor.config.reload()
        }
        Button {
            objectName: "restartButton"
            text: qsTr("Restart engine")
            highlighted: editor.config.restartNeeded
            onClicked: editor.config.restartServer()
        }
    }

    Label {
        visible: editor.config.restartNeeded
        text: qsTr("Some changes take effect only after the engine restarts.")
        color: "#d29922"
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        visible: editor.config.lastError.length > 0
        text: editor.config.lastError
        color: "#f85149"
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    ListView {
        id: list
        clip: true
        model: filter
        spacing: 2
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
        Layout.fillWidth: true
        Layout.fillHeight: true

        delegate: Rectangle {
            id: row

            required property int index
            required property string key
            required property string value
            required property bool restartRequired
            required property bool busy
            required property bool secret

            width: ListView.view.width - 12
            height: 36
            radius: 4
            color: index % 2 === 0 ? palette.alternateBase : "transparent"

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 10
                anchors.rightMargin: 6
                spacing: 10

                Label {
                    text: row.key
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: 12
                    elide: Text.ElideMiddle
                    Layout.preferredWidth: parent.width * 0.42
                }
                TextField {
                    id: valueField
                    text: row.value
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: 12
                    enabled: !row.busy
                    echoMode: row.secret ? TextInput.PasswordEchoOnEdit : TextInput.Normal
                    selectByMouse: true
                    Layout.fillWidth: true
                    onAccepted: editor.config.setValue(row.key, text)
                    onActiveFocusChanged: if (!activeFocus) text = Qt.binding(() => row.value)
                }
                Label {
                    visible: row.restartRequired
                    text: qsTr("restart")
                    color: "#d29922"
                    font.pixelSize: 11
                    font.bold: true
                }
                BusyIndicator {
                    visible: row.busy
                    running: row.busy
                    Layout.preferredWidth: 22
                    Layout.preferredHeight: 22
                }
            }
        }
    }

    Label {
        text: editor.config.loading ? qsTr("Loading the configuration…")
                                    : qsTr("%1 of %2 keys · press Enter to apply a value")
                                      .arg(filter.count).arg(editor.config.count)
        color: palette.placeholderText
    }
}
