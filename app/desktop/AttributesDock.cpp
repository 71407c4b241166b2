#include "app/desktop/AttributesDock.h"

#include "app/desktop/Names.h"
#include "core/Glossary.h"
#include "gis/EllipsoidalArea.h"
#include "gis/GisError.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace anzhi::desktop {

namespace {

using Rows = std::vector<std::pair<QString, QString>>;

QString str(const std::optional<std::string> &v)
{
  return v ? QString::fromStdString(*v) : Names::tr("(empty)");
}
QString num(const std::optional<std::int64_t> &v)
{
  return v ? QLocale().toString(qlonglong(*v)) : Names::tr("(empty)");
}
void add(Rows &rows, const char *field, const QString &value)
{
  rows.emplace_back(Names::field(field), value);
}
void coded(Rows &rows, const char *field, const std::optional<std::string> &v)
{
  add(rows, field, Names::value(field, v));
}

//! The value as stored, in Chinese with what it means as the map colours it (1401 公园绿地).
QString landUseValue(const std::optional<std::string> &v, core::LandUseClass c)
{
  if (!v || Names::messageLanguage() != "zh")
    return str(v);
  return QString::fromStdString(core::landUseInWordsZh(c, v));
}

QString landUseClassName(core::LandUseClass c)
{
  const auto name = Names::messageLanguage() == "zh" ? core::classNameZh(c) : core::className(c);
  return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

void fields(Rows &r, const core::Site &f)
{
  add(r, "name", str(f.name));
  add(r, "county", str(f.county));
  add(r, "township", str(f.township));
  coded(r, "setting", f.setting);
  add(r, "households", num(f.households));
  add(r, "population", num(f.population));
  add(r, "pupils_primary", num(f.pupilsPrimary));
  add(r, "pupils_junior", num(f.pupilsJunior));
  coded(r, "support_plan",
        f.supportPlan ? std::optional<std::string>(std::to_string(*f.supportPlan)) : std::nullopt);
}
void fields(Rows &r, const core::PlannedPlot &f)
{
  add(r, "name", str(f.name));
  add(r, "land_use", landUseValue(f.landUse, f.landUseClass));
  add(r, "land_use_class", landUseClassName(f.landUseClass));
}
void fields(Rows &r, const core::Building &f)
{
  add(r, "use", landUseValue(f.use, f.landUseClass));
  add(r, "land_use_class", landUseClassName(f.landUseClass));
}
void fields(Rows &r, const core::School &f)
{
  add(r, "name", str(f.name));
  coded(r, "level", f.level);
  add(r, "capacity", num(f.capacity));
  add(r, "enrolled", num(f.enrolled));
}
void fields(Rows &r, const core::Catchment &f)
{
  add(r, "school_code", str(f.schoolCode));
}
void fields(Rows &r, const core::Clinic &f)
{
  add(r, "name", str(f.name));
  coded(r, "level", f.level);
}
void fields(Rows &r, const core::ElderlyCare &f)
{
  add(r, "name", str(f.name));
  add(r, "beds", num(f.beds));
}
void fields(Rows &r, const core::ServicePoint &f)
{
  add(r, "name", str(f.name));
  coded(r, "kind", f.kind);
}
void fields(Rows &r, const core::IndustrialPark &f)
{
  add(r, "name", str(f.name));
  coded(r, "kind", f.kind);
  add(r, "jobs", num(f.jobs));
}
void fields(Rows &r, const core::Homestead &f)
{
  add(r, "household_code", str(f.householdCode));
  add(r, "village", str(f.village));
  add(r, "site_code", str(f.siteCode));
  coded(r, "status", f.status);
  coded(r, "target_use", f.targetUse);
  add(r, "done_date",
      f.doneDate ? QString::fromStdString(f.doneDate->toString()) : Names::tr("(empty)"));
}
void fields(Rows &, const core::ForestLand &) {}
void fields(Rows &r, const core::Ranger &f)
{
  add(r, "name", str(f.name));
  add(r, "site_code", str(f.siteCode));
  coded(r, "status", f.status);
}
void fields(Rows &r, const core::RangerPlot &f)
{
  add(r, "ranger_code", str(f.rangerCode));
}
void fields(Rows &r, const core::Road &f)
{
  add(r, "class", str(f.roadClass));
}

} // namespace

std::vector<std::pair<QString, QString>> featureAttributes(const core::Project &p,
                                                           const FeatureHit &hit)
{
  Rows rows;
  p.visitLayer(hit.layer, [&](const auto &layer) {
    if (hit.index >= layer.features.size())
      return;
    const auto &f = layer.features[hit.index];
    add(rows, "layer", Names::layer(hit.layer));
    add(rows, "fid", QString::number(f.fid));
    add(rows, "code", str(f.code));
    fields(rows, f);
    if (!f.hasGeometry())
      return;
    const GEOSGeometry *g = f.geometry.get();
    if (gis::isPolygonal(g)) {
      try {
        add(rows, "area",
            Names::area(gis::EllipsoidalArea::forThread(p.workingCrs).squareMetres(g)));
      } catch (const gis::GisError &e) {
        add(rows, "area", QString::fromStdString(e.what()));
      }
    } else if (gis::typeId(g) == GEOS_POINT) {
      auto [x, y] = gis::pointXY(g);
      add(rows, "location", QStringLiteral("%1, %2").arg(x, 0, 'f', 1).arg(y, 0, 'f', 1));
    }
  });
  return rows;
}

AttributesDock::AttributesDock(QWidget *parent)
    : QDockWidget(tr("Attributes"), parent)
    , m_title(new QLabel)
    , m_stack(new QListWidget)
    , m_table(new QTableWidget(0, 2))
{
  setObjectName("AttributesDock");
  m_table->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setAlternatingRowColors(true);
  m_title->setText(tr("Click a feature with the identify tool."));
  m_title->setWordWrap(true);
  auto *w = new QWidget;
  auto *layout = new QVBoxLayout(w);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(m_title);
  layout->addWidget(m_stack, 1);
  layout->addWidget(m_table, 3);
  setWidget(w);
  m_stack->hide();
  connect(m_stack, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0 && std::size_t(row) < m_hits.size())
      emit featureChosen(m_hits[std::size_t(row)]);
  });
}

void AttributesDock::showFeatures(const core::Project &p, std::vector<FeatureHit> hits)
{
  m_hits = std::move(hits);
  const QSignalBlocker quiet(m_stack);
  m_stack->clear();
  for (const FeatureHit &hit : m_hits)
    m_stack->addItem(tr("%1: %2").arg(Names::layer(hit.layer), featureTitle(p, hit)));
  m_stack->setVisible(m_hits.size() > 1);
  if (m_hits.empty()) {
    clear();
    return;
  }
  m_stack->setCurrentRow(0);
  showFeature(p, m_hits.front());
}

void AttributesDock::showFeature(const core::Project &p, const FeatureHit &hit)
{
  const auto rows = featureAttributes(p, hit);
  m_table->setRowCount(int(rows.size()));
  for (int i = 0; i < int(rows.size()); ++i) {
    m_table->setItem(i, 0, new QTableWidgetItem(rows[std::size_t(i)].first));
    m_table->setItem(i, 1, new QTableWidgetItem(rows[std::size_t(i)].second));
  }
  m_title->setText(tr("%1, feature %2").arg(Names::layer(hit.layer)).arg(fidOf(p, hit)));
}

void AttributesDock::clear()
{
  m_hits.clear();
  m_stack->clear();
  m_stack->hide();
  m_table->setRowCount(0);
  m_title->setText(tr("Click a feature with the identify tool."));
}

} // namespace anzhi::desktop
