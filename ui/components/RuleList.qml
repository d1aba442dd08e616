import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console

// The rules of one RuleListModel, in force first and expired apart, with their remaining time.
ListView {
    id: list

    signal editRequested(var fields)
    signal deleteRequested(var fields)
    property string deleteText: qsTr("Delete")
    property string emptyText: qsTr("No rules.")

    clip: true
    spacing: 2
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    Label {
        visible: list.count === 0
        text: list.emptyText
        color: palette.placeholderText
    }

    section.property: "stateText"
    section.delegate: Label {
        required property string section
        text: section
        topPadding: 8
        bottomPadding: 4
        color: palette.placeholderText
        font.pixelSize: 12
        font.bold: true
        font.capitalization: Font.AllUppercase
    }

    delegate: Rectangle {
        id: row
        required property string target
        required property string effect
        required property bool inForce
        required property string remainingText
        required property string expireText
        required property var fields
        width: ListView.view.width
        height: content.implicitHeight + 12
        radius: 4
        color: inForce ? "#232833" : "#1b1f26"
        opacity: inForce ? 1 : 0.6

        RowLayout {
            id: content
            anchors.fill: parent
            anchors.margins: 6
            spacing: 10
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    text: row.target
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: row.effect + " · " + row.remainingText
                    color: row.inForce ? "#f0b72f" : palette.placeholderText
                    font.pixelSize: 12
                }
            }
            Button {
                text: qsTr("Edit")
                visible: row.fields.ruleType !== undefined || row.fields.disableAudio !== undefined
                onClicked: list.editRequested(row.fields)
            }
            Button {
                text: list.deleteText
                onClicked: list.deleteRequested(row.fields)
            }
        }
    }
}
