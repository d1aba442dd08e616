#pragma once

#include <QVideoFrame>

struct AVFrame;
struct SwsContext;

// Scales a decoded picture into an RGBA QVideoFrame no taller than maxHeight (aspect kept).
class VideoFrameConverter {
public:
    explicit VideoFrameConverter(int maxHeight) : m_maxHeight(maxHeight) {}
    ~VideoFrameConverter();
    VideoFrameConverter(const VideoFrameConverter&) = delete;
    VideoFrameConverter& operator=(const VideoFrameConverter&) = delete;

    // An invalid frame when the picture cannot be converted.
    QVideoFrame convert(const AVFrame& frame);

private:
    int m_maxHeight;
    SwsContext* m_sws = nullptr;
};
