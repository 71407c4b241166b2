#include "core/Schema.h"
#include "core/rules/RuleSupport.h"

#include <algorithm>

namespace anzhi::core::rules {

namespace {

//! The canonical layers with a closed coded field (core/Schema.h, Coding::Closed).
std::vector<std::string> layersWithCodes()
{
  std::vector<std::string> names;
  for (const LayerSchema &layer : canonicalSchema())
    if (std::any_of(layer.fields.begin(), layer.fields.end(),
                    [](const FieldSchema &f) { return f.coding == Coding::Closed; }))
      names.push_back(layer.name);
  return names;
}

std::optional<std::string> textOf(const FieldSchema &field, const FeatureBase &f)
{
  gis::FieldValue v = field.binding.get(f);
  if (const auto *s = std::get_if<std::string>(&v))
    return *s;
  return std::nullopt;
}

//! "village（卫生室）、township（卫生院）、county（医院）" and "village, township, county".
std::pair<std::string, std::string> codesInWords(const FieldSchema &field)
{
  std::string zh, en;
  for (const Choice &c : field.choices) {
    zh += (zh.empty() ? "" : "、") + c.value + "（" + c.nameZh + "）";
    en += (en.empty() ? "" : ", ") + c.value;
  }
  return {zh, en};
}

//! Data quality: a closed coded field holding a value docs/contract.md does not list. The other
//! rules compare codes exactly and read such a value as not set (a school of level 初中 serves no
//! level); this rule says so instead of letting it pass silently (docs/rules.md).
class UnknownCodeCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "unknown-code",
                                  .clause = "—",
                                  .severity = Severity::Warning,
                                  .nameZh = "未知代码值",
                                  .nameEn = "Unknown coded value",
                                  .requiredLayers = {},
                                  .layersRead = layersWithCodes()};
    return d;
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    RuleRun result;
    for (const std::string &name : descriptor().layersRead)
      ctx.project.visitLayer(name, [&](const auto &layer) {
        if (!layer.present)
          return;
        result.checked += static_cast<std::int64_t>(layer.features.size());
        for (std::size_t i = 0; i < layer.features.size(); ++i) {
          ctx.pollCancel(i);
          if (ctx.inScope(layer.features[i]))
            check(ctx, *layer.schema, layer.features[i], result);
        }
      });
    return result;
  }

private:
  void check(const RuleContext &ctx, const LayerSchema &schema, const FeatureBase &f,
             RuleRun &result) const
  {
    std::string zh, en;
    for (const FieldSchema &field : schema.fields) {
      if (field.coding != Coding::Closed)
        continue;
      const std::optional<std::string> value = textOf(field, f);
      // NULL and blank are "not set", which the rules that need the field judge themselves.
      if (!value || codeTrimmed(*value).empty() || isFieldCode(field, *value))
        continue;
      const auto [codesZh, codesEn] = codesInWords(field);
      zh += std::string(zh.empty() ? "" : "；") + field.nameZh + "「" + *value +
            "」不是规定的代码（" + codesZh + "），其他规则按未填写处理";
      en += std::string(en.empty() ? "" : "; ") + "its " + field.name + " is '" + *value +
            "', not one of the codes (" + codesEn + "), so the other rules read it as not set";
      if (auto code = defaultCode(field, *value)) {
        const Choice *choice = findChoice(field.name, *code);
        zh += "；按内置对照表应为 " + *code + (choice ? "（" + choice->nameZh + "）" : "");
        en += " (by the built-in table it is " + *code + ")";
      }
    }
    if (zh.empty())
      return;
    const FieldSchema *nameField = schema.field("name");
    const std::optional<std::string> name = nameField ? textOf(*nameField, f) : std::nullopt;
    Violation v = newViolation(ctx, id(), schema.name, f);
    v.wkt = locationWkt(f.hasGeometry() ? f.geometry.get() : nullptr);
    v.messageZh = labelZh(schema.name, f, name) + "的" + zh + "。请改为规定的代码。";
    v.messageEn = labelEn(schema.name, f, name) + ": " + en + ". Write the code.";
    result.violations.push_back(std::move(v));
  }
};

} // namespace

std::unique_ptr<Rule> makeUnknownCodeCheck()
{
  return std::make_unique<UnknownCodeCheck>();
}

} // namespace anzhi::core::rules
