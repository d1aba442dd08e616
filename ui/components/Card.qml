import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A titled panel; children are laid out in a column under the title.
Rectangle {
    id: card

    property string title
    default property alias content: column.data

    color: palette.base
    radius: 8
    border.color: palette.mid
    implicitWidth: column.implicitWidth + 32
    implicitHeight: column.implicitHeight + 32

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10

        Label {
            text: card.title
            visible: text.length > 0
            color: palette.placeholderText
            font.pixelSize: 12
            font.bold: true
            font.letterSpacing: 1
            font.capitalization: Font.AllUppercase
        }
    }
}
