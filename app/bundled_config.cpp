#include "bundled_config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

namespace {

QString randomHex(int bytes) {
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toHex());
}

QString randomAppId() {
    // A UInt32 with ten digits, like the AppIds the ZEGO console hands out.
    return QString::number(QRandomGenerator::system()->bounded(1000000000u, 4000000000u));
}

}  // namespace

bool ensureBundledConfig(const QString& path, QString* error) {
    if (QFileInfo::exists(path)) {
        return true;
    }
    QFile templateFile(QStringLiteral(":/regie/resources/engine-config.ini"));
    if (!templateFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("default engine config missing from resources");
        return false;
    }
    QString text = QString::fromUtf8(templateFile.readAll());
    text.replace(QStringLiteral("@API_SECRET@"), randomHex(16));
    text.replace(QStringLiteral("@ZEGO_APP_ID@"), randomAppId());
    text.replace(QStringLiteral("@ZEGO_SERVER_SECRET@"), randomHex(16));
    text.replace(QStringLiteral("@ZEGO_CALLBACK_SECRET@"), randomHex(16));

    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
