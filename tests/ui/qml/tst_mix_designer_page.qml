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

    // Scrolls the side panel until `item` is on screen, so the mouse can reach it.
    function reveal(page, item) {
        const flick = findChild(page, "sidePanel").contentItem
        const y = item.mapToItem(flick.contentItem, 0, 0).y
        flick.contentY = Math.max(0, Math.min(y - 40, flick.contentHeight - flick.height))
        waitForRendering(item)
    }

    function typeText(text) {
        for (const c of text)
            keyClick(c)
    }

    // Replaces a field's text by typing, and finishes the edit with Return.
    function typeInto(page, field, text) {
        reveal(page, field)
        mouseClick(field)
        field.selectAll()
        typeText(text)
        keyClick(Qt.Key_Return)
    }

    // Opens a combo box with the mouse and clicks the entry reading `text`.
    function pick(page, box, text) {
        reveal(page, box)
        mouseClick(box)
        tryCompare(box.popup, "opened", true)
        const list = box.popup.contentItem
        for (let i = 0; i < list.count; ++i) {
            const entry = list.itemAtIndex(i)
            if (entry.text === text) {
                mouseClick(entry)
                tryCompare(box.popup, "visible", false)
                return
            }
        }
        fail("no entry " + text)
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

    function test_aFurtherOutputHasItsOwnCodecs() {
        const page = openPage()
        const stream = findChild(page, "moreStream")
        typeInto(page, stream, "small")
        mouseClick(findChild(page, "addOutputButton"))
        compare(page.mix.moreOutputs.length, 1)
        const video = findChild(page, "outputVideoCodec0")
        const audio = findChild(page, "outputAudioCodec0")
        compare([video.displayText, audio.displayText], ["H.264", "AAC-LC"])  // the first output's
        pick(page, video, "H.265")
        pick(page, findChild(page, "outputAudioCodec0"), "Opus")
        pick(page, findChild(page, "videoCodecBox"), "VP8")
        compare(findChild(page, "outputVideoCodec0").displayText, "H.265")
        compare(findChild(page, "outputAudioCodec0").displayText, "Opus")

        // A third output starts as VP8; H.264 there would be a third video codec.
        typeInto(page, stream, "tiny")
        mouseClick(findChild(page, "addOutputButton"))
        const tiny = findChild(page, "outputVideoCodec1")
        compare(tiny.displayText, "VP8")
        pick(page, tiny, "H.264")
        compare(findChild(page, "mixError").text, "The outputs can use at most two different video codecs.")
        compare(findChild(page, "outputVideoCodec1").displayText, "VP8")  // shown as it stays

        const outputs = JSON.parse(page.mix.exportJson()).MixOutput
        compare(outputs, [
            Object.assign({}, startBody.MixOutput[0], {VideoEncId: 2}),
            {StreamId: "small", Width: 640, Height: 360, Fps: 20, VideoBitrate: 800000,
             AudioBitrate: 48000, SoundChannel: 2, VideoEncId: 3, AudioCodec: 3},
            {StreamId: "tiny", Width: 640, Height: 360, Fps: 20, VideoBitrate: 800000,
             AudioBitrate: 48000, SoundChannel: 2, VideoEncId: 2, AudioCodec: 1}
        ])
    }

    function test_everyOutputHasItsOwnSound() {
        const page = openPage()
        typeInto(page, findChild(page, "moreStream"), "small")
        mouseClick(findChild(page, "addOutputButton"))
        const rate = findChild(page, "outputSound0Rate")
        compare(rate.value, 48)  // the first output's
        typeInto(page, rate.contentItem, "96")
        pick(page, findChild(page, "outputSound0Channels"), "Mono")
        pick(page, findChild(page, "outputSoundChannels"), "Mono")
        const outputs = JSON.parse(page.mix.exportJson()).MixOutput
        compare([outputs[0].AudioBitrate, outputs[0].SoundChannel], [48000, 1])
        compare([outputs[1].AudioBitrate, outputs[1].SoundChannel], [96000, 1])

        // Every row fits the side panel: nothing is cut off at its edge.
        const panel = findChild(page, "sidePanel")
        for (const name of ["outputSoundChannels", "audioCodecBox", "outputSound0Channels",
                            "outputAudioCodec0", "outputRemove0"]) {
            const item = findChild(page, name)
            const right = item.mapToItem(panel, item.width, 0).x
            verify(right <= panel.availableWidth, name + " ends at " + right + " of "
                   + panel.availableWidth)
        }
    }

    function test_labelOffsetColourTransparencyAndOutline() {
        const page = openPage()
        mouseClick(findChild(page, "tile0"), 30, 30)
        compare(page.selected, 0)
        typeInto(page, findChild(page, "labelField"), "Host")
        const tileLabel = findChild(page, "tileLabel")
        verify(tileLabel.visible)
        compare(String(tileLabel.color), "#ffffff")  // the spec's default: white

        typeInto(page, findChild(page, "labelColorField"), "#ff8000")
        compare(String(tileLabel.color), "#ff8000")
        typeInto(page, findChild(page, "labelTransparencyField").contentItem, "40")
        fuzzyCompare(tileLabel.opacity, 0.6, 0.001)
        typeInto(page, findChild(page, "labelBorderField"), "#000010")
        compare(tileLabel.style, Text.Outline)
        typeInto(page, findChild(page, "labelLeftField").contentItem, "30")
        fuzzyCompare(tileLabel.x, screen(page, 30), 0.5)

        const label = () => JSON.parse(page.mix.exportJson()).MixInput[0].Label
        compare(label(), {Text: "Host", Left: 30, Top: 12,
                          Font: {FontType: 0, FontColor: 33023, Transparency: 40, BorderColor: 1048576}})

        const colorField = findChild(page, "labelColorField")
        typeInto(page, colorField, "nope")
        verify(findChild(page, "mixError").text.length > 0)
        compare(colorField.text, "#ff8000")  // the colour it still has
        mouseClick(findChild(page, "labelSwatch_#ffd400"))
        compare(label().Font.FontColor, 0xd4ff)  // 255 + 212×256
        mouseClick(findChild(page, "labelBorderNone"))
        verify(label().Font.BorderColor === undefined)
        compare(tileLabel.style, Text.Normal)
    }
}
