#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QTranslator>
#include <QVariantList>
#include <memory>

class QQmlEngine;

// Switches the UI language at runtime: installs the embedded translation
// (:/i18n/regie_<code>.qm) and re-evaluates every qsTr() binding. The choice is persisted.
class LanguageManager : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)

public:
    using QObject::QObject;

    // The engine whose qsTr() bindings follow the language; may be set after construction.
    void setEngine(QQmlEngine* engine) { m_engine = engine; }

    QString language() const { return m_language; }
    void setLanguage(const QString& code) { load(code); }
    // Returns false (and keeps the current language) when no translation exists for `code`.
    bool load(const QString& code);
    // {code, name} for each language, named in that language.
    QVariantList languages() const;

    // The saved choice, else the system locale when translated, else English.
    static QString initialLanguage();

signals:
    void languageChanged();

private:
    QQmlEngine* m_engine = nullptr;
    std::unique_ptr<QTranslator> m_translator;
    QString m_language;
};
