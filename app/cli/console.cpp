#include "app/cli/console.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace vipdeck::cli {

StdConsole::StdConsole()
    : m_out(stdout)
    , m_err(stderr)
    , m_in(stdin)
{}

bool StdConsole::isInteractive() const
{
    return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
}

bool StdConsole::isOutTerminal() const
{
    return ::isatty(STDOUT_FILENO);
}

bool StdConsole::isErrTerminal() const
{
    return ::isatty(STDERR_FILENO);
}

bool StdConsole::isInTerminal() const
{
    return ::isatty(STDIN_FILENO);
}

void StdConsole::exitAtOnce(int code)
{
    m_out.flush();
    m_err.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(code);
}

QString StdConsole::readLine()
{
    m_out.flush();
    m_err.flush();
    return m_in.readLine();
}

StringConsole::StringConsole(QString input)
    : m_inText(std::move(input))
{}

} // namespace vipdeck::cli
