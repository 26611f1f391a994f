#include "chunk-simulator.h"

#include "ns3/bandwidth-trace.h"
#include "ns3/input-error.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;
}

TraceDownloads::TraceDownloads(const BandwidthTrace& trace, const ChunkSimConfig& config)
    : m_trace(trace),
      m_rtt_s(config.rtt_s),
      m_payload_ratio(config.payload_ratio),
      m_offset_s(config.trace_offset_s)
{
    if (!(config.rtt_s >= 0) || !(config.payload_ratio > 0 && config.payload_ratio <= 1) ||
        !(config.trace_offset_s >= 0))
    {
        throw InputError::AtField("chunk simulator",
                                  "rtt/payload ratio/offset",
                                  "rtt >= 0, ratio in (0, 1], offset >= 0");
    }
}

double
TraceDownloads::FirstByte_s(double request_s) const
{
    return request_s + m_rtt_s;
}

double
TraceDownloads::End_s(double request_s, std::uint64_t bytes) const
{
    double start_s = FirstByte_s(request_s) + m_offset_s;
    return m_trace.DeliveryEnd_s(start_s, bytes * kBitsPerByte / m_payload_ratio) - m_offset_s;
}

void
RunChunkSession(StreamingSession& session,
                const BandwidthTrace& trace,
                const ChunkSimConfig& config)
{
    TraceDownloads downloads(trace, config);
    double now_s = session.Now_s();
    while (true)
    {
        AbrDecision d = session.NextRequest(now_s);
        if (d.kind == AbrDecision::Kind::Done)
        {
            break;
        }
        if (d.kind == AbrDecision::Kind::Wait)
        {
            now_s += d.wait_s;
            continue;
        }
        std::uint64_t bytes = session.RequestBytes(d);
        double end_s = downloads.End_s(now_s, bytes);
        if (!std::isfinite(end_s))
        {
            throw std::runtime_error("trace " + trace.GetName() +
                                     " ends before a download completes");
        }
        session.OnDownloadComplete(d, bytes, now_s, downloads.FirstByte_s(now_s), end_s);
        now_s = end_s;
    }
    session.Finish();
}

} // namespace ns3
