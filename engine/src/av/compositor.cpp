#include "av/compositor.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace regie::av {

namespace {

std::uint8_t clampByte(double v) {
    return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
}

// How many pixels of row `row` (of `height` rows) are outside a corner of radius `radius`,
// counted from the left or right edge.
int cornerInset(int row, int height, int radius) {
    if (radius <= 0) {
        return 0;
    }
    int into =
        row < radius ? radius - row : (row >= height - radius ? row - (height - radius) + 1 : 0);
    if (into <= 0) {
        return 0;
    }
    double dy = into - 0.5;
    double r = radius;
    double inset = std::ceil(r - 0.5 - std::sqrt(std::max(0.0, r * r - dy * dy)));
    return std::max(0, static_cast<int>(inset));
}

int floorHalf(int v) {
    return v >= 0 ? v / 2 : -((-v + 1) / 2);
}

// Copies `count` samples, or blends them by `alpha` (one weight every `alphaStep` bytes).
void putRow(std::uint8_t* to, const std::uint8_t* from, int count, const std::uint8_t* alpha,
            int alphaStep) {
    if (alpha == nullptr) {
        std::memcpy(to, from, static_cast<std::size_t>(count));
        return;
    }
    for (int i = 0; i < count; ++i) {
        const int a = alpha[static_cast<std::ptrdiff_t>(i) * alphaStep];
        to[i] = static_cast<std::uint8_t>((from[i] * a + to[i] * (255 - a) + 127) / 255);
    }
}

}  // namespace

Yuv yuvFromRgb(int r, int g, int b) {
    return {clampByte(16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256),
            clampByte(128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256),
            clampByte(128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256)};
}

std::vector<std::size_t> drawOrder(std::span<const int> layers) {
    std::vector<std::size_t> order(layers.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return layers[a] < layers[b]; });
    return order;
}

core::Status Compositor::begin(int width, int height, Yuv background) {
    AVFrame& c = *m_canvas;
    if (c.width != width || c.height != height || c.data[0] == nullptr) {
        av_frame_unref(&c);
        c.width = width;
        c.height = height;
        c.format = AV_PIX_FMT_YUV420P;
        if (int rc = av_frame_get_buffer(&c, 0); rc < 0) {
            return core::Error{"could not allocate the canvas: " + errorText(rc)};
        }
    } else if (int rc = av_frame_make_writable(&c); rc < 0) {
        return core::Error{"could not reuse the canvas: " + errorText(rc)};
    }
    const std::uint8_t values[3] = {background.y, background.u, background.v};
    for (int p = 0; p < 3; ++p) {
        int rows = p == 0 ? height : (height + 1) / 2;
        int bytes = p == 0 ? width : (width + 1) / 2;
        for (int row = 0; row < rows; ++row) {
            std::memset(c.data[p] + static_cast<std::ptrdiff_t>(row) * c.linesize[p], values[p],
                        static_cast<std::size_t>(bytes));
        }
    }
    return core::okStatus();
}

core::Status Compositor::draw(std::size_t slot, const AVFrame& picture,
                              const Placement& placement) {
    const Rect& rect = placement.rect;
    const int w = rect.width();
    const int h = rect.height();
    const int sw = picture.width;
    const int sh = picture.height;
    const auto* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(picture.format));
    if (w <= 0 || h <= 0 || sw <= 0 || sh <= 0) {
        return core::okStatus();
    }
    if (desc == nullptr || (desc->flags & (AV_PIX_FMT_FLAG_HWACCEL | AV_PIX_FMT_FLAG_BITSTREAM))) {
        return core::Error{"picture format cannot be composed"};
    }

    // The part of the picture shown (cx, cy, cw, ch) and where it lands (tx, ty, tw, th).
    int cx = 0, cy = 0, cw = sw, ch = sh;
    int tx = rect.left, ty = rect.top, tw = w, th = h;
    const auto wide = static_cast<std::int64_t>(sw) * h;
    const auto tall = static_cast<std::int64_t>(sh) * w;
    if (placement.mode == RenderMode::cropToFill) {
        if (wide > tall) {
            cw = std::max(2, static_cast<int>(static_cast<std::int64_t>(sh) * w / h));
            cx = ((sw - cw) / 2) & ~1;
        } else if (wide < tall) {
            ch = std::max(2, static_cast<int>(static_cast<std::int64_t>(sw) * h / w));
            cy = ((sh - ch) / 2) & ~1;
        }
    } else if (wide > tall) {
        th = std::max(1, static_cast<int>(static_cast<std::int64_t>(sh) * w / sw));
        ty += (h - th) / 2;
    } else if (wide < tall) {
        tw = std::max(1, static_cast<int>(static_cast<std::int64_t>(sw) * h / sh));
        tx += (w - tw) / 2;
    }

    // Plane pointers of the shown part (what av_frame_apply_cropping computes).
    const std::uint8_t* planes[4] = {};
    for (int p = 0; p < 4; ++p) {
        planes[p] = picture.data[p];
    }
    for (int comp = 0; comp < desc->nb_components; ++comp) {
        const auto& c = desc->comp[comp];
        bool chroma = comp == 1 || comp == 2;
        int x = chroma ? cx >> desc->log2_chroma_w : cx;
        int y = chroma ? cy >> desc->log2_chroma_h : cy;
        planes[c.plane] = picture.data[c.plane] +
                          static_cast<std::ptrdiff_t>(y) * picture.linesize[c.plane] +
                          static_cast<std::ptrdiff_t>(x) * c.step;
    }

    if (cw == tw && ch == th && picture.format == AV_PIX_FMT_YUV420P) {
        blit(planes, picture.linesize, tx, ty, tw, th, placement.cornerRadius, false);
        return core::okStatus();
    }
    const bool blend = (desc->flags & AV_PIX_FMT_FLAG_ALPHA) != 0;
    const AVPixelFormat target = blend ? AV_PIX_FMT_YUVA420P : AV_PIX_FMT_YUV420P;
    if (m_slots.size() <= slot) {
        m_slots.resize(slot + 1);
    }
    Slot& s = m_slots[slot];
    s.scaler.reset(sws_getCachedContext(s.scaler.release(), cw, ch,
                                        static_cast<AVPixelFormat>(picture.format), tw, th, target,
                                        SWS_BILINEAR, nullptr, nullptr, nullptr));
    if (!s.scaler) {
        return core::Error{"could not set up the scaler"};
    }
    if (!s.scaled) {
        s.scaled = allocFrame();
    }
    if (s.scaled->width != tw || s.scaled->height != th || s.scaled->format != target) {
        av_frame_unref(s.scaled.get());
        s.scaled->width = tw;
        s.scaled->height = th;
        s.scaled->format = target;
        if (int rc = av_frame_get_buffer(s.scaled.get(), 0); rc < 0) {
            return core::Error{"could not allocate a scaled picture: " + errorText(rc)};
        }
    }
    sws_scale(s.scaler.get(), planes, picture.linesize, 0, ch, s.scaled->data, s.scaled->linesize);
    blit(s.scaled->data, s.scaled->linesize, tx, ty, tw, th, placement.cornerRadius, blend);
    return core::okStatus();
}

void Compositor::blit(const std::uint8_t* const* planes, const int* linesizes, int x, int y,
                      int width, int height, int radius, bool blend) {
    AVFrame& c = *m_canvas;
    radius = std::clamp(radius, 0, std::min(width, height) / 2);
    for (int row = 0; row < height; ++row) {
        int cyRow = y + row;
        if (cyRow < 0 || cyRow >= c.height) {
            continue;
        }
        int inset = cornerInset(row, height, radius);
        int x0 = std::max(x + inset, 0);
        int x1 = std::min(x + width - inset, c.width);
        if (x1 > x0) {
            const std::uint8_t* alpha =
                blend ? planes[3] + static_cast<std::ptrdiff_t>(row) * linesizes[3] + (x0 - x)
                      : nullptr;
            putRow(c.data[0] + static_cast<std::ptrdiff_t>(cyRow) * c.linesize[0] + x0,
                   planes[0] + static_cast<std::ptrdiff_t>(row) * linesizes[0] + (x0 - x), x1 - x0,
                   alpha, 1);
        }
    }
    const int chromaWidth = (c.width + 1) / 2;
    const int chromaHeight = (c.height + 1) / 2;
    const int cx = floorHalf(x);
    const int cy = floorHalf(y);
    const int sourceWidth = (width + 1) / 2;
    for (int row = 0; row < (height + 1) / 2; ++row) {
        int cyRow = cy + row;
        if (cyRow < 0 || cyRow >= chromaHeight) {
            continue;
        }
        // A chroma sample covers two luma rows: it is left out where either row is.
        int lumaInset = std::max(cornerInset(std::min(2 * row, height - 1), height, radius),
                                 cornerInset(std::min(2 * row + 1, height - 1), height, radius));
        int inset = (lumaInset + 1) / 2;
        int x0 = std::max(cx + inset, 0);
        int x1 = std::min(cx + sourceWidth - inset, chromaWidth);
        if (x1 <= x0) {
            continue;
        }
        // A chroma sample takes the alpha of the top-left luma sample it covers.
        const std::ptrdiff_t alphaRow = std::min(2 * row, height - 1);
        const std::ptrdiff_t alphaColumn = 2 * static_cast<std::ptrdiff_t>(x0 - cx);
        const std::uint8_t* alpha =
            blend ? planes[3] + alphaRow * linesizes[3] + alphaColumn : nullptr;
        for (int p = 1; p < 3; ++p) {
            putRow(c.data[p] + static_cast<std::ptrdiff_t>(cyRow) * c.linesize[p] + x0,
                   planes[p] + static_cast<std::ptrdiff_t>(row) * linesizes[p] + (x0 - cx), x1 - x0,
                   alpha, 2);
        }
    }
}

}  // namespace regie::av
