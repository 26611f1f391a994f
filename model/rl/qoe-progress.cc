#include "qoe-progress.h"

#include "ns3/playback-buffer.h"
#include "ns3/qoe.h"

#include <cmath>

namespace ns3
{

double
QoeSoFar(const PlaybackBuffer& buffer, const QoeModel& qoe)
{
    double phi = 0;
    double previous = 0;
    for (std::uint32_t c = 0; c < buffer.GetNextMissingChunk(); ++c)
    {
        const ChunkRecord& r = buffer.GetChunk(c);
        double q = r.decode_started ? qoe.Utility(c, r.decoded_level, r.exit)
                                    : qoe.LevelUtility(c, r.level);
        phi += q;
        if (c > 0)
        {
            phi -= qoe.GetSmoothnessPenalty() * std::abs(q - previous);
        }
        previous = q;
    }
    phi -= qoe.GetRebufferPenalty() * (buffer.GetStallTime_s() + buffer.GetOngoingStall_s());
    double startup_s =
        buffer.HasStarted() ? buffer.GetStartupDelay_s() : buffer.Now_s() - buffer.GetStart_s();
    phi -= qoe.GetStartupPenalty() * startup_s;
    return phi;
}

} // namespace ns3
