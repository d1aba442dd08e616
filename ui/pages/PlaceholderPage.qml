import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A page whose feature has not landed: says so, shows no data.
Item {
    id: page

    property string title
    property string arrivesWith

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 560)
        spacing: 12

        Label {
            text: page.title
            font.pixelSize: 26
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "notice"
            text: qsTr("Not built yet — arrives with %1.").arg(page.arrivesWith)
            color: palette.placeholderText
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
    }
}
