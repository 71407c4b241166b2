#pragma once

#include "core/Engine.h"
#include "core/edit/EditBuffer.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace anzhi::core {

//! The re-check of an edited neighbourhood, in milliseconds whatever the project's size: it
//! builds a small Project holding only the features a rule can need around the edit — taken
//! from the base snapshot's STR-trees, with the edit buffer applied — and runs
//! Engine::checkScope on it. Never rebuilds the base snapshot.
//!
//! What "around" means per layer (R = the largest radius of the rule set):
//! planned plots and buildings meeting the scope or a plot that meets it; ranger plots
//! likewise, plus every plot of every ranger involved; sites and rangers within R (plus a
//! ranger's site and the rangers of the plots); schools, catchments, clinics and service
//! points within 2R (a school's pupils come from sites within R, whose nearest covering school
//! lies within R of them); other layers within the scope.
//! Thread: const methods may run on any thread; construct it off the UI thread for a large
//! project (it indexes rangers and sites by code once).
class LiveCheck
{
public:
  LiveCheck(std::shared_ptr<const Project> base, RuleSet rules);

  //! The violations of the rules reading `layers`, among the features of the edited project
  //! whose envelope meets `scope` (as Engine::checkScope defines them).
  std::vector<Violation> check(const EditBuffer &buffer, const gis::Envelope &scope,
                               const std::vector<std::string> &layers) const;
  //! The violations around one edit, before and after it (what LiveViolations::replace
  //! takes). The scope is the envelopes of the `changed` features in either state; an edit of a
  //! ranger or ranger plot widens it to that ranger's residence and plots (in either state),
  //! so that taking a plot away from a ranger far from it still re-checks the ranger's total;
  //! an edit of a school, catchment, clinic or service point widens it by R, so that the sites
  //! it serves are re-checked (moving a school updates the covered sites).
  struct Delta
  {
    std::vector<Violation> before, after;
    gis::Envelope scope;
  };
  Delta checkEdit(const EditBuffer &before, const EditBuffer &after,
                  const std::vector<FeatureKey> &changed) const;
  //! The small project check() runs on (exposed for tests and the benchmark), holding the
  //! layers named in `layers` (all when empty); the others are present but empty.
  std::unique_ptr<Project> neighbourhood(const EditBuffer &buffer, const gis::Envelope &scope,
                                         const std::set<std::string> &layers = {}) const;

  const std::shared_ptr<const Project> &base() const { return m_base; }
  const RuleSet &rules() const { return m_engine.rules(); }

private:
  std::shared_ptr<const Project> m_base;
  Engine m_engine;
  double m_radius = 0;
  std::unordered_map<std::string, std::size_t> m_rangerByCode, m_siteByCode;
};

//! Identifies a violation across re-checks: rule, feature, other feature and level.
using ViolationKey =
    std::tuple<std::string, std::string, std::int64_t, std::string, std::int64_t, std::string>;
ViolationKey keyOf(const Violation &v);

//! The violations the live check has found around the edits of a session. After an edit,
//! those the re-check of the edited scope found before the edit are replaced by those it
//! finds after: new ones appear, mended ones disappear, the rest of the project is untouched.
class LiveViolations
{
public:
  void replace(const std::vector<Violation> &before, std::vector<Violation> after);
  void clear() { m_violations.clear(); }
  std::vector<Violation> list() const;
  std::size_t size() const { return m_violations.size(); }

private:
  std::map<ViolationKey, Violation> m_violations;
};

} // namespace anzhi::core
