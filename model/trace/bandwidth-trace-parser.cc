// Readers for the public bandwidth-trace formats, each into BandwidthTrace's segments.
#include "bandwidth-trace-parser.h"

#include "ns3/input-error.h"
#include "ns3/text-input.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

namespace ns3
{

TraceFormat
DetectTraceFormat(std::string_view text, const std::string& name)
{
    std::vector<NumberedLine> lines =
        SplitLines(text.substr(0, std::min<std::size_t>(text.size(), 4096)));
    if (lines.empty())
    {
        throw InputError::InFile(name, "the file is empty");
    }
    std::string_view first = lines.front().text;
    if (first.front() == '[' || first.front() == '{')
    {
        return TraceFormat::SabreJson;
    }
    if (first.find(',') != std::string_view::npos)
    {
        return TraceFormat::Csv;
    }
    switch (SplitWhitespace(first).size())
    {
    case 1:
        return TraceFormat::Mahimahi;
    case 2:
        return TraceFormat::Pensieve;
    case kBelgiumFields:
        return TraceFormat::BelgiumLog;
    default:
        throw InputError::AtLine(name,
                                 lines.front().number,
                                 "cannot tell the trace format from this line; name it "
                                 "(pensieve, mahimahi, sabre, csv, belgium)");
    }
}

BandwidthTrace
BandwidthTrace::Load(const std::string& path, TraceFormat format)
{
    return Parse(ReadTextFile(path), path, format);
}

BandwidthTrace
BandwidthTrace::Parse(std::string_view text, const std::string& name, TraceFormat format)
{
    if (format == TraceFormat::Auto)
    {
        format = DetectTraceFormat(text, name);
    }
    switch (format)
    {
    case TraceFormat::Pensieve:
        return BandwidthTraceParser::Pensieve(text, name);
    case TraceFormat::Mahimahi:
        return BandwidthTraceParser::Mahimahi(text, name);
    case TraceFormat::SabreJson:
        return BandwidthTraceParser::SabreJson(text, name);
    case TraceFormat::Csv:
        return BandwidthTraceParser::Csv(text, name);
    case TraceFormat::BelgiumLog:
        return BandwidthTraceParser::BelgiumLog(text, name);
    case TraceFormat::Auto:
        break;
    }
    throw InputError::InFile(name, "unknown trace format");
}

// Pensieve's simulator applies row i's rate to the interval (t[i-1], t[i]]; the first row only
// marks the start. Times are taken relative to the first row.
BandwidthTrace
BandwidthTraceParser::Pensieve(std::string_view text, const std::string& name)
{
    BandwidthTrace trace = Begin(name, TraceFormat::Pensieve);
    std::vector<NumberedLine> lines = SplitLines(text);
    if (lines.size() < 2)
    {
        throw InputError::InFile(name, "a Pensieve trace needs at least two lines");
    }
    double first_s = 0;
    double previous_s = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        auto fields = SplitWhitespace(lines[i].text);
        std::size_t n = lines[i].number;
        if (fields.size() != 2)
        {
            throw InputError::AtLine(name, n, "expected 'time_s throughput_Mbps'");
        }
        double t = ParseNumber(fields[0], name, n, "time_s");
        double mbps = NonNegative(ParseNumber(fields[1], name, n, "throughput_Mbps"),
                                  name,
                                  n,
                                  "throughput_Mbps");
        if (i == 0)
        {
            first_s = t;
            previous_s = t;
            continue;
        }
        if (t < previous_s)
        {
            throw InputError::AtLine(name, n, "time goes backwards");
        }
        Append(trace, previous_s - first_s, t - previous_s, mbps * kBpsPerMbps);
        previous_s = t;
    }
    Finish(trace, name);
    return trace;
}

// Mahimahi: one 1500-byte opportunity per line at that millisecond; the trace repeats with a
// period equal to its last timestamp. Each millisecond's opportunities are spread over it.
BandwidthTrace
BandwidthTraceParser::Mahimahi(std::string_view text, const std::string& name)
{
    BandwidthTrace trace = Begin(name, TraceFormat::Mahimahi);
    std::vector<NumberedLine> lines = SplitLines(text);
    if (lines.empty())
    {
        throw InputError::InFile(name, "the file is empty");
    }
    trace.m_opportunities_ms.reserve(lines.size());
    for (const auto& line : lines)
    {
        double v = ParseNumber(line.text, name, line.number, "timestamp_ms");
        if (v < 0 || v != std::floor(v) || v > 4e9)
        {
            throw InputError::AtLine(name, line.number, "timestamp_ms must be a whole number >= 0");
        }
        auto ms = static_cast<std::uint32_t>(v);
        if (!trace.m_opportunities_ms.empty() && ms < trace.m_opportunities_ms.back())
        {
            throw InputError::AtLine(name, line.number, "time goes backwards");
        }
        trace.m_opportunities_ms.push_back(ms);
    }
    std::uint32_t period_ms = trace.m_opportunities_ms.back();
    if (period_ms == 0)
    {
        throw InputError::InFile(name, "the last timestamp must be > 0 ms (it is the period)");
    }
    constexpr double kBitsPerOpportunity = BandwidthTrace::kMahimahiPacketBytes * kBitsPerByte;
    // Millisecond bin k covers (k-1, k] ms; opportunities at 0 ms fall in the first bin.
    std::size_t i = 0;
    const auto& ops = trace.m_opportunities_ms;
    std::uint32_t covered_ms = 0; // bins before this one are already segments
    while (i < ops.size())
    {
        std::uint32_t bin = std::max<std::uint32_t>(ops[i], 1);
        std::size_t count = 0;
        while (i < ops.size() && std::max<std::uint32_t>(ops[i], 1) == bin)
        {
            ++count;
            ++i;
        }
        if (bin - 1 > covered_ms)
        {
            Append(trace, covered_ms / kMsPerS, (bin - 1 - covered_ms) / kMsPerS, 0.0);
        }
        double rate = count * kBitsPerOpportunity * kMsPerS;
        if (!trace.m_rate_bps.empty() && trace.m_rate_bps.back() == rate &&
            std::abs(trace.m_duration_s - (bin - 1) / kMsPerS) < 1e-12)
        {
            trace.m_duration_s = bin / kMsPerS; // extend the previous equal-rate segment
        }
        else
        {
            Append(trace, (bin - 1) / kMsPerS, 1 / kMsPerS, rate);
        }
        covered_ms = bin;
    }
    Finish(trace, name);
    return trace;
}

// Ghent 4G logs: `epoch_ms elapsed_ms lat lon bytes interval_ms`; each line delivers `bytes` over
// the `interval_ms` that ends at it.
BandwidthTrace
BandwidthTraceParser::BelgiumLog(std::string_view text, const std::string& name)
{
    BandwidthTrace trace = Begin(name, TraceFormat::BelgiumLog);
    std::vector<NumberedLine> lines = SplitLines(text);
    if (lines.empty())
    {
        throw InputError::InFile(name, "the file is empty");
    }
    double t = 0;
    double previous_elapsed_ms = -1;
    for (const auto& line : lines)
    {
        auto fields = SplitWhitespace(line.text);
        if (fields.size() != kBelgiumFields)
        {
            throw InputError::AtLine(name,
                                     line.number,
                                     "expected 'epoch_ms elapsed_ms lat lon bytes interval_ms'");
        }
        double elapsed_ms = ParseNumber(fields[1], name, line.number, "elapsed_ms");
        double bytes = NonNegative(ParseNumber(fields[4], name, line.number, "bytes"),
                                   name,
                                   line.number,
                                   "bytes");
        double interval_ms = NonNegative(ParseNumber(fields[5], name, line.number, "interval_ms"),
                                         name,
                                         line.number,
                                         "interval_ms");
        if (elapsed_ms < previous_elapsed_ms)
        {
            throw InputError::AtLine(name, line.number, "time goes backwards");
        }
        previous_elapsed_ms = elapsed_ms;
        if (interval_ms > 0)
        {
            double rate = bytes * kBitsPerByte / (interval_ms / kMsPerS);
            Append(trace, t, interval_ms / kMsPerS, rate);
            t += interval_ms / kMsPerS;
        }
        else if (bytes > 0)
        {
            throw InputError::AtLine(name, line.number, "bytes arrive in an interval of 0 ms");
        }
    }
    Finish(trace, name);
    return trace;
}

} // namespace ns3
