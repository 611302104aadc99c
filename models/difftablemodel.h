#pragma once

// DiffTableModel: a flat table whose rows are keyed values, updated by
// applying the next list of rows as a diff: rows whose key vanished are
// removed, rows with a new key are appended, and rows whose value changed get
// one dataChanged() per run of consecutive changed rows, spanning only the
// changed columns.  Views keep their selection and scroll position across
// polls because nothing is ever reset per poll.
//
// Row must have a `QString key` member, operator== and
// `bool sameColumn(const Row &other, int column) const`.

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <vector>

namespace vipdeck {

class DiffTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    template <typename Row> void applyRows(QList<Row> &rows, QList<Row> next, int columns)
    {
        QHash<QString, qsizetype> nextIndex;
        nextIndex.reserve(next.size());
        for (qsizetype i = 0; i < next.size(); ++i)
            nextIndex.insert(next[i].key, i);

        // Removals, from the end so earlier row numbers stay valid.
        for (qsizetype i = rows.size() - 1; i >= 0; --i) {
            if (nextIndex.contains(rows[i].key))
                continue;
            const qsizetype last = i;
            while (i > 0 && !nextIndex.contains(rows[i - 1].key))
                --i;
            beginRemoveRows({}, int(i), int(last));
            rows.remove(i, last - i + 1);
            endRemoveRows();
        }

        // Changes, one signal per run of changed rows.
        std::vector<bool> used(size_t(next.size()), false);
        qsizetype runStart = -1;
        int firstColumn = columns;
        int lastColumn = -1;
        const auto flush = [&](qsizetype end) {
            if (runStart >= 0)
                emit dataChanged(index(int(runStart), firstColumn),
                                 index(int(end - 1), lastColumn));
            runStart = -1;
            firstColumn = columns;
            lastColumn = -1;
        };
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const qsizetype j = nextIndex.value(rows[r].key);
            used[size_t(j)] = true;
            if (rows[r] == next[j]) {
                flush(r);
                continue;
            }
            for (int c = 0; c < columns; ++c) {
                if (rows[r].sameColumn(next[j], c))
                    continue;
                firstColumn = std::min(firstColumn, c);
                lastColumn = std::max(lastColumn, c);
            }
            rows[r] = std::move(next[j]);
            if (lastColumn < 0) // equal in every shown column: only hidden data changed
                lastColumn = firstColumn = 0;
            if (runStart < 0)
                runStart = r;
        }
        flush(rows.size());

        // Additions, appended in the order of `next`.
        qsizetype added = 0;
        for (bool u : used)
            added += u ? 0 : 1;
        if (added == 0)
            return;
        beginInsertRows({}, int(rows.size()), int(rows.size() + added - 1));
        rows.reserve(rows.size() + added);
        for (qsizetype j = 0; j < next.size(); ++j) {
            if (!used[size_t(j)])
                rows.append(std::move(next[j]));
        }
        endInsertRows();
    }
};

} // namespace vipdeck
