#ifndef LAYERED_VIDEO_BANDWIDTH_TRACE_H
#define LAYERED_VIDEO_BANDWIDTH_TRACE_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/// The file formats a BandwidthTrace reads, as the public datasets publish them.
enum class TraceFormat
{
    Auto,       ///< detected from the content (see DetectTraceFormat)
    Pensieve,   ///< "cooked": `time_s throughput_Mbps` per line
    Mahimahi,   ///< one integer per line: ms timestamp of one 1500-byte delivery opportunity
    SabreJson,  ///< JSON array of {"duration_ms", "bandwidth_kbps", "latency_ms"}
    Csv,        ///< CSV with a header (time_s + a rate column, or G-NetTrack's DL_bitrate)
    BelgiumLog, ///< `epoch_ms elapsed_ms lat lon bytes interval_ms` per line (Ghent 4G logs)
};

/// Parses a format name ("auto", "pensieve", "mahimahi", "sabre", "csv", "belgium").
TraceFormat ParseTraceFormat(const std::string& name);

/// The name ParseTraceFormat accepts for a format.
std::string TraceFormatName(TraceFormat format);

/**
 * \brief A link's delivery rate over time, read from a public trace file.
 *
 * One internal representation for every format: consecutive segments of constant rate
 * (a zero rate is an outage). The trace repeats after its end by default (Pensieve and Sabre
 * loop their traces too). Queries use prefix sums of delivered bits, so a download of any size
 * is resolved in O(log segments), whatever the trace's granularity.
 *
 * Mahimahi traces also keep their delivery opportunities as they are, for replay packet by
 * packet; their segments spread each millisecond's opportunities over that millisecond.
 */
class BandwidthTrace
{
  public:
    static constexpr double kMahimahiPacketBytes = 1500; ///< bytes per delivery opportunity

    /// Reads a trace file; throws InputError naming the file and line when it cannot.
    static BandwidthTrace Load(const std::string& path, TraceFormat format = TraceFormat::Auto);

    /// Parses trace text; `name` is used in error messages and as the trace's name.
    static BandwidthTrace Parse(std::string_view text,
                                const std::string& name,
                                TraceFormat format = TraceFormat::Auto);

    /// Builds a trace from segments (durations > 0, rates >= 0, not all zero).
    static BandwidthTrace FromSegments(const std::vector<double>& durations_s,
                                       const std::vector<double>& rates_bps,
                                       const std::string& name = "segments");

    /// A trace of one constant rate (it repeats forever).
    static BandwidthTrace Constant(double rate_bps, double duration_s = 1.0);

    const std::string& GetName() const;
    TraceFormat GetFormat() const;
    double GetDuration_s() const;
    /// Mean rate over one period of the trace (bits delivered / duration).
    double GetMeanRate_bps() const;
    std::size_t GetSegmentCount() const;
    double GetSegmentStart_s(std::size_t i) const;
    double GetSegmentDuration_s(std::size_t i) const;
    double GetSegmentRate_bps(std::size_t i) const;
    /// Per-segment latency where the file gives it (Sabre JSON), else empty.
    const std::vector<double>& GetSegmentLatencies_s() const;
    /// Mahimahi delivery opportunities (ms timestamps, non-decreasing), else empty.
    const std::vector<std::uint32_t>& GetDeliveryOpportunities_ms() const;

    void SetLoop(bool loop);
    bool GetLoop() const;

    /// The rate at time t (t >= 0; wraps when looping, 0 past the end otherwise).
    double GetRate_bps(double t_s) const;
    /// Bits the link delivers from time 0 to t.
    double CumulativeBits(double t_s) const;
    /// Bits the link delivers between two times.
    double BitsBetween(double from_s, double to_s) const;
    /**
     * The earliest time at which `bits` more bits than by `start_s` have been delivered.
     * Returns +infinity when the trace never delivers them (it does not loop and ends first).
     */
    double DeliveryEnd_s(double start_s, double bits) const;

    /// A copy with every rate multiplied by factor (> 0).
    BandwidthTrace Scaled(double factor) const;
    /// A copy that starts offset_s into this trace (wrapping: the skipped part moves to the end).
    BandwidthTrace Shifted(double offset_s) const;
    /// A copy cut to its first duration_s seconds (duration_s <= GetDuration_s()).
    BandwidthTrace Clipped(double duration_s) const;

  private:
    BandwidthTrace() = default;
    void Finalize(const std::string& where);
    /// Cumulative bits at a time inside one period [0, duration].
    double CumulativeBitsInPeriod(double t_s) const;
    /// Inverse of CumulativeBitsInPeriod: the earliest time reaching `bits` (bits <= period bits).
    double TimeOfBitsInPeriod(double bits) const;

    std::string m_name;
    TraceFormat m_format = TraceFormat::Auto;
    std::vector<double> m_start_s;   ///< segment starts; m_start_s[0] == 0
    std::vector<double> m_rate_bps;  ///< segment rates
    std::vector<double> m_cum_bits;  ///< bits delivered before each segment, plus the total
    std::vector<double> m_latency_s; ///< optional per-segment latency
    std::vector<std::uint32_t> m_opportunities_ms;
    double m_duration_s = 0;
    bool m_loop = true;

    friend class BandwidthTraceParser;
};

/// Detects the format of trace text from its first non-empty line.
TraceFormat DetectTraceFormat(std::string_view text, const std::string& name);

} // namespace ns3

#endif // LAYERED_VIDEO_BANDWIDTH_TRACE_H
