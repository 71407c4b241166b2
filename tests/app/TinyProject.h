#pragma once

// Tiny project GeoPackages for the app tests, written with gis::VectorDataset, with the layer
// schemas of domain.md (as tests/core/ProjectBuilder.h does for the engine's tests).

#include "gis/Vector.h"
#include "tests/support/Wkt.h"

#include <QTemporaryDir>

#include <map>
#include <string>
#include <vector>

namespace anzhi::apptest {

using gis::FieldValue;
using F = gis::FieldType;

inline constexpr double X0 = 543000, Y0 = 4284000;

using anzhi::test::point;
using anzhi::test::rect;

struct Row
{
  std::string wkt;
  std::vector<FieldValue> values; // code first
};

inline void addLayer(gis::VectorDataset &ds, const std::string &name, gis::GeometryKind kind,
                     const std::vector<gis::FieldDefinition> &fields, const std::vector<Row> &rows)
{
  gis::LayerWriter w = ds.createLayer(name, kind, gis::Crs::fromEpsg(4546), fields);
  for (const Row &r : rows) {
    gis::Geometry g = r.wkt.empty() ? nullptr : gis::fromWkt(r.wkt);
    w.add(g.get(), r.values);
  }
}

//! One rural site of 3500 people without support plan (support-plan, large-site-employment),
//! an education plot P-1 encroached by a residential plot P-2 (protected-land), a primary
//! school 10 km away (school-coverage), a clinic inside the site. With `brokenSchools`, the
//! schools layer lacks its required `level` field.
inline std::string writeTinyProject(const std::string &path, bool brokenSchools = false)
{
  gis::VectorDataset ds = gis::VectorDataset::createGeoPackage(path);
  const std::int64_t population = 3500;
  addLayer(ds, "resettlement_sites", gis::GeometryKind::Polygon,
           {{"code", F::String},
            {"name", F::String},
            {"county", F::String},
            {"township", F::String},
            {"setting", F::String},
            {"households", F::Integer},
            {"population", F::Integer},
            {"pupils_primary", F::Integer},
            {"pupils_junior", F::Integer},
            {"support_plan", F::Integer}},
           {{rect(X0, Y0, X0 + 400, Y0 + 300),
             {FieldValue("AZQ-1"),
              FieldValue("幸福家园安置区"),
              FieldValue("岚县"),
              FieldValue("岚城镇"),
              FieldValue("rural"),
              FieldValue(std::int64_t(900)),
              FieldValue(population),
              {},
              {},
              FieldValue(std::int64_t(0))}}});
  addLayer(ds, "planned_plots", gis::GeometryKind::Polygon,
           {{"code", F::String}, {"name", F::String}, {"land_use", F::String}},
           {{rect(X0 + 20, Y0 + 20, X0 + 180, Y0 + 180),
             {FieldValue("P-1"), FieldValue("小学"), FieldValue("0804")}},
            {rect(X0 + 150, Y0 + 20, X0 + 300, Y0 + 180),
             {FieldValue("P-2"), FieldValue("住宅"), FieldValue("residential")}}});
  if (brokenSchools)
    addLayer(ds, "schools", gis::GeometryKind::Point, {{"code", F::String}, {"name", F::String}},
             {{point(X0 + 10000, Y0), {FieldValue("XX-1"), FieldValue("远山小学")}}});
  else
    addLayer(ds, "schools", gis::GeometryKind::Point,
             {{"code", F::String},
              {"name", F::String},
              {"level", F::String},
              {"capacity", F::Integer},
              {"enrolled", F::Integer}},
             {{point(X0 + 10000, Y0),
               {FieldValue("XX-1"), FieldValue("远山小学"), FieldValue("primary"),
                FieldValue(std::int64_t(500)), FieldValue(std::int64_t(100))}}});
  addLayer(ds, "clinics", gis::GeometryKind::Point,
           {{"code", F::String}, {"name", F::String}, {"level", F::String}},
           {{point(X0 + 350, Y0 + 250),
             {FieldValue("WS-1"), FieldValue("卫生室"), FieldValue("village")}}});
  return path;
}

} // namespace anzhi::apptest
