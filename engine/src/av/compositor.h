#pragma once
// Composes pictures onto a YUV420P canvas: each picture goes into a rectangle, cropped to fill
// it or fitted inside it, with optionally rounded corners, clipped at the canvas edges. Pictures
// of the rectangle's size in YUV420P are copied; others pass through libswscale. Pictures with
// an alpha channel (PNG) are blended over what is already there. The canvas,
// the scalers and their scratch pictures are kept per slot and reused from frame to frame.

#include <cstdint>
#include <span>
#include <vector>

#include "av/av_handles.h"
#include "core/result.h"

namespace regie::av {

struct Yuv {
    std::uint8_t y = 16;
    std::uint8_t u = 128;
    std::uint8_t v = 128;
};
// BT.601, limited range: what H.264 players assume when the stream does not say.
Yuv yuvFromRgb(int r, int g, int b);

// Canvas pixels; right and bottom are exclusive.
struct Rect {
    int left = 0;
    int top = 0;
    int right = 0;
    int bottom = 0;
    int width() const { return right - left; }
    int height() const { return bottom - top; }
};

enum class RenderMode { cropToFill = 0, fit = 1 };

struct Placement {
    Rect rect;
    RenderMode mode = RenderMode::cropToFill;
    int cornerRadius = 0;
};

// Indices of `layers` in drawing order: lower layers first, equal layers in list order.
std::vector<std::size_t> drawOrder(std::span<const int> layers);

class Compositor {
public:
    // Starts a new canvas filled with `background`; reallocates only when the size changes.
    core::Status begin(int width, int height, Yuv background);
    // Draws `picture` (any size, any planar pixel format); `slot` names the input whose scaler
    // and scratch picture are reused.
    core::Status draw(std::size_t slot, const AVFrame& picture, const Placement& placement);
    AVFrame& canvas() { return *m_canvas; }

private:
    struct Slot {
        SwsPtr scaler;
        FramePtr scaled;
    };
    // With `blend`, planes[3] is the picture's alpha plane and the picture is blended.
    void blit(const std::uint8_t* const* planes, const int* linesizes, int x, int y, int width,
              int height, int radius, bool blend);

    FramePtr m_canvas = allocFrame();
    std::vector<Slot> m_slots;
};

}  // namespace regie::av
