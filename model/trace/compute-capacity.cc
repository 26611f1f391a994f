#include "compute-capacity.h"

#include "ns3/deterministic-random.h"
#include "ns3/input-error.h"
#include "ns3/text-input.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

ComputeCapacity::ComputeCapacity()
    : m_name("full"),
      m_start_s{0.0},
      m_value{1.0},
      m_duration_s(1)
{
}

ComputeCapacity
ComputeCapacity::Constant(double capacity)
{
    ComputeCapacity c;
    c.m_name = "constant";
    c.m_value[0] = capacity;
    c.Validate("constant capacity");
    return c;
}

ComputeCapacity
ComputeCapacity::Load(const std::string& path)
{
    return Parse(ReadTextFile(path), path);
}

ComputeCapacity
ComputeCapacity::Parse(std::string_view text, const std::string& name)
{
    std::vector<NumberedLine> lines = SplitLines(text);
    if (lines.empty())
    {
        throw InputError::InFile(name, "the file is empty");
    }
    auto header = SplitCommas(lines[0].text);
    if (header.size() != 2 || header[0] != "time_s" || header[1] != "capacity")
    {
        throw InputError::AtLine(name, lines[0].number, "expected the header 'time_s,capacity'");
    }
    if (lines.size() < 2)
    {
        throw InputError::InFile(name, "no rows after the header");
    }
    ComputeCapacity c;
    c.m_name = name;
    c.m_start_s.clear();
    c.m_value.clear();
    double first_s = 0;
    for (std::size_t i = 1; i < lines.size(); ++i)
    {
        std::size_t n = lines[i].number;
        auto fields = SplitCommas(lines[i].text);
        if (fields.size() != 2)
        {
            throw InputError::AtLine(name, n, "expected 'time_s,capacity'");
        }
        double t = ParseNumber(fields[0], name, n, "time_s");
        double value = ParseNumber(fields[1], name, n, "capacity");
        if (!(value > 0 && value <= 1))
        {
            throw InputError::AtLine(name, n, "capacity must be in (0, 1]");
        }
        if (i == 1)
        {
            first_s = t;
        }
        t -= first_s;
        if (!c.m_start_s.empty() && t <= c.m_start_s.back())
        {
            throw InputError::AtLine(name, n, "time must increase from row to row");
        }
        if (t > 1e8)
        {
            throw InputError::AtLine(name, n, "time_s is implausibly large");
        }
        c.m_start_s.push_back(t);
        c.m_value.push_back(value);
    }
    std::size_t k = c.m_start_s.size();
    double last_step = k > 1 ? c.m_start_s[k - 1] - c.m_start_s[k - 2] : 1.0;
    c.m_duration_s = c.m_start_s.back() + last_step;
    return c;
}

ComputeCapacity
ComputeCapacity::GenerateSwift(double duration_s,
                               std::uint64_t seed,
                               const SwiftCapacityParams& params)
{
    if (!(duration_s > 0) || !(params.slot_s > 0) || !(params.mean_competitors >= 0) ||
        duration_s / params.slot_s > 1e7)
    {
        throw InputError::AtField("swift capacity", "duration/slot/mean", "out of range");
    }
    ComputeCapacity c;
    c.m_name = "swift-seed" + std::to_string(seed);
    c.m_start_s.clear();
    c.m_value.clear();
    DeterministicRandom rng(seed);
    std::size_t slots = static_cast<std::size_t>(std::ceil(duration_s / params.slot_s));
    for (std::size_t i = 0; i < slots; ++i)
    {
        std::uint32_t n = std::min(rng.Poisson(params.mean_competitors), params.max_competitors);
        c.m_start_s.push_back(i * params.slot_s);
        c.m_value.push_back(1.0 / (1.0 + n));
    }
    c.m_duration_s = slots * params.slot_s;
    return c;
}

void
ComputeCapacity::Validate(const std::string& where) const
{
    for (double v : m_value)
    {
        if (!(v > 0 && v <= 1))
        {
            throw InputError::InFile(where, "capacity must be in (0, 1]");
        }
    }
}

const std::string&
ComputeCapacity::GetName() const
{
    return m_name;
}

double
ComputeCapacity::GetCapacity(double t_s) const
{
    if (m_value.size() == 1)
    {
        return m_value[0];
    }
    double t = std::fmod(std::max(t_s, 0.0), m_duration_s);
    auto it = std::upper_bound(m_start_s.begin(), m_start_s.end(), t);
    return m_value[static_cast<std::size_t>(it - m_start_s.begin()) - 1];
}

double
ComputeCapacity::GetDuration_s() const
{
    return m_duration_s;
}

double
ComputeCapacity::GetMean() const
{
    double sum = 0;
    for (std::size_t i = 0; i < m_value.size(); ++i)
    {
        double end = i + 1 < m_start_s.size() ? m_start_s[i + 1] : m_duration_s;
        sum += m_value[i] * (end - m_start_s[i]);
    }
    return sum / m_duration_s;
}

std::size_t
ComputeCapacity::GetStepCount() const
{
    return m_value.size();
}

double
ComputeCapacity::GetStepStart_s(std::size_t i) const
{
    return m_start_s.at(i);
}

double
ComputeCapacity::GetStepValue(std::size_t i) const
{
    return m_value.at(i);
}

} // namespace ns3
