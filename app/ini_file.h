#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

// Reads a ZLM-style INI file into its flat "section.key" view. Lines starting with '#' or ';'
// are comments; values are trimmed and kept verbatim (no quoting or list syntax, unlike
// QSettings' INI format).
QHash<QString, QString> parseIni(const QByteArray& text);
QHash<QString, QString> readIniFile(const QString& path);
