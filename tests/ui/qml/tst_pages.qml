import QtQuick
import QtTest
import Regie.Console
import Regie.Ui

// Pages bound to a session that never connected: they render, say so, and show no data.
TestCase {
    name: "Pages"
    width: 1070
    height: 750
    when: windowShown

    Component {
        id: dashboard
        DashboardPage { anchors.fill: parent; session: idleSession }
    }

    Component {
        id: log
        LogPage { anchors.fill: parent; session: idleSession }
    }

    Component {
        id: settings
        SettingsPage { anchors.fill: parent; session: idleSession; languages: testLanguages }
    }

    function test_dashboardShowsNoData() {
        const page = createTemporaryObject(dashboard, this)
        verify(page !== null)
        compare(findChild(page, "uptime").text, "—")
        compare(page.live, false)
        compare(idleSession.dashboard.counters.count, 0)
    }

    function test_logFiltersByLevel() {
        const page = createTemporaryObject(log, this)
        const box = findChild(page, "levelBox")
        compare(box.count, 5)
        compare(box.currentIndex, LogModel.Info)
        compare(idleSession.engineLogLevel, LogModel.Info)
        box.currentIndex = LogModel.Warn
        compare(idleSession.engineLogLevel, LogModel.Warn)
        box.currentIndex = LogModel.Info
    }

    function test_settingsStartInBundledMode() {
        const page = createTemporaryObject(settings, this)
        compare(findChild(page, "remoteButton").checked, false)
        const languages = findChild(page, "languageBox")
        compare(languages.count, 2)
        compare(languages.currentText, "English")
    }
}
