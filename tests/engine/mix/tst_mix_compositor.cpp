// The mix compositor on decoded pixels: placement, crop to fill against fit, layers, odd sizes
// and positions, background colour, rounded corners, scaling, pixel-format conversion and
// alpha blending; labels, in the font of each FontType.

#include <QFile>
#include <QTest>

#include "av/compositor.h"
#include "av/text_overlay.h"
#include "service/mix/mix_layout.h"

using regie::av::allocFrame;
using regie::av::Compositor;
using regie::av::FramePtr;
using regie::av::Placement;
using regie::av::Rect;
using regie::av::RenderMode;
using regie::av::Yuv;
using regie::av::yuvFromRgb;

namespace {

const Yuv kBlack = yuvFromRgb(0, 0, 0);
const Yuv kRed = yuvFromRgb(255, 0, 0);
const Yuv kBlue = yuvFromRgb(0, 0, 255);
const Yuv kGreen = yuvFromRgb(0, 255, 0);
const char* const kFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

FramePtr picture(int width, int height, AVPixelFormat format = AV_PIX_FMT_YUV420P) {
    FramePtr f = allocFrame();
    f->width = width;
    f->height = height;
    f->format = format;
    if (av_frame_get_buffer(f.get(), 0) < 0) {
        qFatal("no picture buffer");
    }
    return f;
}

// Paints columns [x0, x1) of a YUV420P picture.
void paint(AVFrame& f, Yuv color, int x0 = 0, int x1 = -1) {
    if (x1 < 0) {
        x1 = f.width;
    }
    for (int y = 0; y < f.height; ++y) {
        for (int x = x0; x < x1; ++x) {
            f.data[0][y * f.linesize[0] + x] = color.y;
            f.data[1][(y / 2) * f.linesize[1] + x / 2] = color.u;
            f.data[2][(y / 2) * f.linesize[2] + x / 2] = color.v;
        }
    }
}

FramePtr solid(int width, int height, Yuv color) {
    FramePtr f = picture(width, height);
    paint(*f, color);
    return f;
}

Yuv at(const AVFrame& canvas, int x, int y) {
    return {canvas.data[0][y * canvas.linesize[0] + x],
            canvas.data[1][(y / 2) * canvas.linesize[1] + x / 2],
            canvas.data[2][(y / 2) * canvas.linesize[2] + x / 2]};
}

bool near(Yuv a, Yuv b, int tolerance = 3) {
    return std::abs(a.y - b.y) <= tolerance && std::abs(a.u - b.u) <= tolerance &&
           std::abs(a.v - b.v) <= tolerance;
}

QByteArray text(Yuv c) {
    return QByteArray::number(c.y) + "/" + QByteArray::number(c.u) + "/" + QByteArray::number(c.v);
}

#define EXPECT_COLOR(canvas, x, y, color)                                                    \
    QVERIFY2(near(at(canvas, x, y), color),                                                  \
             QByteArray("at " + QByteArray::number(x) + "," + QByteArray::number(y) + ": " + \
                        text(at(canvas, x, y)) + " expected " + text(color))                 \
                 .constData())

}  // namespace

class TestMixCompositor : public QObject {
    Q_OBJECT

private slots:
    void rgbToYuvIsBt601LimitedRange() {
        QVERIFY(near(kBlack, {16, 128, 128}, 1));
        QVERIFY(near(yuvFromRgb(255, 255, 255), {235, 128, 128}, 1));
        QVERIFY(near(kRed, {82, 90, 240}, 1));
    }

    void backgroundFillsTheCanvas() {
        Compositor c;
        const Yuv sky = yuvFromRgb(0x87, 0xce, 0xfa);
        QVERIFY(c.begin(64, 48, sky).ok());
        for (auto [x, y] : {std::pair{0, 0}, {63, 47}, {31, 20}}) {
            EXPECT_COLOR(c.canvas(), x, y, sky);
        }
        QVERIFY(c.begin(64, 48, kBlue).ok());  // the same canvas, refilled
        EXPECT_COLOR(c.canvas(), 63, 47, kBlue);
        QCOMPARE(c.canvas().width, 64);
    }

    void sameSizePictureLandsExactlyInItsRectangle() {
        Compositor c;
        QVERIFY(c.begin(64, 48, kBlack).ok());
        auto red = solid(32, 24, kRed);
        QVERIFY(c.draw(0, *red, {{10, 8, 42, 32}}).ok());
        EXPECT_COLOR(c.canvas(), 10, 8, kRed);
        EXPECT_COLOR(c.canvas(), 41, 31, kRed);
        EXPECT_COLOR(c.canvas(), 26, 20, kRed);
        EXPECT_COLOR(c.canvas(), 8, 8, kBlack);
        EXPECT_COLOR(c.canvas(), 44, 31, kBlack);
        EXPECT_COLOR(c.canvas(), 20, 34, kBlack);
    }

    void smallerPictureIsScaledToTheRectangle() {
        Compositor c;
        QVERIFY(c.begin(64, 48, kBlack).ok());
        auto red = solid(16, 16, kRed);
        QVERIFY(c.draw(0, *red, {{0, 0, 32, 32}}).ok());
        EXPECT_COLOR(c.canvas(), 0, 0, kRed);
        EXPECT_COLOR(c.canvas(), 31, 31, kRed);
        EXPECT_COLOR(c.canvas(), 34, 10, kBlack);
    }

    void cropToFillShowsTheCentreAndFitShowsTheWholePicture() {
        // 64x16: green edges (16 px each), red middle.
        auto wide = picture(64, 16);
        paint(*wide, kGreen);
        paint(*wide, kRed, 16, 48);

        Compositor crop;
        QVERIFY(crop.begin(64, 64, kBlack).ok());
        QVERIFY(crop.draw(0, *wide, {{16, 16, 48, 48}, RenderMode::cropToFill}).ok());
        for (auto [x, y] : {std::pair{16, 16}, {47, 47}, {17, 32}, {46, 32}}) {
            EXPECT_COLOR(crop.canvas(), x, y, kRed);  // the green edges are cropped away
        }
        EXPECT_COLOR(crop.canvas(), 14, 32, kBlack);

        Compositor fit;
        QVERIFY(fit.begin(64, 64, kBlack).ok());
        QVERIFY(fit.draw(0, *wide, {{16, 16, 48, 48}, RenderMode::fit}).ok());
        // Scaled to 32x8 and centred vertically: rows 28..35.
        EXPECT_COLOR(fit.canvas(), 32, 20, kBlack);
        EXPECT_COLOR(fit.canvas(), 32, 42, kBlack);
        EXPECT_COLOR(fit.canvas(), 17, 32, kGreen);
        EXPECT_COLOR(fit.canvas(), 32, 32, kRed);
        EXPECT_COLOR(fit.canvas(), 46, 32, kGreen);
    }

    void higherLayersAreDrawnOnTop() {
        const int layers[] = {1, 0, 1};
        auto order = regie::av::drawOrder(layers);
        QCOMPARE(order, (std::vector<std::size_t>{1, 0, 2}));

        auto red = solid(32, 32, kRed);
        auto blue = solid(32, 32, kBlue);
        Compositor c;
        QVERIFY(c.begin(64, 48, kBlack).ok());
        const AVFrame* pictures[] = {red.get(), blue.get()};
        const Rect rects[] = {{0, 0, 32, 32}, {16, 8, 48, 40}};
        for (std::size_t i : regie::av::drawOrder(std::span(layers, 2))) {
            QVERIFY(c.draw(i, *pictures[i], {rects[i]}).ok());
        }
        EXPECT_COLOR(c.canvas(), 20, 20, kRed);   // overlap: layer 1 wins
        EXPECT_COLOR(c.canvas(), 40, 36, kBlue);  // only the lower one
        EXPECT_COLOR(c.canvas(), 4, 4, kRed);
    }

    void oddSizesAndPositionsArePixelExactInLuma() {
        Compositor c;
        QVERIFY(c.begin(63, 47, kBlack).ok());
        auto red = solid(17, 13, kRed);
        QVERIFY(c.draw(0, *red, {{3, 5, 20, 18}}).ok());
        const AVFrame& f = c.canvas();
        auto luma = [&](int x, int y) { return int(f.data[0][y * f.linesize[0] + x]); };
        QCOMPARE(luma(3, 5), int(kRed.y));
        QCOMPARE(luma(19, 17), int(kRed.y));
        QCOMPARE(luma(2, 5), int(kBlack.y));
        QCOMPARE(luma(20, 17), int(kBlack.y));
        QCOMPARE(luma(19, 18), int(kBlack.y));
        QCOMPARE(luma(3, 4), int(kBlack.y));
        EXPECT_COLOR(f, 11, 11, kRed);
        EXPECT_COLOR(f, 62, 46, kBlack);
    }

    void rectanglesBeyondTheCanvasAreClipped() {
        Compositor c;
        QVERIFY(c.begin(64, 48, kBlack).ok());
        auto red = solid(32, 32, kRed);
        QVERIFY(c.draw(0, *red, {{48, 32, 80, 64}}).ok());
        EXPECT_COLOR(c.canvas(), 63, 47, kRed);
        EXPECT_COLOR(c.canvas(), 47, 47, kBlack);
    }

    void cornerRadiusRoundsTheCorners() {
        Compositor c;
        QVERIFY(c.begin(64, 64, kBlack).ok());
        auto red = solid(40, 40, kRed);
        QVERIFY(c.draw(0, *red, {{12, 12, 52, 52}, RenderMode::cropToFill, 10}).ok());
        for (auto [x, y] : {std::pair{12, 12}, {14, 14}, {51, 12}, {12, 51}, {51, 51}, {49, 49}}) {
            EXPECT_COLOR(c.canvas(), x, y, kBlack);
        }
        for (auto [x, y] : {std::pair{32, 32}, {12, 32}, {32, 12}, {51, 32}, {32, 51}, {18, 18}}) {
            EXPECT_COLOR(c.canvas(), x, y, kRed);
        }
    }

    void otherPixelFormatsAreConverted() {
        auto rgb = picture(20, 20, AV_PIX_FMT_RGB24);
        for (int y = 0; y < 20; ++y) {
            for (int x = 0; x < 20; ++x) {
                std::uint8_t* p = rgb->data[0] + y * rgb->linesize[0] + 3 * x;
                p[0] = 0;
                p[1] = 0;
                p[2] = 255;
            }
        }
        Compositor c;
        QVERIFY(c.begin(64, 48, kBlack).ok());
        QVERIFY(c.draw(0, *rgb, {{10, 10, 30, 30}}).ok());
        EXPECT_COLOR(c.canvas(), 20, 20, kBlue);
    }

    void transparentPixelsLetTheCanvasShowThrough() {
        // RGBA: opaque red on the left, fully transparent on the right, half-transparent white
        // at the bottom.
        auto rgba = picture(32, 32, AV_PIX_FMT_RGBA);
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x) {
                std::uint8_t* p = rgba->data[0] + y * rgba->linesize[0] + 4 * x;
                const bool bottom = y >= 24;
                p[0] = 255;
                p[1] = bottom ? 255 : 0;
                p[2] = bottom ? 255 : 0;
                p[3] = bottom ? 128 : (x < 16 ? 255 : 0);
            }
        }
        Compositor c;
        QVERIFY(c.begin(64, 48, kBlue).ok());
        QVERIFY(c.draw(0, *rgba, {{0, 0, 32, 32}}).ok());
        EXPECT_COLOR(c.canvas(), 4, 4, kRed);
        EXPECT_COLOR(c.canvas(), 12, 20, kRed);
        EXPECT_COLOR(c.canvas(), 20, 4, kBlue);
        EXPECT_COLOR(c.canvas(), 28, 20, kBlue);
        EXPECT_COLOR(c.canvas(), 40, 20, kBlue);
        const Yuv white = yuvFromRgb(255, 255, 255);
        const Yuv halfway{static_cast<std::uint8_t>((white.y + kBlue.y + 1) / 2),
                          static_cast<std::uint8_t>((white.u + kBlue.u + 1) / 2),
                          static_cast<std::uint8_t>((white.v + kBlue.v + 1) / 2)};
        EXPECT_COLOR(c.canvas(), 8, 28, halfway);
        // Scaled too: the same picture over a larger rectangle keeps its transparent half.
        QVERIFY(c.begin(64, 48, kBlue).ok());
        QVERIFY(c.draw(0, *rgba, {{0, 0, 64, 48}, RenderMode::fit}).ok());
        EXPECT_COLOR(c.canvas(), 14, 10, kRed);
        EXPECT_COLOR(c.canvas(), 44, 10, kBlue);
    }

    void labelsAreDrawnWhereTheySay() {
        QVERIFY2(QFile::exists(kFont), "fonts-noto-cjk is missing: run installer/install-deps.sh");
        Compositor c;
        QVERIFY(c.begin(200, 100, kBlack).ok());
        regie::av::TextOverlay overlay;
        regie::av::TextLabel label;
        label.text = "HH 中";
        label.x = 100;
        label.y = 20;
        label.size = 40;
        label.fontFile = kFont;
        QVERIFY(overlay.apply(c.canvas(), {label}).ok());
        auto bright = [&](int x0, int y0, int x1, int y1) {
            int n = 0;
            for (int y = y0; y < y1; ++y) {
                for (int x = x0; x < x1; ++x) {
                    n += c.canvas().data[0][y * c.canvas().linesize[0] + x] > 200 ? 1 : 0;
                }
            }
            return n;
        };
        QVERIFY(bright(100, 20, 200, 70) > 100);  // the glyphs
        QCOMPARE(bright(0, 0, 95, 100), 0);       // left of the label
        QCOMPARE(bright(0, 75, 200, 100), 0);     // below it
        QCOMPARE(c.canvas().width, 200);
        // The same labels again reuse the graph; the canvas is refilled and drawn again.
        QVERIFY(c.begin(200, 100, kBlack).ok());
        QVERIFY(overlay.apply(c.canvas(), {label}).ok());
        QVERIFY(bright(100, 20, 200, 70) > 100);
    }

    void eachFontTypeDrawsAFaceOfItsOwn() {
        std::vector<QByteArray> drawn;
        for (int type = 0; type < regie::service::mix::kLabelFontTypes; ++type) {
            const char* file = regie::service::mix::labelFontFile(type);
            QVERIFY2(QFile::exists(file), file);
            Compositor c;
            QVERIFY(c.begin(240, 60, kBlack).ok());
            regie::av::TextLabel label;
            label.text = "主播 Ag";
            label.size = 40;
            label.fontFile = file;
            regie::av::TextOverlay overlay;
            QVERIFY(overlay.apply(c.canvas(), {label}).ok());
            QByteArray luma;
            for (int y = 0; y < 60; ++y) {
                luma.append(
                    reinterpret_cast<const char*>(c.canvas().data[0] + y * c.canvas().linesize[0]),
                    240);
            }
            const auto lit =
                std::count_if(luma.begin(), luma.end(), [](char v) { return quint8(v) > 128; });
            QVERIFY2(lit > 300, qPrintable(QString("FontType %1: %2 lit").arg(type).arg(lit)));
            drawn.push_back(luma);
        }
        for (std::size_t a = 0; a < drawn.size(); ++a) {
            for (std::size_t b = a + 1; b < drawn.size(); ++b) {
                int differ = 0;
                for (int i = 0; i < drawn[a].size(); ++i) {
                    differ += std::abs(quint8(drawn[a][i]) - quint8(drawn[b][i])) > 64 ? 1 : 0;
                }
                QVERIFY2(differ > 200, qPrintable(QString("FontType %1 and %2 differ in %3 pixels")
                                                      .arg(a)
                                                      .arg(b)
                                                      .arg(differ)));
            }
        }
    }

    void emptyRectanglesDrawNothing() {
        Compositor c;
        QVERIFY(c.begin(32, 32, kBlack).ok());
        auto red = solid(8, 8, kRed);
        QVERIFY(c.draw(0, *red, {{10, 10, 10, 20}}).ok());
        EXPECT_COLOR(c.canvas(), 10, 12, kBlack);
    }
};

QTEST_GUILESS_MAIN(TestMixCompositor)
#include "tst_mix_compositor.moc"
