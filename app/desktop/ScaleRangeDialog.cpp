#include "app/desktop/ScaleRangeDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace anzhi::desktop {

namespace {

QSpinBox *scaleBox(const QString &none)
{
  auto *box = new QSpinBox;
  box->setRange(0, 100000000);
  box->setSingleStep(10000);
  box->setPrefix(QStringLiteral("1:"));
  box->setSpecialValueText(none); // 0: no limit on this side
  box->setGroupSeparatorShown(true);
  return box;
}

QString scaleText(double n)
{
  return QStringLiteral("1:%1").arg(QLocale().toString(std::llround(n)));
}

} // namespace

ScaleRangeDialog::ScaleRangeDialog(const QString &layerTitle,
                                   const render::ScaleRange &defaultRange,
                                   const std::optional<render::ScaleRange> &userRange,
                                   QWidget *parent)
    : QDialog(parent)
    , m_default(defaultRange)
    , m_useDefault(new QCheckBox(tr("Use the default (%1)").arg(describe(defaultRange))))
    , m_min(scaleBox(tr("no limit")))
    , m_max(scaleBox(tr("no limit")))
{
  setObjectName("ScaleRangeDialog");
  setWindowTitle(tr("Visible at scales — %1").arg(layerTitle));
  auto *form = new QFormLayout;
  form->addRow(tr("Minimum scale (zoomed out):"), m_min);
  form->addRow(tr("Maximum scale (zoomed in):"), m_max);
  auto *hint = new QLabel(tr("The layer is drawn only between these scales; a point layer's "
                             "markers are grouped with their count when they crowd."));
  hint->setWordWrap(true);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_useDefault);
  layout->addLayout(form);
  layout->addWidget(hint);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_useDefault, &QCheckBox::toggled, this, [this](bool on) {
    m_min->setEnabled(!on);
    m_max->setEnabled(!on);
    if (on)
      showRange(m_default);
  });
  m_useDefault->setChecked(!userRange);
  showRange(userRange ? *userRange : defaultRange);
  m_min->setEnabled(bool(userRange));
  m_max->setEnabled(bool(userRange));
}

void ScaleRangeDialog::showRange(const render::ScaleRange &range)
{
  m_min->setValue(int(std::llround(std::max(0.0, range.minScale))));
  m_max->setValue(int(std::llround(std::max(0.0, range.maxScale))));
}

std::optional<render::ScaleRange> ScaleRangeDialog::userRange() const
{
  if (m_useDefault->isChecked())
    return std::nullopt;
  // Entered the wrong way round, the two limits still mean one range.
  const double a = m_min->value(), b = m_max->value();
  return a > 0 && b > 0 && a < b ? render::ScaleRange{b, a} : render::ScaleRange{a, b};
}

QString ScaleRangeDialog::describe(const render::ScaleRange &range)
{
  const bool min = range.minScale > 0, max = range.maxScale > 0;
  if (min && max)
    return tr("from %1 to %2").arg(scaleText(range.minScale), scaleText(range.maxScale));
  if (min)
    return tr("from %1 in").arg(scaleText(range.minScale));
  if (max)
    return tr("up to %1").arg(scaleText(range.maxScale));
  return tr("all scales");
}

} // namespace anzhi::desktop
