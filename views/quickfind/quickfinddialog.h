#pragma once

// QuickFindDialog: Ctrl+K: type part of a VIP, host or server name, pick one
// of the matches with the arrow keys, Enter opens it.

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace vipdeck {

class QuickFindDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Vip, Host, Server };
    struct Entry
    {
        Kind kind;
        QString name;
        QString detail;
    };

    explicit QuickFindDialog(QWidget *parent = nullptr);

    void setEntries(QList<Entry> entries);
    QLineEdit *input() const { return m_input; }
    QListWidget *matches() const { return m_list; }

signals:
    void chosen(vipdeck::QuickFindDialog::Kind kind, const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void choose();

    QLineEdit *m_input;
    QListWidget *m_list;
    QList<Entry> m_entries;
};

} // namespace vipdeck
