#include "language_manager.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QQmlEngine>
#include <QSettings>

namespace {
const QString kLanguageKey = QStringLiteral("ui/language");

QString qmPath(const QString& code) {
    return QStringLiteral(":/i18n/regie_%1.qm").arg(code);
}
}  // namespace

bool LanguageManager::load(const QString& code) {
    if (code == m_language) {
        return true;
    }
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(qmPath(code))) {
        return false;
    }
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
    }
    m_translator = std::move(translator);
    QCoreApplication::installTranslator(m_translator.get());
    m_language = code;
    QSettings().setValue(kLanguageKey, code);
    if (m_engine) {
        m_engine->retranslate();
    }
    emit languageChanged();
    return true;
}

QVariantList LanguageManager::languages() const {
    return {QVariantMap{{QStringLiteral("code"), QStringLiteral("en")},
                        {QStringLiteral("name"), QStringLiteral("English")}},
            QVariantMap{{QStringLiteral("code"), QStringLiteral("zh_CN")},
                        {QStringLiteral("name"), QStringLiteral("简体中文")}}};
}

QString LanguageManager::initialLanguage() {
    QString saved = QSettings().value(kLanguageKey).toString();
    if (!saved.isEmpty() && QFile::exists(qmPath(saved))) {
        return saved;
    }
    const QString system = QLocale::system().name();
    return QFile::exists(qmPath(system)) ? system : QStringLiteral("en");
}
