// anzhi [PROJECT.gpkg] [--lang zh_CN|en] — the desktop app.
// Hidden flags for scripted runs: --check (run the check once the project is open),
// --screenshot FILE (wait for load, check and render, save the window, quit),
// --measure-ui (report the longest UI-thread stall during load, render, check, 查找 and the
// attribute table, quit), --find TEXT and --identify X,Y (show 查找's results and an identify
// list before the screenshot), --table LAYER (open the layer's attribute table).

#include "app/desktop/Automation.h"
#include "app/desktop/Language.h"
#include "app/desktop/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <stdexcept>

using namespace anzhi::desktop;

int main(int argc, char **argv)
{
  QApplication app(argc, argv);
  QApplication::setOrganizationName("Anzhi");
  QApplication::setApplicationName("anzhi");
  QApplication::setApplicationVersion(ANZHI_VERSION);

  QCommandLineParser parser;
  parser.setApplicationDescription("Anzhi (安置): resettlement-site checks");
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument("PROJECT", "Project GeoPackage to open");
  QCommandLineOption lang("lang", "Interface language: zh_CN or en", "LANG");
  QCommandLineOption check("check", "Run the check once the project is open");
  QCommandLineOption screenshot("screenshot", "Save the window to FILE once ready, then quit",
                                "FILE");
  QCommandLineOption measure("measure-ui", "Report the longest UI-thread stalls, then quit");
  QCommandLineOption extent("extent", "View minx,miny,maxx,maxy once the project is open",
                            "EXTENT");
  QCommandLineOption select("select", "Select layer:fid,… once the project is open", "FEATURES");
  QCommandLineOption find("find", "Before the screenshot, search TEXT in 查找", "TEXT");
  QCommandLineOption identify("identify", "Before the screenshot, identify at map point X,Y",
                              "X,Y");
  QCommandLineOption table("table", "Open LAYER's attribute table once the project is open",
                           "LAYER");
  for (QCommandLineOption *o :
       {&check, &screenshot, &measure, &extent, &select, &find, &identify, &table})
    o->setFlags(QCommandLineOption::HiddenFromHelp);
  parser.addOptions({lang, check, screenshot, measure, extent, select, find, identify, table});
  parser.process(app);

  StartOptions options;
  const QStringList args = parser.positionalArguments();
  if (!args.isEmpty())
    options.project = args.first();
  options.check = parser.isSet(check);
  options.screenshot = parser.value(screenshot);
  options.measure = parser.isSet(measure);
  options.find = parser.value(find);
  if (parser.isSet(identify)) {
    const QStringList xy = parser.value(identify).split(',');
    bool okX = false, okY = false;
    if (xy.size() == 2)
      options.identify = QPointF(xy[0].toDouble(&okX), xy[1].toDouble(&okY));
    if (!okX || !okY) {
      std::fprintf(stderr, "anzhi: --identify wants X,Y in the working CRS, not %s\n",
                   qPrintable(parser.value(identify)));
      return 2;
    }
  }
  options.table = parser.value(table);
  try {
    options.view = sessionViewFromArguments(parser.value(extent), parser.value(select));
  } catch (const std::invalid_argument &e) {
    std::fprintf(stderr, "anzhi: %s\n", e.what());
    return 2;
  }
  if (options.scripted() && options.project.isEmpty()) {
    std::fprintf(stderr, "anzhi: --screenshot and --measure-ui need a PROJECT\n");
    return 2;
  }

  QSettings settings;
  const QString language = chooseLanguage(
      parser.isSet(lang) ? parser.value(lang) : settings.value("language").toString());
  installTranslators(app, language);

  MainWindow window(language);
  if (options.scripted())
    window.setGeometry(0, 0, 1600, 1000);
  window.show();
  Automation automation(window, options);
  QTimer::singleShot(0, &window, [&] { automation.start(); });
  return app.exec();
}
