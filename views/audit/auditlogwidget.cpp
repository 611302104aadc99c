#include "views/audit/auditlogwidget.h"

#include "core/common/csvfield.h"
#include "models/auditlogmodel.h"

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

AuditLogWidget::AuditLogWidget(AuditLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_server(new QLineEdit)
    , m_vip(new QLineEdit)
    , m_host(new QLineEdit)
    , m_action(new QLineEdit)
    , m_operator(new QLineEdit)
    , m_incomplete(new QCheckBox(tr("Incomplete only")))
    , m_search(new QLineEdit)
    , m_searchDelay(new QTimer(this))
    , m_count(new QLabel)
    , m_view(new QTableView)
{
    setObjectName(u"auditLog"_s);
    const struct
    {
        QLineEdit *edit;
        QString name;
        QString placeholder;
    } fields[] = {{m_server, u"auditServer"_s, tr("Server")},
                  {m_vip, u"auditVip"_s, tr("VIP")},
                  {m_host, u"auditHost"_s, tr("Host")},
                  {m_action, u"auditAction"_s, tr("Action (drain, ready…)")},
                  {m_operator, u"auditOperator"_s, tr("Operator")}};
    m_search->setObjectName(u"auditSearch"_s);
    m_search->setPlaceholderText(tr("Search operator, action, target, reason, result… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Every word must appear in the record; case is ignored"));
    // Searching a large log costs a query: wait until typing pauses.
    m_searchDelay->setObjectName(u"auditSearchDelay"_s);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &AuditLogWidget::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &AuditLogWidget::applyFilter);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *searchBar = new QHBoxLayout;
    searchBar->addWidget(m_search, 1);

    auto *bar = new QHBoxLayout;
    for (const auto &field : fields) {
        field.edit->setObjectName(field.name);
        field.edit->setPlaceholderText(field.placeholder);
        field.edit->setClearButtonEnabled(true);
        connect(field.edit, &QLineEdit::returnPressed, this, &AuditLogWidget::applyFilter);
        bar->addWidget(field.edit);
    }
    m_incomplete->setObjectName(u"auditIncomplete"_s);
    bar->addWidget(m_incomplete);
    auto *apply = new QPushButton(tr("&Search"));
    apply->setObjectName(u"auditApply"_s);
    connect(apply, &QPushButton::clicked, this, &AuditLogWidget::applyFilter);
    bar->addWidget(apply);
    auto *exportButton = new QPushButton(tr("Export loaded rows…"));
    exportButton->setObjectName(u"auditExport"_s);
    connect(exportButton, &QPushButton::clicked, this, &AuditLogWidget::chooseExport);
    bar->addWidget(exportButton);

    m_view->setObjectName(u"auditView"_s);
    m_view->setModel(model);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setColumnWidth(AuditLogModel::IdColumn, 60);
    m_view->setColumnWidth(AuditLogModel::TimeColumn, 150);
    m_view->setColumnWidth(AuditLogModel::TargetsColumn, 220);
    m_view->setColumnWidth(AuditLogModel::ReasonColumn, 220);
    m_count->setObjectName(u"auditCount"_s);
    connect(model, &AuditLogModel::loaded, this, &AuditLogWidget::updateCount);
    connect(model, &QAbstractItemModel::modelReset, this, &AuditLogWidget::updateCount);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchBar);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    updateCount();
}

void AuditLogWidget::applyFilter()
{
    m_searchDelay->stop();
    AuditFilter filter;
    filter.text = m_search->text().simplified();
    filter.server = m_server->text().trimmed();
    filter.vip = m_vip->text().trimmed();
    filter.host = m_host->text().trimmed();
    filter.action = m_action->text().trimmed();
    filter.operatorName = m_operator->text().trimmed();
    filter.incompleteOnly = m_incomplete->isChecked();
    m_model->setFilter(filter);
}

void AuditLogWidget::updateCount()
{
    if (!m_model->lastError().isEmpty())
        m_count->setText(tr("Audit log error: %1").arg(m_model->lastError()));
    else if (m_model->totalCount() < 0)
        m_count->setText(tr("%1 records loaded").arg(m_model->rowCount()));
    else if (!m_model->searchText().isEmpty())
        m_count->setText((m_model->rowCount() < m_model->totalCount()
                              ? tr("Matches for “%1”: %2; %3 loaded (scroll for more)")
                              : tr("Matches for “%1”: %2; all %3 loaded"))
                             .arg(m_model->searchText())
                             .arg(m_model->totalCount())
                             .arg(m_model->rowCount()));
    else
        m_count->setText(tr("%1 of %2 matching records loaded (scroll for more)")
                             .arg(m_model->rowCount())
                             .arg(m_model->totalCount()));
}

bool AuditLogWidget::exportCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QStringList lines;
    QStringList header;
    for (int c = 0; c < AuditLogModel::ColumnCount; ++c)
        header << csvField(m_model->headerData(c, Qt::Horizontal).toString());
    lines << header.join(u',');
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < AuditLogModel::ColumnCount; ++c)
            fields << csvField(m_model->index(r, c).data().toString(),
                               c == AuditLogModel::IdColumn ? CsvCell::Number : CsvCell::Text);
        lines << fields.join(u',');
    }
    return file.write((lines.join(u'\n') + u'\n').toUtf8()) >= 0;
}

void AuditLogWidget::chooseExport()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export audit rows"), {}, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

} // namespace vipdeck
