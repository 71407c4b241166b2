#pragma once

// What the import-wizard tests do first, as a user would: write a source file, open the
// wizard on it and wait for its preview.

#include "app/desktop/ImportWizard.h"

#include <QFile>
#include <QSignalSpy>

namespace anzhi::test {

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
  QFile file(path);
  return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

//! Shows the wizard and chooses `source`; true once its preview is ready.
inline bool showWithSource(desktop::ImportWizard &wizard, const QString &source)
{
  wizard.show();
  QSignalSpy preview(&wizard, &desktop::ImportWizard::previewReady);
  wizard.setSourcePath(source);
  return preview.wait(20000);
}

} // namespace anzhi::test
