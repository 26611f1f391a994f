#include "streaming-env.h"

#include "policy-actions.h"
#include "qoe-progress.h"

#include "ns3/bandwidth-trace.h"
#include "ns3/video-profile.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{

/// The session's ABR: returns the decision the environment chose.
class StreamingEnv::ScriptedAbr : public AbrAlgorithm
{
  public:
    std::string GetName() const override
    {
        return "policy-env";
    }

    AbrDecision Decide(const AbrContext& /* context */) override
    {
        return m_next;
    }

    AbrDecision m_next;
};

StreamingEnv::StreamingEnv(const VideoProfile& profile,
                           const QoeModel& qoe,
                           const PolicyLayout& layout,
                           const ChunkSimConfig& config)
    : m_profile(profile),
      m_qoe(qoe),
      m_layout(layout),
      m_config(config),
      m_scale(QualityScale::For(profile, qoe)),
      m_abr(std::make_unique<ScriptedAbr>())
{
    m_layout.CheckProfile(profile, "environment");
}

StreamingEnv::~StreamingEnv()
{
    m_session.reset(); // before the capacity it refers to
}

void
StreamingEnv::Reset(const BandwidthTrace& trace, ComputeCapacity capacity, double trace_offset_s)
{
    m_session.reset();
    m_capacity = std::move(capacity);
    m_trace = &trace;
    m_config.trace_offset_s = trace_offset_s;
    m_downloads = std::make_unique<TraceDownloads>(trace, m_config);
    m_session =
        std::make_unique<StreamingSession>(m_profile, *m_abr, m_capacity, m_qoe, m_config.session);
    m_now_s = m_session->Now_s();
    m_done = false;
    m_phi = 0;
    m_fetched = 0;
    m_return = 0;
    RunToDecision();
}

AbrContext
StreamingEnv::DecisionContext()
{
    // What StreamingSession::NextRequest(now) will show the ABR: it appends the capacity now.
    AbrContext base = m_session->Context();
    m_capacities = base.CapacityHistory();
    m_capacities.push_back(m_capacity.GetCapacity(m_now_s));
    return AbrContext(m_now_s,
                      base.Profile(),
                      base.Buffer(),
                      base.Decoder(),
                      base.Qoe(),
                      base.Downloads(),
                      m_capacities,
                      base.Limits());
}

void
StreamingEnv::Execute(const AbrDecision& decision)
{
    m_abr->m_next = decision;
    AbrDecision d = m_session->NextRequest(m_now_s);
    switch (d.kind)
    {
    case AbrDecision::Kind::Done:
        m_session->Finish();
        m_done = true;
        return;
    case AbrDecision::Kind::Wait:
        m_now_s += d.wait_s;
        return;
    case AbrDecision::Kind::Fetch:
        break;
    }
    std::uint64_t bytes = m_session->RequestBytes(d);
    double end_s = m_downloads->End_s(m_now_s, bytes);
    if (!std::isfinite(end_s))
    {
        throw std::runtime_error("trace " + m_trace->GetName() +
                                 " ends before a download completes");
    }
    m_session->OnDownloadComplete(d, bytes, m_now_s, m_downloads->FirstByte_s(m_now_s), end_s);
    m_now_s = end_s;
}

void
StreamingEnv::RunToDecision()
{
    while (!m_done)
    {
        m_session->AdvanceTo(m_now_s);
        AbrContext context = DecisionContext();
        std::vector<std::uint8_t> mask = ActionMask(context, m_layout);
        if (std::optional<AbrDecision> forced = ForcedDecision(context, m_layout, mask))
        {
            Execute(*forced);
            continue;
        }
        m_state = EncodeState(context, m_layout, m_scale);
        m_mask = std::move(mask);
        return;
    }
}

bool
StreamingEnv::Done() const
{
    return m_done;
}

const std::vector<float>&
StreamingEnv::State() const
{
    return m_state;
}

const std::vector<std::uint8_t>&
StreamingEnv::Mask() const
{
    return m_mask;
}

double
StreamingEnv::Step(std::uint32_t action)
{
    if (m_done || action >= m_mask.size() || !m_mask[action])
    {
        throw std::logic_error("StreamingEnv: action " + std::to_string(action) +
                               " is not valid now");
    }
    Execute(DecisionFor(DecisionContext(), m_layout, action));
    RunToDecision();
    return Settle();
}

double
StreamingEnv::Settle()
{
    double phi = QoeSoFar(m_session->Buffer(), m_qoe);
    std::uint32_t fetched = m_session->Buffer().GetNextMissingChunk();
    double reward = (phi - m_phi - m_scale.offset * (fetched - m_fetched)) / m_scale.gap;
    m_phi = phi;
    m_fetched = fetched;
    m_return += reward;
    return reward;
}

double
StreamingEnv::Return() const
{
    return m_return;
}

QoeSummary
StreamingEnv::Summary() const
{
    return m_session ? m_session->Summary() : QoeSummary{};
}

const PolicyLayout&
StreamingEnv::Layout() const
{
    return m_layout;
}

const QualityScale&
StreamingEnv::Scale() const
{
    return m_scale;
}

} // namespace ns3
