#pragma once

// Console: where a CLI command writes and from where it asks.  The real one
// wraps stdout/stderr/stdin; tests use one over strings.

#include <QString>
#include <QTextStream>

namespace vipdeck::cli {

// Exit codes of vipdeckctl, documented in docs/vipdeckctl.md.
enum ExitCode {
    ExitOk = 0,          // everything asked for was done
    ExitFailed = 1,      // an operation failed somewhere, or check-config found errors
    ExitUsage = 2,       // bad command line, or a fleet file that cannot be loaded
    ExitUnreachable = 3, // some hosts could not be reached
};

class Console
{
public:
    virtual ~Console() = default;
    virtual QTextStream &out() = 0;
    virtual QTextStream &err() = 0;
    // True when a person can answer questions (stdin and stdout are terminals).
    virtual bool isInteractive() const = 0;
    // Reads one answer line; empty on end of input.
    virtual QString readLine() = 0;
    // Where progress and live views may use terminal escapes.
    virtual bool isOutTerminal() const { return false; }
    virtual bool isErrTerminal() const { return false; }
    // Confirmation questions need a person on stdin.
    virtual bool isInTerminal() const { return isInteractive(); }
    // Flushes and ends the process with `code` without waiting for reads
    // still running (a monitoring plugin's timeout); a test's console
    // returns instead, and the caller returns `code` as usual.
    virtual void exitAtOnce(int code) { (void)code; }
};

// Standard input/output of the process.
class StdConsole final : public Console
{
public:
    StdConsole();
    QTextStream &out() override { return m_out; }
    QTextStream &err() override { return m_err; }
    bool isInteractive() const override;
    QString readLine() override;
    bool isOutTerminal() const override;
    bool isErrTerminal() const override;
    bool isInTerminal() const override;
    void exitAtOnce(int code) override;

private:
    QTextStream m_out;
    QTextStream m_err;
    QTextStream m_in;
};

// A console over strings, for tests.
class StringConsole final : public Console
{
public:
    explicit StringConsole(QString input = {});
    QTextStream &out() override { return m_out; }
    QTextStream &err() override { return m_err; }
    bool isInteractive() const override { return m_interactive; }
    QString readLine() override { return m_in.readLine(); }
    void setInteractive(bool interactive) { m_interactive = interactive; }
    QString output()
    {
        m_out.flush();
        return m_outText;
    }
    QString errors()
    {
        m_err.flush();
        return m_errText;
    }

private:
    QString m_outText;
    QString m_errText;
    QString m_inText;
    QTextStream m_out{&m_outText};
    QTextStream m_err{&m_errText};
    QTextStream m_in{&m_inText};
    bool m_interactive = false;
};

} // namespace vipdeck::cli
