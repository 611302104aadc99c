#pragma once

// AuditFilter: which records a list, export, count or GUI page asks for.
// Empty fields match everything; target fields match any of a record's targets.
// `text` is a free-text search: every word of it must appear, as a substring,
// in the operator, workstation, SSH user, action, reason (a completion: its
// intent's), one of the targets (VIP, host, backend, server) or one of the
// results (outcome, message).
// Case is ignored (SQLite: ASCII letters only; PostgreSQL: ILIKE); `%`, `_`
// and quotes are plain characters, the words are bound, never spliced in SQL.

#include <QDateTime>
#include <QString>

namespace vipdeck {

struct AuditFilter
{
    QDateTime since; // inclusive, invalid = no lower bound
    QDateTime until; // exclusive, invalid = no upper bound
    QString operatorName;
    QString vip;
    QString host;
    QString server;
    QString action;
    bool incompleteOnly = false; // intents that never got a completion
    QString text;                // free-text search, words separated by white space

    bool isEmpty() const
    {
        return !since.isValid() && !until.isValid() && operatorName.isEmpty() && vip.isEmpty() &&
               host.isEmpty() && server.isEmpty() && action.isEmpty() && !incompleteOnly &&
               text.trimmed().isEmpty();
    }
};

// One page of a keyset-paginated query: records with id > afterId (oldest
// first) or id < beforeId (newest first), at most `limit` of them.
struct AuditPageRequest
{
    AuditFilter filter;
    qint64 cursor = 0; // 0: start at the beginning (or the end, newest first)
    int limit = 100;   // 1..10000
    bool newestFirst = false;
};

} // namespace vipdeck
