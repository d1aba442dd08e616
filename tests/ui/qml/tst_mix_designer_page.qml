import QtQuick
import QtTest
import Regie.Console
import Regie.Ui

// The Mix Designer's canvas driven with the mouse: moving with snapping, resizing with the
// aspect kept, selection, undo of a whole gesture, positions in %, and the exact StartMix body
// the edits produce. The session never connects, so no video plays. Qt 6.4's mouseMove carries
// no keyboard modifiers, so Alt (free placing) and Shift (free aspect) are covered by the
// model's tests (tst_mix_designer) instead.
TestCase {
    name: "MixDesignerPage"
    width: 1070
    height: 750
    when: windowShown
    visible: true

    Component {
        id: designerPage
        MixDesignerPage { anchors.fill: parent; session: idleSession }
    }

    readonly property var startBody: ({
        TaskId: "qml", UserId: "regie-console", Sequence: 1,
        MixInput: [{StreamId: "cam1", RenderMode: 0, Volume: 100, ContentControl: 0,
                    RectInfo: {Left: 200, Top: 100, Right: 520, Bottom: 280, Layer: 0, CornerRadius: 0}}],
        MixOutput: [{StreamId: "program", Width: 1280, Height: 720, Fps: 20, VideoBitrate: 2500000,
                     AudioBitrate: 48000, AudioCodec: 1, SoundChannel: 2}],
        BackGroundColorHex: "0x00000000"
    })

    function openPage() {
        verify(idleSession.mix.importJson(JSON.stringify(startBody)))
        const page = createTemporaryObject(designerPage, this)
        verify(page !== null)
        const tile = findChild(page, "tile0")
        verify(tile !== null)
        waitForRendering(tile)
        return page
    }

    function rectOf(page) {
        const m = page.mix
        return [m.inputValue(0, "rectLeft"), m.inputValue(0, "rectTop"),
                m.inputValue(0, "rectWidth"), m.inputValue(0, "rectHeight")]
    }

    // Drags from 30 px inside the input's rectangle. The points are given relative to the canvas,
    // which stays put, not to the rectangle, which follows the drag.
    function dragTile(page, dx, dy) {
        const tile = findChild(page, "tile0")
        mouseDrag(findChild(page, "canvas"), tile.x + 30, tile.y + 30, dx, dy)
    }

    // Screen pixels for `canvasPixels` of the output canvas.
    function screen(page, canvasPixels) {
        return canvasPixels * findChild(page, "canvas").width / page.mix.canvasWidth
    }

    function test_dragMovesTheRectangle() {
        const page = openPage()
        dragTile(page, screen(page, 100), screen(page, 60))
        const r = rectOf(page)
        fuzzyCompare(r[0], 300, 3)
        fuzzyCompare(r[1], 160, 3)
        compare(r[2], 320)
        compare(r[3], 180)
    }

    function test_dragSnapsToTheCanvasEdge() {
        const page = openPage()
        // 195 px left would put the edge at 5: it snaps to 0.
        dragTile(page, -screen(page, 195), 0)
        compare(rectOf(page)[0], 0)
        compare(page.mix.guides.length, 0)  // guides go when the gesture ends
        page.mix.undo()
        compare(rectOf(page)[0], 200)
        // 180 px left leaves it 20 px from the edge: out of reach, it stays there.
        dragTile(page, -screen(page, 180), 0)
        fuzzyCompare(rectOf(page)[0], 20, 3)
    }

    function test_oneDragIsOneUndoStep() {
        const page = openPage()
        const before = rectOf(page)
        dragTile(page, screen(page, 150), screen(page, 90))
        verify(rectOf(page)[0] !== before[0])
        mouseClick(findChild(page, "undoButton"))
        compare(rectOf(page), before)
        mouseClick(findChild(page, "redoButton"))
        verify(rectOf(page)[0] !== before[0])
    }

    function test_resizeKeepsTheAspect() {
        const page = openPage()
        const tile = findChild(page, "tile0")
        mouseClick(tile, 30, 30)
        compare(page.selected, 0)
        const handle = findChild(tile, "resizeHandle")
        verify(handle.visible)
        const canvas = findChild(page, "canvas")
        const grip = handle.mapToItem(canvas, 5, 5)
        mouseDrag(canvas, grip.x, grip.y, screen(page, 160), screen(page, 20))
        const r = rectOf(page)
        compare([r[0], r[1]], [200, 100])  // the rectangle grew; it did not move
        fuzzyCompare(r[2], 480, 4)
        compare(r[3], Math.floor(r[2] * 180 / 320) & ~1)  // 16:9 kept
        page.mix.undo()
        compare(rectOf(page), [200, 100, 320, 180])
    }

    function test_positionsEditInPercent() {
        const page = openPage()
        mouseClick(findChild(page, "tile0"), 30, 30)
        compare(page.selected, 0)
        mouseClick(findChild(page, "canvas"), 2, 2)  // the bare canvas clears the selection
        compare(page.selected, -1)
        mouseClick(findChild(page, "tile0"), 30, 30)
        mouseClick(findChild(page, "percentButton"))
        const left = findChild(page, "geometry_rectLeft")
        compare(left.displayText, "X 15.6%")  // 200 of 1280
        left.contentItem.forceActiveFocus()
        left.contentItem.selectAll()
        keyClick(Qt.Key_5)
        keyClick(Qt.Key_0)
        keyClick(Qt.Key_Return)
        compare(rectOf(page)[0], 640)
        mouseClick(findChild(page, "pxButton"))
        compare(left.displayText, "X 640")
    }

    function test_theStartMixBodyFollowsTheEdits() {
        const page = openPage()
        dragTile(page, -screen(page, 195), -screen(page, 97))
        page.mix.setLabel(0, "Host")
        const body = JSON.parse(page.mix.exportJson())
        compare(body, {
            TaskId: "qml", UserId: "regie-console", Sequence: body.Sequence,
            MixInput: [{StreamId: "cam1", RenderMode: 0, Volume: 100, ContentControl: 0,
                        RectInfo: {Left: 0, Top: 0, Right: 320, Bottom: 180, Layer: 0, CornerRadius: 0},
                        Label: {Text: "Host", Left: 12, Top: 12, Font: {FontType: 0}}}],
            MixOutput: startBody.MixOutput,
            BackGroundColorHex: "0x00000000"
        })
        verify(findChild(page, "tileLabel").visible)
    }

    function test_labelFontAndSizeGoIntoEveryLabel() {
        const page = openPage()
        const fontBox = findChild(page, "labelFontBox")
        verify(!fontBox.enabled)  // no label yet
        mouseClick(findChild(page, "tile0"))
        compare(page.selected, 0)
        page.mix.setLabel(0, "Host")
        verify(fontBox.enabled)
        compare(fontBox.count, 4)
        fontBox.currentIndex = 3
        fontBox.activated(3)
        const size = findChild(page, "labelSizeField")
        verify(size.enabled)
        size.value = 40
        size.valueModified()
        const label = JSON.parse(page.mix.exportJson()).MixInput[0].Label
        compare(label.Font, {FontType: 3, FontSize: 40})
        compare(page.mix.labelFont, 3)
    }
}
