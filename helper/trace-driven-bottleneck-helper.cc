#include "trace-driven-bottleneck-helper.h"

#include "ns3/abort.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/queue-size.h"
#include "ns3/string.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/traffic-control-layer.h"

#include <exception>

namespace ns3
{

namespace
{
/// Access links must not drop: their device queues hold any TCP burst.
const char* const kAccessQueue = "100000p";
/// The bottleneck's backlog waits in the shaper; its device queue only hands packets on.
const char* const kBottleneckDeviceQueue = "2p";
/// The bottleneck devices send at the access rate; the shaper sets the pace.
constexpr double kDefaultDelay_s = 0.040;
const char* const kDefaultFastRate = "10Gbps";

std::shared_ptr<const BandwidthTrace>
LoadTrace(const std::string& path, const std::string& format)
{
    std::string error; // reported outside the handler: no 'terminate called' noise
    try
    {
        return std::make_shared<const BandwidthTrace>(
            BandwidthTrace::Load(path, ParseTraceFormat(format)));
    }
    catch (const std::exception& e)
    {
        error = e.what();
    }
    NS_ABORT_MSG_IF(!error.empty(), "TraceDrivenBottleneckHelper: " << error);
    return nullptr;
}
} // namespace

TraceDrivenBottleneckHelper::TraceDrivenBottleneckHelper()
    : m_delay(Seconds(kDefaultDelay_s)),
      m_accessRate(kDefaultFastRate),
      m_accessDelay(Seconds(0)),
      m_uplinkRate(kDefaultFastRate)
{
    m_shaperFactory.SetTypeId(TraceDrivenQueueDisc::GetTypeId());
}

void
TraceDrivenBottleneckHelper::SetTrace(std::shared_ptr<const BandwidthTrace> trace)
{
    NS_ABORT_MSG_IF(!trace, "TraceDrivenBottleneckHelper: SetTrace needs a trace");
    m_downTrace = std::move(trace);
}

void
TraceDrivenBottleneckHelper::SetTracePath(const std::string& path, const std::string& format)
{
    m_downTrace = LoadTrace(path, format);
}

void
TraceDrivenBottleneckHelper::SetUplinkTrace(std::shared_ptr<const BandwidthTrace> trace)
{
    m_upTrace = std::move(trace);
}

void
TraceDrivenBottleneckHelper::SetUplinkTracePath(const std::string& path, const std::string& format)
{
    m_upTrace = LoadTrace(path, format);
}

void
TraceDrivenBottleneckHelper::SetShaperAttribute(const std::string& name,
                                                const AttributeValue& value)
{
    m_shaperFactory.Set(name, value);
}

void
TraceDrivenBottleneckHelper::SetDelay(Time delay)
{
    NS_ABORT_MSG_IF(delay.IsStrictlyNegative(), "TraceDrivenBottleneckHelper: negative delay");
    m_delay = delay;
}

void
TraceDrivenBottleneckHelper::SetAccessLink(DataRate rate, Time delay)
{
    NS_ABORT_MSG_IF(rate.GetBitRate() == 0 || delay.IsStrictlyNegative(),
                    "TraceDrivenBottleneckHelper: access links need a rate > 0 and a delay >= 0");
    m_accessRate = rate;
    m_accessDelay = delay;
}

void
TraceDrivenBottleneckHelper::SetUplinkRate(DataRate rate)
{
    NS_ABORT_MSG_IF(rate.GetBitRate() == 0, "TraceDrivenBottleneckHelper: uplink rate 0");
    m_uplinkRate = rate;
}

void
TraceDrivenBottleneckHelper::SetLossRate(double downlink, double uplink)
{
    NS_ABORT_MSG_IF(!(downlink >= 0 && downlink < 1 && uplink >= 0 && uplink < 1),
                    "TraceDrivenBottleneckHelper: loss rates must be in [0, 1)");
    m_downLoss = downlink;
    m_upLoss = uplink;
}

Ptr<TraceDrivenQueueDisc>
TraceDrivenBottleneckHelper::InstallShaper(Ptr<NetDevice> device,
                                           std::shared_ptr<const BandwidthTrace> trace) const
{
    Ptr<TraceDrivenQueueDisc> shaper = m_shaperFactory.Create<TraceDrivenQueueDisc>();
    shaper->SetTrace(std::move(trace));
    if (m_hasChild)
    {
        Ptr<QueueDiscClass> c = CreateObject<QueueDiscClass>();
        c->SetQueueDisc(m_childFactory.Create<QueueDisc>());
        shaper->AddQueueDiscClass(c);
    }
    Ptr<TrafficControlLayer> tc = device->GetNode()->GetObject<TrafficControlLayer>();
    tc->SetRootQueueDiscOnDevice(device, shaper);
    return shaper;
}

void
TraceDrivenBottleneckHelper::AddLoss(Ptr<NetDevice> receiver, double rate)
{
    if (rate <= 0)
    {
        return;
    }
    Ptr<RateErrorModel> loss = CreateObject<RateErrorModel>();
    loss->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
    loss->SetRate(rate);
    receiver->SetAttribute("ReceiveErrorModel", PointerValue(loss));
    m_errorModels.push_back(loss);
}

void
TraceDrivenBottleneckHelper::Install(uint32_t clients)
{
    NS_ABORT_MSG_IF(!m_downTrace, "TraceDrivenBottleneckHelper: no trace (SetTracePath)");
    NS_ABORT_MSG_IF(clients == 0, "TraceDrivenBottleneckHelper: Install needs a client");
    m_server.Create(1);
    m_routers.Create(2);
    m_clients.Create(clients);
    InternetStackHelper internet;
    internet.Install(m_server);
    internet.Install(m_routers);
    internet.Install(m_clients);

    PointToPointHelper access;
    access.SetDeviceAttribute("DataRate", DataRateValue(m_accessRate));
    access.SetChannelAttribute("Delay", TimeValue(m_accessDelay));
    access.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue(kAccessQueue));
    PointToPointHelper bottleneck;
    bottleneck.SetDeviceAttribute("DataRate", DataRateValue(m_accessRate));
    bottleneck.SetChannelAttribute("Delay", TimeValue(m_delay));
    bottleneck.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue(kBottleneckDeviceQueue));

    NetDeviceContainer serverLink = access.Install(m_server.Get(0), m_routers.Get(0));
    m_bottleneck = bottleneck.Install(m_routers.Get(0), m_routers.Get(1));
    if (!m_upTrace)
    {
        // Unshaped, the uplink is a plain fast link: its device queue must not drop either.
        m_bottleneck.Get(1)->SetAttribute("DataRate", DataRateValue(m_uplinkRate));
        DynamicCast<PointToPointNetDevice>(m_bottleneck.Get(1))
            ->GetQueue()
            ->SetMaxSize(QueueSize(kAccessQueue));
    }
    std::vector<NetDeviceContainer> clientLinks;
    for (uint32_t i = 0; i < clients; ++i)
    {
        clientLinks.push_back(access.Install(m_routers.Get(1), m_clients.Get(i)));
    }
    AddLoss(m_bottleneck.Get(1), m_downLoss);
    AddLoss(m_bottleneck.Get(0), m_upLoss);

    // Shapers first: address assignment installs ns-3's default queue disc where none is.
    m_downShaper = InstallShaper(m_bottleneck.Get(0), m_downTrace);
    m_upShaper = m_upTrace ? InstallShaper(m_bottleneck.Get(1), m_upTrace) : nullptr;

    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.252");
    m_serverAddress = addresses.Assign(serverLink).GetAddress(0);
    addresses.NewNetwork();
    addresses.Assign(m_bottleneck);
    m_clientAddresses.clear();
    for (const NetDeviceContainer& link : clientLinks)
    {
        addresses.NewNetwork();
        m_clientAddresses.push_back(addresses.Assign(link).GetAddress(1));
    }
    // Only the bottleneck queues: every other device sends straight from its own queue.
    TrafficControlHelper tc;
    tc.Uninstall(serverLink);
    for (const NetDeviceContainer& link : clientLinks)
    {
        tc.Uninstall(link);
    }
    if (!m_upShaper)
    {
        tc.Uninstall(m_bottleneck.Get(1));
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
}

Ptr<Node>
TraceDrivenBottleneckHelper::GetServer() const
{
    return m_server.Get(0);
}

Ipv4Address
TraceDrivenBottleneckHelper::GetServerAddress() const
{
    return m_serverAddress;
}

Ptr<Node>
TraceDrivenBottleneckHelper::GetClient(uint32_t i) const
{
    return m_clients.Get(i);
}

NodeContainer
TraceDrivenBottleneckHelper::GetClients() const
{
    return m_clients;
}

Ipv4Address
TraceDrivenBottleneckHelper::GetClientAddress(uint32_t i) const
{
    return m_clientAddresses.at(i);
}

NetDeviceContainer
TraceDrivenBottleneckHelper::GetBottleneckDevices() const
{
    return m_bottleneck;
}

Ptr<TraceDrivenQueueDisc>
TraceDrivenBottleneckHelper::GetDownlinkQueueDisc() const
{
    return m_downShaper;
}

Ptr<TraceDrivenQueueDisc>
TraceDrivenBottleneckHelper::GetUplinkQueueDisc() const
{
    return m_upShaper;
}

int64_t
TraceDrivenBottleneckHelper::AssignStreams(int64_t stream)
{
    InternetStackHelper internet;
    NodeContainer nodes(m_server, m_routers, m_clients);
    int64_t used = internet.AssignStreams(nodes, stream);
    for (const Ptr<Object>& model : m_errorModels)
    {
        used += DynamicCast<RateErrorModel>(model)->AssignStreams(stream + used);
    }
    return used;
}

} // namespace ns3
