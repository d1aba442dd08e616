#pragma once

#include <QtQml/qqmlregistration.h>

#include <QSortFilterProxyModel>

// Config rows whose key or value contains the search text (case-insensitive).
class ConfigFilter : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit ConfigFilter(QObject* parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString& text);
    int count() const { return rowCount(); }

signals:
    void textChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
};
