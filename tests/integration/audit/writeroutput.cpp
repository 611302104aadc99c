#include "tests/integration/audit/writeroutput.h"

namespace vipdeck::test {

void WriterOutput::consume(QByteArray &buffer)
{
    qsizetype end;
    while ((end = buffer.indexOf('\n')) >= 0) {
        const QList<QByteArray> words = buffer.left(end).trimmed().split(' ');
        buffer.remove(0, end + 1);
        ++lines;
        if (words.value(0) == "intent" && words.size() == 2)
            intents << words.at(1).toLongLong();
        else if (words.value(0) == "complete" && words.size() == 3)
            completions.insert(words.at(1).toLongLong(), words.at(2).toLongLong());
        else if (words.value(0) == "ready")
            ready = true;
        else if (words.value(0) == "done")
            done = true;
    }
}

} // namespace vipdeck::test
