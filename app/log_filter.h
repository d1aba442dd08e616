#pragma once

#include <QtQml/qqmlregistration.h>

#include <QSortFilterProxyModel>

// Shows the log lines at or above a level that contain a search text.
class LogFilter : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int minimumLevel READ minimumLevel WRITE setMinimumLevel NOTIFY minimumLevelChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit LogFilter(QObject* parent = nullptr);

    int minimumLevel() const { return m_minimumLevel; }
    void setMinimumLevel(int level);
    QString text() const { return m_text; }
    void setText(const QString& text);
    int count() const { return rowCount(); }

signals:
    void minimumLevelChanged();
    void textChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_minimumLevel = 0;
    QString m_text;
};
