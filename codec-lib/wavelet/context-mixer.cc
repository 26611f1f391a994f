#include "wavelet/context-mixer.h"

#include <algorithm>
#include <cmath>

namespace lvc
{

namespace
{

constexpr int kStretchBits = 12;
constexpr float kSquashRange = 12.0F;
constexpr int kSquashSteps = 4096;

const std::array<float, 1U << kStretchBits>&
StretchTable()
{
    static const auto table = [] {
        std::array<float, 1U << kStretchBits> t{};
        for (std::size_t i = 0; i < t.size(); ++i)
        {
            const double p = (static_cast<double>(i) + 0.5) / static_cast<double>(t.size());
            t[i] = static_cast<float>(std::log(p / (1 - p)));
        }
        return t;
    }();
    return table;
}

const std::array<std::uint32_t, kSquashSteps + 1>&
SquashTable()
{
    static const auto table = [] {
        std::array<std::uint32_t, kSquashSteps + 1> t{};
        for (int i = 0; i <= kSquashSteps; ++i)
        {
            const double x = -kSquashRange + 2.0 * kSquashRange * i / kSquashSteps;
            const double p = 1.0 / (1.0 + std::exp(-x));
            t[static_cast<std::size_t>(i)] =
                std::clamp(static_cast<std::uint32_t>(std::lround(p * 65536.0)), 32U, 65504U);
        }
        return t;
    }();
    return table;
}

} // namespace

float
Stretch(std::uint32_t p1)
{
    return StretchTable()[std::min<std::uint32_t>(p1, 65535U) >> (16 - kStretchBits)];
}

std::uint32_t
Squash(float x)
{
    const float clamped = std::clamp(x, -kSquashRange, kSquashRange);
    const auto i =
        static_cast<int>((clamped + kSquashRange) * (kSquashSteps / (2 * kSquashRange)) + 0.5F);
    return SquashTable()[static_cast<std::size_t>(i)];
}

LogisticMixer::LogisticMixer(int sets, const Weights& initial, float rate)
    : m_weights(static_cast<std::size_t>(sets), initial),
      m_rate(rate)
{
}

std::uint32_t
LogisticMixer::Mix(int set, const Weights& inputs)
{
    m_set = set;
    m_inputs = inputs;
    const Weights& w = m_weights[static_cast<std::size_t>(set)];
    float dot = 0;
    for (int i = 0; i < kInputs; ++i)
    {
        dot += w[static_cast<std::size_t>(i)] * inputs[static_cast<std::size_t>(i)];
    }
    const std::uint32_t p1 = Squash(dot);
    m_p = static_cast<float>(p1) / 65536.0F;
    return p1;
}

void
LogisticMixer::Update(int bit)
{
    const float error = static_cast<float>(bit) - m_p;
    Weights& w = m_weights[static_cast<std::size_t>(m_set)];
    for (int i = 0; i < kInputs; ++i)
    {
        w[static_cast<std::size_t>(i)] += m_rate * error * m_inputs[static_cast<std::size_t>(i)];
    }
}

} // namespace lvc
