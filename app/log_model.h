#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QDateTime>

#include "feed_events.h"

// A bounded ring of log lines from three sources: engine log records from the event feed,
// the bundled engine's own stdout/stderr, and the console's notices. The oldest line goes
// when the ring is full.
class LogModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the console session")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int capacity READ capacity WRITE setCapacity NOTIFY capacityChanged)

public:
    enum Level { Trace, Debug, Info, Warn, Error };
    Q_ENUM(Level)
    enum Source { Feed, Process, Console };
    Q_ENUM(Source)
    enum Role { TimeRole = Qt::UserRole + 1, LevelRole, LevelNameRole, SourceRole, MessageRole };

    struct Entry {
        QDateTime time;
        Level level = Info;
        Source source = Console;
        QString message;
    };

    explicit LogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);

    // Maps trace/debug/info/warn(ing)/error/critical to a Level; unknown text is Info.
    static Level levelFromName(const QString& name);
    // Finds a level word such as "[warn]" or " ERROR " in a raw output line.
    static Level levelInLine(const QString& line, Level fallback);
    // Splits a line in regie-engine's stderr format ("<ISO-8601 UTC time> <LEVEL> <event...>");
    // other lines keep the time of arrival and a level guessed with levelInLine().
    static Entry entryFromOutput(const QString& line, bool isStderr);

    void append(const Entry& entry);
    void appendFeedLog(const FeedLog& record);
    void appendProcessLine(const QString& line, bool isStderr);
    void appendNotice(const QString& text, Level level = Info);
    Q_INVOKABLE void clear();

signals:
    void countChanged();
    void capacityChanged();

private:
    void trim();

    QList<Entry> m_entries;
    int m_capacity = 5000;
};
