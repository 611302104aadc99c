#pragma once

// WriterOutput: what an audit_writer child confirmed, parsed from its stdout.

#include <QByteArray>
#include <QHash>
#include <QList>

namespace vipdeck::test {

struct WriterOutput
{
    QList<qint64> intents;             // confirmed intent ids, in order
    QHash<qint64, qint64> completions; // intent id -> completion id
    bool ready = false;
    bool done = false;
    int lines = 0;

    // Parses complete lines from `buffer` and removes them from it; a
    // partial last line stays for the next call.
    void consume(QByteArray &buffer);
};

} // namespace vipdeck::test
