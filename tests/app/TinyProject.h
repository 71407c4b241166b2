#pragma once

// The tiny project the app tests open, written with the tests' ProjectBuilder.

#include "tests/support/ProjectBuilder.h"

#include <string>

namespace anzhi::apptest {

using gis::FieldValue;
using test::null;
using test::point;
using test::rect;

inline constexpr double X0 = 543000, Y0 = 4284000;

//! One rural site of 3500 people without support plan (support-plan, large-site-employment),
//! an education plot P-1 encroached by a residential plot P-2 (protected-land), a primary
//! school 10 km away (school-coverage), a clinic inside the site. With `brokenSchools`, the
//! schools layer lacks its required `level` field.
inline std::string writeTinyProject(const std::string &path, bool brokenSchools = false)
{
  test::ProjectBuilder b(path);
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 400, Y0 + 300),
        {FieldValue("幸福家园安置区"), FieldValue("岚县"), FieldValue("岚城镇"),
         FieldValue("rural"), FieldValue(std::int64_t(900)), FieldValue(std::int64_t(3500)), null,
         null, FieldValue(std::int64_t(0))});
  b.add("planned_plots", "P-1", rect(X0 + 20, Y0 + 20, X0 + 180, Y0 + 180),
        {FieldValue("小学"), FieldValue("0804")});
  b.add("planned_plots", "P-2", rect(X0 + 150, Y0 + 20, X0 + 300, Y0 + 180),
        {FieldValue("住宅"), FieldValue("residential")});
  if (brokenSchools) {
    b.layer("schools", {{"name", gis::FieldType::String}});
    b.add("schools", "XX-1", point(X0 + 10000, Y0), {FieldValue("远山小学")});
  } else {
    b.add("schools", "XX-1", point(X0 + 10000, Y0),
          {FieldValue("远山小学"), FieldValue("primary"), FieldValue(std::int64_t(500)),
           FieldValue(std::int64_t(100))});
  }
  b.add("clinics", "WS-1", point(X0 + 350, Y0 + 250),
        {FieldValue("卫生室"), FieldValue("village")});
  return b.finish();
}

} // namespace anzhi::apptest
