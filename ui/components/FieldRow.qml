import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One "name: value" line in a card.
RowLayout {
    property alias name: nameLabel.text
    property alias value: valueLabel.text
    property bool monospace: false

    spacing: 12

    Label {
        id: nameLabel
        color: palette.placeholderText
        Layout.preferredWidth: 120
        elide: Text.ElideRight
    }
    Label {
        id: valueLabel
        font.family: parent.monospace ? "DejaVu Sans Mono" : nameLabel.font.family
        elide: Text.ElideMiddle
        Layout.fillWidth: true
    }
}
