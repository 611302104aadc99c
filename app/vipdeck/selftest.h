#pragma once

// The `vipdeck --self-test` smoke check: builds the main window on the
// embedded example fleet, renders it off screen and checks the parts a
// packaged install needs (SQL drivers, resources).  Runs without a display.

class QTextStream;

namespace vipdeck {

int runSelfTest(QTextStream &out);

} // namespace vipdeck
