#ifndef LAYERED_VIDEO_TRACE_DRIVEN_QUEUE_DISC_H
#define LAYERED_VIDEO_TRACE_DRIVEN_QUEUE_DISC_H

#include "ns3/bandwidth-trace.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/queue-disc.h"
#include "ns3/traced-callback.h"

#include <memory>
#include <string>

namespace ns3
{

/**
 * \ingroup layered-video
 * \brief A link whose delivery rate follows a bandwidth trace, as a root queue disc.
 *
 * Installed on the sending device of a bottleneck whose own DataRate is far above the trace,
 * it lets packets go only as fast as the trace delivers them, like a serializing link of
 * time-varying rate: a packet's service starts when the link is free and it leaves once the
 * trace has delivered its bytes from that moment on. The backlog waits in one child queue disc
 * (default a FIFO of MaxSize, i.e. drop-tail; any other, e.g. CoDelQueueDisc, gives an AQM),
 * which chooses the next packet; an idle link banks no capacity.
 *
 * Two ways of replaying a trace (attribute Replay):
 * - Fluid (every format): bytes flow at the trace's piecewise-constant rate; a zero rate is an
 *   outage in which nothing leaves, and service resumes with the trace.
 * - Opportunities (Mahimahi traces, the default for them): as Mahimahi's link shell, each
 *   timestamp is one opportunity to deliver 1500 bytes; a packet leaves at the opportunity that
 *   completes its bytes, unused credit of an opportunity goes to the next packet of the same
 *   instant, and opportunities while the queue is empty are lost.
 *
 * The trace's time 0 is simulation time 0 plus TraceOffset; traces repeat after their end.
 */
class TraceDrivenQueueDisc : public QueueDisc
{
  public:
    /// How the trace is replayed.
    enum Replay
    {
        REPLAY_AUTO,         ///< Opportunities for Mahimahi traces, Fluid for the others
        REPLAY_FLUID,        ///< piecewise-constant rate
        REPLAY_OPPORTUNITIES ///< Mahimahi delivery opportunities, one 1500-byte credit each
    };

    /**
     * TracedCallback signature of a packet leaving the link (handed to the device now; that
     * is its service end, or a moment later when the device was still busy with the packet
     * before).
     * \param [in] item the packet
     * \param [in] serviceStart when its service started
     * \param [in] serviceEnd when the trace had delivered its bytes
     */
    typedef void (*DeliveredTracedCallback)(Ptr<const QueueDiscItem> item,
                                            Time serviceStart,
                                            Time serviceEnd);

    static TypeId GetTypeId();

    TraceDrivenQueueDisc();
    ~TraceDrivenQueueDisc() override;

    /// Uses this trace (shared, read-only) instead of loading TracePath.
    void SetTrace(std::shared_ptr<const BandwidthTrace> trace);
    std::shared_ptr<const BandwidthTrace> GetTrace() const;
    /// The trace's rate at a simulation time (segments; Mahimahi: per-millisecond mean).
    double GetRate_bps(Time at) const;
    /// The replay in use once configured (REPLAY_FLUID or REPLAY_OPPORTUNITIES).
    Replay GetReplay() const;

  protected:
    void DoDispose() override;

  private:
    bool DoEnqueue(Ptr<QueueDiscItem> item) override;
    Ptr<QueueDiscItem> DoDequeue() override;
    bool CheckConfig() override;
    void InitializeParams() override;

    void SetTracePath(std::string path);
    void SetTraceFormat(std::string format);
    void LoadTrace();
    /// When a packet of `bytes` whose service starts now leaves the link (Time::Max(): never).
    Time FluidServiceEnd(Time now, uint32_t bytes) const;
    Time OpportunityServiceEnd(Time now, uint32_t bytes);
    /// Simulation time of opportunity k (k counts over the repeated trace).
    Time OpportunityTime(uint64_t k) const;

    std::string m_tracePath;
    std::string m_traceFormat = "auto";
    Time m_offset;
    Replay m_replay = REPLAY_AUTO;
    std::shared_ptr<const BandwidthTrace> m_trace;

    Ptr<QueueDiscItem> m_inService; ///< the packet being serviced (out of the child already)
    Time m_serviceStart;
    Time m_serviceEnd;
    Time m_lastEnd; ///< when the last packet left
    EventId m_wake;

    uint64_t m_nextOpportunity = 0; ///< next unused opportunity (Opportunities replay)
    uint32_t m_credit = 0;          ///< unused bytes of the last opportunity used
    Time m_creditAt;                ///< when that opportunity was
    int64_t m_period_ms = 0;

    TracedCallback<Ptr<const QueueDiscItem>, Time, Time> m_delivered;
};

} // namespace ns3

#endif // LAYERED_VIDEO_TRACE_DRIVEN_QUEUE_DISC_H
