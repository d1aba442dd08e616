import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Regie.Console
import "components"
import "pages"

ApplicationWindow {
    id: window

    required property ConsoleSession session
    required property LanguageManager languages
    property string initialPage: "dashboard"

    width: 1280
    height: 800
    minimumWidth: 1024
    minimumHeight: 640
    visible: true
    title: qsTr("Regie — control room")

    palette.window: "#14171c"
    palette.windowText: "#e6e9ef"
    palette.base: "#0f1216"
    palette.alternateBase: "#232833"
    palette.text: "#e6e9ef"
    palette.button: "#272d37"
    palette.buttonText: "#e6e9ef"
    palette.brightText: "#ffffff"
    palette.highlight: "#2f81f7"
    palette.highlightedText: "#ffffff"
    palette.mid: "#2d333d"
    palette.dark: "#0f1115"
    palette.light: "#3a414d"
    palette.placeholderText: "#8b94a5"
    palette.toolTipBase: "#272d37"
    palette.toolTipText: "#e6e9ef"
    color: palette.window

    // The pages of the architecture, in rail order. Titles are translated where shown.
    ListModel {
        id: pages
        ListElement { key: "dashboard"; title: QT_TR_NOOP("Dashboard"); glyph: "◉" }
        ListElement { key: "streams"; title: QT_TR_NOOP("Streams"); glyph: "▶" }
        ListElement { key: "rooms"; title: QT_TR_NOOP("Rooms"); glyph: "◫" }
        ListElement { key: "mix"; title: QT_TR_NOOP("Mix Designer"); glyph: "▦" }
        ListElement { key: "rules"; title: QT_TR_NOOP("Rules"); glyph: "⊘" }
        ListElement { key: "moderation"; title: QT_TR_NOOP("Moderation"); glyph: "⚑" }
        ListElement { key: "recordings"; title: QT_TR_NOOP("Recordings"); glyph: "●" }
        ListElement { key: "proxies"; title: QT_TR_NOOP("Proxies & RTP"); glyph: "⇄" }
        ListElement { key: "settings"; title: QT_TR_NOOP("Settings"); glyph: "⚙" }
        ListElement { key: "log"; title: QT_TR_NOOP("Log"); glyph: "≡" }
    }

    function pageIndex(key) {
        for (let i = 0; i < pages.count; ++i) {
            if (pages.get(i).key === key)
                return i
        }
        return 0
    }

    header: ToolBar {
        height: 48
        background: Rectangle {
            color: window.palette.dark
            Rectangle {
                width: parent.width
                height: 1
                anchors.bottom: parent.bottom
                color: window.palette.mid
            }
        }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 16
            anchors.rightMargin: 16
            spacing: 14

            Label {
                text: "REGIE"
                font.pixelSize: 18
                font.bold: true
                font.letterSpacing: 3
                color: window.palette.highlight
            }
            Label {
                text: qsTr("Control room")
                color: window.palette.placeholderText
            }
            Item { Layout.fillWidth: true }
            Label {
                visible: window.session.dashboard.version.length > 0
                text: qsTr("Engine %1").arg(window.session.dashboard.version)
                color: window.palette.placeholderText
                font.family: "DejaVu Sans Mono"
            }
            Label {
                visible: window.session.engineUrl.length > 0
                text: window.session.engineUrl
                color: window.palette.placeholderText
                font.family: "DejaVu Sans Mono"
            }
            ConnectionPill {
                objectName: "connectionPill"
                connectionState: window.session.state
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            color: window.palette.dark
            Layout.preferredWidth: 210
            Layout.fillHeight: true

            ListView {
                id: rail
                objectName: "rail"
                anchors.fill: parent
                anchors.topMargin: 12
                model: pages
                currentIndex: window.pageIndex(window.initialPage)
                interactive: false
                spacing: 2

                delegate: ItemDelegate {
                    id: railItem

                    required property int index
                    required property string title
                    required property string glyph
                    readonly property bool current: ListView.isCurrentItem

                    width: ListView.view.width
                    height: 42
                    onClicked: rail.currentIndex = index

                    background: Rectangle {
                        color: railItem.current ? window.palette.alternateBase
                                                : railItem.hovered ? "#1d2129" : "transparent"
                        Rectangle {
                            visible: railItem.current
                            width: 3
                            height: parent.height
                            color: window.palette.highlight
                        }
                    }
                    contentItem: RowLayout {
                        spacing: 12
                        Label {
                            text: railItem.glyph
                            color: railItem.current ? window.palette.highlight
                                                    : window.palette.placeholderText
                            horizontalAlignment: Text.AlignHCenter
                            Layout.preferredWidth: 20
                            Layout.leftMargin: 8
                        }
                        Label {
                            text: qsTr(railItem.title)
                            color: railItem.current ? window.palette.windowText
                                                    : window.palette.placeholderText
                            font.bold: railItem.current
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            Rectangle {
                width: 1
                height: parent.height
                anchors.right: parent.right
                color: window.palette.mid
            }
        }

        StackLayout {
            id: stack
            currentIndex: rail.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            DashboardPage {
                session: window.session
            }
            StreamsPage {
                session: window.session
            }
            RoomsPage {
                session: window.session
            }
            MixDesignerPage {
                session: window.session
            }
            RulesPage {
                session: window.session
            }
            PlaceholderPage {
                title: qsTr("Moderation")
                arrivesWith: qsTr("the moderation service")
            }
            PlaceholderPage {
                title: qsTr("Recordings")
                arrivesWith: qsTr("the record service and the media library")
            }
            PlaceholderPage {
                title: qsTr("Proxies & RTP")
                arrivesWith: qsTr("the proxy and RTP services")
            }
            SettingsPage {
                session: window.session
                languages: window.languages
            }
            LogPage {
                session: window.session
            }
        }
    }
}
