#include "views/eventlog/eventlogwidget.h"

#include "models/eventlogmodel.h"
#include "views/eventlog/eventfilterproxymodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

EventLogWidget::EventLogWidget(EventLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new EventFilterProxyModel(this))
    , m_view(new QTableView)
{
    setObjectName(u"eventLog"_s);
    m_proxy->setSourceModel(model);

    auto *text = new QLineEdit;
    text->setObjectName(u"eventFilter"_s);
    text->setPlaceholderText(tr("Filter events by object or text…"));
    text->setClearButtonEnabled(true);
    connect(text, &QLineEdit::textChanged, m_proxy, &EventFilterProxyModel::setText);
    auto *severity = new QComboBox;
    severity->setObjectName(u"eventSeverity"_s);
    severity->addItem(tr("All events"), int(FleetEvent::Severity::Info));
    severity->addItem(tr("Warnings and problems"), int(FleetEvent::Severity::Warning));
    severity->addItem(tr("Problems only"), int(FleetEvent::Severity::Problem));
    connect(severity, &QComboBox::currentIndexChanged, this,
            [this, severity] { m_proxy->setMinimumSeverity(severity->currentData().toInt()); });
    auto *bar = new QHBoxLayout;
    bar->addWidget(text, 1);
    bar->addWidget(severity);

    m_view->setObjectName(u"eventView"_s);
    m_view->setModel(m_proxy);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(EventLogModel::TimeColumn, 150);
    m_view->setColumnWidth(EventLogModel::SeverityColumn, 100);
    m_view->setColumnWidth(EventLogModel::KindColumn, 130);
    m_view->setColumnWidth(EventLogModel::SubjectColumn, 160);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const QString server = index.data(EventLogModel::ServerRole).toString();
            !server.isEmpty())
            emit serverActivated(server);
        else if (const QString vip = index.data(EventLogModel::VipRole).toString(); !vip.isEmpty())
            emit vipActivated(vip);
        else if (const QString host = index.data(EventLogModel::HostRole).toString();
                 !host.isEmpty())
            emit hostActivated(host);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

} // namespace vipdeck
