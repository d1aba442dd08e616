import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A titled panel; children are laid out in a column under the title.
Rectangle {
    id: card

    property string title
    // Stretch the content to the card's height (for lists) instead of keeping it at the top.
    property bool stretch: false
    default property alias content: column.data

    color: "#1b1f26"
    radius: 8
    border.color: palette.mid
    implicitWidth: column.implicitWidth + 32
    implicitHeight: column.implicitHeight + 32

    ColumnLayout {
        id: column
        x: 16
        y: 16
        width: card.width - 32
        height: card.stretch ? card.height - 32 : implicitHeight
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
