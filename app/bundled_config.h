#pragma once

#include <QString>

// Writes the default engine config (resources/engine-config.ini) with fresh random secrets
// when `path` does not exist yet, so the console knows the secrets of the engine it bundles.
// Returns false and sets `error` when the file cannot be written.
bool ensureBundledConfig(const QString& path, QString* error);
