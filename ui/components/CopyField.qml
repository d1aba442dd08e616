import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A captioned, read-only value with a button that copies it to the clipboard.
GridLayout {
    id: row

    property alias name: nameLabel.text
    property alias value: field.text

    columns: 2
    rowSpacing: 2
    columnSpacing: 8

    Label {
        id: nameLabel
        color: palette.placeholderText
        font.pixelSize: 11
        Layout.columnSpan: 2
    }
    TextField {
        id: field
        readOnly: true
        selectByMouse: true
        font.family: "DejaVu Sans Mono"
        font.pixelSize: 12
        Layout.fillWidth: true
        // Show where the URL starts, not where the cursor was left.
        onTextChanged: cursorPosition = 0
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
