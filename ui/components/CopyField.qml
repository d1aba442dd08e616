import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A named, read-only value with a button that copies it to the clipboard.
RowLayout {
    id: row

    property alias name: nameLabel.text
    property alias value: field.text

    spacing: 8

    Label {
        id: nameLabel
        color: palette.placeholderText
        Layout.preferredWidth: 64
    }
    TextField {
        id: field
        readOnly: true
        selectByMouse: true
        font.family: "DejaVu Sans Mono"
        font.pixelSize: 12
        Layout.fillWidth: true
    }
    Button {
        text: qsTr("Copy")
        enabled: field.text.length > 0
        onClicked: {
            field.selectAll()
            field.copy()
            field.deselect()
        }
    }
}
