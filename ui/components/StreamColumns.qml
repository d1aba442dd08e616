import QtQuick

// Column widths shared by the stream list's header and rows; the stream name takes the rest.
QtObject {
    readonly property int tracks: 150
    readonly property int bitrate: 80
    readonly property int readers: 64
    readonly property int uptime: 72
}
