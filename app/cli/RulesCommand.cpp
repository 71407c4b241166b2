#include "app/cli/RulesCommand.h"

#include "app/cli/Commands.h"
#include "core/report/RuleCatalogue.h"
#include "gis/TextEncoding.h"

#include <iostream>

namespace anzhi::cli {

int runRules(const RulesArgs &args)
{
  core::RuleSet rules;
  try {
    rules = args.rules ? core::RuleSet::fromFile(*args.rules) : core::RuleSet::defaults();
  } catch (const core::RuleSetError &e) {
    std::cerr << "anzhi-cli: " << gis::printable(e.what()) << "\n";
    return kCannotRun;
  }
  if (args.markdown)
    std::cout << core::catalogueMarkdown();
  else if (args.json)
    std::cout << core::catalogueJson(rules).dump(2) << "\n";
  else
    std::cout << core::catalogueText(rules, args.lang);
  return kOk;
}

} // namespace anzhi::cli
