#include "log_model.h"

#include <QMetaEnum>
#include <QRegularExpression>

LogModel::LogModel(QObject* parent) : QAbstractListModel(parent) {}

int LogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant LogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Entry& entry = m_entries.at(index.row());
    switch (role) {
        case TimeRole:
            return entry.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelRole:
            return int(entry.level);
        case LevelNameRole:
            return QString::fromLatin1(QMetaEnum::fromType<Level>().valueToKey(entry.level))
                .toUpper();
        case SourceRole:
            return int(entry.source);
        case MessageRole:
        case Qt::DisplayRole:
            return entry.message;
    }
    return {};
}

QHash<int, QByteArray> LogModel::roleNames() const {
    return {{TimeRole, "time"},
            {LevelRole, "level"},
            {LevelNameRole, "levelName"},
            {SourceRole, "source"},
            {MessageRole, "message"}};
}

void LogModel::setCapacity(int capacity) {
    capacity = std::max(1, capacity);
    if (capacity == m_capacity) {
        return;
    }
    m_capacity = capacity;
    trim();
    emit capacityChanged();
}

LogModel::Level LogModel::levelFromName(const QString& name) {
    const QString lower = name.toLower();
    if (lower == QLatin1String("trace")) {
        return Trace;
    }
    if (lower == QLatin1String("debug")) {
        return Debug;
    }
    if (lower == QLatin1String("warn") || lower == QLatin1String("warning")) {
        return Warn;
    }
    if (lower == QLatin1String("error") || lower == QLatin1String("err") ||
        lower == QLatin1String("critical") || lower == QLatin1String("fatal")) {
        return Error;
    }
    return Info;
}

LogModel::Level LogModel::levelInLine(const QString& line, Level fallback) {
    static const QRegularExpression word(
        QStringLiteral("\\b(trace|debug|info|warn|warning|error|err|critical|fatal)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = word.match(line);
    return match.hasMatch() ? levelFromName(match.captured(1)) : fallback;
}

LogModel::Entry LogModel::entryFromOutput(const QString& line, bool isStderr) {
    static const QRegularExpression engineLine(
        QStringLiteral("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z) "
                       "(TRACE|DEBUG|INFO|WARN|ERROR) (.*)$"));
    const QRegularExpressionMatch match = engineLine.match(line);
    if (match.hasMatch()) {
        const QDateTime time = QDateTime::fromString(match.captured(1), Qt::ISODateWithMs);
        if (time.isValid()) {
            return {time, levelFromName(match.captured(2)), Process, match.captured(3)};
        }
    }
    return {QDateTime::currentDateTime(), levelInLine(line, isStderr ? Warn : Info), Process, line};
}

void LogModel::append(const Entry& entry) {
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
    trim();
    emit countChanged();
}

void LogModel::appendFeedLog(const FeedLog& record) {
    QString message = record.event;
    for (auto it = record.fields.begin(); it != record.fields.end(); ++it) {
        message += QStringLiteral(" %1=%2").arg(it.key(), it.value());
    }
    append({record.time, levelFromName(record.level), Feed, message});
}

void LogModel::appendProcessLine(const QString& line, bool isStderr) {
    append(entryFromOutput(line, isStderr));
}

void LogModel::appendNotice(const QString& text, Level level) {
    append({QDateTime::currentDateTime(), level, Console, text});
}

void LogModel::clear() {
    beginResetModel();
    m_entries.clear();
    endResetModel();
    emit countChanged();
}

void LogModel::trim() {
    const int excess = int(m_entries.size()) - m_capacity;
    if (excess <= 0) {
        return;
    }
    beginRemoveRows({}, 0, excess - 1);
    m_entries.remove(0, excess);
    endRemoveRows();
    emit countChanged();
}
