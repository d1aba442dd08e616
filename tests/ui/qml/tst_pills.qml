import QtQuick
import QtTest
import Regie.Console
import Regie.Ui

TestCase {
    name: "Pills"
    when: windowShown

    Component {
        id: connectionPill
        ConnectionPill {}
    }

    Component {
        id: statusPill
        StatusPill {}
    }

    function test_connectionStates_data() {
        return [
            { tag: "idle", state: ConsoleSession.Idle, text: "Not connected", tone: "#8a93a3" },
            { tag: "starting", state: ConsoleSession.StartingEngine, text: "Starting engine", tone: "#d29922" },
            { tag: "connecting", state: ConsoleSession.Connecting, text: "Connecting", tone: "#d29922" },
            { tag: "connected", state: ConsoleSession.Connected, text: "Connected", tone: "#3fb950" },
            { tag: "reconnecting", state: ConsoleSession.Reconnecting, text: "Reconnecting", tone: "#d29922" }
        ]
    }

    function test_connectionStates(data) {
        const pill = createTemporaryObject(connectionPill, this, { connectionState: data.state })
        compare(pill.text, data.text)
        verify(Qt.colorEqual(pill.tone, data.tone), `tone ${pill.tone}`)
    }

    function test_statusPillGrowsWithText() {
        const short_ = createTemporaryObject(statusPill, this, { text: "OK" })
        const long_ = createTemporaryObject(statusPill, this, { text: "A much longer status text" })
        verify(long_.implicitWidth > short_.implicitWidth + 50)
    }
}
