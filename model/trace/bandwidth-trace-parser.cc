// Readers for the public bandwidth-trace formats, each into BandwidthTrace's segments.
#include "bandwidth-trace.h"

#include "ns3/input-error.h"
#include "ns3/text-input.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;
constexpr double kMsPerS = 1000;
constexpr double kBpsPerMbps = 1e6; // Pensieve's B_IN_MB
constexpr double kBpsPerKbps = 1e3;
constexpr double kGNetTrackRowPeriod_s = 1; // G-NetTrack logs one row per second
constexpr std::size_t kBelgiumFields = 6;
} // namespace

/// Fills BandwidthTrace internals from each format (a friend of BandwidthTrace).
class BandwidthTraceParser
{
  public:
    static BandwidthTrace Pensieve(std::string_view text, const std::string& name);
    static BandwidthTrace Mahimahi(std::string_view text, const std::string& name);
    static BandwidthTrace SabreJson(std::string_view text, const std::string& name);
    static BandwidthTrace Csv(std::string_view text, const std::string& name);
    static BandwidthTrace BelgiumLog(std::string_view text, const std::string& name);

  private:
    /// Appends a segment; zero-length segments carry nothing and are not kept.
    static void Append(BandwidthTrace& trace, double start_s, double duration_s, double rate_bps)
    {
        if (duration_s > 0)
        {
            trace.m_start_s.push_back(start_s);
            trace.m_rate_bps.push_back(rate_bps);
            trace.m_duration_s = start_s + duration_s;
        }
    }

    static BandwidthTrace Begin(const std::string& name, TraceFormat format)
    {
        BandwidthTrace trace;
        trace.m_name = name;
        trace.m_format = format;
        return trace;
    }

    static void Finish(BandwidthTrace& trace, const std::string& name)
    {
        trace.Finalize(name);
    }

    static double NonNegative(double value,
                              const std::string& name,
                              std::size_t line,
                              const std::string& what)
    {
        if (value < 0)
        {
            throw InputError::AtLine(name, line, what + " is negative");
        }
        return value;
    }
};

TraceFormat
DetectTraceFormat(std::string_view text, const std::string& name)
{
    std::vector<NumberedLine> lines = SplitLines(text.substr(0, std::min<std::size_t>(text.size(), 4096)));
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
        double mbps = NonNegative(ParseNumber(fields[1], name, n, "throughput_Mbps"), name, n, "throughput_Mbps");
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

BandwidthTrace
BandwidthTraceParser::SabreJson(std::string_view text, const std::string& name)
{
    BandwidthTrace trace = Begin(name, TraceFormat::SabreJson);
    nlohmann::json doc;
    try
    {
        doc = nlohmann::json::parse(text.begin(), text.end());
    }
    catch (const nlohmann::json::parse_error& e)
    {
        throw InputError::InFile(name, std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_array() || doc.empty())
    {
        throw InputError::InFile(name, "expected a non-empty JSON array of segments");
    }
    double t = 0;
    bool any_latency = false;
    std::vector<double> latencies;
    for (std::size_t i = 0; i < doc.size(); ++i)
    {
        const auto& seg = doc[i];
        std::string where = "[" + std::to_string(i) + "]";
        if (!seg.is_object())
        {
            throw InputError::AtField(name, where, "expected an object");
        }
        auto number = [&](const char* key, bool required) -> std::optional<double> {
            auto it = seg.find(key);
            if (it == seg.end())
            {
                if (required)
                {
                    throw InputError::AtField(name, where + "." + key, "missing");
                }
                return std::nullopt;
            }
            if (!it->is_number())
            {
                throw InputError::AtField(name, where + "." + key, "not a number");
            }
            double v = it->get<double>();
            if (!std::isfinite(v) || v < 0)
            {
                throw InputError::AtField(name, where + "." + key, "must be a number >= 0");
            }
            return v;
        };
        double duration_ms = *number("duration_ms", true);
        double kbps = *number("bandwidth_kbps", true);
        std::optional<double> latency_ms = number("latency_ms", false);
        if (duration_ms > 0)
        {
            Append(trace, t, duration_ms / kMsPerS, kbps * kBpsPerKbps);
            latencies.push_back(latency_ms.value_or(0) / kMsPerS);
            any_latency = any_latency || latency_ms.has_value();
        }
        t += duration_ms / kMsPerS;
    }
    if (any_latency)
    {
        trace.m_latency_s = latencies;
    }
    Finish(trace, name);
    return trace;
}

namespace
{
std::optional<std::size_t>
FindColumn(const std::vector<std::string_view>& header, std::string_view wanted)
{
    for (std::size_t i = 0; i < header.size(); ++i)
    {
        if (header[i] == wanted)
        {
            return i;
        }
    }
    return std::nullopt;
}

/// G-NetTrack's timestamp, `YYYY.MM.DD_hh.mm.ss`: fixed width, so text order is time order.
bool
IsGNetTrackTimestamp(std::string_view s)
{
    static constexpr std::string_view kPattern = "dddd.dd.dd_dd.dd.dd";
    if (s.size() != kPattern.size())
    {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i)
    {
        bool digit = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
        if ((kPattern[i] == 'd') != digit || (!digit && s[i] != kPattern[i]))
        {
            return false;
        }
    }
    return true;
}

struct RateColumn
{
    const char* name;
    double to_bps;
};

constexpr RateColumn kRateColumns[] = {
    {"rate_bps", 1},
    {"bandwidth_bps", 1},
    {"throughput_bps", 1},
    {"rate_kbps", kBpsPerKbps},
    {"bandwidth_kbps", kBpsPerKbps},
    {"throughput_kbps", kBpsPerKbps},
    {"rate_mbps", kBpsPerMbps},
    {"bandwidth_mbps", kBpsPerMbps},
    {"throughput_mbps", kBpsPerMbps},
    {"DL_bitrate", kBpsPerKbps}, // G-NetTrack, kbit/s
};
} // namespace

// CSV with a header. Time comes from `time_s` (a row lasts until the next row; the last row as
// long as the one before it), or `duration_s` per row, or, for G-NetTrack logs (`Timestamp`),
// one row per second. The rate column is one of kRateColumns.
BandwidthTrace
BandwidthTraceParser::Csv(std::string_view text, const std::string& name)
{
    BandwidthTrace trace = Begin(name, TraceFormat::Csv);
    std::vector<NumberedLine> lines = SplitLines(text);
    if (lines.size() < 2)
    {
        throw InputError::InFile(name, "a CSV trace needs a header and at least one row");
    }
    std::vector<std::string_view> header = SplitCommas(lines[0].text);
    std::optional<std::size_t> rate_col;
    double to_bps = 1;
    for (const auto& candidate : kRateColumns)
    {
        if (auto col = FindColumn(header, candidate.name))
        {
            rate_col = col;
            to_bps = candidate.to_bps;
            break;
        }
    }
    if (!rate_col)
    {
        throw InputError::AtLine(name,
                                 lines[0].number,
                                 "no rate column in the header (rate_bps, bandwidth_kbps, "
                                 "throughput_mbps, DL_bitrate, ...)");
    }
    auto time_col = FindColumn(header, "time_s");
    auto duration_col = FindColumn(header, "duration_s");
    auto stamp_col = FindColumn(header, "Timestamp");
    if (!time_col && !duration_col && !stamp_col)
    {
        throw InputError::AtLine(name,
                                 lines[0].number,
                                 "no time column in the header (time_s, duration_s or Timestamp)");
    }
    std::vector<double> times;
    std::vector<double> durations;
    std::vector<double> rates;
    std::string_view previous_stamp;
    for (std::size_t i = 1; i < lines.size(); ++i)
    {
        std::size_t n = lines[i].number;
        auto fields = SplitCommas(lines[i].text);
        if (fields.size() != header.size())
        {
            throw InputError::AtLine(name,
                                     n,
                                     "has " + std::to_string(fields.size()) + " fields, the header " +
                                         std::to_string(header.size()));
        }
        double rate = ParseNumber(fields[*rate_col], name, n, std::string(header[*rate_col]));
        rates.push_back(NonNegative(rate, name, n, std::string(header[*rate_col])) * to_bps);
        if (duration_col)
        {
            durations.push_back(
                NonNegative(ParseNumber(fields[*duration_col], name, n, "duration_s"), name, n, "duration_s"));
        }
        else if (time_col)
        {
            double t = ParseNumber(fields[*time_col], name, n, "time_s");
            if (!times.empty() && t < times.back())
            {
                throw InputError::AtLine(name, n, "time goes backwards");
            }
            times.push_back(t);
        }
        else
        {
            std::string_view stamp = fields[*stamp_col];
            if (!IsGNetTrackTimestamp(stamp))
            {
                throw InputError::AtLine(name, n, "Timestamp is not YYYY.MM.DD_hh.mm.ss");
            }
            if (!previous_stamp.empty() && stamp < previous_stamp)
            {
                throw InputError::AtLine(name, n, "time goes backwards");
            }
            previous_stamp = stamp;
            durations.push_back(kGNetTrackRowPeriod_s);
        }
    }
    if (!times.empty())
    {
        for (std::size_t i = 0; i + 1 < times.size(); ++i)
        {
            durations.push_back(times[i + 1] - times[i]);
        }
        durations.push_back(times.size() > 1 ? durations.back() : 1.0);
    }
    double t = 0;
    for (std::size_t i = 0; i < rates.size(); ++i)
    {
        Append(trace, t, durations[i], rates[i]);
        t += durations[i];
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
        double bytes = NonNegative(ParseNumber(fields[4], name, line.number, "bytes"), name, line.number, "bytes");
        double interval_ms =
            NonNegative(ParseNumber(fields[5], name, line.number, "interval_ms"), name, line.number, "interval_ms");
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
