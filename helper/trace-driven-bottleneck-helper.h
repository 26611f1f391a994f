#ifndef LAYERED_VIDEO_TRACE_DRIVEN_BOTTLENECK_HELPER_H
#define LAYERED_VIDEO_TRACE_DRIVEN_BOTTLENECK_HELPER_H

#include "ns3/bandwidth-trace.h"
#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/trace-driven-queue-disc.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup layered-video
 * \brief Builds a server, a bottleneck whose rate follows a bandwidth trace, and N clients:
 *
 *     server --access-- routerA ==bottleneck (trace, delay, queue, loss)==> routerB --access--
 * client i
 *
 * The downlink (routerA -> routerB) is shaped by a TraceDrivenQueueDisc holding the trace and
 * the queue (drop-tail FIFO of MaxSize by default, or the discipline SetQueueDisc names, e.g.
 * an AQM); the uplink is shaped by its own trace when one is given, else it runs at the uplink
 * rate. Access links are fast and never drop, so the bottleneck is the only queue. Installs
 * the Internet stack, IPv4 addresses and global routes.
 *
 *     TraceDrivenBottleneckHelper bottleneck;
 *     bottleneck.SetTracePath("norway_bus_1");
 *     bottleneck.Install(1);
 *     // servers on bottleneck.GetServer(), clients on bottleneck.GetClient(i) ...
 */
class TraceDrivenBottleneckHelper
{
  public:
    TraceDrivenBottleneckHelper();

    /// The downlink trace (shared, read-only).
    void SetTrace(std::shared_ptr<const BandwidthTrace> trace);
    /// Reads the downlink trace (a bad file stops with a message naming it).
    void SetTracePath(const std::string& path, const std::string& format = "auto");
    /// An uplink trace (Mahimahi publishes .up files); without one the uplink is not shaped.
    void SetUplinkTrace(std::shared_ptr<const BandwidthTrace> trace);
    void SetUplinkTracePath(const std::string& path, const std::string& format = "auto");

    /// An attribute of the TraceDrivenQueueDisc of both directions (MaxSize, TraceOffset,
    /// Replay).
    void SetShaperAttribute(const std::string& name, const AttributeValue& value);
    /**
     * The queue discipline in front of the bottleneck, by TypeId name and attributes, e.g.
     * ("ns3::CoDelQueueDisc", "MaxSize", QueueSizeValue(QueueSize("200p"))). Default: a FIFO
     * (drop-tail) of the shaper's MaxSize.
     */
    template <typename... Args>
    void SetQueueDisc(const std::string& type, Args&&... args);

    /// One-way propagation delay of the bottleneck (default 40 ms: an 80 ms RTT, Pensieve's).
    void SetDelay(Time delay);
    /// Rate and delay of the access links (default 10 Gbit/s, no delay).
    void SetAccessLink(DataRate rate, Time delay);
    /// Rate of the unshaped uplink (default 10 Gbit/s).
    void SetUplinkRate(DataRate rate);
    /// Random packet loss on the bottleneck, each direction (probability per packet).
    void SetLossRate(double downlink, double uplink = 0);

    /// Builds the topology with this many clients.
    void Install(uint32_t clients);

    Ptr<Node> GetServer() const;
    Ipv4Address GetServerAddress() const;
    Ptr<Node> GetClient(uint32_t i) const;
    NodeContainer GetClients() const;
    Ipv4Address GetClientAddress(uint32_t i) const;
    /// The bottleneck's devices: 0 on routerA (downlink sender), 1 on routerB.
    NetDeviceContainer GetBottleneckDevices() const;
    Ptr<TraceDrivenQueueDisc> GetDownlinkQueueDisc() const;
    /// Null when the uplink is not shaped.
    Ptr<TraceDrivenQueueDisc> GetUplinkQueueDisc() const;
    /// Fixes the random streams of the Internet stacks and the loss models (call after
    /// Install); returns the number of streams used.
    int64_t AssignStreams(int64_t stream);

  private:
    Ptr<TraceDrivenQueueDisc> InstallShaper(Ptr<NetDevice> device,
                                            std::shared_ptr<const BandwidthTrace> trace) const;
    void AddLoss(Ptr<NetDevice> receiver, double rate);

    std::shared_ptr<const BandwidthTrace> m_downTrace;
    std::shared_ptr<const BandwidthTrace> m_upTrace;
    ObjectFactory m_shaperFactory;
    ObjectFactory m_childFactory;
    bool m_hasChild = false;
    Time m_delay;
    DataRate m_accessRate;
    Time m_accessDelay;
    DataRate m_uplinkRate;
    double m_downLoss = 0;
    double m_upLoss = 0;

    NodeContainer m_server;
    NodeContainer m_routers;
    NodeContainer m_clients;
    NetDeviceContainer m_bottleneck;
    Ipv4Address m_serverAddress;
    std::vector<Ipv4Address> m_clientAddresses;
    Ptr<TraceDrivenQueueDisc> m_downShaper;
    Ptr<TraceDrivenQueueDisc> m_upShaper;
    std::vector<Ptr<Object>> m_errorModels;
};

template <typename... Args>
void
TraceDrivenBottleneckHelper::SetQueueDisc(const std::string& type, Args&&... args)
{
    m_childFactory.SetTypeId(type);
    m_childFactory.Set(std::forward<Args>(args)...);
    m_hasChild = true;
}

} // namespace ns3

#endif // LAYERED_VIDEO_TRACE_DRIVEN_BOTTLENECK_HELPER_H
