#pragma once

class QQuickItem;

// The fewest pictures any visible StreamPreview under `root` has shown, or -1 when no visible
// preview exists. Lets a screenshot wait until every live tile on screen shows video.
int fewestPreviewFrames(const QQuickItem* root);
