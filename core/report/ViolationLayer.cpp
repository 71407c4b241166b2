#include "core/report/ViolationLayer.h"

#include "core/report/AtomicFile.h"
#include "gis/GisError.h"
#include "gis/Vector.h"

#include <string_view>

namespace anzhi::core {

const std::vector<gis::FieldDefinition> &violationFields()
{
  using gis::FieldType;
  static const std::vector<gis::FieldDefinition> fields = {{"rule", FieldType::String},
                                                           {"severity", FieldType::String},
                                                           {"clause", FieldType::String},
                                                           {"layer", FieldType::String},
                                                           {"feature_fid", FieldType::Integer},
                                                           {"code", FieldType::String},
                                                           {"other_layer", FieldType::String},
                                                           {"other_fid", FieldType::Integer},
                                                           {"other_code", FieldType::String},
                                                           {"level", FieldType::String},
                                                           {"area_m2", FieldType::Real},
                                                           {"area_mu", FieldType::Real},
                                                           {"distance_m", FieldType::Real},
                                                           {"minutes", FieldType::Real},
                                                           {"shortfall_seats", FieldType::Integer},
                                                           {"value", FieldType::Real},
                                                           {"message", FieldType::String}};
  return fields;
}

std::vector<gis::FieldValue> violationValues(const Violation &v, const std::string &lang)
{
  auto text = [](const std::optional<std::string> &s) -> gis::FieldValue {
    return s ? gis::FieldValue(*s) : gis::FieldValue();
  };
  auto real = [](const std::optional<double> &d) -> gis::FieldValue {
    return d ? gis::FieldValue(*d) : gis::FieldValue();
  };
  return {v.rule,
          std::string(severityName(v.severity)),
          v.clause,
          v.feature.layer,
          v.feature.fid,
          text(v.feature.code),
          v.other ? gis::FieldValue(v.other->layer) : gis::FieldValue(),
          v.other ? gis::FieldValue(v.other->fid) : gis::FieldValue(),
          v.other ? text(v.other->code) : gis::FieldValue(),
          text(v.level),
          real(v.areaM2),
          real(v.areaMu()),
          real(v.distanceM),
          real(v.minutes),
          v.shortfallSeats ? gis::FieldValue(*v.shortfallSeats) : gis::FieldValue(),
          real(v.value),
          v.message(lang)};
}

void writeViolationLayer(const std::string &path, const CheckResult &result,
                         const gis::Crs &workingCrs, const std::string &lang)
{
  try {
    // Staged in a private folder: GDAL creates its output by name, and a name next to the
    // output could be a link someone planted.
    OutputStaging staging(path);
    {
      gis::VectorDataset out = gis::VectorDataset::createGeoPackage(staging.stagedPath());
      gis::LayerWriter writer =
          out.createLayer("violations", gis::GeometryKind::Any, workingCrs, violationFields());
      gis::Transaction transaction(out);
      for (const Violation &v : result.violations) {
        std::vector<gis::FieldValue> values = violationValues(v, lang);
        gis::Geometry location = v.wkt.empty() ? nullptr : gis::fromWkt(v.wkt);
        writer.add(location.get(), values);
      }
      transaction.commit();
    }
    staging.commit();
  } catch (const OutputError &) {
    throw;
  } catch (const std::exception &e) {
    // SQLite's message for a full disk comes after the whole statement it was running.
    if (std::string_view(e.what()).find("disk is full") != std::string_view::npos)
      throw OutputError("disk full writing " + path);
    throw std::runtime_error(path + ": cannot write the violations layer: " + e.what());
  }
}

} // namespace anzhi::core
