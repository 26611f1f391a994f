#include "trace-driven-queue-disc.h"

#include "ns3/abort.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/object-factory.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TraceDrivenQueueDisc");

NS_OBJECT_ENSURE_REGISTERED(TraceDrivenQueueDisc);

namespace
{
constexpr double kBitsPerByte = 8;
constexpr int64_t kNanosecondsPerMs = 1000000;
} // namespace

TypeId
TraceDrivenQueueDisc::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TraceDrivenQueueDisc")
            .SetParent<QueueDisc>()
            .SetGroupName("LayeredVideo")
            .AddConstructor<TraceDrivenQueueDisc>()
            .AddAttribute("MaxSize",
                          "Size of the queue in front of the link (packets or bytes), given to the "
                          "default FIFO child; a child set by the user keeps its own.",
                          QueueSizeValue(QueueSize("100p")),
                          MakeQueueSizeAccessor(&QueueDisc::SetMaxSize, &QueueDisc::GetMaxSize),
                          MakeQueueSizeChecker())
            .AddAttribute("TracePath",
                          "Bandwidth trace file (Pensieve, Mahimahi, Sabre JSON, CSV, Ghent log); "
                          "read when set. Empty: SetTrace() provides the trace.",
                          StringValue(""),
                          MakeStringAccessor(&TraceDrivenQueueDisc::SetTracePath),
                          MakeStringChecker())
            .AddAttribute("TraceFormat",
                          "Format of TracePath: auto, pensieve, mahimahi, sabre, csv or belgium.",
                          StringValue("auto"),
                          MakeStringAccessor(&TraceDrivenQueueDisc::SetTraceFormat),
                          MakeStringChecker())
            .AddAttribute("TraceOffset",
                          "Trace time at simulation time 0 (s, >= 0): the link replays the trace "
                          "from this point on.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&TraceDrivenQueueDisc::m_offset),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Replay",
                          "Fluid: bytes flow at the trace's rate; Opportunities: one 1500-byte "
                          "delivery per Mahimahi timestamp; Auto: Opportunities for Mahimahi "
                          "traces, else Fluid.",
                          EnumValue(REPLAY_AUTO),
                          MakeEnumAccessor(&TraceDrivenQueueDisc::m_replay),
                          MakeEnumChecker(REPLAY_AUTO,
                                          "Auto",
                                          REPLAY_FLUID,
                                          "Fluid",
                                          REPLAY_OPPORTUNITIES,
                                          "Opportunities"))
            .AddTraceSource("Delivered",
                            "A packet left the link (with its service start and end).",
                            MakeTraceSourceAccessor(&TraceDrivenQueueDisc::m_delivered),
                            "ns3::TraceDrivenQueueDisc::DeliveredTracedCallback");
    return tid;
}

TraceDrivenQueueDisc::TraceDrivenQueueDisc()
    : QueueDisc(QueueDiscSizePolicy::SINGLE_CHILD_QUEUE_DISC)
{
    NS_LOG_FUNCTION(this);
}

TraceDrivenQueueDisc::~TraceDrivenQueueDisc()
{
    NS_LOG_FUNCTION(this);
}

void
TraceDrivenQueueDisc::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_wake.Cancel();
    m_inService = nullptr;
    m_trace.reset();
    QueueDisc::DoDispose();
}

void
TraceDrivenQueueDisc::SetTrace(std::shared_ptr<const BandwidthTrace> trace)
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!trace, "TraceDrivenQueueDisc: SetTrace needs a trace");
    m_trace = std::move(trace);
}

std::shared_ptr<const BandwidthTrace>
TraceDrivenQueueDisc::GetTrace() const
{
    return m_trace;
}

void
TraceDrivenQueueDisc::SetTracePath(std::string path)
{
    m_tracePath = path;
    LoadTrace();
}

void
TraceDrivenQueueDisc::SetTraceFormat(std::string format)
{
    m_traceFormat = format;
    LoadTrace();
}

void
TraceDrivenQueueDisc::LoadTrace()
{
    if (m_tracePath.empty())
    {
        return;
    }
    std::string error; // reported outside the handler: no 'terminate called' noise
    try
    {
        m_trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::Load(m_tracePath, ParseTraceFormat(m_traceFormat)));
    }
    catch (const std::exception& e)
    {
        error = e.what();
    }
    NS_ABORT_MSG_IF(!error.empty(), "TraceDrivenQueueDisc: TracePath: " << error);
}

double
TraceDrivenQueueDisc::GetRate_bps(Time at) const
{
    return m_trace ? m_trace->GetRate_bps((at + m_offset).GetSeconds()) : 0;
}

TraceDrivenQueueDisc::Replay
TraceDrivenQueueDisc::GetReplay() const
{
    return m_replay;
}

bool
TraceDrivenQueueDisc::DoEnqueue(Ptr<QueueDiscItem> item)
{
    NS_LOG_FUNCTION(this << item);
    // A drop by the child is reported through the drop callback AddQueueDiscClass set.
    return GetQueueDiscClass(0)->GetQueueDisc()->Enqueue(item);
}

Ptr<QueueDiscItem>
TraceDrivenQueueDisc::DoDequeue()
{
    NS_LOG_FUNCTION(this);
    Time now = Simulator::Now();
    if (!m_inService)
    {
        m_inService = GetQueueDiscClass(0)->GetQueueDisc()->Dequeue();
        if (!m_inService)
        {
            return nullptr;
        }
        // Back to back with the previous packet if this one was waiting when that one left
        // (the device may take the packet a moment later: the link was not idle meanwhile).
        m_serviceStart = std::min(now, std::max(m_lastEnd, m_inService->GetTimeStamp()));
        m_serviceEnd = m_replay == REPLAY_OPPORTUNITIES
                           ? OpportunityServiceEnd(m_serviceStart, m_inService->GetSize())
                           : FluidServiceEnd(m_serviceStart, m_inService->GetSize());
        NS_LOG_LOGIC("service of " << m_inService->GetSize() << " bytes ends at "
                                   << m_serviceEnd.As(Time::S));
    }
    if (m_serviceEnd <= now)
    {
        Ptr<QueueDiscItem> item = m_inService;
        m_inService = nullptr;
        m_lastEnd = m_serviceEnd;
        m_delivered(item, m_serviceStart, m_serviceEnd);
        return item;
    }
    if (!m_wake.IsRunning() && m_serviceEnd != Time::Max())
    {
        m_wake = Simulator::Schedule(m_serviceEnd - now, &QueueDisc::Run, this);
    }
    return nullptr;
}

Time
TraceDrivenQueueDisc::FluidServiceEnd(Time now, uint32_t bytes) const
{
    double end_s = m_trace->DeliveryEnd_s((now + m_offset).GetSeconds(), bytes * kBitsPerByte);
    if (!std::isfinite(end_s))
    {
        return Time::Max(); // a trace that does not repeat has ended: the link is down for good
    }
    return Max(Seconds(end_s) - m_offset, now);
}

Time
TraceDrivenQueueDisc::OpportunityTime(uint64_t k) const
{
    const auto& opportunities = m_trace->GetDeliveryOpportunities_ms();
    uint64_t n = opportunities.size();
    uint64_t loop = k / n;
    if (loop > 0 && !m_trace->GetLoop())
    {
        return Time::Max();
    }
    int64_t ms = static_cast<int64_t>(loop) * m_period_ms + opportunities[k % n];
    return NanoSeconds(ms * kNanosecondsPerMs) - m_offset;
}

Time
TraceDrivenQueueDisc::OpportunityServiceEnd(Time now, uint32_t bytes)
{
    uint32_t need = bytes;
    if (m_credit > 0 && m_creditAt == now)
    {
        uint32_t use = std::min(m_credit, need);
        m_credit -= use;
        need -= use;
    }
    else
    {
        m_credit = 0;
    }
    if (need == 0)
    {
        return now;
    }
    if (OpportunityTime(m_nextOpportunity) < now)
    {
        // The link was idle: skip the opportunities it missed (they are lost, as in Mahimahi).
        const auto& opportunities = m_trace->GetDeliveryOpportunities_ms();
        int64_t traceNs = (now + m_offset).GetNanoSeconds();
        int64_t periodNs = m_period_ms * kNanosecondsPerMs;
        int64_t loop = traceNs / periodNs;
        int64_t withinNs = traceNs - loop * periodNs;
        auto firstMs =
            static_cast<uint32_t>((withinNs + kNanosecondsPerMs - 1) / kNanosecondsPerMs);
        auto it = std::lower_bound(opportunities.begin(), opportunities.end(), firstMs);
        m_nextOpportunity = static_cast<uint64_t>(loop) * opportunities.size() +
                            static_cast<uint64_t>(it - opportunities.begin());
    }
    Time end = now;
    while (need > 0)
    {
        end = OpportunityTime(m_nextOpportunity++);
        if (end == Time::Max())
        {
            return end;
        }
        uint32_t use = std::min(need, static_cast<uint32_t>(BandwidthTrace::kMahimahiPacketBytes));
        need -= use;
        m_credit = static_cast<uint32_t>(BandwidthTrace::kMahimahiPacketBytes) - use;
        m_creditAt = end;
    }
    return end;
}

bool
TraceDrivenQueueDisc::CheckConfig()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_trace,
                    "TraceDrivenQueueDisc: no bandwidth trace (set TracePath or call SetTrace)");
    // (QueueDisc only asserts on a false return, which release builds skip: abort instead.)
    NS_ABORT_MSG_IF(GetNInternalQueues() > 0 || GetNPacketFilters() > 0,
                    "TraceDrivenQueueDisc takes no internal queues and no packet filters");
    if (GetNQueueDiscClasses() == 0)
    {
        ObjectFactory factory;
        factory.SetTypeId("ns3::FifoQueueDisc");
        Ptr<QueueDisc> child = factory.Create<QueueDisc>();
        NS_ABORT_MSG_IF(!child->SetMaxSize(GetMaxSize()),
                        "TraceDrivenQueueDisc: cannot give the FIFO child the size "
                            << GetMaxSize());
        child->Initialize();
        Ptr<QueueDiscClass> c = CreateObject<QueueDiscClass>();
        c->SetQueueDisc(child);
        AddQueueDiscClass(c);
    }
    NS_ABORT_MSG_IF(GetNQueueDiscClasses() != 1,
                    "TraceDrivenQueueDisc needs exactly one child queue disc");
    bool mahimahi = !m_trace->GetDeliveryOpportunities_ms().empty();
    NS_ABORT_MSG_IF(m_replay == REPLAY_OPPORTUNITIES && !mahimahi,
                    "TraceDrivenQueueDisc: Replay=Opportunities needs a Mahimahi trace, and "
                        << m_trace->GetName() << " is not one");
    return true;
}

void
TraceDrivenQueueDisc::InitializeParams()
{
    NS_LOG_FUNCTION(this);
    bool mahimahi = !m_trace->GetDeliveryOpportunities_ms().empty();
    if (m_replay == REPLAY_AUTO)
    {
        m_replay = mahimahi ? REPLAY_OPPORTUNITIES : REPLAY_FLUID;
    }
    m_period_ms = std::llround(m_trace->GetDuration_s() * 1000);
    NS_ABORT_MSG_IF(m_replay == REPLAY_OPPORTUNITIES && m_period_ms <= 0,
                    "TraceDrivenQueueDisc: Mahimahi trace " << m_trace->GetName()
                                                            << " has no period");
    m_nextOpportunity = 0;
    m_credit = 0;
    m_lastEnd = Seconds(0);
}

} // namespace ns3
