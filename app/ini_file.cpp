#include "ini_file.h"

#include <QFile>

QHash<QString, QString> parseIni(const QByteArray& text) {
    QHash<QString, QString> values;
    QString section;
    for (const QByteArray& rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';')) {
            continue;
        }
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            continue;
        }
        const QString key = line.left(eq).trimmed();
        values.insert(section.isEmpty() ? key : section + u'.' + key, line.mid(eq + 1).trimmed());
    }
    return values;
}

QHash<QString, QString> readIniFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return parseIni(file.readAll());
}
