#ifndef LAYERED_VIDEO_BANDWIDTH_TRACE_PARSER_H
#define LAYERED_VIDEO_BANDWIDTH_TRACE_PARSER_H

// Internal to the trace readers (not installed): BandwidthTrace's per-format parsers.

#include "bandwidth-trace.h"

#include "ns3/input-error.h"

#include <string>
#include <string_view>

namespace ns3
{

namespace trace_units
{
constexpr double kBitsPerByte = 8;
constexpr double kMsPerS = 1000;
constexpr double kBpsPerMbps = 1e6; // Pensieve's B_IN_MB
constexpr double kBpsPerKbps = 1e3;
constexpr double kGNetTrackRowPeriod_s = 1; // G-NetTrack logs one row per second
constexpr std::size_t kBelgiumFields = 6;   // epoch_ms elapsed_ms lat lon bytes interval_ms
} // namespace trace_units

using namespace trace_units;

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

} // namespace ns3

#endif // LAYERED_VIDEO_BANDWIDTH_TRACE_PARSER_H
