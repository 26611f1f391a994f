#include "bandwidth-trace.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{

namespace
{
// Bounds that no real trace reaches; beyond them prefix sums lose precision.
constexpr double kMaxRate_bps = 1e13;
constexpr double kMaxDuration_s = 1e8;
} // namespace

TraceFormat
ParseTraceFormat(const std::string& name)
{
    if (name == "auto")
    {
        return TraceFormat::Auto;
    }
    if (name == "pensieve")
    {
        return TraceFormat::Pensieve;
    }
    if (name == "mahimahi")
    {
        return TraceFormat::Mahimahi;
    }
    if (name == "sabre")
    {
        return TraceFormat::SabreJson;
    }
    if (name == "csv")
    {
        return TraceFormat::Csv;
    }
    if (name == "belgium")
    {
        return TraceFormat::BelgiumLog;
    }
    throw InputError::AtField("trace format",
                              name,
                              "unknown; use auto, pensieve, mahimahi, sabre, csv or belgium");
}

std::string
TraceFormatName(TraceFormat format)
{
    switch (format)
    {
    case TraceFormat::Auto:
        return "auto";
    case TraceFormat::Pensieve:
        return "pensieve";
    case TraceFormat::Mahimahi:
        return "mahimahi";
    case TraceFormat::SabreJson:
        return "sabre";
    case TraceFormat::Csv:
        return "csv";
    case TraceFormat::BelgiumLog:
        return "belgium";
    }
    return "auto";
}

BandwidthTrace
BandwidthTrace::FromSegments(const std::vector<double>& durations_s,
                             const std::vector<double>& rates_bps,
                             const std::string& name)
{
    if (durations_s.size() != rates_bps.size() || durations_s.empty())
    {
        throw InputError::InFile(name, "segments: need as many durations as rates, at least one");
    }
    BandwidthTrace trace;
    trace.m_name = name;
    double t = 0;
    for (std::size_t i = 0; i < durations_s.size(); ++i)
    {
        if (!(durations_s[i] > 0) || !(rates_bps[i] >= 0))
        {
            throw InputError::AtField(name,
                                      "segment " + std::to_string(i),
                                      "duration must be > 0 and rate >= 0");
        }
        trace.m_start_s.push_back(t);
        trace.m_rate_bps.push_back(rates_bps[i]);
        t += durations_s[i];
    }
    trace.m_duration_s = t;
    trace.Finalize(name);
    return trace;
}

BandwidthTrace
BandwidthTrace::Constant(double rate_bps, double duration_s)
{
    return FromSegments({duration_s}, {rate_bps}, "constant");
}

void
BandwidthTrace::Finalize(const std::string& where)
{
    if (m_start_s.empty() || !(m_duration_s > 0))
    {
        throw InputError::InFile(where, "the trace has no duration");
    }
    if (m_duration_s > kMaxDuration_s)
    {
        throw InputError::InFile(where, "the trace is implausibly long (over 1e8 s)");
    }
    m_cum_bits.assign(m_start_s.size() + 1, 0.0);
    for (std::size_t i = 0; i < m_start_s.size(); ++i)
    {
        if (m_rate_bps[i] > kMaxRate_bps)
        {
            throw InputError::InFile(where, "a rate is implausibly high (over 1e13 bit/s)");
        }
        double end = (i + 1 < m_start_s.size()) ? m_start_s[i + 1] : m_duration_s;
        m_cum_bits[i + 1] = m_cum_bits[i] + m_rate_bps[i] * (end - m_start_s[i]);
    }
    if (!(m_cum_bits.back() > 0))
    {
        throw InputError::InFile(where, "the trace delivers no data (every rate is zero)");
    }
}

const std::string&
BandwidthTrace::GetName() const
{
    return m_name;
}

TraceFormat
BandwidthTrace::GetFormat() const
{
    return m_format;
}

double
BandwidthTrace::GetDuration_s() const
{
    return m_duration_s;
}

double
BandwidthTrace::GetMeanRate_bps() const
{
    return m_cum_bits.back() / m_duration_s;
}

std::size_t
BandwidthTrace::GetSegmentCount() const
{
    return m_start_s.size();
}

double
BandwidthTrace::GetSegmentStart_s(std::size_t i) const
{
    return m_start_s.at(i);
}

double
BandwidthTrace::GetSegmentDuration_s(std::size_t i) const
{
    double end = (i + 1 < m_start_s.size()) ? m_start_s.at(i + 1) : m_duration_s;
    return end - m_start_s.at(i);
}

double
BandwidthTrace::GetSegmentRate_bps(std::size_t i) const
{
    return m_rate_bps.at(i);
}

const std::vector<double>&
BandwidthTrace::GetSegmentLatencies_s() const
{
    return m_latency_s;
}

const std::vector<std::uint32_t>&
BandwidthTrace::GetDeliveryOpportunities_ms() const
{
    return m_opportunities_ms;
}

void
BandwidthTrace::SetLoop(bool loop)
{
    m_loop = loop;
}

bool
BandwidthTrace::GetLoop() const
{
    return m_loop;
}

double
BandwidthTrace::GetRate_bps(double t_s) const
{
    if (t_s < 0)
    {
        t_s = 0;
    }
    if (t_s >= m_duration_s)
    {
        if (!m_loop)
        {
            return 0;
        }
        t_s = std::fmod(t_s, m_duration_s);
    }
    auto it = std::upper_bound(m_start_s.begin(), m_start_s.end(), t_s);
    return m_rate_bps[static_cast<std::size_t>(it - m_start_s.begin()) - 1];
}

double
BandwidthTrace::CumulativeBitsInPeriod(double t_s) const
{
    if (t_s <= 0)
    {
        return 0;
    }
    if (t_s >= m_duration_s)
    {
        return m_cum_bits.back();
    }
    auto it = std::upper_bound(m_start_s.begin(), m_start_s.end(), t_s);
    std::size_t i = static_cast<std::size_t>(it - m_start_s.begin()) - 1;
    return m_cum_bits[i] + m_rate_bps[i] * (t_s - m_start_s[i]);
}

double
BandwidthTrace::TimeOfBitsInPeriod(double bits) const
{
    if (bits <= 0)
    {
        return 0;
    }
    // First segment whose end has delivered at least `bits`: it has a positive rate.
    auto it = std::lower_bound(m_cum_bits.begin() + 1, m_cum_bits.end(), bits);
    if (it == m_cum_bits.end())
    {
        return m_duration_s;
    }
    std::size_t i = static_cast<std::size_t>(it - m_cum_bits.begin()) - 1;
    double end = (i + 1 < m_start_s.size()) ? m_start_s[i + 1] : m_duration_s;
    double t = m_start_s[i] + (bits - m_cum_bits[i]) / m_rate_bps[i];
    return std::min(t, end);
}

double
BandwidthTrace::CumulativeBits(double t_s) const
{
    if (t_s <= 0)
    {
        return 0;
    }
    if (!m_loop || t_s < m_duration_s)
    {
        return CumulativeBitsInPeriod(t_s);
    }
    double periods = std::floor(t_s / m_duration_s);
    return periods * m_cum_bits.back() + CumulativeBitsInPeriod(t_s - periods * m_duration_s);
}

double
BandwidthTrace::BitsBetween(double from_s, double to_s) const
{
    return CumulativeBits(to_s) - CumulativeBits(from_s);
}

double
BandwidthTrace::DeliveryEnd_s(double start_s, double bits) const
{
    if (start_s < 0)
    {
        start_s = 0;
    }
    if (bits <= 0)
    {
        return start_s;
    }
    double target = CumulativeBits(start_s) + bits;
    double period_bits = m_cum_bits.back();
    double end;
    if (!m_loop)
    {
        if (target > period_bits)
        {
            return std::numeric_limits<double>::infinity();
        }
        end = TimeOfBitsInPeriod(target);
    }
    else
    {
        double periods = std::floor(target / period_bits);
        double rest = target - periods * period_bits;
        if (rest <= 0)
        {
            // Reached exactly at the end of a period's last delivering segment.
            periods -= 1;
            rest = period_bits;
        }
        end = periods * m_duration_s + TimeOfBitsInPeriod(rest);
    }
    return std::max(end, start_s);
}

BandwidthTrace
BandwidthTrace::Scaled(double factor) const
{
    if (!(factor > 0))
    {
        throw InputError::AtField(m_name, "scale", "must be > 0");
    }
    BandwidthTrace copy = *this;
    for (double& rate : copy.m_rate_bps)
    {
        rate *= factor;
    }
    copy.Finalize(m_name);
    return copy;
}

BandwidthTrace
BandwidthTrace::Shifted(double offset_s) const
{
    double offset = std::fmod(offset_s, m_duration_s);
    if (offset < 0)
    {
        offset += m_duration_s;
    }
    if (offset == 0)
    {
        return *this;
    }
    std::vector<double> durations;
    std::vector<double> rates;
    auto append = [&](double from, double to) {
        for (std::size_t i = 0; i < m_start_s.size(); ++i)
        {
            double s = std::max(m_start_s[i], from);
            double e = std::min(m_start_s[i] + GetSegmentDuration_s(i), to);
            if (e > s)
            {
                durations.push_back(e - s);
                rates.push_back(m_rate_bps[i]);
            }
        }
    };
    append(offset, m_duration_s);
    append(0, offset);
    BandwidthTrace shifted = FromSegments(durations, rates, m_name);
    shifted.m_format = m_format;
    shifted.m_loop = m_loop;
    return shifted;
}

BandwidthTrace
BandwidthTrace::Clipped(double duration_s) const
{
    if (!(duration_s > 0) || duration_s > m_duration_s)
    {
        throw InputError::AtField(m_name, "clip", "must be in (0, trace duration]");
    }
    std::vector<double> durations;
    std::vector<double> rates;
    for (std::size_t i = 0; i < m_start_s.size() && m_start_s[i] < duration_s; ++i)
    {
        double e = std::min(m_start_s[i] + GetSegmentDuration_s(i), duration_s);
        durations.push_back(e - m_start_s[i]);
        rates.push_back(m_rate_bps[i]);
    }
    BandwidthTrace clipped = FromSegments(durations, rates, m_name);
    clipped.m_format = m_format;
    clipped.m_loop = m_loop;
    return clipped;
}

} // namespace ns3
