#pragma once

// csvField(): one CSV field as every CSV vipdeck writes it (audit export,
// report tables, the GUI's audit rows).  RFC 4180 quoting, plus OWASP's
// CSV-injection defence for text: a spreadsheet runs a cell that starts with
// '=', '+', '-', '@', tab or CR as a formula, so such a text cell gets a
// leading single quote and is quoted.  Numbers are left alone, so "-3" in a
// numeric column stays a number.

#include <QString>

namespace vipdeck {

enum class CsvCell {
    Text,   // free text: neutralised when it could start a formula
    Number, // a machine number written by vipdeck: never neutralised
};

// True when a spreadsheet would read `value` as a formula.
bool csvLooksLikeFormula(const QString &value);

// One field, quoted when RFC 4180 requires it or when it was neutralised.
QString csvField(const QString &value, CsvCell kind = CsvCell::Text);

} // namespace vipdeck
