#include "views/quickfind/quickfinddialog.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

constexpr int MaxMatches = 200;

QString kindName(QuickFindDialog::Kind kind)
{
    switch (kind) {
    case QuickFindDialog::Kind::Vip:
        return QuickFindDialog::tr("VIP");
    case QuickFindDialog::Kind::Host:
        return QuickFindDialog::tr("host");
    case QuickFindDialog::Kind::Server:
        break;
    }
    return QuickFindDialog::tr("server");
}

} // namespace

QuickFindDialog::QuickFindDialog(QWidget *parent)
    : QDialog(parent)
    , m_input(new QLineEdit)
    , m_list(new QListWidget)
{
    setObjectName(u"quickFind"_s);
    setWindowTitle(tr("Quick find"));
    m_input->setObjectName(u"quickFindInput"_s);
    m_input->setPlaceholderText(tr("VIP, host or server name…"));
    m_list->setObjectName(u"quickFindMatches"_s);
    m_list->setUniformItemSizes(true);
    connect(m_input, &QLineEdit::textChanged, this, &QuickFindDialog::filter);
    connect(m_input, &QLineEdit::returnPressed, this, &QuickFindDialog::choose);
    connect(m_list, &QListWidget::itemActivated, this, &QuickFindDialog::choose);
    // Up/Down in the input move through the matches.
    m_input->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_list);
    resize(460, 360);
}

void QuickFindDialog::setEntries(QList<Entry> entries)
{
    m_entries = std::move(entries);
    filter(m_input->text());
}

void QuickFindDialog::filter(const QString &text)
{
    m_list->clear();
    const QString needle = text.trimmed();
    // Names that start with the text first, then names that contain it.
    for (const bool prefix : {true, false}) {
        for (qsizetype i = 0; i < m_entries.size() && m_list->count() < MaxMatches; ++i) {
            const Entry &e = m_entries[i];
            const bool starts = e.name.startsWith(needle, Qt::CaseInsensitive);
            if (prefix != starts || (!starts && !e.name.contains(needle, Qt::CaseInsensitive)))
                continue;
            auto *item = new QListWidgetItem(
                e.detail.isEmpty() ? u"%1  (%2)"_s.arg(e.name, kindName(e.kind))
                                   : u"%1  (%2: %3)"_s.arg(e.name, kindName(e.kind), e.detail),
                m_list);
            item->setData(Qt::UserRole, int(i));
        }
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void QuickFindDialog::choose()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const Entry &entry = m_entries[item->data(Qt::UserRole).toInt()];
    accept();
    emit chosen(entry.kind, entry.name);
}

bool QuickFindDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int row = m_list->currentRow() + (key->key() == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_list->count())
                m_list->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace vipdeck
