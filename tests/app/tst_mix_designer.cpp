// The Mix Designer's model: templates, snapping with guides, aspect-locked resizing, undo and
// redo of whole gestures, the exact StartMix body, export/import and named layouts, labels and
// placeholders, and opening the engine's running task from the feed.
#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "api_client.h"
#include "event_feed.h"
#include "mix_designer.h"

namespace {

QRect rectOf(const MixDesigner& mix, int row) {
    return mix.layout().inputs.at(row).rect;
}

}  // namespace

class TestMixDesigner : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_mix = std::make_unique<MixDesigner>(&m_client, &m_tasks, m_dir->filePath("regie.ini"));
    }

    void templatesTileTheCanvas() {
        const QList<QRect> grid = templateRects(MixTemplate::grid2x2, 1280, 720);
        QCOMPARE(grid, (QList<QRect>{QRect(0, 0, 640, 360), QRect(640, 0, 640, 360),
                                     QRect(0, 360, 640, 360), QRect(640, 360, 640, 360)}));
        const QList<QRect> large = templateRects(MixTemplate::oneLargeFiveSmall, 1280, 720);
        QCOMPARE(large.size(), 6);
        QCOMPARE(large.first(), QRect(0, 0, 853, 480));
        QCOMPARE(large.last(), QRect(853, 480, 427, 240));
        const QList<QRect> pip = templateRects(MixTemplate::pictureInPicture, 1280, 720);
        QCOMPARE(pip.at(1), QRect(1280 - 320 - 40, 720 - 180 - 40, 320, 180));
        QCOMPARE(templateRects(MixTemplate::grid3x3, 1280, 720).size(), 9);
    }

    void applyingATemplateKeepsTheStreamsInOrder() {
        QAbstractItemModelTester tester(m_mix.get());
        m_mix->addInput("a");
        m_mix->addInput("b");
        m_mix->applyTemplate("side");
        QCOMPARE(m_mix->rowCount(), 2);
        QCOMPARE(m_mix->layout().inputs.at(1).streamId, QString("b"));
        QCOMPARE(rectOf(*m_mix, 1), QRect(640, 0, 640, 720));
        m_mix->applyTemplate("grid2x2");  // two more, still to be assigned
        QCOMPARE(m_mix->rowCount(), 4);
        QVERIFY(m_mix->layout().inputs.at(3).streamId.isEmpty());
    }

    void movesSnapToEdgesCentresAndOtherRectangles() {
        m_mix->addInput("a");
        m_mix->setGeometry(0, 0, 0, 400, 300);
        m_mix->moveTo(0, 5, 4, true, 0);  // near the canvas corner
        QCOMPARE(rectOf(*m_mix, 0).topLeft(), QPoint(0, 0));
        m_mix->moveTo(0, 1280 / 2 - 200 + 6, 100, true, 0);  // centre lines up with the canvas's
        QCOMPARE(rectOf(*m_mix, 0).left(), 440);
        QCOMPARE(m_mix->guides().first().toMap().value("position").toInt(), 640);
        m_mix->moveTo(0, 1280 / 2 - 200 + 6, 100, false, 0);  // a modifier: no snapping
        QCOMPARE(rectOf(*m_mix, 0).left(), 446);
        m_mix->addInput("b");
        m_mix->setGeometry(1, 0, 0, 200, 200);
        m_mix->moveTo(1, 446 + 400 + 3, 500, true, 0);  // beside a's right edge
        QCOMPARE(rectOf(*m_mix, 1).left(), 846);
        m_mix->moveTo(1, 2000, 2000, false, 0);  // kept on the canvas
        QCOMPARE(rectOf(*m_mix, 1), QRect(1080, 520, 200, 200));
        m_mix->moveTo(1, 83, 157, true, 40);  // the grid
        QCOMPARE(rectOf(*m_mix, 1).topLeft(), QPoint(80, 160));
    }

    void resizeKeepsTheAspectUnlessFreed() {
        m_mix->addInput("a");
        m_mix->setGeometry(0, 0, 0, 640, 360);
        m_mix->resizeTo(0, 320, 999, true);
        QCOMPARE(rectOf(*m_mix, 0).size(), QSize(320, 180));
        m_mix->resizeTo(0, 320, 100, false);
        QCOMPARE(rectOf(*m_mix, 0).size(), QSize(320, 100));
    }

    void aGestureIsOneUndoStep() {
        m_mix->addInput("a");
        m_mix->setGeometry(0, 0, 0, 100, 100);
        m_mix->beginGesture();
        for (int x = 10; x <= 100; x += 10) {
            m_mix->moveTo(0, x, 50, false, 0);
        }
        m_mix->endGesture();
        QCOMPARE(rectOf(*m_mix, 0).topLeft(), QPoint(100, 50));
        m_mix->undo();
        QCOMPARE(rectOf(*m_mix, 0).topLeft(), QPoint(0, 0));
        m_mix->redo();
        QCOMPARE(rectOf(*m_mix, 0).topLeft(), QPoint(100, 50));
        m_mix->undo();
        m_mix->undo();  // the setGeometry
        m_mix->undo();  // the addInput
        QCOMPARE(m_mix->rowCount(), 0);
        QVERIFY(!m_mix->canUndo() && m_mix->canRedo());
    }

    void startMixBodyIsExactlyTheSpecs() {
        m_mix->setOutput("show", "program", 640, 360, 25, 1200000, "#87cefa");
        m_mix->addInput("cam1");
        m_mix->setGeometry(0, 10, 20, 300, 200);
        m_mix->setVolume(0, 150);
        m_mix->setMuted(0, true);
        m_mix->setRenderMode(0, 1);
        m_mix->setCornerRadius(0, 12);
        m_mix->raise(0);
        const QJsonObject body = toStartMix(m_mix->layout(), 42);
        const QByteArray expected =
            R"({"BackGroundColorHex":"0x87CEFA00","MixInput":[{"ContentControl":2,)"
            R"("RectInfo":{"Bottom":220,"CornerRadius":12,"Layer":1,"Left":10,"Right":310,"Top":20},)"
            R"("RenderMode":1,"StreamId":"cam1","Volume":150}],"MixOutput":[{"AudioBitrate":48000,)"
            R"("AudioCodec":1,"Fps":25,"Height":360,"SoundChannel":2,"StreamId":"program",)"
            R"("VideoBitrate":1200000,"Width":640}],"Sequence":42,"TaskId":"show",)"
            R"("UserId":"regie-console"})";
        QCOMPARE(QJsonDocument(body).toJson(QJsonDocument::Compact), expected);
    }

    void exportImportAndNamedLayoutsRoundTrip() {
        m_mix->addInput("a");
        m_mix->addInput("b");
        m_mix->applyTemplate("pip");
        const QString json = m_mix->exportJson();
        const MixLayout before = m_mix->layout();
        m_mix->saveLayout("interview");
        QCOMPARE(m_mix->savedLayouts(), QStringList{"interview"});
        m_mix->applyTemplate("single");
        QVERIFY(m_mix->loadLayout("interview"));
        QCOMPARE(m_mix->layout(), before);
        QVERIFY(!m_mix->importJson("{\"TaskId\":1}"));
        QVERIFY(!m_mix->lastError().isEmpty());
        QVERIFY(m_mix->importJson(json));
        QCOMPARE(m_mix->layout(), before);
    }

    void theLayoutBeingEditedSurvivesARestart() {
        m_mix->addInput("a");
        m_mix->applyTemplate("pip");
        const MixLayout edited = m_mix->layout();
        m_mix.reset();
        MixDesigner again(&m_client, &m_tasks, m_dir->filePath("regie.ini"));
        QCOMPARE(again.layout(), edited);
        QCOMPARE(again.rowCount(), 2);
        QVERIFY(again.savedLayouts().isEmpty());  // the working layout is not a named one
    }

    void applyRefusesUnassignedRectangles() {
        m_mix->applyTemplate("side");
        m_mix->apply();
        QCOMPARE(m_mix->lastError(), QString("Assign a stream to every rectangle first."));
        QVERIFY(!m_mix->running());
    }

    void anImportedBodyKeepsWhatTheDesignerDoesNotEdit() {
        const QByteArray body =
            R"({"BackGroundColorHex":"0x10203000","BackgroundImage":"http://img/bg.png",)"
            R"("MixInput":[{"ContentControl":1,"Image":{"DisplayMode":1,"Url":"http://img/a.png"},)"
            R"("Label":{"Font":{"FontSize":30,"FontType":0},"Left":4,"Text":"A","Top":4},)"
            R"("RectInfo":{"Bottom":360,"CornerRadius":0,"Layer":0,"Left":0,"Right":640,"Top":0},)"
            R"("RenderMode":0,"StreamUrl":"rtmp://far/live/a","Volume":100},)"
            R"({"RectInfo":{},"StreamId":"voice"}],)"
            R"("MixOutput":[{"AudioBitrate":64000,"AudioCodec":1,"Fps":25,"Height":720,)"
            R"("SoundChannel":1,"StreamId":"out","TargetRoom":{"RoomId":"r","UserId":"u"},)"
            R"("VideoBitrate":2000000,"Width":1280},{"Height":360,"StreamId":"small",)"
            R"("VideoBitrate":600000,"Width":640}],"RoomId":"r","Sequence":9,"TaskId":"t",)"
            R"("UserId":"someone","WaterMark":{"Image":"http://img/w.png",)"
            R"("RectInfo":{"Bottom":40,"Left":0,"Right":40,"Top":0}}})";
        QVERIFY(m_mix->importJson(QString::fromUtf8(body)));
        QCOMPARE(m_mix->rowCount(), 1);  // the voice-only input has no rectangle
        QCOMPARE(m_mix->inputValue(0, "source").toString(), QString("rtmp://far/live/a"));
        QCOMPARE(m_mix->inputValue(0, "labelText").toString(), QString("A"));
        QCOMPARE(m_mix->inputValue(0, "imageMode").toInt(), 1);
        QCOMPARE(QJsonDocument(toStartMix(m_mix->layout(), 9)).toJson(QJsonDocument::Compact),
                 body);
    }

    void labelsAndPlaceholdersAreEdited() {
        m_mix->addInput("cam1");
        m_mix->setLabel(0, "Host");
        m_mix->setPlaceholder(0, "http://img/off.png", 2);
        auto firstInput = [&] {
            return toStartMix(m_mix->layout(), 1).value("MixInput").toArray().first().toObject();
        };
        QJsonObject input = firstInput();
        const QJsonObject label = input.value("Label").toObject();
        const QJsonObject image = input.value("Image").toObject();
        QCOMPARE(label.value("Text").toString(), QString("Host"));
        QCOMPARE(label.value("Font").toObject().value("FontType").toInt(-1), 0);
        QCOMPARE(image.value("Url").toString(), QString("http://img/off.png"));
        QCOMPARE(image.value("DisplayMode").toInt(), 2);
        m_mix->setLabel(0, "");
        m_mix->setPlaceholder(0, "", 0);
        input = firstInput();
        QVERIFY(!input.contains("Label") && !input.contains("Image"));
        m_mix->undo();
        QCOMPARE(m_mix->inputValue(0, "labelText").toString(), QString());
        QCOMPARE(m_mix->inputValue(0, "imageUrl").toString(), QString("http://img/off.png"));
    }

    void oneLabelFontForTheWholeTask() {
        m_mix->addInput("cam1");
        m_mix->addInput("cam2");
        m_mix->addInput("cam3");
        QCOMPARE(m_mix->labelFont(), -1);
        m_mix->setLabel(0, "Host");
        m_mix->setLabel(1, "Guest");
        m_mix->setLabelFont(2);
        m_mix->setLabel(2, "Late");  // a new label takes the task's font
        m_mix->setLabelSize(1, 300);
        const QJsonArray inputs = toStartMix(m_mix->layout(), 1).value("MixInput").toArray();
        auto font = [&](int row) {
            return inputs.at(row).toObject().value("Label").toObject().value("Font").toObject();
        };
        QCOMPARE(font(0), (QJsonObject{{"FontType", 2}}));
        QCOMPARE(font(1), (QJsonObject{{"FontType", 2}, {"FontSize", 100}}));  // clamped
        QCOMPARE(font(2), (QJsonObject{{"FontType", 2}}));
        QCOMPARE(m_mix->labelFont(), 2);
        QCOMPARE(m_mix->inputValue(1, "labelSize").toInt(), 100);
        QCOMPARE(m_mix->inputValue(0, "labelSize").toInt(), 24);
        m_mix->undo();
        m_mix->undo();
        m_mix->undo();
        QCOMPARE(m_mix->labelFont(), 0);
    }

    void outputsBackgroundImageAndWatermarkAreEdited() {
        m_mix->addInput("cam1");
        m_mix->addOutput("small", 641, 360, 600000);
        m_mix->addOutput("tiny", 320, 180, 300000);
        m_mix->addOutput("third", 320, 180, 300000);
        QVERIFY(m_mix->lastError().isEmpty());
        m_mix->addOutput("fourth", 320, 180, 300000);
        QVERIFY(!m_mix->lastError().isEmpty());  // four outputs at most
        QCOMPARE(m_mix->moreOutputs().size(), 3);
        m_mix->removeOutput(2);
        m_mix->setOutput("regie-mix", "mix", 1280, 720, 25, 2500000, "#000000");
        m_mix->setBackgroundImage("http://img/bg.png");
        m_mix->setWatermark("http://img/logo.png", 1200, 20, 1300, 80);
        const QJsonObject body = toStartMix(m_mix->layout(), 3);
        const QJsonArray outputs = body.value("MixOutput").toArray();
        QCOMPARE(outputs.size(), 3);
        const QJsonObject small = outputs.at(1).toObject();
        QCOMPARE(small.value("StreamId").toString(), QString("small"));
        QCOMPARE(small.value("Width").toInt(), 640);  // even
        QCOMPARE(small.value("Fps").toInt(), 25);     // the first output's rate
        QCOMPARE(body.value("BackgroundImage").toString(), QString("http://img/bg.png"));
        const QJsonObject mark = body.value("WaterMark").toObject();
        QCOMPARE(mark.value("Image").toString(), QString("http://img/logo.png"));
        QCOMPARE(mark.value("RectInfo").toObject(),
                 (QJsonObject{{"Left", 1180}, {"Top", 20}, {"Right", 1280}, {"Bottom", 80}}));
        QCOMPARE(m_mix->watermark().value("right").toInt(), 1280);
        m_mix->setCodecs(3, 2);
        m_mix->setUserData("scene 2 · 第二场");
        const QJsonObject coded = toStartMix(m_mix->layout(), 3);
        const QJsonObject first = coded.value("MixOutput").toArray().first().toObject();
        QCOMPARE(first.value("VideoEncId").toInt(), 3);
        QCOMPARE(first.value("AudioCodec").toInt(), 2);
        QCOMPARE(coded.value("UserData").toString(),
                 QString::fromLatin1(QString("scene 2 · 第二场").toUtf8().toBase64()));
        QCOMPARE(m_mix->userData(), QString("scene 2 · 第二场"));
        m_mix->setUserData("");
        QVERIFY(!toStartMix(m_mix->layout(), 3).contains("UserData"));
        m_mix->setWatermark("", 0, 0, 0, 0);
        m_mix->setBackgroundImage("");
        const QJsonObject cleared = toStartMix(m_mix->layout(), 4);
        QVERIFY(!cleared.contains("WaterMark") && !cleared.contains("BackgroundImage"));
    }

    void everyOutputHasItsOwnCodecs() {
        m_mix->addInput("cam1");
        m_mix->setCodecs(3, 3);                       // H.265, Opus
        m_mix->addOutput("small", 640, 360, 600000);  // starts with the first output's codecs
        m_mix->addOutput("tiny", 320, 180, 300000);
        m_mix->setOutputCodecs(0, 0, 2);  // H.264, MP3
        m_mix->setOutputCodecs(1, 3, 0);  // H.265, HE-AAC
        m_mix->setOutputCodecs(5, 0, 0);  // no such output
        m_mix->setCodecs(4, 7);           // not offered: both stay
        const QByteArray expected =
            R"([{"AudioBitrate":48000,"AudioCodec":3,"Fps":20,"Height":720,"SoundChannel":2,)"
            R"("StreamId":"mix","VideoBitrate":2500000,"VideoEncId":3,"Width":1280},)"
            R"({"AudioBitrate":48000,"AudioCodec":2,"Fps":20,"Height":360,"SoundChannel":2,)"
            R"("StreamId":"small","VideoBitrate":600000,"VideoEncId":0,"Width":640},)"
            R"({"AudioBitrate":48000,"AudioCodec":0,"Fps":20,"Height":180,"SoundChannel":2,)"
            R"("StreamId":"tiny","VideoBitrate":300000,"VideoEncId":3,"Width":320}])";
        QCOMPARE(outputsJson(), expected);
        const QVariantMap small = m_mix->moreOutputs().first().toMap();
        QCOMPARE(small.value("videoCodec").toInt(), 0);
        QCOMPARE(small.value("audioCodec").toInt(), 2);
        QCOMPARE(m_mix->videoCodec(), 3);
        QCOMPARE(m_mix->audioCodec(), 3);

        const MixLayout edited = m_mix->layout();
        QVERIFY(m_mix->importJson(m_mix->exportJson()));
        QCOMPARE(m_mix->layout(), edited);  // the same layout: not a step of undo
        m_mix->undo();                      // tiny's codecs
        QCOMPARE(m_mix->moreOutputs().last().toMap().value("audioCodec").toInt(), 3);
        m_mix->undo();  // small's codecs
        QCOMPARE(m_mix->moreOutputs().first().toMap().value("videoCodec").toInt(), 3);
        m_mix->redo();
        m_mix->redo();
        QCOMPARE(outputsJson(), expected);
    }

    void everyOutputHasItsOwnSound() {
        m_mix->addInput("cam1");
        m_mix->setAudio(96000, 1);
        m_mix->addOutput("small", 640, 360, 600000);  // starts with the first output's sound
        m_mix->addOutput("tiny", 320, 180, 300000);
        m_mix->setOutputAudio(0, 32000, 2);
        m_mix->setOutputAudio(1, 1000, 3);   // kept at 8 kbit/s; no third channel
        m_mix->setOutputAudio(5, 64000, 1);  // no such output
        const QByteArray expected =
            R"([{"AudioBitrate":96000,"AudioCodec":1,"Fps":20,"Height":720,"SoundChannel":1,)"
            R"("StreamId":"mix","VideoBitrate":2500000,"Width":1280},)"
            R"({"AudioBitrate":32000,"AudioCodec":1,"Fps":20,"Height":360,"SoundChannel":2,)"
            R"("StreamId":"small","VideoBitrate":600000,"VideoEncId":0,"Width":640},)"
            R"({"AudioBitrate":8000,"AudioCodec":1,"Fps":20,"Height":180,"SoundChannel":1,)"
            R"("StreamId":"tiny","VideoBitrate":300000,"VideoEncId":0,"Width":320}])";
        QCOMPARE(outputsJson(), expected);
        QCOMPARE(m_mix->audioBitrate(), 96000);
        QCOMPARE(m_mix->soundChannels(), 1);
        const QVariantMap small = m_mix->moreOutputs().first().toMap();
        QCOMPARE(small.value("audioBitrate").toInt(), 32000);
        QCOMPARE(small.value("soundChannels").toInt(), 2);

        const MixLayout edited = m_mix->layout();
        QVERIFY(m_mix->importJson(m_mix->exportJson()));
        QCOMPARE(m_mix->layout(), edited);
        m_mix->undo();  // tiny's sound
        QCOMPARE(m_mix->moreOutputs().last().toMap().value("audioBitrate").toInt(), 96000);
        m_mix->redo();
        QCOMPARE(outputsJson(), expected);
    }

    void atMostTwoVideoCodecsAmongTheOutputs() {
        m_mix->setCodecs(3, 1);
        m_mix->addOutput("small", 640, 360, 600000);
        m_mix->addOutput("tiny", 320, 180, 300000);
        m_mix->setOutputCodecs(0, 0, 1);  // H.265 and H.264: two
        QVERIFY(m_mix->lastError().isEmpty());
        const MixLayout two = m_mix->layout();
        QSignalSpy shown(m_mix.get(), &MixDesigner::layoutChanged);
        const int revision = m_mix->revision();
        m_mix->setOutputCodecs(1, 2, 1);  // VP8 would be a third
        QCOMPARE(m_mix->lastError(),
                 QString("The outputs can use at most two different video codecs."));
        QCOMPARE(m_mix->layout(), two);
        QCOMPARE(shown.size(), 1);  // the pickers show the layout again
        QCOMPARE(m_mix->revision(), revision + 1);
        m_mix->setCodecs(2, 2);  // on the first output too: nothing changes, MP3 neither
        QCOMPARE(m_mix->layout(), two);
        m_mix->undo();
        QCOMPARE(m_mix->moreOutputs().first().toMap().value("videoCodec").toInt(), 3);
        m_mix->setOutputCodecs(1, 2, 1);  // H.265 and VP8 now: allowed
        QVERIFY(m_mix->lastError().isEmpty());
        QCOMPARE(m_mix->moreOutputs().last().toMap().value("videoCodec").toInt(), 2);
    }

    void anImportedSvcOutputKeepsItsCodec() {
        const QByteArray body =
            R"({"BackGroundColorHex":"0x00000000","MixInput":[{"ContentControl":0,)"
            R"("RectInfo":{"Bottom":720,"CornerRadius":0,"Layer":0,"Left":0,"Right":1280,"Top":0},)"
            R"("RenderMode":0,"StreamId":"cam1","Volume":100}],"MixOutput":[{"AudioBitrate":48000,)"
            R"("AudioCodec":1,"ExtraLayers":[{"VideoBitrate":600000}],"Fps":20,"Height":720,)"
            R"("StreamId":"out","VideoBitrate":2500000,"VideoEncId":4,"Width":1280}],)"
            R"("Sequence":3,"TaskId":"t","UserId":"u"})";
        QVERIFY(m_mix->importJson(QString::fromUtf8(body)));
        QCOMPARE(m_mix->videoCodec(), 4);
        QCOMPARE(QJsonDocument(toStartMix(m_mix->layout(), 3)).toJson(QJsonDocument::Compact),
                 body);
        m_mix->setCodecs(m_mix->videoCodec(), 2);  // the audio picker keeps the SVC video
        const QJsonObject out =
            toStartMix(m_mix->layout(), 3).value("MixOutput").toArray().first().toObject();
        QCOMPARE(out.value("VideoEncId").toInt(), 4);
        QCOMPARE(out.value("AudioCodec").toInt(), 2);
        QCOMPARE(out.value("ExtraLayers").toArray().size(), 1);
    }

    void labelOffsetColourTransparencyAndOutline() {
        m_mix->addInput("cam1");
        m_mix->setGeometry(0, 0, 0, 640, 360);
        const MixLayout unlabelled = m_mix->layout();
        m_mix->setLabelColor(0, "#ff8000");  // no label: nothing to style
        QCOMPARE(m_mix->layout(), unlabelled);
        m_mix->setLabel(0, "Host");
        QCOMPARE(m_mix->inputValue(0, "labelColor").toString(), QString("#ffffff"));
        QCOMPARE(m_mix->inputValue(0, "labelTransparency").toInt(), 0);
        QCOMPARE(m_mix->inputValue(0, "labelBorderColor").toString(), QString());
        m_mix->setLabelOffset(0, 4000, -5);  // kept inside the rectangle
        QCOMPARE(m_mix->inputValue(0, "labelLeft").toInt(), 640);
        QCOMPARE(m_mix->inputValue(0, "labelTop").toInt(), 0);
        m_mix->setLabelOffset(0, 40, 20);
        m_mix->setLabelColor(0, "#ff8000");  // 255 + 128×256
        m_mix->setLabelTransparency(0, 130);
        m_mix->setLabelBorder(0, "#000010");  // 16×65536
        const QByteArray expected =
            R"({"Font":{"BorderColor":1048576,"FontColor":33023,"FontType":0,"Transparency":100},)"
            R"("Left":40,"Text":"Host","Top":20})";
        const auto label = [&] {
            const QJsonObject input =
                toStartMix(m_mix->layout(), 1).value("MixInput").toArray().first().toObject();
            return QJsonDocument(input.value("Label").toObject()).toJson(QJsonDocument::Compact);
        };
        QCOMPARE(label(), expected);
        const QString json = m_mix->exportJson();

        m_mix->setLabelColor(0, "orange-ish");
        QCOMPARE(m_mix->lastError(),
                 QString("\"orange-ish\" is not a colour: write it as #rrggbb."));
        QCOMPARE(label(), expected);
        m_mix->setLabelBorder(0, "none");
        QVERIFY(!label().contains("BorderColor"));
        QCOMPARE(m_mix->inputValue(0, "labelBorderColor").toString(), QString());
        m_mix->setLabel(0, "");
        QVERIFY(m_mix->importJson(json));
        QCOMPARE(label(), expected);
        QCOMPARE(m_mix->inputValue(0, "labelColor").toString(), QString("#ff8000"));
        QCOMPARE(m_mix->inputValue(0, "labelBorderColor").toString(), QString("#000010"));
        QCOMPARE(m_mix->inputValue(0, "labelTransparency").toInt(), 100);
        QCOMPARE(m_mix->inputValue(0, "labelLeft").toInt(), 40);
        m_mix->undo();  // the import
        m_mix->undo();  // the removed label
        m_mix->undo();  // the removed outline
        QCOMPARE(label(), expected);
        m_mix->undo();  // the outline
        m_mix->undo();  // the transparency
        QCOMPARE(m_mix->inputValue(0, "labelTransparency").toInt(), 0);
        QCOMPARE(m_mix->inputValue(0, "labelColor").toString(), QString("#ff8000"));
    }

    void opensTheEnginesRunningTask() {
        constexpr qint64 kSequence = 5000000000000;
        const QJsonObject body{
            {"TaskId", "show"},
            {"UserId", "producer"},
            {"Sequence", kSequence},
            {"MixInput",
             QJsonArray{QJsonObject{
                 {"StreamId", "cam1"},
                 {"RectInfo",
                  QJsonObject{{"Left", 0}, {"Top", 0}, {"Right", 320}, {"Bottom", 180}}}}}},
            {"MixOutput", QJsonArray{QJsonObject{{"StreamId", "program"},
                                                 {"Width", 640},
                                                 {"Height", 360},
                                                 {"Fps", 25},
                                                 {"VideoBitrate", 1000000}}}}};
        auto snapshot = [&](const QJsonArray& tasks) {
            m_feed.processMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject{{"type", "mixes"},
                                          {"seq", 2},
                                          {"time", 1},
                                          {"data", QJsonObject{{"tasks", tasks}}}})
                    .toJson()));
        };
        snapshot(
            QJsonArray{QJsonObject{{"TaskId", "show"},
                                   {"Action", "StartMix"},
                                   {"UserId", "producer"},
                                   {"Sequence", kSequence},
                                   {"MixDuration", 75},
                                   {"PlayInfo", QJsonArray{QJsonObject{{"StreamId", "program"}}}},
                                   {"Body", body}}});
        QCOMPARE(m_tasks.rowCount(), 1);
        QCOMPARE(m_tasks.data(m_tasks.index(0), MixTaskListModel::OutputsRole).toString(),
                 QString("program"));
        QVERIFY(!m_mix->openTask("nope"));
        QVERIFY(m_mix->openTask("show"));
        QVERIFY(m_mix->running());
        QCOMPARE(m_mix->layout().userId, QString("producer"));
        QCOMPARE(m_mix->canvasWidth(), 640);
        QCOMPARE(rectOf(*m_mix, 0), QRect(0, 0, 320, 180));
        QVERIFY(m_mix->nextSequence() > kSequence);  // the next update is accepted
        snapshot(QJsonArray{});
        QCOMPARE(m_tasks.rowCount(), 0);
        QVERIFY(!m_mix->running());  // it stopped (or was stopped elsewhere)
        m_mix->undo();
        QCOMPARE(m_mix->taskId(), QString("regie-mix"));
    }

private:
    ApiClient m_client;
    EventFeed m_feed;
    MixTaskListModel m_tasks{&m_feed};
    std::unique_ptr<QTemporaryDir> m_dir;
    // The MixOutput array Apply would send now, compact.
    QByteArray outputsJson() const {
        return QJsonDocument(toStartMix(m_mix->layout(), 1).value("MixOutput").toArray())
            .toJson(QJsonDocument::Compact);
    }

    std::unique_ptr<MixDesigner> m_mix;
};

QTEST_MAIN(TestMixDesigner)
#include "tst_mix_designer.moc"
