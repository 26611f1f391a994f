// Readers for the tabular trace formats: Sabre's network JSON and CSV with a header.
#include "bandwidth-trace-parser.h"

#include "ns3/json-field-reader.h"
#include "ns3/text-input.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

namespace ns3
{

BandwidthTrace
BandwidthTraceParser::SabreJson(std::string_view text, const std::string& name)
{
    BandwidthTrace trace = Begin(name, TraceFormat::SabreJson);
    nlohmann::json doc = ParseJsonDocument(text, name);
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
                                     "has " + std::to_string(fields.size()) +
                                         " fields, the header " + std::to_string(header.size()));
        }
        double rate = ParseNumber(fields[*rate_col], name, n, std::string(header[*rate_col]));
        rates.push_back(NonNegative(rate, name, n, std::string(header[*rate_col])) * to_bps);
        if (duration_col)
        {
            durations.push_back(
                NonNegative(ParseNumber(fields[*duration_col], name, n, "duration_s"),
                            name,
                            n,
                            "duration_s"));
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

} // namespace ns3
