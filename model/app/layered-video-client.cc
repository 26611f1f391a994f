#include "layered-video-client.h"

#include "ns3/abort.h"
#include "ns3/compute-capacity.h"
#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/streaming-session.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/video-profile.h"

#include <cmath>
#include <exception>
#include <limits>
#include <map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LayeredVideoClient");

NS_OBJECT_ENSURE_REGISTERED(LayeredVideoClient);

namespace
{
/// A QoE weight attribute below zero means "derive it from the profile".
constexpr double kDerived = -1;

/// Runs a setting's check; a bad value stops the simulation with the setting's name.
template <typename F>
void
CheckSetting(const char* name, F set)
{
    std::string error; // reported outside the handler: no 'terminate called' noise
    try
    {
        set();
    }
    catch (const std::exception& e)
    {
        error = e.what();
    }
    NS_ABORT_MSG_IF(!error.empty(), "LayeredVideoClient: " << name << ": " << error);
}
} // namespace

TypeId
LayeredVideoClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LayeredVideoClient")
            .SetParent<Application>()
            .SetGroupName("LayeredVideo")
            .AddConstructor<LayeredVideoClient>()
            .AddAttribute("RemoteAddress",
                          "The server's address (an Ipv4Address, or an InetSocketAddress).",
                          AddressValue(),
                          MakeAddressAccessor(&LayeredVideoClient::m_peer),
                          MakeAddressChecker())
            .AddAttribute("RemotePort",
                          "The server's TCP port (used with an Ipv4Address).",
                          UintegerValue(80),
                          MakeUintegerAccessor(&LayeredVideoClient::m_peerPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("ProfilePath",
                          "Video profile (JSON v1, Sabre manifest or Pensieve folder); read when "
                          "set. Empty: SetProfile() provides it.",
                          StringValue(""),
                          MakeStringAccessor(&LayeredVideoClient::SetProfilePath),
                          MakeStringChecker())
            .AddAttribute("Chunks",
                          "Video length in chunks (the profile's chunks repeat); 0: the "
                          "profile's own. Must match the server's.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LayeredVideoClient::SetChunks),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Abr",
                          "ABR algorithm by name: throughput, bba, bola, bola-fs, robust-mpc, "
                          "layered-buffer, layered-throughput, learned (with PolicyPath) or "
                          "learned:POLICY_FILE.",
                          StringValue("bba"),
                          MakeStringAccessor(&LayeredVideoClient::SetAbrName,
                                             &LayeredVideoClient::GetAbrName),
                          MakeStringChecker())
            .AddAttribute("PolicyPath",
                          "Policy file of the learned ABR (safetensors, made by abr-train); read "
                          "when set. Used when Abr is 'learned'.",
                          StringValue(""),
                          MakeStringAccessor(&LayeredVideoClient::SetPolicyPath,
                                             &LayeredVideoClient::GetPolicyPath),
                          MakeStringChecker())
            .AddAttribute("BufferCap",
                          "Most video buffered ahead of the playhead (s, > 0; Pensieve: 60).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&LayeredVideoClient::m_bufferCap),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("StartupThreshold",
                          "Video downloaded before playback starts (s, >= 0); 0: as soon as the "
                          "first chunk is decoded.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&LayeredVideoClient::m_startupThreshold),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("QoeMetric",
                          "Quality term of the QoE: linear (Mbit/s), log, psnr (dB) or ssim.",
                          StringValue("linear"),
                          MakeStringAccessor(&LayeredVideoClient::SetQoeMetric),
                          MakeStringChecker())
            .AddAttribute("RebufferPenalty",
                          "QoE weight of a second of stall (>= 0); -1: derived from the profile "
                          "(Pensieve's rule).",
                          DoubleValue(kDerived),
                          MakeDoubleAccessor(&LayeredVideoClient::m_rebufferPenalty),
                          MakeDoubleChecker<double>(kDerived))
            .AddAttribute("SmoothnessPenalty",
                          "QoE weight of quality changes (>= 0).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LayeredVideoClient::m_smoothnessPenalty),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("StartupPenalty",
                          "QoE weight of a second of startup delay (>= 0); -1: the rebuffering "
                          "weight.",
                          DoubleValue(kDerived),
                          MakeDoubleAccessor(&LayeredVideoClient::m_startupPenalty),
                          MakeDoubleChecker<double>(kDerived))
            .AddAttribute("Capacity",
                          "Decoder compute capacity: empty (always full), 'swift' (Swift's "
                          "generator, seeded from the ns-3 run) or a time_s,capacity CSV file.",
                          StringValue(""),
                          MakeStringAccessor(&LayeredVideoClient::SetCapacitySpec),
                          MakeStringChecker())
            .AddAttribute("ClientSpeed",
                          "The client decodes this many times as fast as the machine the "
                          "profile's decode times were measured on (4: a device four times "
                          "faster; 0.5: half as fast). 1e-3..1e6.",
                          DoubleValue(1),
                          MakeDoubleAccessor(&LayeredVideoClient::SetClientSpeed,
                                             &LayeredVideoClient::GetClientSpeed),
                          MakeDoubleChecker<double>(1e-3, 1e6))
            .AddAttribute("TraceName",
                          "Name of the bandwidth trace, written to the session summary.",
                          StringValue(""),
                          MakeStringAccessor(&LayeredVideoClient::m_traceName),
                          MakeStringChecker())
            .AddAttribute("ChunkLogPath",
                          "Per-chunk CSV log written when the session ends; empty: none.",
                          StringValue(""),
                          MakeStringAccessor(&LayeredVideoClient::m_chunkLogPath),
                          MakeStringChecker())
            .AddAttribute("SummaryPath",
                          "Session summary JSON written when the session ends; empty: none.",
                          StringValue(""),
                          MakeStringAccessor(&LayeredVideoClient::m_summaryPath),
                          MakeStringChecker())
            .AddAttribute("SegmentSize",
                          "TCP maximum segment size (bytes).",
                          UintegerValue(1448),
                          MakeUintegerAccessor(&LayeredVideoClient::m_segmentSize),
                          MakeUintegerChecker<uint32_t>(64, 65495))
            .AddTraceSource("StateTransition",
                            "The client changed state.",
                            MakeTraceSourceAccessor(&LayeredVideoClient::m_stateTrace),
                            "ns3::LayeredVideoClient::StateTracedCallback")
            .AddTraceSource("DownloadStarted",
                            "A fetch was sent.",
                            MakeTraceSourceAccessor(&LayeredVideoClient::m_downloadStartedTrace),
                            "ns3::LayeredVideoClient::DownloadStartedTracedCallback")
            .AddTraceSource("DownloadFinished",
                            "A fetch completed.",
                            MakeTraceSourceAccessor(&LayeredVideoClient::m_downloadFinishedTrace),
                            "ns3::LayeredVideoClient::DownloadFinishedTracedCallback")
            .AddTraceSource("ChunkPlayed",
                            "A chunk started playing.",
                            MakeTraceSourceAccessor(&LayeredVideoClient::m_chunkPlayedTrace),
                            "ns3::LayeredVideoClient::ChunkPlayedTracedCallback")
            .AddTraceSource("StallStarted",
                            "Playback stalled.",
                            MakeTraceSourceAccessor(&LayeredVideoClient::m_stallStartedTrace),
                            "ns3::LayeredVideoClient::StallStartedTracedCallback")
            .AddTraceSource("StallEnded",
                            "Playback resumed after a stall.",
                            MakeTraceSourceAccessor(&LayeredVideoClient::m_stallEndedTrace),
                            "ns3::LayeredVideoClient::StallEndedTracedCallback")
            .AddTraceSource("LayerUpgraded",
                            "An upgrade of a buffered chunk arrived in time.",
                            MakeTraceSourceAccessor(&LayeredVideoClient::m_layerUpgradedTrace),
                            "ns3::LayeredVideoClient::LayerUpgradedTracedCallback")
            .AddTraceSource("Rx",
                            "A packet of response bytes was received.",
                            MakeTraceSourceAccessor(&LayeredVideoClient::m_rxTrace),
                            "ns3::Packet::AddressTracedCallback");
    return tid;
}

LayeredVideoClient::LayeredVideoClient()
    : m_capacityRng(CreateObject<UniformRandomVariable>()),
      m_player(VideoPlayer::Handlers{
          [this](State from, State to) { StateChanged(from, to); },
          [this](uint32_t chunk, uint32_t first, uint32_t last, uint64_t bytes) {
              m_downloadStartedTrace(chunk, first, last, bytes);
          },
          [this](const DownloadRecord& record) { DownloadFinished(record); },
          [this](uint32_t chunk, uint32_t level, uint32_t exit) {
              m_chunkPlayedTrace(chunk,
                                 level,
                                 exit,
                                 m_setup.GetQoeModel()->Utility(chunk, level, exit));
          },
          [this](uint32_t chunk) { m_stallStartedTrace(chunk); },
          [this](uint32_t chunk, double stall_s) { m_stallEndedTrace(chunk, Seconds(stall_s)); },
          [this](Ptr<const Packet> packet, const Address& from) { m_rxTrace(packet, from); }})
{
    NS_LOG_FUNCTION(this);
}

LayeredVideoClient::~LayeredVideoClient()
{
    NS_LOG_FUNCTION(this);
}

void
LayeredVideoClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_player.Stop();
    Application::DoDispose();
}

void
LayeredVideoClient::SetProfile(std::shared_ptr<const VideoProfile> profile)
{
    CheckSetting("SetProfile", [&]() { m_setup.SetProfile(std::move(profile)); });
}

std::shared_ptr<const VideoProfile>
LayeredVideoClient::GetProfile() const
{
    return m_setup.GetProfile();
}

void
LayeredVideoClient::SetCapacity(std::shared_ptr<const ComputeCapacity> capacity)
{
    CheckSetting("SetCapacity", [&]() { m_setup.SetCapacity(std::move(capacity)); });
}

void
LayeredVideoClient::SetProfilePath(std::string path)
{
    if (!path.empty())
    {
        CheckSetting("ProfilePath", [&]() { m_setup.LoadProfile(path); });
    }
}

void
LayeredVideoClient::SetClientSpeed(double speed)
{
    m_clientSpeed = speed;
    CheckSetting("ClientSpeed", [&]() { m_setup.SetClientSpeed(speed); });
}

double
LayeredVideoClient::GetClientSpeed() const
{
    return m_clientSpeed;
}

void
LayeredVideoClient::SetChunks(uint32_t chunks)
{
    m_setup.SetChunks(chunks);
}

void
LayeredVideoClient::SetAbrName(std::string name)
{
    CheckSetting("Abr", [&]() { m_setup.SetAbr(name); });
}

std::string
LayeredVideoClient::GetAbrName() const
{
    return m_setup.GetAbr();
}

void
LayeredVideoClient::SetPolicyPath(std::string path)
{
    CheckSetting("PolicyPath", [&]() { m_setup.SetPolicyPath(path); });
}

std::string
LayeredVideoClient::GetPolicyPath() const
{
    return m_setup.GetPolicyPath();
}

void
LayeredVideoClient::SetQoeMetric(std::string name)
{
    CheckSetting("QoeMetric", [&]() { m_qoeMetric = ParseQoeMetric(name); });
}

void
LayeredVideoClient::SetCapacitySpec(std::string spec)
{
    CheckSetting("Capacity", [&]() { m_setup.SetCapacity(spec); });
}

int64_t
LayeredVideoClient::AssignStreams(int64_t stream)
{
    m_capacityRng->SetStream(stream);
    return 1;
}

LayeredVideoClient::State
LayeredVideoClient::GetState() const
{
    return m_player.GetState();
}

const std::string&
LayeredVideoClient::GetError() const
{
    return m_player.GetError();
}

const StreamingSession*
LayeredVideoClient::GetSession() const
{
    return m_session;
}

const QoeModel*
LayeredVideoClient::GetQoeModel() const
{
    return m_setup.GetQoeModel();
}

QoeSummary
LayeredVideoClient::GetSummary() const
{
    NS_ABORT_MSG_IF(!m_session, "LayeredVideoClient: no session before StartApplication");
    return m_session->Summary();
}

void
LayeredVideoClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_player.GetState() != State::NotStarted)
    {
        return;
    }
    NS_ABORT_MSG_IF(!m_setup.GetProfile(),
                    "LayeredVideoClient: no video profile (set ProfilePath or call SetProfile)");
    Address server = m_peer;
    if (Ipv4Address::IsMatchingType(m_peer))
    {
        server = InetSocketAddress(Ipv4Address::ConvertFrom(m_peer), m_peerPort);
    }
    NS_ABORT_MSG_IF(!InetSocketAddress::IsMatchingType(server),
                    "LayeredVideoClient: RemoteAddress must be set to an IPv4 address");
    auto derived = [](double v) { return v < 0 ? std::numeric_limits<double>::quiet_NaN() : v; };
    QoeParams qoe;
    qoe.metric = m_qoeMetric;
    qoe.rebuffer_per_s = derived(m_rebufferPenalty);
    qoe.smoothness = m_smoothnessPenalty;
    qoe.startup_per_s = derived(m_startupPenalty);
    SessionConfig config;
    config.limits.buffer_cap_s = m_bufferCap.GetSeconds();
    config.buffer.startup_threshold_s = m_startupThreshold.GetSeconds();
    m_setup.SetQoe(qoe);
    m_setup.SetSessionConfig(config);
    uint32_t seed = m_capacityRng->GetInteger(0, std::numeric_limits<uint32_t>::max() - 1);
    CheckSetting("session", [&]() { m_session = &m_setup.Create(seed); });
    m_player.Start(*m_session, GetNode(), server, m_segmentSize);
}

void
LayeredVideoClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_player.Stop();
}

void
LayeredVideoClient::StateChanged(State oldState, State newState)
{
    m_stateTrace(VideoPlayer::StateName(oldState), VideoPlayer::StateName(newState));
    if (newState == State::Finished || newState == State::Failed)
    {
        WriteLogs(m_chunkLogPath, m_summaryPath);
    }
}

void
LayeredVideoClient::DownloadFinished(const DownloadRecord& record)
{
    m_downloadFinishedTrace(record);
    if (record.from_level > 0 && record.accepted)
    {
        m_layerUpgradedTrace(record.chunk, record.from_level, record.to_level);
    }
}

void
LayeredVideoClient::WriteLogs(const std::string& chunkLogPath, const std::string& summaryPath) const
{
    std::map<std::string, std::string> meta{{"abr", m_setup.GetAbr()},
                                            {"trace", m_traceName},
                                            {"seed", std::to_string(RngSeedManager::GetSeed())},
                                            {"run", std::to_string(RngSeedManager::GetRun())},
                                            {"simulator", "ns-3 packet-level"},
                                            {"state", VideoPlayer::StateName(GetState())}};
    if (auto profile = m_setup.GetProfile())
    {
        meta["profile"] = profile->GetVideo().name;
        meta["codec"] = profile->GetCodec().name;
    }
    if (!GetError().empty())
    {
        meta["error"] = GetError();
    }
    CheckSetting("logs", [&]() { m_setup.WriteLogs(chunkLogPath, summaryPath, meta); });
}

} // namespace ns3
