#include "app/desktop/RuleExplanation.h"

#include "app/desktop/Names.h"
#include "core/report/RuleCatalogue.h"
#include "core/rules/RuleSummaries.h"

#include <QCoreApplication>

namespace anzhi::desktop {

namespace {

QString html(const std::string &text)
{
  return QString::fromStdString(text).toHtmlEscaped();
}

} // namespace

QString ruleExplanation(const core::Violation &v, const core::RuleSet &rules)
{
  const bool zh = Names::messageLanguage() == "zh";
  QString out = QStringLiteral("<h3>%1 <small>(%2)</small></h3>")
                    .arg(Names::rule(v.rule).toHtmlEscaped(), html(v.rule));
  out += QStringLiteral("<p>%1</p>")
             .arg(QCoreApplication::translate("RuleExplanation",
                                              "Clause %1 of 晋脱贫攻坚组〔2020〕12号, %2.")
                      .arg(html(v.clause), Names::severity(v.severity)));
  if (const core::RuleSummary *summary = core::ruleSummary(v.rule))
    out += QStringLiteral("<p>%1</p>")
               .arg(QString::fromUtf8(zh ? summary->zh.data() : summary->en.data(),
                                      qsizetype(zh ? summary->zh.size() : summary->en.size()))
                        .toHtmlEscaped());
  for (const core::CatalogueEntry &entry : core::ruleCatalogue(rules)) {
    if (entry.descriptor->id != v.rule)
      continue;
    if (entry.parameters.empty()) {
      out +=
          QStringLiteral("<p>%1</p>")
              .arg(QCoreApplication::translate("RuleExplanation", "The rule has no parameters."));
      break;
    }
    out += QStringLiteral("<p><b>%1</b></p><ul>")
               .arg(QCoreApplication::translate("RuleExplanation", "Parameters"));
    for (const core::ParameterEntry &p : entry.parameters) {
      const QString from =
          p.setAtLine > 0
              ? QCoreApplication::translate("RuleExplanation", "set at line %1 of the rule set")
                    .arg(p.setAtLine)
              : QCoreApplication::translate("RuleExplanation", "default: %1")
                    .arg(html(zh ? p.sourceZh : p.source));
      out += QStringLiteral("<li><code>%1 = %2</code> %3 — %4</li>")
                 .arg(html(p.key), html(p.value), html(p.unit), from);
    }
    out += QStringLiteral("</ul>");
  }
  out += QStringLiteral("<p><b>%1</b> %2</p>")
             .arg(QCoreApplication::translate("RuleExplanation", "This case:"),
                  html(v.message(Names::messageLanguage())));
  return out;
}

} // namespace anzhi::desktop
