#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace anzhi::core {

//! A decimal rate such as 0.08 kept as an exact fraction, so that floor(population × rate)
//! is computed exactly (100 × 0.29 is 29, not 28).
struct ExactRate
{
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
  static ExactRate fromDouble(double rate);
  //! floor(count × rate) for count ≥ 0.
  std::int64_t floorTimes(std::int64_t count) const;
  double value() const { return double(numerator) / double(denominator); }
};

//! A value by site setting (a service radius in metres, a travel time in minutes); a setting
//! not listed has none.
struct BySetting
{
  double urban = 0;
  double rural = 0;
  std::optional<double> forSetting(const std::optional<std::string> &setting) const;
  double largest() const { return urban > rural ? urban : rural; }
};
using RadiusBySetting = BySetting;

//! Speeds in km/h by road class (values of `roads.class`), `default` for any other class.
using SpeedByClass = std::map<std::string, double>;

//! What a number parameter measures: how `anzhi-cli rules` writes its unit.
enum class Unit
{
  Metres,
  Mu,
  People,
  Degrees, //!< of slope
  Minutes,
  KmPerHour
};

//! What a parameter's default value cites, in Chinese and English.
struct Cited
{
  std::string_view zh, en;
};

//! Sees every parameter of a rule once, by its key in the rule's TOML table (dotted for a
//! nested table: "radius_m.primary") and with the source its default value cites. One
//! declaration (RuleParameters::visit) thus reads a rule set, with the rule's own validation,
//! and lists it for `anzhi-cli rules`.
class ParameterVisitor
{
public:
  virtual ~ParameterVisitor() = default;
  //! A finite number ≥ 0.
  virtual void number(std::string_view key, double &value, Unit unit, const Cited &source) = 0;
  //! A whole number of people, 0 to 10^12.
  virtual void count(std::string_view key, std::int64_t &value, const Cited &source) = 0;
  //! A rate per resident, 0 to 1.
  virtual void rate(std::string_view key, ExactRate &value, const Cited &source) = 0;
  //! A table { urban = …, rural = … } of finite numbers ≥ 0.
  virtual void bySetting(std::string_view key, BySetting &value, Unit unit,
                         const Cited &source) = 0;
  //! A table { urban = metres, rural = metres }.
  void radius(std::string_view key, RadiusBySetting &value, const Cited &source)
  {
    bySetting(key, value, Unit::Metres, source);
  }
  //! A speed in km/h, greater than zero.
  virtual void speed(std::string_view key, double &value, const Cited &source) = 0;
  //! A table { class = km/h, …, default = km/h } of speeds greater than zero; any class names.
  virtual void speeds(std::string_view key, SpeedByClass &value, const Cited &source) = 0;
  //! Text that must be one of `allowed`.
  virtual void choice(std::string_view key, std::string &value,
                      std::initializer_list<std::string_view> allowed, const Cited &source) = 0;
  virtual void text(std::string_view key, std::string &value, const Cited &source) = 0;
  //! An ISO date (YYYY-MM-DD), written as a TOML date.
  virtual void date(std::string_view key, std::string &value, const Cited &source) = 0;
};

//! A rule's typed parameters with their defaults. Immutable once a rule set is read; shared
//! read-only by the rule threads.
class RuleParameters
{
public:
  virtual ~RuleParameters() = default;
  virtual std::unique_ptr<RuleParameters> clone() const = 0;
  //! Presents every parameter to `visitor`, in the order of the rule set file.
  virtual void visit(ParameterVisitor &visitor) = 0;
  //! The farthest apart (metres, working CRS) two features can be and still affect each
  //! other's result under this rule: how far around an edit the live check must look.
  virtual double reachM() const { return 0; }
};

//! The base of a rule's parameter struct: copying comes with the type.
template<typename Derived> class ParametersOf : public RuleParameters
{
public:
  std::unique_ptr<RuleParameters> clone() const override
  {
    return std::make_unique<Derived>(static_cast<const Derived &>(*this));
  }
};

//! The parameters of a rule that has none.
class NoParameters final : public ParametersOf<NoParameters>
{
public:
  void visit(ParameterVisitor &) override {}
};

} // namespace anzhi::core
